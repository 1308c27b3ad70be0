/**
 * Criteria frameworks for a rights-based assessment of applications and project plans, as
 * versioned data: principles with guiding questions and weights, a scoring scale, thresholds,
 * and the stages a framework applies to.
 *
 * **Details**
 *
 * A framework is identified by `id` and `version` together ({@link key}: `panel@1`). A
 * published version never changes: an assessment names the version it was made with, so a new
 * version never changes an old verdict. The built-in frameworks live in {@link Frameworks};
 * custom ones are decoded with {@link decode} and checked with {@link validate}.
 *
 * @module
 * @group Assessment
 * @since 0.1.0
 */
import { Array as Arr, Exit, Result, Schema } from "effect"
import { CalendarDate } from "../CalendarDate.ts"
import * as Construct from "../Construct.ts"
import * as Enumeration from "../Enumeration.ts"
import { CriteriaFrameworkId } from "../Ids.ts"
import * as LocalizedText from "../LocalizedText.ts"
import * as Refusal from "../Refusal.ts"
import * as Validation from "../Validation.ts"

/**
 * Id of a principle inside a framework: lower-case letters, digits and `-` (`participation`,
 * `non-discrimination`). Frameworks that share a principle use the same id, which is how the
 * {@link RightsSdgMap} links a principle to SDG targets across frameworks.
 *
 * @category schemas
 * @since 0.1.0
 */
export const PrincipleId = Schema.String.check(
  Schema.isPattern(/^[a-z0-9][a-z0-9-]{0,63}$/, Validation.message({
    sv: "Förväntade ett princip-id: små bokstäver, siffror och '-', högst 64 tecken",
    en: "Expected a principle id: lower-case letters, digits and '-', at most 64 characters"
  }))
).pipe(Schema.brand("PrincipleId"))
/**
 * @category models
 * @since 0.1.0
 */
export type PrincipleId = typeof PrincipleId.Type

/**
 * What is assessed: an application (for admission) or a project plan (for implementation).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Stage = Enumeration.make({
  "application": { sv: "Ansökan", en: "Application" },
  "project-plan": { sv: "Projektplan", en: "Project plan" }
})
/**
 * @category models
 * @since 0.1.0
 */
export type Stage = typeof Stage.Type

/**
 * A principle: name, description and guiding questions, its weight in the overall share, and
 * optionally its own minimum score (otherwise {@link Thresholds} `principleMinimum` applies).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Principle = Schema.Struct({
  id: PrincipleId,
  name: LocalizedText.LocalizedText,
  description: LocalizedText.LocalizedText,
  questions: Schema.Array(LocalizedText.LocalizedText),
  weight: Schema.Finite.check(Schema.isGreaterThan(0, Validation.message({
    sv: "Förväntade en vikt större än 0",
    en: "Expected a weight greater than 0"
  }))),
  minimum: Schema.optionalKey(Schema.Int),
  source: Schema.optionalKey(LocalizedText.LocalizedText)
})
/**
 * @category models
 * @since 0.1.0
 */
export type Principle = typeof Principle.Type

/**
 * The label of one point on the scale.
 *
 * @category schemas
 * @since 0.1.0
 */
export const ScaleLabel = Schema.Struct({ score: Schema.Int, label: LocalizedText.LocalizedText })
/**
 * @category models
 * @since 0.1.0
 */
export type ScaleLabel = typeof ScaleLabel.Type

/**
 * The scoring scale: whole points from `min` to `max`, with labels.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Scale = Schema.Struct({
  min: Schema.Int,
  max: Schema.Int,
  labels: Schema.Array(ScaleLabel)
}).check(Schema.makeFilter((s) => s.min < s.max, Validation.message({
  sv: "Förväntade att skalans min är lägre än dess max",
  en: "Expected the scale's min to be below its max"
}, "min-below-max")))
/**
 * @category models
 * @since 0.1.0
 */
export type Scale = typeof Scale.Type

/**
 * Thresholds: a principle scored below `principleMinimum` (or its own `minimum`) asks for
 * revision, one scored below `principleFloor` fails; the weighted share of the scale reached
 * over all principles (0 to 1) must be at least `overallShare` to pass.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Thresholds = Schema.Struct({
  principleMinimum: Schema.Int,
  principleFloor: Schema.Int,
  overallShare: Schema.Finite.check(
    Schema.isBetween({ minimum: 0, maximum: 1 }, Validation.message({
      sv: "Förväntade en andel från 0 till 1",
      en: "Expected a share from 0 to 1"
    }))
  )
})
/**
 * @category models
 * @since 0.1.0
 */
