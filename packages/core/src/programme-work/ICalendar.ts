/**
 * iCalendar (RFC 5545) export of calendar events, for any calendar application.
 *
 * **Details**
 *
 * Lines end in CRLF and are folded at 75 octets (UTF-8, never inside a character); text values
 * escape `\`, `;`, `,` and newlines. Times in Europe/Stockholm are written with
 * `TZID=Europe/Stockholm` and a `VTIMEZONE`; other zones as UTC. An event known only to the
 * month is written as an all-day span over its window, transparent, with
 * `X-LOCALRIGHTS-DATE-PRECISION:MONTH` and the words "exact date unknown" in its description.
 * A cancelled event has `STATUS:CANCELLED`. Only the public view is exported: no registrant.
 *
 * @module
 * @group Programme work
 * @since 0.1.0
 */
import { Clock, Effect } from "effect"
import * as CalendarEvent from "./CalendarEvent.ts"
import * as LocalizedText from "../LocalizedText.ts"
import * as EventTime from "./EventTime.ts"

/**
 * Options for {@link make}.
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  /** The language of the text values. */
  readonly lang: LocalizedText.Lang
  /** DTSTAMP: when the file is produced, in epoch milliseconds. */
  readonly stamp: number
  /** The domain part of each UID (default `localrights`). */
  readonly uidDomain?: string | undefined
}

/**
 * Escapes a TEXT value: backslash, semicolon, comma and newlines; control characters, which
 * iCalendar does not allow, are dropped.
 *
 * @category rendering
 * @since 0.1.0
 */
export const escapeText = (text: string): string =>
  text.toWellFormed().replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "").replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n")

// UTF-8 length of one code point
const octetsOf = (codePoint: number): number => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4)

/**
 * Folds one content line at 75 octets: continuation lines start with a space; a multi-byte
 * character is never split. Lines are joined with CRLF.
 *
 * @category rendering
 * @since 0.1.0
 */
export const fold = (line: string): string => {
  if (line.length <= 25) return line // a UTF-16 unit is at most 3 octets: 25 units always fit
  const out: Array<string> = []
  let current = ""
  let octets = 0
  for (const ch of line) {
    const size = octetsOf(ch.codePointAt(0)!)
    const limit = out.length === 0 ? 75 : 74 // a continuation line's leading space counts
    if (octets + size > limit) {
      out.push(current)
      current = ""
      octets = 0
    }
    current += ch
    octets += size
  }
  out.push(current)
  return out.join("\r\n ")
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0")

const utcStamp = (millis: number): string => {
  const d = new Date(millis)
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
}

const localStamp = (local: string): string => `${local.slice(0, 4)}${local.slice(5, 7)}${local.slice(8, 10)}T${local.slice(11, 13)}${local.slice(14, 16)}00`

const dateValue = (date: string): string => date.replace(/-/g, "")

const nextDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

const stockholm = "Europe/Stockholm"

/**
 * The VTIMEZONE of Europe/Stockholm (CET/CEST, EU rules since 1996).
 *
 * @category rendering
 * @since 0.1.0
 */
export const vtimezoneStockholm: ReadonlyArray<string> = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Stockholm",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE"
]

const timeProperty = (name: string, local: EventTime.LocalDateTime, zone: string): string =>
  zone === stockholm
    ? `${name};TZID=${stockholm}:${localStamp(local)}`
    : `${name}:${utcStamp(EventTime.toEpochMillis(local, zone))}`

const status = (s: CalendarEvent.Status): string =>
  s === "cancelled" ? "CANCELLED" : s === "planned" ? "TENTATIVE" : "CONFIRMED"

const description = (v: CalendarEvent.PublicView, lang: LocalizedText.Lang): string => {
  const parts: Array<string> = []
  if (v.cancellation) parts.push(`${LocalizedText.text(v.statusName, lang)}: ${LocalizedText.text(v.cancellation.reason, lang)}`)
  if (v.schedule._tag === "Approximate") parts.push(EventTime.describe(v.schedule, lang))
  if (v.description) parts.push(LocalizedText.text(v.description, lang))
  for (const item of v.programmeItems) {
    const speakers = item.speakers
      .map((s) => (s.name !== undefined ? `${s.name} (${LocalizedText.text(s.organisation, lang)})` : LocalizedText.text(s.organisation, lang)))
      .join(", ")
    parts.push(`${item.time !== undefined ? `${item.time} ` : ""}${LocalizedText.text(item.title, lang)}${speakers ? ` – ${speakers}` : ""}`)
  }
  return parts.join("\n")
}

const vevent = (e: CalendarEvent.CalendarEvent, options: Options): Array<string> => {
  const v = CalendarEvent.toPublicView(e)
  const lines = ["BEGIN:VEVENT", `UID:${v.id}@${options.uidDomain ?? "localrights"}`, `DTSTAMP:${utcStamp(options.stamp)}`]
  const s = v.schedule
  if (s._tag === "Timed") {
    lines.push(timeProperty("DTSTART", s.start, s.timeZone), timeProperty("DTEND", s.end, s.endTimeZone ?? s.timeZone))
  } else {
    const days = EventTime.dayRange(s)
    lines.push(
      `DTSTART;VALUE=DATE:${dateValue(days.first)}`,
      `DTEND;VALUE=DATE:${dateValue(nextDay(days.last))}`,
      "TRANSP:TRANSPARENT",
      "X-LOCALRIGHTS-DATE-PRECISION:MONTH"
    )
  }
  lines.push(`SUMMARY;LANGUAGE=${options.lang}:${escapeText(LocalizedText.text(v.title, options.lang))}`)
  const text = description(v, options.lang)
  if (text !== "") lines.push(`DESCRIPTION;LANGUAGE=${options.lang}:${escapeText(text)}`)
  const place = [v.venue, v.city].filter((x) => x !== undefined).map((x) => LocalizedText.text(x, options.lang))
  if (place.length > 0) lines.push(`LOCATION:${escapeText(place.join(", "))}`)
  lines.push(`CATEGORIES:${escapeText(LocalizedText.text(v.kindName, options.lang))}`)
  lines.push(`STATUS:${status(v.status)}`, `SEQUENCE:${e.version}`, "END:VEVENT")
  return lines
}

const usesStockholm = (e: CalendarEvent.CalendarEvent) =>
  e.schedule._tag === "Timed" && (e.schedule.timeZone === stockholm || e.schedule.endTimeZone === stockholm)

/**
 * The iCalendar file (VCALENDAR) for `events`.
 *
 * @category rendering
 * @since 0.1.0
 */
export const make = (events: ReadonlyArray<CalendarEvent.CalendarEvent>, options: Options): string => {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//localrights//@localrights/core//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
  if (events.some(usesStockholm)) lines.push(...vtimezoneStockholm)
  for (const e of events) lines.push(...vevent(e, options))
  lines.push("END:VCALENDAR")
  return lines.map(fold).join("\r\n") + "\r\n"
}

/**
 * {@link make} with DTSTAMP from `Clock`.
 *
 * @category rendering
 * @since 0.1.0
 */
export const makeNow = (
  events: ReadonlyArray<CalendarEvent.CalendarEvent>,
  lang: LocalizedText.Lang
): Effect.Effect<string> => Effect.map(Clock.currentTimeMillis, (stamp) => make(events, { lang, stamp }))
