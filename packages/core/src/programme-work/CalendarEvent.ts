/**
 * Calendar events: conferences, regional conferences, training sessions, network meetings,
 * exchange trips and results conferences, with their programme, capacity, registrations and
 * waiting list.
 *
 * **Details**
 *
 * These are *calendar* events; recorded state changes are the change log ({@link ChangeLog}).
 * Every transition is a pure function returning a `Result`: the next event plus the
 * notifications to send (as data, so that a mailer sends each once), or an
 * {@link EventRefused} naming the field and the rule. Registrants are personal data: public
 * output uses {@link toPublicView}.
 *
 * @module
 * @group Programme work
 * @since 0.1.0
 */
import { Array as Arr, Effect, Option, Result, Schema } from "effect"
import { CalendarDate, todayIn } from "../CalendarDate.ts"
import { Version } from "../ChangeLog.ts"
import * as Construct from "../Construct.ts"
import * as Enumeration from "../Enumeration.ts"
import type { Purpose } from "../funding/FundingRuleSet.ts"
import { CalendarEventId, NetworkId, OrganisationId, PartnershipId, ProgrammeId, TrainingProgrammeId } from "../Ids.ts"
import * as LocalizedText from "../LocalizedText.ts"
import * as Refusal from "../Refusal.ts"
import * as Participant from "./Participant.ts"
import * as EventTime from "./EventTime.ts"
import * as Guarded from "../internal/guarded.ts"
import { Store as OrganisationStore } from "../partnership/Organisation.ts"
import * as EntityStore from "../store/EntityStore.ts"
import * as Validation from "../Validation.ts"

/**
 * What kind of calendar event it is.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Kind = Enumeration.make({
  "conference": { sv: "Konferens", en: "Conference" },
  "regional-conference": { sv: "Regional konferens", en: "Regional conference" },
  "training-session": { sv: "Utbildningstillfälle", en: "Training session" },
  "network-meeting": { sv: "Nätverksträff", en: "Network meeting" },
  "exchange-trip": { sv: "Utbytesresa", en: "Exchange trip" },
  "results-conference": { sv: "Resultatkonferens", en: "Results conference" }
})
/**
 * @category models
 * @since 0.1.0
 */
export type Kind = typeof Kind.Type

/**
 * Status: planned → open (registration open) → full → held; or cancelled (with reason and date)
 * from any status before held. `full` goes back to `open` when a seat frees and nobody waits.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Status = Enumeration.make({
  planned: { sv: "Planerad", en: "Planned" },
  open: { sv: "Öppen för anmälan", en: "Open for registration" },
  full: { sv: "Fullbokad", en: "Full" },
  held: { sv: "Genomförd", en: "Held" },
  cancelled: { sv: "Inställd", en: "Cancelled" }
})
/**
 * @category models
 * @since 0.1.0
 */
export type Status = typeof Status.Type

/**
 * A speaker of a programme item as the published programme names them: public programme data,
 * not a registrant. The name is optional (a programme may name only the organisation).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Speaker = Schema.Struct({
  name: Schema.optionalKey(Schema.String.check(Schema.isNonEmpty())),
  role: Schema.optionalKey(LocalizedText.LocalizedText),
  organisation: LocalizedText.LocalizedText,
  organisationId: Schema.optionalKey(OrganisationId)
})
/**
 * @category models
 * @since 0.1.0
 */
export type Speaker = typeof Speaker.Type

/**
 * One item of the programme; `time` (`HH:MM`, local to the event) is absent when unknown.
 *
 * @category schemas
 * @since 0.1.0
 */
export const ProgrammeItem = Schema.Struct({
  time: Schema.optionalKey(Schema.String.check(Schema.isPattern(/^([01]\d|2[0-3]):[0-5]\d$/, Validation.message({
    sv: "Förväntade en tid som TT:MM",
    en: "Expected a time as HH:MM"
  })))),
  title: LocalizedText.LocalizedText,
  description: Schema.optionalKey(LocalizedText.LocalizedText),
  speakers: Schema.Array(Speaker)
})
/**
 * @category models
 * @since 0.1.0
 */
