/**
 * When a calendar event or training session takes place: either a start and an end as local
 * date-times in an IANA time zone (Europe/Stockholm by default), or a window known only to the
 * month (`March–April 2020`) when the sources give no exact day.
 *
 * **Details**
 *
 * Local date-times are stored as written (`2023-04-18T09:00`) together with the zone, so a
 * change of summer-time rules never moves a stored event; instants are computed with effect's
 * `DateTime`. An approximate window is explicit data, never a guessed day.
 *
 * @module
 * @group Programme work
 * @since 0.1.0
 */
import { DateTime, Option, Schema } from "effect"
import type { CalendarDate } from "../CalendarDate.ts"
import { defaultTimeZone as stockholm, inTimeZone } from "../CalendarDate.ts"
import type { Lang } from "../LocalizedText.ts"
import { LocalizedText } from "../LocalizedText.ts"
import * as Validation from "../Validation.ts"

/**
 * The time zone used when none is given.
 *
 * @category models
 * @since 0.1.0
 */
export const defaultTimeZone = stockholm

/**
 * An IANA time zone name that this runtime knows (`Europe/Stockholm`, `Africa/Gaborone`).
 *
 * @category schemas
 * @since 0.1.0
 */
export const TimeZone = Schema.String.check(
  Schema.makeFilter((zone) => Option.isSome(DateTime.zoneMakeNamed(zone)), Validation.message({
    sv: "Förväntade en IANA-tidszon som Europe/Stockholm",
    en: "Expected an IANA time zone such as Europe/Stockholm"
  }, "time-zone"))
)

const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/

const parseLocal = (s: string) => {
  const m = localPattern.exec(s)
  if (m === null) return undefined
  const [year, month, day, hour, minute] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])]
  const probe = new Date(Date.UTC(year, month - 1, day))
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined
  if (hour > 23 || minute > 59) return undefined
  const parts: Partial<DateTime.DateTime.Parts> = { year, month, day, hour, minute }
  return parts
}

/**
 * A local date and time of day without a zone, `YYYY-MM-DDTHH:MM`.
 *
 * @category schemas
 * @since 0.1.0
 */
export const LocalDateTime = Schema.String.check(
  Schema.makeFilter((s) => parseLocal(s) !== undefined, Validation.message({
    sv: "Förväntade en lokal tidpunkt som ÅÅÅÅ-MM-DDTtt:mm",
    en: "Expected a local date-time as YYYY-MM-DDTHH:MM"
  }, "local-date-time"))
).pipe(Schema.brand("LocalDateTime"))
/**
 * @category models
 * @since 0.1.0
 */
export type LocalDateTime = typeof LocalDateTime.Type

/**
 * A year and month, `YYYY-MM`.
 *
 * @category schemas
 * @since 0.1.0
 */
export const YearMonth = Schema.String.check(
  Schema.isPattern(/^\d{4}-(0[1-9]|1[0-2])$/, Validation.message({
    sv: "Förväntade år och månad som ÅÅÅÅ-MM",
    en: "Expected a year and month as YYYY-MM"
  }))
).pipe(Schema.brand("YearMonth"))
/**
 * @category models
 * @since 0.1.0
 */
export type YearMonth = typeof YearMonth.Type

/**
 * The instant (epoch milliseconds) of a local date-time in a zone; in a summer-time gap the
 * later instant is taken.
 *
 * @category rules
 * @since 0.1.0
 */
export const toEpochMillis = (local: LocalDateTime, zone: string): number => {
  const p = parseLocal(local)!
  const zoned = DateTime.makeZoned(p, { timeZone: zone, adjustForTimeZone: true, disambiguation: "later" })
  return Option.isSome(zoned) ? DateTime.toEpochMillis(zoned.value) : Number.NaN
}

/**
 * A start and an end, each a local date-time; the end may be in another zone (a trip from
 * Lund to Francistown). The end must come after the start as instants.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Timed = Schema.TaggedStruct("Timed", {
  start: LocalDateTime,
  end: LocalDateTime,
  timeZone: TimeZone,
  endTimeZone: Schema.optionalKey(TimeZone)
}).check(
  Schema.makeFilter((t) =>
    toEpochMillis(t.end, t.endTimeZone ?? t.timeZone) > toEpochMillis(t.start, t.timeZone)
      ? undefined
      : { path: ["end"], issue: Validation.invalid({ sv: "Förväntade att slutet kommer efter starten", en: "Expected the end to come after the start" }, "end-after-start") }
  )
)
/**
 * @category models
 * @since 0.1.0
 */
export type Timed = typeof Timed.Type

/**
 * A window known to the month only: the event is in some month from `earliest` to `latest`;
 * the exact day is unknown.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Approximate = Schema.TaggedStruct("Approximate", {
  earliest: YearMonth,
  latest: YearMonth,
  timeZone: TimeZone,
  note: Schema.optionalKey(LocalizedText)
}).check(
  Schema.makeFilter((a) =>
    a.latest >= a.earliest ? undefined : { path: ["latest"], issue: Validation.invalid({ sv: "Förväntade att den senaste månaden är samma som eller efter den tidigaste", en: "Expected the latest month to be at or after the earliest" }, "latest-after-earliest") }
  )
)
/**
 * @category models
 * @since 0.1.0
 */
