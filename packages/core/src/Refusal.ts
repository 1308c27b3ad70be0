/**
 * One shape for every refusal: a domain error names its subject (what was refused: a
 * partnership, a budget, an input) and lists every violation at once, each with the field, the
 * rule, the value found and an explanation in Swedish and English. Callers handle all refusals
 * alike: {@link isRefusal}, `error.violations`, `error.explain(lang)`.
 *
 * **Details**
 *
 * Each refusal is its own `Schema.TaggedError` class (`TransitionRefused`, `BudgetRefused`,
 * `ValidationError`, ...), declared with {@link Refusal}, so `Effect.catchTag` still tells
 * them apart; what they carry is the same.
 *
 * @example
 * ```ts
 * import { Refusal } from "@localrights/core"
 *
 * class NameRefused extends Refusal.Refusal<NameRefused>()("NameRefused") {}
 *
 * const error = new NameRefused({
 *   subject: { kind: "organisation", id: "lund" },
 *   violations: [Refusal.violation("name", "non-empty", "", {
 *     sv: "Namnet får inte vara tomt.",
 *     en: "The name must not be empty."
 *   })]
 * })
 * error.explain("sv") // "organisation lund: name: Namnet får inte vara tomt."
 * ```
 *
 * @module
 * @group Kernel
 * @since 0.2.0
 */
import { type Cause, Predicate, Schema } from "effect"
import type { Lang } from "./LocalizedText.ts"

/**
 * Text a person reads, in both languages (a refusal always explains itself in both).
 *
 * @category schemas
 * @since 0.2.0
 */
export const Explanation = Schema.Struct({ sv: Schema.String, en: Schema.String })
/**
 * @category models
 * @since 0.2.0
 */
export type Explanation = typeof Explanation.Type

/**
 * One broken rule: where (`field`, a path such as `lines[2].amount`, empty for the subject as
 * a whole), which rule (`rule`, a stable kebab-case id such as `eligible-partner-country`), the
 * value found (`value`, as short text, absent when nothing was there), and why, in Swedish and
 * English (`text`).
 *
 * @category models
 * @since 0.2.0
 */
export class Violation extends Schema.Class<Violation>("@localrights/core/Refusal/Violation")({
  field: Schema.String,
  rule: Schema.String,
  value: Schema.optionalKey(Schema.String),
  text: Explanation
}) {}

/**
 * Builds a {@link Violation}. A value that is not a string is shown as JSON, cut to 80
 * characters; `undefined` leaves it out.
 *
 * @category constructors
 * @since 0.2.0
 */
export const violation = (field: string, rule: string, value: unknown, text: Explanation): Violation =>
  new Violation({ field, rule, ...(value === undefined ? {} : { value: show(value) }), text })

/**
 * What was refused: the kind of thing (`partnership`, `budget`, `InterestForm`) and its id
 * when it has one.
 *
 * @category models
 * @since 0.2.0
 */
export const Subject = Schema.Struct({
  kind: Schema.String,
  id: Schema.optionalKey(Schema.String)
})
/**
 * @category models
 * @since 0.2.0
 */
export type Subject = typeof Subject.Type

/**
 * The fields every refusal carries.
 *
 * @category schemas
 * @since 0.2.0
 */
export const fields = {
  subject: Subject,
  violations: Schema.NonEmptyArray(Violation)
}

/**
 * What every refusal offers, whatever its tag.
 *
 * @category models
 * @since 0.2.0
 */
export interface Refusal {
  readonly _tag: string
  readonly subject: Subject
  readonly violations: readonly [Violation, ...Array<Violation>]
  /** Every violation, one per line, in `lang`. */
  readonly explain: (lang: Lang) => string
}

const TypeId = "~@localrights/core/Refusal"

/**
 * What a refusal class adds to its fields: `explain(lang)`.
 *
 * @category models
 * @since 0.2.0
 */
export interface Explains {
  /** @internal */
  readonly [TypeId]: typeof TypeId
  /** Every violation, one per line, in `lang`. */
  explain(lang: Lang): string
}

/**
 * Declares a refusal class: a `Schema.TaggedError` with the refusal {@link fields} (plus
 * `extra` fields of its own) and `explain(lang)`. Its `message` is the English explanation.
 *
 * @category constructors
 * @since 0.2.0
 */
export const Refusal = <Self>() =>
<const Tag extends string, const Extra extends Schema.Struct.Fields = {}>(
  tag: Tag,
  extra?: Extra
): Schema.Class<Self, Schema.TaggedStruct<Tag, typeof fields & Extra>, Cause.YieldableError & Explains> => {
  class Base extends Schema.TaggedError<Base>()(tag, { ...fields, ...(extra ?? {}) }) {
    readonly [TypeId] = TypeId
    explain(lang: Lang): string {
      return explain(this as unknown as Refusal, lang)
    }
    override get message(): string {
      return explain(this as unknown as Refusal, "en")
    }
  }
  return Base as never
}

/**
 * Whether a value is a refusal (any tag).
 *
 * @category guards
 * @since 0.2.0
 */
export const isRefusal = (u: unknown): u is Refusal => Predicate.hasProperty(u, TypeId)

const subjectLine = (s: Subject): string => (s.id === undefined ? s.kind : `${s.kind} ${s.id}`)

/**
 * A refusal in one language: the subject, then every violation with its field.
 *
 * @category rendering
 * @since 0.2.0
 */
export const explain = (refusal: Pick<Refusal, "subject" | "violations">, lang: Lang): string => {
  const lines = refusal.violations.map((v) => `${v.field === "" ? "" : `${v.field}: `}${v.text[lang]}`)
  return lines.length === 1 ? `${subjectLine(refusal.subject)}: ${lines[0]}` : `${subjectLine(refusal.subject)}:\n- ${lines.join("\n- ")}`
}

const show = (value: unknown): string => {
  if (typeof value === "string") return value.length > 80 ? `${value.slice(0, 77)}...` : value
  let json: string | undefined
  try {
    json = JSON.stringify(value)
  } catch {
    json = undefined
  }
  const text = json ?? String(value)
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}