export type ProgrammeItem = typeof ProgrammeItem.Type

/**
 * Why and when an event was cancelled.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Cancellation = Schema.Struct({
  reason: LocalizedText.LocalizedText,
  date: Schema.optionalKey(CalendarDate)
})
/**
 * @category models
 * @since 0.1.0
 */
export type Cancellation = typeof Cancellation.Type

/**
 * What an event belongs to: its programme, network, training programme, and the partnerships it
 * concerns (those presented at a results conference; the partnership an exchange trip is for).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Links = Schema.Struct({
  programme: Schema.optionalKey(ProgrammeId),
  network: Schema.optionalKey(NetworkId),
  trainingProgramme: Schema.optionalKey(TrainingProgrammeId),
  partnerships: Schema.Array(PartnershipId)
})
/**
 * @category models
 * @since 0.1.0
 */
export type Links = typeof Links.Type

const Fields = Schema.Struct({
  id: CalendarEventId,
  kind: Kind,
  title: LocalizedText.LocalizedText,
  description: Schema.optionalKey(LocalizedText.LocalizedText),
  organiser: OrganisationId,
  /** Absent when the sources do not say. */
  city: Schema.optionalKey(LocalizedText.LocalizedText),
  venue: Schema.optionalKey(LocalizedText.LocalizedText),
  schedule: EventTime.EventTime,
  status: Status,
  cancellation: Schema.optionalKey(Cancellation),
  programmeItems: Schema.Array(ProgrammeItem),
  capacity: Schema.optionalKey(Schema.Int.check(Schema.isGreaterThanOrEqualTo(1, Validation.message({
    sv: "Förväntade ett antal platser på minst 1",
    en: "Expected a capacity of at least 1"
  })))),
  registrationDeadline: Schema.optionalKey(CalendarDate),
  seats: Schema.Array(Participant.Participant),
  waitingList: Schema.Array(Participant.Participant),
  links: Links,
  version: Version
})

/**
 * A calendar event. Invariants: a cancelled event has a cancellation and nobody registered;
 * seats never exceed the capacity; nobody is registered twice; a waiting list exists only
 * while every seat is taken.
 *
 * @category schemas
 * @since 0.1.0
 */
export const CalendarEvent = Fields.check(
  Schema.makeFilter((e) => {
    const issues: Array<Schema.FilterIssue> = []
    if ((e.status === "cancelled") !== (e.cancellation !== undefined)) {
      issues.push({ path: ["cancellation"], issue: Validation.invalid({ sv: "Förväntade en inställelse precis när statusen är inställd", en: "Expected a cancellation exactly when the status is cancelled" }, "cancellation-when-cancelled") })
    }
    if (e.capacity !== undefined && e.seats.length > e.capacity) {
      issues.push({ path: ["seats"], issue: Validation.invalid({ sv: `Förväntade högst ${e.capacity} tagna platser`, en: `Expected at most ${e.capacity} seats taken` }, "within-capacity") })
    }
    if (e.waitingList.length > 0 && (e.capacity === undefined || e.seats.length < e.capacity)) {
      issues.push({ path: ["waitingList"], issue: Validation.invalid({ sv: "Förväntade en väntelista bara när alla platser är tagna", en: "Expected a waiting list only while every seat is taken" }, "waiting-list-when-full") })
    }
    const keys = [...e.seats, ...e.waitingList].map((p) => Participant.emailKey(p.email))
    if (new Set(keys).size !== keys.length) issues.push({ path: ["seats"], issue: Validation.invalid({ sv: "Förväntade att varje person är anmäld en gång", en: "Expected each person registered once" }, "registered-once") })
    return issues
  })
)
/**
 * @category models
 * @since 0.1.0
 */
export type CalendarEvent = typeof CalendarEvent.Type

