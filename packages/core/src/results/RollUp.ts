/**
 * The roll-up of results for a network or the whole programme: each overall goal with the
 * indicators that contribute to it, target against actual up to a period, whether each is on
 * track and the share on track, and the reports still outstanding. Pure functions over values:
 * the renderers call them with what they read from the stores.
 *
 * **Details**
 *
 * An indicator contributes to an overall goal when its goal is that goal or contributes to it,
 * directly or through a network goal. There is one row per indicator and partnership: an
 * individual goal's indicator for its own partnership, an overall or network goal's indicator
 * for each partnership in scope that reported on it. A row's actual adds up the reported
 * actuals of the periods up to `asOf` by the indicator's aggregation (`Indicator.aggregate`),
 * its target the targets of those periods (`Indicator.targetUpTo`); it is on track when both
 * are there and the actual meets the target (`Indicator.onTrack`). Actuals marked not
 * reported count as no value.
 *
 * @module
 * @group Results
 * @since 0.2.0
 */
import type * as Partnership from "../partnership/Partnership.ts"
import type * as Programme from "../partnership/Programme.ts"
import type * as Actual from "./Actual.ts"
import type { Goal } from "./Goal.ts"
import * as Indicator from "./Indicator.ts"
import type * as ProgressReport from "./ProgressReport.ts"
import * as ReportingPeriod from "./ReportingPeriod.ts"

/**
 * Whose results: a whole programme, or one network of it.
 *
 * @category models
 * @since 0.2.0
 */
export type Scope =
  | { readonly _tag: "Programme"; readonly programme: string }
  | { readonly _tag: "Network"; readonly programme: string; readonly network: string }

/**
 * What the roll-up reads.
 *
 * @category models
 * @since 0.2.0
 */
export interface Input {
  readonly scope: Scope
  /** Targets and actuals count up to and including this period. */
  readonly asOf: ReportingPeriod.Period
  readonly phases: Programme.Phases
  readonly goals: ReadonlyArray<Goal>
  readonly indicators: ReadonlyArray<Indicator.Indicator>
  readonly actuals: ReadonlyArray<Actual.Actual>
  readonly partnerships: ReadonlyArray<Pick<Partnership.Partnership, "id" | "programme" | "network">>
  readonly reports: ReadonlyArray<Pick<ProgressReport.ProgressReport, "partnership" | "period" | "status">>
}

/**
 * One indicator of one partnership: target and actual up to `asOf`, and whether it is on track
 * (absent when either is missing).
 *
 * @category models
 * @since 0.2.0
 */
export interface Row {
  readonly indicator: Indicator.Indicator
  readonly goal: string
  readonly partnership: string
  readonly target?: number | undefined
  readonly actual?: number | undefined
  /** How many periods up to `asOf` have a reported value. */
  readonly reported: number
  readonly onTrack?: boolean | undefined
}

/**
 * One overall goal with its contributing rows and the share of assessed rows on track (absent
 * when no row has both a target and an actual).
 *
 * @category models
 * @since 0.2.0
 */
export interface GoalResult {
  readonly goal: Goal
  readonly rows: ReadonlyArray<Row>
  readonly onTrack: number
  readonly assessed: number
  readonly share?: number | undefined
}

/**
 * A report not yet approved for a period up to `asOf`.
 *
 * @category models
 * @since 0.2.0
 */
export interface Outstanding {
  readonly partnership: string
  readonly period: ReportingPeriod.Period
  /** The report's status; absent when there is none. */
  readonly status?: ProgressReport.Status | undefined
}

/**
 * The roll-up of a scope.
 *
 * @category models
 * @since 0.2.0
 */
export interface RollUp {
  readonly scope: Scope
  readonly asOf: ReportingPeriod.Period
  readonly goals: ReadonlyArray<GoalResult>
  readonly outstanding: ReadonlyArray<Outstanding>
}

/**
 * The partnerships in scope, by id.
 *
 * @category rules
 * @since 0.2.0
 */
export const partnershipsIn = (scope: Scope, partnerships: Input["partnerships"]): ReadonlyArray<string> =>
  partnerships
    .filter((p) => p.programme === scope.programme && (scope._tag === "Programme" || p.network === scope.network))
    .map((p) => p.id)

/**
 * The goals that contribute to `goal`, directly or through others, with `goal` itself.
 *
 * @category rules
 * @since 0.2.0
 */
