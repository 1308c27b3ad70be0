import { assert, describe, it } from "@effect/vitest"
import { type CalendarDate, ChangeLog, type Ids, Organisation, Partnership, Partnerships, Stores } from "@localrights/core"
import { IcldMr2020 } from "@localrights/core/examples"
import { Effect } from "effect"

const change = ChangeLog.change("tester", "test")
const approve = (gate: Partnership.Gate) => ({
  _tag: "RecordDecision" as const,
  decision: { gate, outcome: "approved" as const, decidedBy: "tester" as Ids.ActorId, date: "2020-12-01" as CalendarDate.CalendarDate }
})

describe("Workflow", () => {
  it.effect("registers only Swedish partners of an eligible kind", () =>
    Effect.gen(function*() {
      yield* IcldMr2020.load
      const university = Partnership.register({ ...IcldMr2020.lundFrancistown, swedishPartner: "lund-university" as Ids.OrganisationId })
      const refused = yield* Partnerships.register(university, change).pipe(Effect.flip)
      assert.strictEqual(refused._tag, "RegistrationRefused")
      if (refused._tag === "RegistrationRefused") {
        assert.strictEqual(refused.field, "swedishPartner")
        assert.strictEqual(refused.value, "lund-university")
        assert.strictEqual(refused.rule, "eligible-swedish-partner-kind")
        assert.include(refused.explanation.sv ?? "", "university")
      }
      const unknown = yield* Partnerships.register(Partnership.register({ ...IcldMr2020.lundFrancistown, swedishPartner: "atlantis" as Ids.OrganisationId }), change)
        .pipe(Effect.flip)
      assert.strictEqual(unknown._tag, "NotFound")
      const created = yield* Partnerships.register(IcldMr2020.lundFrancistown, change)
      assert.strictEqual(created.version, 1)
      const twice = yield* Partnerships.register(IcldMr2020.lundFrancistown, change).pipe(Effect.flip)
      assert.strictEqual(twice._tag, "VersionConflict")
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("admits into a network only while it has room", () =>
    Effect.gen(function*() {
      yield* IcldMr2020.load // five partnerships already admitted to the network
      const orgs = yield* Organisation.Store
      const ids: Array<string> = []
      for (const n of [1, 2, 3, 4]) {
        const org = yield* orgs.create(
          new Organisation.Organisation({ ...IcldMr2020.swedishMunicipalities[0]!, id: `kommun-${n}` as Ids.OrganisationId, version: 0 }),
          { ...change, command: "Create" }
        )
        const p = yield* Partnerships.register(
          Partnership.register({ ...IcldMr2020.lundFrancistown, id: `p-${n}` as Ids.PartnershipId, swedishPartner: org.id }),
          change
        )
        yield* Partnerships.execute(p.id, { _tag: "Apply" }, change)
        yield* Partnerships.execute(p.id, approve("application-assessment"), change)
        ids.push(p.id)
      }
      for (const id of ids.slice(0, 3)) {
        const admitted = yield* Partnerships.execute(id, { _tag: "Admit", network: IcldMr2020.network.id }, change)
        assert.strictEqual(admitted.status, "admitted")
      }
      const full = yield* Partnerships.execute(ids[3]!, { _tag: "Admit", network: IcldMr2020.network.id }, change).pipe(Effect.flip)
      assert.strictEqual(full._tag, "TransitionRefused")
      if (full._tag === "TransitionRefused") assert.deepStrictEqual(full.unmet.map((u) => u.guard), ["network-capacity"])
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("matches with a known partner, records the country, and refuses a stale version", () =>
    Effect.gen(function*() {
      yield* IcldMr2020.load
      const id = IcldMr2020.lundFrancistown.id
      yield* Partnerships.register(IcldMr2020.lundFrancistown, change)
      yield* Partnerships.execute(id, { _tag: "Apply" }, change)
      yield* Partnerships.execute(id, approve("application-assessment"), change)
      yield* Partnerships.execute(id, { _tag: "Admit", network: IcldMr2020.network.id }, change)
      const unknownPartner = yield* Partnerships.execute(id, { _tag: "Match", internationalPartner: "gaborone" as Ids.OrganisationId }, change)
        .pipe(Effect.flip)
      assert.strictEqual(unknownPartner._tag, "TransitionRefused")
      const matched = yield* Partnerships.execute(id, { _tag: "Match", internationalPartner: IcldMr2020.francistown.id }, change, { expectedVersion: 4 })
      assert.strictEqual(matched.partnerCountry, "BW")
      assert.strictEqual(matched.version, 5)
      const stale = yield* Partnerships.execute(id, { _tag: "Withdraw" }, change, { expectedVersion: 4 }).pipe(Effect.flip)
      assert.strictEqual(stale._tag, "VersionConflict")
      assert.strictEqual((yield* (yield* Partnership.Store).get(id)).status, "matched")
    }).pipe(Effect.provide(Stores.layerMemory)))
})