export type Thresholds = typeof Thresholds.Type

/**
 * The version of a framework: a whole number from 1.
 *
 * @category schemas
 * @since 0.1.0
 */
export const FrameworkVersion = Schema.Int.check(
  Schema.isGreaterThanOrEqualTo(1, Validation.message({
    sv: "Förväntade en version av ramverket: ett heltal från 1",
    en: "Expected a framework version: a whole number from 1"
  }))
)

/**
 * A reference to one version of a framework, as an assessment keeps it.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Ref = Schema.Struct({ id: CriteriaFrameworkId, version: FrameworkVersion })
/**
 * @category models
 * @since 0.1.0
 */
export type Ref = typeof Ref.Type

/**
 * A criteria framework, one version of it.
 *
 * **Details**
 *
 * `fallbackLanguage`, when set, is the language every text must exist in; the other language
 * may then be missing and readers get the fallback. Without it every text needs both `sv` and
 * `en` (see {@link validate}).
 *
 * @category schemas
 * @since 0.1.0
 */
export class CriteriaFramework extends Schema.Class<CriteriaFramework>("@localrights/core/CriteriaFramework")({
  id: CriteriaFrameworkId,
  version: FrameworkVersion,
  name: LocalizedText.LocalizedText,
  description: Schema.optionalKey(LocalizedText.LocalizedText),
  source: Schema.optionalKey(LocalizedText.LocalizedText),
  published: Schema.optionalKey(CalendarDate),
  appliesTo: Schema.NonEmptyArray(Stage),
  principles: Schema.NonEmptyArray(Principle),
  scale: Scale,
  thresholds: Thresholds,
  fallbackLanguage: Schema.optionalKey(LocalizedText.Lang)
}) {}

/**
 * A framework (the subject, `id@version`) that breaks one or more rules of {@link validate},
 * or that `CriteriaFrameworkStore.publish` will not publish; every
 * violation with field and rule.
 *
 * @category errors
 * @since 0.1.0
 */
export class FrameworkInvalid extends Refusal.Refusal<FrameworkInvalid>()("FrameworkInvalid") {}

/**
 * No framework with that id (rule `framework-exists`, field `framework.id`), or not in that
 * version (rule `framework-version-exists`, field `framework.version`); `known` lists the
 * versions that exist.
 *
 * @category errors
 * @since 0.1.0
 */
export class FrameworkNotFound extends Refusal.Refusal<FrameworkNotFound>()("FrameworkNotFound", {
  /** The versions of the framework that exist, oldest first (empty when the id is unknown). */
  known: Schema.Array(Schema.Number)
}) {}

/**
 * The refusal for a framework reference that names no known framework version.
 *
 * @category constructors
 * @since 0.2.0
 */
export const notFound = (wanted: { readonly id: string; readonly version?: number | undefined }, known: ReadonlyArray<number>): FrameworkNotFound =>
  wanted.version === undefined || known.length === 0
    ? new FrameworkNotFound({
      subject: { kind: "criteria-framework", id: wanted.id },
      violations: [Refusal.violation("framework.id", "framework-exists", wanted.id, {
        sv: `Bedömningsramverket ${wanted.id} finns inte.`,
        en: `Criteria framework ${wanted.id} does not exist.`
      })],
      known: []
    })
    : new FrameworkNotFound({
      subject: { kind: "criteria-framework", id: key({ id: wanted.id, version: wanted.version }) },
      violations: [Refusal.violation("framework.version", "framework-version-exists", wanted.version, {
        sv: `Bedömningsramverket ${wanted.id} finns inte i version ${wanted.version}; kända versioner: ${known.join(", ")}.`,
        en: `Criteria framework ${wanted.id} has no version ${wanted.version}; known versions: ${known.join(", ")}.`
      })],
      known: [...known]
    })

/**
 * The reference to a framework version.
 *
 * @category constructors
 * @since 0.1.0
 */
export const ref = (framework: CriteriaFramework): Ref => ({ id: framework.id, version: framework.version })

/**
 * The key of a framework version, `id@version` (`panel@1`): how stores and reports name it.
 *
 * @category rendering
 * @since 0.1.0
 */
export const key = (ref: { readonly id: string; readonly version: number }): string => `${ref.id}@${ref.version}`

/**
 * Whether two references name the same framework version.
 *
 * @category guards
 * @since 0.1.0
 */
export const sameRef = (a: Ref, b: Ref): boolean => a.id === b.id && a.version === b.version

/**
 * Whether the framework may be used to assess that stage.
 *
 * @category guards
 * @since 0.1.0
 */
