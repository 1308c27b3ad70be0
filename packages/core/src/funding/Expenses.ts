/**
 * The expenses ledger: actual costs with date, category, purpose, the original currency and
 * amount, the value date and the SEK amount (through the {@link ExchangeRates.ExchangeRates}
 * port), and budget against actual per phase and category with overspend warnings.
 *
 * @module
 * @group Funding
 * @since 0.1.0
 */
import { Effect, Result, Schema } from "effect"
import * as Budget from "./Budget.ts"
import { CalendarDate } from "../CalendarDate.ts"
import { Version } from "../ChangeLog.ts"
import * as Construct from "../Construct.ts"
import type * as ChangeLog from "../ChangeLog.ts"
import { type NotFound, type StoreError, VersionConflict } from "../store/DocumentStore.ts"
import * as ExchangeRates from "./ExchangeRates.ts"
import * as FundingRuleSet from "./FundingRuleSet.ts"
import { BudgetId, LedgerId, PartnershipId } from "../Ids.ts"
import { LocalizedText } from "../LocalizedText.ts"
import * as Money from "../Money.ts"
import * as Refusal from "../Refusal.ts"
import * as Validation from "../Validation.ts"
import * as EntityStore from "../store/EntityStore.ts"

const SEK = "SEK" as Money.CurrencyCode

/**
 * An actual cost as entered: what, when, for what, who spent it, in which currency.
 * `valueDate` (the date the amount is converted on) is the cost's date unless given.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Entry = Schema.Struct({
  id: Budget.LineId,
  date: CalendarDate,
  ...FundingRuleSet.costFields,
  amount: Money.Money,
  valueDate: Schema.optionalKey(CalendarDate),
  description: Schema.optionalKey(LocalizedText)
})
/**
 * An actual cost as entered (the fields of {@link FundingRuleSet.costFields}, with the date,
 * amount, value date and description).
 *
 * @category models
 * @since 0.1.0
 */
export interface Entry extends Schema.Schema.Type<typeof Entry> {}

/**
 * An expense entry from plain values (`amount: { minor: 4_500_000, currency: "BWP" }`,
 * `date: "2021-03-15"`).
 *
 * @category constructors
 * @since 0.2.0
 */
export const makeEntry = Construct.make(Entry, "Expense")

/**
 * Decodes an untrusted expense entry; problems name the field (`amount.currency`).
 *
 * @category constructors
 * @since 0.1.0
 */
export const decodeEntry = Construct.decode(makeEntry)

/**
 * The rate a cost was converted with.
 *
 * @category schemas
 * @since 0.1.0
 */
export const AppliedRate = Schema.Struct({
  rate: ExchangeRates.Decimal,
  rateDate: CalendarDate,
  inverted: Schema.Boolean
})

/**
 * A recorded cost: the entry with its value date, its SEK amount and the rate used.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Expense = Schema.Struct({
  id: Budget.LineId,
  date: CalendarDate,
  ...FundingRuleSet.costFields,
  original: Money.Money,
  valueDate: CalendarDate,
  sek: Money.Money,
  rate: AppliedRate,
  description: Schema.optionalKey(LocalizedText)
})
/**
 * A recorded cost (the fields of {@link FundingRuleSet.costFields}, with the original amount,
 * its value date, the SEK amount and the rate used).
 *
 * @category models
 * @since 0.1.0
 */
export interface Expense extends Schema.Schema.Type<typeof Expense> {}

