import { assert, describe, it } from "@effect/vitest"
import { Budget, FundingRuleSet, Money } from "@localrights/core"
import { Effect, Result } from "effect"
import * as fc from "fast-check"

const SEK = "SEK" as Money.CurrencyCode
const money = (minor: number, currency: string) => Effect.runSync(Money.make(minor, currency))
type Line = Budget.Line

const line = (
  id: string,
  kronor: number,
  fields: Partial<Omit<Line, "id" | "amount">> = {}
): Line => ({
  id,
  phase: "preparation",
  year: 1,
  category: "travel",
  purpose: "exchange-trip",
  side: "swedish",
  ...fields,
  amount: Money.sek(kronor)
})
const ore = (id: string, minor: number, fields: Partial<Omit<Line, "id" | "amount">> = {}): Line => ({
  ...line(id, 0, fields),
  amount: money(minor, SEK)
})

const budget = (lines: ReadonlyArray<Line>, scope: Budget.Scope = "full") =>
  new Budget.Budget({ id: "b" as never, partnership: "lund-francistown" as never, scope, currency: SEK, lines, version: 1 })

const evaluate = (b: Budget.Budget, set = FundingRuleSet.icldMr2020) => Result.getOrThrow(Budget.evaluate(set, b))

// Illustrative amounts (the sources give only the SEK 300 000 cap and what it pays for).
const lundPreparation = budget([
  line("exchange-travel", 120_000, { category: "travel", purpose: "exchange-trip" }),
  line("exchange-lodging", 60_000, { category: "accommodation", purpose: "exchange-trip" }),
  line("training-travel", 80_000, { category: "travel", purpose: "network-training" }),
  line("training-lodging", 40_000, { category: "accommodation", purpose: "network-training", side: "international" })
], "preparation")

