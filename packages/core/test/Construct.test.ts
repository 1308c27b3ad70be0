import { assert, describe, it } from "@effect/vitest"
import { Agreement, Assessment, Budget, CalendarEvent, CriteriaFramework, Disbursement, Expenses, FundingRuleSet, Interest, Network, Organisation, Partnership, Programme, TrainingProgramme } from "@localrights/core"
import { Effect, Exit } from "effect"

const violations = (exit: Exit.Exit<unknown, { readonly violations: ReadonlyArray<{ readonly field: string }> }>) =>
  Exit.isFailure(exit) ? Effect.runSync(Effect.flip(exit)).violations.map((v) => v.field) : []

describe("Construct: make from plain values", () => {
  it("takes strings for ids, dates and countries, and defaults the version to 0", () => {
    const lund = Organisation.make({ id: "lund", kind: "municipality", name: { sv: "Lunds kommun" }, country: "SE" })
    assert.isTrue(Exit.isSuccess(lund))
    if (!Exit.isSuccess(lund)) return
    assert.instanceOf(lund.value, Organisation.Organisation)
    assert.deepStrictEqual([lund.value.version, lund.value.contacts, lund.value.identifiers], [0, [], {}])
  })

  it("fills each entity's own defaults: a new partnership registers interest, a new event is planned", () => {
    const p = Effect.runSync(Partnership.make({ id: "p", programme: "prog", title: { en: "P" }, swedishPartner: "lund" }))
    assert.deepStrictEqual([p.status, p.decisions, p.associates, p.version], ["interest-registered", [], [], 0])
    const e = Effect.runSync(CalendarEvent.make({
      id: "meeting",
      kind: "network-meeting",
      title: { en: "Meeting" },
      organiser: "icld",
      schedule: { _tag: "Timed", start: "2021-03-10T09:00", end: "2021-03-10T15:00", timeZone: "Europe/Stockholm" },
      links: { network: "net" }
    }))
    // an object default is merged with the given object
    assert.deepStrictEqual([e.status, e.seats, e.links], ["planned", [], { partnerships: [], network: "net" }])
  })

  it("gives stored values a version default, values and frameworks none", () => {
    const decision = Effect.runSync(Partnership.makeDecision({
      gate: "full-budget",
      outcome: "approved",
      decidedBy: "icld",
      date: "2021-01-15",
      evidence: { _tag: "Override", justification: { en: "Board decision" } }
    }))
    assert.notProperty(decision, "version")
    const framework = CriteriaFramework.make({ id: "x", name: { en: "X" } } as never)
    assert.includeMembers(violations(framework), ["version"])
  })

  it("fails with a ValidationError naming every wrong field, never throws", () => {
    const exit = Budget.make({
      id: "b",
      partnership: "not an id",
      scope: "preparation",
      currency: "SEK",
      lines: [{ id: "l1", phase: "preparation", year: 1, category: "travel", purpose: "exchange-trip", side: "swedish", amount: { minor: -1, currency: "SEK" } }]
    })
    assert.isTrue(Exit.isFailure(exit))
    assert.sameMembers(violations(exit), ["partnership", "lines[0].amount.minor"])
    const unknownField = Programme.decode({ id: "p", colour: "red" })
    assert.include(violations(unknownField), "colour")
  })

  it("a decision's evidence must fit its gate and its outcome follow the evidence; a partnership must be one the lifecycle can reach", () => {
    const rules = (exit: Exit.Exit<unknown, { readonly violations: ReadonlyArray<{ readonly field: string; readonly rule: string }> }>) =>
      Exit.isFailure(exit) ? Effect.runSync(Effect.flip(exit)).violations.map((v) => [v.field, v.rule]) : []
    const budgetEvidence = { _tag: "BudgetEvaluation", budget: "b", budgetVersion: 1, rules: "r", rulesRevision: 1, passed: true, violations: 0 } as const
    const decision = (gate: Partnership.Gate, outcome: Partnership.Outcome, evidence: unknown) =>
      Partnership.makeDecision({ gate, outcome, decidedBy: "icld", date: "2021-01-15", evidence } as never)
    assert.deepStrictEqual(rules(decision("full-budget", "approved", budgetEvidence)), [])
    assert.deepStrictEqual(rules(decision("application-assessment", "approved", budgetEvidence)), [["evidence", "evidence-for-gate"]])
    assert.deepStrictEqual(rules(decision("full-budget", "refused", budgetEvidence)), [["outcome", "outcome-follows-evidence"]])
    const assessed = { _tag: "Assessments", framework: { id: "panel", version: 1 }, assessments: ["a-1"], verdict: "revise" } as const
    assert.deepStrictEqual(rules(decision("project-plan-assessment", "approved", assessed)), [["outcome", "outcome-follows-evidence"]])
    assert.deepStrictEqual(rules(decision("preparation-budget", "refused", assessed)), [["evidence", "evidence-for-gate"]])
    assert.deepStrictEqual(rules(decision("project-plan-assessment", "approved", { ...assessed, assessments: [] })).map(([f]) => f), ["evidence.assessments[0]"])
    // an override fits any gate, with either outcome
    assert.deepStrictEqual(rules(decision("preparation-budget", "refused", { _tag: "Override", justification: { en: "Board" } })), [])

    const implementing = { id: "p", programme: "prog", title: { en: "P" }, swedishPartner: "lund", status: "implementation" } as const
    assert.sameDeepMembers(rules(Partnership.make(implementing)), [
      ["network", "network-when-admitted"],
      ["decisions", "approved-application-assessment"],
      ["internationalPartner", "international-partner-when-matched"],
      ["decisions", "approved-preparation-budget"],
      ["decisions", "approved-project-plan-assessment"],
      ["decisions", "approved-full-budget"],
      ["implementationYear", "implementation-year-when-implementing"]
    ])
    assert.deepStrictEqual(rules(Partnership.make({ ...implementing, status: "applied", implementationYear: 1 })), [["implementationYear", "implementation-year-when-implementing"]])
    // the class constructor throws on an inconsistent value, unless its checks are disabled
    assert.throws(() => new Partnership.Partnership({ ...Effect.runSync(Partnership.make({ ...implementing, status: "applied" })), status: "matched" }))
    const broken = new Partnership.Partnership({ ...Effect.runSync(Partnership.make({ ...implementing, status: "applied" })), status: "matched" }, { disableChecks: true })
    assert.strictEqual(broken.status, "matched")
    assert.isNotEmpty(Partnership.invariants(broken))
  })

  it("decode takes unknown input with the same defaults", () => {
    const net = Network.decode(JSON.parse("{\"id\":\"n\",\"programme\":\"p\",\"name\":{\"en\":\"N\"}}"))
    assert.isTrue(Exit.isSuccess(net))
    if (Exit.isSuccess(net)) assert.deepStrictEqual([net.value.version, net.value.expected], [0, []])
    assert.isTrue(Exit.isFailure(Interest.decodeForm({ consent: false })))
  })

  it.effect("yields in Effect.gen like any effect", () =>
    Effect.gen(function*() {
      const rules = yield* FundingRuleSet.make({
        id: "rules",
        revision: 1,
        name: { en: "Rules" },
        currency: "SEK",
        rules: [{ _tag: "PhaseCap", id: "preparation-cap", phase: "preparation", cap: { minor: 300_000_00, currency: "SEK" } }]
      })
      const plan = yield* Disbursement.make({ id: "plan", partnership: "p", granted: { minor: 100, currency: "SEK" } })
      const ledger = yield* Expenses.makeLedger({ id: "ledger", partnership: "p" })
      const agreement = yield* Agreement.make({
        id: "a",
        title: { en: "A" },
        parties: [{ name: { en: "One" } }, { name: { en: "Two" } }],
        period: { start: "2014-01-01", end: "2017-12-31", precision: "year" }
      })
      const training = yield* TrainingProgramme.make({
        id: "t",
        organiser: "skr",
        title: { en: "T" },
        sessions: [{ key: "s1", title: { en: "S1" }, schedule: { _tag: "Approximate", earliest: "2023-04", latest: "2023-04", timeZone: "Europe/Stockholm" } }]
      })
      const assessment = yield* Assessment.decode({
        id: "a1",
        subject: { partnership: "p", stage: "application" },
        framework: { id: "panel", version: 1 },
        assessor: "icld",
        date: "2020-11-30",
        scores: []
      })
      assert.deepStrictEqual(
        [rules.version, plan.tranches, ledger.expenses, agreement.deliverables, training.enrolments, assessment.version],
        [0, [], [], [], [], 0]
      )
    }))
})
