import { assert, describe, it } from "@effect/vitest"
import { CalendarEvent, EventTime, ICalendar, type Participant } from "@localrights/core"
import { Mr2020Conferences, StrategistProgramme2023 } from "@localrights/core/examples"
import { Effect, Result, Schema } from "effect"
import { TestClock } from "effect/testing"
import ICAL from "ical.js"

const stamp = Date.parse("2026-11-23T12:00:00Z")

const timed = (title: string, schedule: EventTime.Timed, id = "natverkstraff-1"): CalendarEvent.CalendarEvent =>
  Result.getOrThrow(CalendarEvent.openRegistration(Effect.runSync(CalendarEvent.make({
    id,
    kind: "network-meeting",
    title: { sv: title, en: title },
    organiser: "icld",
    city: { sv: "Lund" },
    venue: { sv: "Stadshallen, sal 1; plan 2" },
    capacity: 2,
    schedule
  }))))

const parse = (ics: string) => {
  const cal = new ICAL.Component(ICAL.parse(ics))
  for (const tz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(tz)
  return cal
}

describe("ICalendar", () => {
  it("exports the cancelled MR 2020 conferences with STATUS:CANCELLED, parsed back by ical.js", () => {
    const ics = ICalendar.make(Mr2020Conferences.conferences, { lang: "sv", stamp })
    const events = parse(ics).getAllSubcomponents("vevent")
    assert.strictEqual(events.length, 4)
    for (const [i, v] of events.entries()) {
      const source = Mr2020Conferences.conferences[i]!
      assert.strictEqual(v.getFirstPropertyValue("status"), "CANCELLED")
      assert.strictEqual(v.getFirstPropertyValue("uid"), `${source.id}@localrights`)
      assert.strictEqual(v.getFirstPropertyValue("summary"), source.title.sv)
      const start = v.getFirstPropertyValue("dtstart") as ICAL.Time
      const end = v.getFirstPropertyValue("dtend") as ICAL.Time
      assert.isTrue(start.isDate)
      assert.strictEqual(start.toString(), "2020-03-01")
      assert.strictEqual(end.toString(), "2020-05-01") // exclusive: through 30 April
      assert.strictEqual(v.getFirstPropertyValue("x-localrights-date-precision"), "MONTH")
      assert.include(String(v.getFirstPropertyValue("description")), "exakt datum okänt")
    }
    assert.strictEqual((events[2]!.getFirstPropertyValue("location") as string), "Göteborg")
    assert.include(String(events[2]!.getFirstPropertyValue("description")), "Ulrika Dagård (Lunds kommun)")
  })

  it("writes Stockholm times with TZID and a VTIMEZONE that gives the right instants, other zones in UTC", () => {
    const summer = timed("Sommarmöte", EventTime.timed("2023-06-12T09:00", "2023-06-12T16:30"))
    const winter = timed("Vintermöte", EventTime.timed("2023-01-12T09:00", "2023-01-12T16:30"), "vintermote")
    const trip = timed("Utbytesresa", { ...EventTime.timed("2023-05-02T07:00", "2023-05-02T20:00"), endTimeZone: "Africa/Gaborone" }, "resa")
    const ics = ICalendar.make([summer, winter, trip], { lang: "en", stamp })
    assert.include(ics, "DTSTART;TZID=Europe/Stockholm:20230612T090000\r\n")
    assert.include(ics, "LOCATION:Stadshallen\\, sal 1\\; plan 2\\, Lund\r\n")
    assert.strictEqual(ICalendar.escapeText("a\\b;c,d\ne"), "a\\\\b\\;c\\,d\\ne")
    const cal = parse(ics)
    assert.strictEqual(cal.getAllSubcomponents("vtimezone").length, 1)
    const [s, w, t] = cal.getAllSubcomponents("vevent")
    const utc = (v: ICAL.Component, p: string) => (v.getFirstPropertyValue(p) as ICAL.Time).toUnixTime() * 1000
    assert.strictEqual(utc(s!, "dtstart"), Date.parse("2023-06-12T07:00:00Z"))
    assert.strictEqual(utc(w!, "dtstart"), Date.parse("2023-01-12T08:00:00Z"))
    assert.strictEqual(utc(t!, "dtend"), Date.parse("2023-05-02T18:00:00Z"))
    assert.strictEqual(s!.getFirstPropertyValue("status"), "CONFIRMED")
    assert.strictEqual(s!.getFirstPropertyValue("location"), "Stadshallen, sal 1; plan 2, Lund")
    assert.strictEqual((s!.getFirstPropertyValue("dtstamp") as ICAL.Time).toUnixTime() * 1000, stamp)
  })

  it("folds at 75 octets with CRLF and never splits a character", () => {
    const long = "Rättighetsbaserat arbetssätt, ”För varje människa”; mänskliga rättigheter i styrning och ledning — ".repeat(4)
    const ics = ICalendar.make([timed(long, EventTime.timed("2023-06-12T09:00", "2023-06-12T16:30"))], { lang: "sv", stamp })
    assert.isTrue(ics.endsWith("\r\n"))
    assert.notMatch(ics, /[^\r]\n/)
    for (const line of ics.split("\r\n")) assert.isAtMost(new TextEncoder().encode(line).length, 75, line)
    assert.notInclude(ics, "\uFFFD")
    const v = parse(ics).getFirstSubcomponent("vevent")!
    assert.strictEqual(v.getFirstPropertyValue("summary"), long)
  })

  it("never exports a registrant", () => {
    const person: Participant.Participant = { name: "Registrerad Person", email: "reg@example.org", signedUp: "2023-01-01" as never }
    const e = Result.getOrThrow(CalendarEvent.register(timed("Möte", EventTime.timed("2023-06-12T09:00", "2023-06-12T16:30")), person)).event
    const ics = ICalendar.make([e], { lang: "sv", stamp })
    assert.notInclude(ics, "Registrerad")
    assert.notInclude(ics, "example.org")
  })

  it.prop("any title survives escaping, folding and parsing", [Schema.String.check(Schema.isNonEmpty())], ([title]) => {
    const ics = ICalendar.make([timed(title, EventTime.timed("2023-06-12T09:00", "2023-06-12T16:30"))], { lang: "sv", stamp })
    for (const line of ics.split("\r\n")) assert.isAtMost(new TextEncoder().encode(line).length, 75)
    const expected = title.toWellFormed().replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "").replace(/\r\n|\r/g, "\n")
    const v = parse(ics).getFirstSubcomponent("vevent")!
    assert.strictEqual(v.getFirstPropertyValue("summary") ?? "", expected)
  }, { arbitrary: { runs: 200 } })

  it.effect("makeNow stamps with the Clock", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(stamp)
      const ics = yield* ICalendar.makeNow([StrategistProgramme2023.conference2023], "en")
      assert.include(ics, "DTSTAMP:20261123T120000Z")
      assert.include(ics, "STATUS:TENTATIVE")
    }))
})
