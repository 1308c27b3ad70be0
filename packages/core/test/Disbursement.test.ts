import { assert, describe, it } from "@effect/vitest"
import { Disbursement, FundingRuleSet, Money, ProgressReport } from "@localrights/core"
import { Effect, Exit, Result, Schema } from "effect"
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
  version: 0
})
// the stored progress report of a period, as far as the gate reads it (status and steps)
const steps = {
  draft: [],
  submitted: [{ _tag: "Submitted", date: d("2022-01-31"), actuals: [] }],
  returned: [{ _tag: "Submitted", date: d("2022-01-31"), actuals: [] }, { _tag: "Returned", date: d("2022-02-03"), comments: [{ text: { en: "Add the evidence" } }] }],
  approved: [{ _tag: "Submitted", date: d("2022-01-31"), actuals: [] }, { _tag: "Approved", date: d("2022-02-05") }]
} as const
type State = keyof typeof steps
const report = (i: number, status: State, partnership: string = plan.partnership): Disbursement.ReportFacts => ({
  partnership: partnership as never,
  period: periods[i]!,
  status,
  steps: steps[status] as ReadonlyArray<ProgressReport.Step>
})
// the reports as a store holds them: one per period, the latest status
const record = (reports: ReadonlyArray<Disbursement.ReportFacts>, r: Disbursement.ReportFacts) =>
  [...reports.filter((x) => x.period !== r.period), r]
const rules = (r: Result.Result<Disbursement.Plan, Disbursement.ReleaseRefused>) =>
  Result.isFailure(r) ? r.failure.violations.map((v) => v.rule) : []