export const appliesTo = (framework: CriteriaFramework, stage: Stage): boolean => framework.appliesTo.includes(stage)

/**
 * The principle with that id, or `undefined`.
 *
 * @category rules
 * @since 0.1.0
 */
export const principle = (framework: CriteriaFramework, id: string): Principle | undefined =>
  framework.principles.find((p) => p.id === id)

/**
 * The minimum score of a principle: its own `minimum`, or the framework's `principleMinimum`.
 *
 * @category rules
 * @since 0.1.0
 */
export const minimumOf = (framework: CriteriaFramework, principle: Principle): number =>
  principle.minimum ?? framework.thresholds.principleMinimum

/**
 * The label of a score on the framework's scale, or the bare number when it has none.
 *
 * @category rendering
 * @since 0.1.0
 */
export const scoreLabel = (framework: CriteriaFramework, score: number): LocalizedText.LocalizedText => {
  const label = framework.scale.labels.find((l) => l.score === score)?.label
  return label ?? { sv: String(score), en: String(score) }
}

/**
 * Finds a framework version in a list (for example {@link Frameworks.builtIns} plus stored
 * ones), or says which versions exist.
 *
 * @category rules
 * @since 0.1.0
 */
export const resolve = (
  frameworks: ReadonlyArray<CriteriaFramework>,
  wanted: { readonly id: string; readonly version: number }
): Result.Result<CriteriaFramework, FrameworkNotFound> => {
  const same = frameworks.filter((f) => f.id === wanted.id)
  const found = same.find((f) => f.version === wanted.version)
  if (found !== undefined) return Result.succeed(found)
  return Result.fail(notFound(wanted, same.map((f) => f.version).sort((a, b) => a - b)))
}

const texts = (f: CriteriaFramework): Array<[string, LocalizedText.LocalizedText]> => {
  const out: Array<[string, LocalizedText.LocalizedText]> = [["name", f.name]]
  if (f.description) out.push(["description", f.description])
  if (f.source) out.push(["source", f.source])
  f.principles.forEach((p, i) => {
    out.push([`principles[${i}].name`, p.name], [`principles[${i}].description`, p.description])
    p.questions.forEach((q, j) => out.push([`principles[${i}].questions[${j}]`, q]))
    if (p.source) out.push([`principles[${i}].source`, p.source])
  })
  f.scale.labels.forEach((l, i) => out.push([`scale.labels[${i}].label`, l.label]))
  return out
}

/**
 * Checks the rules a framework must keep beyond its schema: unique principle ids, weights
 * above 0, thresholds and labels inside the scale, the floor at most the minimum, and every
 * text in both languages (or in the declared `fallbackLanguage`). Reports every violation.
 *
 * @example
 * ```ts
 * import { CriteriaFramework, Frameworks } from "@localrights/core"
 * CriteriaFramework.validate(Frameworks.panel) // Result.succeed(panel)
 * ```
 *
 * @category rules
 * @since 0.1.0
 */
