/**
 * ILLUSTRATIVE results framework for Lund ↔ Francistown: the sources publish no goals,
 * indicators, targets, actuals or reports, so everything here is made up to show the cycle
 * (every goal and indicator is marked `illustrative`). What is from the sources: the project
 * area (inclusive leadership and governance), SDG 10, the preparation year and three
 * implementation years, SEK 300 000 for the preparation year and nearly SEK 3 million in all.
 *
 * **Details**
 *
 * {@link load} stores Lund in its preparation year (on decisions taken outside the system,
 * recorded as overrides), one overall goal of the programme, Lund's individual goal, three
 * indicators, the programme's reporting rules and the disbursement plan. {@link cycle} runs
 * the preparation year's report through the whole cycle: actuals entered, the report
 * submitted, returned with comments (an indicator had no actual), completed, resubmitted,
 * approved, and the first implementation year's tranche released.
 *
 * @module
 * @since 0.2.0
 */
import { Effect, Schema } from "effect"
import * as ChangeLog from "../ChangeLog.ts"
import * as Disbursement from "../funding/Disbursement.ts"
import * as Seed from "../internal/Seed.ts"
import * as Money from "../Money.ts"
import * as Partnership from "../partnership/Partnership.ts"
import * as Partnerships from "../partnership/Partnerships.ts"
import * as Actual from "../results/Actual.ts"
import * as Goal from "../results/Goal.ts"
import * as Indicator from "../results/Indicator.ts"
import * as ProgressReport from "../results/ProgressReport.ts"
import * as ReportingCycle from "../results/ReportingCycle.ts"
import * as Reports from "../results/Reports.ts"
import * as IcldCohort2020 from "./IcldCohort2020.ts"

const source = "illustrative results data (not from the sources)"
const override = (gate: Partnership.Gate, date: string) => ({
  gate,
  outcome: "approved" as const,
  decidedBy: "icld",
  date,
  evidence: { _tag: "Override" as const, justification: { sv: "Illustrativt: beslutat utanför systemet", en: "Illustrative: decided outside the system" } }
})

/**
 * Lund ↔ Francistown in its preparation year: admitted to the network, matched with
 * Francistown City Council, preparation budget approved (illustrative override decisions).
 *
 * @category models
 * @since 0.2.0
 */
export const lundInPreparation: Partnership.Partnership = Seed.value(Partnership.make({
  ...Schema.encodeSync(Partnership.Partnership)(IcldCohort2020.lundFrancistown),
  status: "preparation",
  network: IcldCohort2020.network.id,
  internationalPartner: IcldCohort2020.francistown.id,
  partnerCountry: IcldCohort2020.francistown.country,
  decisions: [override("application-assessment", "2020-12-10"), override("preparation-budget", "2021-01-15")]
}))

/**
 * An overall goal of the programme (illustrative).
 *
 * @category models
 * @since 0.2.0
 */
export const overallGoal: Goal.Goal = Seed.value(Goal.make({
  id: "icld-mr-2020-inclusive-governance",
  programme: IcldCohort2020.programme.id,
  level: "programme",
  title: { sv: "Inkluderande och rättighetsbaserad lokal styrning", en: "Inclusive, rights-based local governance" },
  sdgTargets: ["10.2", "16.7"],
  principles: [{ framework: "panel", principle: "participation" }, { framework: "panel", principle: "non-discrimination" }],
  illustrative: true
}))

/**
 * Lund–Francistown's individual goal, contributing to {@link overallGoal} (illustrative).
 *
 * @category models
 * @since 0.2.0
 */
export const lundGoal: Goal.Goal = Seed.value(Goal.make({
  id: "lund-francistown-inclusive-leadership",
  programme: IcldCohort2020.programme.id,
  level: "partnership",
  partnership: IcldCohort2020.lundFrancistown.id,
  title: { sv: "Inkluderande ledarskap i båda kommunerna", en: "Inclusive leadership in both municipalities" },
  sdgTargets: ["10.2"],
  principles: [{ framework: "panel", principle: "participation" }],
  contributesTo: [overallGoal.id],
  illustrative: true
}))

