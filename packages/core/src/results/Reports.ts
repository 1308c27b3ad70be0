/**
 * The reporting cycle's commands against the stores: actuals entered and reviewed, progress
 * reports drafted, submitted, returned with comments and approved, and the next tranche
 * released against the approved report. Each step re-reads what it rests on from the store,
 * is recorded in the change log under its own command name with the change's actor, and takes
 * the change last (an {@link ChangeLog.Update} stating the version read, for a stored entity).
 *
 * **Details**
 *
 * Commands and their change-log names: {@link recordActual} (`RecordActual`),
 * {@link reviewActual} (`ReviewActual`), {@link draft} (`CreateProgressReport`),
 * {@link submit} (`SubmitProgressReport`), {@link returnReport} (`ReturnProgressReport`),
 * {@link approve} (`ApproveProgressReport`), {@link releaseTranche} (`ReleaseTranche`).
 * {@link finalReport} is the gate that concluding a partnership passes
 * (`Partnerships.execute(id, { _tag: "Conclude" }, ...)` and `ResultsConference.concludePresented`).
 *
 * @module
 * @group Results
 * @since 0.2.0
 */
import { Effect, Option, Result } from "effect"
import * as CalendarDate from "../CalendarDate.ts"
import type * as ChangeLog from "../ChangeLog.ts"
import * as Budget from "../funding/Budget.ts"
import * as Disbursement from "../funding/Disbursement.ts"
import * as Expenses from "../funding/Expenses.ts"
import type { LocalizedText } from "../LocalizedText.ts"
import * as Partnership from "../partnership/Partnership.ts"
import * as Programme from "../partnership/Programme.ts"
import * as Refusal from "../Refusal.ts"
import { type NotFound, type StoreError, VersionConflict } from "../store/DocumentStore.ts"
import type * as EntityStore from "../store/EntityStore.ts"
import * as Actual from "./Actual.ts"
import * as Goal from "./Goal.ts"
import * as Indicator from "./Indicator.ts"
import * as Guarded from "../internal/guarded.ts"
import * as ProgressReport from "./ProgressReport.ts"
import * as ReportingCycle from "./ReportingCycle.ts"
import * as ReportingPeriod from "./ReportingPeriod.ts"

const stale = (kind: string, id: string, expected: number | undefined, actual: number) =>
  new VersionConflict({ kind, id, expected: expected ?? -1, actual })

/**
 * What {@link recordActual} takes: the indicator, partnership and period, the result, and
 * optionally a comment, evidence and the date entered (today unless given).
 *
 * @category models
 * @since 0.2.0
 */
export interface ActualInput {
  readonly indicator: string
  readonly partnership: string
  readonly period: ReportingPeriod.Period
  readonly result: typeof Actual.Result.Encoded
  readonly comment?: LocalizedText | undefined
  readonly evidence?: ReadonlyArray<Actual.Evidence> | undefined
  readonly entered?: string | undefined
}

/**
 * Enters (or re-enters) the actual of an indicator, partnership and period, recorded as
 * `RecordActual`: a new one with a plain change, a stored one with the change stating its
 * version (a re-entered actual is no longer reviewed). A bad value is a `ValidationError`
 * naming the field; a rule needing the indicator or partnership (`period-in-phases`,
 * `on-scale`, `same-unit`, ...) an `ActualInvalid`.
 *
 * @category services
 * @since 0.2.0
 */
export const recordActual = Effect.fn("Reports.recordActual")(function*(input: ActualInput, change: ChangeLog.Change) {
  const store = yield* Actual.Store
  const id = Actual.idOf(input.indicator, input.partnership, input.period)
  const actual = yield* Actual.make({
    id,
    indicator: input.indicator,
    partnership: input.partnership,
    period: input.period,
    result: input.result,
    ...(input.comment === undefined ? {} : { comment: input.comment }),
    evidence: input.evidence ?? [],
    entered: input.entered ?? (yield* CalendarDate.today)
  })
  const stored = Option.getOrUndefined(yield* store.find(id))
  const expected = stored?.version ?? 0
  if ((change.expectedVersion ?? 0) !== expected) return yield* stale("actual", id, change.expectedVersion, expected)
  const write = yield* Guarded.writerOf<Actual.Actual, Actual.ActualInvalid>(store, "Reports.recordActual")
  return yield* write(new Actual.Actual({ ...actual, version: expected }), { ...change, expectedVersion: expected }, Guarded.recorded("RecordActual", stored?.status))
})

/**
 * Marks a stored actual reviewed by the programme (the change's actor), recorded as
 * `ReviewActual`, with an optional comment.
 *
 * @category services
 * @since 0.2.0
 */
