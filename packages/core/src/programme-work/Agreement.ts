/**
 * Agreements between a funder and an organisation (the 2014 agreement between the government
 * and SKL): parties, period, funding per year, deliverables with due dates or periods, status
 * and evidence, and consultations. {@link overdue} finds deliverables past due on a given day;
 * {@link overdueToday} takes the day from `Clock`.
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
import { AgreementId, OrganisationId } from "../Ids.ts"
import * as LocalizedText from "../LocalizedText.ts"
import { Money } from "../Money.ts"
import * as Refusal from "../Refusal.ts"
import * as EventTime from "./EventTime.ts"
import * as Guarded from "../internal/guarded.ts"
import { Store as OrganisationStore } from "../partnership/Organisation.ts"
import * as EntityStore from "../store/EntityStore.ts"
import * as Validation from "../Validation.ts"

/**
 * How precisely a period's bounds are known: to the day, the month or the year. A period known
 * to the month runs from the first day of its first month to the last day of its last month.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Precision = Schema.Literals(["day", "month", "year"])

/**
 * A period of calendar days, both ends included, with the precision the source gives.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Period = Schema.Struct({
  start: CalendarDate,
  end: CalendarDate,
  precision: Precision
}).check(
  Schema.makeFilter((p) => (p.end >= p.start ? undefined : { path: ["end"], issue: Validation.invalid({ sv: "Förväntade att slutet är samma dag som eller efter starten", en: "Expected the end on or after the start" }, "end-after-start") }))
)
/**
 * @category models
 * @since 0.1.0
 */
export type Period = typeof Period.Type

/**
 * A party to the agreement: its name, and the organisation when it is stored.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Party = Schema.Struct({
  name: LocalizedText.LocalizedText,
  organisation: Schema.optionalKey(OrganisationId)
})

/**
 * Funding granted for one year.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Funding = Schema.Struct({
  year: Schema.Int.check(Schema.isBetween({ minimum: 1900, maximum: 2200 })),
  amount: Money,
  note: Schema.optionalKey(LocalizedText.LocalizedText)
})
/**
 * @category models
 * @since 0.1.0
 */
export type Funding = typeof Funding.Type

/**
 * When a deliverable is due: by a date, or during a period (due at its end).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Due = Schema.Union([
  Schema.TaggedStruct("By", { date: CalendarDate }),
  Schema.TaggedStruct("During", { period: Period })
])
/**
 * @category models
 * @since 0.1.0
 */
export type Due = typeof Due.Type

/**
 * Status of a deliverable; `unknown` when the sources do not say.
 *
 * @category schemas
 * @since 0.1.0
 */
export const DeliverableStatus = Enumeration.make({
  "not-started": { sv: "Ej påbörjad", en: "Not started" },
  "in-progress": { sv: "Pågår", en: "In progress" },
  "delivered": { sv: "Levererad", en: "Delivered" },
  "unknown": { sv: "Okänd", en: "Unknown" }
})
/**
 * @category models
 * @since 0.1.0
 */
export type DeliverableStatus = typeof DeliverableStatus.Type

/**
 * Evidence that a deliverable was delivered: what, when, where.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Evidence = Schema.Struct({
  description: LocalizedText.LocalizedText,
  date: Schema.optionalKey(CalendarDate),
  url: Schema.optionalKey(Schema.String.check(Schema.isPattern(/^https?:\/\/\S+$/, Validation.message({
    sv: "Förväntade en http(s)-adress",
    en: "Expected an http(s) URL"
  }))))
})
/**
 * @category models
 * @since 0.1.0
 */
export type Evidence = typeof Evidence.Type

/**
 * A deliverable. A delivered one has evidence.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Deliverable = Schema.Struct({
  key: Schema.String.check(Schema.isPattern(/^[a-z0-9][a-z0-9-]{0,63}$/, Validation.message({
    sv: "Förväntade en nyckel: små bokstäver, siffror och '-'",
    en: "Expected a key: lower-case letters, digits and '-'"
  }))),
  title: LocalizedText.LocalizedText,
  description: Schema.optionalKey(LocalizedText.LocalizedText),
  due: Due,
  status: DeliverableStatus,
  evidence: Schema.Array(Evidence)
}).check(
  Schema.makeFilter((d) =>
    d.status === "delivered" && d.evidence.length === 0
      ? { path: ["evidence"], issue: Validation.invalid({ sv: "Förväntade underlag för en levererad leverans", en: "Expected evidence for a delivered deliverable" }, "evidence-when-delivered") }
      : undefined
  )
)
/**
 * @category models
 * @since 0.1.0
 */
