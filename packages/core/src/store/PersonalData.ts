/**
 * Personal data held about one person, across every store: organisation contact persons,
 * event registrants and waiting lists, speakers named in event programmes, training
 * enrolments and expression-of-interest contacts. {@link exportPerson} gathers it (the right
 * of access); {@link erase} removes it (the right to erasure).
 *
 * **Details**
 *
 * Erasure rewrites each affected entity through its versioned store, so the change log says
 * that an erasure happened (reason `erasure: personal data removed (<reference>)`) but never
 * whose: the person's name and e-mail are not written to the log, and a reference that
 * contains them is refused. A freed event seat goes to the next on the waiting list; those
 * notifications are returned.
 *
 * @module
 * @group Store
 * @since 0.1.0
 */
import { Clock, Effect, Schema } from "effect"
import * as CalendarEvent from "../programme-work/CalendarEvent.ts"
import { Store as CalendarEventStore } from "../programme-work/CalendarEvent.ts"
import type { StoreError, VersionConflict } from "./DocumentStore.ts"
import { Store as ExpressionStore } from "../partnership/Interest.ts"
import type { ActorId } from "../Ids.ts"
import type { Expression } from "../partnership/Interest.ts"
import * as LocalizedText from "../LocalizedText.ts"
import { type ContactPerson, Organisation } from "../partnership/Organisation.ts"
import { Store as OrganisationStore } from "../partnership/Organisation.ts"
import type * as Participant from "../programme-work/Participant.ts"
import * as EventTime from "../programme-work/EventTime.ts"
import * as TrainingProgramme from "../programme-work/TrainingProgramme.ts"
import { Store as TrainingProgrammeStore } from "../programme-work/TrainingProgramme.ts"
import * as Validation from "../Validation.ts"

/**
 * Who the request is about: an e-mail address, a name, or both (either matches, ignoring case).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Person = Schema.Struct({
  email: Schema.optionalKey(Schema.String.check(Schema.isNonEmpty())),
  name: Schema.optionalKey(Schema.String.check(Schema.isNonEmpty()))
}).check(
  Schema.makeFilter((p) => p.email !== undefined || p.name !== undefined ? undefined : { path: ["email"], issue: "Expected an e-mail address or a name" })
)
/**
 * @category models
 * @since 0.1.0
 */
export type Person = typeof Person.Type

/**
 * One place where data about the person is held.
 *
 * @category models
 * @since 0.1.0
 */
export type Finding =
  | { readonly _tag: "OrganisationContact"; readonly organisation: string; readonly contact: ContactPerson }
  | {
    readonly _tag: "EventRegistration"
    readonly event: string
    readonly title: LocalizedText.LocalizedText
    readonly place: "seat" | "waiting-list"
    readonly participant: Participant.Participant
  }
  | {
    readonly _tag: "EventSpeaker"
    readonly event: string
    readonly item: LocalizedText.LocalizedText
    readonly speaker: CalendarEvent.Speaker
  }
  | { readonly _tag: "TrainingEnrolment"; readonly programme: string; readonly enrolment: TrainingProgramme.Enrolment }
  | { readonly _tag: "InterestExpression"; readonly expression: string; readonly contact: ContactPerson }

/**
 * Everything held about one person, with the day it was produced.
 *
 * @category models
 * @since 0.1.0
 */
export interface Export {
  /** The day of the export (Europe/Stockholm). */
  readonly produced: string
  /** Every place the person was found. */
  readonly findings: ReadonlyArray<Finding>
}

/**
 * The erasure reference would write the person's name or e-mail into the change log.
 *
 * @category errors
 * @since 0.1.0
 */
export class ErasureRefused extends Schema.TaggedError<ErasureRefused>()("ErasureRefused", {
  field: Schema.String,
  explanation: LocalizedText.LocalizedText
}) {
  /** @since 0.1.0 */
  override get message(): string {
    return `${this.field}: ${LocalizedText.text(this.explanation, "en")}`
  }
}

const norm = (s: string) => s.trim().toLocaleLowerCase("sv")

/**
 * Whether a record (name, optional e-mail) is about the person.
 *
 * @category rules
 * @since 0.1.0
 */
export const matches = (person: Person, record: { readonly name?: string | undefined; readonly email?: string | undefined }): boolean =>
  (person.email !== undefined && record.email !== undefined && norm(person.email) === norm(record.email)) ||
  (person.name !== undefined && record.name !== undefined && norm(person.name) === norm(record.name))

const decodePerson = Validation.decoder(Person, "PersonalData.Person")

/**
 * The stores that can hold personal data, which {@link exportPerson} and {@link erase} search.
 *
 * @category models
 * @since 0.1.0
 */
export type Services = OrganisationStore | CalendarEventStore | TrainingProgrammeStore | ExpressionStore

/**
 * Everything held about the person, across every store.
 *
 * @category services
 * @since 0.1.0
 */
