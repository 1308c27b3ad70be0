import { assert, describe, it } from "@effect/vitest"
import { ChangeLog, DocumentStore, EntityStore, Network, Organisation, Partnership, Partnerships, Refusal, Stores } from "@localrights/core"
import { GovernmentAgreement2014, IcldCohort2020, Mr2020Conferences, StrategistProgramme2023 } from "@localrights/core/examples"
import { Effect } from "effect"

const change = ChangeLog.change("tester", "test")

describe("EntityStore: command names", () => {
  it("derives each entity's name from its kind, once per store", () => {
    assert.strictEqual(EntityStore.nameOf("organisation"), "Organisation")
    assert.strictEqual(EntityStore.nameOf("funding-rule-set"), "FundingRuleSet")
    assert.strictEqual(EntityStore.nameOf("interest-expression"), "InterestExpression")
    assert.deepStrictEqual(
      Stores.all.map((s) => s.entityName),
      [
        "Organisation",
        "Programme",
        "Network",
        "InterestExpression",
        "FundingRuleSet",
        "Budget",
        "ExpenseLedger",
        "DisbursementPlan",
        "Assessment",
        "CalendarEvent",
        "TrainingProgramme",
        "Agreement"
      ]
    )
  })

  it.effect("create and update record Create<Name> and Update<Name>; a lifecycle step records its own command", () =>
    Effect.gen(function*() {
      yield* IcldCohort2020.load
      const networks = yield* Network.Store
      const network = yield* networks.get(IcldCohort2020.network.id)
      yield* networks.update(new Network.Network({ ...network, expected: [] }), ChangeLog.change("icld", "both joined"))
      assert.deepStrictEqual((yield* networks.history(network.id)).map((r) => [r.command, r.actor]), [
        ["CreateNetwork", "seed"],
        ["UpdateNetwork", "icld"]
      ])

      yield* Partnerships.register(IcldCohort2020.lundFrancistown, change)
      yield* Partnerships.execute(IcldCohort2020.lundFrancistown.id, { _tag: "Apply" }, change)
      const history = yield* (yield* Partnership.Store).history(IcldCohort2020.lundFrancistown.id)
      assert.deepStrictEqual(history.map((r) => [r.command, r.statusBefore, r.statusAfter]), [
        ["RegisterInterest", undefined, "interest-registered"],
        ["Apply", "interest-registered", "applied"]
      ])
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("records the status after a plain create or update when the entity has one", () =>
    Effect.gen(function*() {
      yield* IcldCohort2020.load
      const admitted = IcldCohort2020.admitted[0]!
      const history = yield* (yield* Partnership.Store).history(admitted.id)
      assert.deepStrictEqual(history.map((r) => [r.command, r.statusAfter]), [["CreatePartnership", "admitted"]])
      const orgs = yield* (yield* Organisation.Store).history("lund")
      assert.deepStrictEqual(orgs.map((r) => [r.command, r.statusAfter]), [["CreateOrganisation", undefined]])
    }).pipe(Effect.provide(Stores.layerMemory)))
})

describe("EntityStore.ensure (memory store)", () => {
  it.effect("ensure twice stores one record; the second returns the stored value untouched", () =>
    Effect.gen(function*() {
      const orgs = yield* Organisation.Store
      const lund = yield* Organisation.make({ id: "lund", kind: "municipality", name: { sv: "Lunds kommun" }, country: "SE" })
      const first = yield* orgs.ensure(lund, change)
      const second = yield* orgs.ensure(lund, ChangeLog.change("someone-else", "seeded again"))
      assert.strictEqual(first.version, 1)
      assert.deepStrictEqual(second, first)
      assert.deepStrictEqual((yield* orgs.history("lund")).map((r) => [r.version, r.command, r.actor]), [[1, "CreateOrganisation", "tester"]])
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("ignores the version of the value given", () =>
    Effect.gen(function*() {
      const orgs = yield* Organisation.Store
      const stored = yield* orgs.ensure(IcldCohort2020.icld, change)
      const again = yield* orgs.ensure(new Organisation.Organisation({ ...IcldCohort2020.icld, version: 7 }), change)
      assert.strictEqual(again.version, stored.version)
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("refuses a changed field, naming it with the stored and the given value, and writes nothing", () =>
    Effect.gen(function*() {
      const partnerships = yield* Partnership.Store
      yield* partnerships.ensure(IcldCohort2020.lundFrancistown, change)
      const changed = yield* Partnership.make({ ...IcldCohort2020.lundFrancistown, theme: { en: "Governance" }, goals: [{ en: "A goal" }] })
      const refused = yield* partnerships.ensure(changed, change).pipe(Effect.flip)
      assert.strictEqual(refused._tag, "EnsureRefused")
      assert.isTrue(Refusal.isRefusal(refused))
      if (refused._tag !== "EnsureRefused") return
      assert.deepStrictEqual(refused.subject, { kind: "partnership", id: "lund-francistown" })
      assert.deepStrictEqual(refused.differences, [
        { field: "theme.en", stored: "\"Human Rights\"", given: "\"Governance\"" },
        { field: "goals[0]", given: "{\"en\":\"A goal\"}" }
      ])
      assert.deepStrictEqual(refused.violations.map((v) => [v.field, v.rule]), [["theme.en", "same-as-stored"], ["goals[0]", "same-as-stored"]])
      assert.strictEqual(
        refused.explain("en"),
        "partnership lund-francistown:\n- theme.en: Already stored as \"Human Rights\", given \"Governance\".\n- goals[0]: Already stored as (absent), given {\"en\":\"A goal\"}."
      )
      assert.include(refused.explain("sv"), "theme.en: Redan lagrat som \"Human Rights\", angivet \"Governance\".")
      const stored = yield* partnerships.get("lund-francistown")
      assert.deepStrictEqual([stored.version, stored.theme, stored.goals], [1, { en: "Human Rights" }, []])
      assert.strictEqual((yield* partnerships.history("lund-francistown")).length, 1)
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("every example loader can run again: a second load changes nothing", () =>
    Effect.gen(function*() {
      for (let run = 0; run < 2; run++) {
        yield* IcldCohort2020.load
        yield* Mr2020Conferences.load
        yield* StrategistProgramme2023.load
        yield* GovernmentAgreement2014.load
      }
      const docs = yield* DocumentStore.DocumentStore
      const stored = (yield* Effect.forEach([...Stores.all.map((s) => s.kind), "partnership"], (kind) => docs.list(kind))).flat()
      const rewritten = yield* Effect.filter(stored, (doc) => Effect.map(docs.history(doc.kind, doc.id), (h) => h.length !== 1))
      assert.isAbove(stored.length, 20)
      assert.deepStrictEqual(rewritten.map((d) => `${d.kind}/${d.id}`), [])
      const partnerships = yield* (yield* Partnership.Store).list()
      assert.deepStrictEqual(partnerships.map((p) => p.version), IcldCohort2020.admitted.map(() => 1))
    }).pipe(Effect.provide(Stores.layerMemory)))
})