export type Approximate = typeof Approximate.Type

/**
 * When something takes place: exactly ({@link Timed}) or to the month ({@link Approximate}).
 *
 * @category schemas
 * @since 0.1.0
 */
export const EventTime = Schema.Union([Timed, Approximate])
/**
 * @category models
 * @since 0.1.0
 */
export type EventTime = typeof EventTime.Type

/**
 * A timed schedule in Europe/Stockholm (or `timeZone`).
 *
 * @category constructors
 * @since 0.1.0
 */
export const timed = (start: string, end: string, timeZone: string = defaultTimeZone): Timed => ({
  _tag: "Timed",
  start: start as LocalDateTime,
  end: end as LocalDateTime,
  timeZone
})

/**
 * A window known to the month only.
 *
 * @category constructors
 * @since 0.1.0
 */
export const approximate = (earliest: string, latest: string, note?: LocalizedText): Approximate => ({
  _tag: "Approximate",
  earliest: earliest as YearMonth,
  latest: latest as YearMonth,
  timeZone: defaultTimeZone,
  ...(note !== undefined ? { note } : {})
})

const firstOfMonth = (ym: YearMonth): LocalDateTime => `${ym}-01T00:00` as LocalDateTime
const nextMonth = (ym: YearMonth): YearMonth => {
  const [y, m] = ym.split("-").map(Number) as [number, number]
  return (m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`) as YearMonth
}

/**
 * The earliest instant the schedule allows (the start, or the first moment of the earliest month).
 *
 * @category rules
 * @since 0.1.0
 */
export const earliestMillis = (s: EventTime): number =>
  s._tag === "Timed" ? toEpochMillis(s.start, s.timeZone) : toEpochMillis(firstOfMonth(s.earliest), s.timeZone)

/**
 * The latest instant the schedule allows (the end, or the first moment after the latest month).
 *
 * @category rules
 * @since 0.1.0
 */
export const latestMillis = (s: EventTime): number =>
  s._tag === "Timed"
    ? toEpochMillis(s.end, s.endTimeZone ?? s.timeZone)
    : toEpochMillis(firstOfMonth(nextMonth(s.latest)), s.timeZone)

/**
 * The first and last calendar day a schedule may touch, as `YYYY-MM-DD` in its zone(s); for a
 * month window the first day of the earliest month and the last day of the latest month.
 *
 * @category rules
 * @since 0.1.0
 */
export const dayRange = (s: EventTime): { readonly first: string; readonly last: string } => {
  if (s._tag === "Timed") return { first: s.start.slice(0, 10), last: s.end.slice(0, 10) }
  const after = new Date(`${nextMonth(s.latest)}-01T00:00:00Z`).getTime() - 86_400_000
  return { first: `${s.earliest}-01`, last: new Date(after).toISOString().slice(0, 10) }
}

const monthNames: Readonly<Record<Lang, ReadonlyArray<string>>> = {
  sv: ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
}

const monthName = (ym: YearMonth, lang: Lang) => monthNames[lang][Number(ym.slice(5, 7)) - 1]!

/**
 * The schedule for a person: `2023-04-18 09:00–16:00 (Europe/Stockholm)`, or
 * `mars–april 2020 (exakt datum okänt)` / `March–April 2020 (exact date unknown)`.
 *
 * @category rendering
 * @since 0.1.0
 */
export const describe = (s: EventTime, lang: Lang): string => {
  if (s._tag === "Timed") {
    const sameDay = s.start.slice(0, 10) === s.end.slice(0, 10) && s.endTimeZone === undefined
    const end = sameDay ? s.end.slice(11) : s.end.replace("T", " ")
    const zone = s.endTimeZone !== undefined ? `${s.timeZone} → ${s.endTimeZone}` : s.timeZone
    return `${s.start.replace("T", " ")}–${end} (${zone})`
  }
  const y1 = s.earliest.slice(0, 4)
  const y2 = s.latest.slice(0, 4)
  const first = monthName(s.earliest, lang)
  const range = s.earliest === s.latest
    ? `${first} ${y1}`
    : y1 === y2
    ? `${first}–${monthName(s.latest, lang)} ${y2}`
    : `${first} ${y1}–${monthName(s.latest, lang)} ${y2}`
  return `${range} (${lang === "sv" ? "exakt datum okänt" : "exact date unknown"})`
}

/**
 * The calendar day of an instant (epoch milliseconds) in a time zone: the kernel's one rule,
 * `CalendarDate.inTimeZone` (for today, use `CalendarDate.today` or `CalendarDate.todayIn`).
 *
 * @category rules
 * @since 0.1.0
 */
export const dayIn = (millis: number, timeZone: string = defaultTimeZone): CalendarDate => inTimeZone(millis, timeZone)
