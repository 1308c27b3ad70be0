import { assert, describe, it } from "@effect/vitest"
import { Sdg } from "@localrights/core"

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
