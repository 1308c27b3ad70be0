/**
 * P5: evaluations per second of a 10-line budget against the built-in ICLD MR 2020 rule set,
 * through the public `Budget.evaluate`. Goal: >= 1 000 000 evaluations per second on one core
 * (absolute). The baseline, for reference only, is a straightforward evaluation of the same
 * rules (filter and reduce per rule, a fresh object per step), as one would first write it.
 * Details give the figure for a failing budget (every violation with sv/en messages) too.
 *
 * Rounds (default 10): `Budget.evaluate` and the straightforward version alternate (A B, B A,
 * …), 500 ms each (times `BENCH_SCALE`, at least 100 ms) after 1 s of warm-up; the headline is
 * the median evaluations per CPU second (per core, as the goal says).
 */
import { Budget, FundingRuleSet, Money } from "@localrights/core"
import { Result } from "effect"
import { compareOps, opsPerSecond, type Measure } from "../Measure.ts"
import { median } from "../lib/stats.ts"

type Line = Budget.Line
const sek = Money.sek
const line = (
  id: string,
  phase: FundingRuleSet.Phase,
  year: number,
  category: FundingRuleSet.CostCategory,
  purpose: FundingRuleSet.Purpose,
  kronor: number
): Line => ({ id, phase, year, category, purpose, side: "swedish", amount: sek(kronor) })

const make = (lines: Array<Line>) =>
  new Budget.Budget({
    id: "bench" as never,
    partnership: "bench" as never,
    scope: "full",
    currency: "SEK" as Money.CurrencyCode,
    lines,
    version: 1
  })

// Illustrative amounts, not from any source.
const passing = make([
  line("p1", "preparation", 1, "travel", "exchange-trip", 120_000),
  line("p2", "preparation", 1, "accommodation", "exchange-trip", 60_000),
  line("p3", "preparation", 1, "travel", "network-training", 70_000),
  line("p4", "preparation", 1, "accommodation", "network-training", 40_000),
  line("i1", "implementation", 1, "travel", "exchange-trip", 400_000),
  line("i2", "implementation", 1, "accommodation", "exchange-trip", 200_000),
  line("i3", "implementation", 2, "travel", "network-training", 500_000),
  line("i4", "implementation", 2, "accommodation", "network-training", 250_000),
  line("i5", "implementation", 3, "travel", "exchange-trip", 600_000),
  line("i6", "implementation", 3, "accommodation", "exchange-trip", 300_000)
])
const failing = make([
  ...passing.lines.slice(0, 8),
  line("x1", "preparation", 1, "equipment", "project-activity", 50_000),
  line("x2", "implementation", 3, "travel", "exchange-trip", 1_200_000)
])

// The straightforward version of the same rules, with the same output shape for a passing
// budget (headroom with allowed, used and remaining amounts, wrapped in a Result).
const naive = (set: FundingRuleSet.FundingRuleSet, budget: Budget.Budget) => {
  if (budget.currency !== set.currency) return Result.fail("currency")
  const grant = budget.lines.filter((l) => l.funding !== "own")
  const violations: Array<{ rule: string; lines: Array<string>; excess: number }> = []
  const headroom: Array<{ rule: string; kind: string; allowed: Money.Money; used: Money.Money; remaining: Money.Money }> = []
  for (const rule of set.rules) {
    if (rule._tag === "PhaseCap" || rule._tag === "ProgrammeCap") {
      const involved = grant.filter((l) => rule._tag === "ProgrammeCap" || l.phase === rule.phase)
      const used = involved.map((l) => l.amount.minor).reduce((a, b) => a + b, 0)
      if (used > rule.cap.minor) violations.push({ rule: rule.id, lines: involved.map((l) => l.id).sort(), excess: used - rule.cap.minor })
      else {
        headroom.push({
          rule: rule.id,
          kind: rule._tag,
          allowed: rule.cap,
          used: { minor: used, currency: rule.cap.currency },
          remaining: { minor: rule.cap.minor - used, currency: rule.cap.currency }
        })
      }
    } else if (rule._tag === "EligibleCosts") {
      for (const l of grant) {
        if (!rule.categories.includes(l.category) || !rule.purposes.includes(l.purpose)) {
          violations.push({ rule: rule.id, lines: [l.id], excess: l.amount.minor })
        }
      }
    }
  }
  return Result.succeed(violations.length === 0 ? { pass: true, headroom } : { pass: false, violations, headroom })
}

const rules = FundingRuleSet.icldMr2020
let sink = 0

const subject = () => {
  const e = Budget.evaluate(rules, passing)
  if (Result.isSuccess(e)) sink += e.success.headroom.length
}
const baseline = () => {
  const e = naive(rules, passing)
  if (Result.isSuccess(e)) sink += e.success.headroom.length
}

export const measure: Measure = {
  id: "P5",
  name: "budget evaluations (10 lines, ICLD MR 2020 rules)",
  run: async ({ rounds = 10, scale }) => {
    const check = Budget.evaluate(rules, passing)
    if (!Result.isSuccess(check) || check.success._tag !== "Passed") throw new Error("P5: the passing budget does not pass")
    const ms = Math.max(100, 500 * scale)
    const r = await compareOps(subject, baseline, { rounds, ms })
    const failingRate = opsPerSecond(() => {
      const e = Budget.evaluate(rules, failing)
      if (Result.isSuccess(e) && e.success._tag === "Failed") sink += e.success.violations.length
    }, ms, ms / 4)
    return {
      figures: [
        { name: "Budget.evaluate", unit: "evaluations/s", better: "higher", rounds: r.subject.cpu, goals: [{ on: "median", op: ">=", bound: 1_000_000 }] },
        { name: "ratio to straightforward version", unit: "×", better: "higher", rounds: r.ratio }
      ],
      details: {
        baseline: "straightforward filter/reduce evaluation (context only: the goal is absolute)",
        clock: "evaluations per CPU second of the process (process.cpuUsage)",
        wallEvaluationsPerSecond: Math.round(median(r.subject.wall)),
        failingBudgetEvaluationsPerSecond: Math.round(failingRate.cpu),
        lines: passing.lines.length,
        msPerSide: ms,
        sink: sink > 0 ? "ok" : "none"
      }
    }
  }
}
