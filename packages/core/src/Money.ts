/**
 * Money as integer minor units (öre, cents, thebe, ngwee) plus an ISO 4217 currency code.
 * There are no floats anywhere: SEK 300 000 is `{ minor: 30000000, currency: "SEK" }`.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { currencies } from "./internal/data/currencies.ts"

const names: ReadonlyMap<string, string> = new Map(currencies)

/**
 * An active ISO 4217 currency code from the IATI Currency codelist (`SEK`, `ZAR`, `BWP`, `ZMW`).
 *
 * @category schemas
 * @since 0.1.0
 */
export const CurrencyCode = Schema.String.check(
  Schema.makeFilter((code) => names.has(code), {
    message: "Expected an ISO 4217 currency code from the IATI Currency codelist (for example SEK, ZAR, BWP, ZMW)"
  })
).pipe(Schema.brand("CurrencyCode"))
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
