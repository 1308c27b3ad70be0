/**
 * The reporting cycle: when each progress report is due under the programme's reporting rules,
 * which reports are overdue on a given day (as `Agreement.overdue` does for deliverables), and
 * the reminders to send, as data (who, what, when); nothing here sends anything.
 *
 * **Details**
 *
 * A programme's {@link ReportingRules} say when its first period starts, how many days after a
 * period's end its report is due (and the final report), how many days before the due date to
 * remind, and how often to remind once it is overdue. Periods are a year each, in the order of
 * the programme's phases. Every function here is pure over values; `Store` keeps the rules.
 *
 * @module
 * @group Results
 * @since 0.2.0
 */
import { Schema } from "effect"
import { CalendarDate } from "../CalendarDate.ts"
import { Version } from "../ChangeLog.ts"
import * as Construct from "../Construct.ts"
import * as Enumeration from "../Enumeration.ts"
import { OrganisationId, ProgrammeId } from "../Ids.ts"
import type { LocalizedText } from "../LocalizedText.ts"
import type * as Partnership from "../partnership/Partnership.ts"
import type * as Programme from "../partnership/Programme.ts"
import * as EntityStore from "../store/EntityStore.ts"
import * as Validation from "../Validation.ts"
import type * as ProgressReport from "./ProgressReport.ts"
import * as ReportingPeriod from "./ReportingPeriod.ts"

const Days = Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 730 }, Validation.message({
  sv: "Förväntade ett antal dagar från 0 till 730",
  en: "Expected a number of days from 0 to 730"
})))

/**
 * A programme's reporting rules (the id is the programme's): the first day of the first
 * period, the days from a period's end to its report's due date (`dueDays`, `finalDueDays` for
 * the final report), the days before the due date to remind (`remindBefore`), and every how
 * many days to remind once overdue (`remindEvery`).
 *
 * @category schemas
 * @since 0.2.0
 */
export class ReportingRules extends Schema.Class<ReportingRules>("@localrights/core/ReportingRules")({
  id: ProgrammeId,
  start: CalendarDate,
  dueDays: Days,
  finalDueDays: Days,
  remindBefore: Schema.Array(Days),
  remindEvery: Days.check(Schema.isGreaterThanOrEqualTo(1)),
  version: Version
}) {}

/**
 * Reporting rules from plain values: reports due 60 days after their period, the final one 90,
 * reminders 30 and 7 days before and every 14 days once overdue, unless given.
 *
 * @category constructors
 * @since 0.2.0
 */
export const make = Construct.make(ReportingRules, "ReportingRules", { dueDays: 60, finalDueDays: 90, remindBefore: [30, 7], remindEvery: 14 })

/**
 * Reporting rules from untrusted input, with the defaults of {@link make}.
 *
 * @category constructors
 * @since 0.2.0
 */
export const decode = Construct.decode(make)

const toMillis = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)))
const fromMillis = (ms: number) => new Date(ms).toISOString().slice(0, 10) as CalendarDate
const dayMs = 86_400_000

/**
 * The date `n` days after `date` (before, for a negative `n`).
 *
 * @category rules
 * @since 0.2.0
 */
export const addDays = (date: CalendarDate, n: number): CalendarDate => fromMillis(toMillis(date) + n * dayMs)

/**
 * The whole days from `from` to `to` (negative when `to` is earlier).
 *
 * @category rules
 * @since 0.2.0
 */
export const daysBetween = (from: CalendarDate, to: CalendarDate): number => Math.round((toMillis(to) - toMillis(from)) / dayMs)

const addYears = (date: CalendarDate, n: number): CalendarDate => {
  const d = new Date(toMillis(date))
  d.setUTCFullYear(d.getUTCFullYear() + n)
  return fromMillis(d.getTime())
}

/**
 * One report in the schedule: its period, the period's first and last day, and the due date.
 *
 * @category models
 * @since 0.2.0
 */
export interface Due {
  readonly period: ReportingPeriod.Period
  readonly start: CalendarDate
  readonly end: CalendarDate
  readonly due: CalendarDate
  readonly final: boolean
}

/**
 * Every report's period and due date under the rules, in period order: period i runs for a
 * year from `start` plus i years; its report is due `dueDays` after it ends (`finalDueDays`
 * for the last).
 *
 * @category rules
 * @since 0.2.0
 */
export const schedule = (rules: ReportingRules, phases: Programme.Phases): ReadonlyArray<Due> =>
  ReportingPeriod.of(phases).map((period, i) => {
    const start = addYears(rules.start, i)
    const end = addDays(addYears(rules.start, i + 1), -1)
    const final = ReportingPeriod.isFinal(phases, period)
    return { period, start, end, due: addDays(end, final ? rules.finalDueDays : rules.dueDays), final }
  })

/**
 * The due date of the report of one period, if the period is in the phases.
 *
 * @category rules
 * @since 0.2.0
 */
export const dueOf = (rules: ReportingRules, phases: Programme.Phases, period: ReportingPeriod.Period): CalendarDate | undefined =>
  schedule(rules, phases).find((d) => ReportingPeriod.equals(d.period, period))?.due

/**
 * A report past its due date that the partnership has not handed in (no report, a draft, or
 * returned and not resubmitted).
 *
 * @category models
 * @since 0.2.0
 */
