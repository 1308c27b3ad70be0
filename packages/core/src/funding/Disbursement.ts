/**
 * Disbursements: a grant paid in tranches, one per period (year). A tranche is released only
 * after the previous tranche's period has an approved progress report (`ProgressReport`, the
 * stored report, not a status kept in the plan), in order, and never beyond the granted amount.
 *
 * **Details**
 *
 * {@link release} is pure: it takes the partnership's progress reports. `Reports.releaseTranche`
 * reads them from the store and records the release as `ReleaseTranche`; the {@link Store}
 * refuses any write of a newly released tranche whose previous period's stored report is not
 * approved, whichever path writes it.
 *
 * @module
 * @group Funding
 * @since 0.1.0
 */
import { Array as Arr, Effect, Option, Result, Schema } from "effect"
import * as Validation from "../Validation.ts"
import { CalendarDate } from "../CalendarDate.ts"
import { Version } from "../ChangeLog.ts"
import * as Construct from "../Construct.ts"
import * as FundingRuleSet from "./FundingRuleSet.ts"
import { DisbursementPlanId, PartnershipId } from "../Ids.ts"
import * as Money from "../Money.ts"
import * as Refusal from "../Refusal.ts"
import * as EntityStore from "../store/EntityStore.ts"
import * as Guarded from "../internal/guarded.ts"
import * as ProgressReport from "../results/ProgressReport.ts"

/**
 * One tranche: the period it pays for, the amount, and the date it was released.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Tranche = Schema.Struct({
  period: FundingRuleSet.Period,
  amount: Money.Money,
  released: Schema.optionalKey(CalendarDate)
})
/**
 * @category models
 * @since 0.1.0
 */
export type Tranche = typeof Tranche.Type

const order = (p: FundingRuleSet.Period): number => (p.phase === "preparation" ? 0 : 100) + p.year
const periodKey = (p: FundingRuleSet.Period): string => `${p.phase}-${p.year}`

const planChecks = Schema.makeFilter<{
  readonly granted: Money.Money
  readonly tranches: ReadonlyArray<Tranche>
}>((plan) => {
  const issues: Array<Schema.FilterIssue> = []
  let total = 0
  plan.tranches.forEach((t, i) => {
    if (t.amount.currency !== plan.granted.currency) {
      issues.push({ path: ["tranches", i, "amount", "currency"], issue: Validation.invalid({ sv: `Förväntade bidragets valuta ${plan.granted.currency}`, en: `Expected the grant's currency ${plan.granted.currency}` }, "same-currency") })
    }
    if (i > 0 && order(plan.tranches[i - 1]!.period) >= order(t.period)) {
      issues.push({ path: ["tranches", i, "period"], issue: Validation.invalid({ sv: "Förväntade delutbetalningar i periodordning, en per period", en: "Expected tranches in period order, one per period" }, "period-order") })
    }
    if (t.released !== undefined && i > 0 && plan.tranches[i - 1]!.released === undefined) {
      issues.push({ path: ["tranches", i, "released"], issue: Validation.invalid({ sv: "En delutbetalning betalas ut först efter den föregående", en: "A tranche is released only after the one before it" }, "release-order") })
    }
    total += t.amount.minor
  })
  if (total > plan.granted.minor) {
    issues.push({ path: ["tranches"], issue: Validation.invalid({ sv: `Delutbetalningarna blir tillsammans ${total} minsta enheter, mer än de ${plan.granted.minor} som beviljats`, en: `The tranches add up to ${total} minor units, more than the ${plan.granted.minor} granted` }, "within-grant") })
  }
  return issues
})

/**
 * The disbursement plan of one grant: the amount granted and the tranches per period (in
 * period order, adding up to at most the grant). The reports it waits for are the stored
 * progress reports (`ProgressReport`).
 *
 * @category schemas
 * @since 0.1.0
 */
export class Plan extends Schema.Class<Plan>("@localrights/core/DisbursementPlan")(
  Schema.Struct({
    id: DisbursementPlanId,
    partnership: PartnershipId,
    granted: Money.Money,
    tranches: Schema.Array(Tranche),
    version: Version
  }).check(planChecks)
) {}

/**
 * A disbursement plan from plain values, at version 0 (not yet stored); no tranches unless
 * given. Problems name the tranche and field.
 *
 * @category constructors
 * @since 0.2.0
 */
