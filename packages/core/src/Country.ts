/**
 * Countries as ISO 3166-1 alpha-2 codes, from the IATI Country codelist (withdrawn codes left
 * out). Attribution: IATI Standard (http://iatistandard.org/), CC BY 4.0.
 *
 * @module
 * @group Kernel
 * @since 0.1.0
 */
import { Schema } from "effect"
import type { Exit } from "effect"
import { countries } from "./internal/data/countries.ts"
import * as Validation from "./Validation.ts"
import { codelist } from "./internal/codelist.ts"

const names: ReadonlyMap<string, string> = new Map(countries)
const known: ReadonlyArray<string> = countries.map(([code]) => code)

/**
 * An ISO 3166-1 alpha-2 country code known to the IATI Country codelist (`SE`, `BW`, `ZA`, `ZM`):
 * a branded string checked against the codelist (rule `codelist`), so the type reads
 * `CountryCode` wherever it is used. JSON Schema lists the codes as an `enum`.
 *
 * @category schemas
 * @since 0.1.0
 */
export const CountryCode = codelist(known, {
  sv: "Förväntade en landskod enligt ISO 3166-1 alpha-2 ur IATI:s kodlista (till exempel SE, BW, ZA, ZM)",
  en: "Expected an ISO 3166-1 alpha-2 country code from the IATI Country codelist (for example SE, BW, ZA, ZM)"
}).pipe(Schema.brand("CountryCode"))
/**
 * @category models
 * @since 0.1.0
 */
export type CountryCode = typeof CountryCode.Type

/**
 * A country code from a plain string, checked against the codelist: a `ValidationError`
 * (rule `codelist`) for an unknown code.
 *
 * @example
 * ```ts
 * import { Country } from "@localrights/core"
 *
 * Country.make("BW") // Exit.succeed("BW")
 * Country.make("XX") // Exit.fail(ValidationError): rule codelist
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const make: (code: string) => Exit.Exit<CountryCode, Validation.ValidationError> = Validation.decoderExit(
  CountryCode,
  "CountryCode"
)

/**
 * Every known country code.
 *
 * @category constructors
 * @since 0.1.0
 */
export const codes: ReadonlyArray<CountryCode> = countries.map(([code]) => code as CountryCode)

/**
 * The English name of a country as the IATI codelist gives it.
 *
 * @category rules
 * @since 0.1.0
 */
export const name = (code: CountryCode): string => names.get(code) ?? code

/**
 * Whether `code` is a known country code.
 *
 * @category guards
 * @since 0.1.0
 */
export const isCountryCode = (code: string): code is CountryCode => names.has(code)

/**
 * Sweden, Botswana, South Africa, Zambia: the countries the seed programme uses.
 *
 * @category constructors
 * @since 0.1.0
 */
export const SE = "SE" as CountryCode
/**
 * @category constructors
 * @since 0.1.0
 */
export const BW = "BW" as CountryCode
/**
 * @category constructors
 * @since 0.1.0
 */
export const ZA = "ZA" as CountryCode
/**
 * @category constructors
 * @since 0.1.0
 */
export const ZM = "ZM" as CountryCode
