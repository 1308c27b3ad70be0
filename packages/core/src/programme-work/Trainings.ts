/**
 * Training programmes' commands against the store: a person enrolled or withdrawn, attendance
 * recorded. Each re-reads the programme, runs the pure rule of {@link TrainingProgramme} on
 * it, and is recorded in the change log under its own command name with the change's actor;
 * the change states the version read ({@link ChangeLog.Update}). The training store refuses a
 * change of the enrolments that does not come from here (rule `command-field`).
 *
 * **Details**
 *
 * Commands and their change-log names: {@link enrol} and {@link enrolNow}
 * (`EnrolInTraining`), {@link recordAttendance} (`RecordAttendance`), {@link withdraw}
 * (`WithdrawFromTraining`). `PersonalData.erase` removes a person's enrolments through the
 * same write path, recorded as `ErasePersonalData`.
 *
 * @example
 * ```ts
 * import { ChangeLog, Trainings } from "@localrights/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const enrolled = yield* Trainings.enrolNow(
 *     "strateger-2023",
 *     { name: "Alex Andersson", email: "alex@example.org" },
 *     ChangeLog.change("web", "enrolment", 1)
 *   )
 *   return yield* Trainings.recordAttendance(enrolled.id, "alex@example.org", "session-1", ChangeLog.change("skr", "attended", enrolled.version))
 * })
 * ```
 *
 * @module
 * @group Programme work
 * @since 0.2.0
 */
import { Effect, type Result } from "effect"
import { todayIn } from "../CalendarDate.ts"
import type * as ChangeLog from "../ChangeLog.ts"
import * as Guarded from "../internal/guarded.ts"
import type * as EntityStore from "../store/EntityStore.ts"
import * as EventTime from "./EventTime.ts"
import type * as Participant from "./Participant.ts"
import * as TrainingProgramme from "./TrainingProgramme.ts"

const step = (
  id: string,
  change: ChangeLog.Update,
  command: EntityStore.CommandName,
  rule: (stored: TrainingProgramme.TrainingProgramme) => Result.Result<TrainingProgramme.TrainingProgramme, TrainingProgramme.TrainingRefused>
) =>
  Effect.flatMap(TrainingProgramme.Store, (store) =>
    Effect.map(
      Guarded.commandOn<TrainingProgramme.TrainingProgramme, TrainingProgramme.TrainingRefused, TrainingProgramme.TrainingProgramme, TrainingProgramme.TrainingRefused, never>(store, `Trainings.${command}`, id, change, command, (t) => Effect.fromResult(rule(t)), (t) => t),
      ({ written }) => written
    ))

/**
 * Enrols a person (their sign-up day given) for the whole programme, recorded as
 * `EnrolInTraining`. Refused as {@link TrainingProgramme.enrol} refuses (`deadline`, `full`,
 * `already-enrolled`).
 *
 * @category commands
 * @since 0.2.0
 */
export const enrol = Effect.fn("Trainings.enrol")(function*(id: string, person: Participant.Participant, change: ChangeLog.Update) {
  return yield* step(id, change, "EnrolInTraining", (t) => TrainingProgramme.enrol(t, person))
})

/**
 * {@link enrol} with the sign-up day taken from `Clock`, in Sweden's time zone (a training
 * programme has no time zone of its own).
 *
 * @category commands
 * @since 0.2.0
 */
export const enrolNow = Effect.fn("Trainings.enrolNow")(function*(
  id: string,
  person: Omit<Participant.Participant, "signedUp">,
  change: ChangeLog.Update
) {
  const signedUp = yield* todayIn(EventTime.defaultTimeZone)
  return yield* enrol(id, { ...person, signedUp }, change)
})

/**
 * Records that an enrolled person attended a session, recorded as `RecordAttendance`
 * (attending twice changes nothing but the record).
 *
 * @category commands
 * @since 0.2.0
 */
export const recordAttendance = Effect.fn("Trainings.recordAttendance")(function*(id: string, email: string, session: string, change: ChangeLog.Update) {
  return yield* step(id, change, "RecordAttendance", (t) => TrainingProgramme.recordAttendance(t, email, session))
})

/**
 * Removes a person's enrolment, recorded as `WithdrawFromTraining`.
 *
 * @category commands
 * @since 0.2.0
 */
export const withdraw = Effect.fn("Trainings.withdraw")(function*(id: string, email: string, change: ChangeLog.Update) {
  return yield* step(id, change, "WithdrawFromTraining", (t) => TrainingProgramme.withdraw(t, email))
})