const years = (values: ReadonlyArray<number>) => values.map((value, i) => ({ period: { phase: "implementation" as const, year: i + 1 }, value }))

/**
 * Three indicators of {@link lundGoal} (illustrative): officials trained (persons, summed,
 * by gender), steering documents revised with residents taking part (documents, summed), and
 * the maturity of participation on a described 1–5 scale.
 *
 * @category models
 * @since 0.2.0
 */
export const indicators: ReadonlyArray<Indicator.Indicator> = [
  Seed.value(Indicator.make({
    id: "lund-francistown-officials-trained",
    goal: lundGoal.id,
    title: { sv: "Tjänstepersoner utbildade i rättighetsbaserat arbetssätt", en: "Officials trained in the rights-based approach" },
    measure: { _tag: "Quantitative", unit: "persons", unitName: { sv: "personer", en: "persons" }, aggregation: "sum", ascending: true, iatiMeasure: 1 },
    baseline: { value: 0, date: "2021-01-01" },
    targets: [{ period: { phase: "preparation", year: 1 }, value: 5 }, ...years([20, 20, 20])],
    disaggregation: ["gender"],
    illustrative: true
  })),
  Seed.value(Indicator.make({
    id: "lund-francistown-steering-documents",
    goal: lundGoal.id,
    title: { sv: "Styrdokument reviderade med invånarnas delaktighet", en: "Steering documents revised with residents taking part" },
    measure: { _tag: "Quantitative", unit: "documents", unitName: { sv: "dokument", en: "documents" }, aggregation: "sum", ascending: true, iatiMeasure: 1 },
    targets: years([1, 2, 2]),
    illustrative: true
  })),
  Seed.value(Indicator.make({
    id: "lund-francistown-participation-maturity",
    goal: lundGoal.id,
    title: { sv: "Mognad i invånarnas delaktighet", en: "Maturity of residents' participation" },
    measure: {
      _tag: "Qualitative",
      ascending: true,
      iatiMeasure: 4,
      scale: [
        { value: 1, label: { sv: "Ingen struktur", en: "No structure" } },
        { value: 2, label: { sv: "Enstaka samråd", en: "Occasional consultation" } },
        { value: 3, label: { sv: "Regelbundna samråd", en: "Regular consultation" } },
        { value: 4, label: { sv: "Delaktighet i beslut", en: "Participation in decisions" } },
        { value: 5, label: { sv: "Medskapande", en: "Co-creation" } }
      ]
    },
    baseline: { value: 1, date: "2021-01-01" },
    targets: [{ period: { phase: "preparation", year: 1 }, value: 2 }, ...years([2, 3, 4])],
    illustrative: true
  }))
]

/**
 * The programme's reporting rules (illustrative): the preparation year from 1 January 2021,
 * reports due 60 days after each year, the final one after 90.
 *
 * @category models
 * @since 0.2.0
 */
export const reportingRules: ReportingCycle.ReportingRules = Seed.value(ReportingCycle.make({ id: IcldCohort2020.programme.id, start: "2021-01-01" }))

/**
 * Lund's disbursement plan: SEK 300 000 for the preparation year (as the sources say) and
 * SEK 2 700 000 over the three implementation years (illustrative split).
 *
 * @category models
 * @since 0.2.0
 */
export const plan: Disbursement.Plan = Seed.value(Disbursement.make({
  id: "lund-francistown-grant",
  partnership: IcldCohort2020.lundFrancistown.id,
  granted: Money.sek(3_000_000),
  tranches: [
    { period: { phase: "preparation", year: 1 }, amount: Money.sek(300_000), released: "2021-01-20" },
    ...Disbursement.evenly(Money.sek(2_700_000), [1, 2, 3].map((year) => ({ phase: "implementation" as const, year })))
  ]
}))

/**
 * Stores the ICLD cohort, Lund in its preparation year and the illustrative results framework
 * (each with `ensure` or `establish`: loading again changes nothing).
 *
 * @category constructors
 * @since 0.2.0
 */
