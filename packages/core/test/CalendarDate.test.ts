import { assert, describe, it } from "@effect/vitest"
import { Budget, Budgets, CalendarDate, ChangeLog, Partnership, Partnerships, Stores, Validation } from "@localrights/core"
import { IcldCohort2020 } from "@localrights/core/examples"
import { Effect, Exit } from "effect"
import { TestClock } from "effect/testing"
import * as fc from "fast-check"

const decode = Validation.decoderExit(CalendarDate.CalendarDate, "CalendarDate")

describe("CalendarDate", () => {
  it("accepts exactly the dates of the Gregorian calendar", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const text = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`
        const date = new Date(Date.UTC(y, m - 1, d))
        const real = m >= 1 && m <= 12 && d >= 1 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
        assert.strictEqual(Exit.isSuccess(decode(text)), real, text)
      }),
      { numRuns: 2000 }
    )
    for (const ok of ["2020-02-29", "2000-02-29", "2020-12-10", "2015-02-01"]) assert.isTrue(Exit.isSuccess(decode(ok)), ok)
    for (const bad of ["1900-02-29", "2021-02-29", "2020-04-31", "2020-1-01", "20200101", "2020-12-10T00:00"]) {
      assert.isTrue(Exit.isFailure(decode(bad)), bad)
    }
  })

  it("orders dates", () => {
    assert.isBelow(CalendarDate.compare("2015-02-01" as CalendarDate.CalendarDate, "2017-06-30" as CalendarDate.CalendarDate), 0)
  })

  it("make: a date from a plain string, or a ValidationError with rule calendar-date in both languages", () => {
    assert.deepStrictEqual(CalendarDate.make("2020-12-10"), Exit.succeed("2020-12-10" as CalendarDate.CalendarDate))
    for (const bad of ["2021-02-29", "10/12/2020", ""]) {
      const exit = CalendarDate.make(bad)
      assert.isTrue(Exit.isFailure(exit), bad)
      const error = Exit.isFailure(exit) ? exit.cause.reasons[0] : undefined
      if (error?._tag !== "Fail") return assert.fail("expected a ValidationError")
      assert.deepStrictEqual(error.error.subject, { kind: "CalendarDate" })
      assert.deepStrictEqual(error.error.violations.map((v) => [v.field, v.rule, v.value]), [["", "calendar-date", bad]])
      assert.strictEqual(error.error.violations[0].text.sv, "Förväntade ett datum som ÅÅÅÅ-MM-DD")
      assert.strictEqual(error.error.violations[0].text.en, "Expected a calendar date as YYYY-MM-DD")
    }
  })
})

describe("CalendarDate: one rule for today (Europe/Stockholm)", () => {
  const newYearsEve = Date.parse("2020-12-31T23:30:00Z") // 00:30 on 1 January 2021 in Stockholm

  it("inTimeZone reckons the day in Stockholm unless told otherwise", () => {
    assert.strictEqual(CalendarDate.inTimeZone(newYearsEve), "2021-01-01")
    assert.strictEqual(CalendarDate.inTimeZone(newYearsEve, "UTC"), "2020-12-31")
    assert.strictEqual(CalendarDate.inTimeZone(Date.parse("2021-06-30T22:30:00Z")), "2021-07-01") // summer time, UTC+2
    assert.strictEqual(CalendarDate.inTimeZone(Date.parse("2021-06-30T21:30:00Z")), "2021-06-30")
    assert.strictEqual(CalendarDate.inTimeZone(newYearsEve, "Africa/Gaborone"), "2021-01-01")
    assert.strictEqual(CalendarDate.inTimeZone(newYearsEve, "America/Sao_Paulo"), "2020-12-31")
  })

  it("inTimeZone agrees with the UTC date whenever Stockholm is on the same day (property)", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (millis) => {
      const utc = new Date(millis).toISOString().slice(0, 10)
      const local = CalendarDate.inTimeZone(millis)
      assert.isTrue(Exit.isSuccess(CalendarDate.make(local)), local)
      // Stockholm is 1 or 2 hours ahead of UTC: the same day, or the next one late in the UTC evening
      const hour = new Date(millis).getUTCHours()
      if (hour < 22) assert.strictEqual(local, utc)
      else assert.isTrue(local === utc || CalendarDate.compare(local, utc as CalendarDate.CalendarDate) > 0)
    }), { numRuns: 1000 })
  })

  it.effect("today and todayIn come from the Clock", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(newYearsEve)
      assert.strictEqual(yield* CalendarDate.today, "2021-01-01")
      assert.strictEqual(yield* CalendarDate.todayIn("UTC"), "2020-12-31")
    }))

  it.effect("Budgets.decide and Partnerships.overrideDecision date their decision today in Stockholm: 2020-12-31T23:30Z is 2021-01-01", () =>
    Effect.gen(function*() {
      const id = IcldCohort2020.lundFrancistown.id
      const change = (reason: string) => ChangeLog.change("icld", reason)
      yield* IcldCohort2020.load
      // Lund matched with Francistown, admitted on a decision taken outside the system
      const matched = yield* Partnerships.establish(
        yield* Partnership.make({
          ...IcldCohort2020.lundFrancistown,
          status: "matched",
          network: IcldCohort2020.network.id,
          internationalPartner: IcldCohort2020.francistown.id,
          partnerCountry: IcldCohort2020.francistown.country,
          decisions: [{
            gate: "application-assessment",
            outcome: "approved",
            decidedBy: "icld",
            date: "2020-12-10",
            evidence: { _tag: "Override", justification: { en: "Admitted by the board" } }
          }]
        }),
        change("matched")
      )
      const budget = yield* (yield* Budget.Store).create(new Budget.Budget({
        id: "lund-prep" as never,
        partnership: id,
        scope: "preparation",
        currency: "SEK" as never,
        lines: [{
          id: "travel",
          phase: "preparation",
          year: 1,
          category: "travel",
          purpose: "exchange-trip",
          side: "swedish",
          amount: { minor: 200_000_00, currency: "SEK" as never }
        }],
        version: 0
      }), change("drafted"))
      yield* TestClock.setTime(newYearsEve)
      const decided = yield* Budgets.decide(budget, {}, ChangeLog.change("icld", "budget reviewed", matched.version))
      assert.strictEqual(decided.decision.date, "2021-01-01")
      const overridden = yield* Partnerships.overrideDecision(id, {
        gate: "full-budget",
        outcome: "approved",
        justification: { en: "Approved by the board" }
      }, ChangeLog.change("icld", "board decision", decided.partnership.version))
      assert.strictEqual(overridden.decisions.at(-1)?.date, "2021-01-01")
    }).pipe(Effect.provide(Stores.layerMemory)))
})
