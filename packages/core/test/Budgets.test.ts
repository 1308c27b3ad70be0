import { assert, describe, it } from "@effect/vitest"
import { Budget, Budgets, ChangeLog, FundingRuleSet, Money, Partnership, Partnerships, Programme, Stores } from "@localrights/core"
import { IcldCohort2020 } from "@localrights/core/examples"
import { Effect, Option } from "effect"

const change = (reason: string) => ChangeLog.change("tester", reason)
const icld = (reason: string, expectedVersion?: number) => ChangeLog.change("icld", reason, expectedVersion)
const SEK = "SEK" as Money.CurrencyCode
const id = IcldCohort2020.lundFrancistown.id

const line = (lid: string, kronor: number, fields: Partial<Budget.Line> = {}): Budget.Line => ({
  id: lid,
  phase: "preparation",
  year: 1,
  category: "travel",
  purpose: "exchange-trip",
  side: "swedish",
  amount: Money.sek(kronor),
  ...fields
})
const budget = (bid: string, scope: Budget.Scope, lines: Array<Budget.Line>, version = 1) =>
  new Budget.Budget({ id: bid as never, partnership: id, scope, currency: SEK, lines, version })

// Illustrative amounts.
const passing = budget("lund-prep", "preparation", [line("travel", 200_000), line("lodging", 100_000, { category: "accommodation" })])
const overCap = budget("lund-prep-draft", "preparation", [line("travel", 280_000), line("gifts", 30_000, { category: "other", purpose: "other" })])

const matched = Effect.gen(function*() {
  yield* IcldCohort2020.load
  yield* Partnerships.register(IcldCohort2020.lundFrancistown, change("interest"))
  yield* Partnerships.execute(id, { _tag: "Apply" }, change("apply"))
  yield* Partnerships.execute(id, {
    _tag: "RecordDecision",
    decision: { gate: "application-assessment", outcome: "approved", decidedBy: "tester" as never, date: "2020-12-10" as never }
  }, change("assessed"))
  yield* Partnerships.execute(id, { _tag: "Admit", network: IcldCohort2020.network.id }, change("admit"))
  yield* Partnerships.execute(id, { _tag: "Match", internationalPartner: IcldCohort2020.francistown.id }, change("match"))
})

describe("Budgets.decide", () => {
  it.effect("an over-cap preparation budget is refused with every violation; a passing one opens the gate", () =>
    Effect.gen(function*() {
      yield* matched
      const refused = yield* Budgets.decide(overCap, { date: "2021-01-10" as never }, icld("draft budget reviewed"))
      assert.strictEqual(refused.decision.gate, "preparation-budget")
      assert.strictEqual(refused.decision.outcome, "refused")
      assert.strictEqual(refused.decision.decidedBy, "icld") // the change's actor
      assert.strictEqual(refused.decision.reference, "budget lund-prep-draft v1; funding rules icld-mr-2020 r1")
      assert.include(refused.decision.note!.sv!, "preparation-cap")
      assert.include(refused.decision.note!.en!, "gifts")
      assert.strictEqual(refused.evaluation._tag === "Failed" ? refused.evaluation.violations.length : 0, 2)
      const blocked = yield* Effect.flip(Partnerships.execute(id, { _tag: "StartPreparation" }, change("start")))
      assert.strictEqual(blocked._tag, "TransitionRefused")

      const approved = yield* Budgets.decide(passing, {}, icld("budget reviewed"))
      assert.strictEqual(approved.decision.outcome, "approved")
      assert.strictEqual(approved.decision.date, "1970-01-01") // TestClock
      assert.deepStrictEqual(Partnership.latestDecision(approved.partnership, "preparation-budget"), approved.decision)
      const started = yield* Partnerships.execute(id, { _tag: "StartPreparation" }, change("start"))
      assert.strictEqual(started.status, "preparation")

      // the full budget decides the full-budget gate
      const full = budget("lund-full", "full", [...passing.lines, line("y1", 900_000, { phase: "implementation" })])
      const stale = yield* Budgets.decide(full, {}, icld("full budget reviewed", started.version - 1)).pipe(Effect.flip)
      assert.strictEqual(stale._tag, "VersionConflict")
      const fullDecision = yield* Budgets.decide(full, {}, icld("full budget reviewed", started.version))
      assert.strictEqual(fullDecision.decision.gate, "full-budget")
      assert.strictEqual(fullDecision.decision.outcome, "approved")
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("a stored rule set with the programme's id takes precedence over the built-in one", () =>
    Effect.gen(function*() {
      yield* matched
      const stricter = FundingRuleSet.makeIcldMr2020({ totalCap: Money.sek(2_000_000) })
      yield* (yield* FundingRuleSet.Store).create(stricter, change("stricter cap"))
      const rules = yield* Budgets.rulesOf(IcldCohort2020.programme.id)
      assert.deepStrictEqual(rules.rules[1], { _tag: "ProgrammeCap", id: "total-cap", cap: Money.sek(2_000_000) })
      const over = budget("lund-full", "full", [...passing.lines, line("y1", 1_800_000, { phase: "implementation" })])
      const d = yield* Budgets.decide(over, {}, icld("full budget reviewed"))
      assert.strictEqual(d.decision.outcome, "refused")
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("a programme without funding rules never approves a budget", () =>
    Effect.gen(function*() {
      yield* matched
      const programmes = yield* Programme.Store
      const current = yield* programmes.get(IcldCohort2020.programme.id)
      const { fundingRuleSet: _, ...rest } = current
      yield* programmes.update(new Programme.Programme(rest), change("rules withdrawn"))
      const err = yield* Effect.flip(Budgets.decide(passing, {}, icld("review")))
      assert.strictEqual(err._tag, "NoFundingRules")
      if (err._tag === "NoFundingRules") {
        assert.deepStrictEqual(err.subject, { kind: "programme", id: IcldCohort2020.programme.id })
        assert.deepStrictEqual(err.violations.map((v) => [v.field, v.rule]), [["fundingRuleSet", "funding-rules-named"]])
      }
      const p = yield* Partnerships.execute(id, { _tag: "StartPreparation" }, change("start")).pipe(Effect.flip)
      assert.strictEqual(p._tag, "TransitionRefused")
    }).pipe(Effect.provide(Stores.layerMemory)))
})

describe("BudgetStore", () => {
  it.effect("stores budgets with versions and a change log", () =>
    Effect.gen(function*() {
      const store = yield* Budget.Store
      const created = yield* store.create(budget("b1", "preparation", [...passing.lines], 0), change("drafted"))
      assert.strictEqual(created.version, 1)
      const updated = yield* store.update(new Budget.Budget({ ...created, lines: created.lines.slice(0, 1) }), change("trimmed"))
      assert.strictEqual(updated.version, 2)
      assert.deepStrictEqual(Option.getOrUndefined(yield* store.find("b1"))?.lines.length, 1)
      assert.deepStrictEqual((yield* store.history("b1")).map((r) => r.command), ["CreateBudget", "UpdateBudget"])
    }).pipe(Effect.provide(Stores.layerMemory)))
})