export const load = Effect.gen(function*() {
  yield* IcldCohort2020.load
  yield* Partnerships.establish(lundInPreparation, ChangeLog.change("icld", `seed: ${source}`))
  const seed = Seed.change(source)
  const goals = yield* Goal.Store
  for (const g of [overallGoal, lundGoal]) yield* goals.ensure(g, seed)
  const stored = yield* Indicator.Store
  for (const i of indicators) yield* stored.ensure(i, seed)
  yield* Seed.ensureAll(yield* ReportingCycle.Store, [reportingRules], source)
  yield* (yield* Disbursement.Store).ensure(plan, seed)
})

const lund = ChangeLog.change("lund", "preparation-year report")
const icld = (reason: string, version: number) => ChangeLog.change("icld", reason, version)
const prep = { phase: "preparation", year: 1 } as const

/**
 * The preparation year's report through the whole cycle, after {@link load}: two actuals
 * entered, the report submitted and returned (the steering-documents indicator has no
 * actual), that indicator marked not reported with a reason, the report resubmitted and
 * approved, and the first implementation year's tranche released. Returns the report and the
 * plan as stored at the end.
 *
 * @category constructors
 * @since 0.2.0
 */
export const cycle = Effect.gen(function*() {
  const [trained, documents, maturity] = indicators
  yield* Reports.recordActual({
    indicator: trained!.id,
    partnership: lundGoal.partnership!,
    period: prep,
    result: { _tag: "Reported", value: 8, unit: "persons", disaggregated: [{ dimension: "gender", category: "women", value: 5 }, { dimension: "gender", category: "men", value: 3 }] },
    comment: { sv: "Introduktionsutbildning i Lund och Francistown", en: "Introductory training in Lund and Francistown" },
    evidence: [{ document: "attendance-lists-2021.pdf" }],
    entered: "2021-12-10"
  }, lund)
  yield* Reports.recordActual({ indicator: maturity!.id, partnership: lundGoal.partnership!, period: prep, result: { _tag: "Reported", value: 2, disaggregated: [] }, entered: "2021-12-10" }, lund)
  const drafted = yield* Reports.draft(lundGoal.partnership!, prep, {
    narrative: { sv: "Förberedelseåret: besök i båda kommunerna och en gemensam projektplan.", en: "The preparation year: visits to both municipalities and a joint project plan." }
  }, lund)
  const submitted = yield* Reports.submit(drafted.id, { date: "2022-01-31" }, ChangeLog.change("lund", "submitted", drafted.version))
  const returned = yield* Reports.returnReport(submitted.id, {
    date: "2022-02-07",
    comments: [{ field: `actuals.${documents!.id}`, text: { sv: "Ange ett utfall för styrdokumenten eller ett skäl till att det saknas.", en: "Give an actual for the steering documents, or the reason there is none." } }]
  }, icld("returned for completion", submitted.version))
  yield* Reports.recordActual({
    indicator: documents!.id,
    partnership: lundGoal.partnership!,
    period: prep,
    result: { _tag: "NotReported", reason: { sv: "Styrdokumenten revideras från genomförandeår 1.", en: "The steering documents are revised from implementation year 1." } },
    entered: "2022-02-10"
  }, lund)
  const resubmitted = yield* Reports.submit(returned.id, { date: "2022-02-11" }, ChangeLog.change("lund", "resubmitted", returned.version))
  const approved = yield* Reports.approve(resubmitted.id, { date: "2022-02-14" }, icld("approved", resubmitted.version))
  const stored = yield* (yield* Disbursement.Store).get(plan.id)
  const released = yield* Reports.releaseTranche(plan.id, { phase: "implementation", year: 1 }, { date: "2022-02-15" }, icld("year 1 tranche", stored.version))
  return { report: approved as ProgressReport.ProgressReport, plan: released, actual: Actual.idOf(trained!.id, lundGoal.partnership!, prep) }
})