describe("Disbursement", () => {
  it("the first tranche needs no report; the next one needs the previous period's progress report approved", () => {
    const first = Result.getOrThrow(Disbursement.release(plan, periods[0]!, d("2021-01-15"), []))
    assert.deepStrictEqual(Disbursement.released(first), Money.sek(300_000))
    assert.deepStrictEqual(rules(Disbursement.release(first, periods[1]!, d("2022-01-15"), [])), ["previous-report-not-approved"])
    for (const state of ["draft", "submitted", "returned"] as const) {
      const refused = Disbursement.release(first, periods[1]!, d("2022-02-01"), [report(0, state)])
      assert.deepStrictEqual(rules(refused), ["previous-report-not-approved"], state)
      if (Result.isFailure(refused)) {
        assert.deepStrictEqual(refused.failure.violations[0].value, state)
        assert.deepStrictEqual(refused.failure.subject, { kind: "disbursement-plan", id: plan.id })
        assert.deepStrictEqual(refused.failure.period, periods[1])
      }
    }
    const submitted = Disbursement.release(first, periods[1]!, d("2022-02-01"), [report(0, "submitted")])
    if (Result.isFailure(submitted)) {
      assert.include(submitted.failure.violations[0].text.sv, "inte godkänd")
      assert.include(submitted.failure.violations[0].text.en, "not approved")
    }
    // another partnership's approved report does not count
    assert.deepStrictEqual(rules(Disbursement.release(first, periods[1]!, d("2022-02-01"), [report(0, "approved", "someone-else")])), ["previous-report-not-approved"])
    const second = Result.getOrThrow(Disbursement.release(first, periods[1]!, d("2022-02-15"), [report(0, "approved")]))
    assert.strictEqual(second.tranches[1]!.released, "2022-02-15")
    assert.deepStrictEqual(Disbursement.remaining(second), Money.sek(1_800_000))
  })

  it("refuses out of order, twice, or an unknown period, with every reason", () => {
    assert.deepStrictEqual(rules(Disbursement.release(plan, periods[2]!, d("2023-01-01"), [])), ["earlier-tranche-pending", "previous-report-not-approved"])
    const first = Result.getOrThrow(Disbursement.release(plan, periods[0]!, d("2021-01-15"), []))
    assert.deepStrictEqual(rules(Disbursement.release(first, periods[0]!, d("2021-01-16"), [])), ["already-released"])
    assert.deepStrictEqual(rules(Disbursement.release(first, { phase: "implementation", year: 4 }, d("2025-01-01"), [])), ["no-tranche"])
  })

  it("releaseViolations: a newly released tranche needs the previous period's report approved; one released before is left alone", () => {
    const first = Result.getOrThrow(Disbursement.release(plan, periods[0]!, d("2021-01-15"), []))
    const second = Result.getOrThrow(Disbursement.release(first, periods[1]!, d("2022-02-15"), [report(0, "approved")]))
    assert.deepStrictEqual(Disbursement.releaseViolations(second, first, []).map((v) => [v.field, v.rule]), [["tranches[1].released", "previous-report-not-approved"]])
    assert.deepStrictEqual(Disbursement.releaseViolations(second, first, [report(0, "approved")]), [])
    assert.deepStrictEqual(Disbursement.releaseViolations(second, second, []), [])
    assert.deepStrictEqual(Disbursement.releaseViolations(second, undefined, []).map((v) => v.field), ["tranches[1].released"])
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
        version: 0
      }
      const err = yield* Effect.flip(Disbursement.decode(json))
      assert.deepStrictEqual(err.violations.map((v) => v.field), ["tranches"])
      const swapped = { ...json, tranches: [{ ...json.tranches[1], amount: { minor: 1, currency: "SEK" } }, { ...json.tranches[0], amount: { minor: 1, currency: "BWP" } }] }
      const err2 = yield* Effect.flip(Disbursement.decode(swapped))
      assert.deepStrictEqual(err2.violations.map((v) => v.field), ["tranches[1].amount.currency", "tranches[1].period"])
    }).pipe(Effect.runSync))

  it("whatever the order of attempts, no tranche is released without the previous period's approved report, and never beyond the grant (property)", () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.constantFrom("release", "draft", "submit", "approve", "return"), fc.integer({ min: 0, max: 3 })), { maxLength: 30 }),
      (attempts) => {
        let p = plan
        let reports: ReadonlyArray<Disbursement.ReportFacts> = []
        for (const [step, i] of attempts) {
          if (step === "release") {
            const r = Disbursement.release(p, periods[i]!, d("2024-01-01"), reports)
            if (Result.isSuccess(r)) {
              if (i > 0) assert.strictEqual(reports.find((x) => x.period === periods[i - 1])?.status, "approved")
              // the store's guard agrees with the pure gate
              assert.deepStrictEqual(Disbursement.releaseViolations(r.success, p, reports), [])
              p = r.success
            } else if (i > 0 && r.failure.violations.some((v) => v.rule === "previous-report-not-approved")) {
              assert.notStrictEqual(reports.find((x) => x.period === periods[i - 1])?.status, "approved")
            }
          } else {
            reports = record(reports, report(i, step === "draft" ? "draft" : step === "submit" ? "submitted" : step === "approve" ? "approved" : "returned"))
          }
          assert.isTrue(Disbursement.released(p).minor <= p.granted.minor)
          // released tranches form a prefix
          const flags = p.tranches.map((t) => t.released !== undefined)
          assert.isTrue(flags.every((f, k) => !f || k === 0 || flags[k - 1]))
        }
      }
    ))
  })

  it("a plan stored before 0.2 with its own period reports still loads as the store decodes it; the reports are no longer read", () => {
    const old = {
      id: "g", partnership: "p", granted: { minor: 100, currency: "SEK" }, tranches: [], version: 3,
      reports: [{ period: periods[0], status: "approved", date: "2022-01-31" }]
    }
    const exit = Schema.decodeUnknownExit(Disbursement.Plan)(old)
    assert.isTrue(Exit.isSuccess(exit))
    if (Exit.isSuccess(exit)) assert.isFalse("reports" in exit.value)
    // untrusted input with the old field is refused, naming it
    const refused = Effect.runSync(Effect.flip(Disbursement.decode(old)))
    assert.deepStrictEqual(refused.violations.map((v) => v.field), ["reports"])
  })

  it("evenly splits a grant with no öre lost", () => {
    const ts = Disbursement.evenly(Money.sek(1), periods.slice(1))
    assert.deepStrictEqual(ts.map((t) => t.amount.minor), [34, 33, 33])
  })
})