describe("Budget.evaluate with the ICLD MR 2020 rules", () => {
  it("Lund's preparation budget passes, with the headroom per rule", () => {
    const e = evaluate(lundPreparation)
    assert.strictEqual(e._tag, "Passed")
    assert.deepStrictEqual(
      e.headroom.map((h) => [h.rule, h.allowed.minor, h.used.minor, h.remaining.minor]),
      [["preparation-cap", 30_000_000, 30_000_000, 0], ["total-cap", 300_000_000, 30_000_000, 270_000_000]]
    )
    assert.match(Budget.explain(e).en, /keeps the funding rules/)
    assert.match(Budget.explain(e).sv, /följer finansieringsreglerna/)
  })

  it("SEK 300 000 passes and SEK 300 000.01 fails by exactly one öre", () => {
    assert.strictEqual(evaluate(budget([ore("a", 30_000_000)])). _tag, "Passed")
    const e = evaluate(budget([ore("a", 30_000_001)]))
    assert.strictEqual(e._tag, "Failed")
    if (e._tag === "Failed") {
      assert.strictEqual(e.violations.length, 1)
      const v = e.violations[0]
      assert.strictEqual(v.rule, "preparation-cap")
      assert.deepStrictEqual([v.allowed.minor, v.requested.minor, v.excess.minor], [30_000_000, 30_000_001, 1])
      assert.deepStrictEqual(v.lines, ["a"])
    }
  })

  it("the caps are exact at the boundary however the amount is split (property)", () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 1, max: 1_000 }), { minLength: 1, maxLength: 12 }),
      fc.nat(),
      (weights, pick) => {
        const parts = Result.getOrThrow(Money.allocate(Money.sek(300_000), weights))
        const lines = parts.map((p, i) => ore(`l${i}`, p.minor, { category: i % 2 ? "travel" : "accommodation" }))
        assert.strictEqual(evaluate(budget(lines))._tag, "Passed")
        const bumped = lines.map((l, i) => (i === pick % lines.length ? { ...l, amount: money(l.amount.minor + 1, SEK) } : l))
        const e = evaluate(budget(bumped))
        assert.isTrue(e._tag === "Failed" && e.violations.length === 1 && e.violations[0].excess.minor === 1)
      }
    ), { numRuns: 200 })
    // the four-year cap, with the preparation year at its own cap
    const full = [ore("p", 30_000_000), ore("i", 270_000_000, { phase: "implementation", year: 3 })]
    assert.strictEqual(evaluate(budget(full))._tag, "Passed")
    const over = evaluate(budget([full[0]!, ore("i", 270_000_001, { phase: "implementation", year: 3 })]))
    assert.isTrue(over._tag === "Failed" && over.violations[0].rule === "total-cap" && over.violations[0].excess.minor === 1)
  })

  it("an over-cap budget reports every violation at once, in both languages", () => {
    const e = evaluate(budget([
      line("prep-travel", 250_000),
      line("prep-lodging", 100_000, { category: "accommodation" }),
      line("prep-laptops", 20_000, { category: "equipment", purpose: "project-activity" }),
      line("impl-travel", 2_800_000, { phase: "implementation", year: 2 }),
      line("impl-fees", 5_000, { phase: "implementation", year: 2, category: "consultancy", purpose: "network-training" }),
      line("own-venue", 40_000, { category: "venue", funding: "own" })
    ]))
    assert.strictEqual(e._tag, "Failed")
    if (e._tag !== "Failed") return
    assert.deepStrictEqual(
      e.violations.map((v) => [v.rule, v.lines, v.allowed.minor, v.requested.minor, v.excess.minor]),
      [
        ["preparation-cap", ["prep-laptops", "prep-lodging", "prep-travel"], 30_000_000, 37_000_000, 7_000_000],
        ["total-cap", ["impl-fees", "impl-travel", "prep-laptops", "prep-lodging", "prep-travel"], 300_000_000, 317_500_000, 17_500_000],
        ["eligible-costs", ["impl-fees"], 0, 500_000, 500_000],
        ["eligible-costs", ["prep-laptops"], 0, 2_000_000, 2_000_000]
      ]
    )
    for (const v of e.violations) {
      assert.isTrue((v.message.sv?.length ?? 0) > 0 && (v.message.en?.length ?? 0) > 0)
      for (const id of v.lines) {
        assert.include(v.message.sv, id)
        assert.include(v.message.en, id)
      }
    }
    assert.include(e.violations[0].message.sv, "förberedelseåret")
    assert.include(e.violations[0].message.en, "70,000.00")
    assert.include(e.violations[3]!.message.sv, "utrustning")
    assert.include(e.violations[3]!.message.en, "not eligible")
    assert.deepStrictEqual(e.headroom, [])
    assert.match(Budget.explain(e).sv, /4 avvikelser/)
  })

  it("a budget in another currency than the rules is a typed error", () => {
    const bwp = new Budget.Budget({
      id: "b" as never,
      partnership: "p" as never,
      scope: "full",
      currency: "BWP" as Money.CurrencyCode,
      lines: [{ ...line("a", 1), amount: money(100, "BWP" as Money.CurrencyCode) }],
      version: 1
    })
    const r = Budget.evaluate(FundingRuleSet.icldMr2020, bwp)
    assert.isTrue(Result.isFailure(r) && r.failure._tag === "CurrencyMismatch" && r.failure.right === "BWP")
  })
})

// Random budgets over a few categories and purposes, some ineligible, some own-funded.
const lineArb = fc.record({
  phase: fc.constantFrom<FundingRuleSet.Phase>("preparation", "implementation"),
  year: fc.integer({ min: 1, max: 3 }),
  category: fc.constantFrom<FundingRuleSet.CostCategory>("travel", "accommodation", "equipment", "venue"),
  purpose: fc.constantFrom<FundingRuleSet.Purpose>("exchange-trip", "network-training", "project-activity"),
  side: fc.constantFrom<FundingRuleSet.Side>("swedish", "international"),
  own: fc.boolean(),
  minor: fc.integer({ min: 0, max: 150_000_000 })
})
const linesArb = fc.array(lineArb, { maxLength: 14 }).map((ls) =>
  ls.map((l, i): Line => ({
    id: `line-${i}`,
    phase: l.phase,
    year: l.year,
    category: l.category,
    purpose: l.purpose,
    side: l.side,
    ...(l.own ? { funding: "own" as const } : {}),
    amount: money(l.minor, SEK)
  }))
)

