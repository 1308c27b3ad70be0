import { assert, describe, it } from "@effect/vitest"
import * as Core from "@localrights/core"
import {
  Agreement,
  Assessment,
  Budgets,
  CalendarEvent,
  ChangeLog,
  CriteriaFramework,
  Disbursement,
  Frameworks,
  type Ids,
  Interest,
  Lifecycle,
  Money,
  Organisation,
  Partnership,
  Partnerships,
  PersonalData,
  Programme,
  Refusal,
  Stores,
  TrainingProgramme,
  Validation
} from "@localrights/core"
import { GovernmentAgreement2014, IcldCohort2020, LundFrancistownResults, Mr2020Conferences, StrategistProgramme2023 } from "@localrights/core/examples"
import { Effect, Predicate, Result } from "effect"

const change = ChangeLog.change("tester", "refusal test")

/** The failure of a `Result`, or a test failure when it succeeded. */
const failure = <E>(r: Result.Result<unknown, E>): Effect.Effect<E> =>
  Result.isFailure(r) ? Effect.succeed(r.failure) : Effect.die(new Error("expected a refusal, got a success"))

/**
 * One way to provoke each refusal class of the package, by its tag. Pure rules are called
 * directly; steps run over the in-memory stores.
 */
const provoke: Record<string, Effect.Effect<unknown, unknown, Stores.Stores | Core.DocumentStore.DocumentStore>> = {
  TransitionRefused: failure(
    Lifecycle.apply(IcldCohort2020.lundFrancistown, { _tag: "Conclude" }, { programme: IcldCohort2020.programme })
  ),
  PartnershipInvalid: Effect.gen(function*() {
    yield* IcldCohort2020.load
    // a university (not an eligible kind) in a partnership that is not new: two violations
    const p = new Partnership.Partnership({
      ...IcldCohort2020.lundFrancistown,
      swedishPartner: "lund-university" as Ids.OrganisationId,
      status: "applied"
    })
    const refused = yield* Effect.flip(Partnerships.register(p, change))
    assert.deepStrictEqual(
      refused._tag === "PartnershipInvalid" ? refused.violations.map((v) => [v.field, v.rule]) : refused._tag,
      [["status", "initial-status"], ["swedishPartner", "eligible-swedish-partner-kind"]]
    )
    return refused
  }),
  DuplicateExpression: Effect.gen(function*() {
    yield* IcldCohort2020.load
    const form = {
      programme: IcldCohort2020.programme.id,
      applicant: { id: "exempelby", kind: "municipality", name: { sv: "Exempelby kommun", en: "Exempelby Municipality" } },
      contact: { name: "Kim Kontakt", email: "kim.kontakt@exempelby.example" },
      challenge: { sv: "Ungas delaktighet" },
      focusArea: "young-people",
      consent: true
    }
    yield* Interest.submit(form, change)
    return yield* Effect.flip(Interest.submit(form, change))
  }),
  FrameworkInvalid: failure(
    CriteriaFramework.validate(
      new CriteriaFramework.CriteriaFramework({
        ...Frameworks.panel,
        principles: [...Frameworks.panel.principles, Frameworks.panel.principles[0]]
      })
    )
  ),
  FrameworkNotFound: failure(CriteriaFramework.resolve(Frameworks.builtIns, { id: "panel", version: 9 })),
  AssessmentInvalid: failure(
    Assessment.check(
      new Assessment.Assessment({
        id: "a" as Ids.AssessmentId,
        subject: { partnership: IcldCohort2020.lundFrancistown.id, stage: "application" },
        framework: CriteriaFramework.ref(Frameworks.panel),
        assessor: "assessor" as Ids.ActorId,
        date: "2020-11-30" as Core.CalendarDate.CalendarDate,
        scores: [{ principle: Frameworks.panel.principles[0].id, score: 9 }],
        version: 0
      }),
      Frameworks.panel
    )
  ),
  ConsolidationRefused: failure(Assessment.consolidate(Frameworks.panel, [])),
  NoFundingRules: Effect.gen(function*() {
    const { fundingRuleSet: _, ...withoutRules } = IcldCohort2020.programme
    const programme = new Programme.Programme({ ...withoutRules, id: "no-rules" as Ids.ProgrammeId })
    yield* (yield* Programme.Store).create(programme, change)
    return yield* Effect.flip(Budgets.rulesOf(programme.id))
  }),
  ReleaseRefused: failure(
    Disbursement.release(
      new Disbursement.Plan({
        id: "grant" as Ids.DisbursementPlanId,
        partnership: IcldCohort2020.lundFrancistown.id,
        granted: Money.sek(300_000),
        tranches: [
          { period: { phase: "preparation", year: 1 }, amount: Money.sek(100_000) },
          { period: { phase: "implementation", year: 1 }, amount: Money.sek(200_000) }
        ],
        version: 0
      }),
      { phase: "implementation", year: 1 },
      "2022-01-01" as Core.CalendarDate.CalendarDate,
      []
    )
  ),
  AgreementRefused: failure(Agreement.recordProgress(GovernmentAgreement2014.agreement, "no-such-deliverable", "delivered")),
  TrainingRefused: failure(TrainingProgramme.recordAttendance(StrategistProgramme2023.programme, "nobody@example.org", "no-such-session")),
  EventRefused: failure(CalendarEvent.unregister(Mr2020Conferences.conferences[0]!, "nobody@example.org")),
  ErasureRefused: Effect.flip(PersonalData.erase({ name: "Alex Andersson" }, ChangeLog.change("dpo", "request from Alex Andersson"))),
  CurrencyMismatch: failure(Money.add(Money.sek(1), { minor: 1, currency: "BWP" as Money.CurrencyCode })),
  AmountOutOfRange: failure(Money.subtract(Money.sek(1), Money.sek(2))),
  InvalidWeights: failure(Money.allocate(Money.sek(1), [1, -1, 0.5])),
  ValidationError: Effect.flip(Validation.decoder(Organisation.Organisation, "Organisation")({ id: "lund" })),
  GoalInvalid: Effect.gen(function*() {
    yield* LundFrancistownResults.load
    const goal = new Core.Goal.Goal({ ...LundFrancistownResults.lundGoal, id: "orphan" as Core.Goal.GoalId, contributesTo: ["no-such-goal" as Core.Goal.GoalId] })
    return yield* Effect.flip((yield* Core.Goal.Store).create(goal, change))
  }),
  IndicatorInvalid: Effect.gen(function*() {
    yield* LundFrancistownResults.load
    const indicator = new Core.Indicator.Indicator({ ...LundFrancistownResults.indicators[0]!, id: "orphan" as Core.Indicator.IndicatorId, goal: "no-such-goal" as Core.Goal.GoalId })
    return yield* Effect.flip((yield* Core.Indicator.Store).create(indicator, change))
  }),
  ActualInvalid: Effect.gen(function*() {
    yield* LundFrancistownResults.load
    return yield* Effect.flip(Core.Reports.recordActual({
      indicator: LundFrancistownResults.indicators[2]!.id,
      partnership: IcldCohort2020.lundFrancistown.id,
      period: { phase: "implementation", year: 4 },
      result: { _tag: "Reported", value: 9, disaggregated: [] }
    }, change))
  }),
  ReportRefused: Effect.gen(function*() {
    yield* LundFrancistownResults.load
    const report = yield* Core.Reports.draft(IcldCohort2020.lundFrancistown.id, { phase: "preparation", year: 1 }, {}, change)
    return yield* Effect.flip(Core.Reports.submit(report.id, { date: "2022-01-31" }, ChangeLog.change("tester", "refusal test", report.version)))
  }),
  EnsureRefused: Effect.gen(function*() {
    const store = yield* Organisation.Store
    yield* store.create(IcldCohort2020.francistown, change)
    const renamed = new Organisation.Organisation({ ...IcldCohort2020.francistown, name: { sv: "Francistown", en: "Francistown" } })
    return yield* Effect.flip(store.ensure(renamed, change))
  })
}

