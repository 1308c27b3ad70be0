/**
 * Training programmes: a series of sessions for people in given roles (SKR's programme for
 * human-rights strategists), with enrolment for the whole programme, attendance per session
 * and completion.
 *
 * **Details**
 *
 * Enrolments are personal data: public output uses {@link toPublicView}. Every change is a pure
 * function returning a `Result` with a {@link TrainingRefused} that names the field.
 *
 * @module
 * @group Programme work
 * @since 0.1.0
 */
import { Array as Arr, Effect, Option, Result, Schema } from "effect"
import { CalendarDate } from "../CalendarDate.ts"
import { Version } from "../ChangeLog.ts"
import * as Construct from "../Construct.ts"
import { CalendarEventId, OrganisationId, ProgrammeId, TrainingProgrammeId } from "../Ids.ts"
import * as LocalizedText from "../LocalizedText.ts"
import * as Refusal from "../Refusal.ts"
import * as Participant from "./Participant.ts"
import * as EventTime from "./EventTime.ts"
import * as Guarded from "../internal/guarded.ts"
import { Store as OrganisationStore } from "../partnership/Organisation.ts"
import { Store as ProgrammeStore } from "../partnership/Programme.ts"
import * as EntityStore from "../store/EntityStore.ts"
import * as Validation from "../Validation.ts"

const SessionKey = Schema.String.check(
  Schema.isPattern(/^[a-z0-9][a-z0-9-]{0,63}$/, Validation.message({
    sv: "Förväntade en nyckel för passet: små bokstäver, siffror och '-'",
    en: "Expected a session key: lower-case letters, digits and '-'"
  }))
)

/**
 * One session of the programme; `event` links the calendar event it takes place at (the last
 * strategist session is held at a larger MR conference).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Session = Schema.Struct({
  key: SessionKey,
  title: LocalizedText.LocalizedText,
  schedule: EventTime.EventTime,
  event: Schema.optionalKey(CalendarEventId),
  note: Schema.optionalKey(LocalizedText.LocalizedText)
})
/**
 * @category models
 * @since 0.1.0
 */
export type Session = typeof Session.Type

/**
 * A role the programme is aimed at (`MR-strateg`, `folkhälsostrateg`).
 *
 * @category schemas
 * @since 0.1.0
 */
export const TargetRole = Schema.Struct({
  key: SessionKey,
  name: LocalizedText.LocalizedText
})
/**
 * @category models
 * @since 0.1.0
 */
export type TargetRole = typeof TargetRole.Type

/**
 * One person's enrolment for the whole programme and the sessions they attended. Personal data.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Enrolment = Schema.Struct({
  participant: Participant.Participant,
  attended: Schema.Array(SessionKey)
})
/**
 * @category models
 * @since 0.1.0
 */
export type Enrolment = typeof Enrolment.Type

/**
 * A training programme. Invariants: session keys are unique, the completion threshold is at
 * most the number of sessions, attendance names existing sessions, each person enrols once.
 *
 * @category schemas
 * @since 0.1.0
 */
export const TrainingProgramme = Schema.Struct({
  id: TrainingProgrammeId,
  organiser: OrganisationId,
  programme: Schema.optionalKey(ProgrammeId),
  title: LocalizedText.LocalizedText,
  description: Schema.optionalKey(LocalizedText.LocalizedText),
  targetRoles: Schema.Array(TargetRole),
  sessions: Schema.Array(Session).check(Schema.isMinLength(1, Validation.message({
    sv: "Förväntade minst ett pass",
    en: "Expected at least one session"
  }))),
  /** Sessions a participant must attend to complete the programme; absent: every session. */
  completionSessions: Schema.optionalKey(Schema.Int.check(Schema.isGreaterThanOrEqualTo(1))),
  capacity: Schema.optionalKey(Schema.Int.check(Schema.isGreaterThanOrEqualTo(1))),
  enrolmentDeadline: Schema.optionalKey(CalendarDate),
  enrolments: Schema.Array(Enrolment),
  version: Version
}).check(
  Schema.makeFilter((t) => {
    const issues: Array<Schema.FilterIssue> = []
    const keys = new Set(t.sessions.map((s) => s.key))
    if (keys.size !== t.sessions.length) issues.push({ path: ["sessions"], issue: Validation.invalid({ sv: "Förväntade unika nycklar för tillfällena", en: "Expected unique session keys" }, "unique-key") })
    if (t.completionSessions !== undefined && t.completionSessions > t.sessions.length) {
      issues.push({ path: ["completionSessions"], issue: Validation.invalid({ sv: `Förväntade högst ${t.sessions.length} (antalet tillfällen)`, en: `Expected at most ${t.sessions.length} (the number of sessions)` }, "within-sessions") })
    }
    if (t.capacity !== undefined && t.enrolments.length > t.capacity) {
      issues.push({ path: ["enrolments"], issue: Validation.invalid({ sv: `Förväntade högst ${t.capacity} deltagare`, en: `Expected at most ${t.capacity} enrolments` }, "within-capacity") })
    }
    t.enrolments.forEach((e, i) => {
      const unknown = e.attended.find((k) => !keys.has(k))
      if (unknown !== undefined) issues.push({ path: ["enrolments", i, "attended"], issue: Validation.invalid({ sv: `Okänt tillfälle ${unknown}`, en: `Unknown session ${unknown}` }, "known-session") })
    })
    const people = t.enrolments.map((e) => Participant.emailKey(e.participant.email))
    if (new Set(people).size !== people.length) issues.push({ path: ["enrolments"], issue: Validation.invalid({ sv: "Förväntade att varje person är antagen en gång", en: "Expected each person enrolled once" }, "enrolled-once") })
    return issues
  })
)
/**
 * @category models
 * @since 0.1.0
 */
