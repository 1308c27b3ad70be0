/**
 * Demo section: the results framework and the reporting cycle for Lund ↔ Francistown, after
 * the lifecycle summary has started Lund's preparation year. The programme's overall goal,
 * Lund's individual goal and its indicators (core's `LundFrancistownResults`), the reporting
 * rules and the disbursement plan are stored; then the preparation year's progress report goes
 * through the core commands (`Reports`): actuals entered, the report drafted and submitted, the
 * next tranche refused while the report waits, the report returned with comments, completed,
 * resubmitted and approved, and the first implementation year's tranche released
 * (`Disbursement`); last the roll-up of the network's results.
 *
 * Everything here is illustrative: the sources publish no goals, indicators, targets, actuals
 * or reports.
 */
import { Effect } from "effect"
import {
  ChangeLog,
  Disbursement,
  Goal,
  Indicator,
  LocalizedText,
  Money,
  Partnership,
  ProgressReport,
  Programme,
  ReportingCycle,
  ReportingPeriod,
  Reports,
  RollUp,
  Actual
} from "@localrights/core"
import { IcldCohort2020, LundFrancistownResults } from "@localrights/core/examples"
import { both, heading, line, refusal } from "./Print.ts"

const lund = IcldCohort2020.lundFrancistown.id
const prep = { phase: "preparation", year: 1 } as const
const year1 = { phase: "implementation", year: 1 } as const
const [trained, documents, maturity] = LundFrancistownResults.indicators as readonly [Indicator.Indicator, Indicator.Indicator, Indicator.Indicator]
const byLund = (reason: string) => ChangeLog.change("lund-demo", reason)
const onLund = (reason: string, version: number) => ChangeLog.change("lund-demo", reason, version)
const byIcld = (reason: string, version: number) => ChangeLog.change("icld-demo", reason, version)
const period = (p: ReportingPeriod.Period) => ({ sv: ReportingPeriod.name(p, "sv"), en: ReportingPeriod.name(p, "en") })
const text = (t: LocalizedText.LocalizedText, lang: LocalizedText.Lang) => LocalizedText.text(t, lang)

const describeMeasure = (i: Indicator.Indicator, lang: LocalizedText.Lang): string => {
  const m = i.measure
  if (m._tag === "Qualitative") {
    const steps = m.scale.map((s) => `${s.value} ${text(s.label, lang)}`).join(", ")
    return lang === "sv" ? `skala ${steps}` : `scale ${steps}`
  }
  const unit = m.unitName === undefined ? m.unit : text(m.unitName, lang)
  return `${unit}, ${Indicator.Aggregation.nameOf(Indicator.aggregationOf(i), lang).toLowerCase()}`
}

const targets = (i: Indicator.Indicator, lang: LocalizedText.Lang): string =>
  i.targets.map((t) => `${ReportingPeriod.name(t.period, lang)}: ${t.value}`).join(", ")

const printIndicator = (i: Indicator.Indicator) =>
  both({
    sv: `${text(i.title, "sv")} (${describeMeasure(i, "sv")}); baslinje ${i.baseline === undefined ? "–" : `${i.baseline.value} (${i.baseline.date})`}; mål ${targets(i, "sv")}`,
    en: `${text(i.title, "en")} (${describeMeasure(i, "en")}); baseline ${i.baseline === undefined ? "–" : `${i.baseline.value} (${i.baseline.date})`}; targets ${targets(i, "en")}`
  })

const printPlan = (plan: Disbursement.Plan) =>
  Effect.forEach(["sv", "en"] as const, (lang) =>
    line(`[${lang}] ${
      plan.tranches.map((t) =>
        `${ReportingPeriod.name(t.period, lang)} ${Money.format(t.amount, lang)} ${
          t.released === undefined ? (lang === "sv" ? "ej utbetald" : "not released") : `${lang === "sv" ? "utbetald" : "released"} ${t.released}`
        }`
      ).join("; ")
    }`), { discard: true })

const printReport = (r: ProgressReport.ProgressReport) =>
  both({
    sv: `Rapport ${r.id}: ${ProgressReport.Status.nameOf(r.status, "sv").toLowerCase()}, version ${r.version}${r.due === undefined ? "" : `, senast ${r.due}`}`,
    en: `Report ${r.id}: ${ProgressReport.Status.nameOf(r.status, "en").toLowerCase()}, version ${r.version}${r.due === undefined ? "" : `, due ${r.due}`}`
  })

