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
import { Budget, Budgets, CalendarDate, ChangeLog, ExchangeRates, Expenses, FundingRuleSet, Money, Partnership } from "@localrights/core"
import { IcldCohort2020 } from "@localrights/core/examples"
import { both, heading, line, onPartnership } from "./Print.ts"

const icld = (reason: string) => ChangeLog.change("icld-demo", reason)
const lund = IcldCohort2020.lundFrancistown.id
const rules = FundingRuleSet.icldMr2020

const budgetLine = (
  id: string,
  kronor: number,
  category: FundingRuleSet.CostCategory,
  purpose: FundingRuleSet.Purpose,
  side: FundingRuleSet.Side = "swedish"
) => ({ id, phase: "preparation", year: 1, category, purpose, side, amount: Money.sek(kronor) } as const)

// Illustrative amounts: only the SEK 300 000 cap and the eligible costs come from the sources.
const preparationLines = [
  budgetLine("exchange-travel", 110_000, "travel", "exchange-trip"),
  budgetLine("exchange-lodging", 50_000, "accommodation", "exchange-trip"),
  budgetLine("exchange-travel-francistown", 60_000, "travel", "exchange-trip", "international"),
  budgetLine("training-travel", 50_000, "travel", "network-training"),
  budgetLine("training-lodging", 30_000, "accommodation", "network-training")
]

const preparation = Budget.make({
  id: "lund-francistown-preparation",
  partnership: lund,
  scope: "preparation",
  currency: "SEK",
  lines: preparationLines,
  note: { sv: "Illustrativa belopp för demon.", en: "Illustrative amounts for the demo." }
})

const overCap = Budget.make({
  id: "lund-francistown-preparation-draft",
  partnership: lund,
  scope: "preparation",
  currency: "SEK",
  lines: [
    ...preparationLines.map((l) => (l.id === "exchange-travel" ? { ...l, amount: Money.sek(140_000) } : l)),
    budgetLine("laptops", 25_000, "equipment", "project-activity"),
    budgetLine("consultant", 15_000, "consultancy", "network-training")
  ]
})

const showLines = (budget: Budget.Budget) =>
  Effect.forEach(budget.lines, (l) =>
    line(
      `${l.id.padEnd(28)} ${Money.format(l.amount, "sv").padStart(16)}  ${FundingRuleSet.CostCategory.nameOf(l.category, "en")}, ${FundingRuleSet.Purpose.nameOf(l.purpose, "en")}, ${FundingRuleSet.Side.nameOf(l.side, "en")}`
    ), { discard: true })

export const section = Effect.gen(function*() {
  yield* heading("Finansieringsregler: ICLD MR 2020", "Funding rules: ICLD MR 2020")
  yield* both(rules.name)
  for (const rule of rules.rules) yield* both(FundingRuleSet.describe(rule, rules))

  yield* heading("Lunds budget för förberedelseåret (illustrativa belopp)", "Lund's preparation-year budget (illustrative amounts)")
  const budget = yield* preparation
  yield* showLines(budget)
  const evaluation = yield* Effect.fromResult(Budget.evaluate(rules, budget))
  yield* both(Budget.explain(evaluation))

  // Stored (CreateBudget), then recorded as the decision on the preparation-budget gate.
  const stored = yield* (yield* Budget.Store).create(budget, icld("Preparation budget submitted"))
  const decided = yield* Budgets.decide(
    stored,
    { date: yield* CalendarDate.make("2021-01-15") },
    yield* onPartnership(lund, "Preparation budget checked against the funding rules")
  )
  yield* line(`Decision on ${decided.decision.gate}: ${decided.decision.outcome} (${Partnership.describeEvidence(decided.decision.evidence).en})`)

  yield* heading("En budget över taket: alla avvikelser", "An over-cap budget: every violation")
  const draft = yield* overCap
  yield* showLines(draft)
  const failed = yield* Effect.fromResult(Budget.evaluate(rules, draft))
  if (failed._tag === "Failed") {
    for (const v of failed.violations) {
      yield* line(`[${v.rule}] allowed ${Money.format(v.allowed, "en")}, requested ${Money.format(v.requested, "en")}, excess ${Money.format(v.excess, "en")}`)
      yield* both(v.message)
    }
  }

  yield* heading("Utgift i pula, omräknad till kronor (illustrativ kurs)", "An expense in pula, converted to kronor (illustrative rate)")
  // An illustrative rate, not a published one: 1 BWP = 0.80 SEK on 2021-03-15.
  const rates = ExchangeRates.layerTable([{ from: "BWP", to: "SEK", date: "2021-03-15", rate: "0.80" }])
  const opened = yield* (yield* Expenses.Store).create(
    yield* Expenses.makeLedger({ id: "lund-francistown-ledger", partnership: lund, budget: stored.id }),
    icld("Ledger opened")
  )
  const entry = yield* Expenses.makeEntry({
    id: "francistown-lodging-march",
    date: "2021-03-15",
    phase: "preparation",
    year: 1,
    category: "accommodation",
    purpose: "exchange-trip",
    side: "international",
    amount: { minor: 45_000_00, currency: "BWP" },
    description: { sv: "Logi i Francistown (illustrativt)", en: "Lodging in Francistown (illustrative)" }
  })
  const { expense, ledger } = yield* Expenses.record(opened.id, entry, ChangeLog.change("icld-demo", "Expense recorded", opened.version))
    .pipe(Effect.provide(rates))
  yield* line(
    `${expense.id}: ${Money.format(expense.original, "en")} on ${expense.valueDate} at the illustrative rate ${expense.rate.rate} (of ${expense.rate.rateDate}) = ${Money.format(expense.sek, "en")} / ${Money.format(expense.sek, "sv")}`
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
