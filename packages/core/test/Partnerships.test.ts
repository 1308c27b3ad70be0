import { assert, describe, it } from "@effect/vitest"
import { Budget, Budgets, type CalendarDate, ChangeLog, type Ids, type Lifecycle, Money, Organisation, Partnership, Partnerships, Stores } from "@localrights/core"
import { IcldCohort2020 } from "@localrights/core/examples"
import { Effect, Option } from "effect"

const change = ChangeLog.change("tester", "test")
// a change to a stored partnership, stating the version just read
const at = (id: string) =>
  Effect.gen(function*() {
    const p = yield* (yield* Partnership.Store).get(id)
    return ChangeLog.change("tester", "test", p.version)
  })
const execute = (id: string, command: Lifecycle.CommandInput) => Effect.flatMap(at(id), (c) => Partnerships.execute(id, command, c))
// Lund registered, applied, its application approved and admitted to the 2020 network
const admittedLund = Effect.gen(function*() {
  yield* IcldCohort2020.load
  const id = IcldCohort2020.lundFrancistown.id
  yield* Partnerships.register(IcldCohort2020.lundFrancistown, change)
  yield* execute(id, { _tag: "Apply" })
  yield* approve(id, "application-assessment")
  return yield* execute(id, { _tag: "Admit", network: IcldCohort2020.network.id })
})
const approve = (id: string, gate: Partnership.Gate) =>
  Effect.flatMap(at(id), (c) =>
    Partnerships.overrideDecision(id, { gate, outcome: "approved", justification: { en: "test" }, date: "2020-12-01" as CalendarDate.CalendarDate }, c))

