/**
 * Personal data held about one person, across every store: organisation contact persons,
 * event registrants and waiting lists, speakers named in event programmes, training
 * enrolments and expression-of-interest contacts. {@link exportPerson} gathers it (the right
 * of access); {@link erase} removes it (the right to erasure).
 *
 * **Details**
 *
 * Erasure rewrites each affected entity through its versioned store, so the change log says
 * that an erasure happened (reason `erasure: personal data removed (<the change's reason>)`)
 * but never whose: the person's name and e-mail are not written to the log, and a reason that
 * contains them is refused. The log holds personal values only as salted commitments
 * (`AuditLog`): an erasure gives each rewritten document a new salt, so the old commitments
 * can no longer be linked to the person, and every hash of the log still verifies. A person
 * who is also an actor (by `actor`, or by their e-mail or name used as an actor id) is
 * pseudonymised: in the change log's clear `actor`, in decisions' `decidedBy` and as an
 * assessor, with the actor's salt deleted. A freed event seat goes to the next on the waiting list; those
 * notifications are returned.
 *
 * @module
 * @group Store
 * @since 0.1.0
 */
import { Effect, Schema } from "effect"
import * as CalendarDate from "../CalendarDate.ts"
import * as CalendarEvent from "../programme-work/CalendarEvent.ts"
import { Store as CalendarEventStore } from "../programme-work/CalendarEvent.ts"
import { Assessment, Store as AssessmentStore } from "../assessment/Assessment.ts"
import { Partnership } from "../partnership/Partnership.ts"
import * as AuditLog from "./AuditLog.ts"
import { DocumentStore, type StoreError, type VersionConflict } from "./DocumentStore.ts"
import * as EntityStore from "./EntityStore.ts"
import { Store as ExpressionStore } from "../partnership/Interest.ts"
import type * as ChangeLog from "../ChangeLog.ts"
import type { Expression } from "../partnership/Interest.ts"
import type * as LocalizedText from "../LocalizedText.ts"
import * as Refusal from "../Refusal.ts"
import { type ContactPerson, Organisation } from "../partnership/Organisation.ts"
import { Store as OrganisationStore } from "../partnership/Organisation.ts"
import type * as Participant from "../programme-work/Participant.ts"
import * as TrainingProgramme from "../programme-work/TrainingProgramme.ts"
import { Store as TrainingProgrammeStore } from "../programme-work/TrainingProgramme.ts"
import * as Validation from "../Validation.ts"
import * as Guarded from "../internal/guarded.ts"

/**
 * Who the request is about: an e-mail address, a name, or both (either matches, ignoring case).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Person = Schema.Struct({
  email: Schema.optionalKey(Schema.String.check(Schema.isNonEmpty())),
  name: Schema.optionalKey(Schema.String.check(Schema.isNonEmpty())),
  /** The actor id the person acts under in the change log, when it is neither their e-mail nor their name. */
  actor: Schema.optionalKey(Schema.String.check(Schema.isNonEmpty()))
}).check(
  Schema.makeFilter((p) => p.email !== undefined || p.name !== undefined ? undefined : { path: ["email"], issue: Validation.invalid({ sv: "Förväntade en e-postadress eller ett namn", en: "Expected an e-mail address or a name" }, "email-or-name") })
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
 * The erasure's reason would write the person's name or e-mail into the change log. The
 * subject is the erasure request; no violation carries the person's data.
 *
 * @category errors
 * @since 0.1.0
 */
export class ErasureRefused extends Refusal.Refusal<ErasureRefused>()("ErasureRefused") {}

// an entity whose stored references no longer hold (stored before its store checked them)
// cannot be rewritten: the erasure is refused with its violations, and nothing is written
const refusedBy = (r: Refusal.Refusal) => Effect.fail(new ErasureRefused({ subject: r.subject, violations: r.violations }))

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
export type Services = OrganisationStore | CalendarEventStore | TrainingProgrammeStore | ExpressionStore | AssessmentStore | DocumentStore

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
  return { produced: yield* CalendarDate.today, findings }
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
  /** Change records whose actor was the person, now shown under a pseudonym. */
  readonly pseudonymised: number
}

/**
 * Erases the person (the subject) from every store. The change's reason (a case number, such
 * as `ärende 2026-17`) goes into the change log as `erasure: personal data removed (<reason>)`,
 * with the change's actor; a reason containing the person's name or e-mail is refused. The
 * change's `expectedVersion` is not used: an erasure rewrites every entity that holds the
 * person, each at its current version.
 *
 * @example
 * ```ts
 * import { ChangeLog, PersonalData } from "@localrights/core"
 * const program = PersonalData.erase({ email: "alex@example.org" }, ChangeLog.change("dpo", "ärende 2026-17"))
 * ```
 *
 * @category services
 * @since 0.1.0
 */
