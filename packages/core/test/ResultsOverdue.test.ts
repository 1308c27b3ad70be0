/**
 * Overdue progress reports in the results views: marked on the day the caller passes
 * (`ResultsInput.today`), by `ReportingCycle.overdue`, on the partnership's report states and
 * in the network's reports outstanding; never without a day. Lund ↔ Francistown's
 * preparation-year report is due on 2022-03-01 under the example's reporting rules.
 */
import { assert, describe, it } from "@effect/vitest"
import { CalendarDate, ChangeLog, Partnership, Reports, Stores, View } from "@localrights/core"
import { IcldCohort2020, LundFrancistownResults } from "@localrights/core/examples"
import { Effect } from "effect"

const prep = { phase: "preparation", year: 1 } as const

/** Lund's card and its network's report on `today` (none: no day given). */
const views = (today?: string) =>
  Effect.gen(function*() {
    const loaded = yield* View.loadResults(IcldCohort2020.programme.id)
    const results = today === undefined ? loaded : { ...loaded, today: today as CalendarDate.CalendarDate }
    const dir = yield* View.loadDirectory
    const partnerships = yield* (yield* Partnership.Store).list()
    const lund = partnerships.find((p) => p.id === IcldCohort2020.lundFrancistown.id)!
    return {
      card: View.projectCard(lund, dir, results).results!,
      network: View.networkReport({ network: IcldCohort2020.network, partnerships, directory: dir, results }).results!
    }
  })

describe("View: overdue progress reports", () => {
  it.effect("a report past its due date and not handed in is overdue on the card and in the network's roll-up", () =>
    Effect.gen(function*() {
      yield* LundFrancistownResults.load
      const { card, network } = yield* views("2022-04-01")
      assert.deepStrictEqual(card.reports.map((r) => [r.period.key, r.status, r.due, r.daysOverdue]), [["preparation-1", undefined, "2022-03-01", 31]])
      assert.deepStrictEqual(card.reports[0]!.overdueText, { sv: "Försenad, 31 dagar", en: "Overdue by 31 days" })
      assert.deepStrictEqual([card.overdue, card.today], [1, "2022-04-01"])
      assert.match(card.summary.sv ?? "", /; 1 försenad den 2022-04-01\.$/)
      assert.match(card.summary.en ?? "", /; 1 overdue on 2022-04-01\.$/)
      assert.deepStrictEqual(network.outstanding.map((o) => [o.partnership.id, o.period.key, o.daysOverdue]), [[IcldCohort2020.lundFrancistown.id, "preparation-1", 31]])
      assert.strictEqual(network.overdue, 1)
      assert.match(network.summary.en ?? "", /1 progress report is not approved; 1 overdue on 2022-04-01\.$/)
      // a draft is not handed in either
      yield* Reports.draft(IcldCohort2020.lundFrancistown.id, prep, {}, ChangeLog.change("lund", "draft"))
      const drafted = yield* views("2022-04-01")
      assert.deepStrictEqual(drafted.card.reports.map((r) => [r.status, r.daysOverdue]), [["draft", 31]])
      assert.strictEqual(drafted.network.overdue, 1)
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("not overdue before the due date, on it, or without a day", () =>
    Effect.gen(function*() {
      yield* LundFrancistownResults.load
      for (const today of ["2022-02-01", "2022-03-01", undefined]) {
        const { card, network } = yield* views(today)
        assert.isTrue(card.reports.every((r) => r.daysOverdue === undefined && r.overdueText === undefined), String(today))
        assert.deepStrictEqual([card.overdue, network.overdue], [0, 0], String(today))
        // the report is still outstanding: it is not approved
        assert.strictEqual(network.outstanding.length, 1)
      }
      const { card } = yield* views(undefined)
      assert.notMatch(card.summary.en ?? "", /overdue/)
      assert.isUndefined(card.today)
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("an approved report is not overdue, however late the day", () =>
    Effect.gen(function*() {
      yield* LundFrancistownResults.load
      yield* LundFrancistownResults.cycle
      const { card, network } = yield* views("2030-01-01")
      assert.deepStrictEqual(card.reports.map((r) => [r.status, r.daysOverdue]), [["approved", undefined]])
      assert.deepStrictEqual([card.overdue, network.overdue, network.outstanding.length], [0, 0, 0])
      assert.match(card.summary.sv ?? "", /; 0 försenade den 2030-01-01\.$/)
    }).pipe(Effect.provide(Stores.layerMemory)))
})