export interface Overdue {
  readonly partnership: string
  readonly period: ReportingPeriod.Period
  readonly due: CalendarDate
  readonly daysOverdue: number
  /** The report's status; absent when there is no report. */
  readonly status?: ProgressReport.Status | undefined
}

const handedIn = (r: Pick<ProgressReport.ProgressReport, "status"> | undefined) => r?.status === "submitted" || r?.status === "approved"

/**
 * The reports of a partnership overdue on `today`, most overdue first.
 *
 * @category rules
 * @since 0.2.0
 */
export const overdue = (
  partnership: string,
  due: ReadonlyArray<Due>,
  reports: ReadonlyArray<Pick<ProgressReport.ProgressReport, "partnership" | "period" | "status">>,
  today: CalendarDate
): ReadonlyArray<Overdue> =>
  due
    .flatMap((d): Array<Overdue> => {
      const r = reports.find((x) => x.partnership === partnership && ReportingPeriod.equals(x.period, d.period))
      if (handedIn(r) || d.due >= today) return []
      return [{ partnership, period: d.period, due: d.due, daysOverdue: daysBetween(d.due, today), ...(r === undefined ? {} : { status: r.status }) }]
    })
    .sort((a, b) => b.daysOverdue - a.daysOverdue)

/**
 * What a reminder is about: a report due soon, due today, overdue, or returned for completion.
 *
 * @category schemas
 * @since 0.2.0
 */
export const ReminderKind = Enumeration.make({
  upcoming: { sv: "Rapport att lämna snart", en: "Report due soon" },
  "due-today": { sv: "Rapporten ska lämnas i dag", en: "Report due today" },
  overdue: { sv: "Försenad rapport", en: "Overdue report" }
})
/**
 * @category models
 * @since 0.2.0
 */
export type ReminderKind = typeof ReminderKind.Type

/**
 * A reminder to send: to whom (the Swedish partner; the organiser in copy once overdue), about
 * which report, on which day, and the text in both languages.
 *
 * @category models
 * @since 0.2.0
 */
export interface Reminder {
  readonly to: OrganisationId
  readonly cc: ReadonlyArray<OrganisationId>
  readonly partnership: string
  readonly period: ReportingPeriod.Period
  readonly kind: ReminderKind
  readonly on: CalendarDate
  readonly due: CalendarDate
  readonly message: LocalizedText
}

/**
 * Every reminder for a partnership's reports falling on a day from `from` to `to` (both
 * included), in date order: `remindBefore` days before each due date, on the due date, and
 * every `remindEvery` days after it, for as long as the report is not handed in (by the
 * reports as they are now). Pure: the reminders are data for a mailer or a task list.
 *
 * @category rules
 * @since 0.2.0
 */
export const reminders = (input: {
  readonly rules: ReportingRules
  readonly programme: Pick<Programme.Programme, "organiser" | "phases">
  readonly partnership: Pick<Partnership.Partnership, "id" | "swedishPartner" | "title">
  readonly reports: ReadonlyArray<Pick<ProgressReport.ProgressReport, "partnership" | "period" | "status">>
  readonly from: CalendarDate
  readonly to: CalendarDate
}): ReadonlyArray<Reminder> => {
  const out: Array<Reminder> = []
  const p = input.partnership
  for (const d of schedule(input.rules, input.programme.phases)) {
    const r = input.reports.find((x) => x.partnership === p.id && ReportingPeriod.equals(x.period, d.period))
    if (handedIn(r)) continue
    const push = (kind: ReminderKind, on: CalendarDate) => {
      if (on < input.from || on > input.to) return
      const sv = ReportingPeriod.name(d.period, "sv")
      const en = ReportingPeriod.name(d.period, "en")
      out.push({
        to: p.swedishPartner,
        cc: kind === "overdue" ? [input.programme.organiser] : [],
        partnership: p.id,
        period: d.period,
        kind,
        on,
        due: d.due,
        message: kind === "upcoming"
          ? { sv: `Rapporten för ${sv} ska lämnas senast ${d.due}.`, en: `The report for ${en} is due by ${d.due}.` }
          : kind === "due-today"
          ? { sv: `Rapporten för ${sv} ska lämnas i dag (${d.due}).`, en: `The report for ${en} is due today (${d.due}).` }
          : { sv: `Rapporten för ${sv} skulle ha lämnats ${d.due}; den är ${daysBetween(d.due, on)} dagar försenad.`, en: `The report for ${en} was due on ${d.due}; it is ${daysBetween(d.due, on)} days overdue.` }
      })
    }
    for (const n of [...input.rules.remindBefore].sort((a, b) => b - a)) if (n > 0) push("upcoming", addDays(d.due, -n))
    push("due-today", d.due)
    const first = Math.max(1, Math.ceil(daysBetween(d.due, input.from) / input.rules.remindEvery)) * input.rules.remindEvery
    for (let k = first; daysBetween(d.due, input.to) >= k; k += input.rules.remindEvery) push("overdue", addDays(d.due, k))
  }
  return out.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
}

/**
 * The store of reporting rules (one per programme, under the programme's id), with versions
 * and change log. `Stores.layer` includes it.
 *
 * @category services
 * @since 0.2.0
 */
export class Store extends EntityStore.Service<Store>()("reporting-rules", ReportingRules) {}
