import { assert, describe, it } from "@effect/vitest"
import { Budget, ChangeLog, ExchangeRates, Expenses, FundingRuleSet, Money, Stores } from "@localrights/core"
import { Effect, Layer, Result } from "effect"
import * as fc from "fast-check"

const SEK = "SEK" as Money.CurrencyCode
const BWP = "BWP" as Money.CurrencyCode
const money = (minor: number, currency: string) => Effect.runSync(Money.make(minor, currency))

// Illustrative rate, not a published figure.
const Rates = ExchangeRates.layerTable([{ from: "BWP", to: "SEK", date: "2021-03-15", rate: "0.78" }])

const entry = (id: string, amount: Money.Money, fields: Partial<Expenses.Entry> = {}): Expenses.Entry => ({
  id,
  date: "2021-03-15" as never,
  phase: "preparation",
  year: 1,
  category: "travel",
  purpose: "exchange-trip",
  side: "swedish",
  amount,
  ...fields
})

const budget = new Budget.Budget({
  id: "lund-prep" as never,
  partnership: "lund-francistown" as never,
  scope: "preparation",
  currency: SEK,
  lines: [
    { id: "travel", phase: "preparation", year: 1, category: "travel", purpose: "exchange-trip", side: "swedish", amount: Money.sek(200_000) },
    { id: "lodging", phase: "preparation", year: 1, category: "accommodation", purpose: "exchange-trip", side: "swedish", amount: Money.sek(100_000) }
  ],
  version: 1
})
const ledger = (expenses: ReadonlyArray<Expenses.Expense>) =>
  new Expenses.Ledger({ id: "lund-ledger" as never, partnership: "lund-francistown" as never, expenses, version: 0 })

describe("Expenses.convert", () => {
  it.effect("keeps the original currency and amount, the value date and the SEK amount", () =>
    Effect.gen(function*() {
      const e = yield* Expenses.convert(entry("hotel", money(10_000_00, BWP), { category: "accommodation", side: "international" }))
      assert.deepStrictEqual(e.original, money(10_000_00, BWP))
      assert.deepStrictEqual(e.sek, Money.sek(7_800))
      assert.strictEqual(e.valueDate, "2021-03-15")
      assert.deepStrictEqual(e.rate, { rate: "0.78", rateDate: "2021-03-15", inverted: false })
      const sek = yield* Expenses.convert(entry("train", Money.sek(1_200)))
      assert.deepStrictEqual(sek.sek, Money.sek(1_200))
    }).pipe(Effect.provide(Rates)))

  it.effect("a missing rate for the value date is a typed error naming currency and date", () =>
    Effect.gen(function*() {
      const err = yield* Effect.flip(Expenses.convert(entry("late", money(100, BWP), { valueDate: "2022-01-10" as never })))
      assert.strictEqual(err._tag, "MissingRate")
      if (err._tag === "MissingRate") {
        assert.deepStrictEqual([err.entry, err.field, err.from, err.date], ["late", "amount", "BWP", "2022-01-10"])
        assert.include(err.message, "late.amount")
      }
    }).pipe(Effect.provide(Rates)))

  it.effect("bad entries name the field", () =>
    Effect.gen(function*() {
      const good = { id: "a", date: "2021-03-15", phase: "preparation", year: 1, category: "travel", purpose: "exchange-trip", side: "swedish", amount: { minor: 1, currency: "BWP" } }
      const paths = (input: unknown) => Expenses.decodeEntry(input).pipe(Effect.flip, Effect.map((e) => e.violations.map((v) => v.field)))
      assert.deepStrictEqual(yield* paths({ ...good, amount: { minor: -5, currency: "BWP" } }), ["amount.minor"])
      assert.deepStrictEqual(yield* paths({ ...good, amount: { minor: 1.25, currency: "BWP" } }), ["amount.minor"])
      assert.deepStrictEqual(yield* paths({ ...good, amount: { minor: 1, currency: "PULA" } }), ["amount.currency"])
      assert.deepStrictEqual(yield* paths({ ...good, category: "souvenirs" }), ["category"])
      assert.deepStrictEqual(yield* paths({ ...good, valueDate: "2021-02-29" }), ["valueDate"])
    }))
})