/**
 * An event from plain values, at version 0 (not yet stored): `planned`, with nobody
 * registered, no programme items and no linked partnerships unless given.
 *
 * @example
 * ```ts
 * import { CalendarEvent } from "@localrights/core"
 * const meeting = CalendarEvent.make({
 *   id: "network-meeting-2021-03",
 *   kind: "network-meeting",
 *   title: { en: "Network meeting" },
 *   organiser: "icld",
 *   schedule: { _tag: "Timed", start: "2021-03-10T09:00", end: "2021-03-10T16:00", timeZone: "Europe/Stockholm" },
 *   links: { network: "icld-mr-2020-network" }
 * })
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = Construct.make(CalendarEvent, "CalendarEvent", {
  status: "planned",
  programmeItems: [],
  seats: [],
  waitingList: [],
  links: { partnerships: [] }
})

/**
 * An event from untrusted input (JSON), with the defaults of {@link make}; problems name the
 * field (`seats`, `cancellation`).
 *
 * @category constructors
 * @since 0.2.0
 */
export const decode = Construct.decode(make)

/**
 * The rules a change to an event can break: each is the `rule` of a violation in
 * {@link EventRefused}.
 *
 * @category schemas
 * @since 0.2.0
 */
export const EventRule = Schema.Literals([
  "transition",
  "cancelled",
  "held",
  "not-open",
  "deadline",
  "already-registered",
  "not-registered",
  "not-results-conference",
  "organiser-exists",
  "command-field",
  "initial-status"
])
/**
 * @category models
 * @since 0.2.0
 */
export type EventRule = typeof EventRule.Type

/**
 * A refused change to an event (the subject), with every rule it breaks. Carries no personal
 * data: a person is never named in a violation.
 *
 * @category errors
 * @since 0.1.0
 */
export class EventRefused extends Refusal.Refusal<EventRefused>()("EventRefused") {}

/**
 * A message to one person about an event: confirmed, waitlisted, promoted from the waiting
 * list, cancelled, or removed. Holds personal data (the recipient).
 *
 * @category models
 * @since 0.1.0
 */
export interface Notification {
  /** What happened to the recipient. */
  readonly kind: "confirmed" | "waitlisted" | "promoted" | "cancelled" | "removed"
  /** The event. */
  readonly event: CalendarEventId
  /** The recipient. */
  readonly to: { readonly name: string; readonly email: string }
  /** The message in both languages. */
  readonly message: LocalizedText.LocalizedText
}

/**
 * The result of a transition: the next event and the notifications to send.
 *
 * @category models
 * @since 0.1.0
 */
export interface Outcome {
  /** The event after the transition. */
  readonly event: CalendarEvent
  /** Each person to notify, at most once per transition. */
  readonly notifications: ReadonlyArray<Notification>
}

const broken = (field: string, rule: EventRule, value: string | undefined, sv: string, en: string): Refusal.Violation =>
  Refusal.violation(field, rule, value, { sv, en })

const refusal = (e: CalendarEvent, violations: Arr.NonEmptyArray<Refusal.Violation>) =>
  new EventRefused({ subject: { kind: "calendar-event", id: e.id }, violations })

const refuse = (e: CalendarEvent, violation: Refusal.Violation) => Result.fail(refusal(e, [violation]))

const notify = (e: CalendarEvent, kind: Notification["kind"], p: Participant.Participant): Notification => {
  const sv = LocalizedText.text(e.title, "sv")
  const en = LocalizedText.text(e.title, "en")
  const messages: Record<Notification["kind"], LocalizedText.LocalizedText> = {
    confirmed: { sv: `Din plats på ${sv} är bekräftad.`, en: `Your seat at ${en} is confirmed.` },
    waitlisted: { sv: `${sv} är fullbokad; du står på väntelistan.`, en: `${en} is full; you are on the waiting list.` },
    promoted: { sv: `En plats har blivit ledig: du har nu en plats på ${sv}.`, en: `A seat has freed: you now have a seat at ${en}.` },
    cancelled: {
      sv: `${sv} är inställd.${e.cancellation ? ` ${LocalizedText.text(e.cancellation.reason, "sv")}` : ""}`,
      en: `${en} is cancelled.${e.cancellation ? ` ${LocalizedText.text(e.cancellation.reason, "en")}` : ""}`
    },
    removed: { sv: `Din anmälan till ${sv} är borttagen.`, en: `Your registration for ${en} is removed.` }
  }
  return { kind, event: e.id, to: { name: p.name, email: p.email }, message: messages[kind] }
}

