import { assert, describe, it } from "@effect/vitest"
import { Sdg } from "@localrights/core"
import { Exit, Schema } from "effect"
import * as fc from "fast-check"

describe("Sdg catalogue", () => {
  it("holds 17 goals and 169 targets, every target under its goal", () => {
    assert.strictEqual(Sdg.goals.length, 17)
    assert.strictEqual(Sdg.targets.length, 169)
    for (const t of Sdg.targets) assert.isTrue(t.code.startsWith(`${t.goal}.`))
    assert.deepStrictEqual(Sdg.targetsOf(Sdg.goal(10)!.number).map((t) => t.code), ["10.1", "10.2", "10.3", "10.4", "10.5", "10.6", "10.7", "10.a", "10.b", "10.c"])
    assert.isUndefined(Sdg.target("10.9"))
    assert.notInclude(Sdg.target("14.6")!.title.en, "negotiation3")
  })

  it("names goals in Swedish and English", () => {
    const ten = Sdg.goal(10)!
    assert.deepStrictEqual(Sdg.goalLabel(ten, "sv"), { text: "10 – Minskad ojämlikhet", lang: "sv", fallback: false })
    assert.deepStrictEqual(Sdg.goalLabel(ten, "en"), { text: "10 – Reduced inequalities", lang: "en", fallback: false })
  })

  it("falls back to English for target titles and says so", () => {
    const r = Sdg.targetTitle(Sdg.target("10.2")!, "sv")
    assert.strictEqual(r.lang, "en")
    assert.isTrue(r.fallback)
    assert.include(r.text, "social, economic and political inclusion")
  })

  it("finds goals and targets by code and by words in either language", () => {
    assert.deepStrictEqual(Sdg.search("10").map((h) => h.kind), ["goal"])
    assert.deepStrictEqual(Sdg.search("16.b").map((h) => (h.kind === "target" ? h.target.code : "")), ["16.b"])
    const sv = Sdg.search("OJÄMLIKHET")
    assert.isTrue(sv.some((h) => h.kind === "goal" && h.goal.number === 10 && h.lang === "sv"))
    const en = Sdg.search("gender equality")
    assert.isTrue(en.some((h) => h.kind === "goal" && h.goal.number === 5))
    assert.isTrue(en.some((h) => h.kind === "target" && h.target.code === "5.c"))
    assert.deepStrictEqual(Sdg.search("   "), [])
    assert.deepStrictEqual(Sdg.search("xyzzy"), [])
  })

  it("uses the DAC significance codes", () => {
    assert.strictEqual(Sdg.significanceCode("principal"), 2)
    assert.strictEqual(Sdg.significanceCode("significant"), 1)
  })
})

describe("Sdg.Tags", () => {
  it("refuses exactly the lists that tag a goal or target twice, short or long", () => {
    const tag = fc.constantFrom<Sdg.Tag>(
      { goal: 10 as Sdg.GoalNumber, significance: "principal" },
      { goal: 16 as Sdg.GoalNumber, significance: "significant" },
      { goal: 10 as Sdg.GoalNumber, target: "10.2" as Sdg.TargetCode, significance: "principal" },
      { goal: 16 as Sdg.GoalNumber, target: "16.7" as Sdg.TargetCode, significance: "significant" },
      { goal: 16 as Sdg.GoalNumber, target: "16.b" as Sdg.TargetCode, significance: "principal" },
      ...Sdg.targets.slice(0, 12).map((t): Sdg.Tag => ({ goal: t.goal, target: t.code, significance: "significant" }))
    )
    const decode = Schema.decodeUnknownExit(Sdg.Tags)
    fc.assert(fc.property(fc.array(tag, { maxLength: 20 }), (tags) => {
      // the check as it was written before
      const unique = new Set(tags.map((t) => t.target ?? String(t.goal))).size === tags.length
      assert.strictEqual(Exit.isSuccess(decode(tags)), unique)
    }), { numRuns: 1000 })
  })
})
