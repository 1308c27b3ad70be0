/**
 * A results conference (MR-resultatkonferens): the partnerships that present there and the
 * results they present ({@link presentations}); once it is held, each presented partnership in
 * its last implementation year with its final report approved moves to `concluded`.
 *
 * @module
 * @group Programme work
 * @since 0.1.0
 */
import { Array as Arr, Effect } from "effect"
import * as CalendarEvent from "./CalendarEvent.ts"
import { Store as CalendarEventStore } from "./CalendarEvent.ts"
import type * as ChangeLog from "../ChangeLog.ts"
import * as Refusal from "../Refusal.ts"
import type { NotFound, StoreError } from "../store/DocumentStore.ts"
import type { Store as NetworkStore } from "../partnership/Network.ts"
import type { Store as OrganisationStore } from "../partnership/Organisation.ts"
import type { Store as PartnershipStore } from "../partnership/Partnership.ts"
import type { Store as ProgrammeStore } from "../partnership/Programme.ts"
import type { Store as AssessmentStore } from "../assessment/Assessment.ts"
import type { Store as BudgetStore } from "../funding/Budget.ts"
import { executeCommand } from "../internal/execute.ts"
import { concludable } from "../partnership/Partnerships.ts"
import type * as Actual from "../results/Actual.ts"
import type { Goal } from "../results/Goal.ts"
import type * as Indicator from "../results/Indicator.ts"
import type { Store as ProgressReportStore } from "../results/ProgressReport.ts"
import type * as ProgressReport from "../results/ProgressReport.ts"
import * as ReportingPeriod from "../results/ReportingPeriod.ts"
import * as RollUp from "../results/RollUp.ts"
import type * as Programme from "../partnership/Programme.ts"

/**
 * What happened to one presented partnership: concluded, or why not (the lifecycle's refusal,
 * a conflict, or a missing partnership).
 *
 * @category models
 * @since 0.1.0
 */
export interface Outcome {
  /** The partnership. */
  readonly partnership: string
  /** Whether it is now concluded. */
  readonly concluded: boolean
  /** Why not, when it was not concluded: the refusal explained in English, or the error's message. */
  readonly reason?: string | undefined
}

/**
 * Concludes every partnership presented at a held results conference (the subject, by id)
 * through `Partnerships.execute(id, { _tag: "Conclude" }, change)`: each needs its last
 * implementation year and its final progress report approved (rule `final-report`). The event
 * must be a results conference and held (both are checked at once); each partnership's outcome
 * is reported separately. The change's `expectedVersion` is not used: the step updates several
 * partnerships, each at its current version.
 *
 * @category services
 * @since 0.1.0
 */
export const concludePresented = Effect.fn("ResultsConference.concludePresented")(function*(
  event: string,
  change: ChangeLog.Change
): Effect.fn.Return<
  ReadonlyArray<Outcome>,
  CalendarEvent.EventRefused | NotFound | StoreError,
  CalendarEventStore | PartnershipStore | ProgrammeStore | OrganisationStore | NetworkStore | AssessmentStore | BudgetStore | ProgressReportStore
> {
  const e = yield* (yield* CalendarEventStore).get(event)
  const violations: Array<Refusal.Violation> = []
  if (e.kind !== "results-conference") {
    violations.push(Refusal.violation("kind", "not-results-conference", e.kind, {
      sv: "Bara en resultatkonferens avslutar partnerskap.",
      en: "Only a results conference concludes partnerships."
    }))
  }
  if (e.status !== "held") {
    violations.push(Refusal.violation("status", "transition", e.status, {
      sv: "Partnerskapen avslutas först när resultatkonferensen är genomförd.",
      en: "The partnerships are concluded only once the results conference has been held."
    }))
  }
  if (Arr.isArrayNonEmpty(violations)) {
    return yield* new CalendarEvent.EventRefused({ subject: { kind: "calendar-event", id: e.id }, violations })
  }
  const { expectedVersion: _, ...each } = change
  const outcomes: Array<Outcome> = []
  for (const id of e.links.partnerships) {
    outcomes.push(
      yield* Effect.andThen(concludable(id, each), executeCommand(id, { _tag: "Conclude" }, each)).pipe(
        Effect.match({
          onSuccess: (): Outcome => ({ partnership: id, concluded: true }),
          onFailure: (error): Outcome => ({
            partnership: id,
            concluded: false,
            reason: `${error._tag}: ${Refusal.isRefusal(error) ? error.explain("en") : error.message}`
          })
        })
      )
    )
  }
  return outcomes
})

/**
 * What one partnership presents at a results conference: its results up to the final period
 * (a row per indicator of its goals and of the goals it contributes to, target against actual)
 * and the status of its final report.
 *
 * @category models
 * @since 0.2.0
 */
export interface Presentation {
  readonly partnership: string
  readonly results: ReadonlyArray<RollUp.Row>
  /** The final report's status; absent when there is none. */
  readonly finalReport?: ProgressReport.Status | undefined
}

/**
 * The partnerships that present at a results conference (the event's linked partnerships, in
 * order) and the results they present (pure, over what the caller read from the stores).
 *
 * @category rules
 * @since 0.2.0
 */
export const presentations = (
  event: Pick<CalendarEvent.CalendarEvent, "links">,
  input: {
    readonly phases: Programme.Phases
    readonly goals: ReadonlyArray<Goal>
    readonly indicators: ReadonlyArray<Indicator.Indicator>
    readonly actuals: ReadonlyArray<Actual.Actual>
    readonly reports: ReadonlyArray<Pick<ProgressReport.ProgressReport, "partnership" | "period" | "status">>
  }
): ReadonlyArray<Presentation> => {
  const final = ReportingPeriod.final(input.phases)
  return event.links.partnerships.map((partnership) => {
    const own = new Set(input.goals.filter((g) => g.level === "partnership" && g.partnership === partnership).map((g) => g.id as string))
    const results = RollUp.rows(own, { goals: input.goals, indicators: input.indicators, actuals: input.actuals, asOf: final }, [partnership])
    const report = input.reports.find((r) => r.partnership === partnership && ReportingPeriod.equals(r.period, final))
    return { partnership, results, ...(report === undefined ? {} : { finalReport: report.status }) }
  })
}