export const reviewActual = Effect.fn("Reports.reviewActual")(function*(
  id: string,
  input: { readonly date?: string | undefined; readonly comment?: LocalizedText | undefined },
  change: ChangeLog.Update
) {
  const store = yield* Actual.Store
  const current = yield* store.get(id)
  if (change.expectedVersion !== current.version) return yield* stale("actual", id, change.expectedVersion, current.version)
  const date = yield* CalendarDate.make(input.date ?? (yield* CalendarDate.today))
  const reviewed = new Actual.Actual({ ...current, status: "reviewed", reviewed: { date, ...(input.comment === undefined ? {} : { comment: input.comment }) } })
  const write = yield* Guarded.writerOf<Actual.Actual, Actual.ActualInvalid>(store, "Reports.reviewActual")
  return yield* write(reviewed, change, Guarded.recorded("ReviewActual", current.status))
})

/**
 * Creates the draft report of a partnership and period (recorded as `CreateProgressReport`):
 * `final` for the programme's last period, `due` from the programme's reporting rules when it
 * has any.
 *
 * @category services
 * @since 0.2.0
 */
export const draft = Effect.fn("Reports.draft")(function*(
  partnership: string,
  period: ReportingPeriod.Period,
  input: { readonly narrative?: LocalizedText | undefined },
  change: ChangeLog.Change
) {
  const p = yield* (yield* Partnership.Store).get(partnership)
  const programme = yield* (yield* Programme.Store).get(p.programme)
  const rules = Option.getOrUndefined(yield* (yield* ReportingCycle.Store).find(programme.id))
  const due = rules === undefined ? undefined : ReportingCycle.dueOf(rules, programme.phases, period)
  const report = yield* ProgressReport.make({
    id: ProgressReport.idOf(partnership, period),
    partnership,
    period,
    final: ReportingPeriod.isWithin(programme.phases, period) && ReportingPeriod.isFinal(programme.phases, period),
    ...(input.narrative === undefined ? {} : { narrative: input.narrative }),
    ...(due === undefined ? {} : { due })
  })
  return yield* (yield* ProgressReport.Store).create(report, change)
})

// the report as stored at the version the change states
const storedReport = Effect.fnUntraced(function*(id: string, change: ChangeLog.Update) {
  const current = yield* (yield* ProgressReport.Store).get(id)
  if (change.expectedVersion !== current.version) return yield* stale("progress-report", id, change.expectedVersion, current.version)
  return current
})

// the partnership's indicators and their actuals for the period, as stored
const actualsOf = Effect.fnUntraced(function*(partnership: string, period: ReportingPeriod.Period) {
  const indicators = ProgressReport.indicatorsOf(partnership, yield* (yield* Goal.Store).list(), yield* (yield* Indicator.Store).list())
  const store = yield* Actual.Store
  const actuals: Array<Actual.Actual> = []
  for (const ind of indicators) {
    const a = yield* store.find(Actual.idOf(ind.id, partnership, period))
    if (Option.isSome(a)) actuals.push(a.value)
  }
  return { indicators, actuals }
})

// the financial part from the partnership's budget (the full one, else the preparation one)
// and its expense ledger, when both are stored
const financialOf = Effect.fnUntraced(function*(partnership: string, period: ReportingPeriod.Period) {
  const budgets = (yield* (yield* Budget.Store).list()).filter((b) => b.partnership === partnership)
  const budget = budgets.find((b) => b.scope === "full" && period.phase === "implementation") ??
    budgets.find((b) => b.scope === "preparation" && period.phase === "preparation") ?? budgets.find((b) => b.scope === "full")
  const ledger = (yield* (yield* Expenses.Store).list()).find((l) => l.partnership === partnership && (budget === undefined || l.budget === undefined || l.budget === budget.id))
  if (budget === undefined || ledger === undefined) return undefined
  const part = ProgressReport.financialPart(budget, ledger, period)
  return Result.isSuccess(part) ? part.success : undefined
})

const writeReport = Effect.fnUntraced(function*(
  report: ProgressReport.ProgressReport,
  change: ChangeLog.Update,
  command: Extract<EntityStore.CommandName, "SubmitProgressReport" | "ReturnProgressReport" | "ApproveProgressReport">,
  before: ProgressReport.Status
) {
  const store = yield* ProgressReport.Store
  const write = yield* Guarded.writerOf<ProgressReport.ProgressReport, ProgressReport.ReportRefused>(store, `Reports.${command}`)
  return yield* write(report, change, Guarded.recorded(command, before))
})

/**
 * Submits a draft or returned report (the subject, by id), recorded as `SubmitProgressReport`:
 * it needs a narrative and a period the partnership has reached; the submission keeps the
 * period's actuals (id and version) and the financial part from the budget and expense ledger.
 *
 * @category services
 * @since 0.2.0
 */
