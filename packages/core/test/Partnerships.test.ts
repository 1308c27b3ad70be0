import { assert, describe, it } from "@effect/vitest"
import { type CalendarDate, ChangeLog, type Ids, Organisation, Partnership, Partnerships, Stores } from "@localrights/core"
import { IcldCohort2020 } from "@localrights/core/examples"
import { Effect } from "effect"

const change = ChangeLog.change("tester", "test")
const approve = (gate: Partnership.Gate) => ({
  _tag: "RecordDecision" as const,
  decision: { gate, outcome: "approved" as const, decidedBy: "tester" as Ids.ActorId, date: "2020-12-01" as CalendarDate.CalendarDate }
})

describe("Workflow", () => {
  it.effect("registers only Swedish partners of an eligible kind", () =>
    Effect.gen(function*() {
      yield* IcldCohort2020.load
      const university = yield* Partnership.make({ ...IcldCohort2020.lundFrancistown, swedishPartner: "lund-university" })
      const refused = yield* Partnerships.register(university, change).pipe(Effect.flip)
      assert.strictEqual(refused._tag, "RegistrationRefused")
      if (refused._tag === "RegistrationRefused") {
        assert.deepStrictEqual(refused.subject, { kind: "partnership", id: IcldCohort2020.lundFrancistown.id })
        const [v] = refused.violations
        assert.deepStrictEqual([v.field, v.value, v.rule], ["swedishPartner", "lund-university", "eligible-swedish-partner-kind"])
        assert.include(v.text.sv, "university")
        assert.include(refused.explain("en"), "the programme accepts")
      }
      const unknown = yield* Partnerships.register(yield* Partnership.make({ ...IcldCohort2020.lundFrancistown, swedishPartner: "atlantis" }), change)
        .pipe(Effect.flip)
      assert.strictEqual(unknown._tag, "NotFound")
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
        yield* Partnerships.execute(p.id, { _tag: "Apply" }, change)
        yield* Partnerships.execute(p.id, approve("application-assessment"), change)
        ids.push(p.id)
      }
      for (const id of ids.slice(0, 3)) {
        const admitted = yield* Partnerships.execute(id, { _tag: "Admit", network: IcldCohort2020.network.id }, change)
        assert.strictEqual(admitted.status, "admitted")
      }
      const full = yield* Partnerships.execute(ids[3]!, { _tag: "Admit", network: IcldCohort2020.network.id }, change).pipe(Effect.flip)
      assert.strictEqual(full._tag, "TransitionRefused")
      if (full._tag === "TransitionRefused") assert.deepStrictEqual(full.violations.map((v) => v.rule), ["network-capacity"])
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("matches with a known partner, records the country, and refuses a stale version", () =>
    Effect.gen(function*() {
      yield* IcldCohort2020.load
      const id = IcldCohort2020.lundFrancistown.id
      yield* Partnerships.register(IcldCohort2020.lundFrancistown, change)
      yield* Partnerships.execute(id, { _tag: "Apply" }, change)
      yield* Partnerships.execute(id, approve("application-assessment"), change)
      yield* Partnerships.execute(id, { _tag: "Admit", network: IcldCohort2020.network.id }, change)
      const unknownPartner = yield* Partnerships.execute(id, { _tag: "Match", internationalPartner: "gaborone" as Ids.OrganisationId }, change)
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
      yield* Partnerships.execute(id, { _tag: "Apply" }, change)
      yield* Partnerships.execute(id, approve("application-assessment"), change)
      const admitted = yield* Partnerships.execute(id, { _tag: "Admit", network: IcldCohort2020.network.id }, change)
      const refused = yield* Partnerships.execute(id, { _tag: "Match", internationalPartner: nairobi.id }, change).pipe(Effect.flip)
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
      const applied = yield* Partnerships.execute(id, { _tag: "Apply" }, change)
      const bad = yield* Partnerships.execute(id, { _tag: "Admit", network: "not an id!" }, change).pipe(Effect.flip)
      assert.strictEqual(bad._tag, "ValidationError")
      if (bad._tag !== "ValidationError") return
      assert.deepStrictEqual(bad.violations.map((v) => [v.field, v.value]), [["network", "not an id!"]])
      assert.notStrictEqual(bad.explain("sv"), bad.explain("en"))
      const unknown = yield* Partnerships.execute(id, { _tag: "Promote" } as never, change).pipe(Effect.flip)
      assert.strictEqual(unknown._tag, "ValidationError")
      const after = yield* (yield* Partnership.Store).get(id)
      assert.deepStrictEqual([after.status, after.version], ["applied", applied.version])
    }).pipe(Effect.provide(Stores.layerMemory)))
})