export type Deliverable = typeof Deliverable.Type

/**
 * A consultation between the parties; the date is absent when unknown.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Consultation = Schema.Struct({
  date: Schema.optionalKey(CalendarDate),
  summary: LocalizedText.LocalizedText
})
/**
 * @category models
 * @since 0.1.0
 */
export type Consultation = typeof Consultation.Type

/**
 * The last day a deliverable is due: its date, or the end of its period.
 *
 * @category rules
 * @since 0.1.0
 */
export const dueDate = (due: Due): CalendarDate => (due._tag === "By" ? due.date : due.period.end)

const within = (due: Due, period: Period): boolean =>
  due._tag === "By"
    ? due.date >= period.start && due.date <= period.end
    : due.period.start >= period.start && due.period.end <= period.end

const describePeriod = (p: Period): string => `${p.start}–${p.end}`

/**
 * An agreement. Invariants: every deliverable is due within the agreement's period, funding
 * years lie in the period and appear once, deliverable keys are unique.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Agreement = Schema.Struct({
  id: AgreementId,
  title: LocalizedText.LocalizedText,
  description: Schema.optionalKey(LocalizedText.LocalizedText),
  parties: Schema.Array(Party).check(Schema.isMinLength(2, Validation.message({
    sv: "Förväntade minst två parter",
    en: "Expected at least two parties"
  }))),
  announced: Schema.optionalKey(CalendarDate),
  period: Period,
  funding: Schema.Array(Funding),
  deliverables: Schema.Array(Deliverable),
  /** How consultations are to happen (`regular consultations`). */
  consultationPlan: Schema.optionalKey(LocalizedText.LocalizedText),
  consultations: Schema.Array(Consultation),
  version: Version
}).check(
  Schema.makeFilter((a) => {
    const issues: Array<Schema.FilterIssue> = []
    a.deliverables.forEach((d, i) => {
      if (!within(d.due, a.period)) {
        issues.push({ path: ["deliverables", i, "due"], issue: Validation.invalid({ sv: `Förväntade ett förfallodatum inom överenskommelsens period ${describePeriod(a.period)}`, en: `Expected a due date within the agreement's period ${describePeriod(a.period)}` }, "within-period") })
      }
    })
    const years = a.funding.map((f) => f.year)
    if (new Set(years).size !== years.length) issues.push({ path: ["funding"], issue: Validation.invalid({ sv: "Förväntade varje år en gång", en: "Expected each year once" }, "year-once") })
    a.funding.forEach((f, i) => {
      if (String(f.year) < a.period.start.slice(0, 4) || String(f.year) > a.period.end.slice(0, 4)) {
        issues.push({ path: ["funding", i, "year"], issue: Validation.invalid({ sv: `Förväntade ett år inom överenskommelsens period ${describePeriod(a.period)}`, en: `Expected a year within the agreement's period ${describePeriod(a.period)}` }, "within-period") })
      }
    })
    const keys = a.deliverables.map((d) => d.key)
    if (new Set(keys).size !== keys.length) issues.push({ path: ["deliverables"], issue: Validation.invalid({ sv: "Förväntade unika nycklar för leveranserna", en: "Expected unique deliverable keys" }, "unique-key") })
    return issues
  })
)
/**
 * @category models
 * @since 0.1.0
 */
export type Agreement = typeof Agreement.Type

/**
 * An agreement from plain values, at version 0 (not yet stored); no funding, deliverables or
 * consultations unless given.
 *
 * @category constructors
 * @since 0.2.0
 */
export const make = Construct.make(Agreement, "Agreement", { funding: [], deliverables: [], consultations: [] })

/**
 * An agreement from untrusted input (JSON), with the defaults of {@link make}.
 *
 * @category constructors
 * @since 0.2.0
 */