export const validate = (framework: CriteriaFramework): Result.Result<CriteriaFramework, FrameworkInvalid> => {
  const violations: Array<Refusal.Violation> = []
  const { min, max } = framework.scale
  const inScale = (field: string, value: number, what: LocalizedText.LocalizedText) => {
    if (Number.isInteger(value) && value >= min && value <= max) return
    violations.push(Refusal.violation(field, "threshold-within-scale", String(value), {
      sv: `${what.sv} (${value}) ska ligga på skalan ${min}–${max}.`,
      en: `${what.en} (${value}) must lie on the scale ${min}–${max}.`
    }))
  }
  if (!(min < max)) {
    violations.push(Refusal.violation("scale.max", "scale-min-below-max", String(max), { sv: `Skalans max (${max}) ska vara större än min (${min}).`, en: `The scale's max (${max}) must exceed its min (${min}).` }))
  }
  const seen = new Set<string>()
  framework.principles.forEach((p, i) => {
    if (seen.has(p.id)) {
      violations.push(Refusal.violation(`principles[${i}].id`, "unique-principle-ids", p.id, { sv: `Principen ${p.id} förekommer mer än en gång.`, en: `Principle ${p.id} occurs more than once.` }))
    }
    seen.add(p.id)
    if (!(Number.isFinite(p.weight) && p.weight > 0)) {
      violations.push(Refusal.violation(`principles[${i}].weight`, "positive-weight", String(p.weight), { sv: `Vikten för ${p.id} ska vara större än 0.`, en: `The weight of ${p.id} must be greater than 0.` }))
    }
    if (p.minimum !== undefined) {
      inScale(`principles[${i}].minimum`, p.minimum, { sv: `Miniminivån för ${p.id}`, en: `The minimum of ${p.id}` })
    }
  })
  const t = framework.thresholds
  inScale("thresholds.principleMinimum", t.principleMinimum, { sv: "Miniminivån per princip", en: "The minimum per principle" })
  inScale("thresholds.principleFloor", t.principleFloor, { sv: "Golvet per princip", en: "The floor per principle" })
  const minimums = [t.principleMinimum, ...framework.principles.flatMap((p) => (p.minimum === undefined ? [] : [p.minimum]))]
  const lowest = Math.min(...minimums)
  if (t.principleFloor > lowest) {
    violations.push(Refusal.violation("thresholds.principleFloor", "floor-at-most-minimum", String(t.principleFloor), {
      sv: `Golvet (${t.principleFloor}) får inte ligga över den lägsta miniminivån (${lowest}).`,
      en: `The floor (${t.principleFloor}) must not exceed the lowest minimum (${lowest}).`
    }))
  }
  if (!(t.overallShare >= 0 && t.overallShare <= 1)) {
    violations.push(Refusal.violation("thresholds.overallShare", "share-within-0-1", String(t.overallShare), { sv: "Den samlade andelen ska ligga mellan 0 och 1.", en: "The overall share must lie between 0 and 1." }))
  }
  const labelScores = new Set<number>()
  framework.scale.labels.forEach((l, i) => {
    if (l.score < min || l.score > max) {
      violations.push(Refusal.violation(`scale.labels[${i}].score`, "label-within-scale", String(l.score), { sv: `Etiketten för ${l.score} ligger utanför skalan ${min}–${max}.`, en: `The label for ${l.score} lies outside the scale ${min}–${max}.` }))
    }
    if (labelScores.has(l.score)) {
      violations.push(Refusal.violation(`scale.labels[${i}].score`, "unique-label-scores", String(l.score), { sv: `Poängen ${l.score} har mer än en etikett.`, en: `Score ${l.score} has more than one label.` }))
    }
    labelScores.add(l.score)
  })
  const fallback = framework.fallbackLanguage
  for (const [field, text] of texts(framework)) {
    if (fallback === undefined ? LocalizedText.isComplete(text) : text[fallback] !== undefined) continue
    const missing = text.sv === undefined ? "sv" : "en"
    const value = LocalizedText.text(text, "en")
    violations.push(
      fallback === undefined
        ? Refusal.violation(`${field}.${missing}`, "both-languages", value, {
          sv: `Texten saknas på ${missing === "sv" ? "svenska" : "engelska"}; ange båda språken eller ett reservspråk (fallbackLanguage).`,
          en: `The text is missing in ${missing === "sv" ? "Swedish" : "English"}; give both languages or a fallbackLanguage.`
        })
        : Refusal.violation(`${field}.${fallback}`, "fallback-language", value, {
          sv: `Texten saknas på reservspråket ${fallback}.`,
          en: `The text is missing in the fallback language ${fallback}.`
        })
    )
  }
  if (!Arr.isArrayNonEmpty(violations)) return Result.succeed(framework)
  return Result.fail(new FrameworkInvalid({ subject: { kind: "criteria-framework", id: key(framework) }, violations }))
}

const decodeSchema = Construct.decode(Construct.make(CriteriaFramework, "CriteriaFramework"))

/**
 * A framework from plain values, checked with {@link validate}. Its `version` is the
 * framework's own version (from 1), not a store version: it has no default.
 *
 * @category constructors
 * @since 0.2.0
 */
export const make = (input: Encoded): Exit.Exit<CriteriaFramework, Validation.ValidationError | FrameworkInvalid> => {
  const decoded = decodeSchema(input)
  if (Exit.isFailure(decoded)) return decoded
  const checked = validate(decoded.value)
  return Result.isSuccess(checked) ? Exit.succeed(checked.success) : Exit.fail(checked.failure)
}

/**
 * Decodes a framework from untrusted input (JSON) and checks it with {@link validate}.
 *
 * @category constructors
 * @since 0.1.0
 */
export const decode: (input: unknown) => Exit.Exit<CriteriaFramework, Validation.ValidationError | FrameworkInvalid> =
  make as (input: unknown) => Exit.Exit<CriteriaFramework, Validation.ValidationError | FrameworkInvalid>

/**
 * The JSON form of a framework, as stored and exchanged.
 *
 * @category models
 * @since 0.1.0
 */
export type Encoded = typeof CriteriaFramework.Encoded
