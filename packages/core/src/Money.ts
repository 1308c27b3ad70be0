/**
 * Money as integer minor units (öre, cents, thebe, ngwee) plus an ISO 4217 currency code.
 * There are no floats anywhere: SEK 300 000 is `{ minor: 30000000, currency: "SEK" }`.
 *
 * @module
 * @group Kernel
 * @since 0.1.0
 */
import { Result, Schema } from "effect"
import { currencies } from "./internal/data/currencies.ts"

const names: ReadonlyMap<string, string> = new Map(currencies)

/**
 * An active ISO 4217 currency code from the IATI Currency codelist (`SEK`, `ZAR`, `BWP`, `ZMW`).
 *
 * @category schemas
 * @since 0.1.0
 */
export const CurrencyCode = Schema.Literals(currencies.map(([code]) => code)).annotate({
  expected: "an ISO 4217 currency code from the IATI Currency codelist (for example SEK, ZAR, BWP, ZMW)"
}).pipe(Schema.brand("CurrencyCode"))
/**
 * @category models
 * @since 0.1.0
 */
export type CurrencyCode = typeof CurrencyCode.Type

/**
 * A whole, non-negative, safe-integer number of minor units.
 *
 * @category schemas
 * @since 0.1.0
 */
export const MinorUnits = Schema.Int.check(
  Schema.isGreaterThanOrEqualTo(0, { message: "Expected a non-negative amount (minor units)" }),
  Schema.isLessThanOrEqualTo(Number.MAX_SAFE_INTEGER, { message: "Expected an amount below 2^53 minor units" })
)

/**
 * An amount of money: whole minor units and a currency.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Money = Schema.Struct({
  minor: MinorUnits,
  currency: CurrencyCode
})
/**
 * @category models
 * @since 0.1.0
 */
export type Money = typeof Money.Type

// ISO 4217 currencies with no minor unit or with three decimals; every other code has two.
const exponents: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0,
  VUV: 0, XAF: 0, XOF: 0, XPF: 0, BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3
}

/**
 * Digits after the decimal point for a currency (2 for SEK, ZAR, BWP, ZMW).
 *
 * @category rules
 * @since 0.1.0
 */
export const exponent = (currency: CurrencyCode): number => exponents[currency] ?? 2

/**
 * Money from whole minor units. The amount must be a non-negative safe integer; use
 * `Validation.decoder(Money.Money, ...)` for untrusted input.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (minor: number, currency: CurrencyCode): Money => ({ minor, currency })

/**
 * Swedish kronor from whole kronor: `Money.sek(300_000)` is SEK 300 000.
 *
 * @category constructors
 * @since 0.1.0
 */
export const sek = (kronor: number): Money => ({ minor: kronor * 100, currency: "SEK" as CurrencyCode })

/**
 * The currency's name as the IATI codelist gives it.
 *
 * @category rules
 * @since 0.1.0
 */
export const currencyName = (currency: CurrencyCode): string => names.get(currency) ?? currency

/**
 * Formats for a person: `300 000,00 kr`-style grouping per language (`sv`: `300 000,00 SEK`,
 * `en`: `SEK 300,000.00`). Works on the integer minor units only.
 *
 * @category rendering
 * @since 0.1.0
 */
export const format = (money: Money, lang: "sv" | "en"): string => {
  const e = exponent(money.currency)
  const whole = Math.trunc(money.minor / 10 ** e)
  const fraction = String(money.minor % 10 ** e).padStart(e, "0")
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "sv" ? "\u00a0" : ",")
  const number = e === 0 ? grouped : `${grouped}${lang === "sv" ? "," : "."}${fraction}`
  return lang === "sv" ? `${number}\u00a0${money.currency}` : `${money.currency}\u00a0${number}`
}

/**
 * Two amounts in different currencies were combined without a conversion. Convert one of them
 * first (through the `ExchangeRates` port).
 *
 * @category errors
 * @since 0.1.0
 */
export class CurrencyMismatch extends Schema.TaggedError<CurrencyMismatch>()("CurrencyMismatch", {
  operation: Schema.String,
  left: Schema.String,
  right: Schema.String
}) {
  /** @since 0.1.0 */
  override get message(): string {
    return `${this.operation}: cannot combine ${this.left} with ${this.right} without a conversion`
  }
}

/**
 * A result outside the range of {@link MinorUnits}: below zero (`negative`, as when subtracting
 * more than there is) or above 2^53 minor units (`overflow`). `minor` is the exact result.
 *
 * @category errors
 * @since 0.1.0
 */
export class AmountOutOfRange extends Schema.TaggedError<AmountOutOfRange>()("AmountOutOfRange", {
  operation: Schema.String,
  reason: Schema.Literals(["negative", "overflow"]),
  minor: Schema.Number,
  currency: Schema.String
}) {
  /** @since 0.1.0 */
  override get message(): string {
    return this.reason === "negative"
      ? `${this.operation}: the result (${this.minor} minor units of ${this.currency}) would be below zero`
      : `${this.operation}: the result would exceed 2^53 minor units of ${this.currency}`
  }
}

/**
 * Weights that {@link allocate} cannot split by: none, negative, fractional, or all zero.
 *
 * @category errors
 * @since 0.1.0
 */
export class InvalidWeights extends Schema.TaggedError<InvalidWeights>()("InvalidWeights", {
  weights: Schema.Array(Schema.Number),
  detail: Schema.String
}) {
  /** @since 0.1.0 */
  override get message(): string {
    return `Cannot allocate by weights [${this.weights.join(", ")}]: ${this.detail}`
  }
}