export type TrainingProgramme = typeof TrainingProgramme.Type

/**
 * A training programme from plain values, at version 0 (not yet stored); no target roles or
 * enrolments unless given.
 *
 * @category constructors
 * @since 0.2.0
 */
export const make = Construct.make(TrainingProgramme, "TrainingProgramme", { targetRoles: [], enrolments: [] })

/**
 * A training programme from untrusted input (JSON), with the defaults of {@link make}.
 *
 * @category constructors
 * @since 0.2.0
 */
export const decode = Construct.decode(make)

/**
 * The rules an enrolment or attendance can break: each is the `rule` of a violation in
 * {@link TrainingRefused}.
 *
 * @category schemas
 * @since 0.2.0
 */
export const TrainingRule = Schema.Literals([
  "deadline",
  "full",
  "already-enrolled",
  "not-enrolled",
  "unknown-session",
  "organiser-exists",
  "programme-exists",
  "command-field",
  "initial-status"
])
/**
 * @category models
 * @since 0.2.0
 */
export type TrainingRule = typeof TrainingRule.Type

/**
 * A refused enrolment or attendance on a training programme (the subject), with every rule it
 * breaks. Carries no personal data: a person is never named in a violation.
 *
 * @category errors
 * @since 0.1.0
 */
export class TrainingRefused extends Refusal.Refusal<TrainingRefused>()("TrainingRefused") {}

const broken = (field: string, rule: TrainingRule, value: string | undefined, sv: string, en: string): Refusal.Violation =>
  Refusal.violation(field, rule, value, { sv, en })

const refuseAll = (t: TrainingProgramme, violations: Arr.NonEmptyArray<Refusal.Violation>) =>
  Result.fail(new TrainingRefused({ subject: { kind: "training-programme", id: t.id }, violations }))

const refuse = (t: TrainingProgramme, violation: Refusal.Violation) => refuseAll(t, [violation])

const indexOf = (t: TrainingProgramme, email: string) => {
  const key = Participant.emailKey(email)
  return t.enrolments.findIndex((e) => Participant.emailKey(e.participant.email) === key)
}

/**
 * Enrols a person for the whole programme. Refused after the deadline, when full, or when the
 * person is already enrolled (every one of them that holds).
 *
 * @category rules
 * @since 0.1.0
 */
export const enrol = (t: TrainingProgramme, person: Participant.Participant): Result.Result<TrainingProgramme, TrainingRefused> => {
  const violations: Array<Refusal.Violation> = []
  if (t.enrolmentDeadline !== undefined && person.signedUp > t.enrolmentDeadline) {
    violations.push(broken("signedUp", "deadline", person.signedUp, `Sista anmälningsdag var ${t.enrolmentDeadline}.`, `The enrolment deadline was ${t.enrolmentDeadline}.`))
  }
  if (indexOf(t, person.email) >= 0) {
    violations.push(broken("email", "already-enrolled", undefined, "Personen är redan anmäld.", "The person is already enrolled."))
  }
  if (t.capacity !== undefined && t.enrolments.length >= t.capacity) {
    violations.push(broken("capacity", "full", String(t.capacity), "Utbildningsprogrammet är fullt.", "The training programme is full."))
  }
  if (Arr.isArrayNonEmpty(violations)) return refuseAll(t, violations)
  return Result.succeed({ ...t, enrolments: [...t.enrolments, { participant: person, attended: [] }] })
}

/**
 * Records that an enrolled person attended a session (idempotent).
 *
 * @category rules
 * @since 0.1.0
 */
