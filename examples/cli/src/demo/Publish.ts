/**
 * Demo section: publishes what the store holds. The catalogue, one project card per
 * partnership, the network report (SDG coverage, assessment scores, budget against actual,
 * results against targets, each charted with a text alternative and a data table), the assessment summaries and funding
 * statements and the calendar events' pages, in Swedish and English as HTML and Markdown; the
 * IATI 2.03 activity file; CSV of the catalogue and of the budgets. Written to `out/` at the
 * repository root, or to `LOCALRIGHTS_OUT`.
 *
 * Only partnerships from admission on are published. Contact persons never reach a view, so no output carries them. Assessment scores and amounts
 * come from the earlier demo sections, which mark them as illustrative; the network report says
 * so too. The IATI reporting-organisation identifier is a placeholder: ICLD's own IATI
 * identifier is not in the sources.
 */
import { Console, Effect, FileSystem, Option, Path } from "effect"
import {
  Actual,
  Assessment,
  Budget,
  type CalendarDate,
  CalendarEvent,
  Catalogue,
  Disbursement,
  Expenses,
  Frameworks,
  Goal,
  Indicator,
  type LocalizedText,
  Partnership,
  ProgressReport,
  Renderer,
  ReportingCycle,
  View
} from "@localrights/core"
import { IcldCohort2020 } from "@localrights/core/examples"
import { CsvRenderer } from "@localrights/render-csv"
import { HtmlRenderer } from "@localrights/render-html"
import { IatiRenderer } from "@localrights/render-iati"
import { MarkdownRenderer } from "@localrights/render-markdown"
import { heading, line } from "./Print.ts"

const illustrative: LocalizedText.LocalizedText = {
  sv: "Bedömningspoäng, belopp och resultat i detta exempel är illustrativa: källorna publicerar inga bedömningar, budgetar eller resultat.",
  en: "Assessment scores, amounts and results in this example are illustrative: the sources publish no assessments, budgets or results."
}

/** Placeholder reporting organisation: ICLD's IATI organisation identifier is not in the sources. */
const iati = IatiRenderer.make({
  reportingOrg: { ref: "XX-EXAMPLE-ICLD", type: "10", name: IcldCohort2020.icld.name }
})

