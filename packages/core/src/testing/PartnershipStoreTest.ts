/**
 * The contract suite for the typed stores over an adapter: partnerships (versions, change log
 * through the lifecycle, catalogue queries answering exactly as {@link Catalogue.run}),
 * organisations, programmes and networks.
 *
 * @example
 * ```ts
 * import { PartnershipStoreTest } from "@localrights/core/testing"
 * import { Stores } from "@localrights/core"
 * PartnershipStoreTest.suite("memory", Stores.layerMemory)
 * ```
 *
 * @since 0.1.0
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Option } from "effect"
import { TestClock } from "effect/testing"
import * as Catalogue from "../partnership/Catalogue.ts"
import * as ChangeLog from "../ChangeLog.ts"
import type { CountryCode } from "../Country.ts"
import type { CalendarDate } from "../CalendarDate.ts"
import type { ActorId, NetworkId, OrganisationId, PartnershipId, ProgrammeId } from "../Ids.ts"
import { IcldCohort2020 } from "../examples/index.ts"
import { Network } from "../partnership/Network.ts"
import { Store as NetworkStore } from "../partnership/Network.ts"
import * as Organisation from "../partnership/Organisation.ts"
import { Store as OrganisationStore } from "../partnership/Organisation.ts"
import * as Partnership from "../partnership/Partnership.ts"
import { Store as PartnershipStore } from "../partnership/Partnership.ts"
import { type FocusArea, Programme } from "../partnership/Programme.ts"
import { Store as ProgrammeStore } from "../partnership/Programme.ts"
import type { GoalNumber, TargetCode } from "../Sdg.ts"
import type { Stores } from "../store/Stores.ts"
import * as Integrity from "../partnership/Integrity.ts"
import type * as Lifecycle from "../partnership/Lifecycle.ts"
import * as Partnerships from "../partnership/Partnerships.ts"

let counter = 0
const unique = (name: string) => `${name}-${Date.now().toString(36)}-${(counter++).toString(36)}`
const change = ChangeLog.change("contract-suite", "contract test")
const at = (read: { readonly version: number }) => ChangeLog.change("contract-suite", "contract test", read.version)

const statuses: ReadonlyArray<Partnership.Status> = ["interest-registered", "applied", "admitted", "matched", "preparation", "implementation"]
const countries = ["BW", "ZA", "ZM"] as Array<CountryCode>
const focus: ReadonlyArray<FocusArea> = ["accessibility", "gender-equality", "culture", "young-people", "minorities"]
const titles: ReadonlyArray<readonly [string, string]> = [
  ["Ökad delaktighet för unga", "Participation of young people"],
  ["Tillgänglig kollektivtrafik", "Accessible public transport"],
  ["Jämställd budgetering", "Gender-responsive budgeting"],
  ["Minoriteters rättigheter", "Rights of minorities"],
  ["Kultur för alla", "Culture for everyone"],
  ["Inkluderande ledarskap", "Inclusive leadership and governance"]
]

const override = (gate: Partnership.Gate): Partnership.Decision => ({
  gate,
  outcome: "approved",
  decidedBy: "contract-suite" as ActorId,
  date: "2020-12-10" as CalendarDate,
  evidence: { _tag: "Override", justification: { en: "contract suite fixture" } }
})

/**
 * A deterministic set of partnerships that covers every filter of the catalogue, in two
 * programmes with a network each, whose ids are unique to the run. Each is consistent: from
 * `admitted` on it has its network and the decisions that led there, from `matched` on its
 * international partner. Store it with {@link storeCatalogue}.
 *
 * @category constructors
 * @since 0.1.0
 */
export const catalogueFixture = (prefix: string, size = 60): ReadonlyArray<Partnership.Partnership> =>
  Array.from({ length: size }, (_, i) => {
    const [sv, en] = titles[i % titles.length]!
    const status = statuses[i % statuses.length]!
    const at = Partnership.progress(status) ?? 0
    return Effect.runSync(Partnership.make({
      id: `${prefix}-p${String(i).padStart(3, "0")}`,
      programme: `${prefix}-prog${i % 2}`,
      title: i % 7 === 0 ? { en: `${en} ${i}` } : { sv: `${sv} ${i}`, en: `${en} ${i}` },
      swedishPartner: `${prefix}-org${i % 5}`,
      focusAreas: [focus[i % focus.length]!],
      sdgTags: i % 3 === 0
        ? [{ goal: 10, target: "10.2", significance: "principal" }]
        : [{ goal: 5, significance: "significant" }, { goal: 16, target: "16.7", significance: "principal" }],
      ...(i % 4 === 0 ? { description: { sv: "Barnkonventionen blev svensk lag 2020", en: "The CRC became Swedish law in 2020" } } : {}),
      status,
      decisions: Partnership.gatesPassed(status).map(override),
      ...(at >= 2 ? { network: `${prefix}-net${i % 2}` } : {}),
      ...(at >= 3 ? { partnerCountry: countries[i % countries.length]!, internationalPartner: `${prefix}-intl${i}` } : {}),
      ...(at >= 5 ? { implementationYear: 1 } : {})
    }))
  })

