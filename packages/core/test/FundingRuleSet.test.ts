import { assert, describe, it } from "@effect/vitest"
import { FundingRuleSet, Money, Validation } from "@localrights/core"
import { IcldCohort2020 } from "@localrights/core/examples"
import { Effect, Option, Schema } from "effect"
import * as Arbitrary from "effect/Arbitrary"

const decode = Validation.decoder(FundingRuleSet.FundingRuleSet, "FundingRuleSet")
const encode = Schema.encodeSync(FundingRuleSet.FundingRuleSet)
const paths = (input: unknown) =>
  decode(input).pipe(Effect.flip, Effect.map((e) => e.violations.map((v) => v.field)))

describe("FundingRuleSet", () => {
  it("the built-in ICLD MR 2020 set has the seed's rules and the example programme's id", () => {
    const set = FundingRuleSet.icldMr2020
    assert.strictEqual(set.id, "icld-mr-2020")
    assert.strictEqual(set.id, IcldCohort2020.programme.fundingRuleSet)
    assert.deepStrictEqual(FundingRuleSet.builtIns, [set])
    assert.deepStrictEqual(FundingRuleSet.findBuiltIn("icld-mr-2020"), Option.some(set))
    assert.isTrue(Option.isNone(FundingRuleSet.findBuiltIn("no-such-rules")))
    assert.isTrue(FundingRuleSet.isBuiltIn("icld-mr-2020"))
    assert.deepStrictEqual(set.rules, [
      { _tag: "PhaseCap", id: "preparation-cap", phase: "preparation", cap: Money.sek(300_000) },
      { _tag: "ProgrammeCap", id: "total-cap", cap: Money.sek(3_000_000) },
      { _tag: "EligibleCosts", id: "eligible-costs", categories: ["travel", "accommodation"], purposes: ["exchange-trip", "network-training"] }
    ])
  })

  it("the four-year cap is configurable", () => {
    const set = FundingRuleSet.makeIcldMr2020({ totalCap: Money.sek(2_900_000) })
    const total = set.rules.find((r) => r._tag === "ProgrammeCap")
    assert.deepStrictEqual(total?._tag === "ProgrammeCap" ? total.cap : undefined, Money.sek(2_900_000))
  })

  it.effect("round-trips through JSON", () =>
    Effect.gen(function*() {
      const json = JSON.parse(JSON.stringify(encode(FundingRuleSet.icldMr2020)))
      assert.deepStrictEqual(yield* decode(json), FundingRuleSet.icldMr2020)
    }))

  it.prop("every rule decodes what it encodes (property)", [FundingRuleSet.Rule], ([rule]) => {
    const codec = Schema.toCodecJson(FundingRuleSet.Rule)
    assert.deepStrictEqual(Schema.decodeUnknownSync(codec)(JSON.parse(JSON.stringify(Schema.encodeSync(codec)(rule)))), rule)
  }, { arbitrary: { runs: 100 } })

  it.prop("describe gives a text in both languages for every rule (property)", [Arbitrary.schema(FundingRuleSet.Rule)], ([rule]) => {
    const text = FundingRuleSet.describe(rule, FundingRuleSet.icldMr2020)
    assert.isTrue((text.sv?.length ?? 0) > 0 && (text.en?.length ?? 0) > 0)
  }, { arbitrary: { runs: 100 } })

  it.effect("bad input names the rule and field", () =>
    Effect.gen(function*() {
      const base = JSON.parse(JSON.stringify(encode(FundingRuleSet.icldMr2020)))
      const rules = base.rules
      assert.deepStrictEqual(
        yield* paths({ ...base, rules: [rules[0], { ...rules[1], id: "preparation-cap" }] }),
        ["rules[1].id"]
      )
      assert.deepStrictEqual(
        yield* paths({ ...base, rules: [rules[0], { ...rules[1], cap: { minor: 1, currency: "BWP" } }] }),
        ["rules[1].cap.currency"]
      )
      assert.deepStrictEqual(yield* paths({ ...base, rules: [{ ...rules[0], cap: { minor: -1, currency: "SEK" } }] }), ["rules[0].cap.minor"])
      assert.deepStrictEqual(yield* paths({ ...base, rules: [{ ...rules[2], categories: ["travel", "food"] }] }), ["rules[0].categories[1]"])
      assert.deepStrictEqual(
        yield* paths({ ...base, rules: [{ _tag: "CategoryShare", id: "share", category: "travel", maxBasisPoints: 10_001 }] }),
        ["rules[0].maxBasisPoints"]
      )
      assert.deepStrictEqual(yield* paths({ ...base, currency: "XXX1" }), ["currency"])
    }))

  it("percent renders basis points per language", () => {
    assert.strictEqual(FundingRuleSet.percent(2_500, "en"), "25%")
    assert.strictEqual(FundingRuleSet.percent(1_250, "sv"), "12,5\u00a0%")
    assert.strictEqual(FundingRuleSet.percent(5, "en"), "0.05%")
  })
})