export const recordAttendance = (
  t: TrainingProgramme,
  email: string,
  session: string
): Result.Result<TrainingProgramme, TrainingRefused> => {
  const i = indexOf(t, email)
  const violations: Array<Refusal.Violation> = []
  if (!t.sessions.some((s) => s.key === session)) {
    violations.push(broken("session", "unknown-session", session, `Okänt tillfälle ${session}.`, `Unknown session ${session}.`))
  }
  if (i < 0) violations.push(broken("email", "not-enrolled", undefined, "Personen är inte anmäld.", "The person is not enrolled."))
  if (Arr.isArrayNonEmpty(violations)) return refuseAll(t, violations)
  const e = t.enrolments[i]!
  if (e.attended.includes(session)) return Result.succeed(t)
  const order = t.sessions.map((s) => s.key)
  const attended = [...e.attended, session].sort((a, b) => order.indexOf(a) - order.indexOf(b))
  return Result.succeed({ ...t, enrolments: t.enrolments.map((x, j) => (j === i ? { ...x, attended } : x)) })
}

/**
 * Removes a person's enrolment (withdrawal or erasure).
 *
 * @category rules
 * @since 0.1.0
 */
export const withdraw = (t: TrainingProgramme, email: string): Result.Result<TrainingProgramme, TrainingRefused> => {
  const i = indexOf(t, email)
  if (i < 0) return refuse(t, broken("email", "not-enrolled", undefined, "Personen är inte anmäld.", "The person is not enrolled."))
  return Result.succeed({ ...t, enrolments: t.enrolments.filter((_, j) => j !== i) })
}

/**
 * Sessions needed to complete: `completionSessions`, or every session when the organiser states
 * no threshold.
 *
 * @category rules
 * @since 0.1.0
 */
export const sessionsToComplete = (t: TrainingProgramme): number => t.completionSessions ?? t.sessions.length

/**
 * Whether an enrolment has completed the programme (attended {@link sessionsToComplete}).
 *
 * @category rules
 * @since 0.1.0
 */
export const isCompleted = (t: TrainingProgramme, enrolment: Enrolment): boolean =>
  enrolment.attended.length >= sessionsToComplete(t)

/**
 * Counts for public output: enrolled, completed, and attendance per session (no names).
 *
 * @category rules
 * @since 0.1.0
 */
export const summary = (t: TrainingProgramme): {
  readonly enrolled: number
  readonly completed: number
  readonly attendance: ReadonlyArray<{ readonly session: string; readonly attended: number }>
} => ({
  enrolled: t.enrolments.length,
  completed: t.enrolments.filter((e) => isCompleted(t, e)).length,
  attendance: t.sessions.map((s) => ({ session: s.key, attended: t.enrolments.filter((e) => e.attended.includes(s.key)).length }))
})

/**
 * What public output may show of a training programme: everything but the enrolments, plus the
 * counts of {@link summary}.
 *
 * @category rendering
 * @since 0.1.0
 */
export const toPublicView = (t: TrainingProgramme): Omit<TrainingProgramme, "enrolments"> & { readonly summary: ReturnType<typeof summary> } => {
  const { enrolments: _, ...rest } = t
  return { ...rest, summary: summary(t) }
}

const guard: Guarded.Guard<TrainingProgramme, TrainingRefused> = {
  check: Effect.gen(function*() {
    const organisations = yield* OrganisationStore.make
    const programmes = yield* ProgrammeStore.make
    return (t: TrainingProgramme) =>
      Effect.gen(function*() {
        const out: Array<Refusal.Violation> = []
        if (Option.isNone(yield* organisations.find(t.organiser))) {
          out.push(broken("organiser", "organiser-exists", t.organiser, `Arrangören ${t.organiser} finns inte bland organisationerna.`, `The organiser ${t.organiser} is not a stored organisation.`))
        }
        if (t.programme !== undefined && Option.isNone(yield* programmes.find(t.programme))) {
          out.push(broken("programme", "programme-exists", t.programme, `Programmet ${t.programme} finns inte.`, `Programme ${t.programme} does not exist.`))
        }
        return out
      })
  }),
  refuse: (t, violations) => new TrainingRefused({ subject: { kind: "training-programme", id: t.id }, violations }),
  commandFields: ["enrolments"],
  commandsIn: "Trainings",
  initial: (t) =>
    t.enrolments.length === 0 ? [] : [broken(
      "enrolments",
      "initial-status",
      undefined,
      "Ett nytt utbildningsprogram har inga antagna; deltagare antas med Trainings.enrol.",
      "A new training programme has nobody enrolled; people enrol through Trainings.enrol."
    )]
}

/**
 * The store of training programmes, with versions and change log: `Store.layer` derives it from
 * the document store (`Stores.layer` includes it). The organiser (and the programme, when
 * given) must be stored; a new training programme has nobody enrolled; enrolments and
 * attendance change only through {@link Trainings}' commands (`TrainingRefused`, rules
 * `organiser-exists`, `programme-exists`, `initial-status`, `command-field`), and a refused
 * write changes nothing.
 *
 * @category services
 * @since 0.2.0
 */
export class Store extends Guarded.service(EntityStore.Service<Store>()("training-programme", TrainingProgramme), guard) {}
