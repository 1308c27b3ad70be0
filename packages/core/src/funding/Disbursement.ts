/**
 * Disbursements: a grant paid in tranches, one per period (year). A tranche is released only
 * after the previous tranche's period report is approved, in order, and never beyond the
 * granted amount.
 *
 * @module
 * @group Funding
 * @since 0.1.0
 */
import { Result, Schema } from "effect"
import { CalendarDate } from "../CalendarDate.ts"
import { Version } from "../ChangeLog.ts"
import * as FundingRuleSet from "./FundingRuleSet.ts"
import { DisbursementPlanId, PartnershipId } from "../Ids.ts"
import { LocalizedText } from "../LocalizedText.ts"
import * as Money from "../Money.ts"
import * as Validation from "../Validation.ts"
import * as EntityStore from "../store/EntityStore.ts"

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

/**
 * The status of a period's report (narrative and financial).
 *
 * @category schemas
 * @since 0.1.0
 */
export const ReportStatus = Schema.Literals(["submitted", "approved", "returned"])

/**
 * A period's report and its latest status.
 *
 * @category schemas
 * @since 0.1.0
 */
export const PeriodReport = Schema.Struct({
  period: FundingRuleSet.Period,
  status: ReportStatus,
  date: CalendarDate
})
/**
 * @category models
 * @since 0.1.0
 */
export type PeriodReport = typeof PeriodReport.Type

const order = (p: FundingRuleSet.Period): number => (p.phase === "preparation" ? 0 : 100) + p.year
const periodKey = (p: FundingRuleSet.Period): string => `${p.phase}-${p.year}`

const planChecks = Schema.makeFilter<{
  readonly granted: Money.Money
  readonly tranches: ReadonlyArray<Tranche>
  readonly reports: ReadonlyArray<PeriodReport>
}>((plan) => {
  const issues: Array<Schema.FilterIssue> = []
  let total = 0
  plan.tranches.forEach((t, i) => {
    if (t.amount.currency !== plan.granted.currency) {
      issues.push({ path: ["tranches", i, "amount", "currency"], issue: `Expected the grant's currency ${plan.granted.currency}` })
    }
    if (i > 0 && order(plan.tranches[i - 1]!.period) >= order(t.period)) {
      issues.push({ path: ["tranches", i, "period"], issue: "Expected tranches in period order, one per period" })
    }
    if (t.released !== undefined && i > 0 && plan.tranches[i - 1]!.released === undefined) {
      issues.push({ path: ["tranches", i, "released"], issue: "A tranche is released only after the one before it" })
    }
    total += t.amount.minor
  })
  if (total > plan.granted.minor) {
    issues.push({ path: ["tranches"], issue: `The tranches add up to ${total} minor units, more than the ${plan.granted.minor} granted` })
  }
  const seen = new Set<string>()
  plan.reports.forEach((r, i) => {
    if (seen.has(periodKey(r.period))) issues.push({ path: ["reports", i, "period"], issue: "One report per period" })
    seen.add(periodKey(r.period))
  })
  return issues
})

/**
 * The disbursement plan of one grant: the amount granted, the tranches per period (in period
 * order, adding up to at most the grant) and the period reports.
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
    reports: Schema.Array(PeriodReport),
    version: Version
  }).check(planChecks)
) {}

/**
 * Decodes an untrusted plan; problems name the tranche and field.
 *
 * @category constructors
 * @since 0.1.0
 */
export const decode = Validation.decoder(Plan, "DisbursementPlan")

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
 * Why a release was refused.
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
 * A release the plan does not allow, with every reason in both languages.
 *
 * @category errors
 * @since 0.1.0
 */
export class ReleaseRefused extends Schema.TaggedError<ReleaseRefused>()("ReleaseRefused", {
  plan: Schema.String,
  period: FundingRuleSet.Period,
  reasons: Schema.NonEmptyArray(Schema.Struct({ rule: ReleaseRule, message: LocalizedText }))
}) {
  /** @since 0.1.0 */
  override get message(): string {
    return `Release of ${periodKey(this.period)} refused for plan ${this.plan}: ${
      this.reasons.map((r) => `[${r.rule}] ${r.message.en ?? r.message.sv}`).join("; ")
    }`
  }
}

