import { assert, describe, it } from "@effect/vitest"
import { Agreement, type CalendarDate, Money, Stores, Validation } from "@localrights/core"
import { GovernmentAgreement2014 } from "@localrights/core/examples"
import { Effect, Exit, Result, Schema } from "effect"
import { TestClock } from "effect/testing"
import { problemPaths as paths } from "./problemPaths.ts"

const a = GovernmentAgreement2014.agreement
const d = (s: string) => s as CalendarDate.CalendarDate
const decode = Validation.decoderExit(Agreement.Agreement, "Agreement")

describe("Agreement", () => {
  it("the 2014 agreement: SEK 4 million in 2014, mapping due 2015-02-01, action plan June 2015 – June 2017", () => {
    assert.isTrue(Exit.isSuccess(decode(a)))
    assert.deepStrictEqual(a.funding.map((f) => [f.year, f.amount]), [[2014, Money.sek(4_000_000)]])
    assert.strictEqual(a.funding[0]!.amount.minor, 400_000_000)
    assert.deepStrictEqual(a.deliverables.map((x) => [x.key, Agreement.dueDate(x.due)]), [
      ["kartlaggning", "2015-02-01"],
      ["handlingsplan", "2017-06-30"],
      ["dokumentation-spridning", "2017-12-31"]
    ])
    assert.isDefined(a.consultationPlan)
  })

  it("finds overdue deliverables on a given day, most overdue first", () => {
    assert.deepStrictEqual(Agreement.overdue(a, d("2015-02-01")), [])
    const on = Agreement.overdue(a, d("2015-02-02"))
    assert.deepStrictEqual(on.map((o) => [o.deliverable.key, o.daysOverdue]), [["kartlaggning", 1]])
    assert.deepStrictEqual(Agreement.overdue(a, d("2018-01-01")).map((o) => o.deliverable.key), ["kartlaggning", "handlingsplan", "dokumentation-spridning"])
    const delivered = Result.getOrThrow(
      Agreement.recordProgress(a, "kartlaggning", "delivered", [{ description: { sv: "Kartläggningen överlämnad" }, date: d("2015-01-30") }])
    )
    assert.deepStrictEqual(Agreement.overdue(delivered, d("2015-03-01")), [])
  })

  it.effect("takes today's date from Clock", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(Date.parse("2015-02-01T23:30:00Z")) // already 2 February in Stockholm
      const r = yield* Agreement.overdueToday(a)
      assert.strictEqual(r.today, "2015-02-02")
      assert.deepStrictEqual(r.overdue.map((o) => o.deliverable.key), ["kartlaggning"])
    }))

  it("refuses a deliverable due outside the agreement's period, naming the field", () => {
    const late: Agreement.Deliverable = { key: "slutrapport", title: { sv: "Slutrapport" }, due: { _tag: "By", date: d("2018-03-01") }, status: "not-started", evidence: [] }
    const r = Agreement.addDeliverable(a, late)
    assert.isTrue(Result.isFailure(r))
    if (Result.isFailure(r)) {
      assert.strictEqual(r.failure.violations[0].field, "deliverables[3].due")
      assert.strictEqual(r.failure.violations[0].rule, "due-outside-period")
      assert.strictEqual(r.failure.violations[0].value, "2018-03-01")
    }
    assert.deepStrictEqual(paths(decode({ ...a, deliverables: [...a.deliverables, late] })), ["deliverables[3].due"])
    const dup = Agreement.addDeliverable(a, { ...late, key: "kartlaggning", due: { _tag: "By", date: d("2016-01-01") } })
    assert.isTrue(Result.isFailure(dup) && dup.failure.violations[0].rule === "duplicate-key")
    // late and a taken key: both at once
    const both = Agreement.addDeliverable(a, { ...late, key: "kartlaggning" })
    assert.isTrue(Result.isFailure(both))
    if (Result.isFailure(both)) {
      assert.deepStrictEqual(both.failure.violations.map((v) => v.rule), ["due-outside-period", "duplicate-key"])
      assert.deepStrictEqual(both.failure.subject, { kind: "agreement", id: a.id })
    }
  })

  it("refuses bad agreements with field paths", () => {
    assert.include(paths(decode({ ...a, period: { ...a.period, end: "2013-12-31" } })), "period.end")
    assert.include(paths(decode({ ...a, funding: [{ year: 2019, amount: Money.sek(1) }] })), "funding[0].year")
    assert.include(paths(decode({ ...a, funding: [{ year: 2014, amount: { minor: 1.5, currency: "SEK" } }] })), "funding[0].amount.minor")
    assert.include(paths(decode({ ...a, deliverables: [{ ...a.deliverables[0]!, status: "delivered" }] })), "deliverables[0].evidence")
    const r = Agreement.recordProgress(a, "kartlaggning", "delivered")
    assert.isTrue(Result.isFailure(r) && r.failure.violations[0].field === "deliverables[0].evidence")
  })

  it.prop("overdue = not delivered and due before today", [Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 2000 }))], ([offset]) => {
    const today = new Date(Date.parse("2014-06-01T00:00:00Z") + offset * 86_400_000).toISOString().slice(0, 10) as CalendarDate.CalendarDate
    const keys = Agreement.overdue(a, today).map((o) => o.deliverable.key).sort()
    const expected = a.deliverables.filter((x) => Agreement.dueDate(x.due) < today).map((x) => x.key).sort()
    assert.deepStrictEqual(keys, expected)
    for (const o of Agreement.overdue(a, today)) assert.isAbove(o.daysOverdue, 0)
  })

  it.effect("is stored and read back", () =>
    Effect.gen(function*() {
      yield* GovernmentAgreement2014.load
      const stored = yield* (yield* Agreement.Store).get(a.id)
      assert.deepStrictEqual(stored, { ...a, version: 1 })
    }).pipe(Effect.provide(Stores.layerMemory)))
})
