import { assert, describe, it } from "@effect/vitest"
import { CalendarDate, ExchangeRates, Money } from "@localrights/core"
import { Effect, Layer, Result } from "effect"
import * as fc from "fast-check"

const c = (code: string) => code as Money.CurrencyCode
const money = (minor: number, currency: string) => Effect.runSync(Money.make(minor, currency))
const d = (date: string) => date as CalendarDate.CalendarDate

// Illustrative rates for the tests, not published figures.
const table = [
  { from: "BWP", to: "SEK", date: "2021-03-12", rate: "0.78" },
  { from: "BWP", to: "SEK", date: "2021-03-15", rate: "0.7812" },
  { from: "SEK", to: "ZAR", date: "2021-03-15", rate: "1.75" },
  { from: "ZMW", to: "SEK", date: "2021-03-15", rate: "0.3849" }
]
const Rates = ExchangeRates.layerTable(table)

describe("ExchangeRates.layerTable", () => {
  it.effect("converts on the value date, exactly, rounding once to the nearest öre", () =>
    Effect.gen(function*() {
      const rates = yield* ExchangeRates.ExchangeRates
      const r = yield* rates.convert(money(1_000_00, c("BWP")), c("SEK"), d("2021-03-15"))
      assert.deepStrictEqual(r.converted, money(781_20, c("SEK")))
      assert.deepStrictEqual(r.original, money(1_000_00, c("BWP")))
      assert.deepStrictEqual([r.quote.rateDate, r.quote.rate, r.quote.inverted], ["2021-03-15", "0.7812", false])
      // 0.01 BWP × 0.7812 = 0.7812 öre → 1 öre; 0.5 öre rounds up
      assert.strictEqual((yield* rates.convert(money(1, c("BWP")), c("SEK"), d("2021-03-15"))).converted.minor, 1)
      const half = yield* ExchangeRates.ExchangeRates.use((s) => s.convert(money(1, c("ZMW")), c("SEK"), d("2021-03-15")))
      assert.strictEqual(half.converted.minor, 0) // 0.3849 öre
    }).pipe(Effect.provide(Rates)))

  it.effect("takes the latest earlier rate within maxAgeDays (weekends), and the inverse pair", () =>
    Effect.gen(function*() {
      const rates = yield* ExchangeRates.ExchangeRates
      const sat = yield* rates.quote(c("BWP"), c("SEK"), d("2021-03-13"))
      assert.deepStrictEqual([sat.rateDate, sat.rate], ["2021-03-12", "0.78"])
      const inv = yield* rates.convert(money(175_00, c("ZAR")), c("SEK"), d("2021-03-16"))
      assert.deepStrictEqual(inv.converted, money(100_00, c("SEK")))
      assert.isTrue(inv.quote.inverted)
      const same = yield* rates.convert(Money.sek(5), c("SEK"), d("2000-01-01"))
      assert.deepStrictEqual(same.converted, Money.sek(5))
    }).pipe(Effect.provide(Rates)))

  it.effect("a missing rate is a typed error naming the currencies and the date", () =>
    Effect.gen(function*() {
      const rates = yield* ExchangeRates.ExchangeRates
      const before = yield* Effect.flip(rates.convert(money(1, c("BWP")), c("SEK"), d("2021-03-01")))
      assert.strictEqual(before._tag, "MissingRate")
      if (before._tag === "MissingRate") assert.deepStrictEqual([before.from, before.to, before.date], ["BWP", "SEK", "2021-03-01"])
      const stale = yield* Effect.flip(rates.quote(c("BWP"), c("SEK"), d("2021-04-30")))
      assert.include(stale.message, "2021-04-30")
      const unknownPair = yield* Effect.flip(rates.quote(c("USD"), c("SEK"), d("2021-03-15")))
      assert.strictEqual(unknownPair.from, "USD")
    }).pipe(Effect.provide(Rates)))

  it.effect("maxAgeDays 0 wants the exact date", () =>
    Effect.gen(function*() {
      const rates = yield* ExchangeRates.ExchangeRates
      const err = yield* Effect.flip(rates.quote(c("BWP"), c("SEK"), d("2021-03-13")))
      assert.strictEqual(err.maxAgeDays, 0)
    }).pipe(Effect.provide(ExchangeRates.layerTable(table, { maxAgeDays: 0 }))))

  it.effect("a malformed table fails with errors naming the entry and field", () =>
    Effect.gen(function*() {
      const bad = [
        { from: "BWP", to: "SEK", date: "2021-03-15", rate: "0.78" },
        { from: "XXQ", to: "SEK", date: "2021-03-15", rate: "1" },
        { from: "ZAR", to: "SEK", date: "2021-02-30", rate: "1" },
        { from: "ZAR", to: "SEK", date: "2021-03-01", rate: "-1" },
        { from: "ZAR", to: "SEK", date: "2021-03-02", rate: "0.000" },
        { from: "SEK", to: "SEKK", date: "2021-03-02", rate: "1" }
      ]
      const err = yield* Effect.flip(Layer.build(ExchangeRates.layerTable(bad)))
      assert.strictEqual(err._tag, "ValidationError")
      assert.deepStrictEqual(err.violations.map((v) => v.field).sort(), ["[1].from", "[2].date", "[3].rate", "[4].rate", "[5].to"])
      // table-wide checks run once every entry is well formed
      const ambiguous = [
        { from: "BWP", to: "SEK", date: "2021-03-15", rate: "0.78" },
        { from: "BWP", to: "SEK", date: "2021-03-15", rate: "0.79" },
        { from: "SEK", to: "SEK", date: "2021-03-02", rate: "1" }
      ]
      const err2 = yield* Effect.flip(Layer.build(ExchangeRates.layerTable(ambiguous)))
      assert.deepStrictEqual(err2.violations.map((v) => v.field), ["[1].date", "[2].to"])
    }).pipe(Effect.scoped))

  it("apply is exact: the result is within half a minor unit of amount × rate, halves up (property)", () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 10 ** 12 }),
      fc.integer({ min: 1, max: 10 ** 6 }),
      (minor, micro) => {
        const rate = `${Math.trunc(micro / 10_000)}.${String(micro % 10_000).padStart(4, "0")}`
        const q: ExchangeRates.Quote = { from: c("BWP"), to: c("SEK"), valueDate: d("2021-03-15"), rateDate: d("2021-03-15"), rate, inverted: false }
        const out = Result.getOrThrow(ExchangeRates.apply(q, money(minor, c("BWP"))))
        // |out − minor × rate| ≤ 1/2, in exact integers: |out × 10^4 − minor × micro| ≤ 5 000
        const delta = BigInt(out.minor) * 10_000n - BigInt(minor) * BigInt(micro)
        assert.isTrue(delta <= 5_000n && delta >= -5_000n)
        assert.isTrue(delta !== 5_000n * -1n) // halves round up, never down
      }
    ))
  })

  it("apply refuses money in another currency than the quote's", () => {
    const q: ExchangeRates.Quote = { from: c("BWP"), to: c("SEK"), valueDate: d("2021-03-15"), rateDate: d("2021-03-15"), rate: "1", inverted: false }
    const r = ExchangeRates.apply(q, Money.sek(1))
    assert.isTrue(Result.isFailure(r) && r.failure._tag === "CurrencyMismatch")
  })

  it("converts between currencies with different exponents", () => {
    const q: ExchangeRates.Quote = { from: c("SEK"), to: c("JPY"), valueDate: d("2021-03-15"), rateDate: d("2021-03-15"), rate: "12.5", inverted: false }
    assert.deepStrictEqual(ExchangeRates.apply(q, Money.sek(2)), Result.succeed(money(25, c("JPY"))))
  })
})