const checked = (operation: string, minor: number, currency: CurrencyCode): Result.Result<Money, AmountOutOfRange> =>
  minor < 0
    ? Result.fail(new AmountOutOfRange({ operation, reason: "negative", minor, currency }))
    : minor > Number.MAX_SAFE_INTEGER
    ? Result.fail(new AmountOutOfRange({ operation, reason: "overflow", minor, currency }))
    : Result.succeed({ minor, currency })

const mismatch = (operation: string, a: Money, b: Money) =>
  Result.fail(new CurrencyMismatch({ operation, left: a.currency, right: b.currency }))

/**
 * Zero in a currency.
 *
 * @category constructors
 * @since 0.1.0
 */
export const zero = (currency: CurrencyCode): Money => ({ minor: 0, currency })

/**
 * `a + b`, in the same currency.
 *
 * @category rules
 * @since 0.1.0
 */
export const add = (a: Money, b: Money): Result.Result<Money, CurrencyMismatch | AmountOutOfRange> =>
  a.currency !== b.currency ? mismatch("Money.add", a, b) : checked("Money.add", a.minor + b.minor, a.currency)

/**
 * `a - b`, in the same currency. Money is never negative: when `b` is larger the result is an
 * {@link AmountOutOfRange} with reason `negative` (and the exact signed result in `minor`). Use
 * {@link difference} for a signed result, such as what remains of a budget.
 *
 * @category rules
 * @since 0.1.0
 */
export const subtract = (a: Money, b: Money): Result.Result<Money, CurrencyMismatch | AmountOutOfRange> =>
  a.currency !== b.currency ? mismatch("Money.subtract", a, b) : checked("Money.subtract", a.minor - b.minor, a.currency)

/**
 * The signed difference `a - b` in minor units (negative when `b` is larger): for headroom,
 * overspend and what remains.
 *
 * @category rules
 * @since 0.1.0
 */
export const difference = (a: Money, b: Money): Result.Result<number, CurrencyMismatch> =>
  a.currency !== b.currency
    ? Result.fail(new CurrencyMismatch({ operation: "Money.difference", left: a.currency, right: b.currency }))
    : Result.succeed(a.minor - b.minor)

/**
 * Compares two amounts of the same currency: -1, 0 or 1.
 *
 * @category rules
 * @since 0.1.0
 */
export const compare = (a: Money, b: Money): Result.Result<-1 | 0 | 1, CurrencyMismatch> =>
  a.currency !== b.currency
    ? Result.fail(new CurrencyMismatch({ operation: "Money.compare", left: a.currency, right: b.currency }))
    : Result.succeed(a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : 0)

/**
 * The sum of amounts, all in `currency` (zero for none).
 *
 * @category rules
 * @since 0.1.0
 */
export const sum = (
  currency: CurrencyCode,
  amounts: Iterable<Money>
): Result.Result<Money, CurrencyMismatch | AmountOutOfRange> => {
  let total = 0
  for (const m of amounts) {
    if (m.currency !== currency) {
      return Result.fail(new CurrencyMismatch({ operation: "Money.sum", left: currency, right: m.currency }))
    }
    total += m.minor
  }
  return checked("Money.sum", total, currency)
}

/**
 * Splits an amount by whole-number weights with no minor unit lost or invented: the parts add
 * up to the whole exactly. Each part gets its share rounded down; the units left over go one
 * each to the parts with the largest remainders (ties to the earlier part).
 *
 * @example
 * ```ts
 * import { Money } from "@localrights/core"
 * Money.allocate(Money.make(100, "SEK" as Money.CurrencyCode), [1, 1, 1]) // 34, 33, 33 öre
 * ```
 *
 * @category rules
 * @since 0.1.0
 */
export const allocate = (money: Money, weights: ReadonlyArray<number>): Result.Result<Array<Money>, InvalidWeights> => {
  if (weights.length === 0) return Result.fail(new InvalidWeights({ weights, detail: "no weights given" }))
  let total = 0n
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) {
      return Result.fail(new InvalidWeights({ weights, detail: "weights must be whole, non-negative numbers" }))
    }
    total += BigInt(w)
  }
  if (total === 0n) return Result.fail(new InvalidWeights({ weights, detail: "the weights add up to zero" }))
  const whole = BigInt(money.minor)
  const parts = weights.map((w) => (whole * BigInt(w)) / total)
  const remainders = weights.map((w, i) => ({ i, r: (whole * BigInt(w)) % total }))
  let left = whole - parts.reduce((a, b) => a + b, 0n)
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1))
  for (let k = 0; left > 0n; k++, left--) parts[remainders[k]!.i]! += 1n
  return Result.succeed(parts.map((p) => ({ minor: Number(p), currency: money.currency })))
}

/**
 * The amount as a plain decimal number for machines (CSV, IATI XML): `300000.00`, `-0.05`,
 * `1500` for a currency without minor units. Exact: works on the integer minor units only.
 *
 * @category rendering
 * @since 0.1.0
 */
export const toDecimal = (money: Money): string => {
  const e = exponent(money.currency)
  if (e === 0) return String(money.minor)
  const abs = Math.abs(money.minor)
  return `${money.minor < 0 ? "-" : ""}${Math.trunc(abs / 10 ** e)}.${String(abs % 10 ** e).padStart(e, "0")}`
}