export const decode = Construct.decode(make)

/**
 * The rules a change to an agreement can break: each is the `rule` of a violation in
 * {@link AgreementRefused}.
 *
 * @category schemas
 * @since 0.2.0
 */
export const AgreementRule = Schema.Literals([
  "due-outside-period",
  "duplicate-key",
  "unknown-deliverable",
  "evidence-required",
  "party-exists",
  "command-field",
  "initial-status"
])
/**
 * @category models
 * @since 0.2.0
 */
export type AgreementRule = typeof AgreementRule.Type

/**
 * A refused change to an agreement (the subject), with every rule it breaks.
 *
 * @category errors
 * @since 0.1.0
 */
export class AgreementRefused extends Refusal.Refusal<AgreementRefused>()("AgreementRefused") {}

const broken = (field: string, rule: AgreementRule, value: string, text: Refusal.Explanation): Refusal.Violation =>
  Refusal.violation(field, rule, value, text)

const refuse = (a: Agreement, violations: Arr.NonEmptyArray<Refusal.Violation>) =>
  Result.fail(new AgreementRefused({ subject: { kind: "agreement", id: a.id }, violations }))

/**
 * Adds a deliverable; refused when it is due outside the agreement's period or its key is
 * taken (both, when both hold).
 *
 * @category rules
 * @since 0.1.0
 */
export const addDeliverable = (a: Agreement, d: Deliverable): Result.Result<Agreement, AgreementRefused> => {
  const violations: Array<Refusal.Violation> = []
  if (!within(d.due, a.period)) {
    const value = d.due._tag === "By" ? d.due.date : describePeriod(d.due.period)
    violations.push(broken(`deliverables[${a.deliverables.length}].due`, "due-outside-period", value, {
      sv: `Förfallodagen ${value} ligger utanför överenskommelsens period ${describePeriod(a.period)}.`,
      en: `The due date ${value} lies outside the agreement's period ${describePeriod(a.period)}.`
    }))
  }
  if (a.deliverables.some((x) => x.key === d.key)) {
    violations.push(broken(`deliverables[${a.deliverables.length}].key`, "duplicate-key", d.key, {
      sv: `Leveransen ${d.key} finns redan.`,
      en: `Deliverable ${d.key} already exists.`
    }))
  }
  if (Arr.isArrayNonEmpty(violations)) return refuse(a, violations)
  return Result.succeed({ ...a, deliverables: [...a.deliverables, d] })
}

/**
 * Sets a deliverable's status and appends evidence; `delivered` needs evidence.
 *
 * @category rules
 * @since 0.1.0
 */
export const recordProgress = (
  a: Agreement,
  key: string,
  status: DeliverableStatus,
  evidence: ReadonlyArray<Evidence> = []
): Result.Result<Agreement, AgreementRefused> => {
  const i = a.deliverables.findIndex((d) => d.key === key)
  if (i < 0) return refuse(a, [broken("key", "unknown-deliverable", key, { sv: `Ingen leverans ${key}.`, en: `No deliverable ${key}.` })])
  const d = a.deliverables[i]!
  const next = { ...d, status, evidence: [...d.evidence, ...evidence] }
  if (status === "delivered" && next.evidence.length === 0) {
    return refuse(a, [
      broken(`deliverables[${i}].evidence`, "evidence-required", key, {
        sv: "En levererad leverans behöver underlag.",
        en: "A delivered deliverable needs evidence."
      })
    ])
  }
  return Result.succeed({ ...a, deliverables: a.deliverables.map((x, j) => (j === i ? next : x)) })
}

/**
 * Records a consultation between the parties.
 *
 * @category rules
 * @since 0.1.0
 */
export const recordConsultation = (a: Agreement, c: Consultation): Agreement => ({ ...a, consultations: [...a.consultations, c] })

/**
 * A deliverable past its due date without being delivered.
 *
 * @category models
 * @since 0.1.0
 */
export interface Overdue {
  /** The deliverable. */
  readonly deliverable: Deliverable
  /** The day it was due. */
  readonly due: CalendarDate
  /** Whole days since then. */
  readonly daysOverdue: number
}

