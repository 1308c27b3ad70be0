/**
 * Indicators of a goal: quantitative (a unit, a baseline, a target per period and how actuals
 * add up: `sum`, `average` or `latest`) or qualitative (a described scale, such as 1–5 with a
 * label per step in Swedish and English), optionally disaggregated by a few dimensions (gender,
 * age group), with the IATI indicator measure code.
 *
 * **Details**
 *
 * {@link aggregate}, {@link targetUpTo} and {@link onTrack} are the aggregation rules the
 * roll-up uses: pure functions over values. Decoding checks an indicator on its own (one
 * target per period, a qualitative target and baseline on the scale, a scale of consecutive
 * steps, the measure code matching the kind); the {@link Store} also checks that its goal is
 * stored and that every target's period is one of the programme's phases.
 *
 * @module
 * @group Results
 * @since 0.2.0
 */
import { Effect, Option, Schema } from "effect"
import { CalendarDate } from "../CalendarDate.ts"
import { Version } from "../ChangeLog.ts"
import * as Construct from "../Construct.ts"
import * as Enumeration from "../Enumeration.ts"
import { LocalizedText } from "../LocalizedText.ts"
import { Store as ProgrammeStore } from "../partnership/Programme.ts"
import * as Refusal from "../Refusal.ts"
import * as EntityStore from "../store/EntityStore.ts"
import * as Validation from "../Validation.ts"
import { Goal, GoalId } from "./Goal.ts"
import { IdString } from "../Ids.ts"
import * as Guarded from "../internal/guarded.ts"
import * as ReportingPeriod from "./ReportingPeriod.ts"

/**
 * Id of an indicator.
 *
 * @category schemas
 * @since 0.2.0
 */
export const IndicatorId = IdString.pipe(Schema.brand("IndicatorId"))
/**
 * @category models
 * @since 0.2.0
 */
export type IndicatorId = typeof IndicatorId.Type

/**
 * How a quantitative indicator's actuals add up over periods: the sum (people trained per
 * year), the average (a satisfaction rate), or the latest value (a share at the end).
 *
 * @category schemas
 * @since 0.2.0
 */
export const Aggregation = Enumeration.make({
  sum: { sv: "Summa", en: "Sum" },
  average: { sv: "Medelvärde", en: "Average" },
  latest: { sv: "Senaste värdet", en: "Latest value" }
})
/**
 * @category models
 * @since 0.2.0
 */
export type Aggregation = typeof Aggregation.Type

/**
 * The IATI `IndicatorMeasure` codes: 1 unit, 2 percentage, 3 nominal, 4 ordinal, 5
 * qualitative. A quantitative indicator is measured in units (1) or as a percentage (2); a
 * qualitative one on an ordinal scale (4) or as qualitative (5).
 *
 * @category schemas
 * @since 0.2.0
 */
export const IatiMeasure = Schema.Literals([1, 2, 3, 4, 5])
/**
 * @category models
 * @since 0.2.0
 */
export type IatiMeasure = typeof IatiMeasure.Type

/**
 * A unit code (`persons`, `percent`, `documents`): lower-case letters, digits and `-`.
 *
 * @category schemas
 * @since 0.2.0
 */
export const Unit = Schema.String.check(Schema.isPattern(/^[a-z0-9][a-z0-9-]{0,31}$/, Validation.message({
  sv: "Förväntade en enhetskod: små bokstäver, siffror och '-', högst 32 tecken",
  en: "Expected a unit code: lower-case letters, digits and '-', at most 32 characters"
})))

/**
 * A quantitative measure: the unit (code and name), how actuals add up, whether higher is
 * better, and the IATI measure (1 or 2).
 *
 * @category schemas
 * @since 0.2.0
 */
export const Quantitative = Schema.TaggedStruct("Quantitative", {
  unit: Unit,
  unitName: LocalizedText,
  aggregation: Aggregation,
  ascending: Schema.Boolean,
  iatiMeasure: IatiMeasure
})

/**
 * One step of a described scale: its value and label.
 *
 * @category schemas
 * @since 0.2.0
 */
export const Step = Schema.Struct({ value: Schema.Int, label: LocalizedText })

