/**
 * The ICLD programme of 2020 from nothing to Lund's preparation year, with the public API only:
 * plain values in, every step a named command in the change log.
 */
import { assert, it } from "@effect/vitest"
import { Assessment, Assessments, Budget, Budgets, ChangeLog, CriteriaFramework, Frameworks, FundingRuleSet, Money, Network, Organisation, Partnership, Partnerships, Programme, Stores } from "@localrights/core"
import { Effect } from "effect"

const icld = ChangeLog.change("icld", "MR 2020 cohort")
// a step on something stored states the version it read
const at = (read: { readonly version: number }) => ChangeLog.change("icld", "MR 2020 cohort", read.version)

it.effect("walks Lund and Francistown from the programme to the preparation year", () =>
  Effect.gen(function*() {
    const programme = yield* (yield* Programme.Store).ensure(yield* Programme.make({
      id: "icld-mr-2020",
      organiser: "icld",
      kind: "municipal-partnership",
      name: { sv: "Kommunala partnerskap för mänskliga rättigheter", en: "Municipal Partnerships for Human Rights" },
      phases: { preparationYears: 1, implementationYears: 3 },
      eligibleSwedishPartnerKinds: ["municipality", "region"],
      eligiblePartnerCountries: ["ZA", "BW", "ZM"],
      networkSize: { min: 3, max: 8 },
      fundingRuleSet: FundingRuleSet.icldMr2020.id,
      criteriaFrameworks: [Frameworks.skr.id]
    }), icld)
    const organisations = yield* Organisation.Store
    const lund = yield* organisations.ensure(yield* Organisation.make({ id: "lund", kind: "municipality", name: { sv: "Lunds kommun" }, country: "SE" }), icld)
    const francistown = yield* organisations.ensure(
      yield* Organisation.make({ id: "francistown", kind: "international-municipality", name: { en: "Francistown City Council" }, country: "BW" }),
      icld
    )
    const network = yield* (yield* Network.Store).ensure(yield* Network.make({ id: "mr-2020", programme: programme.id, name: { en: "MR 2020 network" } }), icld)

    const registered = yield* Partnerships.register(
      yield* Partnership.make({ id: "lund-francistown", programme: programme.id, title: { en: "Lund and Francistown" }, swedishPartner: lund.id }),
      icld
    )
    const id = registered.id
    const applied = yield* Partnerships.execute(id, { _tag: "Apply" }, at(registered))

    const assessment = yield* Assessment.make({
      id: "lund-application",
      subject: { partnership: id, stage: "application" },
      framework: CriteriaFramework.ref(Frameworks.skr),
      assessor: "icld-assessor",
      date: "2020-11-30",
      scores: Frameworks.skr.principles.map((p) => ({ principle: p.id, score: 3 }))
    })
    yield* Assessments.record(assessment, icld)
    const assessed = yield* Assessments.recordDecision(id, { stage: "application", date: assessment.date }, at(applied))
    const admitted = yield* Partnerships.execute(id, { _tag: "Admit", network: network.id }, at(assessed.partnership))
    const matched = yield* Partnerships.execute(id, { _tag: "Match", internationalPartner: francistown.id }, at(admitted))

    const budget = yield* (yield* Budget.Store).create(yield* Budget.make({
      id: "lund-francistown-preparation",
      partnership: id,
      scope: "preparation",
      currency: "SEK",
      lines: [{ id: "exchange-travel", phase: "preparation", year: 1, category: "travel", purpose: "exchange-trip", side: "swedish", amount: Money.sek(200_000) }]
    }), icld)
    const { evaluation, partnership: budgeted } = yield* Budgets.decide(budget, {}, at(matched))
    const started = yield* Partnerships.execute(id, { _tag: "StartPreparation" }, at(budgeted))

    assert.strictEqual(evaluation._tag, "Passed")
    assert.strictEqual(started.status, "preparation")
    assert.strictEqual(started.version, 7)
    // each decision names what it rests on
    assert.deepStrictEqual(started.decisions.map((d) => Partnership.describeEvidence(d.evidence).en), [
      "Assessments lund-application; skr-rights-based@1: pass",
      "Budget lund-francistown-preparation v1; icld-mr-2020 r1: within the rules"
    ])
    assert.deepStrictEqual((yield* (yield* Partnership.Store).history(id)).map((r) => r.command), [
      "RegisterInterest",
      "Apply",
      "RecordDecision",
      "Admit",
      "Match",
      "RecordDecision",
      "StartPreparation"
    ])
  }).pipe(Effect.provide(Stores.layerMemory)))