// the framework: goals, indicators, reporting rules and the grant's plan, as the programme
// agrees them with Lund
const storeFramework = Effect.gen(function*() {
  yield* heading("Resultat: mål och indikatorer (illustrativa)", "Results: goals and indicators (illustrative)")
  yield* both({
    sv: "Illustrativt: källorna publicerar inga mål, indikatorer, utfall eller rapporter.",
    en: "Illustrative: the sources publish no goals, indicators, actuals or reports."
  })
  const goals = yield* Goal.Store
  for (const g of [LundFrancistownResults.overallGoal, LundFrancistownResults.lundGoal]) {
    yield* goals.create(g, ChangeLog.change("icld-demo", "Goal agreed"))
    const level = (lang: LocalizedText.Lang) => Goal.Level.nameOf(g.level, lang)
    yield* both({
      sv: `${level("sv")}: ${text(g.title, "sv")} (mål ${g.sdgTargets.join(", ")})${g.contributesTo.length === 0 ? "" : `, bidrar till ${g.contributesTo.join(", ")}`}`,
      en: `${level("en")}: ${text(g.title, "en")} (targets ${g.sdgTargets.join(", ")})${g.contributesTo.length === 0 ? "" : `, contributes to ${g.contributesTo.join(", ")}`}`
    })
  }
  const stored = yield* Indicator.Store
  for (const i of LundFrancistownResults.indicators) {
    yield* stored.create(i, ChangeLog.change("icld-demo", "Indicator agreed"))
    yield* printIndicator(i)
  }
  const rules = yield* (yield* ReportingCycle.Store).create(LundFrancistownResults.reportingRules, ChangeLog.change("icld-demo", "Reporting rules"))
  yield* both({
    sv: `Rapporteringsregler: rapporten senast ${rules.dueDays} dagar efter varje år (slutrapporten ${rules.finalDueDays}).`,
    en: `Reporting rules: the report due ${rules.dueDays} days after each year (the final one ${rules.finalDueDays}).`
  })
  const plan = yield* (yield* Disbursement.Store).create(LundFrancistownResults.plan, ChangeLog.change("icld-demo", "Grant awarded"))
  yield* both({ sv: `Utbetalningsplan, beviljat ${Money.format(plan.granted, "sv")}:`, en: `Disbursement plan, granted ${Money.format(plan.granted, "en")}:` })
  yield* printPlan(plan)
  return plan
})

const cycle = (plan: Disbursement.Plan) =>
  Effect.gen(function*() {
    yield* heading("Rapporteringscykeln: förberedelseårets rapport", "The reporting cycle: the preparation year's report")
    yield* Reports.recordActual({
      indicator: trained.id,
      partnership: lund,
      period: prep,
      result: { _tag: "Reported", value: 8, unit: "persons", disaggregated: [{ dimension: "gender", category: "women", value: 5 }, { dimension: "gender", category: "men", value: 3 }] },
      comment: { sv: "Två utbildningsdagar, i Lund och i Francistown", en: "Two training days, in Lund and in Francistown" },
      evidence: [{ document: "training-attendance-2021.pdf" }],
      entered: "2021-12-08"
    }, byLund("Actual entered"))
    yield* Reports.recordActual(
      { indicator: maturity.id, partnership: lund, period: prep, result: { _tag: "Reported", value: 2, disaggregated: [] }, entered: "2021-12-08" },
      byLund("Actual entered")
    )
    const label = Indicator.labelOf(maturity, 2)!
    yield* both({
      sv: `Utfall inmatade: ${text(trained.title, "sv")} 8 (kvinnor 5, män 3); ${text(maturity.title, "sv")} 2 (${text(label, "sv")}).`,
      en: `Actuals entered: ${text(trained.title, "en")} 8 (women 5, men 3); ${text(maturity.title, "en")} 2 (${text(label, "en")}).`
    })

    const drafted = yield* Reports.draft(lund, prep, {
      narrative: { sv: "Förberedelseåret: studiebesök i båda städerna och en gemensam projektplan.", en: "The preparation year: study visits in both cities and a joint project plan." }
    }, byLund("Report drafted"))
    yield* printReport(drafted)
    const submitted = yield* Reports.submit(drafted.id, { date: "2022-01-28" }, onLund("Report submitted", drafted.version))
    yield* printReport(submitted)
    const financial = ProgressReport.lastSubmission(submitted)?.financial
    if (financial !== undefined) {
      yield* both({
        sv: `Ekonomisk del (från budget och reskontra): budget ${Money.format(financial.budgeted, "sv")}, utfall ${Money.format(financial.actual, "sv")}`,
        en: `Financial part (from the budget and the ledger): budgeted ${Money.format(financial.budgeted, "en")}, actual ${Money.format(financial.actual, "en")}`
      })
    }

    // the next tranche waits for the approved report
    const early = yield* Reports.releaseTranche(plan.id, year1, { date: "2022-02-01" }, byIcld("Year 1 tranche", plan.version)).pipe(Effect.flip)
    yield* both({ sv: `Delutbetalningen för ${period(year1).sv} nekas innan rapporten är godkänd:`, en: `The ${period(year1).en} tranche is refused before the report is approved:` })
    yield* refusal(early)

    const returned = yield* Reports.returnReport(submitted.id, {
      date: "2022-02-04",
      comments: [{
        field: `actuals.${documents.id}`,
        text: { sv: "Styrdokumenten saknar utfall: ange ett, eller skälet till att det saknas.", en: "The steering documents have no actual: give one, or the reason there is none." }
      }]
    }, byIcld("Returned for completion", submitted.version))
    yield* printReport(returned)
    for (const c of ProgressReport.lastComments(returned)) yield* both(c.text)

    const notReported = { sv: "Revideringen av styrdokumenten börjar genomförandeår 1.", en: "Revising the steering documents starts in implementation year 1." }
    yield* Reports.recordActual(
      { indicator: documents.id, partnership: lund, period: prep, result: { _tag: "NotReported", reason: notReported }, entered: "2022-02-08" },
      byLund("Marked not reported")
    )
    yield* both({ sv: `Ej rapporterat, med skäl: ${notReported.sv}`, en: `Not reported, with the reason: ${notReported.en}` })
    const resubmitted = yield* Reports.submit(returned.id, { date: "2022-02-09" }, onLund("Report resubmitted", returned.version))
    yield* printReport(resubmitted)
    const approved = yield* Reports.approve(resubmitted.id, { date: "2022-02-14" }, byIcld("Report approved", resubmitted.version))
    yield* printReport(approved)

    const current = yield* (yield* Disbursement.Store).get(plan.id)
    const released = yield* Reports.releaseTranche(plan.id, year1, { date: "2022-02-15" }, byIcld("Year 1 tranche released", current.version))
    yield* both({
      sv: `Delutbetalningen för ${period(year1).sv} är utbetald: ${Money.format(Disbursement.released(released), "sv")} utbetalt, ${Money.format(Disbursement.remaining(released), "sv")} kvar.`,
      en: `The ${period(year1).en} tranche is released: ${Money.format(Disbursement.released(released), "en")} released, ${Money.format(Disbursement.remaining(released), "en")} remaining.`
    })
    yield* printPlan(released)

    yield* line("Change log of the report:")
    for (const r of yield* (yield* ProgressReport.Store).history(approved.id)) {
      yield* line(`  v${r.version} ${r.command.padEnd(22)} ${(r.statusAfter ?? "-").padEnd(10)} by ${r.actor}: ${r.reason}`)
    }
  })