export const exportPerson = Effect.fn("PersonalData.exportPerson")(function*(
  input: Person
): Effect.fn.Return<Export, Validation.ValidationError | StoreError, Services> {
  const person = yield* decodePerson(input)
  const findings: Array<Finding> = []
  for (const org of yield* (yield* OrganisationStore).list()) {
    for (const contact of org.contacts) {
      if (matches(person, contact)) findings.push({ _tag: "OrganisationContact", organisation: org.id, contact })
    }
  }
  for (const e of yield* (yield* CalendarEventStore).list()) {
    for (const [place, list] of [["seat", e.seats], ["waiting-list", e.waitingList]] as const) {
      for (const participant of list) {
        if (matches(person, participant)) findings.push({ _tag: "EventRegistration", event: e.id, title: e.title, place, participant })
      }
    }
    for (const item of e.programmeItems) {
      for (const speaker of item.speakers) {
        if (matches(person, speaker)) findings.push({ _tag: "EventSpeaker", event: e.id, item: item.title, speaker })
      }
    }
  }
  for (const t of yield* (yield* TrainingProgrammeStore).list()) {
    for (const enrolment of t.enrolments) {
      if (matches(person, enrolment.participant)) findings.push({ _tag: "TrainingEnrolment", programme: t.id, enrolment })
    }
  }
  for (const x of yield* (yield* ExpressionStore).list()) {
    if (x.contact !== undefined && matches(person, x.contact)) {
      findings.push({ _tag: "InterestExpression", expression: x.id, contact: x.contact })
    }
  }
  return { produced: EventTime.dayIn(yield* Clock.currentTimeMillis), findings }
})

/**
 * What an erasure changed: the entities rewritten (kind and id, no personal data) and the
 * notifications to send to people promoted from a waiting list.
 *
 * @category models
 * @since 0.1.0
 */
export interface Erasure {
  /** Entities rewritten, as `kind/id`. */
  readonly rewritten: ReadonlyArray<string>
  /** Seats freed by the erasure that went to the next person waiting. */
  readonly notifications: ReadonlyArray<CalendarEvent.Notification>
}

/**
 * Erases the person from every store. `reference` (a case number) goes into the change log
 * with the reason `erasure: personal data removed (<reference>)`; a reference containing the
 * person's name or e-mail is refused.
 *
 * @category services
 * @since 0.1.0
 */
export const erase = Effect.fn("PersonalData.erase")(function*(
  input: Person,
  request: { readonly actor: string; readonly reference: string }
): Effect.fn.Return<Erasure, Validation.ValidationError | ErasureRefused | VersionConflict | StoreError, Services> {
  const person = yield* decodePerson(input)
  const ref = norm(request.reference)
  if ([person.name, person.email].some((x) => x !== undefined && ref.includes(norm(x)))) {
    return yield* new ErasureRefused({
      field: "reference",
      explanation: {
        sv: "Referensen får inte innehålla personens namn eller e-postadress: den skrivs i ändringsloggen.",
        en: "The reference must not contain the person's name or e-mail: it is written to the change log."
      }
    })
  }
  const change = { actor: request.actor as ActorId, reason: `erasure: personal data removed (${request.reference})`, command: "ErasePersonalData" }
  const rewritten: Array<string> = []
  const notifications: Array<CalendarEvent.Notification> = []

  const organisations = yield* OrganisationStore
  for (const org of yield* organisations.list()) {
    const contacts = org.contacts.filter((c) => !matches(person, c))
    if (contacts.length === org.contacts.length) continue
    yield* organisations.update(new Organisation({ ...org, contacts }), change)
    rewritten.push(`organisation/${org.id}`)
  }

  const events = yield* CalendarEventStore
  for (const e of yield* events.list()) {
    let next = e
    let changed = false
    for (const p of [...e.seats, ...e.waitingList].filter((p) => matches(person, p))) {
      const r = CalendarEvent.unregister(next, p.email)
      if (r._tag === "Failure") continue
      next = r.success.event
      changed = true
      notifications.push(...r.success.notifications.filter((n) => n.kind === "promoted"))
    }
    const items = next.programmeItems.map((item) => ({
      ...item,
      speakers: item.speakers.map((s) => {
        if (!matches(person, s)) return s
        changed = true
        const { name: _, ...rest } = s
        return rest
      })
    }))
    if (!changed) continue
    yield* events.update({ ...next, programmeItems: items }, change)
    rewritten.push(`calendar-event/${e.id}`)
  }

  const trainings = yield* TrainingProgrammeStore
  for (const t of yield* trainings.list()) {
    let next = t
    for (const en of t.enrolments.filter((en) => matches(person, en.participant))) {
      const r = TrainingProgramme.withdraw(next, en.participant.email)
      if (r._tag === "Success") next = r.success
    }
    if (next === t) continue
    yield* trainings.update(next, change)
    rewritten.push(`training-programme/${t.id}`)
  }

  const expressions = yield* ExpressionStore
  const today = EventTime.dayIn(yield* Clock.currentTimeMillis)
  for (const x of yield* expressions.list()) {
    if (x.contact === undefined || !matches(person, x.contact)) continue
    const { contact: _, ...rest } = x
    const erased: Expression = { ...rest, contactErased: today }
    yield* expressions.update(erased, change)
    rewritten.push(`interest-expression/${x.id}`)
  }
  return { rewritten, notifications }
})
