/**
 * A results conference concludes the partnerships presented there: once it is held, each
 * presented partnership in its last implementation year moves to `concluded`.
 *
 * @module
 * @group Programme work
 * @since 0.1.0
 */
import { Effect } from "effect"
import * as CalendarEvent from "./CalendarEvent.ts"
import { Store as CalendarEventStore } from "./CalendarEvent.ts"
import type * as ChangeLog from "../ChangeLog.ts"
import type { NotFound, StoreError } from "../store/DocumentStore.ts"
import type { Store as NetworkStore } from "../partnership/Network.ts"
import type { Store as OrganisationStore } from "../partnership/Organisation.ts"
import type { Store as PartnershipStore } from "../partnership/Partnership.ts"
import type { Store as ProgrammeStore } from "../partnership/Programme.ts"
import * as Partnerships from "../partnership/Partnerships.ts"

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
  /** Why not, in English, when it was not concluded. */
  readonly reason?: string | undefined
}

/**
 * Concludes every partnership presented at a held results conference through
 * `Partnerships.execute(id, { _tag: "Conclude" }, change)`. The event must be a results conference
 * and held; each partnership's outcome is reported separately.
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
  CalendarEventStore | PartnershipStore | ProgrammeStore | OrganisationStore | NetworkStore
> {
  const e = yield* (yield* CalendarEventStore).get(event)
  if (e.kind !== "results-conference" || e.status !== "held") {
    return yield* new CalendarEvent.EventRefused({
      event: e.id,
      field: e.kind !== "results-conference" ? "kind" : "status",
      rule: e.kind !== "results-conference" ? "not-results-conference" : "transition",
      value: e.kind !== "results-conference" ? e.kind : e.status,
      explanation: {
        sv: "Bara en genomförd resultatkonferens avslutar partnerskap.",
        en: "Only a held results conference concludes partnerships."
      }
    })
  }
  const outcomes: Array<Outcome> = []
  for (const id of e.links.partnerships) {
    outcomes.push(
      yield* Partnerships.execute(id, { _tag: "Conclude" }, change).pipe(
        Effect.match({
          onSuccess: (): Outcome => ({ partnership: id, concluded: true }),
          onFailure: (error): Outcome => ({ partnership: id, concluded: false, reason: `${error._tag}: ${error.message}` })
        })
      )
    )
  }
  return outcomes
})