const seatStatus = (e: CalendarEvent, seats: number): Status =>
  e.capacity !== undefined && seats >= e.capacity ? "full" : "open"

const statusViolation = (
  e: CalendarEvent,
  command: string,
  allowed: ReadonlyArray<Status>,
  otherwise: EventRule = "transition"
): Refusal.Violation | undefined =>
  allowed.includes(e.status)
    ? undefined
    : broken(
      "status",
      e.status === "cancelled" ? "cancelled" : e.status === "held" ? "held" : otherwise,
      e.status,
      `${command} går inte när evenemanget är ${Status.nameOf(e.status, "sv").toLowerCase()}.`,
      `${command} is not possible while the event is ${Status.nameOf(e.status, "en").toLowerCase()}.`
    )

const checkFrom = (e: CalendarEvent, command: string, allowed: ReadonlyArray<Status>): Result.Result<CalendarEvent, EventRefused> => {
  const v = statusViolation(e, command, allowed)
  return v === undefined ? Result.succeed(e) : refuse(e, v)
}

/**
 * Opens registration (from `planned`).
 *
 * @category rules
 * @since 0.1.0
 */
export const openRegistration = (e: CalendarEvent): Result.Result<CalendarEvent, EventRefused> =>
  Result.map(checkFrom(e, "OpenRegistration", ["planned"]), (e) => ({ ...e, status: seatStatus(e, e.seats.length) }))

/**
 * Registers a person on `today`: a seat while seats are free, otherwise the end of the waiting
 * list. Refused when registration is not open, the event is cancelled or held, the deadline
 * has passed, or the person is already registered (every one of them that holds).
 *
 * @category rules
 * @since 0.1.0
 */
export const register = (
  e: CalendarEvent,
  person: Participant.Participant
): Result.Result<Outcome, EventRefused> => {
  const violations: Array<Refusal.Violation> = []
  const closed = statusViolation(e, "Register", ["open", "full"], "not-open")
  if (closed !== undefined) violations.push(closed)
  if (e.registrationDeadline !== undefined && person.signedUp > e.registrationDeadline) {
    violations.push(broken(
      "signedUp",
      "deadline",
      person.signedUp,
      `Sista anmälningsdag var ${e.registrationDeadline}.`,
      `The registration deadline was ${e.registrationDeadline}.`
    ))
  }
  if ([...e.seats, ...e.waitingList].some((p) => Participant.same(p, person))) {
    violations.push(broken("email", "already-registered", undefined, "Personen är redan anmäld.", "The person is already registered."))
  }
  if (Arr.isArrayNonEmpty(violations)) return Result.fail(refusal(e, violations))
  if (e.capacity === undefined || e.seats.length < e.capacity) {
    const seats = [...e.seats, person]
    const next = { ...e, seats, status: seatStatus(e, seats.length) }
    return Result.succeed({ event: next, notifications: [notify(next, "confirmed", person)] })
  }
  const next = { ...e, waitingList: [...e.waitingList, person], status: "full" as const }
  return Result.succeed({ event: next, notifications: [notify(next, "waitlisted", person)] })
}

/**
 * {@link register} with the sign-up day taken from `Clock` (in the event's time zone).
 *
 * @category rules
 * @since 0.1.0
 */
export const registerNow = (
  e: CalendarEvent,
  person: Omit<Participant.Participant, "signedUp">
): Effect.Effect<Outcome, EventRefused> =>
  Effect.flatMap(todayIn(e.schedule.timeZone), (signedUp) => Effect.fromResult(register(e, { ...person, signedUp })))

