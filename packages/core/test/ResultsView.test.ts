import { assert, describe, it } from "@effect/vitest"
import { Partnership, ProgressReport, ReportingPeriod, RollUp, Stores, View } from "@localrights/core"
import { IcldCohort2020, LundFrancistownResults } from "@localrights/core/examples"
import { RendererTest } from "@localrights/core/testing"
import { Effect } from "effect"
import * as fc from "fast-check"

const fixture = RendererTest.views()
const input = RendererTest.results()
// what partnershipResults reads of the fixture's p-one (the programme's phases default to 1 + 3)
const partnershipOne = { id: "p-one", programme: "programme", status: "implementation", implementationYear: 2 } as unknown as Partnership.Partnership

describe("View results: what is public", () => {
  it("no internal results data reaches the views (review and return comments, approval notes, evidence, unapproved actuals)", () => {
    for (const view of [fixture.ProjectCard, fixture.NetworkReport, fixture.ActivityFile]) {
      const json = JSON.stringify(view)
      for (const secret of RendererTest.internalResults) assert.notInclude(json, secret)
      assert.notInclude(json, "777")
    }
  })

  it("a period's actual shows only once its report is approved (property)", () => {
    const statuses = fc.constantFrom<ProgressReport.Status>("draft", "submitted", "returned", "approved")
    fc.assert(fc.property(fc.array(statuses, { minLength: 3, maxLength: 3 }), (s) => {
      // the fixture's three reports, with any status (steps are not read by the views)
      const reports = input.reports.map((r, i) => new ProgressReport.ProgressReport({ ...r, status: s[i]!, steps: [] }, { disableChecks: true }))
      const results = View.partnershipResults(partnershipOne, View.directory({}), { ...input, reports })
      for (const g of results.goals) {
        for (const ind of g.indicators) {
          for (const period of ind.periods) {
            const report = reports.find((r) => ReportingPeriod.equals(r.period, period.period.period))
            if (period.actual !== undefined || period.notReported !== undefined) assert.strictEqual(report?.status, "approved", `${ind.id} ${period.period.key}`)
          }
        }
      }
    }))
  })

  it("the network's roll-up is RollUp.make over the approved actuals", () => {
    const results = fixture.NetworkReport.results!
    const members = RendererTest.views().Catalogue.cards.map((c) => c.id)
    assert.deepStrictEqual(members, ["p-one", "p-two"])
    const expected = RollUp.make({
      scope: { _tag: "Network", programme: "programme", network: "network" },
      asOf: results.asOf.period,
      phases: { preparationYears: 1, implementationYears: 3 },
      goals: input.goals,
      indicators: input.indicators,
      actuals: View.publicActuals(input.actuals, input.reports),
      partnerships: [{ id: "p-one" as never, programme: "programme" as never, network: "network" as never }, { id: "p-two" as never, programme: "programme" as never, network: "network" as never }],
      reports: input.reports
    })
    assert.deepStrictEqual(
      results.goals.map((g) => [g.goal.id, g.onTrack, g.assessed, g.rows.map((r) => [r.indicator.id, r.partnership.id, r.target, r.actual, r.onTrack])]),
      expected.goals.map((g) => [g.goal.id, g.onTrack, g.assessed, g.rows.map((r) => [r.indicator.id, r.partnership, r.target, r.actual, r.onTrack])])
    )
    // totals count up to the last approved period; the submitted year is outstanding
    assert.strictEqual(results.asOf.key, "implementation-1")
    assert.deepStrictEqual(results.outstanding.map((o) => [o.partnership.id, o.period.key, o.status]), [
      ["p-one", "implementation-2", "submitted"]
    ])
  })

  it("indicator totals are RollUp.row over the approved actuals, and periods are dated by the reporting rules", () => {
    const r = fixture.ProjectCard.results!
    const trained = r.goals[0]!.indicators.find((i) => i.id === "trained")!
    const row = RollUp.row(input.indicators[0]!, "p-one", View.publicActuals(input.actuals, input.reports), r.asOf.period)
    assert.deepStrictEqual([trained.total.target, trained.total.actual, trained.total.onTrack], [row.target, row.actual, row.onTrack])
    assert.deepStrictEqual([trained.periods[0]!.period.start, trained.periods[0]!.period.end, trained.periods[0]!.period.due], ["2021-01-01", "2021-12-31", "2022-03-01"])
    assert.deepStrictEqual(r.reports.map((x) => [x.period.key, x.status, x.narrative !== undefined]), [
      ["preparation-1", "approved", true],
      ["implementation-1", "approved", true],
      ["implementation-2", "submitted", false]
    ])
  })
})

describe("View.loadResults with the Lund–Francistown cycle", () => {
  it.effect("after the cycle, Lund's card shows the approved preparation year and the network its roll-up", () =>
    Effect.gen(function*() {
      yield* LundFrancistownResults.load
      yield* LundFrancistownResults.cycle
      const results = yield* View.loadResults(IcldCohort2020.programme.id)
      const dir = yield* View.loadDirectory
      const lund = yield* (yield* Partnership.Store).get(IcldCohort2020.lundFrancistown.id)
      const card = View.projectCard(lund, dir, results)
      const r = card.results!
      assert.isTrue(r.illustrative)
      assert.strictEqual(r.asOf.key, "preparation-1")
      const byId = (id: string) => r.goals[0]!.indicators.find((i) => i.id === id)
      const [trained, documents, maturity] = LundFrancistownResults.indicators.map((i) => byId(i.id))
      assert.deepStrictEqual([trained!.periods[0]!.actual, trained!.periods[0]!.onTrack], [8, true])
      assert.strictEqual(documents!.periods[0]!.missing, "not-reported")
      assert.deepStrictEqual(maturity!.periods[0]!.actualText, { sv: "2 / 5 – Enstaka samråd", en: "2 / 5 – Occasional consultation" })
      assert.deepStrictEqual(r.reports.map((x) => [x.period.key, x.status, x.approved]), [["preparation-1", "approved", "2022-02-14"]])
      const json = JSON.stringify(card)
      for (const internal of ["attendance-lists-2021.pdf", "Give an actual for the steering documents"]) assert.notInclude(json, internal)
      const report = View.networkReport({ network: IcldCohort2020.network, partnerships: yield* (yield* Partnership.Store).list(), directory: dir, results })
      const goal = report.results!.goals[0]!
      assert.strictEqual(goal.goal.id, LundFrancistownResults.overallGoal.id)
      assert.deepStrictEqual([goal.onTrack, goal.assessed], [2, 2])
    }).pipe(Effect.provide(Stores.layerMemory)))
})