/**
 * A qualitative measure: a described scale (steps of consecutive whole numbers, lowest first),
 * whether higher is better, and the IATI measure (4 or 5). Its actuals add up as the latest.
 *
 * @category schemas
 * @since 0.2.0
 */
export const Qualitative = Schema.TaggedStruct("Qualitative", {
  scale: Schema.NonEmptyArray(Step),
  ascending: Schema.Boolean,
  iatiMeasure: IatiMeasure
})

/**
 * How an indicator is measured.
 *
 * @category schemas
 * @since 0.2.0
 */
export const Measure = Schema.Union([Quantitative, Qualitative])
/**
 * @category models
 * @since 0.2.0
 */
export type Measure = typeof Measure.Type

/**
 * The dimensions an indicator may be disaggregated by.
 *
 * @category schemas
 * @since 0.2.0
 */
export const Dimension = Enumeration.make({
  gender: { sv: "Kön", en: "Gender" },
  "age-group": { sv: "Åldersgrupp", en: "Age group" }
})
/**
 * @category models
 * @since 0.2.0
 */
export type Dimension = typeof Dimension.Type

/**
 * The categories of each {@link Dimension}.
 *
 * @category rules
 * @since 0.2.0
 */
export const categories: Readonly<Record<Dimension, Pick<Enumeration.Enumeration<string>, "values" | "names">>> = {
  gender: Enumeration.make({
    women: { sv: "Kvinnor", en: "Women" },
    men: { sv: "Män", en: "Men" },
    other: { sv: "Annat eller okänt", en: "Other or unknown" }
  }),
  "age-group": Enumeration.make({
    "under-18": { sv: "Under 18 år", en: "Under 18" },
    "18-29": { sv: "18–29 år", en: "18–29" },
    "30-64": { sv: "30–64 år", en: "30–64" },
    "65-plus": { sv: "65 år och äldre", en: "65 and over" }
  })
}

/**
 * The baseline: a value and the date it was measured.
 *
 * @category schemas
 * @since 0.2.0
 */
export const Baseline = Schema.Struct({ value: Schema.Finite, date: CalendarDate, comment: Schema.optionalKey(LocalizedText) })

/**
 * The target for one period.
 *
 * @category schemas
 * @since 0.2.0
 */
export const Target = Schema.Struct({ period: ReportingPeriod.Period, value: Schema.Finite, comment: Schema.optionalKey(LocalizedText) })
/**
 * @category models
 * @since 0.2.0
 */
export type Target = typeof Target.Type

interface Fields {
  readonly measure: Measure
  readonly baseline?: { readonly value: number }
  readonly targets: ReadonlyArray<Target>
  readonly disaggregation: ReadonlyArray<Dimension>
}

/**
 * Every problem of a value against a measure: off the scale (rule `on-scale`), not a percentage
 * (rule `percentage`). Pure; `field` is the value's path.
 *
 * @category rules
 * @since 0.2.0
 */
export const valueProblems = (measure: Measure, value: number, field: string): Array<Refusal.Violation> => {
  if (measure._tag === "Qualitative") {
    const min = measure.scale[0].value
    const max = measure.scale[measure.scale.length - 1]!.value
    if (Number.isInteger(value) && value >= min && value <= max) return []
    return [Refusal.violation(field, "on-scale", value, {
      sv: `Förväntade ett steg på skalan ${min}–${max}, fann ${value}.`,
      en: `Expected a step on the scale ${min}–${max}, found ${value}.`
    })]
  }
  if (measure.iatiMeasure === 2 && (value < 0 || value > 100)) {
    return [Refusal.violation(field, "percentage", value, { sv: `Förväntade en procentsats 0–100, fann ${value}.`, en: `Expected a percentage 0–100, found ${value}.` })]
  }
  return []
}

