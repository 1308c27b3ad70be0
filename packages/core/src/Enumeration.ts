/**
 * Enumerations written once: a table from each value to its names in Swedish and English gives
 * the schema (a `Schema.Literals` of the values, in table order) and the names, so a new
 * value cannot be added without its names.
 *
 * @example
 * ```ts
 * import { Enumeration } from "@localrights/core"
 *
 * const Verdict = Enumeration.make({
 *   pass: { sv: "Godkänd", en: "Pass" },
 *   fail: { sv: "Underkänd", en: "Fail" }
 * })
 * type Verdict = typeof Verdict.Type // "pass" | "fail"
 *
 * Verdict.values // ["pass", "fail"]
 * Verdict.nameOf("pass", "sv") // "Godkänd"
 * Verdict.names.fail // { sv: "Underkänd", en: "Fail" }
 * ```
 *
 * @module
 * @group Kernel
 * @since 0.2.0
 */
import { Schema } from "effect"
import type { Lang } from "./LocalizedText.ts"

/**
 * The names of one value, in both languages.
 *
 * @category models
 * @since 0.2.0
 */
export interface Names {
  readonly sv: string
  readonly en: string
}

/**
 * An enumeration: the `Schema.Literals` of its values (use it as a field schema; it decodes
 * and encodes like any literal union), with the values in table order and their names.
 *
 * @category models
 * @since 0.2.0
 */
export interface Enumeration<K extends string> extends Schema.Literals<ReadonlyArray<K>> {
  /** Every value, in table order. */
  readonly values: ReadonlyArray<K>
  /** The names of each value in both languages. */
  readonly names: Readonly<Record<K, Names>>
  /** The name of `value` in `lang`. */
  readonly nameOf: (value: K, lang: Lang) => string
}

/**
 * Builds an {@link Enumeration} from its table: each key is a value, each entry its names.
 *
 * @category constructors
 * @since 0.2.0
 */
export const make = <const T extends Readonly<Record<string, Names>>>(table: T): Enumeration<keyof T & string> => {
  type K = keyof T & string
  const values = Object.keys(table) as Array<K>
  const names = table as unknown as Readonly<Record<K, Names>>
  return Object.assign(Schema.Literals(values), {
    values,
    names,
    nameOf: (value: K, lang: Lang): string => names[value][lang]
  })
}