const days = (from: CalendarDate, to: CalendarDate) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000)

/**
 * The deliverables past due on `today` and not delivered (status unknown counts: nothing shows
 * it was delivered), most overdue first.
 *
 * @category rules
 * @since 0.1.0
 */
export const overdue = (a: Agreement, today: CalendarDate): ReadonlyArray<Overdue> =>
  a.deliverables
    .filter((d) => d.status !== "delivered" && dueDate(d.due) < today)
    .map((d) => ({ deliverable: d, due: dueDate(d.due), daysOverdue: days(dueDate(d.due), today) }))
    .sort((x, y) => y.daysOverdue - x.daysOverdue)

/**
 * Today's date in a time zone (Europe/Stockholm by default), from `Clock`: the kernel's
 * `CalendarDate.todayIn`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const today = (timeZone: string = EventTime.defaultTimeZone): Effect.Effect<CalendarDate> => todayIn(timeZone)

/**
 * {@link overdue} on today's date from `Clock`, in Europe/Stockholm.
 *
 * @category rules
 * @since 0.1.0
 */
export const overdueToday = (a: Agreement): Effect.Effect<{ readonly today: CalendarDate; readonly overdue: ReadonlyArray<Overdue> }> =>
  Effect.map(today(), (day) => ({ today: day, overdue: overdue(a, day) }))

const firstStatus: ReadonlyArray<DeliverableStatus> = ["not-started", "unknown"]

// a deliverable's status and evidence change only through `Agreements.recordProgress`; one
// added by an update starts at its first status, with no evidence
const progressViolations = (a: Agreement, stored: Agreement | undefined): Array<Refusal.Violation> =>
  a.deliverables.flatMap((d, i) => {
    const before = stored?.deliverables.find((x) => x.key === d.key)
    if (before === undefined) {
      return firstStatus.includes(d.status) && d.evidence.length === 0 ? [] : [broken(`deliverables[${i}].status`, "initial-status", d.status, {
        sv: `En ny leverans är ej påbörjad eller okänd, utan underlag; dess framsteg förs in med Agreements.recordProgress.`,
        en: `A new deliverable is not started or unknown, with no evidence; its progress is recorded through Agreements.recordProgress.`
      })]
    }
    return before.status === d.status && JSON.stringify(before.evidence) === JSON.stringify(d.evidence) ? [] : [broken(`deliverables[${i}].status`, "command-field", d.status, {
      sv: `Leveransens status och underlag ändras bara med kommandona i Agreements, inte med en uppdatering.`,
      en: `A deliverable's status and evidence change only through the commands of Agreements, not through an update.`
    })]
  })

const guard: Guarded.Guard<Agreement, AgreementRefused> = {
  check: Effect.map(OrganisationStore.make, (organisations) => (a: Agreement, stored: Agreement | undefined) =>
    Effect.gen(function*() {
      const out: Array<Refusal.Violation> = []
      for (const [i, p] of a.parties.entries()) {
        if (p.organisation !== undefined && Option.isNone(yield* organisations.find(p.organisation))) {
          out.push(broken(`parties[${i}].organisation`, "party-exists", p.organisation, {
            sv: `Parten ${p.organisation} finns inte bland organisationerna.`,
            en: `The party ${p.organisation} is not a stored organisation.`
          }))
        }
      }
      return out
    })),
  refuse: (a, violations) => new AgreementRefused({ subject: { kind: "agreement", id: a.id }, violations }),
  commandFields: [],
  commandsIn: "Agreements",
  initial: () => [],
  commandChanges: progressViolations
}

/**
 * The store of agreements, with versions and change log: `Store.layer` derives it from the
 * document store (`Stores.layer` includes it). Parties that name an organisation name a stored
 * one; a deliverable starts not started (or unknown) with no evidence, and its status and
 * evidence change only through {@link Agreements.recordProgress} (`AgreementRefused`, rules
 * `party-exists`, `initial-status`, `command-field`); a refused write changes nothing.
 *
 * @category services
 * @since 0.2.0
 */
export class Store extends Guarded.service(EntityStore.Service<Store>()("agreement", Agreement), guard) {}