/** Every class of the package declared with `Refusal.Refusal`, by tag (`Namespace.Class`). */
const refusalClasses = (): Map<string, string> => {
  const found = new Map<string, string>()
  for (const [namespace, members] of Object.entries(Core)) {
    if (!Predicate.isObject(members)) continue
    for (const [name, value] of Object.entries(members)) {
      if (!Predicate.isFunction(value) || !Predicate.hasProperty(value, "fields") || !Predicate.isObject(value.fields)) continue
      const fields = value.fields
      if (!("subject" in fields && "violations" in fields && "_tag" in fields)) continue
      found.set(name, `${namespace}.${name}`)
    }
  }
  return found
}

describe("Refusal", () => {
  it("every refusal class of the package is provoked below", () => {
    const classes = refusalClasses()
    assert.isAbove(classes.size, 15)
    assert.sameMembers([...classes.keys()], Object.keys(provoke), `refusal classes: ${[...classes.values()].join(", ")}`)
  })

  for (const [tag, program] of Object.entries(provoke)) {
    it.effect(`${tag}: a refusal with a subject and every violation, explained in Swedish and in English`, () =>
      Effect.gen(function*() {
        const error = yield* program
        assert.isTrue(Refusal.isRefusal(error), `${tag} is a refusal`)
        if (!Refusal.isRefusal(error)) return
        assert.strictEqual(error._tag, tag)
        assert.isNotEmpty(error.subject.kind)
        assert.isAbove(error.violations.length, 0)
        const sv = error.explain("sv")
        const en = error.explain("en")
        assert.isNotEmpty(sv)
        assert.isNotEmpty(en)
        assert.notStrictEqual(sv, en)
        for (const v of error.violations) {
          assert.isNotEmpty(v.rule)
          assert.isNotEmpty(v.text.sv)
          assert.isNotEmpty(v.text.en)
          assert.include(sv, v.text.sv)
          assert.include(en, v.text.en)
        }
        // the English explanation is the message, as for every Effect error
        assert.strictEqual((error as unknown as Error).message, en)
      }).pipe(Effect.provide(Stores.layerMemory)))
  }

  it("explains one violation on one line and several as a list", () => {
    const one = { subject: { kind: "budget", id: "b1" }, violations: [Refusal.violation("lines[0].amount", "cap", 5, { sv: "För mycket.", en: "Too much." })] } as const
    assert.strictEqual(Refusal.explain(one, "en"), "budget b1: lines[0].amount: Too much.")
    const two = {
      subject: { kind: "budget" },
      violations: [...one.violations, Refusal.violation("", "currency", undefined, { sv: "Fel valuta.", en: "Wrong currency." })]
    } as const
    assert.strictEqual(Refusal.explain(two, "sv"), "budget:\n- lines[0].amount: För mycket.\n- Fel valuta.")
  })
})
