/**
 * Money as integer minor units (öre, cents, thebe, ngwee) plus an ISO 4217 currency code.
 * There are no floats anywhere: SEK 300 000 is `{ minor: 30000000, currency: "SEK" }`.
 *
 * @module
 * @group Kernel
 * @since 0.1.0
 */
import { Array as Arr, Exit, Order, Result, Schema } from "effect"
import { currencies } from "./internal/data/currencies.ts"
import * as Refusal from "./Refusal.ts"
import * as Validation from "./Validation.ts"
import { codelist } from "./internal/codelist.ts"

const names: ReadonlyMap<string, string> = new Map(currencies)
const known: ReadonlyArray<string> = currencies.map(([code]) => code)

/**
 * An active ISO 4217 currency code from the IATI Currency codelist (`SEK`, `ZAR`, `BWP`, `ZMW`):
 * a branded string checked against the codelist (rule `codelist`), so the type reads
 * `CurrencyCode` wherever it is used. JSON Schema lists the codes as an `enum`.
 *
 * @category schemas
 * @since 0.1.0
 */
export const CurrencyCode = codelist(known, {
  sv: "Förväntade en valutakod enligt ISO 4217 ur IATI:s kodlista (till exempel SEK, ZAR, BWP, ZMW)",
  en: "Expected an ISO 4217 currency code from the IATI Currency codelist (for example SEK, ZAR, BWP, ZMW)"
}).pipe(Schema.brand("CurrencyCode"))
/**
 * @category models
 * @since 0.1.0
 */
export type CurrencyCode = typeof CurrencyCode.Type

/**
 * A currency code from a plain string, checked against the codelist: a `ValidationError`
 * (rule `codelist`) for an unknown code.
 *
 * @example
 * ```ts
 * import { Money } from "@localrights/core"
 *
 * Money.currency("ZAR") // Exit.succeed("ZAR")
 * Money.currency("XYZ") // Exit.fail(ValidationError): rule codelist
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const currency: (code: string) => Exit.Exit<CurrencyCode, Validation.ValidationError> = Validation
  .decoderExit(CurrencyCode, "CurrencyCode")

/**
 * Swedish kronor, South African rand, Botswana pula, Zambian kwacha: the currencies of the
 * seed programme, as typed codes.
 *
 * @category constructors
 * @since 0.2.0
 */
export const SEK = "SEK" as CurrencyCode
/**
 * @category constructors
 * @since 0.2.0
 */
export const ZAR = "ZAR" as CurrencyCode
/**
 * @category constructors
 * @since 0.2.0
 */
export const BWP = "BWP" as CurrencyCode
/**
 * @category constructors
 * @since 0.2.0
 */
export const ZMW = "ZMW" as CurrencyCode

/**
 * A whole, non-negative, safe-integer number of minor units.
 *
 * @category schemas
 * @since 0.1.0
 */
