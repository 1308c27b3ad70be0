/**
 * Exchange rates as a port: an amount in one currency on a value date, in another currency.
 * Core ships a dated rate table ({@link layerTable}); an adapter may read a central bank's
 * published rates instead.
 *
 * **Details**
 *
 * A rate is data: `{ from: "BWP", to: "SEK", date: "2021-03-15", rate: "0.78" }` means one
 * BWP is 0.78 SEK on that date. Rates are decimal strings and conversion is exact rational
 * arithmetic on minor units, rounded once to the nearest minor unit (halves up): no floats.
 * The table answers with the rate of the value date, or of the latest earlier date within
 * `maxAgeDays` (rates are not published on weekends and holidays); otherwise it fails with
 * {@link MissingRate}. A table with only `SEK → BWP` also answers `BWP → SEK` (the inverse).
 *
 * @module
 * @group Funding
 * @since 0.1.0
 */
import { Context, Effect, Layer, Order, Result, Schema } from "effect"
import { CalendarDate } from "../CalendarDate.ts"
import * as Money from "../Money.ts"
import * as Validation from "../Validation.ts"

/**
 * A positive decimal rate, as a string (`"0.7812"`), at most 12 digits on each side.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Decimal = Schema.String.check(
  Schema.isPattern(/^\d{1,12}(\.\d{1,12})?$/, Validation.message({
    sv: "Förväntade en kurs i decimalform som 0.7812 (siffror, eventuellt '.' och decimaler)",
    en: "Expected a decimal rate such as 0.7812 (digits, optional '.' and decimals)"
  })),
  Schema.makeFilter((s) => /[1-9]/.test(s), Validation.message({
    sv: "Förväntade en kurs över noll",
    en: "Expected a rate above zero"
  }, "positive-rate"))
)

/**
 * One published rate: one unit of `from` is `rate` units of `to` on `date`.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Rate = Schema.Struct({
  from: Money.CurrencyCode,
  to: Money.CurrencyCode,
  date: CalendarDate,
  rate: Decimal
})
/**
 * @category models
 * @since 0.1.0
 */
export type Rate = typeof Rate.Type

/**
 * A table of rates: at most one rate per currency pair and date, never from a currency to itself.
 *
 * @category schemas
 * @since 0.1.0
 */
export const RateTable = Schema.Array(Rate).check(
  Schema.makeFilter((rates) => {
    const issues: Array<Schema.FilterIssue> = []
    const seen = new Set<string>()
    rates.forEach((r, i) => {
      const key = `${r.from}/${r.to}/${r.date}`
      if (seen.has(key)) issues.push({ path: [i, "date"], issue: Validation.invalid({ sv: `Kursen ${r.from}→${r.to} den ${r.date} förekommer två gånger`, en: `Duplicate rate ${r.from}→${r.to} on ${r.date}` }, "unique-rate") })
      seen.add(key)
      if (r.from === r.to) issues.push({ path: [i, "to"], issue: Validation.invalid({ sv: "En kurs räknar om mellan två olika valutor", en: "A rate converts between two different currencies" }, "different-currencies") })
    })
    return issues
  })
)

/**
 * The rate used for a conversion: the pair, the date asked for, the date of the rate found,
 * the rate as published and whether it was applied inverted.
 *
 * @category models
 * @since 0.1.0
 */
export interface Quote {
  /** The currency converted from. */
  readonly from: Money.CurrencyCode
  /** The currency converted to. */
  readonly to: Money.CurrencyCode
  /** The value date asked for. */
  readonly valueDate: CalendarDate
  /** The date of the rate used (the value date or an earlier one). */
  readonly rateDate: CalendarDate
  /** The rate as published, `from` → `to` unless `inverted`. */
  readonly rate: string
  /** Whether the table held the opposite pair and the rate was inverted. */
  readonly inverted: boolean
}

/**
 * The result of a conversion: the original amount, the converted amount and the quote.
 *
 * @category models
 * @since 0.1.0
 */
export interface Conversion {
  /** The amount as spent. */
  readonly original: Money.Money
  /** The amount in the target currency. */
  readonly converted: Money.Money
  /** The rate used. */
  readonly quote: Quote
}

/**
 * No rate for a currency pair on a date (nor within the allowed days before it); `entry` and
 * `field` name what needed it when the caller knows (as {@link Expenses.convert} does).
 *
 * **Details**
 *
 * Not a refusal: the entry breaks no rule, the rate table lacks a rate. Add the rate (or allow
 * older ones with `maxAgeDays`) and try again.
 *
 * @category errors
 * @since 0.1.0
 */
export class MissingRate extends Schema.TaggedError<MissingRate>()("MissingRate", {
  from: Schema.String,
  to: Schema.String,
  date: Schema.String,
  maxAgeDays: Schema.Int,
  /** The entry (an expense id) whose amount needed the rate, when known. */
  entry: Schema.optionalKey(Schema.String),
  /** The entry's field that needed the rate (`amount`), when known. */
  field: Schema.optionalKey(Schema.String)
}) {
  /** @since 0.1.0 */
  override get message(): string {
    const where = this.entry === undefined ? "" : ` (${this.entry}${this.field === undefined ? "" : `.${this.field}`})`
    return `No exchange rate ${this.from}→${this.to} for ${this.date} (nor in the ${this.maxAgeDays} days before)${where}`
  }
}

/**
 * The exchange-rates port.
 *
 * @category services
 * @since 0.1.0
 */
