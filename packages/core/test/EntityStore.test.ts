import { assert, describe, it } from "@effect/vitest"
import { ChangeLog, DocumentStore, EntityStore, type Ids, Network, Organisation, Partnership, Partnerships, Refusal, Stores } from "@localrights/core"
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
        "Agreement",
        "Goal",
        "Indicator",
        "Actual",
        "ProgressReport",
        "ReportingRules"
      ]
    )
  })

  it.effect("create and update record Create<Name> and Update<Name>; a lifecycle step records its own command", () =>
    Effect.gen(function*() {
      yield* IcldCohort2020.load
      const networks = yield* Network.Store
      const network = yield* networks.get(IcldCohort2020.network.id)
      yield* networks.update(new Network.Network({ ...network, expected: [] }), ChangeLog.change("icld", "both joined", network.version))
      assert.deepStrictEqual((yield* networks.history(network.id)).map((r) => [r.command, r.actor]), [
        ["CreateNetwork", "seed"],
        ["UpdateNetwork", "icld"]
      ])

      yield* Partnerships.register(IcldCohort2020.lundFrancistown, change)
      yield* Partnerships.execute(IcldCohort2020.lundFrancistown.id, { _tag: "Apply" }, ChangeLog.change("tester", "test", 1))
      const history = yield* (yield* Partnership.Store).history(IcldCohort2020.lundFrancistown.id)
      assert.deepStrictEqual(history.map((r) => [r.command, r.statusBefore, r.statusAfter]), [
        ["RegisterInterest", undefined, "interest-registered"],
        ["Apply", "interest-registered", "applied"]
      ])
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("records the status after a plain create or update when the entity has one", () =>
    Effect.gen(function*() {
      yield* IcldCohort2020.load
      const partnerships = yield* Partnership.Store
      const created = yield* partnerships.create(IcldCohort2020.lundFrancistown, change)
      yield* partnerships.update(new Partnership.Partnership({ ...created, theme: { en: "Governance" } }), ChangeLog.change("tester", "test", created.version))
      assert.deepStrictEqual((yield* partnerships.history(created.id)).map((r) => [r.command, r.statusAfter]), [
        ["CreatePartnership", "interest-registered"],
        ["UpdatePartnership", "interest-registered"]
      ])
      // the low-level store (adapters, migrations) writes any valid partnership, at any status
      const lowLevel = yield* EntityStore.make("partnership", Partnership.Partnership)
      const admitted = new Partnership.Partnership({ ...IcldCohort2020.admitted[0]!, id: "imported-admitted" as Ids.PartnershipId })
      const refused = yield* partnerships.create(admitted, change).pipe(Effect.flip)
      assert.deepStrictEqual(refused._tag === "PartnershipInvalid" ? refused.violations.map((v) => v.rule) : refused._tag, ["initial-status"])
      yield* lowLevel.create(admitted, change)
      assert.deepStrictEqual((yield* lowLevel.history(admitted.id)).map((r) => [r.command, r.statusAfter]), [["CreatePartnership", "admitted"]])
      const orgs = yield* (yield* Organisation.Store).history("lund")
      assert.deepStrictEqual(orgs.map((r) => [r.command, r.statusAfter]), [["CreateOrganisation", undefined]])
    }).pipe(Effect.provide(Stores.layerMemory)))
})

describe("EntityStore: versions", () => {
  const conflict = (e: { readonly _tag: string }) =>
    e instanceof DocumentStore.VersionConflict ? [e.kind, e.id, e.expected, e.actual] : e._tag

  it.effect("update writes under the change's expected version, not the value's", () =>
    Effect.gen(function*() {
      const orgs = yield* Organisation.Store
      const created = yield* orgs.create(IcldCohort2020.icld, change)
      // the value's own version plays no part
      const renamed = yield* orgs.update(new Organisation.Organisation({ ...created, name: { en: "Renamed" }, version: 0 }), ChangeLog.change("tester", "renamed", 1))
      assert.deepStrictEqual([renamed.version, renamed.name], [2, { en: "Renamed" }])
      const stale = yield* orgs.update(new Organisation.Organisation({ ...renamed, name: { en: "Lost" } }), ChangeLog.change("tester", "stale", 1)).pipe(Effect.flip)
      assert.deepStrictEqual(conflict(stale), ["organisation", "icld", 1, 2])
      assert.deepStrictEqual((yield* orgs.get("icld")).name, { en: "Renamed" })
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("an update without an expected version is a VersionConflict (expected -1) and writes nothing", () =>
    Effect.gen(function*() {
      const orgs = yield* Organisation.Store
      const created = yield* orgs.create(IcldCohort2020.icld, change)
      for (const unstated of [change, { ...change, expectedVersion: undefined }, { ...change, expectedVersion: 1.5 }] as ReadonlyArray<ChangeLog.Update>) {
        const refused = yield* orgs.update(new Organisation.Organisation({ ...created, name: { en: "Renamed" } }), unstated).pipe(Effect.flip)
        assert.deepStrictEqual(conflict(refused), ["organisation", "icld", -1, 1])
      }
      const missing = yield* orgs.update(new Organisation.Organisation({ ...created, id: "nobody" as Ids.OrganisationId }), change as ChangeLog.Update).pipe(Effect.flip)
      assert.deepStrictEqual(conflict(missing), ["organisation", "nobody", -1, 0])
      assert.deepStrictEqual(yield* orgs.get("icld"), created)
      assert.strictEqual((yield* orgs.history("icld")).length, 1)
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("creation states absence: no version or 0; any other is a VersionConflict", () =>
    Effect.gen(function*() {
      const orgs = yield* Organisation.Store
      const refused = yield* orgs.create(IcldCohort2020.icld, ChangeLog.change("tester", "test", 3)).pipe(Effect.flip)
      assert.deepStrictEqual(conflict(refused), ["organisation", "icld", 3, 0])
      assert.strictEqual((yield* orgs.find("icld"))._tag, "None")
      assert.strictEqual((yield* orgs.create(IcldCohort2020.icld, ChangeLog.change("tester", "test", 0))).version, 1)
      const taken = yield* orgs.create(IcldCohort2020.icld, change).pipe(Effect.flip)
      assert.deepStrictEqual(conflict(taken), ["organisation", "icld", 0, 1])
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
      yield* IcldCohort2020.load
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
      const docs = yield* DocumentStore.DocumentStore
      const kinds = [...Stores.all.map((s) => s.kind), "partnership"]
      // every stored document with its version and the length of its change log
      const snapshot = Effect.gen(function*() {
        const stored = (yield* Effect.forEach(kinds, (kind) => docs.list(kind))).flat()
        return yield* Effect.forEach(stored, (doc) => Effect.map(docs.history(doc.kind, doc.id), (h) => [`${doc.kind}/${doc.id}`, doc.version, h.length] as const))
      })
      const loadAll = Effect.gen(function*() {
        yield* IcldCohort2020.load
        yield* Mr2020Conferences.load
        yield* StrategistProgramme2023.load
        yield* GovernmentAgreement2014.load
      })
      yield* loadAll
      const first = yield* snapshot
      yield* loadAll
      assert.deepStrictEqual(yield* snapshot, first)
      assert.isAbove(first.length, 20)
      // each document but the partnerships and the cancelled conferences was written once; the
      // admitted partnerships went through the lifecycle, the conferences were created planned
      // and cancelled
      assert.deepStrictEqual(first.filter(([key, , length]) => !key.startsWith("partnership/") && length !== (key.startsWith("calendar-event/mr-2020-") ? 2 : 1)), [])
      const partnerships = yield* Partnership.Store
      assert.deepStrictEqual((yield* partnerships.list()).map((p) => [p.id, p.status, p.version]), [...IcldCohort2020.admitted].sort((a, b) => a.id.localeCompare(b.id)).map((p) => [p.id, "admitted", 4]))
      assert.deepStrictEqual((yield* partnerships.history(IcldCohort2020.admitted[0]!.id)).map((r) => r.command), ["RegisterInterest", "Apply", "OverrideDecision", "Admit"])
    }).pipe(Effect.provide(Stores.layerMemory)))
})