/**
 * Stores the programmes, organisations and networks that {@link catalogueFixture} names, then
 * brings each of its partnerships to its status through the lifecycle
 * (`Partnerships.establish`). Returns the partnerships as stored.
 *
 * @category constructors
 * @since 0.2.0
 */
export const storeCatalogue = (fixture: ReadonlyArray<Partnership.Partnership>) =>
  Effect.gen(function*() {
    const orgs = yield* OrganisationStore
    const programmes = yield* ProgrammeStore
    const networks = yield* NetworkStore
    const seed = ChangeLog.change("contract-suite", "catalogue fixture")
    const ids = new Set<string>()
    const once = (id: string) => !ids.has(id) && ids.add(id) !== undefined
    for (const p of fixture) {
      if (once(p.programme)) {
        yield* programmes.create(
          new Programme({ ...IcldCohort2020.programme, id: p.programme, networkSize: { min: 1, max: 1000 }, focusAreas: [...focus] }),
          seed
        )
      }
      if (once(p.swedishPartner)) {
        yield* orgs.create(new Organisation.Organisation({ ...IcldCohort2020.swedishMunicipalities[0]!, id: p.swedishPartner }), seed)
      }
      if (p.internationalPartner !== undefined && once(p.internationalPartner)) {
        yield* orgs.create(new Organisation.Organisation({ ...IcldCohort2020.francistown, id: p.internationalPartner, country: p.partnerCountry! }), seed)
      }
      if (p.network !== undefined && once(p.network)) {
        yield* networks.create(new Network({ ...IcldCohort2020.network, id: p.network, programme: p.programme }), seed)
      }
    }
    const stored: Array<Partnership.Partnership> = []
    for (const p of fixture) stored.push(yield* Partnerships.establish(p, seed))
    return stored
  })

/**
 * Queries the catalogue case runs against the fixture of {@link catalogueFixture}.
 *
 * @category constructors
 * @since 0.1.0
 */
export const catalogueQueries = (prefix: string): ReadonlyArray<Catalogue.Query> => [
  { programme: `${prefix}-prog0` as ProgrammeId },
  { programme: `${prefix}-prog1` as ProgrammeId, status: ["matched", "preparation"] },
  { network: `${prefix}-net0` as NetworkId, country: "BW" as CountryCode },
  { programme: `${prefix}-prog0` as ProgrammeId, sdgGoal: 10 as GoalNumber, limit: 4 },
  { programme: `${prefix}-prog1` as ProgrammeId, sdgTarget: "16.7" as TargetCode, sort: "title-sv" },
  { network: `${prefix}-net0` as NetworkId, focusArea: "culture", sort: "title-en", limit: 3 },
  { programme: `${prefix}-prog0` as ProgrammeId, text: "KULTUR alla" },
  { network: `${prefix}-net0` as NetworkId, text: "barnkonventionen" },
  { programme: `${prefix}-prog1` as ProgrammeId, text: "delaktighet unga", sort: "title-sv", limit: 2 },
  { programme: `${prefix}-prog0` as ProgrammeId, text: "no such words" },
  { swedishPartner: `${prefix}-org2` as OrganisationId },
  { swedishPartner: `${prefix}-org3` as OrganisationId, status: ["matched", "preparation", "implementation"], sort: "title-en", limit: 2 },
  { programme: `${prefix}-prog1` as ProgrammeId, swedishPartner: `${prefix}-org1` as OrganisationId, limit: 1 },
  { programme: `${prefix}-prog0` as ProgrammeId, swedishPartner: `${prefix}-org1` as OrganisationId, text: "kultur" },
  { swedishPartner: `${prefix}-nobody` as OrganisationId }
]