export const submit = Effect.fn("Reports.submit")(function*(id: string, input: { readonly date?: string | undefined }, change: ChangeLog.Update) {
  const current = yield* storedReport(id, change)
  const partnership = yield* (yield* Partnership.Store).get(current.partnership)
  const { actuals } = yield* actualsOf(current.partnership, current.period)
  const financial = yield* financialOf(current.partnership, current.period)
  const date = yield* CalendarDate.make(input.date ?? (yield* CalendarDate.today))
  const next = ProgressReport.submit(current, { date, partnership, actuals, financial })
  if (Result.isFailure(next)) return yield* next.failure
  return yield* writeReport(next.success, change, "SubmitProgressReport", current.status)
})

/**
 * Returns a submitted report with comments (at least one), recorded as `ReturnProgressReport`.
 *
 * @category services
 * @since 0.2.0
 */
export const returnReport = Effect.fn("Reports.returnReport")(function*(
  id: string,
  input: { readonly comments: ReadonlyArray<ProgressReport.Comment>; readonly date?: string | undefined },
  change: ChangeLog.Update
) {
  const current = yield* storedReport(id, change)
  const date = yield* CalendarDate.make(input.date ?? (yield* CalendarDate.today))
  const next = ProgressReport.returnReport(current, { date, comments: input.comments })
  if (Result.isFailure(next)) return yield* next.failure
  return yield* writeReport(next.success, change, "ReturnProgressReport", current.status)
})

/**
 * Approves a submitted report, recorded as `ApproveProgressReport`: every indicator of the
 * partnership's individual goals must have an actual for the period, or be marked not
 * reported with a reason (rule `indicator-accounted`).
 *
 * @category services
 * @since 0.2.0
 */
export const approve = Effect.fn("Reports.approve")(function*(
  id: string,
  input: { readonly date?: string | undefined; readonly note?: LocalizedText | undefined },
  change: ChangeLog.Update
) {
  const current = yield* storedReport(id, change)
  const { indicators, actuals } = yield* actualsOf(current.partnership, current.period)
  const date = yield* CalendarDate.make(input.date ?? (yield* CalendarDate.today))
  const next = ProgressReport.approve(current, { date, indicators, actuals, note: input.note })
  if (Result.isFailure(next)) return yield* next.failure
  return yield* writeReport(next.success, change, "ApproveProgressReport", current.status)
})

/**
 * Releases the tranche of `period` of a stored disbursement plan (the subject, by id), recorded
 * as `ReleaseTranche`: the previous tranche's period needs its stored progress report approved
 * ({@link Disbursement.release}).
 *
 * @category services
 * @since 0.2.0
 */
export const releaseTranche = Effect.fn("Reports.releaseTranche")(function*(
  plan: string,
  period: ReportingPeriod.Period,
  input: { readonly date?: string | undefined },
  change: ChangeLog.Update
) {
  const store = yield* Disbursement.Store
  const current = yield* store.get(plan)
  if (change.expectedVersion !== current.version) return yield* stale("disbursement-plan", plan, change.expectedVersion, current.version)
  const reportStore = yield* ProgressReport.Store
  const reports: Array<ProgressReport.ProgressReport> = []
  for (const t of current.tranches) {
    const r = yield* reportStore.find(ProgressReport.idOf(current.partnership, t.period))
    if (Option.isSome(r)) reports.push(r.value)
  }
  const date = yield* CalendarDate.make(input.date ?? (yield* CalendarDate.today))
  const next = Disbursement.release(current, period, date, reports)
  if (Result.isFailure(next)) return yield* next.failure
  const write = yield* Guarded.writerOf<Disbursement.Plan, Disbursement.ReleaseRefused>(store, "Reports.releaseTranche")
  return yield* write(next.success, change, Guarded.recorded("ReleaseTranche"))
})

/**
 * The gate on concluding a partnership: its final report (the report of the programme's last
 * implementation year) stored and approved; otherwise the violation (field `finalReport`, rule
 * `final-report`).
 *
 * @category services
 * @since 0.2.0
 */
export const finalReport = Effect.fn("Reports.finalReport")(function*(
  partnership: Pick<Partnership.Partnership, "id" | "programme">
): Effect.fn.Return<Refusal.Violation | undefined, NotFound | StoreError, Programme.Store | ProgressReport.Store> {
  const programme = yield* (yield* Programme.Store).get(partnership.programme)
  const period = ReportingPeriod.final(programme.phases)
  const report = Option.getOrUndefined(yield* (yield* ProgressReport.Store).find(ProgressReport.idOf(partnership.id, period)))
  return ProgressReport.notApproved("finalReport", "final-report", period, report)
})