describe("Expenses.record", () => {
  it.effect("records an entry in a stored ledger under the change's expected version", () =>
    Effect.gen(function*() {
      const store = yield* Expenses.Store
      yield* store.create(ledger([]), ChangeLog.change("lund", "ledger opened"))
      const first = yield* Expenses.record("lund-ledger", entry("train", Money.sek(1_200)), ChangeLog.change("lund", "train ticket", 1))
      assert.strictEqual(first.ledger.version, 2)
      assert.deepStrictEqual(first.ledger.expenses, [first.expense])
      assert.deepStrictEqual(first.expense.sek, Money.sek(1_200))
      const stale = yield* Expenses.record("lund-ledger", entry("taxi", Money.sek(300)), ChangeLog.change("lund", "taxi", 1)).pipe(Effect.flip)
      assert.strictEqual(stale._tag, "VersionConflict")
      const unstated = yield* Expenses.record("lund-ledger", entry("taxi", Money.sek(300)), ChangeLog.change("lund", "taxi") as ChangeLog.Update).pipe(Effect.flip)
      assert.deepStrictEqual(unstated._tag === "VersionConflict" ? [unstated.kind, unstated.expected, unstated.actual] : unstated._tag, ["expense-ledger", -1, 2])
      const twice = yield* Expenses.record("lund-ledger", entry("train", Money.sek(1_200)), ChangeLog.change("lund", "again", 2)).pipe(Effect.flip)
      assert.strictEqual(twice._tag, "ValidationError")
      const stored = yield* store.get("lund-ledger")
      assert.deepStrictEqual([stored.version, stored.expenses.length], [2, 1])
      assert.deepStrictEqual((yield* store.history("lund-ledger")).map((r) => [r.actor, r.command]), [
        ["lund", "CreateExpenseLedger"],
        ["lund", "RecordExpense"]
      ])
    }).pipe(Effect.provide(Layer.mergeAll(Rates, Stores.layerMemory))))
})

describe("Expenses ledger", () => {
  it.effect("append refuses a duplicate id, naming the expense", () =>
    Effect.gen(function*() {
      const e = yield* Expenses.convert(entry("a", Money.sek(1)))
      const one = Result.getOrThrow(Expenses.append(ledger([]), e))
      const dup = Expenses.append(one, e)
      assert.isTrue(Result.isFailure(dup) && dup.failure.violations[0].field === "expenses[1].id")
    }).pipe(Effect.provide(Rates)))

  it.effect("budget against actual per phase and category, with overspend and rule warnings", () =>
    Effect.gen(function*() {
      const expenses = [
        yield* Expenses.convert(entry("flights", Money.sek(150_000))),
        yield* Expenses.convert(entry("hotel", money(150_000_00, BWP), { category: "accommodation" })), // SEK 117 000
        yield* Expenses.convert(entry("taxi", Money.sek(40_000), { purpose: "project-activity" }))
      ]
      const report = Result.getOrThrow(Expenses.compare(budget, ledger(expenses), FundingRuleSet.icldMr2020))
      assert.deepStrictEqual(
        report.rows.map((r) => [r.phase, r.category, r.budgeted.minor, r.actual.minor, r.remaining.minor, r.overspend.minor]),
        [
          ["preparation", "travel", 20_000_000, 19_000_000, 1_000_000, 0],
          ["preparation", "accommodation", 10_000_000, 11_700_000, 0, 1_700_000]
        ]
      )
      assert.deepStrictEqual(report.phases.map((p) => [p.budgeted.minor, p.actual.minor, p.overspend.minor]), [[30_000_000, 30_700_000, 700_000]])
      assert.deepStrictEqual(report.warnings.map((w) => w._tag === "Overspend" ? w._tag : `${w._tag}:${w.violation.rule}`), [
        "Overspend",
        "RuleExceeded:preparation-cap",
        "RuleExceeded:eligible-costs"
      ])
      for (const w of report.warnings) assert.isTrue(w.message.sv !== undefined && w.message.en !== undefined)
      assert.include(report.warnings[0]!.message.sv!, "logi")
    }).pipe(Effect.provide(Rates)))

  it("compare refuses a budget that is not in SEK", () => {
    const bwp = new Budget.Budget({ ...budget, currency: BWP, lines: [] })
    const r = Expenses.compare(bwp, ledger([]))
    assert.isTrue(Result.isFailure(r) && r.failure._tag === "CurrencyMismatch")
  })

  it("remaining and overspend add up to the budget for every row (property)", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 50_000_000 }), { maxLength: 8 }), (amounts) => {
      const expenses = amounts.map((m, i): Expenses.Expense => ({
        id: `e${i}`,
        date: "2021-03-15" as never,
        phase: "preparation",
        year: 1,
        category: i % 2 ? "travel" : "accommodation",
        purpose: "exchange-trip",
        side: "swedish",
        original: money(m, SEK),
        valueDate: "2021-03-15" as never,
        sek: money(m, SEK),
        rate: { rate: "1", rateDate: "2021-03-15" as never, inverted: false }
      }))
      const report = Result.getOrThrow(Expenses.compare(budget, ledger(expenses)))
      for (const r of report.rows) {
        assert.strictEqual(r.budgeted.minor - r.actual.minor, r.remaining.minor - r.overspend.minor)
        assert.isTrue(r.remaining.minor === 0 || r.overspend.minor === 0)
      }
      const actual = report.rows.reduce((a, r) => a + r.actual.minor, 0)
      assert.strictEqual(actual, amounts.reduce((a, b) => a + b, 0))
      assert.strictEqual(report.warnings.length, report.rows.filter((r) => r.overspend.minor > 0).length)
    }))
  })
})