/**
 * Removes a person's registration (seat or waiting list). A freed seat goes to the first on the
 * waiting list, who is notified.
 *
 * @category rules
 * @since 0.1.0
 */
export const unregister = (e: CalendarEvent, email: string): Result.Result<Outcome, EventRefused> => {
  const key = Participant.emailKey(email)
  const seatIndex = e.seats.findIndex((p) => Participant.emailKey(p.email) === key)
  const waitIndex = e.waitingList.findIndex((p) => Participant.emailKey(p.email) === key)
  if (seatIndex < 0 && waitIndex < 0) {
    return refuse(e, broken("email", "not-registered", undefined, "Personen är inte anmäld.", "The person is not registered."))
  }
  if (waitIndex >= 0) {
    const removed = e.waitingList[waitIndex]!
    const next = { ...e, waitingList: e.waitingList.filter((_, i) => i !== waitIndex) }
    return Result.succeed({ event: next, notifications: [notify(next, "removed", removed)] })
  }
  const removed = e.seats[seatIndex]!
  const remaining = e.seats.filter((_, i) => i !== seatIndex)
  const [first, ...rest] = e.waitingList
  const seats = first === undefined ? remaining : [...remaining, first]
  const status = e.status === "open" || e.status === "full" ? seatStatus(e, seats.length) : e.status
  const next = { ...e, seats, waitingList: rest, status }
  return Result.succeed({
    event: next,
    notifications: first === undefined
      ? [notify(next, "removed", removed)]
      : [notify(next, "removed", removed), notify(next, "promoted", first)]
  })
}

/**
 * Cancels the event (from planned, open or full) with a reason and date: every seat and the
 * waiting list are freed and each registered person is notified exactly once.
 *
 * @category rules
 * @since 0.1.0
 */
export const cancel = (e: CalendarEvent, cancellation: Cancellation): Result.Result<Outcome, EventRefused> =>
  Result.map(checkFrom(e, "Cancel", ["planned", "open", "full"]), (e) => {
    const next: CalendarEvent = { ...e, status: "cancelled", cancellation, seats: [], waitingList: [] }
    const seen = new Set<string>()
    const notifications: Array<Notification> = []
    for (const p of [...e.seats, ...e.waitingList]) {
      const key = Participant.emailKey(p.email)
      if (seen.has(key)) continue
      seen.add(key)
      notifications.push(notify(next, "cancelled", p))
    }
    return { event: next, notifications }
  })

/**
 * Records that the event was held (from planned, open or full).
 *
 * @category rules
 * @since 0.1.0
 */
export const markHeld = (e: CalendarEvent): Result.Result<CalendarEvent, EventRefused> =>
  Result.map(checkFrom(e, "MarkHeld", ["planned", "open", "full"]), (e) => ({ ...e, status: "held" as const }))

/**
 * Seats left, or undefined when the capacity is unlimited or unknown.
 *
 * @category rules
 * @since 0.1.0
 */
export const seatsLeft = (e: CalendarEvent): number | undefined =>
  e.capacity === undefined ? undefined : Math.max(0, e.capacity - e.seats.length)

/**
 * The funding {@link Purpose} of a partnership's costs for going to an event of this
 * kind: travel and lodging for an exchange trip, or for a network training (network meetings and
 * training sessions), or for the results conference; none for other kinds.
 *
 * @category rules
 * @since 0.1.0
 */
export const budgetPurpose = (kind: Kind): Purpose | undefined =>
  kind === "exchange-trip" || kind === "results-conference"
    ? kind
    : kind === "network-meeting" || kind === "training-session"
    ? "network-training"
    : undefined

/**
 * What public output may show of an event: everything except the people registered (only
 * their number).
 *
 * @category models
 * @since 0.1.0
 */
