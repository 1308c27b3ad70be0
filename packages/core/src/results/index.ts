/**
 * The results framework and the reporting cycle.
 *
 * Goals at programme, network and partnership level linked to SDG targets and rights
 * principles (`Goal`), indicators with baselines, targets per period and aggregation rules
 * (`Indicator`), reporting periods that follow the phases (`ReportingPeriod`), actuals per
 * indicator and period (`Actual`), progress reports whose approval releases the next tranche
 * (`ProgressReport` is pure, `Reports` runs the commands against the stores), due dates,
 * overdue reports and reminders (`ReportingCycle`), and the roll-up per network and programme
 * (`RollUp`).
 *
 * @module
 * @since 0.2.0
 */
export * as Goal from "./Goal.ts"
export * as Indicator from "./Indicator.ts"
export * as ReportingPeriod from "./ReportingPeriod.ts"
export * as Actual from "./Actual.ts"
export * as ProgressReport from "./ProgressReport.ts"
export * as Reports from "./Reports.ts"
export * as ReportingCycle from "./ReportingCycle.ts"
export * as RollUp from "./RollUp.ts"
