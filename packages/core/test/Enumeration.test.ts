import { assert, describe, it } from "@effect/vitest"
import { Assessment, CalendarEvent, CriteriaFramework, Enumeration, FundingRuleSet, Organisation, Partnership, Programme } from "@localrights/core"
import { Exit, Schema } from "effect"

const Verdict = Enumeration.make({
  pass: { sv: "Godkänd", en: "Pass" },
  revise: { sv: "Behöver revideras", en: "Revise" },
  fail: { sv: "Underkänd", en: "Fail" }
})

describe("Enumeration", () => {
  it("is the literal schema of its values, in table order", () => {
    assert.deepStrictEqual(Verdict.values, ["pass", "revise", "fail"])
    assert.deepStrictEqual(Verdict.literals, ["pass", "revise", "fail"])
    assert.strictEqual(Schema.decodeUnknownSync(Verdict)("revise"), "revise")
    assert.isTrue(Exit.isFailure(Schema.decodeUnknownExit(Verdict)("maybe")))
    const Struct = Schema.Struct({ verdict: Verdict })
    assert.deepStrictEqual(Schema.decodeUnknownSync(Struct)({ verdict: "fail" }), { verdict: "fail" })
  })

  it("names each value in both languages", () => {
    assert.strictEqual(Verdict.nameOf("pass", "sv"), "Godkänd")
    assert.strictEqual(Verdict.nameOf("fail", "en"), "Fail")
    assert.deepStrictEqual(Verdict.names.revise, { sv: "Behöver revideras", en: "Revise" })
  })

  it("every enumeration of the domain has both names for every value", () => {
    const check = <K extends string>(e: Enumeration.Enumeration<K>) => {
      assert.deepStrictEqual(Object.keys(e.names), [...e.values])
      for (const v of e.values) {
        assert.isAbove(e.nameOf(v, "sv").length, 0)
        assert.isAbove(e.nameOf(v, "en").length, 0)
      }
    }
    for (const e of [
      Partnership.Status,
      Partnership.Gate,
      Partnership.Outcome,
      Partnership.AssociateRole,
      Programme.FocusArea,
      Programme.ProgrammeKind,
      Organisation.OrganisationKind,
      FundingRuleSet.Phase,
      FundingRuleSet.CostCategory,
      FundingRuleSet.Purpose,
      FundingRuleSet.Side,
      FundingRuleSet.FundingSource,
      CalendarEvent.Kind,
      CalendarEvent.Status,
      Assessment.Verdict,
      CriteriaFramework.Stage
    ] as const) check<string>(e as Enumeration.Enumeration<string>)
    assert.strictEqual(Partnership.Status.nameOf("preparation", "sv"), "Förberedelseår")
  })
})
