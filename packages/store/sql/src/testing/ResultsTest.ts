/**
 * The results suite every SQL store runs: the illustrative Lund–Francistown reporting cycle
 * (a report returned with comments, resubmitted, approved, the next tranche released) stored
 * and read back through SQL, each step in the change log with its actor, earlier versions
 * rebuilt from the log, the log verified; and writes around the results commands refused with
 * their rule, leaving every table of the database exactly as it was.
 *
 * @since 0.2.0
 */
import { assert, describe, it } from "@effect/vitest"
import { Audit, ChangeLog, Disbursement, ProgressReport, Refusal, Reports } from "@localrights/core"
import { LundFrancistownResults } from "@localrights/core/examples"
import { Effect, Layer, Option } from "effect"
import type * as Client from "effect/sql/SqlClient"
import * as SqlStores from "../SqlStores.ts"
import { dump } from "./IntegrityTest.ts"

const rules = (e: unknown): ReadonlyArray<string> => (Refusal.isRefusal(e) ? e.violations.map((v) => v.rule) : [(e as { _tag: string })._tag])

/**
 * Registers the suite under `name`. `fresh` must give an empty database each time it is built.
 *
 * @category constructors
 * @since 0.2.0
 */
export const suite = <E>(name: string, fresh: Layer.Layer<Client.SqlClient, E>): void => {
  const stores = SqlStores.layer.pipe(Layer.provideMerge(fresh))
  describe(`SQL store results: ${name}`, () => {
    it.effect("stores the reporting cycle: each step recorded with its actor, earlier versions rebuilt, the log verified", () =>
      Effect.gen(function*() {
        yield* LundFrancistownResults.load
        const { plan, report } = yield* LundFrancistownResults.cycle
        const reports = yield* ProgressReport.Store
        const stored = yield* reports.get(report.id)
        assert.strictEqual(stored.status, "approved")
        assert.deepStrictEqual(stored.steps.map((s) => s._tag), ["Submitted", "Returned", "Submitted", "Approved"])
        const history = yield* reports.history(report.id)
        assert.deepStrictEqual(history.map((r) => [r.command, r.actor, r.statusAfter]), [
          ["CreateProgressReport", "lund", "draft"],
          ["SubmitProgressReport", "lund", "submitted"],
          ["ReturnProgressReport", "icld", "returned"],
          ["SubmitProgressReport", "lund", "submitted"],
          ["ApproveProgressReport", "icld", "approved"]
        ])
        // the returned report, as it was stored then
        const returned = yield* reports.versionAt(report.id, 3)
        assert.isTrue(Option.isSome(returned))
        if (Option.isSome(returned)) assert.strictEqual((returned.value as { status: string }).status, "returned")
        const plans = yield* Disbursement.Store
        assert.strictEqual((yield* plans.get(plan.id)).tranches[1]!.released, "2022-02-15")
        assert.strictEqual((yield* Audit.verify())._tag, "Verified")
      }).pipe(Effect.provide(stores)))

    it.effect("refuses a status change around the commands and a tranche without the approved report; the database is unchanged", () =>
      Effect.gen(function*() {
        yield* LundFrancistownResults.load
        const reports = yield* ProgressReport.Store
        const lund = LundFrancistownResults.lundGoal.partnership!
        const prep = { phase: "preparation", year: 1 } as const
        const drafted = yield* Reports.draft(lund, prep, { narrative: { en: "The preparation year" } }, ChangeLog.change("lund", "draft"))
        const before = yield* dump
        const approvedByHand = new ProgressReport.ProgressReport({
          ...drafted,
          status: "approved",
          steps: [{ _tag: "Submitted", date: "2022-01-31" as never, actuals: [] }, { _tag: "Approved", date: "2022-02-01" as never }]
        })
        const bypass = yield* reports.update(approvedByHand, ChangeLog.change("lund", "approve myself", drafted.version)).pipe(Effect.flip)
        assert.includeMembers([...rules(bypass)], ["command-field"])
        const plans = yield* Disbursement.Store
        const plan = yield* plans.get(LundFrancistownResults.plan.id)
        const early = yield* Reports.releaseTranche(plan.id, { phase: "implementation", year: 1 }, { date: "2022-02-15" }, ChangeLog.change("icld", "tranche", plan.version)).pipe(Effect.flip)
        assert.strictEqual(early._tag, "ReleaseRefused")
        assert.deepStrictEqual(yield* dump, before)
      }).pipe(Effect.provide(stores)))
  })
}
