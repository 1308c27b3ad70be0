/**
 * The results framework through the in-memory stores: the illustrative Lund–Francistown cycle
 * (a report returned with comments, resubmitted, approved, the next tranche released), every
 * step in the change log with its actor, the guarded stores refusing writes around the
 * commands, and concluding a partnership only with its final report approved.
 */
import { assert, describe, it } from "@effect/vitest"
import { Actual, CalendarEvent, ChangeLog, Disbursement, Events, EventTime, Goal, Indicator, Partnership, Partnerships, ProgressReport, Refusal, Reports, ResultsConference, RollUp, Stores } from "@localrights/core"
import { IcldCohort2020, LundFrancistownResults } from "@localrights/core/examples"
import { Effect, Option, Result } from "effect"

const rulesOf = (e: unknown): ReadonlyArray<string> =>
  Refusal.isRefusal(e) ? e.violations.map((v) => v.rule) : [(e as { _tag: string })._tag]
const fieldsOf = (e: unknown): ReadonlyArray<string> => (Refusal.isRefusal(e) ? e.violations.map((v) => v.field) : [])
const prep = { phase: "preparation", year: 1 } as const
const lundId = IcldCohort2020.lundFrancistown.id

describe("Results: the reporting cycle through the memory store", () => {
  it.effect("a report returned with comments, resubmitted, approved, and the next tranche released, each step recorded with its actor", () =>
    Effect.gen(function*() {
      yield* LundFrancistownResults.load
      // loading again changes nothing
      yield* LundFrancistownResults.load
      const { report, plan } = yield* LundFrancistownResults.cycle
      assert.strictEqual(report.status, "approved")
      assert.deepStrictEqual(report.steps.map((s) => s._tag), ["Submitted", "Returned", "Submitted", "Approved"])
      assert.strictEqual(report.due, "2022-03-01")
      assert.deepStrictEqual(plan.tranches.map((t) => t.released), ["2021-01-20", "2022-02-15", undefined, undefined])
      const history = yield* (yield* ProgressReport.Store).history(report.id)
      assert.deepStrictEqual(history.map((r) => [r.command, r.actor, r.statusBefore, r.statusAfter]), [
        ["CreateProgressReport", "lund", undefined, "draft"],
        ["SubmitProgressReport", "lund", "draft", "submitted"],
        ["ReturnProgressReport", "icld", "submitted", "returned"],
        ["SubmitProgressReport", "lund", "returned", "submitted"],
        ["ApproveProgressReport", "icld", "submitted", "approved"]
      ])
      const planHistory = yield* (yield* Disbursement.Store).history(plan.id)
      assert.deepStrictEqual(planHistory.map((r) => [r.command, r.actor]).slice(-1), [["ReleaseTranche", "icld"]])
      // the first submission kept the two actuals then entered, the second all three
      const submissions = report.steps.flatMap((s) => (s._tag === "Submitted" ? [s.actuals.length] : []))
      assert.deepStrictEqual(submissions, [2, 3])
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("bad actuals are refused with the field, the rule, the value and sv/en texts; nothing is written", () =>
    Effect.gen(function*() {
      yield* LundFrancistownResults.load
      const [trained, , maturity] = LundFrancistownResults.indicators
      const lund = ChangeLog.change("lund", "actual")
      const outside = yield* Reports.recordActual({ indicator: trained!.id, partnership: lundId, period: { phase: "implementation", year: 4 }, result: { _tag: "Reported", value: 3, disaggregated: [] } }, lund).pipe(Effect.flip)
      assert.strictEqual(outside._tag, "ActualInvalid")
      assert.deepStrictEqual(rulesOf(outside), ["period-in-phases"])
      assert.deepStrictEqual(fieldsOf(outside), ["period"])
      if (Refusal.isRefusal(outside)) {
        assert.strictEqual(outside.violations[0].value, "implementation-4")
        assert.include(outside.explain("sv"), "genomförandeår 4 finns inte")
        assert.include(outside.explain("en"), "There is no implementation year 4")
      }
      const offScale = yield* Reports.recordActual({ indicator: maturity!.id, partnership: lundId, period: prep, result: { _tag: "Reported", value: 7, disaggregated: [] } }, lund).pipe(Effect.flip)
      assert.deepStrictEqual([rulesOf(offScale), fieldsOf(offScale)], [["on-scale"], ["result.value"]])
      if (Refusal.isRefusal(offScale)) {
        assert.include(offScale.violations[0].text.sv, "skalan 1–5")
        assert.include(offScale.violations[0].text.en, "scale 1–5")
      }
      const unit = yield* Reports.recordActual({
        indicator: trained!.id,
        partnership: lundId,
        period: prep,
        result: { _tag: "Reported", value: 3, unit: "hours", disaggregated: [{ dimension: "age-group", category: "18-29", value: 1 }] }
      }, lund).pipe(Effect.flip)
      assert.deepStrictEqual(rulesOf(unit), ["same-unit", "dimension-of-indicator"])
      assert.deepStrictEqual(fieldsOf(unit), ["result.unit", "result.disaggregated[0].dimension"])
      if (Refusal.isRefusal(unit)) {
        assert.include(unit.violations[0].text.sv, "mäts i persons, inte i hours")
        assert.include(unit.violations[0].text.en, "measured in persons, not in hours")
      }
      const other = yield* Reports.recordActual({ indicator: trained!.id, partnership: "falun-mr-2020", period: prep, result: { _tag: "Reported", value: 1, disaggregated: [] } }, lund).pipe(Effect.flip)
      assert.deepStrictEqual(rulesOf(other), ["partnership-goal"])
      const badValue = yield* Reports.recordActual({ indicator: trained!.id, partnership: lundId, period: prep, result: { _tag: "Reported", value: "many" as never, disaggregated: [] } }, lund).pipe(Effect.flip)
      assert.strictEqual(badValue._tag, "ValidationError")
      assert.deepStrictEqual(fieldsOf(badValue), ["result.value"])
      assert.deepStrictEqual(yield* (yield* Actual.Store).list(), [])
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("the stores refuse status changes outside the commands, an approval without every actual, and a tranche without the approved report", () =>
    Effect.gen(function*() {
      yield* LundFrancistownResults.load
      const reports = yield* ProgressReport.Store
      const [trained, documents, maturity] = LundFrancistownResults.indicators
      const lund = ChangeLog.change("lund", "actual")
      yield* Reports.recordActual({ indicator: trained!.id, partnership: lundId, period: prep, result: { _tag: "Reported", value: 8, unit: "persons", disaggregated: [] } }, lund)
      yield* Reports.recordActual({ indicator: maturity!.id, partnership: lundId, period: prep, result: { _tag: "Reported", value: 2, disaggregated: [] } }, lund)

      // a report created at a later status, or moved there by an update
      const approvedDraft = new ProgressReport.ProgressReport({
        id: ProgressReport.idOf(lundId, prep),
        partnership: lundId,
        period: prep,
        final: false,
        narrative: { en: "done" },
        status: "approved",
        steps: [{ _tag: "Submitted", date: "2022-01-31" as never, actuals: [] }, { _tag: "Approved", date: "2022-02-01" as never }],
        version: 0
      })
      assert.deepStrictEqual(rulesOf(yield* reports.create(approvedDraft, lund).pipe(Effect.flip)), ["initial-status", "indicator-accounted"])
      const drafted = yield* Reports.draft(lundId, prep, { narrative: { en: "The preparation year" } }, lund)
      const bypass = yield* reports.update(new ProgressReport.ProgressReport({ ...approvedDraft, version: drafted.version }), ChangeLog.change("lund", "approve myself", drafted.version)).pipe(Effect.flip)
      assert.deepStrictEqual(rulesOf(bypass), ["command-field", "command-field", "indicator-accounted"])
      assert.deepStrictEqual(fieldsOf(bypass), ["status", "steps", `actuals.${documents!.id}`])

      // submitted: actuals are locked; approval needs every indicator accounted for
      const submitted = yield* Reports.submit(drafted.id, { date: "2022-01-31" }, ChangeLog.change("lund", "submitted", drafted.version))
      const locked = yield* Reports.recordActual({ indicator: documents!.id, partnership: lundId, period: prep, result: { _tag: "Reported", value: 1, disaggregated: [] } }, lund).pipe(Effect.flip)
      assert.deepStrictEqual(rulesOf(locked), ["report-locked"])
      const missing = yield* Reports.approve(submitted.id, { date: "2022-02-01" }, ChangeLog.change("icld", "approve", submitted.version)).pipe(Effect.flip)
      assert.strictEqual(missing._tag, "ReportRefused")
      assert.deepStrictEqual([rulesOf(missing), fieldsOf(missing)], [["indicator-accounted"], [`actuals.${documents!.id}`]])
      if (Refusal.isRefusal(missing)) {
        assert.include(missing.explain("sv"), "markera den som inte rapporterad med ett skäl")
        assert.include(missing.explain("en"), "mark it not reported with a reason")
      }
      const stale = yield* Reports.approve(submitted.id, { date: "2022-02-01" }, ChangeLog.change("icld", "approve", drafted.version)).pipe(Effect.flip)
      assert.strictEqual(stale._tag, "VersionConflict")

      // the tranche waits for the approved report, whichever path writes it
      const plans = yield* Disbursement.Store
      const plan = yield* plans.get(LundFrancistownResults.plan.id)
      const early = yield* Reports.releaseTranche(plan.id, { phase: "implementation", year: 1 }, { date: "2022-02-15" }, ChangeLog.change("icld", "tranche", plan.version)).pipe(Effect.flip)
      assert.deepStrictEqual(rulesOf(early), ["previous-report-not-approved"])
      const direct = new Disbursement.Plan({ ...plan, tranches: plan.tranches.map((t, i) => (i === 1 ? { ...t, released: "2022-02-15" as never } : t)) })
      const refused = yield* plans.update(direct, ChangeLog.change("icld", "released by hand", plan.version)).pipe(Effect.flip)
      assert.deepStrictEqual([rulesOf(refused), fieldsOf(refused)], [["previous-report-not-approved"], ["tranches[1].released"]])
      assert.strictEqual((yield* plans.get(plan.id)).version, plan.version)

      // returned, completed with a reason, resubmitted, approved: the tranche is released
      const returned = yield* Reports.returnReport(submitted.id, { date: "2022-02-03", comments: [{ text: { en: "Steering documents?" } }] }, ChangeLog.change("icld", "returned", submitted.version))
      const noComment = yield* Reports.returnReport(submitted.id, { date: "2022-02-03", comments: [] }, ChangeLog.change("icld", "returned", returned.version)).pipe(Effect.flip)
      assert.deepStrictEqual(rulesOf(noComment), ["status", "comments-required"])
      yield* Reports.recordActual({ indicator: documents!.id, partnership: lundId, period: prep, result: { _tag: "NotReported", reason: { en: "Revised from year 1" } } }, lund)
      const again = yield* Reports.submit(returned.id, { date: "2022-02-10" }, ChangeLog.change("lund", "resubmitted", returned.version))
      const approved = yield* Reports.approve(again.id, { date: "2022-02-11" }, ChangeLog.change("icld", "approved", again.version))
      assert.strictEqual(approved.status, "approved")
      const released = yield* Reports.releaseTranche(plan.id, { phase: "implementation", year: 1 }, { date: "2022-02-15" }, ChangeLog.change("icld", "tranche", plan.version))
      assert.strictEqual(released.tranches[1]!.released, "2022-02-15")
      // reviewing an actual is its own command
      const a = yield* (yield* Actual.Store).get(Actual.idOf(trained!.id, lundId, prep))
      const reviewed = yield* Reports.reviewActual(a.id, { date: "2022-02-12", comment: { en: "Checked against the lists" } }, ChangeLog.change("icld", "reviewed", a.version))
      assert.strictEqual(reviewed.status, "reviewed")
      assert.deepStrictEqual((yield* (yield* Actual.Store).history(a.id)).map((r) => [r.command, r.actor, r.statusAfter]), [
        ["RecordActual", "lund", "entered"],
        ["ReviewActual", "icld", "reviewed"]
      ])
      const { reviewed: _review, ...entered } = reviewed
      const unreviewed = yield* (yield* Actual.Store).update(new Actual.Actual({ ...entered, status: "entered" }), ChangeLog.change("lund", "x", reviewed.version)).pipe(Effect.flip)
      assert.include(rulesOf(unreviewed), "command-field")
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("goals and indicators are checked against what is stored", () =>
    Effect.gen(function*() {
      yield* LundFrancistownResults.load
      const change = ChangeLog.change("icld", "goal")
      const orphan = yield* Goal.make({
        id: "orphan",
        programme: IcldCohort2020.programme.id,
        level: "partnership",
        partnership: "nobody",
        title: { en: "Orphan" },
        principles: [{ framework: "panel", principle: "no-such-principle" }],
        contributesTo: ["no-such-goal", LundFrancistownResults.lundGoal.id]
      })
      const refused = yield* (yield* Goal.Store).create(orphan, change).pipe(Effect.flip)
      assert.deepStrictEqual(rulesOf(refused), ["partnership-in-programme", "goal-exists", "contributes-upwards", "principle-exists"])
      assert.deepStrictEqual(fieldsOf(refused), ["partnership", "contributesTo[0]", "contributesTo[1]", "principles[0]"])
      const target = yield* Indicator.make({
        ...Indicator.Indicator.make({ ...LundFrancistownResults.indicators[1]!, id: "late" as never }),
        targets: [{ period: { phase: "implementation", year: 5 }, value: 1 }]
      } as never)
      const late = yield* (yield* Indicator.Store).create(target, change).pipe(Effect.flip)
      assert.deepStrictEqual([rulesOf(late), fieldsOf(late)], [["period-in-phases"], ["targets[0].period"]])
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("concluding a partnership needs its final report approved, through the lifecycle and the results conference", () =>
    Effect.gen(function*() {
      yield* LundFrancistownResults.load
      const partnerships = yield* Partnership.Store
      const inPreparation = yield* partnerships.get(lundId)
      // to the last implementation year, on decisions taken outside the system
      let p = inPreparation
      for (const gate of ["project-plan-assessment", "full-budget"] as const) {
        p = yield* Partnerships.overrideDecision(p.id, { gate, outcome: "approved", justification: { en: "illustrative" }, date: "2021-12-01" }, ChangeLog.change("icld", "decided", p.version))
      }
      p = yield* Partnerships.execute(lundId, { _tag: "StartImplementation" }, ChangeLog.change("icld", "year 1", p.version))
      for (const _ of [2, 3]) p = yield* Partnerships.execute(lundId, { _tag: "AdvanceYear" }, ChangeLog.change("icld", "next year", p.version))
      const refused = yield* Partnerships.execute(lundId, { _tag: "Conclude" }, ChangeLog.change("icld", "results presented", p.version)).pipe(Effect.flip)
      assert.strictEqual(refused._tag, "TransitionRefused")
      assert.deepStrictEqual([rulesOf(refused), fieldsOf(refused)], [["final-report"], ["finalReport"]])
      if (Refusal.isRefusal(refused)) {
        assert.include(refused.explain("sv"), "Rapporten för genomförandeår 3 saknas")
        assert.include(refused.explain("en"), "The report for implementation year 3 is missing")
      }
      // the conference reports the same refusal, per partnership
      const conference = yield* CalendarEvent.make({
        id: "mr-resultatkonferens-2024",
        kind: "results-conference",
        title: { sv: "MR-resultatkonferens", en: "Human-rights results conference" },
        organiser: "icld",
        schedule: EventTime.approximate("2024-11", "2024-11"),
        links: { partnerships: [lundId] }
      })
      const events = yield* CalendarEvent.Store
      // a new event starts planned: a held one is refused, and it is marked held by the command
      const early = yield* events.create(Result.getOrThrow(CalendarEvent.markHeld(conference)), ChangeLog.change("icld", "held")).pipe(Effect.flip)
      assert.deepStrictEqual(early._tag === "EventRefused" ? early.violations.map((v) => v.rule) : early._tag, ["initial-status"])
      const planned = yield* events.create(conference, ChangeLog.change("icld", "planned"))
      const held = yield* Events.markHeld(planned.id, ChangeLog.change("icld", "held", planned.version))
      const first = yield* ResultsConference.concludePresented(held.id, ChangeLog.change("icld", "results presented"))
      assert.deepStrictEqual(first.map((o) => o.concluded), [false])
      assert.include(first[0]!.reason ?? "", "The report for implementation year 3 is missing")

      // the final report: every indicator accounted for, submitted and approved
      const final = { phase: "implementation", year: 3 } as const
      const lund = ChangeLog.change("lund", "final actuals")
      const [trained, documents, maturity] = LundFrancistownResults.indicators
      yield* Reports.recordActual({ indicator: trained!.id, partnership: lundId, period: final, result: { _tag: "Reported", value: 21, disaggregated: [] } }, lund)
      yield* Reports.recordActual({ indicator: documents!.id, partnership: lundId, period: final, result: { _tag: "Reported", value: 2, disaggregated: [] } }, lund)
      yield* Reports.recordActual({ indicator: maturity!.id, partnership: lundId, period: final, result: { _tag: "Reported", value: 4, disaggregated: [] } }, lund)
      const drafted = yield* Reports.draft(lundId, final, { narrative: { en: "Three years of inclusive leadership" } }, lund)
      assert.isTrue(drafted.final)
      assert.strictEqual(drafted.due, "2025-03-31")
      const submitted = yield* Reports.submit(drafted.id, { date: "2025-01-20" }, ChangeLog.change("lund", "final report", drafted.version))
      yield* Reports.approve(submitted.id, { date: "2025-02-01" }, ChangeLog.change("icld", "final report approved", submitted.version))
      const presented = ResultsConference.presentations(held, {
        phases: IcldCohort2020.programme.phases,
        goals: yield* (yield* Goal.Store).list(),
        indicators: yield* (yield* Indicator.Store).list(),
        actuals: yield* (yield* Actual.Store).list(),
        reports: yield* (yield* ProgressReport.Store).list()
      })
      assert.deepStrictEqual(JSON.parse(JSON.stringify(presented.map((x) => [x.partnership, x.finalReport, x.results.map((r) => [r.indicator.id, r.actual, r.onTrack])]))), [
        // in id order, as the store lists them; sums up to year 3: 21 trained of 65, 2 documents of 5, maturity 4 of 4
        [lundId, "approved", [[trained!.id, 21, false], [maturity!.id, 4, true], [documents!.id, 2, false]]]
      ])
      const outcomes = yield* ResultsConference.concludePresented(held.id, ChangeLog.change("icld", "results presented"))
      assert.deepStrictEqual(outcomes.map((o) => o.concluded), [true])
      assert.strictEqual((yield* partnerships.get(lundId)).status, "concluded")
      assert.isTrue(Option.isSome(yield* (yield* ProgressReport.Store).find(ProgressReport.idOf(lundId, final))))
      // the programme's roll-up, from the stores
      const rollUp = RollUp.make({
        scope: { _tag: "Network", programme: IcldCohort2020.programme.id, network: IcldCohort2020.network.id },
        asOf: final,
        phases: IcldCohort2020.programme.phases,
        goals: yield* (yield* Goal.Store).list(),
        indicators: yield* (yield* Indicator.Store).list(),
        actuals: yield* (yield* Actual.Store).list(),
        partnerships: yield* partnerships.list(),
        reports: yield* (yield* ProgressReport.Store).list()
      })
      assert.deepStrictEqual(rollUp.goals.map((g) => [g.goal.id, g.onTrack, g.assessed]), [[LundFrancistownResults.overallGoal.id, 1, 3]])
      // Lund's reports for the preparation year and years 1–2 were never written; the five admitted partnerships have none
      assert.deepStrictEqual(rollUp.outstanding.filter((o) => o.partnership === lundId).map((o) => `${o.period.phase}-${o.period.year}`), ["preparation-1", "implementation-1", "implementation-2"])
      assert.strictEqual(rollUp.outstanding.length, 3 + 5 * 4)
    }).pipe(Effect.provide(Stores.layerMemory)))
})
