/**
 * Reporting periods follow a partnership's phases: the preparation year(s), then implementation
 * years 1..n, as the programme's `phases` give them (one preparation year and three
 * implementation years in the ICLD programme). A period is the funding rules' own
 * `{ phase, year }`, so budget lines, expenses, tranches, targets, actuals and reports all name
 * periods the same way.
 *
 * @module
 * @group Results
 * @since 0.2.0
 */
import * as FundingRuleSet from "../funding/FundingRuleSet.ts"
import type { Lang } from "../LocalizedText.ts"
import type * as Partnership from "../partnership/Partnership.ts"
import type * as Programme from "../partnership/Programme.ts"
import * as Refusal from "../Refusal.ts"

/**
 * A reporting period: a phase and a year within it (`{ phase: "implementation", year: 2 }`).
 *
 * @category schemas
 * @since 0.2.0
 */
export const Period = FundingRuleSet.Period
/**
 * @category models
 * @since 0.2.0
 */
export type Period = FundingRuleSet.Period

/**
 * Every period of a programme's phases, in order: preparation years, then implementation years.
 *
 * @category rules
 * @since 0.2.0
 */
export const of = (phases: Programme.Phases): ReadonlyArray<Period> => [
  ...Array.from({ length: phases.preparationYears }, (_, i): Period => ({ phase: "preparation", year: (i + 1) as Period["year"] })),
  ...Array.from({ length: phases.implementationYears }, (_, i): Period => ({ phase: "implementation", year: (i + 1) as Period["year"] }))
]

/**
 * A period's key: `preparation-1`, `implementation-3`.
 *
 * @category rules
 * @since 0.2.0
 */
export const key = (p: Period): string => `${p.phase}-${p.year}`

/**
 * A number that orders periods: every preparation year before every implementation year.
 *
 * @category rules
 * @since 0.2.0
 */
export const order = (p: Period): number => (p.phase === "preparation" ? 0 : 100) + p.year

/**
 * Whether two periods are the same.
 *
 * @category rules
 * @since 0.2.0
 */
export const equals = (a: Period, b: Period): boolean => a.phase === b.phase && a.year === b.year

/**
 * Whether the period is one of the programme's phases.
 *
 * @category rules
 * @since 0.2.0
 */
export const isWithin = (phases: Programme.Phases, p: Period): boolean =>
  p.phase === "preparation" ? p.year <= phases.preparationYears : p.year <= phases.implementationYears

/**
 * The last period: the final implementation year, whose report is the final report.
 *
 * @category rules
 * @since 0.2.0
 */
export const final = (phases: Programme.Phases): Period => ({ phase: "implementation", year: phases.implementationYears as Period["year"] })

/**
 * Whether the period is the final one.
 *
 * @category rules
 * @since 0.2.0
 */
export const isFinal = (phases: Programme.Phases, p: Period): boolean => equals(p, final(phases))

/**
 * The period before `p` within the phases, if any.
 *
 * @category rules
 * @since 0.2.0
 */
export const previous = (phases: Programme.Phases, p: Period): Period | undefined => {
  const all = of(phases)
  const i = all.findIndex((x) => equals(x, p))
  return i > 0 ? all[i - 1] : undefined
}

/**
 * Whether the partnership has reached the period: the preparation years from `preparation` on,
 * implementation year n from implementation year n on, every period once concluded or closed.
 *
 * @category rules
 * @since 0.2.0
 */
export const reached = (partnership: Pick<Partnership.Partnership, "status" | "implementationYear">, p: Period): boolean => {
  switch (partnership.status) {
    case "preparation":
      return p.phase === "preparation"
    case "implementation":
      return p.phase === "preparation" || p.year <= (partnership.implementationYear ?? 1)
    case "concluded":
    case "closed":
      return true
    default:
      return false
  }
}

/**
 * A period in words: `genomförandeår 2`, `implementation year 2`, `förberedelseår 1`.
 *
 * @category rendering
 * @since 0.2.0
 */
export const name = (p: Period, lang: Lang): string =>
  lang === "sv"
    ? `${p.phase === "preparation" ? "förberedelseår" : "genomförandeår"} ${p.year}`
    : `${p.phase === "preparation" ? "preparation year" : "implementation year"} ${p.year}`

/**
 * The violation of a period outside the programme's phases (rule `period-in-phases`), naming
 * `field`.
 *
 * @category rules
 * @since 0.2.0
 */
export const outside = (field: string, p: Period, phases: Programme.Phases, whose: Refusal.Explanation): Refusal.Violation =>
  Refusal.violation(field, "period-in-phases", key(p), {
    sv: `${name(p, "sv")} finns inte: ${whose.sv} har ${phases.preparationYears} förberedelseår och ${phases.implementationYears} genomförandeår.`,
    en: `There is no ${name(p, "en")}: ${whose.en} has ${phases.preparationYears} preparation year(s) and ${phases.implementationYears} implementation years.`
  })