export const section = Effect.gen(function*() {
  yield* heading("Publicering: webbplats, IATI och CSV", "Publishing: site, IATI and CSV")
  const fs = yield* FileSystem.FileSystem
  const path = yield* Path.Path

  // Published: partnerships from admission on. Expressions of interest and applications are
  // not public (and have no activity date for IATI); refused ones are left out too.
  const unpublished: ReadonlyArray<Partnership.Status> = ["interest-registered", "applied", "rejected"]
  const partnerships = (yield* (yield* Partnership.Store).list()).filter((p) => !unpublished.includes(p.status))
  const dir = yield* View.loadDirectory
  const networks = [...dir.networks.values()]
  const byId = new Map(partnerships.map((p) => [p.id as string, p]))

  // Assessments: per partnership and stage, the latest round (all assessors on its date).
  const assessments = yield* (yield* Assessment.Store).list()
  const groups = new Map<string, Array<(typeof assessments)[number]>>()
  for (const a of assessments) {
    const key = `${a.subject.partnership}/${a.subject.stage}/${a.framework.id}/${a.framework.version}`
    groups.set(key, [...(groups.get(key) ?? []), a])
  }
  const assessmentInputs = [...groups.values()].flatMap((group) => {
    const latest = group.map((a) => a.date).sort().at(-1)
    const round = group.filter((a) => a.date === latest)
    const framework = Frameworks.builtIns.find((f) => f.id === round[0]!.framework.id && f.version === round[0]!.framework.version)
    return framework === undefined ? [] : [View.assessmentInput(round, framework)]
  })

  // Budget against actual, from each ledger and the budget it follows.
  const budgets = yield* (yield* Budget.Store).list()
  const ledgers = yield* (yield* Expenses.Store).list()
  const fundingInputs = ledgers.flatMap((ledger) => {
    const budget = budgets.find((b) => b.id === ledger.budget) ?? budgets.find((b) => b.partnership === ledger.partnership)
    if (budget === undefined) return []
    const report = Expenses.compare(budget, ledger)
    return report._tag === "Success" ? [View.fundingInput(ledger.partnership, report.success)] : []
  })

  // Results (the results section's illustrative goals, indicators and the approved report):
  // each view shows only what is public, actuals once their report is approved.
  const results: View.ResultsInput = {
    goals: yield* (yield* Goal.Store).list(),
    indicators: yield* (yield* Indicator.Store).list(),
    actuals: yield* (yield* Actual.Store).list(),
    reports: yield* (yield* ProgressReport.Store).list(),
    rules: Option.getOrUndefined(yield* (yield* ReportingCycle.Store).find(IcldCohort2020.programme.id))
  }

  // IATI budgets and disbursements: periods are dated from the approved preparation-budget
  // decision (an assumption: the sources give no start date for the preparation year).
  const plans = yield* (yield* Disbursement.Store).list()
  const file = View.activityFile({
    partnerships,
    directory: dir,
    results,
    extra: (p) => {
      const decided = Partnership.latestDecision(p, "preparation-budget")
      const start = decided?.outcome === "approved" ? decided.date : undefined
      const budget = budgets.filter((b) => b.partnership === p.id).sort((a, b) => (a.scope === "full" ? -1 : b.scope === "full" ? 1 : 0))[0]
      const plan = plans.find((x) => x.partnership === p.id)
      if (start === undefined) return {}
      const funding = View.activityFunding({
        ...(budget === undefined ? {} : { budget }),
        ...(plan === undefined ? {} : { plan }),
        preparationStart: start as CalendarDate.CalendarDate,
        committed: true,
        receiver: View.projectCard(p, dir).swedishPartner
      })
      return { ...funding, dates: [{ type: "planned-start", date: start }] }
    }
  })

  const views: Array<View.View> = [View.catalogue(Catalogue.run(partnerships, { limit: 500 }), {}, dir)]
  for (const p of partnerships) views.push(View.projectCard(p, dir, results))
  for (const network of networks) {
    views.push(View.networkReport({
      network,
      partnerships,
      directory: dir,
      assessments: assessmentInputs,
      funding: fundingInputs,
      results,
      unknowns: [...IcldCohort2020.unknowns, ...(assessmentInputs.length + fundingInputs.length > 0 ? [illustrative] : [])]
    }))
  }
  for (const a of assessmentInputs) {
    const p = byId.get(a.partnership)
    if (p !== undefined) views.push(View.assessmentSummary(a, p))
  }
  for (const f of fundingInputs) {
    const p = byId.get(f.partnership)
    if (p !== undefined) views.push(View.fundingStatement(f, p))
  }
  // Calendar events: public pages (registrants are never part of the view).
  for (const event of yield* (yield* CalendarEvent.Store).list()) views.push(View.eventPage(event, dir))

  const out = process.env["LOCALRIGHTS_OUT"] ?? path.join(process.cwd(), "out")
  yield* fs.makeDirectory(out, { recursive: true })
  const written: Array<string> = []
  const write = (doc: Renderer.Document) =>
    fs.writeFileString(path.join(out, doc.fileName), doc.body).pipe(Effect.tap(() => Effect.sync(() => written.push(doc.fileName))))

  const renderers = [HtmlRenderer.make(), MarkdownRenderer.make(), CsvRenderer.make()]
  for (const renderer of renderers) {
    for (const view of views) {
      if (!renderer.supports.includes(view._tag)) continue
      for (const lang of ["sv", "en"] as const) yield* write(yield* renderer.render(view, lang))
    }
  }
  yield* write(yield* iati.render(file, "en"))

  yield* line(`${written.length} files written to ${out}`)
  for (const name of ["catalogue.sv.html", "catalogue.en.html", `network-${networks[0]?.id ?? ""}.sv.html`, "activities.xml", "catalogue.sv.csv"]) {
    if (written.includes(name)) yield* Console.log(`  ${path.join(out, name)}`)
  }
  yield* line(`IATI: ${file.activities.length} activities, reporting organisation XX-EXAMPLE-ICLD (placeholder)`)
})