export const contributing = (goal: string, goals: ReadonlyArray<Goal>): ReadonlySet<string> => {
  const found = new Set<string>([goal])
  let grew = true
  while (grew) {
    grew = false
    for (const g of goals) {
      if (found.has(g.id) || !g.contributesTo.some((t) => found.has(t))) continue
      found.add(g.id)
      grew = true
    }
  }
  return found
}

/**
 * The row of one indicator and partnership up to `asOf` (pure).
 *
 * @category rules
 * @since 0.2.0
 */
export const row = (
  indicator: Indicator.Indicator,
  partnership: string,
  actuals: ReadonlyArray<Actual.Actual>,
  asOf: ReportingPeriod.Period
): Row => {
  const values = actuals.flatMap((a) =>
    a.indicator === indicator.id && a.partnership === partnership && a.result._tag === "Reported" &&
      ReportingPeriod.order(a.period) <= ReportingPeriod.order(asOf)
      ? [{ period: a.period, value: a.result.value }]
      : []
  )
  const actual = Indicator.aggregate(Indicator.aggregationOf(indicator), values)
  const target = Indicator.targetUpTo(indicator, asOf)
  return {
    indicator,
    goal: indicator.goal,
    partnership,
    target,
    actual,
    reported: values.length,
    onTrack: target === undefined || actual === undefined ? undefined : Indicator.onTrack(indicator, target, actual)
  }
}

/**
 * The rows of every indicator of `goals` for the partnerships in `inScope`.
 *
 * @category rules
 * @since 0.2.0
 */
export const rows = (
  goalIds: ReadonlySet<string>,
  input: Pick<Input, "goals" | "indicators" | "actuals" | "asOf">,
  inScope: ReadonlyArray<string>
): ReadonlyArray<Row> => {
  const byId = new Map(input.goals.map((g) => [g.id as string, g]))
  const scope = new Set(inScope)
  return input.indicators.flatMap((ind) => {
    if (!goalIds.has(ind.goal)) return []
    const goal = byId.get(ind.goal)
    if (goal === undefined) return []
    const who = goal.level === "partnership"
      ? (goal.partnership !== undefined && scope.has(goal.partnership) ? [goal.partnership] : [])
      : [...new Set(input.actuals.filter((a) => a.indicator === ind.id && scope.has(a.partnership)).map((a) => a.partnership as string))].sort()
    return who.map((p) => row(ind, p, input.actuals, input.asOf))
  })
}

/**
 * The reports not approved for each partnership in scope and each period up to `asOf`.
 *
 * @category rules
 * @since 0.2.0
 */
export const outstanding = (input: Pick<Input, "asOf" | "phases" | "reports">, inScope: ReadonlyArray<string>): ReadonlyArray<Outstanding> =>
  inScope.flatMap((partnership) =>
    ReportingPeriod.of(input.phases)
      .filter((p) => ReportingPeriod.order(p) <= ReportingPeriod.order(input.asOf))
      .flatMap((period): Array<Outstanding> => {
        const r = input.reports.find((x) => x.partnership === partnership && ReportingPeriod.equals(x.period, period))
        return r?.status === "approved" ? [] : [{ partnership, period, ...(r === undefined ? {} : { status: r.status }) }]
      })
  )

/**
 * The roll-up of a network or programme: each overall goal of the programme (in the order
 * given) with its contributing rows and share on track, and the reports outstanding.
 *
 * @example
 * ```ts
 * import { RollUp } from "@localrights/core"
 * declare const input: RollUp.Input
 * const result = RollUp.make(input)
 * result.goals.map((g) => [g.goal.id, g.share])
 * ```
 *
 * @category rules
 * @since 0.2.0
 */
export const make = (input: Input): RollUp => {
  const inScope = partnershipsIn(input.scope, input.partnerships)
  const goals = input.goals
    .filter((g) => g.level === "programme" && g.programme === input.scope.programme)
    .map((goal): GoalResult => {
      const rs = rows(contributing(goal.id, input.goals), input, inScope)
      const assessed = rs.filter((r) => r.onTrack !== undefined).length
      const onTrack = rs.filter((r) => r.onTrack === true).length
      return { goal, rows: rs, onTrack, assessed, ...(assessed === 0 ? {} : { share: onTrack / assessed }) }
    })
  return { scope: input.scope, asOf: input.asOf, goals, outstanding: outstanding(input, inScope) }
}
