/**
 * The calendar's commands against the store: registration opened, a person registered or
 * unregistered (the waiting list moving up), an event cancelled or marked held. Each re-reads
 * the event, runs the pure transition of {@link CalendarEvent} on it, and is recorded in the
 * change log under its own command name with the change's actor; the change states the
 * version read ({@link ChangeLog.Update}). The event store refuses a change of status, seats,
 * waiting list or cancellation that does not come from here (rule `command-field`).
 *
 * **Details**
 *
 * Commands and their change-log names: {@link openRegistration} (`OpenRegistration`),
 * {@link register} and {@link registerNow} (`RegisterForEvent`), {@link unregister}
 * (`UnregisterFromEvent`), {@link cancel} (`CancelEvent`), {@link markHeld} (`MarkEventHeld`).
 * The commands that move people return the notifications to send (who, what, in sv and en);
 * nothing is sent. `PersonalData.erase` removes a person's registrations through the same
 * write path, recorded as `ErasePersonalData`.
 *
 * @example
 * ```ts
 * import { ChangeLog, Events } from "@localrights/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const opened = yield* Events.openRegistration("network-meeting-2021", ChangeLog.change("icld", "open", 1))
 *   const { event, notifications } = yield* Events.registerNow(
 *     opened.id,
 *     { name: "Alex Andersson", email: "alex@example.org" },
 *     ChangeLog.change("web", "registration", opened.version)
 *   )
 *   return { seatsTaken: event.seats.length, notifications }
 * })
 * ```
 *
 * @module
 * @group Programme work
 * @since 0.2.0
 */
import { Effect } from "effect"
import { todayIn } from "../CalendarDate.ts"
import type * as ChangeLog from "../ChangeLog.ts"
import * as Guarded from "../internal/guarded.ts"
import type * as EntityStore from "../store/EntityStore.ts"
import * as CalendarEvent from "./CalendarEvent.ts"
import type * as Participant from "./Participant.ts"

const step = (
  id: string,
  change: ChangeLog.Update,
  command: EntityStore.CommandName,
  transition: (e: CalendarEvent.CalendarEvent) => Effect.Effect<CalendarEvent.Outcome, CalendarEvent.EventRefused>
) =>
  Effect.gen(function*() {
    const store = yield* CalendarEvent.Store
    const { result, written } = yield* Guarded.commandOn<CalendarEvent.CalendarEvent, CalendarEvent.EventRefused, CalendarEvent.Outcome, CalendarEvent.EventRefused, never>(
      store, `Events.${command}`, id, change, command, transition, (o) => o.event)
    return { ...result, event: written } satisfies CalendarEvent.Outcome
  })

const alone = (event: CalendarEvent.CalendarEvent): CalendarEvent.Outcome => ({ event, notifications: [] })

/**
 * Opens registration of a planned event, recorded as `OpenRegistration`.
 *
 * @category commands
 * @since 0.2.0
 */
export const openRegistration = Effect.fn("Events.openRegistration")(function*(id: string, change: ChangeLog.Update) {
  const { event } = yield* step(id, change, "OpenRegistration", (e) => Effect.map(Effect.fromResult(CalendarEvent.openRegistration(e)), alone))
  return event
})

/**
 * Registers a person (their sign-up day given), recorded as `RegisterForEvent`: a seat while
 * seats are free, otherwise the end of the waiting list. Refused as
 * {@link CalendarEvent.register} refuses (`not-open`, `deadline`, `already-registered`, ...).
 *
 * @category commands
 * @since 0.2.0
 */
export const register = Effect.fn("Events.register")(function*(id: string, person: Participant.Participant, change: ChangeLog.Update) {
  return yield* step(id, change, "RegisterForEvent", (e) => Effect.fromResult(CalendarEvent.register(e, person)))
})

/**
 * {@link register} with the sign-up day taken from `Clock`, in the event's time zone.
 *
 * @category commands
 * @since 0.2.0
 */
export const registerNow = Effect.fn("Events.registerNow")(function*(
  id: string,
  person: Omit<Participant.Participant, "signedUp">,
  change: ChangeLog.Update
) {
  return yield* step(id, change, "RegisterForEvent", (e) =>
    Effect.flatMap(todayIn(e.schedule.timeZone), (signedUp) => Effect.fromResult(CalendarEvent.register(e, { ...person, signedUp }))))
})

/**
 * Removes a person's registration, recorded as `UnregisterFromEvent`; a freed seat goes to the
 * first on the waiting list (in the notifications).
 *
 * @category commands
 * @since 0.2.0
 */
export const unregister = Effect.fn("Events.unregister")(function*(id: string, email: string, change: ChangeLog.Update) {
  return yield* step(id, change, "UnregisterFromEvent", (e) => Effect.fromResult(CalendarEvent.unregister(e, email)))
})

/**
 * Cancels the event with a reason (and date), recorded as `CancelEvent`: every registered
 * person is freed and notified once.
 *
 * @category commands
 * @since 0.2.0
 */
export const cancel = Effect.fn("Events.cancel")(function*(id: string, cancellation: CalendarEvent.Cancellation, change: ChangeLog.Update) {
  return yield* step(id, change, "CancelEvent", (e) => Effect.fromResult(CalendarEvent.cancel(e, cancellation)))
})

/**
 * Records that the event was held, recorded as `MarkEventHeld` (a results conference is then
 * what `ResultsConference.concludePresented` rests on).
 *
 * @category commands
 * @since 0.2.0
 */
export const markHeld = Effect.fn("Events.markHeld")(function*(id: string, change: ChangeLog.Update) {
  const { event } = yield* step(id, change, "MarkEventHeld", (e) => Effect.map(Effect.fromResult(CalendarEvent.markHeld(e)), alone))
  return event
})
