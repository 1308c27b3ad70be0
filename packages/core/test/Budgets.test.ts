import { assert, describe, it } from "@effect/vitest"
import { Budget, Budgets, ChangeLog, FundingRuleSet, Money, Partnership, Partnerships, Programme, Stores } from "@localrights/core"
import { IcldCohort2020 } from "@localrights/core/examples"
import { Effect, Option } from "effect"

const change = (reason: string) => ChangeLog.change("tester", reason)
const icld = (reason: string, expectedVersion: number) => ChangeLog.change("icld", reason, expectedVersion)
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

// a change to Lund's partnership, stating the version just read
const onLund = (reason: string, actor = "tester") =>
  Effect.gen(function*() {
    return ChangeLog.change(actor, reason, (yield* (yield* Partnership.Store).get(id)).version)
  })

// a budget as the store holds it (Budgets.decide re-reads the one it decides)
const stored = (b: Budget.Budget) =>
  Effect.gen(function*() {
    return yield* (yield* Budget.Store).create(b, change("drafted"))
  })

const matched = Effect.gen(function*() {
  yield* IcldCohort2020.load
  yield* Partnerships.register(IcldCohort2020.lundFrancistown, change("interest"))
  yield* Partnerships.execute(id, { _tag: "Apply" }, yield* onLund("apply"))
  // the application assessment is not what these tests are about: decided outside the system
  yield* Partnerships.overrideDecision(id, {
    gate: "application-assessment",
    outcome: "approved",
    justification: { en: "assessed outside the system" },
    date: "2020-12-10" as never
  }, yield* onLund("assessed"))
  yield* Partnerships.execute(id, { _tag: "Admit", network: IcldCohort2020.network.id }, yield* onLund("admit"))
  yield* Partnerships.execute(id, { _tag: "Match", internationalPartner: IcldCohort2020.francistown.id }, yield* onLund("match"))
})