const allKinds = new FundingRuleSet.FundingRuleSet({
  id: "all-kinds" as never,
  revision: 1,
  name: { en: "Every rule kind" },
  currency: SEK,
  rules: [
    { _tag: "PhaseCap", id: "prep", phase: "preparation", cap: Money.sek(300_000) },
    { _tag: "ProgrammeCap", id: "total", cap: Money.sek(3_000_000) },
    { _tag: "YearCap", id: "per-year", cap: Money.sek(1_000_000), phase: "implementation" },
    { _tag: "EligibleCosts", id: "eligible", categories: ["travel", "accommodation", "venue"], purposes: ["exchange-trip", "network-training"] },
    { _tag: "CategoryShare", id: "venue-share", category: "venue", maxBasisPoints: 1_000 },
    { _tag: "OwnContribution", id: "own", minBasisPoints: 500 }
  ],
  version: 0
})

// The rules written the plain way, as an oracle for which rules a budget breaks.
const oracle = (lines: ReadonlyArray<Line>): Array<string> => {
  const grant = lines.filter((l) => l.funding !== "own")
  const sum = (ls: ReadonlyArray<Line>) => ls.reduce((a, l) => a + l.amount.minor, 0)
  const broken: Array<string> = []
  const g = sum(grant)
  if (sum(grant.filter((l) => l.phase === "preparation")) > 30_000_000) broken.push("prep")
  if (g > 300_000_000) broken.push("total")
  for (const y of [1, 2, 3]) {
    if (sum(grant.filter((l) => l.phase === "implementation" && l.year === y)) > 100_000_000) broken.push("per-year")
  }
  for (const l of grant) {
    if (!["travel", "accommodation", "venue"].includes(l.category) || !["exchange-trip", "network-training"].includes(l.purpose)) {
      broken.push("eligible")
    }
  }
  if (sum(grant.filter((l) => l.category === "venue")) * 10_000 > g * 1_000) broken.push("venue-share")
  const own = sum(lines.filter((l) => l.funding === "own"))
  if (own * 10_000 < (g + own) * 500) broken.push("own")
  return broken
}