const periodText = (p: FundingRuleSet.Period) => ({
  sv: `år ${p.year} av ${FundingRuleSet.phaseNames[p.phase].sv}`,
  en: `year ${p.year} of ${FundingRuleSet.phaseNames[p.phase].en}`
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
 * Records a period report's status (replacing an earlier status for that period).
 *
 * @category constructors
 * @since 0.1.0
 */
export const recordReport = (plan: Plan, report: PeriodReport): Plan =>
  new Plan({
    ...plan,
    reports: [...plan.reports.filter((r) => periodKey(r.period) !== periodKey(report.period)), report]
  })

/**
 * Releases the tranche of `period` on `date`: allowed only when every earlier tranche is
 * released, the report of the previous tranche's period is approved, and the released total
 * stays within the grant. Refusals list every reason.
 *
 * @category rules
 * @since 0.1.0
 */
export const release = (plan: Plan, period: FundingRuleSet.Period, date: CalendarDate): Result.Result<Plan, ReleaseRefused> => {
  const reasons: Array<{ rule: typeof ReleaseRule.Type; message: LocalizedText }> = []
  const at = plan.tranches.findIndex((t) => periodKey(t.period) === periodKey(period))
  const p = periodText(period)
  const refuse = () =>
    Result.fail(new ReleaseRefused({ plan: plan.id, period, reasons: reasons as [typeof reasons[0], ...typeof reasons] }))
  if (at < 0) {
    reasons.push({ rule: "no-tranche", message: { sv: `Planen har ingen delutbetalning för ${p.sv}.`, en: `The plan has no tranche for ${p.en}.` } })
    return refuse()
  }
  const tranche = plan.tranches[at]!
  if (tranche.released !== undefined) {
    reasons.push({
      rule: "already-released",
      message: { sv: `Delutbetalningen för ${p.sv} betalades ut ${tranche.released}.`, en: `The tranche for ${p.en} was released on ${tranche.released}.` }
    })
    return refuse()
  }
  if (at > 0) {
    const previous = plan.tranches[at - 1]!
    const pp = periodText(previous.period)
    if (previous.released === undefined) {
      reasons.push({
        rule: "earlier-tranche-pending",
        message: { sv: `Delutbetalningen för ${pp.sv} är inte utbetald än.`, en: `The tranche for ${pp.en} has not been released yet.` }
      })
    }
    const report = plan.reports.find((r) => periodKey(r.period) === periodKey(previous.period))
    if (report?.status !== "approved") {
      const state = report === undefined
        ? { sv: "saknas", en: "is missing" }
        : report.status === "submitted"
        ? { sv: `är inlämnad (${report.date}) men inte godkänd`, en: `was submitted (${report.date}) but is not approved` }
        : { sv: `återsändes ${report.date}`, en: `was returned on ${report.date}` }
      reasons.push({
        rule: "previous-report-not-approved",
        message: { sv: `Rapporten för ${pp.sv} ${state.sv}.`, en: `The report for ${pp.en} ${state.en}.` }
      })
    }
  }
  const after = released(plan).minor + tranche.amount.minor
  if (after > plan.granted.minor) {
    const over = { minor: after - plan.granted.minor, currency: plan.granted.currency }
    reasons.push({
      rule: "beyond-grant",
      message: {
        sv: `Utbetalningen skulle överstiga beviljade ${Money.format(plan.granted, "sv")} med ${Money.format(over, "sv")}.`,
        en: `The release would exceed the ${Money.format(plan.granted, "en")} granted by ${Money.format(over, "en")}.`
      }
    })
  }
  if (reasons.length > 0) return refuse()
  return Result.succeed(
    new Plan({ ...plan, tranches: plan.tranches.map((t, i) => (i === at ? { ...t, released: date } : t)) })
  )
}

/**
 * The store of disbursement plans, with versions and change log: `Store.layer` derives it from the
 * document store (`Stores.layer` includes it); an adapter may provide it directly.
 *
 * @category services
 * @since 0.2.0
 */
export class Store extends EntityStore.Service<Store>()("disbursement-plan", Plan) {}