const indicatorChecks = Schema.makeFilter<Fields>((ind) => {
  const issues: Array<Schema.FilterIssue> = []
  const m = ind.measure
  const fromViolations = (vs: ReadonlyArray<Refusal.Violation>, path: ReadonlyArray<string | number>) => {
    for (const v of vs) issues.push({ path, issue: Validation.invalid(v.text, v.rule) })
  }
  if (m._tag === "Qualitative") {
    m.scale.forEach((s, i) => {
      if (i > 0 && s.value !== m.scale[i - 1]!.value + 1) {
        issues.push({ path: ["measure", "scale", i, "value"], issue: Validation.invalid({ sv: "Förväntade skalans steg i följd, lägst först (1, 2, 3, ...)", en: "Expected the scale's steps consecutive, lowest first (1, 2, 3, ...)" }, "scale-consecutive") })
      }
    })
    if (m.scale.length < 2) issues.push({ path: ["measure", "scale"], issue: Validation.invalid({ sv: "En skala har minst två steg", en: "A scale has at least two steps" }, "scale-steps") })
    if (m.iatiMeasure !== 4 && m.iatiMeasure !== 5) {
      issues.push({ path: ["measure", "iatiMeasure"], issue: Validation.invalid({ sv: "En kvalitativ indikator mäts ordinalt (4) eller kvalitativt (5)", en: "A qualitative indicator is measured as ordinal (4) or qualitative (5)" }, "measure-code") })
    }
  } else if (m.iatiMeasure !== 1 && m.iatiMeasure !== 2) {
    issues.push({ path: ["measure", "iatiMeasure"], issue: Validation.invalid({ sv: "En kvantitativ indikator mäts i enheter (1) eller procent (2)", en: "A quantitative indicator is measured in units (1) or as a percentage (2)" }, "measure-code") })
  }
  if (ind.baseline !== undefined) fromViolations(valueProblems(m, ind.baseline.value, "baseline.value"), ["baseline", "value"])
  const seen = new Set<string>()
  ind.targets.forEach((t, i) => {
    const k = ReportingPeriod.key(t.period)
    if (seen.has(k)) issues.push({ path: ["targets", i, "period"], issue: Validation.invalid({ sv: `Ett mål per period; ${k} finns redan`, en: `One target per period; ${k} is already there` }, "one-target-per-period") })
    seen.add(k)
    fromViolations(valueProblems(m, t.value, `targets[${i}].value`), ["targets", i, "value"])
  })
  const dims = new Set<string>()
  ind.disaggregation.forEach((d, i) => {
    if (dims.has(d)) issues.push({ path: ["disaggregation", i], issue: Validation.invalid({ sv: `Dimensionen ${d} anges två gånger`, en: `Dimension ${d} is listed twice` }, "unique") })
    dims.add(d)
  })
  return issues
})

/**
 * An indicator of one goal.
 *
 * @category schemas
 * @since 0.2.0
 */
export class Indicator extends Schema.Class<Indicator>("@localrights/core/Indicator")(
  Schema.Struct({
    id: IndicatorId,
    goal: GoalId,
    title: LocalizedText,
    description: Schema.optionalKey(LocalizedText),
    measure: Measure,
    baseline: Schema.optionalKey(Baseline),
    targets: Schema.Array(Target),
    disaggregation: Schema.Array(Dimension),
    /** Marks example data that the sources do not publish. */
    illustrative: Schema.optionalKey(Schema.Boolean),
    version: Version
  }).check(indicatorChecks)
) {}

/**
 * An indicator from plain values, at version 0; no targets or disaggregation unless given.
 * Fails with a `ValidationError` naming the field (`targets[1].value`, rule `on-scale`, for a
 * target off a qualitative scale).
 *
 * @example
 * ```ts
 * import { Indicator } from "@localrights/core"
 * const trained = Indicator.make({
 *   id: "lund-trained",
 *   goal: "lund-francistown-leadership",
 *   title: { sv: "Utbildade tjänstepersoner", en: "Officials trained" },
 *   measure: { _tag: "Quantitative", unit: "persons", unitName: { sv: "personer", en: "persons" }, aggregation: "sum", ascending: true, iatiMeasure: 1 },
 *   targets: [{ period: { phase: "implementation", year: 1 }, value: 20 }]
 * })
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const make = Construct.make(Indicator, "Indicator", { targets: [], disaggregation: [] })

/**
 * An indicator from untrusted input, with the defaults of {@link make}.
 *
 * @category constructors
 * @since 0.2.0
 */
export const decode = Construct.decode(make)

/**
 * How the indicator's actuals add up: the quantitative measure's aggregation, `latest` for a
 * qualitative one.
 *
 * @category rules
 * @since 0.2.0
 */