/**
 * Registers the suite under `name` with vitest. `layer` provides every typed store (for an
 * adapter: its DocumentStore with `Stores.layer` over it, or its own PartnershipStore) and is
 * built once per test case.
 *
 * @category constructors
 * @since 0.1.0
 */
export const suite = <E>(name: string, layer: Layer.Layer<Stores, E>): void => {
  describe(`Typed stores contract: ${name}`, () => {
    const run = <A, E2>(self: Effect.Effect<A, E2, Stores>) => self.pipe(Effect.provide(layer))

    it.effect("stores a partnership at version 1 and reads it back equal", () =>
      run(Effect.gen(function*() {
        yield* IcldCohort2020.load
        const store = yield* PartnershipStore
        const p = new Partnership.Partnership({ ...IcldCohort2020.lundFrancistown, id: unique("lund") as PartnershipId })
        const created = yield* store.create(p, change)
        assert.strictEqual(created.version, 1)
        const read = yield* store.get(p.id)
        assert.deepStrictEqual(read, new Partnership.Partnership({ ...p, version: 1 }))
        const missing = yield* store.get(unique("nobody")).pipe(Effect.flip)
        assert.strictEqual(missing._tag, "NotFound")
      })))

    it.effect("raises the version on update and refuses a stale one", () =>
      run(Effect.gen(function*() {
        yield* IcldCohort2020.load
        const store = yield* PartnershipStore
        const p = new Partnership.Partnership({ ...IcldCohort2020.lundFrancistown, id: unique("lund") as PartnershipId })
        const v1 = yield* store.create(p, change)
        const v2 = yield* store.update(new Partnership.Partnership({ ...v1, theme: { sv: "Mänskliga rättigheter", en: "Human Rights" } }), at(v1))
        assert.strictEqual(v2.version, 2)
        const stale = yield* store.update(new Partnership.Partnership({ ...v1, theme: { en: "lost update" } }), at(v1))
          .pipe(Effect.flip)
        assert.strictEqual(stale._tag, "VersionConflict")
        const unstated = yield* store.update(new Partnership.Partnership({ ...v2, theme: { en: "no version" } }), change as ChangeLog.Update)
          .pipe(Effect.flip)
        assert.deepStrictEqual(unstated._tag === "VersionConflict" ? [unstated.expected, unstated.actual] : unstated._tag, [-1, 2])
        assert.deepStrictEqual((yield* store.get(p.id)).theme, { sv: "Mänskliga rättigheter", en: "Human Rights" })
      })))

    it.effect("records who, when, what and why through the lifecycle", () =>
      run(Effect.gen(function*() {
        const prefix = unique("wf")
        yield* IcldCohort2020.load
        yield* TestClock.setTime(Date.UTC(2020, 11, 10, 9, 0, 0))
        const orgs = yield* OrganisationStore
        yield* orgs.create(new Organisation.Organisation({ ...IcldCohort2020.swedishMunicipalities[5]!, id: `${prefix}-lund` as OrganisationId }), change)
        yield* (yield* ProgrammeStore).create(new Programme({ ...IcldCohort2020.programme, id: `${prefix}-prog` as ProgrammeId }), change)
        const id = `${prefix}-p` as PartnershipId
        yield* Partnerships.register(
          yield* Partnership.make({ ...IcldCohort2020.lundFrancistown, id, programme: `${prefix}-prog`, swedishPartner: `${prefix}-lund` }),
          ChangeLog.change("alice", "expression of interest")
        )
        yield* TestClock.adjust(60_000)
        yield* Partnerships.execute(id, { _tag: "Apply" }, ChangeLog.change("bob", "application received", 1))
        const refused = yield* Partnerships.execute(id, { _tag: "Conclude" }, ChangeLog.change("bob", "too early", 2)).pipe(Effect.flip)
        assert.strictEqual(refused._tag, "TransitionRefused")
        const history = yield* (yield* PartnershipStore).history(id)
        assert.deepStrictEqual(history.map((r) => [r.version, r.command, r.actor, r.reason, r.statusBefore, r.statusAfter]), [
          [1, "RegisterInterest", "alice", "expression of interest", undefined, "interest-registered"],
          [2, "Apply", "bob", "application received", "interest-registered", "applied"]
        ])
        assert.deepStrictEqual(history.map((r) => r.at.epochMilliseconds), [Date.UTC(2020, 11, 10, 9, 0, 0), Date.UTC(2020, 11, 10, 9, 1, 0)])
        assert.strictEqual((yield* (yield* PartnershipStore).get(id)).version, 2)
      })))

    it.effect("refuses every write that walks around the lifecycle, naming the rule, and leaves the store unchanged", () =>
      run(Effect.gen(function*() {
        yield* IcldCohort2020.load
        const store = yield* PartnershipStore
        const snapshot = (id: string) =>
          Effect.map(Effect.all([store.find(id), store.history(id)]), ([p, h]) => JSON.stringify([p, h.map((r) => [r.version, r.command])]))
        const rulesOf = (e: { readonly _tag: string }) => ("violations" in e ? (e.violations as ReadonlyArray<{ rule: string }>).map((v) => v.rule) : [e._tag])

        // create at a later status: matched without partner, admitted without decisions
        const matched = yield* Partnership.make({ ...IcldCohort2020.lundFrancistown, id: unique("bypass"), status: "matched" })
          .pipe(Effect.flip)
        assert.include(rulesOf(matched), "network-when-admitted")
        const admitted = new Partnership.Partnership({ ...IcldCohort2020.admitted[0]!, id: unique("bypass") as PartnershipId })
        const createdLater = yield* store.create(admitted, change).pipe(Effect.flip)
        assert.deepStrictEqual(rulesOf(createdLater), ["initial-status"])
        assert.isTrue(Option.isNone(yield* store.find(admitted.id)))

        // a reference that does not exist
        const orphan = yield* Partnership.make({ ...IcldCohort2020.lundFrancistown, id: unique("orphan"), programme: "no-such-programme", swedishPartner: "nobody" })
        assert.deepStrictEqual(rulesOf(yield* store.create(orphan, change).pipe(Effect.flip)), ["programme-exists", "organisation-exists"])

        // update moving the status or adding a decision
        const p = yield* Partnerships.register(new Partnership.Partnership({ ...IcldCohort2020.lundFrancistown, id: unique("bypass") as PartnershipId }), change)
        const before = yield* snapshot(p.id)
        const closed = yield* store.update(new Partnership.Partnership({ ...p, status: "closed" }, { disableChecks: true }), at(p)).pipe(Effect.flip)
        assert.include(rulesOf(closed), "lifecycle-field")
        const decided = yield* store.update(new Partnership.Partnership({ ...p, decisions: IcldCohort2020.admitted[0]!.decisions }), at(p)).pipe(Effect.flip)
        assert.deepStrictEqual(rulesOf(decided), ["lifecycle-field"])

        // a bare decision through the lifecycle, and a command without the version read
        const applied = yield* Partnerships.execute(p.id, { _tag: "Apply" }, at(p))
        const bare = yield* Partnerships.execute(p.id, {
          _tag: "RecordDecision",
          decision: { gate: "application-assessment", outcome: "approved", decidedBy: "x", date: "2020-12-10", evidence: { _tag: "Override", justification: { en: "none" } } }
        }, at(applied)).pipe(Effect.flip)
        assert.deepStrictEqual(rulesOf(bare), ["decision-evidence"])
        const unstated = yield* Partnerships.execute(p.id, { _tag: "Withdraw" }, change as ChangeLog.Update).pipe(Effect.flip)
        assert.strictEqual(unstated._tag, "VersionConflict")
        const afterApply = yield* snapshot(p.id)
        assert.notStrictEqual(before, afterApply)
        // refused writes changed nothing
        // (an applied partnership with a network is no state the lifecycle reaches: built unchecked)
        const refusedAgain = yield* store.update(new Partnership.Partnership({ ...applied, network: IcldCohort2020.network.id }, { disableChecks: true }), at(applied)).pipe(Effect.flip)
        assert.include(rulesOf(refusedAgain), "lifecycle-field")
        assert.strictEqual(yield* snapshot(p.id), afterApply)

        // an override is recorded as such
        const overridden = yield* Partnerships.overrideDecision(p.id, {
          gate: "application-assessment",
          outcome: "approved",
          justification: { en: "Board decision 2020-12-01" },
          date: "2020-12-01" as CalendarDate
        }, at(applied))
        assert.strictEqual(overridden.decisions[0]!.evidence._tag, "Override")
        assert.deepStrictEqual((yield* store.history(p.id)).map((r) => r.command), ["RegisterInterest", "Apply", "OverrideDecision"])
      })))

    it.effect("random sequences of commands and direct writes never store a partnership that breaks the invariants", () =>
      run(Effect.gen(function*() {
        yield* IcldCohort2020.load
        const store = yield* PartnershipStore
        const facts = (p: Partnership.Partnership) => Integrity.loadFacts(p)
        let seed = 20201210
        const random = (n: number) => {
          seed = (seed * 1103515245 + 12345) % 2147483648
          return seed % n
        }
        const commands: ReadonlyArray<Lifecycle.CommandInput> = [
          { _tag: "Apply" },
          { _tag: "Admit", network: IcldCohort2020.network.id },
          { _tag: "Match", internationalPartner: IcldCohort2020.francistown.id },
          { _tag: "Match", internationalPartner: "lund" },
          { _tag: "StartPreparation" },
          { _tag: "StartImplementation" },
          { _tag: "AdvanceYear" },
          { _tag: "Conclude" },
          { _tag: "Close" },
          { _tag: "Withdraw" },
          { _tag: "Reject" }
        ]
        const gates = Partnership.Gate.values
        const statusValues = Partnership.Status.values
        for (let run = 0; run < 6; run++) {
          const p = yield* Partnerships.register(new Partnership.Partnership({ ...IcldCohort2020.lundFrancistown, id: unique("random") as PartnershipId }), change)
          for (let step = 0; step < 25; step++) {
            const current = yield* store.get(p.id)
            const before = JSON.stringify([current, (yield* store.history(p.id)).length])
            const kind = random(4)
            const attempt: Effect.Effect<unknown, unknown, Stores> = kind === 0
              ? Partnerships.execute(p.id, commands[random(commands.length)]!, at(current))
              : kind === 1
              ? Partnerships.overrideDecision(p.id, {
                gate: gates[random(gates.length)]!,
                outcome: random(3) === 0 ? "refused" : "approved",
                justification: { en: "random" }
              }, at(current))
              : kind === 2
              ? store.update(new Partnership.Partnership({ ...current, status: statusValues[random(statusValues.length)]! }, { disableChecks: true }), at(current))
              : store.create(new Partnership.Partnership({ ...current, id: unique("random") as PartnershipId, version: 0, status: statusValues[random(statusValues.length)]! }, { disableChecks: true }), change)
            const outcome = yield* Effect.result(attempt)
            const after = yield* store.get(p.id)
            assert.deepStrictEqual(Integrity.check(after, yield* facts(after)), [], `step ${step}: ${JSON.stringify(after)}`)
            if (outcome._tag === "Failure") assert.strictEqual(JSON.stringify([after, (yield* store.history(p.id)).length]), before)
          }
        }
        for (const stored of yield* store.list()) assert.deepStrictEqual(Integrity.check(stored, yield* facts(stored)).map((v) => v.rule), [], stored.id)
      })))

    it.effect("answers catalogue queries exactly as Catalogue.run", () =>
      run(Effect.gen(function*() {
        const store = yield* PartnershipStore
        const prefix = unique("cat")
        const stored = yield* storeCatalogue(catalogueFixture(prefix))
        for (const query of catalogueQueries(prefix)) {
          const expected = Catalogue.run(stored, query)
          const actual = yield* store.search(query)
          assert.deepStrictEqual(actual.items.map((p) => p.id), expected.items.map((p) => p.id), JSON.stringify(query))
          assert.strictEqual(actual.total, expected.total, JSON.stringify(query))
          assert.deepStrictEqual(actual.facets, expected.facets, JSON.stringify(query))
          assert.strictEqual(actual.next === undefined, expected.next === undefined, JSON.stringify(query))
          assert.deepStrictEqual(actual.items, expected.items)
        }
      })))

    it.effect("pages through a sorted catalogue with cursors, every item once", () =>
      run(Effect.gen(function*() {
        const store = yield* PartnershipStore
        const prefix = unique("page")
        const fixture = yield* storeCatalogue(catalogueFixture(prefix, 23))
        for (const sort of ["id", "title-sv", "title-en"] as const) {
          const seen: Array<string> = []
          let cursor: string | undefined
          do {
            const page: Catalogue.Page = yield* store.search({ programme: `${prefix}-prog1` as ProgrammeId, sort, limit: 5, ...(cursor ? { cursor } : {}) })
            seen.push(...page.items.map((p) => p.id))
            cursor = page.next
          } while (cursor !== undefined)
          const expected = Catalogue.run(fixture, { programme: `${prefix}-prog1` as ProgrammeId, sort, limit: 500 }).items.map((p) => p.id)
          assert.deepStrictEqual(seen, expected, sort)
        }
      })))

    it.effect("stores organisations, programmes and networks with their versions", () =>
      run(Effect.gen(function*() {
        const prefix = unique("misc")
        const org = new Organisation.Organisation({
          ...IcldCohort2020.icld,
          id: `${prefix}-org` as OrganisationId,
          contacts: [{ name: "Kontakt Person", email: "kontakt@example.org" }]
        })
        const orgs = yield* OrganisationStore
        yield* orgs.create(org, change)
        assert.deepStrictEqual(yield* orgs.get(org.id), new Organisation.Organisation({ ...org, version: 1 }))
        const networks = yield* NetworkStore
        const net = yield* networks.create(new Network({ ...IcldCohort2020.network, id: `${prefix}-net0` as NetworkId }), change)
        assert.strictEqual(net.version, 1)
        assert.deepStrictEqual((yield* networks.history(net.id)).map((r) => r.command), ["CreateNetwork"])
        const programmes = yield* ProgrammeStore
        yield* programmes.create(new Programme({ ...IcldCohort2020.programme, id: `${prefix}-prog` as ProgrammeId }), change)
        assert.deepStrictEqual([...(yield* programmes.get(`${prefix}-prog`)).eligiblePartnerCountries] as Array<string>, ["ZA", "BW", "ZM"] as ReadonlyArray<string>)
      })))

    it.effect("names every write after its entity: CreateOrganisation, UpdateOrganisation", () =>
      run(Effect.gen(function*() {
        const orgs = yield* OrganisationStore
        const org = yield* Organisation.make({ ...IcldCohort2020.icld, id: unique("named") })
        const created = yield* orgs.create(org, change)
        yield* orgs.update(new Organisation.Organisation({ ...created, name: { en: "Renamed" } }), at(created))
        assert.deepStrictEqual((yield* orgs.history(org.id)).map((r) => r.command), ["CreateOrganisation", "UpdateOrganisation"])
      })))

    it.effect("ensure stores a value once: a second ensure of the same value writes nothing", () =>
      run(Effect.gen(function*() {
        yield* IcldCohort2020.load
        const partnerships = yield* PartnershipStore
        const p = yield* Partnership.make({ ...IcldCohort2020.lundFrancistown, id: unique("ensure") })
        const first = yield* partnerships.ensure(p, change)
        const again = yield* partnerships.ensure(p, ChangeLog.change("someone-else", "seed run again"))
        assert.strictEqual(first.version, 1)
        assert.deepStrictEqual(again, first)
        const history = yield* partnerships.history(p.id)
        assert.deepStrictEqual(history.map((r) => [r.version, r.command, r.actor, r.statusAfter]), [
          [1, "CreatePartnership", "contract-suite", "interest-registered"]
        ])
      })))

    it.effect("ensure refuses a value that differs from the stored one, naming each field, and writes nothing", () =>
      run(Effect.gen(function*() {
        const orgs = yield* OrganisationStore
        const org = yield* Organisation.make({ ...IcldCohort2020.icld, id: unique("differs") })
        yield* orgs.ensure(org, change)
        const changed = new Organisation.Organisation({ ...org, name: { ...org.name, en: "ICLD" }, country: "BW" as CountryCode })
        const refused = yield* orgs.ensure(changed, change).pipe(Effect.flip)
        assert.strictEqual(refused._tag, "EnsureRefused")
        if (refused._tag !== "EnsureRefused") return
        assert.deepStrictEqual(refused.subject, { kind: "organisation", id: org.id })
        assert.deepStrictEqual(refused.differences, [
          { field: "name.en", stored: "\"International Centre for Local Democracy\"", given: "\"ICLD\"" },
          { field: "country", stored: "\"SE\"", given: "\"BW\"" }
        ])
        assert.deepStrictEqual(refused.violations.map((v) => [v.field, v.rule, v.value]), [
          ["name.en", "same-as-stored", "\"ICLD\""],
          ["country", "same-as-stored", "\"BW\""]
        ])
        assert.include(refused.explain("en"), "name.en: Already stored as \"International Centre for Local Democracy\", given \"ICLD\".")
        assert.include(refused.explain("sv"), "country: Redan lagrat som \"SE\", angivet \"BW\".")
        const stored = yield* orgs.get(org.id)
        assert.deepStrictEqual([stored.version, stored.name, stored.country], [1, org.name, org.country])
        assert.strictEqual((yield* orgs.history(org.id)).length, 1)
      })))
  })
}