export const MinorUnits = Schema.Int.check(
  Schema.isGreaterThanOrEqualTo(
    0,
    Validation.message({ sv: "Förväntade ett belopp som inte är negativt (minsta enheter)", en: "Expected a non-negative amount (minor units)" })
  ),
  Schema.isLessThanOrEqualTo(
    Number.MAX_SAFE_INTEGER,
    Validation.message({ sv: "Förväntade ett belopp under 2^53 minsta enheter", en: "Expected an amount below 2^53 minor units" })
  )
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

const decodeMoney = Validation.decoderExit(Money, "Money")

/**
 * Money from whole minor units and a plain currency code, checked: a `ValidationError` naming
 * `minor` (not a non-negative safe integer) or `currency` (not in the codelist). Like every
 * kernel `make`, it returns an `Exit`: yield it in `Effect.gen`, or check it synchronously.
 *
 * @example
 * ```ts
 * import { Money } from "@localrights/core"
 * import { Effect } from "effect"
 *
 * Money.make(-1, "SEK") // Exit.fail(ValidationError): minor, greater-than-or-equal-to
 *
 * const program = Effect.gen(function*() {
 *   const pula = yield* Money.make(45_000_00, "BWP") // BWP 45 000.00
 *   return Money.format(pula, "en")
 * })
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (minor: number, currency: string): Exit.Exit<Money, Validation.ValidationError> =>
  decodeMoney({ minor, currency })

/**
 * Money from an amount in major units (kronor, rand, dollars) and a plain currency code,
 * checked: at most as many decimals as the currency has (two for SEK, none for JPY, three for
 * KWD), not negative, a known currency.
 *
 * @example
 * ```ts
 * import { Money } from "@localrights/core"
 *
 * Money.of(300_000, "SEK") // Exit.succeed({ minor: 30000000, currency: "SEK" })
 * Money.of(1_234.5, "ZAR") // Exit.succeed({ minor: 123450, currency: "ZAR" })
 * Money.of(0.125, "SEK") // Exit.fail(ValidationError): amount, decimals
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const of = (major: number, currency: string): Exit.Exit<Money, Validation.ValidationError> => {
  const e = exponents[currency] ?? 2
  const minor = Math.round(major * 10 ** e)
  if (Number.isFinite(major) && minor / 10 ** e !== major) {
    return Exit.fail(
      new Validation.ValidationError({
        subject: { kind: "Money" },
        violations: [
          Refusal.violation("amount", "decimals", String(major), {
            sv: `Förväntade högst ${e} decimaler för ${currency}`,
            en: `Expected at most ${e} decimals for ${currency}`
          })
        ]
      })
    )
  }
  return make(Number.isFinite(major) ? minor : major, currency)
}

/**
 * Swedish kronor from whole kronor, for amounts written in code (rule caps, examples, tests):
 * `Money.sek(300_000)` is SEK 300 000. It does not check its argument; for input use
 * `Money.of(kronor, "SEK")`, which does.
 *
 * @category constructors
 * @since 0.1.0
 */
export const sek = (kronor: number): Money => ({ minor: Math.round(kronor * 100), currency: SEK })

/**
 * The currency's name as the IATI codelist gives it.
 *
 * @category rules
 * @since 0.1.0
 */
export const currencyName = (currency: CurrencyCode): string => names.get(currency) ?? currency

/**
 * Formats for a person, with the currency's own number of decimals: `sv` groups thousands with
 * a no-break space and writes a decimal comma and the code after (`300 000,00 SEK`,
 * `-1 234,50 SEK`), `en` groups with commas and writes a decimal point and the code before
 * (`SEK 300,000.00`, `SEK -1,234.50`); the code is joined by a no-break space. A signed amount
 * (a difference, an overspend) keeps its sign before the digits. Exact: works on the integer
 * minor units only.
 *
 * **Details**
 *
 * The number is what `Intl.NumberFormat` gives for `sv-SE` and `en-US` with
 * `{ minimumFractionDigits: e, maximumFractionDigits: e }` (`e` the currency's
 * {@link exponent}), except that the minus sign is always the ASCII hyphen-minus (`sv-SE`
 * writes U+2212).
 *
 * @category rendering
 * @since 0.1.0
 */
export const format = (money: Money, lang: "sv" | "en"): string => {
  const e = exponent(money.currency)
  const unit = 10 ** e
  const abs = Math.abs(money.minor)
  const rest = abs % unit
  const whole = (abs - rest) / unit
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "sv" ? "\u00a0" : ",")
  const digits = e === 0 ? grouped : `${grouped}${lang === "sv" ? "," : "."}${String(rest).padStart(e, "0")}`
  const number = money.minor < 0 ? `-${digits}` : digits
  return lang === "sv" ? `${number}\u00a0${money.currency}` : `${money.currency}\u00a0${number}`
}

/**
 * Two amounts in different currencies were combined without a conversion: a refusal whose
 * subject is the operation (`money Money.add`) and whose violation names the currency (rule
 * `same-currency`). Convert one of them first (through the `ExchangeRates` port).
 *
 * @category errors
 * @since 0.1.0
 */
export class CurrencyMismatch extends Refusal.Refusal<CurrencyMismatch>()("CurrencyMismatch", {
  /** The operation that combined them (`Money.add`, `Budget.evaluate`). */
  operation: Schema.String,
  /** The currency expected. */
  left: Schema.String,
  /** The currency found. */
  right: Schema.String
}) {}

/**
 * The {@link CurrencyMismatch} of combining `left` with `right` in `operation`.
 *
 * @category constructors
 * @since 0.2.0
 */
export const currencyMismatch = (operation: string, left: string, right: string): CurrencyMismatch =>
  new CurrencyMismatch({
    subject: { kind: "money", id: operation },
    violations: [
      Refusal.violation("currency", "same-currency", right, {
        sv: `${left} och ${right} kan inte räknas samman utan en omräkning.`,
        en: `${left} and ${right} cannot be combined without a conversion.`
      })
    ],
    operation,
    left,
    right
  })

