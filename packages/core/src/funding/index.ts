/**
 * Funding, budgets and money flows.
 *
 * Money under fixed rules: funding rule sets (caps per phase, year and programme, eligible
 * costs, shares), budgets checked against them (`Budget` is pure, `Budgets` turns a check into
 * a lifecycle decision against the stores), the expense ledger in any currency with exchange
 * rates on the value date (`Expenses`, `ExchangeRates`), and disbursement in tranches
 * (`Disbursement`).
 *
 * @module
 * @since 0.2.0
 */
export * as FundingRuleSet from "./FundingRuleSet.ts"
export * as Budget from "./Budget.ts"
export * as Budgets from "./Budgets.ts"
export * as Expenses from "./Expenses.ts"
export * as ExchangeRates from "./ExchangeRates.ts"
export * as Disbursement from "./Disbursement.ts"