const ledgerChecks = Schema.makeFilter<{ readonly expenses: ReadonlyArray<Expense> }>((l) => {
  const issues: Array<Schema.FilterIssue> = []
  const seen = new Set<string>()
  let total = 0
  l.expenses.forEach((e, i) => {
    if (seen.has(e.id)) issues.push({ path: ["expenses", i, "id"], issue: Validation.invalid({ sv: `Utgifts-id ${e.id} förekommer två gånger`, en: `Duplicate expense id ${e.id}` }, "unique-id") })
    seen.add(e.id)
    if (e.sek.currency !== SEK) issues.push({ path: ["expenses", i, "sek", "currency"], issue: Validation.invalid({ sv: `Förväntade SEK, fann ${e.sek.currency}`, en: `Expected SEK, found ${e.sek.currency}` }, "sek") })
    total += e.sek.minor
  })
  if (total > Number.MAX_SAFE_INTEGER) issues.push({ path: ["expenses"], issue: Validation.invalid({ sv: "Utgifterna blir tillsammans mer än 2^53 öre", en: "The expenses add up to more than 2^53 öre" }, "at-most-2^53") })
  return issues
})

/**
 * The ledger of one partnership's actual costs, optionally tied to the budget it is followed
 * against.
 *
 * @category schemas
 * @since 0.1.0
 */
export class Ledger extends Schema.Class<Ledger>("@localrights/core/Ledger")(
  Schema.Struct({
    id: LedgerId,
    partnership: PartnershipId,
    budget: Schema.optionalKey(BudgetId),
    expenses: Schema.Array(Expense),
    version: Version
  }).check(ledgerChecks)
) {}

/**
 * A ledger from plain values, at version 0 (not yet stored); no expenses unless given.
 *
 * @category constructors
 * @since 0.2.0
 */
export const makeLedger = Construct.make(Ledger, "Ledger", { expenses: [] })

/**
 * Decodes an untrusted ledger, with the defaults of {@link makeLedger}; problems name the
 * expense and field.
 *
 * @category constructors
 * @since 0.1.0
 */
export const decodeLedger = Construct.decode(makeLedger)

/**
 * Turns an entry into an expense, without recording it: its SEK amount through the
 * {@link ExchangeRates.ExchangeRates} port on the value date. Fails with `MissingRate` naming
 * the entry, its `amount` field, the currency and the date when there is no rate for that date.
 *
 * @category services
 * @since 0.2.0
 */
export const convert = Effect.fn("Expenses.convert")(function*(
  entry: Entry
): Effect.fn.Return<Expense, ExchangeRates.MissingRate | Money.AmountOutOfRange, ExchangeRates.ExchangeRates> {
  const valueDate = entry.valueDate ?? entry.date
  const { converted, quote } = yield* (yield* ExchangeRates.ExchangeRates).convert(entry.amount, SEK, valueDate).pipe(
    Effect.mapError((e) => e._tag === "MissingRate" ? new ExchangeRates.MissingRate({ ...e, entry: entry.id, field: "amount" }) : e)
  )
  const { amount, valueDate: _, ...rest } = entry
  return {
    ...rest,
    original: amount,
    valueDate,
    sek: converted,
    rate: { rate: quote.rate, rateDate: quote.rateDate, inverted: quote.inverted }
  }
})

/**
 * What {@link record} recorded: the expense as converted and the ledger with it, at its new
 * version.
 *
 * @category models
 * @since 0.2.0
 */
export interface Recorded {
  /** The expense, with its SEK amount and the rate used. */
  readonly expense: Expense
  /** The stored ledger with the expense. */
  readonly ledger: Ledger
}

/**
 * Records an actual cost in a stored ledger (the subject, by id): converts the entry with
 * {@link convert}, appends it with {@link append} and writes the ledger with the change. A
 * change whose `expectedVersion` is not the stored ledger's fails with `VersionConflict`
 * before anything is converted.
 *
 * @example
 * ```ts
 * import { ChangeLog, Expenses } from "@localrights/core"
 * declare const entry: Expenses.Entry
 * const program = Expenses.record("lund-francistown-ledger", entry, ChangeLog.change("lund", "Hotel invoice", 1))
 * ```
 *
 * @category services
 * @since 0.1.0
 */