export const erase = Effect.fn("PersonalData.erase")(function*(
  input: Person,
  change: ChangeLog.Change
): Effect.fn.Return<Erasure, Validation.ValidationError | ErasureRefused | VersionConflict | StoreError, Services> {
  const person = yield* decodePerson(input)
  const reason = norm(change.reason)
  if ([person.name, person.email].some((x) => x !== undefined && reason.includes(norm(x)))) {
    return yield* new ErasureRefused({
      subject: { kind: "erasure" },
      violations: [Refusal.violation("reason", "no-personal-data-in-log", undefined, {
        sv: "Anledningen får inte innehålla personens namn eller e-postadress: den skrivs i ändringsloggen.",
        en: "The reason must not contain the person's name or e-mail: it is written to the change log."
      })]
    })
  }
  const logged = { actor: change.actor, reason: `erasure: personal data removed (${change.reason})` }
  const erasure = { command: "ErasePersonalData" } as const
  const rewritten: Array<string> = []
  const notifications: Array<CalendarEvent.Notification> = []

  const organisations = yield* OrganisationStore
  for (const org of yield* organisations.list()) {
    const contacts = org.contacts.filter((c) => !matches(person, c))
    if (contacts.length === org.contacts.length) continue
    yield* organisations.update(new Organisation({ ...org, contacts }), { ...logged, expectedVersion: org.version }, erasure)
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
    const write = yield* Guarded.writerOf<CalendarEvent.CalendarEvent, CalendarEvent.EventRefused>(events, "PersonalData.erase")
    yield* write({ ...next, programmeItems: items }, { ...logged, expectedVersion: e.version }, erasure).pipe(Effect.catchTag("EventRefused", refusedBy))
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
    const write = yield* Guarded.writerOf<TrainingProgramme.TrainingProgramme, TrainingProgramme.TrainingRefused>(trainings, "PersonalData.erase")
    yield* write(next, { ...logged, expectedVersion: t.version }, erasure).pipe(Effect.catchTag("TrainingRefused", refusedBy))
    rewritten.push(`training-programme/${t.id}`)
  }

  const expressions = yield* ExpressionStore
  const today = yield* CalendarDate.today
  for (const x of yield* expressions.list()) {
    if (x.contact === undefined || !matches(person, x.contact)) continue
    const { contact: _, ...rest } = x
    const erased: Expression = { ...rest, contactErased: today }
    yield* expressions.update(erased, { ...logged, expectedVersion: x.version }, erasure)
    rewritten.push(`interest-expression/${x.id}`)
  }

  // the person as an actor: decisions and assessments they made, then the change log
  const docs = yield* DocumentStore
  const candidates = [...new Set([person.actor, person.email, person.email?.toLowerCase(), person.name].filter((a) => a !== undefined))]
  const actors = [...(yield* docs.actorSalts(candidates, false)).keys()]
  let pseudonymised = 0
  for (const actor of actors) {
    const pseudonym = `pseudonym-${(docs.hashing ?? AuditLog.defaultHashing).salt().slice(0, 16)}`
    // the low-level partnership store: the partnership store refuses decision changes that are
    // not lifecycle commands, and this only replaces who decided, recorded as an erasure
    const partnerships = yield* EntityStore.make("partnership", Partnership)
    for (const p of yield* partnerships.list()) {
      if (!p.decisions.some((d) => d.decidedBy === actor)) continue
      const decisions = p.decisions.map((d) => (d.decidedBy === actor ? { ...d, decidedBy: pseudonym as typeof d.decidedBy } : d))
      yield* partnerships.update(new Partnership({ ...p, decisions }), { ...logged, expectedVersion: p.version }, erasure)
      rewritten.push(`partnership/${p.id}`)
    }
    const assessments = yield* AssessmentStore
    for (const a of yield* assessments.list()) {
      if (a.assessor !== actor) continue
      yield* assessments.update(new Assessment({ ...a, assessor: pseudonym as typeof a.assessor }), { ...logged, expectedVersion: a.version }, erasure)
      rewritten.push(`assessment/${a.id}`)
    }
    pseudonymised += yield* docs.pseudonymise(actor, pseudonym)
  }
  return { rewritten, notifications, pseudonymised }
})