describe("Budgets.decide", () => {
  it.effect("an over-cap preparation budget is refused with every violation; a passing one opens the gate", () =>
    Effect.gen(function*() {
      yield* matched
      // a budget that is not stored, or not at the version given, is no evidence
      const unstored = yield* Budgets.decide(overCap, {}, yield* onLund("draft budget reviewed", "icld")).pipe(Effect.flip)
      assert.deepStrictEqual(unstored._tag === "NotFound" ? [unstored.kind, unstored.id] : unstored._tag, ["budget", "lund-prep-draft"])
      yield* stored(overCap)
      const otherVersion = yield* Budgets.decide(new Budget.Budget({ ...overCap, version: 2 }), {}, yield* onLund("draft budget reviewed", "icld"))
        .pipe(Effect.flip)
      assert.deepStrictEqual(otherVersion._tag === "VersionConflict" ? [otherVersion.kind, otherVersion.expected, otherVersion.actual] : otherVersion._tag, ["budget", 2, 1])
      assert.deepStrictEqual((yield* (yield* Partnership.Store).get(id)).decisions.map((d) => d.gate), ["application-assessment"])
      const refused = yield* Budgets.decide(overCap, { date: "2021-01-10" as never }, yield* onLund("draft budget reviewed", "icld"))
      assert.strictEqual(refused.decision.gate, "preparation-budget")
      assert.strictEqual(refused.decision.outcome, "refused")
      assert.strictEqual(refused.decision.decidedBy, "icld") // the change's actor
      // the evidence names the budget (id and version) and the rule set (id and revision)
      assert.deepStrictEqual<unknown>(refused.decision.evidence, {
        _tag: "BudgetEvaluation",
        budget: "lund-prep-draft",
        budgetVersion: 1,
        rules: "icld-mr-2020",
        rulesRevision: 1,
        passed: false,
        violations: 2
      })
      assert.strictEqual(Partnership.describeEvidence(refused.decision.evidence).en, "Budget lund-prep-draft v1; icld-mr-2020 r1: 2 violations")
      assert.include(refused.decision.note!.sv!, "preparation-cap")
      assert.include(refused.decision.note!.en!, "gifts")
      assert.strictEqual(refused.evaluation._tag === "Failed" ? refused.evaluation.violations.length : 0, 2)
      const blocked = yield* Effect.flip(Partnerships.execute(id, { _tag: "StartPreparation" }, yield* onLund("start")))
      assert.strictEqual(blocked._tag, "TransitionRefused")

      yield* stored(passing)
      const approved = yield* Budgets.decide(passing, {}, yield* onLund("budget reviewed", "icld"))
      assert.strictEqual(approved.decision.outcome, "approved")
      assert.strictEqual(approved.decision.date, "1970-01-01") // TestClock
      assert.deepStrictEqual(Partnership.latestDecision(approved.partnership, "preparation-budget"), approved.decision)
      assert.strictEqual(Partnership.describeEvidence(approved.decision.evidence).en, "Budget lund-prep v1; icld-mr-2020 r1: within the rules")

      // the gate re-reads the budget: changed since its approval, it needs a new decision
      const budgets = yield* Budget.Store
      const revised = yield* budgets.update(new Budget.Budget({ ...passing, lines: passing.lines.slice(0, 1) }), ChangeLog.change("tester", "lodging dropped", 1))
      const changedSince = yield* Partnerships.execute(id, { _tag: "StartPreparation" }, yield* onLund("start")).pipe(Effect.flip)
      if (changedSince._tag !== "TransitionRefused") return assert.fail(changedSince.message)
      assert.deepStrictEqual(changedSince.violations.map((v) => [v.rule, v.value]), [["evidence-current", "lund-prep"]])
      const again = yield* Budgets.decide(revised, {}, yield* onLund("revised budget reviewed", "icld"))
      assert.deepStrictEqual(
        again.decision.evidence._tag === "BudgetEvaluation" ? [again.decision.evidence.budgetVersion, again.decision.evidence.passed] : again.decision.evidence._tag,
        [2, true]
      )
      const started = yield* Partnerships.execute(id, { _tag: "StartPreparation" }, yield* onLund("start"))
      assert.strictEqual(started.status, "preparation")

      // a refusal on the gate already passed would leave a preparation year without an approved
      // budget: refused, nothing recorded
      const late = yield* Budgets.decide(overCap, {}, icld("draft reviewed again", started.version)).pipe(Effect.flip)
      if (late._tag !== "TransitionRefused") return assert.fail(late.message)
      assert.deepStrictEqual(late.violations.map((v) => v.rule), ["approved-preparation-budget"])
      assert.deepStrictEqual(yield* (yield* Partnership.Store).get(id), started)

      // the full budget decides the full-budget gate
      const full = yield* stored(budget("lund-full", "full", [...passing.lines, line("y1", 900_000, { phase: "implementation" })]))
      const stale = yield* Budgets.decide(full, {}, icld("full budget reviewed", started.version - 1)).pipe(Effect.flip)
      assert.strictEqual(stale._tag, "VersionConflict")
      const unstated = yield* Budgets.decide(full, {}, { actor: "icld", reason: "no version" } as ChangeLog.Update).pipe(Effect.flip)
      assert.deepStrictEqual(unstated._tag === "VersionConflict" ? [unstated.expected, unstated.actual] : unstated._tag, [-1, started.version])
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
      const over = yield* stored(budget("lund-full", "full", [...passing.lines, line("y1", 1_800_000, { phase: "implementation" })]))
      const d = yield* Budgets.decide(over, {}, yield* onLund("full budget reviewed", "icld"))
      assert.strictEqual(d.decision.outcome, "refused")
      assert.deepStrictEqual<unknown>(
        d.decision.evidence._tag === "BudgetEvaluation" ? [d.decision.evidence.rules, d.decision.evidence.passed] : d.decision.evidence._tag,
        ["icld-mr-2020", false]
      )
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("a programme without funding rules never approves a budget", () =>
    Effect.gen(function*() {
      yield* matched
      const programmes = yield* Programme.Store
      const current = yield* programmes.get(IcldCohort2020.programme.id)
      const { fundingRuleSet: _, ...rest } = current
      yield* programmes.update(new Programme.Programme(rest), ChangeLog.change("tester", "rules withdrawn", current.version))
      yield* stored(passing)
      const err = yield* Effect.flip(Budgets.decide(passing, {}, yield* onLund("review", "icld")))
      assert.strictEqual(err._tag, "NoFundingRules")
      if (err._tag === "NoFundingRules") {
        assert.deepStrictEqual(err.subject, { kind: "programme", id: IcldCohort2020.programme.id })
        assert.deepStrictEqual(err.violations.map((v) => [v.field, v.rule]), [["fundingRuleSet", "funding-rules-named"]])
      }
      const p = yield* Partnerships.execute(id, { _tag: "StartPreparation" }, yield* onLund("start")).pipe(Effect.flip)
      assert.strictEqual(p._tag, "TransitionRefused")
    }).pipe(Effect.provide(Stores.layerMemory)))
})

describe("BudgetStore", () => {
  it.effect("stores budgets with versions and a change log", () =>
    Effect.gen(function*() {
      const store = yield* Budget.Store
      const created = yield* store.create(budget("b1", "preparation", [...passing.lines], 0), change("drafted"))
      assert.strictEqual(created.version, 1)
      const trimmed = new Budget.Budget({ ...created, lines: created.lines.slice(0, 1) })
      // an update states the version it read: none, or an older one, is a conflict
      const unstated = yield* store.update(trimmed, change("trimmed") as ChangeLog.Update).pipe(Effect.flip)
      assert.deepStrictEqual(unstated._tag === "VersionConflict" ? [unstated.expected, unstated.actual] : unstated._tag, [-1, 1])
      const updated = yield* store.update(trimmed, ChangeLog.change("tester", "trimmed", created.version))
      assert.strictEqual(updated.version, 2)
      const stale = yield* store.update(trimmed, ChangeLog.change("tester", "trimmed again", created.version)).pipe(Effect.flip)
      assert.deepStrictEqual(stale._tag === "VersionConflict" ? [stale.expected, stale.actual] : stale._tag, [1, 2])
      assert.deepStrictEqual(Option.getOrUndefined(yield* store.find("b1"))?.lines.length, 1)
      assert.deepStrictEqual((yield* store.history("b1")).map((r) => r.command), ["CreateBudget", "UpdateBudget"])
    }).pipe(Effect.provide(Stores.layerMemory)))
})