export const aggregationOf = (indicator: Pick<Indicator, "measure">): Aggregation =>
  indicator.measure._tag === "Quantitative" ? indicator.measure.aggregation : "latest"

/**
 * Adds up values per period by an aggregation: their sum, their mean, or the value of the
 * latest period; none for no values. Pure.
 *
 * @category rules
 * @since 0.2.0
 */
export const aggregate = (
  aggregation: Aggregation,
  values: ReadonlyArray<{ readonly period: ReportingPeriod.Period; readonly value: number }>
): number | undefined => {
  if (values.length === 0) return undefined
  switch (aggregation) {
    case "sum":
      return values.reduce((s, v) => s + v.value, 0)
    case "average":
      return values.reduce((s, v) => s + v.value, 0) / values.length
    case "latest": {
      let best = values[0]!
      for (const v of values) if (ReportingPeriod.order(v.period) >= ReportingPeriod.order(best.period)) best = v
      return best.value
    }
  }
}

/**
 * The target up to and including `period`, added up as the actuals are (the sum of the targets
 * so far, their mean, or the latest); none when no target falls in that time.
 *
 * @category rules
 * @since 0.2.0
 */
export const targetUpTo = (indicator: Pick<Indicator, "measure" | "targets">, period: ReportingPeriod.Period): number | undefined =>
  aggregate(aggregationOf(indicator), indicator.targets.filter((t) => ReportingPeriod.order(t.period) <= ReportingPeriod.order(period)))

/**
 * Whether an actual meets its target: at or above it when higher is better, at or below it
 * otherwise.
 *
 * @category rules
 * @since 0.2.0
 */
export const onTrack = (indicator: Pick<Indicator, "measure">, target: number, actual: number): boolean =>
  indicator.measure.ascending ? actual >= target : actual <= target

/**
 * The label of a step on a qualitative indicator's scale (none for a quantitative one or a
 * value off the scale).
 *
 * @category rendering
 * @since 0.2.0
 */
export const labelOf = (indicator: Pick<Indicator, "measure">, value: number): LocalizedText | undefined =>
  indicator.measure._tag === "Qualitative" ? indicator.measure.scale.find((s) => s.value === value)?.label : undefined

/**
 * An indicator write that breaks a rule needing other entities: its goal is not stored (rule
 * `goal-exists`), or a target's period is not one of the programme's phases (rule
 * `period-in-phases`). Nothing was written.
 *
 * @category errors
 * @since 0.2.0
 */
export class IndicatorInvalid extends Refusal.Refusal<IndicatorInvalid>()("IndicatorInvalid") {}

const guard: Guarded.Guard<Indicator, IndicatorInvalid> = {
  check: Effect.gen(function*() {
    const goals = yield* EntityStore.make("goal", Goal)
    const programmes = yield* ProgrammeStore.make
    return (ind: Indicator) =>
      Effect.gen(function*() {
        const goal = Option.getOrUndefined(yield* goals.find(ind.goal))
        if (goal === undefined) {
          return [Refusal.violation("goal", "goal-exists", ind.goal, { sv: `Målet ${ind.goal} finns inte.`, en: `Goal ${ind.goal} does not exist.` })]
        }
        const programme = Option.getOrUndefined(yield* programmes.find(goal.programme))
        if (programme === undefined) return []
        return ind.targets.flatMap((t, i) =>
          ReportingPeriod.isWithin(programme.phases, t.period) ? [] : [ReportingPeriod.outside(`targets[${i}].period`, t.period, programme.phases, { sv: `programmet ${programme.id}`, en: `programme ${programme.id}` })]
        )
      })
  }),
  refuse: (ind, violations) => new IndicatorInvalid({ subject: { kind: "indicator", id: ind.id }, violations }),
  commandFields: [],
  commandsIn: "Reports",
  initial: () => []
}

/**
 * The store of indicators, with versions and change log; every write checks its goal and its
 * targets' periods (`IndicatorInvalid`). `Stores.layer` includes it.
 *
 * @category services
 * @since 0.2.0
 */
export class Store extends Guarded.service(EntityStore.Service<Store>()("indicator", Indicator), guard) {}
