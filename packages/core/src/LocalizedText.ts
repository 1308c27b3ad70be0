/**
 * Text in Swedish and English. At least one language is present; a lookup falls back to the
 * other language and says which one it returned.
 *
 * @module
 * @group Kernel
 * @since 0.1.0
 */
import { Schema } from "effect"
import type { Exit } from "effect"
import * as Validation from "./Validation.ts"

/**
 * The languages every person-readable text exists in.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Lang = Schema.Literals(["sv", "en"])
/**
 * @category models
 * @since 0.1.0
 */
export type Lang = typeof Lang.Type

const Text = Schema.String.check(Schema.isNonEmpty(Validation.message({
  sv: "Förväntade en text som inte är tom",
  en: "Expected a non-empty text"
})))

// `Schema.isMinProperties(1)` with our text: its annotations (rule `min-properties`, the text,
// JSON Schema `minProperties: 1`, the arbitrary's constraint) are kept as they are below.
const atLeastOne = Schema.isMinProperties(
  1,
  Validation.message({
    sv: "Förväntade en text på minst ett språk (sv eller en)",
    en: "Expected a text in at least one language (sv or en)"
  })
)

/**
 * A text in `sv` and/or `en`; at least one of them.
 *
 * @category schemas
 * @since 0.1.0
 */
export const LocalizedText = Schema.Struct({
  sv: Schema.optionalKey(Text),
  en: Schema.optionalKey(Text)
}).check(
  // with unknown fields refused, one entry means sv or en is present. The same check as
  // `atLeastOne`, written out because it runs on every text of every decode: the built-in
  // predicate lists every key (`Reflect.ownKeys`, an array per call), while a decoded text has
  // `sv` or `en` as an own key and needs no list; any other object falls back to the list, so
  // the answer is the same for every input.
  Schema.makeFilter<{ readonly sv?: string; readonly en?: string }>(
    (t) => Object.hasOwn(t, "sv") || Object.hasOwn(t, "en") || Reflect.ownKeys(t).length >= 1,
    atLeastOne.annotations
  )
)
/**
 * @category models
 * @since 0.1.0
 */
export type LocalizedText = typeof LocalizedText.Type

/**
 * The result of a lookup: the text, the language it is in, and whether that is a fallback.
 *
 * @category models
 * @since 0.1.0
 */
export interface Resolved {
  readonly text: string
  readonly lang: Lang
  readonly fallback: boolean
}

const decode = Validation.decoderExit(LocalizedText, "LocalizedText")

/**
 * A text in both languages from plain strings, checked: a `ValidationError` naming `sv` or
 * `en` when one is empty.
 *
 * @example
 * ```ts
 * import { LocalizedText } from "@localrights/core"
 *
 * LocalizedText.make("Mänskliga rättigheter", "Human rights") // Exit.succeed({ sv: ..., en: ... })
 * LocalizedText.make("", "Human rights") // Exit.fail(ValidationError): sv, min-length
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (sv: string, en: string): Exit.Exit<LocalizedText, Validation.ValidationError> => decode({ sv, en })

/**
 * A text known in one language only, checked like {@link make}.
 *
 * @category constructors
 * @since 0.1.0
 */
export const only = (lang: Lang, text: string): Exit.Exit<LocalizedText, Validation.ValidationError> =>
  decode(lang === "sv" ? { sv: text } : { en: text })

/**
 * The text in `lang`, or in the other language with `fallback: true`.
 *
 * @example
 * ```ts
 * import { LocalizedText } from "@localrights/core"
 * LocalizedText.get({ en: "Human Rights" }, "sv") // { text: "Human Rights", lang: "en", fallback: true }
 * ```
 *
 * @category rules
 * @since 0.1.0
 */
export const get = (text: LocalizedText, lang: Lang): Resolved => {
  const wanted = text[lang]
  if (wanted !== undefined) return { text: wanted, lang, fallback: false }
  const other: Lang = lang === "sv" ? "en" : "sv"
  return { text: text[other] ?? "", lang: other, fallback: true }
}

/**
 * The text in `lang` or its fallback, as a plain string.
 *
 * @category rules
 * @since 0.1.0
 */
export const text = (value: LocalizedText, lang: Lang): string => get(value, lang).text

/**
 * Whether both languages are present.
 *
 * @category guards
 * @since 0.1.0
 */
export const isComplete = (text: LocalizedText): boolean => text.sv !== undefined && text.en !== undefined
