import { assert, describe, it } from "@effect/vitest"
import { type CalendarDate, CalendarEvent, ChangeLog, Events, EventTime, type Participant, Partnership, Partnerships, Reports, ResultsConference, Stores, Validation } from "@localrights/core"
import { IcldCohort2020, Mr2020Conferences } from "@localrights/core/examples"
import { Effect, Exit, Result, Schema } from "effect"
import { TestClock } from "effect/testing"
import { problemPaths } from "./problemPaths.ts"

const person = (i: number, signedUp = "2023-03-01"): Participant.Participant => ({
  name: `Person ${i}`,
  email: `person${i}@example.org`,
  signedUp: signedUp as CalendarDate.CalendarDate
})

const base = (capacity?: number): CalendarEvent.CalendarEvent => {
  const e = Effect.runSync(CalendarEvent.make({
    id: "network-meeting-1",
    kind: "network-meeting",
    title: { sv: "Nätverksträff", en: "Network meeting" },
    organiser: "icld",
    city: { sv: "Visby", en: "Visby" },
    schedule: EventTime.timed("2023-04-18T09:00", "2023-04-18T16:00"),
    registrationDeadline: "2023-04-01",
    ...(capacity !== undefined ? { capacity } : {})
  }))
  return Result.getOrThrow(CalendarEvent.openRegistration(e))
}

const decode = Validation.decoderExit(CalendarEvent.CalendarEvent, "CalendarEvent")
const isValid = Schema.is(CalendarEvent.CalendarEvent)
const emails = (list: ReadonlyArray<Participant.Participant>) => list.map((p) => p.email)


