import { assert, describe, it } from "@effect/vitest"
import { Disbursement, FundingRuleSet, Money } from "@localrights/core"
import { Effect, Result } from "effect"
import * as fc from "fast-check"

const d = (s: string) => s as never
const periods: Array<FundingRuleSet.Period> = [
  { phase: "preparation", year: 1 },
  { phase: "implementation", year: 1 },
  { phase: "implementation", year: 2 },
  { phase: "implementation", year: 3 }
]
// Illustrative: the sources give SEK 300 000 for the preparation year and nearly 3 million in all.
const plan = new Disbursement.Plan({
  id: "lund-grant" as never,
  partnership: "lund-francistown" as never,
  granted: Money.sek(3_000_000),
  tranches: [
    { period: periods[0]!, amount: Money.sek(300_000) },
    ...Disbursement.evenly(Money.sek(2_700_000), periods.slice(1))
  ],
  reports: [],
  version: 0
})
const report = (i: number, status: "submitted" | "approved" | "returned") => ({ period: periods[i]!, status, date: d("2022-01-31") })
const rules = (r: Result.Result<Disbursement.Plan, Disbursement.ReleaseRefused>) =>
  Result.isFailure(r) ? r.failure.violations.map((v) => v.rule) : []

describe("Disbursement", () => {
  it("the first tranche needs no report; the next one needs the previous period's report approved", () => {
    const first = Result.getOrThrow(Disbursement.release(plan, periods[0]!, d("2021-01-15")))
    assert.deepStrictEqual(Disbursement.released(first), Money.sek(300_000))
    assert.deepStrictEqual(rules(Disbursement.release(first, periods[1]!, d("2022-01-15"))), ["previous-report-not-approved"])
    const submitted = Disbursement.recordReport(first, report(0, "submitted"))
    const refused = Disbursement.release(submitted, periods[1]!, d("2022-02-01"))
    assert.deepStrictEqual(rules(refused), ["previous-report-not-approved"])
    if (Result.isFailure(refused)) {
      assert.include(refused.failure.violations[0].text.sv, "inte godkänd")
      assert.include(refused.failure.violations[0].text.en, "not approved")
      assert.deepStrictEqual(refused.failure.subject, { kind: "disbursement-plan", id: plan.id })
      assert.deepStrictEqual(refused.failure.period, periods[1])
    }
    const approved = Disbursement.recordReport(submitted, report(0, "approved"))
    const second = Result.getOrThrow(Disbursement.release(approved, periods[1]!, d("2022-02-15")))
    assert.strictEqual(second.tranches[1]!.released, "2022-02-15")
    assert.deepStrictEqual(Disbursement.remaining(second), Money.sek(1_800_000))
  })

  it("refuses out of order, twice, or an unknown period, with every reason", () => {
    assert.deepStrictEqual(rules(Disbursement.release(plan, periods[2]!, d("2023-01-01"))), ["earlier-tranche-pending", "previous-report-not-approved"])
    const first = Result.getOrThrow(Disbursement.release(plan, periods[0]!, d("2021-01-15")))
    assert.deepStrictEqual(rules(Disbursement.release(first, periods[0]!, d("2021-01-16"))), ["already-released"])
    assert.deepStrictEqual(rules(Disbursement.release(first, { phase: "implementation", year: 4 }, d("2025-01-01"))), ["no-tranche"])
  })

  it("never releases beyond the grant: a plan whose tranches exceed it does not decode", () =>
    Effect.gen(function*() {
      const json = {
        id: "g",
        partnership: "p",
        granted: { minor: 100, currency: "SEK" },
        tranches: [
          { period: periods[0], amount: { minor: 60, currency: "SEK" } },
          { period: periods[1], amount: { minor: 41, currency: "SEK" } }
        ],
        reports: [],
        version: 0
      }
      const err = yield* Effect.flip(Disbursement.decode(json))
      assert.deepStrictEqual(err.violations.map((v) => v.field), ["tranches"])
      const swapped = { ...json, tranches: [{ ...json.tranches[1], amount: { minor: 1, currency: "SEK" } }, { ...json.tranches[0], amount: { minor: 1, currency: "BWP" } }] }
      const err2 = yield* Effect.flip(Disbursement.decode(swapped))
      assert.deepStrictEqual(err2.violations.map((v) => v.field), ["tranches[1].amount.currency", "tranches[1].period"])
    }).pipe(Effect.runSync))

  it("whatever the order of attempts, the released total never exceeds the grant and follows the reports (property)", () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.constantFrom("release", "submit", "approve", "return"), fc.integer({ min: 0, max: 3 })), { maxLength: 30 }),
      (steps) => {
        let p = plan
        for (const [step, i] of steps) {
          if (step === "release") {
            const r = Disbursement.release(p, periods[i]!, d("2024-01-01"))
            if (Result.isSuccess(r)) {
              if (i > 0) assert.strictEqual(p.reports.find((x) => x.period.phase === periods[i - 1]!.phase && x.period.year === periods[i - 1]!.year)?.status, "approved")
              p = r.success
            }
          } else p = Disbursement.recordReport(p, report(i, step === "submit" ? "submitted" : step === "approve" ? "approved" : "returned"))
          assert.isTrue(Disbursement.released(p).minor <= p.granted.minor)
          // released tranches form a prefix
          const flags = p.tranches.map((t) => t.released !== undefined)
          assert.isTrue(flags.every((f, k) => !f || k === 0 || flags[k - 1]))
        }
      }
    ))
  })

  it("evenly splits a grant with no öre lost", () => {
    const ts = Disbursement.evenly(Money.sek(1), periods.slice(1))
    assert.deepStrictEqual(ts.map((t) => t.amount.minor), [34, 33, 33])
  })
})
