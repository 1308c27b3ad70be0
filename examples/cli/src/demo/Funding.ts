/**
 * Demo section: the ICLD MR 2020 funding rules, Lund's preparation budget checked against them
 * and recorded as the preparation-budget decision, an over-cap budget with every violation in
 * both languages, and an expense in BWP converted to SEK.
 *
 * The sources give only the rules (SEK 300 000 for the preparation year; nearly SEK 3 million
 * over four years; travel and lodging for exchange trips and network trainings). Every amount,
 * date and exchange rate below is illustrative, made up for the demo.
 */
import { Effect } from "effect"
import { Budget, Budgets, type CalendarDate, ChangeLog, ExchangeRates, Expenses, FundingRuleSet, type Ids, Money, Partnership } from "@localrights/core"
import { IcldMr2020 } from "@localrights/core/examples"
import { both, heading, line } from "./Print.ts"

const icld = (reason: string) => ChangeLog.change("icld-demo", reason)
const lund = IcldMr2020.lundFrancistown.id
const rules = FundingRuleSet.IcldMr2020

const budgetLine = (
  id: string,
  kronor: number,
  category: FundingRuleSet.CostCategory,
  purpose: FundingRuleSet.Purpose,
  side: FundingRuleSet.Side = "swedish"
): Budget.Line => ({ id, phase: "preparation", year: 1, category, purpose, side, amount: Money.sek(kronor) })

// Illustrative amounts: only the SEK 300 000 cap and the eligible costs come from the sources.
const preparation = new Budget.Budget({
  id: "lund-francistown-preparation" as Ids.BudgetId,
  partnership: lund,
  scope: "preparation",
  currency: "SEK" as Money.CurrencyCode,
  lines: [
    budgetLine("exchange-travel", 110_000, "travel", "exchange-trip"),
    budgetLine("exchange-lodging", 50_000, "accommodation", "exchange-trip"),
    budgetLine("exchange-travel-francistown", 60_000, "travel", "exchange-trip", "international"),
    budgetLine("training-travel", 50_000, "travel", "network-training"),
    budgetLine("training-lodging", 30_000, "accommodation", "network-training")
  ],
  note: { sv: "Illustrativa belopp för demon.", en: "Illustrative amounts for the demo." },
  version: 0
})

const overCap = new Budget.Budget({
  ...preparation,
  id: "lund-francistown-preparation-draft" as Ids.BudgetId,
  lines: [
    ...preparation.lines.map((l) => (l.id === "exchange-travel" ? { ...l, amount: Money.sek(140_000) } : l)),
    budgetLine("laptops", 25_000, "equipment", "project-activity"),
    budgetLine("consultant", 15_000, "consultancy", "network-training")
  ],
  version: 0
})

const showLines = (budget: Budget.Budget) =>
  Effect.forEach(budget.lines, (l) =>
    line(
      `${l.id.padEnd(28)} ${Money.format(l.amount, "sv").padStart(16)}  ${FundingRuleSet.categoryNames[l.category].en}, ${FundingRuleSet.purposeNames[l.purpose].en}, ${FundingRuleSet.sideNames[l.side].en}`
    ), { discard: true })

export const section = Effect.gen(function*() {
  yield* heading("Finansieringsregler: ICLD MR 2020", "Funding rules: ICLD MR 2020")
  yield* both(rules.name)
  for (const rule of rules.rules) yield* both(FundingRuleSet.describe(rule, rules))

  yield* heading("Lunds budget för förberedelseåret (illustrativa belopp)", "Lund's preparation-year budget (illustrative amounts)")
  yield* showLines(preparation)
  const evaluation = yield* Effect.fromResult(Budget.evaluate(rules, preparation))
  yield* both(Budget.explain(evaluation))

  // Stored, then recorded as the decision on the preparation-budget gate.
  const stored = yield* (yield* Budget.Store).create(preparation, { ...icld("Preparation budget submitted"), command: "Submit" })
  const decided = yield* Budgets.decide(stored, {
    decidedBy: "icld-demo",
    date: "2021-01-15" as CalendarDate.CalendarDate,
    change: icld("Preparation budget checked against the funding rules")
  })
  yield* line(`Decision on ${decided.decision.gate}: ${decided.decision.outcome} (${decided.decision.reference})`)

  yield* heading("En budget över taket: alla avvikelser", "An over-cap budget: every violation")
  yield* showLines(overCap)
  const failed = yield* Effect.fromResult(Budget.evaluate(rules, overCap))
  if (failed._tag === "Failed") {
    for (const v of failed.violations) {
      yield* line(`[${v.rule}] allowed ${Money.format(v.allowed, "en")}, requested ${Money.format(v.requested, "en")}, excess ${Money.format(v.excess, "en")}`)
      yield* both(v.message)
    }
  }

  yield* heading("Utgift i pula, omräknad till kronor (illustrativ kurs)", "An expense in pula, converted to kronor (illustrative rate)")
  // An illustrative rate, not a published one: 1 BWP = 0.80 SEK on 2021-03-15.
  const rates = ExchangeRates.layerTable([{ from: "BWP", to: "SEK", date: "2021-03-15", rate: "0.80" }])
  const expense = yield* Expenses.record({
    id: "francistown-lodging-march",
    date: "2021-03-15" as CalendarDate.CalendarDate,
    phase: "preparation",
    year: 1,
    category: "accommodation",
    purpose: "exchange-trip",
    side: "international",
    amount: Money.make(45_000_00, "BWP" as Money.CurrencyCode),
    description: { sv: "Logi i Francistown (illustrativt)", en: "Lodging in Francistown (illustrative)" }
  }).pipe(Effect.provide(rates))
  yield* line(
    `${expense.id}: ${Money.format(expense.original, "en")} on ${expense.valueDate} at the illustrative rate ${expense.rate.rate} (of ${expense.rate.rateDate}) = ${Money.format(expense.sek, "en")} / ${Money.format(expense.sek, "sv")}`
  )
  const ledger = yield* (yield* Expenses.Store).create(
    new Expenses.Ledger({ id: "lund-francistown-ledger" as Ids.LedgerId, partnership: lund, budget: stored.id, expenses: [expense], version: 0 }),
    { ...icld("Expense recorded"), command: "RecordExpense" }
  )
  const report = yield* Effect.fromResult(Expenses.compare(stored, ledger, rules))
  for (const r of report.rows) {
    yield* line(
      `${r.phase}/${r.category}: budget ${Money.format(r.budgeted, "en")}, actual ${Money.format(r.actual, "en")}, remaining ${Money.format(r.remaining, "en")}`
    )
  }
  for (const w of report.warnings) yield* both(w.message)

  const after = yield* (yield* Partnership.Store).get(lund)
  yield* line(`Partnership ${after.id}: status ${after.status}, ${after.decisions.length} decisions recorded, version ${after.version}`)
})