export const make = Construct.make(Plan, "DisbursementPlan", { tranches: [] })

/**
 * Decodes an untrusted plan, with the defaults of {@link make}; problems name the tranche and
 * field.
 *
 * @category constructors
 * @since 0.1.0
 */
export const decode = Construct.decode(make)

/**
 * Splits a grant evenly over periods with {@link Money.allocate} (no minor unit lost).
 *
 * @category constructors
 * @since 0.1.0
 */
export const evenly = (granted: Money.Money, periods: ReadonlyArray<FundingRuleSet.Period>): Array<Tranche> => {
  if (periods.length === 0) return []
  const parts = Money.allocate(granted, periods.map(() => 1))
  return Result.isSuccess(parts) ? periods.map((period, i) => ({ period, amount: parts.success[i]! })) : []
}

/**
 * The rules a release can break: each is the `rule` of a violation in {@link ReleaseRefused}.
 *
 * @category schemas
 * @since 0.1.0
 */
export const ReleaseRule = Schema.Literals([
  "no-tranche",
  "already-released",
  "earlier-tranche-pending",
  "previous-report-not-approved",
  "beyond-grant"
])

/**
 * @category models
 * @since 0.2.0
 */
export type ReleaseRule = typeof ReleaseRule.Type

/**
 * A release the plan (the subject) does not allow: the period asked for, and every rule the
 * release breaks.
 *
 * @category errors
 * @since 0.1.0
 */
export class ReleaseRefused extends Refusal.Refusal<ReleaseRefused>()("ReleaseRefused", {
  period: FundingRuleSet.Period
}) {}

const periodText = (p: FundingRuleSet.Period) => ({
  sv: `år ${p.year} av ${FundingRuleSet.Phase.names[p.phase].sv}`,
  en: `year ${p.year} of ${FundingRuleSet.Phase.names[p.phase].en}`
})

/**
 * The total released so far.
 *
 * @category rules
 * @since 0.1.0
 */
export const released = (plan: Plan): Money.Money => {
  let minor = 0
  for (const t of plan.tranches) if (t.released !== undefined) minor += t.amount.minor
  return { minor, currency: plan.granted.currency }
}

/**
 * The grant not yet released.
 *
 * @category rules
 * @since 0.1.0
 */
export const remaining = (plan: Plan): Money.Money => ({
  minor: Math.max(0, plan.granted.minor - released(plan).minor),
  currency: plan.granted.currency
})

/**
 * What {@link release} reads of a progress report: whose, which period, its status and steps.
 *
 * @category models
 * @since 0.2.0
 */
export type ReportFacts = Pick<ProgressReport.ProgressReport, "partnership" | "period" | "status" | "steps">

/**
 * Releases the tranche of `period` on `date`: allowed only when every earlier tranche is
 * released, the progress report of the previous tranche's period (among `reports`, the
 * plan's partnership's) is approved, and the released total stays within the grant. Refusals
 * list every reason.
 *
 * @example
 * ```ts
 * import { Disbursement } from "@localrights/core"
 * declare const plan: Disbursement.Plan
 * declare const reports: ReadonlyArray<Disbursement.ReportFacts>
 * const result = Disbursement.release(plan, { phase: "implementation", year: 1 }, "2022-02-15" as never, reports)
 * ```
 *
 * @category rules
 * @since 0.1.0
 */