export const record = Effect.fn("Expenses.record")(function*(
  ledger: string,
  entry: Entry,
  change: ChangeLog.Update
): Effect.fn.Return<
  Recorded,
  | ExchangeRates.MissingRate
  | Money.AmountOutOfRange
  | Validation.ValidationError
  | NotFound
  | VersionConflict
  | StoreError,
  ExchangeRates.ExchangeRates | Store
> {
  const store = yield* Store
  const current = yield* store.get(ledger)
  if (change.expectedVersion !== current.version) {
    return yield* new VersionConflict({ kind: store.kind, id: ledger, expected: change.expectedVersion ?? -1, actual: current.version })
  }
  const expense = yield* convert(entry)
  const appended = append(current, expense)
  if (Result.isFailure(appended)) return yield* appended.failure
  return { expense, ledger: yield* store.update(appended.success, change, { command: "RecordExpense" }) }
})

/**
 * The ledger with one more expense; a `ValidationError` at `expenses[i].id` when the id is
 * already used.
 *
 * @category constructors
 * @since 0.1.0
 */
export const append = (ledger: Ledger, expense: Expense): Result.Result<Ledger, Validation.ValidationError> => {
  const at = ledger.expenses.findIndex((e) => e.id === expense.id)
  if (at >= 0) {
    return Result.fail(
      new Validation.ValidationError({
        subject: { kind: "Ledger", id: ledger.id },
        violations: [
          new Refusal.Violation({
            field: `expenses[${ledger.expenses.length}].id`,
            rule: "unique-id",
            value: expense.id,
            text: {
              sv: `Utgifts-id ${expense.id} finns redan (på expenses[${at}])`,
              en: `Duplicate expense id ${expense.id} (already at expenses[${at}])`
            }
          })
        ]
      })
    )
  }
  return Result.succeed(new Ledger({ ...ledger, expenses: [...ledger.expenses, expense] }))
}

/**
 * Budget against actual for one phase and category.
 *
 * @category models
 * @since 0.1.0
 */
export interface Row {
  /** The phase. */
  readonly phase: FundingRuleSet.Phase
  /** The cost category. */
  readonly category: FundingRuleSet.CostCategory
  /** What the budget plans. */
  readonly budgeted: Money.Money
  /** What was spent (in SEK). */
  readonly actual: Money.Money
  /** What remains (zero when overspent). */
  readonly remaining: Money.Money
  /** How much more was spent than budgeted (zero when within budget). */
  readonly overspend: Money.Money
}

/**
 * A warning: spending above the budget for a phase and category (`Overspend`), or actual
 * costs that break a funding rule (`RuleExceeded`, with the violation).
 *
 * @category models
 * @since 0.1.0
 */
export type Warning =
  | {
    /** Discriminant. */
    readonly _tag: "Overspend"
    /** The row that is overspent. */
    readonly row: Row
    /** The explanation in both languages. */
    readonly message: LocalizedText
  }
  | {
    /** Discriminant. */
    readonly _tag: "RuleExceeded"
    /** The rule the actual costs break, as {@link Budget.evaluate} reports it. */
    readonly violation: Budget.Violation
    /** The explanation in both languages. */
    readonly message: LocalizedText
  }

/**
 * Budget against actual: rows per phase and category (phase order, then category order), totals
 * per phase, and warnings.
 *
 * @category models
 * @since 0.1.0
 */
export interface Report {
  /** One row per phase and category with a budget or an expense. */
  readonly rows: ReadonlyArray<Row>
  /** One row per phase, all categories together (`category` is absent). */
  readonly phases: ReadonlyArray<Omit<Row, "category">>
  /** Overspend and rule warnings. */
  readonly warnings: ReadonlyArray<Warning>
}

const row = <K extends object>(key: K, budgeted: number, actual: number): K & Omit<Row, "phase" | "category"> => ({
  ...key,
  budgeted: { minor: budgeted, currency: SEK },
  actual: { minor: actual, currency: SEK },
  remaining: { minor: Math.max(0, budgeted - actual), currency: SEK },
  overspend: { minor: Math.max(0, actual - budgeted), currency: SEK }
})