/**
 * A result outside the range of {@link MinorUnits}: below zero (rule `non-negative`, as when
 * subtracting more than there is) or above 2^53 minor units (rule `at-most-2^53`). `minor` is
 * the exact result.
 *
 * @category errors
 * @since 0.1.0
 */
export class AmountOutOfRange extends Refusal.Refusal<AmountOutOfRange>()("AmountOutOfRange", {
  /** The operation whose result is out of range. */
  operation: Schema.String,
  /** The exact result, in minor units. */
  minor: Schema.Number,
  /** The currency of the result. */
  currency: Schema.String
}) {}

/**
 * The {@link AmountOutOfRange} of a result of `minor` units in `operation`.
 *
 * @category constructors
 * @since 0.2.0
 */
export const amountOutOfRange = (operation: string, minor: number, currency: string): AmountOutOfRange =>
  new AmountOutOfRange({
    subject: { kind: "money", id: operation },
    violations: [
      minor < 0
        ? Refusal.violation("minor", "non-negative", minor, {
          sv: `Resultatet (${minor} minsta enheter ${currency}) skulle bli negativt.`,
          en: `The result (${minor} minor units of ${currency}) would be below zero.`
        })
        : Refusal.violation("minor", "at-most-2^53", minor, {
          sv: `Resultatet skulle överstiga 2^53 minsta enheter ${currency}.`,
          en: `The result would exceed 2^53 minor units of ${currency}.`
        })
    ],
    operation,
    minor,
    currency
  })

/**
 * Weights that {@link allocate} cannot split by: none (rule `some-weights`), negative or
 * fractional (rule `whole-non-negative`, one violation per such weight), or all zero (rule
 * `non-zero-total`).
 *
 * @category errors
 * @since 0.1.0
 */
export class InvalidWeights extends Refusal.Refusal<InvalidWeights>()("InvalidWeights", {
  /** The weights given. */
  weights: Schema.Array(Schema.Number)
}) {}

const invalidWeights = (weights: ReadonlyArray<number>, violations: [Refusal.Violation, ...Array<Refusal.Violation>]) =>
  Result.fail(new InvalidWeights({ subject: { kind: "weights" }, violations, weights: [...weights] }))

const checked = (operation: string, minor: number, currency: CurrencyCode): Result.Result<Money, AmountOutOfRange> =>
  minor < 0 || minor > Number.MAX_SAFE_INTEGER
    ? Result.fail(amountOutOfRange(operation, minor, currency))
    : Result.succeed({ minor, currency })

const mismatch = (operation: string, a: Money, b: Money) => Result.fail(currencyMismatch(operation, a.currency, b.currency))

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
    ? Result.fail(currencyMismatch("Money.difference", a.currency, b.currency))
    : Result.succeed(a.minor - b.minor)

/**
 * Compares two amounts of the same currency: -1, 0 or 1.
 *
 * @category rules
 * @since 0.1.0
 */
export const compare = (a: Money, b: Money): Result.Result<-1 | 0 | 1, CurrencyMismatch> =>
  a.currency !== b.currency
    ? Result.fail(currencyMismatch("Money.compare", a.currency, b.currency))
    : Result.succeed(Order.Number(a.minor, b.minor))

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
      return Result.fail(currencyMismatch("Money.sum", currency, m.currency))
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
 * Money.allocate({ minor: 100, currency: Money.SEK }, [1, 1, 1]) // 34, 33, 33 öre
 * ```
 *
 * @category rules
 * @since 0.1.0
 */
export const allocate = (money: Money, weights: ReadonlyArray<number>): Result.Result<Array<Money>, InvalidWeights> => {
  if (weights.length === 0) {
    return invalidWeights(weights, [
      Refusal.violation("weights", "some-weights", undefined, { sv: "Inga vikter har angetts.", en: "No weights are given." })
    ])
  }
  const bad: Array<Refusal.Violation> = []
  weights.forEach((w, i) => {
    if (Number.isSafeInteger(w) && w >= 0) return
    bad.push(Refusal.violation(`weights[${i}]`, "whole-non-negative", w, {
      sv: `Vikten ${w} ska vara ett heltal som inte är negativt.`,
      en: `The weight ${w} must be a whole, non-negative number.`
    }))
  })
  if (Arr.isArrayNonEmpty(bad)) return invalidWeights(weights, bad)
  let total = 0n
  for (const w of weights) total += BigInt(w)
  if (total === 0n) {
    return invalidWeights(weights, [
      Refusal.violation("weights", "non-zero-total", weights, { sv: "Vikterna summerar till noll.", en: "The weights add up to zero." })
    ])
  }
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