export interface PublicView {
  /** Id. */
  readonly id: CalendarEventId
  /** Kind and its name. */
  readonly kind: Kind
  /** Name of the kind in both languages. */
  readonly kindName: LocalizedText.LocalizedText
  /** Title. */
  readonly title: LocalizedText.LocalizedText
  /** Description, if any. */
  readonly description?: LocalizedText.LocalizedText | undefined
  /** Organiser. */
  readonly organiser: OrganisationId
  /** City; `undefined` when unknown. */
  readonly city?: LocalizedText.LocalizedText | undefined
  /** Venue; `undefined` when unknown. */
  readonly venue?: LocalizedText.LocalizedText | undefined
  /** When: exact or to the month. */
  readonly schedule: EventTime.EventTime
  /** When, for a person, in both languages. */
  readonly when: LocalizedText.LocalizedText
  /** Status and its name. */
  readonly status: Status
  /** Name of the status in both languages. */
  readonly statusName: LocalizedText.LocalizedText
  /** Why and when it was cancelled. */
  readonly cancellation?: Cancellation | undefined
  /** The published programme. */
  readonly programmeItems: ReadonlyArray<ProgrammeItem>
  /** Capacity, if limited. */
  readonly capacity?: number | undefined
  /** Seats taken (a count, no names). */
  readonly seatsTaken: number
  /** People waiting (a count, no names). */
  readonly waiting: number
  /** Registration deadline. */
  readonly registrationDeadline?: CalendarDate | undefined
  /** Links to programmes, networks and partnerships. */
  readonly links: Links
}

/**
 * The public view of an event, for renderers: no registrant, no waiting-list entry.
 *
 * @category rendering
 * @since 0.1.0
 */
export const toPublicView = (e: CalendarEvent): PublicView => ({
  id: e.id,
  kind: e.kind,
  kindName: Kind.names[e.kind],
  title: e.title,
  description: e.description,
  organiser: e.organiser,
  city: e.city,
  venue: e.venue,
  schedule: e.schedule,
  when: { sv: EventTime.describe(e.schedule, "sv"), en: EventTime.describe(e.schedule, "en") },
  status: e.status,
  statusName: Status.names[e.status],
  cancellation: e.cancellation,
  programmeItems: e.programmeItems,
  capacity: e.capacity,
  seatsTaken: e.seats.length,
  waiting: e.waitingList.length,
  registrationDeadline: e.registrationDeadline,
  links: e.links
})

const guard: Guarded.Guard<CalendarEvent, EventRefused> = {
  check: Effect.map(OrganisationStore.make, (organisations) => (e: CalendarEvent) =>
    Effect.map(organisations.find(e.organiser), (found) =>
      Option.isSome(found) ? [] : [Refusal.violation("organiser", "organiser-exists", e.organiser, {
        sv: `Arrangören ${e.organiser} finns inte bland organisationerna.`,
        en: `The organiser ${e.organiser} is not a stored organisation.`
      })])),
  refuse: (e, violations) => new EventRefused({ subject: { kind: "calendar-event", id: e.id }, violations }),
  commandFields: ["status", "seats", "waitingList", "cancellation"],
  commandsIn: "Events",
  initial: (e) =>
    e.status === "planned" && e.seats.length === 0 && e.waitingList.length === 0 ? [] : [Refusal.violation("status", "initial-status", e.status, {
      sv: "Ett nytt evenemang är planerat utan anmälda; anmälan öppnas med Events.openRegistration, och det ställs in med Events.cancel.",
      en: "A new event is planned with nobody registered; registration opens through Events.openRegistration, and it is cancelled through Events.cancel."
    })]
}

/**
 * The store of calendar events, with versions and change log: `Store.layer` derives it from the
 * document store (`Stores.layer` includes it). The organiser must be a stored organisation; a
 * new event is `planned` with nobody registered; status, seats, waiting list and cancellation
 * change only through {@link Events}' commands (`EventRefused`, rules `organiser-exists`,
 * `initial-status`, `command-field`), and a refused write changes nothing.
 *
 * @category services
 * @since 0.2.0
 */
export class Store extends Guarded.service(EntityStore.Service<Store>()("calendar-event", CalendarEvent), guard) {}