/**
 * Compares a SEK budget with the ledger: per phase and category, what was budgeted, spent and
 * remains, with a warning for every overspent row; with a rule set, also a warning for every
 * rule the actual costs break (caps, eligibility). Fails when the budget or the rule set is not in SEK.
 *
 * @category rules
 * @since 0.1.0
 */
export const compare = (
  budget: Budget.Budget,
  ledger: Ledger,
  rules?: FundingRuleSet.FundingRuleSet
): Result.Result<Report, Money.CurrencyMismatch> => {
  if (budget.currency !== SEK) {
    return Result.fail(Money.currencyMismatch("Expenses.compare", SEK, budget.currency))
  }
  if (rules !== undefined && rules.currency !== SEK) {
    return Result.fail(Money.currencyMismatch("Expenses.compare", SEK, rules.currency))
  }
  const key = (phase: string, category: string) => `${phase}/${category}`
  const budgeted = new Map<string, number>()
  const actual = new Map<string, number>()
  for (const l of budget.lines) budgeted.set(key(l.phase, l.category), (budgeted.get(key(l.phase, l.category)) ?? 0) + l.amount.minor)
  for (const e of ledger.expenses) actual.set(key(e.phase, e.category), (actual.get(key(e.phase, e.category)) ?? 0) + e.sek.minor)

  const rows: Array<Row> = []
  const phases: Array<Omit<Row, "category">> = []
  const warnings: Array<Warning> = []
  for (const phase of FundingRuleSet.Phase.literals) {
    let pb = 0
    let pa = 0
    for (const category of FundingRuleSet.CostCategory.literals) {
      const b = budgeted.get(key(phase, category))
      const a = actual.get(key(phase, category))
      if (b === undefined && a === undefined) continue
      const r = row({ phase, category }, b ?? 0, a ?? 0)
      rows.push(r)
      pb += b ?? 0
      pa += a ?? 0
      if (r.overspend.minor > 0) {
        const cat = FundingRuleSet.CostCategory.names[category]
        const ph = FundingRuleSet.Phase.names[phase]
        warnings.push({
          _tag: "Overspend",
          row: r,
          message: {
            sv: `Utfallet för ${cat.sv} under ${ph.sv} är ${Money.format(r.actual, "sv")}, budgeten ${Money.format(r.budgeted, "sv")}: ${Money.format(r.overspend, "sv")} över.`,
            en: `Actual ${cat.en} in ${ph.en} is ${Money.format(r.actual, "en")} against a budget of ${Money.format(r.budgeted, "en")}: ${Money.format(r.overspend, "en")} over.`
          }
        })
      }
    }
    if (pb > 0 || pa > 0) phases.push(row({ phase }, pb, pa))
  }

  if (rules !== undefined) {
    const asBudget = new Budget.Budget({
      id: budget.id,
      partnership: ledger.partnership,
      scope: "full",
      currency: SEK,
      lines: ledger.expenses.map((e) => ({
        id: e.id,
        phase: e.phase,
        year: e.year,
        category: e.category,
        purpose: e.purpose,
        side: e.side,
        ...(e.funding !== undefined ? { funding: e.funding } : {}),
        amount: e.sek
      })),
      version: 0
    })
    const evaluation = Budget.evaluate(rules, asBudget)
    if (Result.isSuccess(evaluation) && evaluation.success._tag === "Failed") {
      for (const v of evaluation.success.violations) {
        warnings.push({
          _tag: "RuleExceeded",
          violation: v,
          message: { sv: `Utfall: ${v.message.sv}`, en: `Actual costs: ${v.message.en}` }
        })
      }
    }
  }
  return Result.succeed({ rows, phases, warnings })
}

/**
 * The store of expense ledgers, with versions and change log: `Store.layer` derives it from the
 * document store (`Stores.layer` includes it); an adapter may provide it directly.
 *
 * @category services
 * @since 0.2.0
 */
export class Store extends EntityStore.Service<Store>()("expense-ledger", Ledger) {}