describe("CalendarEvent", () => {
  it("refuses an end before the start, naming schedule.end", () => {
    const e = base(10)
    const exit = decode({ ...e, schedule: EventTime.timed("2023-04-18T16:00", "2023-04-18T09:00") })
    assert.deepStrictEqual(problemPaths(exit), ["schedule.end"])
  })

  it("compares start and end across time zones", () => {
    // 10:00 in Stockholm is 09:00 in London (both on summer time in April)
    const at = (end: string) => ({ ...EventTime.timed("2023-04-18T10:00", end), endTimeZone: "Europe/London" })
    assert.isTrue(Exit.isSuccess(decode({ ...base(), schedule: at("2023-04-18T09:30") })))
    assert.deepStrictEqual(problemPaths(decode({ ...base(), schedule: at("2023-04-18T08:30") })), ["schedule.end"])
  })

  it("refuses an unknown time zone and a malformed local time", () => {
    const exit = decode({ ...base(), schedule: { _tag: "Timed", start: "2023-04-18 09:00", end: "2023-04-18T10:00", timeZone: "Mars/Olympus" } })
    const paths = problemPaths(exit)
    assert.include(paths, "schedule.start")
    assert.include(paths, "schedule.timeZone")
  })

  it("refuses registration after the deadline, naming signedUp", () => {
    const r = CalendarEvent.register(base(10), person(1, "2023-04-02"))
    assert.isTrue(Result.isFailure(r))
    if (Result.isFailure(r)) {
      assert.strictEqual(r.failure.violations[0].field, "signedUp")
      assert.strictEqual(r.failure.violations[0].rule, "deadline")
      assert.notInclude(r.failure.message, "person1")
    }
    assert.isTrue(Result.isSuccess(CalendarEvent.register(base(10), person(1, "2023-04-01"))))
  })

  it.effect("registerNow takes the day from the Clock, in Stockholm", () =>
    Effect.gen(function*() {
      const { signedUp: _, ...who } = person(1)
      yield* TestClock.setTime(Date.parse("2023-04-01T21:59:00Z")) // 23:59 on the deadline day in Stockholm
      const ok = yield* CalendarEvent.registerNow(base(10), who)
      assert.strictEqual(ok.event.seats[0]?.signedUp, "2023-04-01")
      yield* TestClock.setTime(Date.parse("2023-04-01T22:00:00Z")) // midnight: 2 April in Stockholm
      const late = yield* CalendarEvent.registerNow(base(10), who).pipe(Effect.flip)
      assert.strictEqual(late.violations[0].field, "signedUp")
    }))

  it("refuses registration for a cancelled event and for a planned one, naming status", () => {
    const cancelled = Result.getOrThrow(CalendarEvent.cancel(base(10), { reason: { sv: "Inställt", en: "Cancelled" } })).event
    const r = CalendarEvent.register(cancelled, person(1))
    assert.isTrue(Result.isFailure(r) && r.failure.violations[0].field === "status" && r.failure.violations[0].rule === "cancelled")
    const planned = { ...base(10), status: "planned" as const }
    const p = CalendarEvent.register(planned, person(1))
    assert.isTrue(Result.isFailure(p) && p.failure.violations[0].field === "status" && p.failure.violations[0].rule === "not-open")
  })

  it("reports every broken rule of a registration at once", () => {
    const once = Result.getOrThrow(CalendarEvent.register(base(10), person(1))).event
    const closed = Result.getOrThrow(CalendarEvent.markHeld(once))
    const r = CalendarEvent.register(closed, person(1, "2023-04-02"))
    assert.isTrue(Result.isFailure(r))
    if (Result.isFailure(r)) {
      assert.deepStrictEqual(r.failure.violations.map((v) => [v.field, v.rule]), [["status", "held"], ["signedUp", "deadline"], ["email", "already-registered"]])
      assert.notInclude(JSON.stringify(r.failure), "person1")
    }
  })

  it("refuses a second registration of the same e-mail, in any case", () => {
    const once = Result.getOrThrow(CalendarEvent.register(base(10), person(1))).event
    const r = CalendarEvent.register(once, { ...person(2), email: "PERSON1@example.org" })
    assert.isTrue(Result.isFailure(r) && r.failure.violations[0].rule === "already-registered" && r.failure.violations[0].field === "email")
  })

  // A model of the seats and the waiting list: registration order decides everything.
  const Capacity = Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 6 }))
  const ops = Schema.Array(Schema.Tuple([Schema.Boolean, Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 12 }))])).check(
    Schema.isMaxLength(60)
  )

  it.prop("seats never exceed capacity and the waiting list keeps its order", [Capacity, ops], ([capacity, steps]) => {
    let e = base(capacity)
    let seats: Array<string> = []
    let waiting: Array<string> = []
    for (const [isRegister, i] of steps) {
      const p = person(i)
      if (isRegister) {
        const r = CalendarEvent.register(e, p)
        const known = seats.includes(p.email) || waiting.includes(p.email)
        assert.strictEqual(Result.isSuccess(r), !known)
        if (Result.isSuccess(r)) {
          e = r.success.event
          if (seats.length < capacity) seats.push(p.email)
          else waiting.push(p.email)
        }
      } else {
        const r = CalendarEvent.unregister(e, p.email)
        const wasSeat = seats.includes(p.email)
        assert.strictEqual(Result.isSuccess(r), wasSeat || waiting.includes(p.email))
        if (Result.isSuccess(r)) {
          e = r.success.event
          if (wasSeat) {
            seats = seats.filter((x) => x !== p.email)
            const next = waiting.shift()
            if (next !== undefined) {
              seats.push(next)
              assert.deepStrictEqual(r.success.notifications.filter((n) => n.kind === "promoted").map((n) => n.to.email), [next])
            }
          } else waiting = waiting.filter((x) => x !== p.email)
        }
      }
      assert.isAtMost(e.seats.length, capacity)
      assert.deepStrictEqual(emails(e.seats), seats)
      assert.deepStrictEqual(emails(e.waitingList), waiting)
      assert.strictEqual(e.status, seats.length === capacity ? "full" : "open")
      assert.isTrue(isValid(e))
    }
  })

  it.prop("cancelling frees every seat and notifies each person exactly once", [Capacity, ops], ([capacity, steps]) => {
    let e = base(capacity)
    for (const [isRegister, i] of steps) {
      const r = isRegister ? CalendarEvent.register(e, person(i)) : CalendarEvent.unregister(e, person(i).email)
      if (Result.isSuccess(r)) e = r.success.event
    }
    const registered = [...emails(e.seats), ...emails(e.waitingList)]
    const out = Result.getOrThrow(CalendarEvent.cancel(e, { reason: { sv: "Inställt", en: "Cancelled" }, date: "2023-04-10" as CalendarDate.CalendarDate }))
    assert.strictEqual(out.event.status, "cancelled")
    assert.strictEqual(out.event.seats.length, 0)
    assert.strictEqual(out.event.waitingList.length, 0)
    const notified = out.notifications.map((n) => n.to.email)
    assert.strictEqual(new Set(notified).size, notified.length)
    assert.sameMembers(notified, registered)
    assert.isTrue(out.notifications.every((n) => n.kind === "cancelled"))
    // cancelling again is refused: nobody is notified twice
    const again = CalendarEvent.cancel(out.event, { reason: { en: "again" } })
    assert.isTrue(Result.isFailure(again) && again.failure.violations[0].rule === "cancelled")
    assert.isTrue(isValid(out.event))
  })

  it("moves planned → open → full → held and refuses to leave held", () => {
    const e = base(1)
    const full = Result.getOrThrow(CalendarEvent.register(e, person(1))).event
    assert.strictEqual(full.status, "full")
    const held = Result.getOrThrow(CalendarEvent.markHeld(full))
    assert.strictEqual(held.status, "held")
    const r = CalendarEvent.cancel(held, { reason: { en: "late" } })
    assert.isTrue(Result.isFailure(r) && r.failure.violations[0].rule === "held" && r.failure.violations[0].field === "status")
  })

  it("refuses a cancelled status without a cancellation and too many seats", () => {
    const e = base(1)
    assert.include(problemPaths(decode({ ...e, status: "cancelled" })), "cancellation")
    assert.include(problemPaths(decode({ ...e, seats: [person(1), person(2)] })), "seats")
  })

  it("the public view holds no registrant", () => {
    let e = base(1)
    for (const i of [1, 2, 3]) e = Result.getOrThrow(CalendarEvent.register(e, person(i))).event
    const view = CalendarEvent.toPublicView(e)
    const json = JSON.stringify(view)
    assert.notInclude(json, "@example.org")
    assert.notInclude(json, "Person 1")
    assert.strictEqual(view.seatsTaken, 1)
    assert.strictEqual(view.waiting, 2)
    assert.strictEqual(view.when.sv, "2023-04-18 09:00–16:00 (Europe/Stockholm)")
  })

  it("names the budget purpose of exchange trips and network trainings", () => {
    assert.strictEqual(CalendarEvent.budgetPurpose("exchange-trip"), "exchange-trip")
    assert.strictEqual(CalendarEvent.budgetPurpose("network-meeting"), "network-training")
    assert.isUndefined(CalendarEvent.budgetPurpose("regional-conference"))
  })

  it("the MR 2020 conferences are four, cancelled, dated to the month only", () => {
    assert.strictEqual(Mr2020Conferences.conferences.length, 4)
    for (const c of Mr2020Conferences.conferences) {
      assert.isTrue(Exit.isSuccess(decode(c)), c.id)
      assert.strictEqual(c.status, "cancelled")
      assert.strictEqual(c.schedule._tag, "Approximate")
      assert.strictEqual(EventTime.describe(c.schedule, "en"), "March–April 2020 (exact date unknown)")
    }
    const goteborg = Mr2020Conferences.conferences.find((c) => c.id === "mr-2020-goteborg")!
    assert.strictEqual(goteborg.programmeItems.length, 5)
    assert.strictEqual(goteborg.seats.length, 0)
  })

  it.effect("is stored and read back with its change log", () =>
    Effect.gen(function*() {
      yield* IcldCohort2020.load
      yield* Mr2020Conferences.load
      const store = yield* CalendarEvent.Store
      const all = yield* store.list()
      assert.strictEqual(all.length, 4)
      const goteborg = yield* store.get("mr-2020-goteborg")
      assert.deepStrictEqual(goteborg.programmeItems, Mr2020Conferences.goteborgProgramme)
      const history = yield* store.history("mr-2020-goteborg")
      // created planned, then cancelled through the command: both in the history
      assert.deepStrictEqual(history.map((r) => [r.command, r.statusAfter]), [["CreateCalendarEvent", "planned"], ["CancelEvent", "cancelled"]])
      // a second load changes nothing
      yield* Mr2020Conferences.load
      assert.strictEqual((yield* store.history("mr-2020-goteborg")).length, 2)
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("a held results conference concludes the partnerships presented there", () =>
    Effect.gen(function*() {
      yield* IcldCohort2020.load
      const partnerships = yield* Partnership.Store
      // two partnerships in implementation, on decisions taken outside the system (overrides),
      // brought there through the lifecycle
      const implementing = (id: string, implementationYear: number) =>
        Partnership.make({
          ...IcldCohort2020.lundFrancistown,
          id,
          status: "implementation",
          implementationYear,
          network: IcldCohort2020.network.id,
          internationalPartner: IcldCohort2020.francistown.id,
          partnerCountry: IcldCohort2020.francistown.country,
          decisions: Partnership.Gate.values.map((gate) => ({
            gate,
            outcome: "approved" as const,
            decidedBy: "icld",
            date: "2020-12-10",
            evidence: { _tag: "Override" as const, justification: { en: "decided outside the system" } }
          }))
        })
      const lastYear = yield* implementing(IcldCohort2020.lundFrancistown.id, 3)
      const firstYear = yield* implementing("lund-2", 1)
      for (const p of [lastYear, firstYear]) yield* Partnerships.establish(p, ChangeLog.change("t", "t"))
      const conference = yield* CalendarEvent.make({
        id: "mr-resultatkonferens",
        kind: "results-conference",
        title: { sv: "MR-resultatkonferens", en: "Human-rights results conference" },
        organiser: "icld",
        schedule: EventTime.approximate("2024-11", "2024-11"),
        links: { partnerships: [lastYear.id, firstYear.id] }
      })
      const events = yield* CalendarEvent.Store
      yield* events.create(conference, ChangeLog.change("t", "t"))
      const notHeld = yield* ResultsConference.concludePresented(conference.id, ChangeLog.change("t", "results")).pipe(Effect.flip)
      assert.strictEqual(notHeld._tag, "EventRefused")
      const stored = yield* events.get(conference.id)
      // the status changes only through the command, not through an update
      const bypass = yield* events.update(Result.getOrThrow(CalendarEvent.markHeld(stored)), ChangeLog.change("t", "held", stored.version)).pipe(Effect.flip)
      assert.strictEqual(bypass._tag, "EventRefused")
      assert.deepStrictEqual(bypass._tag === "EventRefused" ? bypass.violations.map((v) => [v.field, v.rule]) : [], [["status", "command-field"]])
      yield* Events.markHeld(conference.id, ChangeLog.change("t", "held", stored.version))
      assert.strictEqual((yield* events.history(conference.id)).at(-1)?.command, "MarkEventHeld")
      // concluding needs the final report (implementation year 3) approved; these partnerships report on no indicator
      const final = yield* Reports.draft(lastYear.id, { phase: "implementation", year: 3 }, { narrative: { en: "Results" } }, ChangeLog.change("t", "t"))
      const submitted = yield* Reports.submit(final.id, { date: "2024-10-01" }, ChangeLog.change("t", "t", final.version))
      yield* Reports.approve(submitted.id, { date: "2024-10-15" }, ChangeLog.change("t", "t", submitted.version))
      const outcomes = yield* ResultsConference.concludePresented(conference.id, ChangeLog.change("t", "results presented"))
      assert.deepStrictEqual(outcomes.map((o) => o.concluded), [true, false])
      assert.include(outcomes[1]?.reason ?? "", "TransitionRefused")
      assert.strictEqual((yield* partnerships.get(lastYear.id)).status, "concluded")
      assert.strictEqual((yield* partnerships.get(firstYear.id)).status, "implementation")
      assert.deepStrictEqual((yield* partnerships.history(lastYear.id)).map((r) => r.command).slice(-3), ["AdvanceYear", "AdvanceYear", "Conclude"])
    }).pipe(Effect.provide(Stores.layerMemory)))
})