// the network's roll-up: each overall goal with the contributing indicators, targets against
// actuals up to the preparation year, and the reports outstanding
const rollUp = Effect.gen(function*() {
  yield* heading("Resultat för nätverket", "The network's results")
  const programme = yield* (yield* Programme.Store).get(IcldCohort2020.programme.id)
  const result = RollUp.make({
    scope: { _tag: "Network", programme: programme.id, network: IcldCohort2020.network.id },
    asOf: prep,
    phases: programme.phases,
    goals: yield* (yield* Goal.Store).list(),
    indicators: yield* (yield* Indicator.Store).list(),
    actuals: yield* (yield* Actual.Store).list(),
    partnerships: yield* (yield* Partnership.Store).list(),
    reports: yield* (yield* ProgressReport.Store).list()
  })
  for (const g of result.goals) {
    const share = g.share === undefined ? "–" : `${Math.round(g.share * 100)} %`
    yield* both({
      sv: `${text(g.goal.title, "sv")}: ${g.onTrack} av ${g.assessed} indikatorer i fas (${share})`,
      en: `${text(g.goal.title, "en")}: ${g.onTrack} of ${g.assessed} indicators on track (${share})`
    })
    for (const r of g.rows) {
      const state = r.onTrack === undefined ? "not assessed" : r.onTrack ? "on track" : "behind"
      yield* line(`  ${r.partnership} ${r.indicator.id}: target ${r.target ?? "–"}, actual ${r.actual ?? "–"} (${state})`)
    }
  }
  const outstanding = (lang: LocalizedText.Lang) =>
    result.outstanding.map((o) => `${o.partnership} (${ReportingPeriod.name(o.period, lang)}${o.status === undefined ? "" : `, ${ProgressReport.Status.nameOf(o.status, lang).toLowerCase()}`})`).join(", ")
  yield* both({
    sv: `Utestående rapporter i nätverket (${result.outstanding.length}): ${outstanding("sv") || "inga"}`,
    en: `Reports outstanding in the network (${result.outstanding.length}): ${outstanding("en") || "none"}`
  })
})

export const section = Effect.gen(function*() {
  const plan = yield* storeFramework
  yield* cycle(plan)
  yield* rollUp
})