describe("Workflow", () => {
  it.effect("registers only Swedish partners of an eligible kind", () =>
    Effect.gen(function*() {
      yield* IcldCohort2020.load
      const university = yield* Partnership.make({ ...IcldCohort2020.lundFrancistown, swedishPartner: "lund-university" })
      const refused = yield* Partnerships.register(university, change).pipe(Effect.flip)
      assert.strictEqual(refused._tag, "PartnershipInvalid")
      if (refused._tag === "PartnershipInvalid") {
        assert.deepStrictEqual(refused.subject, { kind: "partnership", id: IcldCohort2020.lundFrancistown.id })
        const [v] = refused.violations
        assert.deepStrictEqual([v.field, v.value, v.rule], ["swedishPartner", "lund-university", "eligible-swedish-partner-kind"])
        assert.include(v.text.sv, "university")
        assert.include(refused.explain("en"), "the programme accepts")
      }
      const unknown = yield* Partnerships.register(yield* Partnership.make({ ...IcldCohort2020.lundFrancistown, swedishPartner: "atlantis" }), change)
        .pipe(Effect.flip)
      assert.strictEqual(unknown._tag, "PartnershipInvalid")
      if (unknown._tag === "PartnershipInvalid") assert.deepStrictEqual(unknown.violations.map((v) => [v.field, v.rule]), [["swedishPartner", "organisation-exists"]])
      const created = yield* Partnerships.register(IcldCohort2020.lundFrancistown, change)
      assert.strictEqual(created.version, 1)
      const twice = yield* Partnerships.register(IcldCohort2020.lundFrancistown, change).pipe(Effect.flip)
      assert.strictEqual(twice._tag, "VersionConflict")
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("admits into a network only while it has room", () =>
    Effect.gen(function*() {
      yield* IcldCohort2020.load // five partnerships already admitted to the network
      const orgs = yield* Organisation.Store
      const ids: Array<string> = []
      for (const n of [1, 2, 3, 4]) {
        const org = yield* orgs.create(yield* Organisation.make({ ...IcldCohort2020.swedishMunicipalities[0]!, id: `kommun-${n}` }), change)
        const p = yield* Partnerships.register(
          yield* Partnership.make({ ...IcldCohort2020.lundFrancistown, id: `p-${n}`, swedishPartner: org.id }),
          change
        )
        yield* execute(p.id, { _tag: "Apply" })
        yield* approve(p.id, "application-assessment")
        ids.push(p.id)
      }
      for (const id of ids.slice(0, 3)) {
        const admitted = yield* execute(id, { _tag: "Admit", network: IcldCohort2020.network.id })
        assert.strictEqual(admitted.status, "admitted")
      }
      const full = yield* execute(ids[3]!, { _tag: "Admit", network: IcldCohort2020.network.id }).pipe(Effect.flip)
      assert.strictEqual(full._tag, "TransitionRefused")
      if (full._tag === "TransitionRefused") assert.deepStrictEqual(full.violations.map((v) => v.rule), ["network-capacity"])
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("matches with a known partner, records the country, and refuses a stale version", () =>
    Effect.gen(function*() {
      const id = IcldCohort2020.lundFrancistown.id
      yield* admittedLund
      const unknownPartner = yield* execute(id, { _tag: "Match", internationalPartner: "gaborone" as Ids.OrganisationId })
        .pipe(Effect.flip)
      assert.strictEqual(unknownPartner._tag, "TransitionRefused")
      const matched = yield* Partnerships.execute(
        id,
        { _tag: "Match", internationalPartner: IcldCohort2020.francistown.id },
        ChangeLog.change("tester", "test", 4)
      )
      assert.strictEqual(matched.partnerCountry, "BW")
      assert.strictEqual(matched.version, 5)
      const stale = yield* Partnerships.execute(id, { _tag: "Withdraw" }, ChangeLog.change("tester", "test", 4)).pipe(Effect.flip)
      assert.strictEqual(stale._tag, "VersionConflict")
      assert.strictEqual((yield* (yield* Partnership.Store).get(id)).status, "matched")
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("refuses a match with a partner outside the programme's eligible countries", () =>
    Effect.gen(function*() {
      yield* IcldCohort2020.load
      const id = IcldCohort2020.lundFrancistown.id
      // an international municipality, but in Kenya: the ICLD 2020 programme allows ZA, BW and ZM
      const nairobi = new Organisation.Organisation({
        ...IcldCohort2020.francistown,
        id: "nairobi" as Ids.OrganisationId,
        name: { sv: "Nairobi", en: "Nairobi City County" },
        country: "KE" as Organisation.Organisation["country"],
        version: 0
      })
      yield* (yield* Organisation.Store).create(nairobi, change)
      yield* Partnerships.register(IcldCohort2020.lundFrancistown, change)
      yield* execute(id, { _tag: "Apply" })
      yield* approve(id, "application-assessment")
      const admitted = yield* execute(id, { _tag: "Admit", network: IcldCohort2020.network.id })
      const refused = yield* execute(id, { _tag: "Match", internationalPartner: nairobi.id }).pipe(Effect.flip)
      assert.strictEqual(refused._tag, "TransitionRefused")
      if (refused._tag !== "TransitionRefused") return
      assert.deepStrictEqual(refused.violations.map((v) => [v.field, v.rule, v.value]), [["internationalPartner", "eligible-partner-country", "KE"]])
      assert.include(refused.explain("en"), "Kenya (KE)")
      assert.include(refused.explain("sv"), "Kenya (KE)")
      // nothing was written
      const after = yield* (yield* Partnership.Store).get(id)
      assert.deepStrictEqual([after.status, after.version], ["admitted", admitted.version])
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("takes commands with plain-string ids and refuses a malformed one as a ValidationError, writing nothing", () =>
    Effect.gen(function*() {
      yield* IcldCohort2020.load
      const id = IcldCohort2020.lundFrancistown.id
      yield* Partnerships.register(IcldCohort2020.lundFrancistown, change)
      const applied = yield* execute(id, { _tag: "Apply" })
      const bad = yield* execute(id, { _tag: "Admit", network: "not an id!" }).pipe(Effect.flip)
      assert.strictEqual(bad._tag, "ValidationError")
      if (bad._tag !== "ValidationError") return
      assert.deepStrictEqual(bad.violations.map((v) => [v.field, v.value]), [["network", "not an id!"]])
      assert.notStrictEqual(bad.explain("sv"), bad.explain("en"))
      const unknown = yield* execute(id, { _tag: "Promote" } as never).pipe(Effect.flip)
      assert.strictEqual(unknown._tag, "ValidationError")
      const after = yield* (yield* Partnership.Store).get(id)
      assert.deepStrictEqual([after.status, after.version], ["applied", applied.version])
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("establishes a partnership at its status through the lifecycle, recording each step, and only with override decisions", () =>
    Effect.gen(function*() {
      yield* IcldCohort2020.load
      const store = yield* Partnership.Store
      // the five admitted partnerships of the example data went Apply → OverrideDecision → Admit
      const falun = IcldCohort2020.admitted[0]!
      assert.deepStrictEqual((yield* store.history(falun.id)).map((r) => [r.command, r.statusAfter]), [
        ["RegisterInterest", "interest-registered"],
        ["Apply", "applied"],
        ["OverrideDecision", "applied"],
        ["Admit", "admitted"]
      ])
      // loading again changes nothing
      yield* IcldCohort2020.load
      assert.strictEqual((yield* store.history(falun.id)).length, 4)
      // a different stored value is refused
      const other = new Partnership.Partnership({ ...falun, theme: { en: "Something else" } })
      const differs = yield* Partnerships.establish(other, change).pipe(Effect.flip)
      assert.deepStrictEqual(differs._tag === "PartnershipInvalid" ? differs.violations.map((v) => v.rule) : differs._tag, ["same-as-stored"])
      // a decision with evidence that was never checked is not established
      const forged = new Partnership.Partnership({
        ...falun,
        id: "forged" as Ids.PartnershipId,
        decisions: [{
          ...falun.decisions[0]!,
          evidence: { _tag: "Assessments", framework: { id: "skr-rights-based" as Ids.CriteriaFrameworkId, version: 1 }, assessments: ["a-1" as Ids.AssessmentId], verdict: "pass" }
        }]
      })
      const refused = yield* Partnerships.establish(forged, change).pipe(Effect.flip)
      assert.deepStrictEqual(refused._tag === "PartnershipInvalid" ? refused.violations.map((v) => [v.field, v.rule]) : refused._tag, [["decisions[0].evidence", "override-evidence"]])
      assert.isTrue(Option.isNone(yield* store.find("forged")))
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("a gate re-reads its evidence: a budget changed since its approval no longer opens the preparation year", () =>
    Effect.gen(function*() {
      const id = IcldCohort2020.lundFrancistown.id
      yield* admittedLund
      yield* execute(id, { _tag: "Match", internationalPartner: IcldCohort2020.francistown.id })
      const budgets = yield* Budget.Store
      const line = { id: "travel", phase: "preparation", year: 1, category: "travel", purpose: "exchange-trip", side: "swedish", amount: Money.sek(200_000) } as const
      const draft = yield* budgets.create(new Budget.Budget({ id: "lund-prep" as never, partnership: id, scope: "preparation", currency: "SEK" as Money.CurrencyCode, lines: [line], version: 0 }), change)
      const decided = yield* Budgets.decide(draft, {}, yield* at(id))
      assert.strictEqual(decided.decision.outcome, "approved")
      // the budget is changed after its approval
      yield* budgets.update(new Budget.Budget({ ...draft, lines: [{ ...line, amount: Money.sek(250_000) }] }), ChangeLog.change("tester", "raised", draft.version))
      const refused = yield* execute(id, { _tag: "StartPreparation" }).pipe(Effect.flip)
      assert.deepStrictEqual(refused._tag === "TransitionRefused" ? refused.violations.map((v) => [v.rule, v.value]) : refused._tag, [["evidence-current", "lund-prep"]])
      if (refused._tag === "TransitionRefused") assert.include(refused.explain("sv"), "har ändrats sedan")
      assert.strictEqual((yield* (yield* Partnership.Store).get(id)).status, "matched")
      // decided again at the new version, the gate opens
      yield* Budgets.decide(yield* budgets.get("lund-prep"), {}, yield* at(id))
      assert.strictEqual((yield* execute(id, { _tag: "StartPreparation" })).status, "preparation")
    }).pipe(Effect.provide(Stores.layerMemory)))
})