describe("Budget.evaluate properties", () => {
  it("agrees with a plain oracle on which rules break, and every amount adds up (property)", () => {
    fc.assert(fc.property(linesArb, (lines) => {
      const e = evaluate(budget(lines), allKinds)
      const broken = e._tag === "Failed" ? e.violations.map((v) => v.rule) : []
      assert.deepStrictEqual(broken, oracle(lines))
      if (e._tag === "Failed") {
        for (const v of e.violations) {
          const expected = v.kind === "OwnContribution" ? v.allowed.minor - v.requested.minor : v.requested.minor - v.allowed.minor
          assert.strictEqual(v.excess.minor, expected)
          // an ineligible line of zero is still reported; a cap is only broken by a positive excess
          assert.isTrue(v.kind === "EligibleCosts" ? v.excess.minor >= 0 : v.excess.minor > 0)
        }
      }
      for (const h of e.headroom) {
        assert.strictEqual(h.remaining.minor, h.kind === "OwnContribution" ? h.used.minor - h.allowed.minor : h.allowed.minor - h.used.minor)
        assert.isTrue(h.remaining.minor >= 0)
      }
    }), { numRuns: 300 })
  })

  it("is deterministic and independent of line order (property)", () => {
    fc.assert(fc.property(linesArb, fc.func(fc.integer()), (lines, key) => {
      const shuffled = [...lines].sort((a, b) => key(a.id) - key(b.id))
      for (const set of [allKinds, FundingRuleSet.icldMr2020]) {
        const a = evaluate(budget(lines), set)
        assert.deepStrictEqual(evaluate(budget(lines), set), a)
        assert.deepStrictEqual(evaluate(budget(shuffled), set), a)
        // a freshly compiled evaluator gives the same answer as the cached one
        assert.deepStrictEqual(Result.getOrThrow(Budget.compile(set)(budget(shuffled))), a)
      }
    }), { numRuns: 200 })
  })

  it("explains year caps, category shares and own contributions in both languages", () => {
    const e = evaluate(budget([
      line("y2-travel", 900_000, { phase: "implementation", year: 2 }),
      line("y2-venue", 300_000, { phase: "implementation", year: 2, category: "venue" })
    ]), allKinds)
    assert.strictEqual(e._tag, "Failed")
    if (e._tag !== "Failed") return
    const byRule = new Map(e.violations.map((v) => [v.rule, v]))
    assert.deepStrictEqual(byRule.get("per-year")?.period, { phase: "implementation", year: 2 })
    assert.match(byRule.get("per-year")!.message.sv!, /År 2 av genomförandet/)
    assert.deepStrictEqual(byRule.get("venue-share")?.allowed, Money.sek(120_000))
    assert.match(byRule.get("venue-share")!.message.en!, /at most 10% of the grant/)
    assert.deepStrictEqual(byRule.get("own")?.allowed, Money.sek(60_000)) // 5 % of the total cost SEK 1 200 000
    assert.match(byRule.get("own")!.message.sv!, /egna insatsen/)
  })
})

describe("Budget.decode (bad input)", () => {
  const json = (lines: Array<unknown>, scope = "full") => ({
    id: "lund-prep",
    partnership: "lund-francistown",
    scope,
    currency: "SEK",
    lines,
    version: 0
  })
  const good = { id: "a", phase: "preparation", year: 1, category: "travel", purpose: "exchange-trip", side: "swedish", amount: { minor: 100, currency: "SEK" } }
  const problems = (input: unknown) =>
    Budget.decode(input).pipe(Effect.flip, Effect.map((e) => (assert.strictEqual(e._tag, "ValidationError"), e.violations.map((v) => v.field))))

  it.effect("names the line and field", () =>
    Effect.gen(function*() {
      assert.deepStrictEqual(yield* problems(json([good, { ...good, id: "b", amount: { minor: -1, currency: "SEK" } }])), ["lines[1].amount.minor"])
      assert.deepStrictEqual(yield* problems(json([{ ...good, amount: { minor: 10.5, currency: "SEK" } }])), ["lines[0].amount.minor"])
      assert.deepStrictEqual(yield* problems(json([{ ...good, amount: { minor: 1, currency: "XYZ" } }])), ["lines[0].amount.currency"])
      assert.deepStrictEqual(yield* problems(json([good, { ...good, id: "b", category: "food" }])), ["lines[1].category"])
      assert.deepStrictEqual(yield* problems(json([good, { ...good, id: "b", purpose: "holiday" }])), ["lines[1].purpose"])
      assert.deepStrictEqual(yield* problems(json([good, good])), ["lines[1].id"])
      assert.deepStrictEqual(yield* problems(json([{ ...good, amount: { minor: 1, currency: "BWP" } }])), ["lines[0].amount.currency"])
      assert.deepStrictEqual(yield* problems(json([{ ...good, phase: "implementation" }], "preparation")), ["lines[0].phase"])
      assert.deepStrictEqual(yield* problems(json([{ ...good, year: 0 }])), ["lines[0].year"])
    }))

  it.effect("accepts a well-formed budget", () =>
    Effect.gen(function*() {
      const b = yield* Budget.decode(json([good]))
      assert.strictEqual(b.lines[0]!.amount.minor, 100)
    }))
})