export const release = (
  plan: Plan,
  period: FundingRuleSet.Period,
  date: CalendarDate,
  reports: ReadonlyArray<ReportFacts>
): Result.Result<Plan, ReleaseRefused> => {
  const violations: Array<Refusal.Violation> = []
  const push = (field: string, rule: ReleaseRule, value: unknown, text: Refusal.Explanation) =>
    violations.push(Refusal.violation(field, rule, value, text))
  const at = plan.tranches.findIndex((t) => periodKey(t.period) === periodKey(period))
  const p = periodText(period)
  const refuse = (all: Arr.NonEmptyArray<Refusal.Violation>) =>
    Result.fail(new ReleaseRefused({ subject: { kind: "disbursement-plan", id: plan.id }, violations: all, period }))
  if (at < 0) {
    return refuse([
      Refusal.violation("period", "no-tranche", periodKey(period), {
        sv: `Planen har ingen delutbetalning för ${p.sv}.`,
        en: `The plan has no tranche for ${p.en}.`
      })
    ])
  }
  const tranche = plan.tranches[at]!
  if (tranche.released !== undefined) {
    return refuse([
      Refusal.violation(`tranches[${at}].released`, "already-released", tranche.released, {
        sv: `Delutbetalningen för ${p.sv} betalades ut ${tranche.released}.`,
        en: `The tranche for ${p.en} was released on ${tranche.released}.`
      })
    ])
  }
  if (at > 0) {
    const previous = plan.tranches[at - 1]!
    const pp = periodText(previous.period)
    if (previous.released === undefined) {
      push(`tranches[${at - 1}].released`, "earlier-tranche-pending", undefined, {
        sv: `Delutbetalningen för ${pp.sv} är inte utbetald än.`,
        en: `The tranche for ${pp.en} has not been released yet.`
      })
    }
    const report = reports.find((r) => r.partnership === plan.partnership && periodKey(r.period) === periodKey(previous.period))
    const missing = ProgressReport.notApproved("reports", "previous-report-not-approved", previous.period, report)
    if (missing !== undefined) violations.push(missing)
  }
  const after = released(plan).minor + tranche.amount.minor
  if (after > plan.granted.minor) {
    const over = { minor: after - plan.granted.minor, currency: plan.granted.currency }
    push(`tranches[${at}].amount`, "beyond-grant", Money.format(tranche.amount, "en"), {
      sv: `Utbetalningen skulle överstiga beviljade ${Money.format(plan.granted, "sv")} med ${Money.format(over, "sv")}.`,
      en: `The release would exceed the ${Money.format(plan.granted, "en")} granted by ${Money.format(over, "en")}.`
    })
  }
  if (Arr.isArrayNonEmpty(violations)) return refuse(violations)
  return Result.succeed(
    new Plan({ ...plan, tranches: plan.tranches.map((t, i) => (i === at ? { ...t, released: date } : t)) })
  )
}

/**
 * The rules a newly released tranche breaks against the stored reports (pure): each tranche
 * released in `plan` but not in `stored` (all of them for a new plan), after the first, needs
 * the previous tranche's period's report approved (rule `previous-report-not-approved`).
 *
 * @category rules
 * @since 0.2.0
 */
export const releaseViolations = (plan: Plan, stored: Plan | undefined, reports: ReadonlyArray<ReportFacts>): Array<Refusal.Violation> =>
  plan.tranches.flatMap((t, i) => {
    if (t.released === undefined || i === 0) return []
    const before = stored?.tranches.find((s) => periodKey(s.period) === periodKey(t.period))
    if (before?.released !== undefined) return []
    const previous = plan.tranches[i - 1]!.period
    const report = reports.find((r) => r.partnership === plan.partnership && periodKey(r.period) === periodKey(previous))
    const v = ProgressReport.notApproved(`tranches[${i}].released`, "previous-report-not-approved", previous, report)
    return v === undefined ? [] : [v]
  })

const guard: Guarded.Guard<Plan, ReleaseRefused> = {
  check: Effect.gen(function*() {
    const reports = yield* EntityStore.make("progress-report", ProgressReport.ProgressReport)
    return (plan: Plan, stored: Plan | undefined) =>
      Effect.gen(function*() {
        const found: Array<ReportFacts> = []
        for (const t of plan.tranches) {
          const r = yield* reports.find(ProgressReport.idOf(plan.partnership, t.period))
          if (Option.isSome(r)) found.push(r.value)
        }
        return releaseViolations(plan, stored, found)
      })
  }),
  refuse: (plan, violations) => {
    const at = plan.tranches.findIndex((t) => t.released !== undefined)
    return new ReleaseRefused({ subject: { kind: "disbursement-plan", id: plan.id }, violations, period: plan.tranches[Math.max(0, at)]?.period ?? { phase: "preparation", year: 1 } })
  },
  commandFields: [],
  commandsIn: "Reports",
  initial: () => []
}

/**
 * The store of disbursement plans, with versions and change log; every write of a newly
 * released tranche needs the previous period's stored progress report approved
 * ({@link releaseViolations}, `ReleaseRefused`). `Stores.layer` includes it.
 *
 * @category services
 * @since 0.2.0
 */
export class Store extends Guarded.service(EntityStore.Service<Store>()("disbursement-plan", Plan), guard) {}