export class ExchangeRates extends Context.Service<ExchangeRates, {
  /** The rate for `from` → `to` on `date`. */
  readonly quote: (from: Money.CurrencyCode, to: Money.CurrencyCode, date: CalendarDate) => Effect.Effect<Quote, MissingRate>
  /** `money` in `to` on `date`. */
  readonly convert: (
    money: Money.Money,
    to: Money.CurrencyCode,
    date: CalendarDate
  ) => Effect.Effect<Conversion, MissingRate | Money.AmountOutOfRange>
}>()("@localrights/core/ExchangeRates") {}

const parse = (rate: string): { readonly num: bigint; readonly den: bigint } => {
  const [whole, frac = ""] = rate.split(".")
  return { num: BigInt(whole! + frac), den: 10n ** BigInt(frac.length) }
}

const dayNumber = (date: string): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000

/**
 * Applies a quote to an amount: exact, rounded once to the nearest minor unit (halves up).
 *
 * @category rules
 * @since 0.1.0
 */
export const apply = (quote: Quote, money: Money.Money): Result.Result<Money.Money, Money.CurrencyMismatch | Money.AmountOutOfRange> => {
  if (money.currency !== quote.from) {
    return Result.fail(Money.currencyMismatch("ExchangeRates.apply", quote.from, money.currency))
  }
  if (quote.from === quote.to) return Result.succeed(money)
  const { num, den } = parse(quote.rate)
  const [n, d] = quote.inverted ? [den, num] : [num, den]
  const shift = Money.exponent(quote.to) - Money.exponent(quote.from)
  const top = BigInt(money.minor) * n * (shift > 0 ? 10n ** BigInt(shift) : 1n)
  const bottom = d * (shift < 0 ? 10n ** BigInt(-shift) : 1n)
  const minor = (2n * top + bottom) / (2n * bottom)
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) {
    return Result.fail(Money.amountOutOfRange("ExchangeRates.convert", Number(minor), quote.to))
  }
  return Result.succeed({ minor: Number(minor), currency: quote.to })
}

/**
 * Options for a rate table.
 *
 * @category models
 * @since 0.1.0
 */
export interface TableOptions {
  /** How many days before the value date a rate may be taken from; 7 unless given, 0 for the exact date only. */
  readonly maxAgeDays?: number | undefined
}

/**
 * The port over a decoded rate table.
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromTable = (rates: ReadonlyArray<Rate>, options?: TableOptions): ExchangeRates["Service"] => {
  const maxAgeDays = options?.maxAgeDays ?? 7
  const byPair = new Map<string, Array<Rate>>()
  for (const r of rates) {
    const key = `${r.from}/${r.to}`
    const list = byPair.get(key)
    if (list === undefined) byPair.set(key, [r])
    else list.push(r)
  }
  for (const list of byPair.values()) list.sort(Order.mapInput(Order.String, (r: (typeof list)[number]) => r.date))

  const latest = (key: string, date: CalendarDate): Rate | undefined => {
    const list = byPair.get(key)
    if (list === undefined) return undefined
    let lo = 0
    let hi = list.length - 1
    let found: Rate | undefined
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (list[mid]!.date <= date) {
        found = list[mid]
        lo = mid + 1
      } else hi = mid - 1
    }
    return found !== undefined && dayNumber(date) - dayNumber(found.date) <= maxAgeDays ? found : undefined
  }

  const quote = Effect.fn("ExchangeRates.quote")(function*(from: Money.CurrencyCode, to: Money.CurrencyCode, date: CalendarDate) {
    if (from === to) return { from, to, valueDate: date, rateDate: date, rate: "1", inverted: false } satisfies Quote
    const direct = latest(`${from}/${to}`, date)
    const inverse = latest(`${to}/${from}`, date)
    // the more recent of the two; the direct rate on a tie
    const use = direct !== undefined && (inverse === undefined || direct.date >= inverse.date) ? direct : inverse
    if (use === undefined) return yield* new MissingRate({ from, to, date, maxAgeDays })
    return { from, to, valueDate: date, rateDate: use.date, rate: use.rate, inverted: use === inverse && use !== direct } satisfies Quote
  })

  const convert = Effect.fn("ExchangeRates.convert")(function*(money: Money.Money, to: Money.CurrencyCode, date: CalendarDate) {
    const q = yield* quote(money.currency, to, date)
    const converted = apply(q, money)
    // the quote is for money's own currency, so only an overflow can fail here
    if (Result.isFailure(converted)) return yield* Effect.fail(converted.failure as Money.AmountOutOfRange)
    return { original: money, converted: converted.success, quote: q } satisfies Conversion
  })

  return { quote, convert }
}

const decodeTable = Validation.decoder(RateTable, "RateTable")

/**
 * The port as a layer over a dated rate table given as data; fails with a
 * `ValidationError` naming the entry and field when the table is malformed.
 *
 * @example
 * ```ts
 * import { ExchangeRates } from "@localrights/core"
 * const Rates = ExchangeRates.layerTable([{ from: "BWP", to: "SEK", date: "2021-03-15", rate: "0.78" }])
 * ```
 *
 * @category layers
 * @since 0.1.0
 */
export const layerTable = (
  rates: ReadonlyArray<{ readonly from: string; readonly to: string; readonly date: string; readonly rate: string }>,
  options?: TableOptions
): Layer.Layer<ExchangeRates, Validation.ValidationError> =>
  Layer.effect(ExchangeRates, Effect.map(decodeTable(rates), (table) => fromTable(table, options)))
