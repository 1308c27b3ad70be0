/**
 * The results framework's pure rules: aggregation for any set of actuals, the roll-up against a
 * straightforward recomputation, approval only with every indicator accounted for, bad input
 * with its field paths in Swedish and English, and the reporting cycle's due dates, overdue
 * reports and reminders.
 */
import { assert, describe, it } from "@effect/vitest"
import { Actual, Goal, Indicator, ProgressReport, ReportingCycle, ReportingPeriod, RollUp } from "@localrights/core"
import { IcldCohort2020, LundFrancistownResults } from "@localrights/core/examples"
import { Effect, Exit, Result } from "effect"
import * as fc from "fast-check"

const phases = { preparationYears: 1, implementationYears: 3 }
const periods = ReportingPeriod.of(phases)
const d = (s: string) => s as never
const arbPeriod = fc.constantFrom(...periods)
const arbValue = fc.integer({ min: 0, max: 1000 })

const quantitative = (id: string, goal: string, aggregation: Indicator.Aggregation, ascending: boolean, targets: ReadonlyArray<number | null>) =>
  new Indicator.Indicator({
    id: id as never,
    goal: goal as never,
    title: { en: id },
    measure: { _tag: "Quantitative", unit: "persons", unitName: { en: "persons" }, aggregation, ascending, iatiMeasure: 1 },
    targets: targets.flatMap((v, i) => (v === null ? [] : [{ period: periods[i]!, value: v }])),
    disaggregation: [],
    version: 1
  })

const actual = (indicator: string, partnership: string, period: ReportingPeriod.Period, result: Actual.Result) =>
  new Actual.Actual({
    id: Actual.idOf(indicator, partnership, period),
    indicator: indicator as never,
    partnership: partnership as never,
    period,
    result,
    evidence: [],
    entered: d("2022-01-01"),
    status: "entered",
    version: 1
  })

// the straightforward recomputation the property tests compare with
const recompute = (aggregation: Indicator.Aggregation, values: ReadonlyArray<{ period: ReportingPeriod.Period; value: number }>) => {
  if (values.length === 0) return undefined
  if (aggregation === "sum") return values.map((v) => v.value).reduce((a, b) => a + b, 0)
  if (aggregation === "average") return values.map((v) => v.value).reduce((a, b) => a + b, 0) / values.length
  const latest = [...values].sort((a, b) => ReportingPeriod.order(b.period) - ReportingPeriod.order(a.period))[0]!
  return latest.value
}

describe("Indicator aggregation", () => {
  it("sum, average and latest hold for any set of actuals, in any order (property)", () => {
    fc.assert(fc.property(
      fc.uniqueArray(fc.record({ period: arbPeriod, value: arbValue }), { selector: (v) => ReportingPeriod.key(v.period), maxLength: 4 }),
      fc.constantFrom<Indicator.Aggregation>("sum", "average", "latest"),
      (values, aggregation) => {
        const got = Indicator.aggregate(aggregation, values)
        assert.strictEqual(got, recompute(aggregation, values))
        assert.strictEqual(Indicator.aggregate(aggregation, [...values].reverse()), got)
        if (got !== undefined) {
          const all = values.map((v) => v.value)
          if (aggregation !== "sum") {
            assert.isAtLeast(got, Math.min(...all))
            assert.isAtMost(got, Math.max(...all))
          } else assert.isAtLeast(got, Math.max(...all))
        }
      }
    ))
  })

  it("the target up to a period adds up the targets of the periods so far; on track follows the direction", () => {
    const ind = quantitative("i", "g", "sum", true, [null, 20, 20, 20])
    assert.strictEqual(Indicator.targetUpTo(ind, periods[0]!), undefined)
    assert.strictEqual(Indicator.targetUpTo(ind, periods[2]!), 40)
    assert.isTrue(Indicator.onTrack(ind, 40, 41))
    const down = quantitative("i", "g", "latest", false, [10, 8, 6, 4])
    assert.strictEqual(Indicator.targetUpTo(down, periods[3]!), 4)
    assert.isTrue(Indicator.onTrack(down, 4, 3))
    assert.isFalse(Indicator.onTrack(down, 4, 5))
  })
})

describe("RollUp", () => {
  const overall = new Goal.Goal({ id: "overall" as never, programme: "p" as never, level: "programme", title: { en: "Overall" }, sdgTargets: [], principles: [], contributesTo: [], version: 1 })
  const networkGoal = new Goal.Goal({ id: "net" as never, programme: "p" as never, level: "network", network: "n1" as never, title: { en: "Network" }, sdgTargets: [], principles: [], contributesTo: ["overall" as never], version: 1 })
  const partnerships = [
    { id: "a" as never, programme: "p" as never, network: "n1" as never },
    { id: "b" as never, programme: "p" as never, network: "n1" as never },
    { id: "c" as never, programme: "p" as never, network: "n2" as never }
  ]
  const own = (p: string, to: string) =>
    new Goal.Goal({ id: `goal-${p}` as never, programme: "p" as never, level: "partnership", partnership: p as never, title: { en: p }, sdgTargets: [], principles: [], contributesTo: [to as never], version: 1 })
  const goals = [overall, networkGoal, own("a", "net"), own("b", "overall"), own("c", "overall")]

  const arbIndicator = (id: string, goal: string) =>
    fc.record({
      aggregation: fc.constantFrom<Indicator.Aggregation>("sum", "average", "latest"),
      ascending: fc.boolean(),
      targets: fc.array(fc.option(arbValue, { nil: null }), { minLength: 4, maxLength: 4 })
    }).map((r) => quantitative(id, goal, r.aggregation, r.ascending, r.targets))

  it("equals a straightforward recomputation from the actuals, for a network and the programme (property)", () => {
    fc.assert(fc.property(
      fc.tuple(arbIndicator("ia", "goal-a"), arbIndicator("ib", "goal-b"), arbIndicator("ic", "goal-c"), arbIndicator("inet", "net")),
      fc.uniqueArray(
        fc.record({ indicator: fc.constantFrom("ia", "ib", "ic", "inet"), partnership: fc.constantFrom("a", "b", "c"), period: arbPeriod, value: arbValue, reported: fc.boolean() }),
        { selector: (x) => `${x.indicator}/${x.partnership}/${ReportingPeriod.key(x.period)}`, maxLength: 25 }
      ),
      arbPeriod,
      fc.array(fc.record({ partnership: fc.constantFrom("a" as never, "b" as never, "c" as never), period: arbPeriod, status: fc.constantFrom<ProgressReport.Status>("draft", "submitted", "returned", "approved") }), { maxLength: 8 }),
      fc.constantFrom<RollUp.Scope>({ _tag: "Programme", programme: "p" }, { _tag: "Network", programme: "p", network: "n1" }),
      (indicators, raw, asOf, reportList, scope) => {
        const actuals = raw.map((x) => actual(x.indicator, x.partnership, x.period, x.reported ? { _tag: "Reported", value: x.value, disaggregated: [] } : { _tag: "NotReported", reason: { en: "none" } }))
        const reports = reportList.filter((r, i) => reportList.findIndex((o) => o.partnership === r.partnership && ReportingPeriod.equals(o.period, r.period)) === i)
        const result = RollUp.make({ scope, asOf, phases, goals, indicators, actuals, partnerships, reports })
        const inScope = partnerships.filter((p) => scope._tag === "Programme" || p.network === scope.network).map((p) => p.id as string)

        // by hand: every indicator contributes to the one overall goal, directly or through the network goal
        const expected: Array<[string, string, number | undefined, number | undefined, boolean | undefined]> = []
        for (const ind of indicators) {
          const goal = goals.find((g) => g.id === ind.goal)!
          const who = goal.level === "partnership" ? [goal.partnership as string].filter((p) => inScope.includes(p))
            : [...new Set(actuals.filter((a) => a.indicator === ind.id && inScope.includes(a.partnership)).map((a) => a.partnership as string))].sort()
          for (const p of who) {
            const values = raw.filter((x) => x.indicator === ind.id && x.partnership === p && x.reported && ReportingPeriod.order(x.period) <= ReportingPeriod.order(asOf))
            const agg = ind.measure._tag === "Quantitative" ? ind.measure.aggregation : "latest"
            const act = recompute(agg, values)
            const tgt = recompute(agg, ind.targets.filter((t) => ReportingPeriod.order(t.period) <= ReportingPeriod.order(asOf)))
            const on = act === undefined || tgt === undefined ? undefined : ind.measure.ascending ? act >= tgt : act <= tgt
            expected.push([ind.id, p, tgt, act, on])
          }
        }
        assert.strictEqual(result.goals.length, 1)
        const g = result.goals[0]!
        assert.deepStrictEqual(g.rows.map((r) => [r.indicator.id as string, r.partnership, r.target, r.actual, r.onTrack]), expected)
        const assessed = expected.filter((e) => e[4] !== undefined)
        assert.strictEqual(g.assessed, assessed.length)
        assert.strictEqual(g.onTrack, assessed.filter((e) => e[4] === true).length)
        assert.strictEqual(g.share, assessed.length === 0 ? undefined : g.onTrack / assessed.length)
        const outstanding = inScope.flatMap((p) =>
          periods.filter((x) => ReportingPeriod.order(x) <= ReportingPeriod.order(asOf) && reports.find((r) => r.partnership === p && ReportingPeriod.equals(r.period, x))?.status !== "approved")
            .map((x) => `${p}/${ReportingPeriod.key(x)}`)
        )
        assert.deepStrictEqual(result.outstanding.map((o) => `${o.partnership}/${ReportingPeriod.key(o.period)}`), outstanding)
      }
    ), { numRuns: 200 })
  })
})

describe("ProgressReport", () => {
  const [trained, documents, maturity] = LundFrancistownResults.indicators
  const lund = IcldCohort2020.lundFrancistown.id
  const period = periods[1]!
  const submitted = Result.getOrThrow(ProgressReport.submit(
    Effect.runSync(ProgressReport.make({ id: ProgressReport.idOf(lund, period), partnership: lund, period, narrative: { en: "Year 1" } })),
    { date: d("2023-01-31"), partnership: { status: "implementation", implementationYear: 2 }, actuals: [] }
  ))

  it("cannot be approved with an indicator actual missing, unless it is marked not reported with a reason (property)", () => {
    fc.assert(fc.property(
      fc.array(fc.constantFrom("missing", "reported", "not-reported", "blank-reason"), { minLength: 3, maxLength: 3 }),
      (states) => {
        const actuals = [trained!, documents!, maturity!].flatMap((ind, i) => {
          const s = states[i]
          if (s === "missing") return []
          const result: Actual.Result = s === "reported" ? { _tag: "Reported", value: 2, disaggregated: [] } : { _tag: "NotReported", reason: { en: s === "blank-reason" ? " " : "Not measured this year" } }
          return [actual(ind.id, lund, period, result)]
        })
        const approved = ProgressReport.approve(submitted, { date: d("2023-02-10"), indicators: LundFrancistownResults.indicators, actuals })
        const unaccounted = [trained!, documents!, maturity!].filter((_, i) => states[i] === "missing" || states[i] === "blank-reason").map((ind) => `actuals.${ind.id}`)
        if (unaccounted.length === 0) assert.strictEqual(Result.getOrThrow(approved).status, "approved")
        else {
          assert.isTrue(Result.isFailure(approved))
          if (Result.isFailure(approved)) {
            assert.deepStrictEqual(approved.failure.violations.map((v) => v.field), unaccounted)
            assert.isTrue(approved.failure.violations.every((v) => v.rule === "indicator-accounted"))
          }
        }
        // the store's check says the same of an approved report
        const forced = new ProgressReport.ProgressReport({ ...submitted, status: "approved", steps: [...submitted.steps, { _tag: "Approved", date: d("2023-02-10") }] })
        const checked = ProgressReport.check(forced, submitted, { partnership: { id: lund }, programme: { id: IcldCohort2020.programme.id, phases }, indicators: LundFrancistownResults.indicators, actuals })
        assert.deepStrictEqual(checked.map((v) => v.field), unaccounted)
      }
    ))
  })

  it("moves only along draft → submitted → returned / approved, refusing with every reason", () => {
    const returned = ProgressReport.returnReport(submitted, { date: d("2023-02-01"), comments: [] })
    assert.deepStrictEqual(Result.isFailure(returned) ? returned.failure.violations.map((v) => v.rule) : [], ["comments-required"])
    const back = Result.getOrThrow(ProgressReport.returnReport(submitted, { date: d("2023-02-01"), comments: [{ text: { en: "More" } }] }))
    assert.deepStrictEqual(ProgressReport.lastComments(back), [{ text: { en: "More" } }])
    const approveReturned = ProgressReport.approve(back, { date: d("2023-01-01"), indicators: [], actuals: [] })
    assert.deepStrictEqual(Result.isFailure(approveReturned) ? approveReturned.failure.violations.map((v) => v.rule) : [], ["status", "step-dates"])
    const early = ProgressReport.submit(
      Effect.runSync(ProgressReport.make({ id: ProgressReport.idOf(lund, periods[3]!), partnership: lund, period: periods[3]! })),
      { date: d("2023-01-31"), partnership: { status: "implementation", implementationYear: 1 }, actuals: [] }
    )
    assert.deepStrictEqual(Result.isFailure(early) ? early.failure.violations.map((v) => [v.field, v.rule]) : [], [["narrative", "narrative-required"], ["period", "period-reached"]])
  })

  it("decoding refuses a status that does not follow the steps, naming the field", () =>
    Effect.gen(function*() {
      const err = yield* Effect.flip(ProgressReport.decode({ id: "x:preparation-1", partnership: "x", period: periods[0], status: "approved", narrative: { en: "n" } }))
      assert.deepStrictEqual(err.violations.map((v) => [v.field, v.rule]), [["status", "status-follows-steps"]])
      const wrongId = yield* Effect.flip(ProgressReport.decode({ id: "x", partnership: "x", period: periods[0] }))
      assert.deepStrictEqual(wrongId.violations.map((v) => [v.field, v.rule]), [["id", "report-id"]])
    }).pipe(Effect.runSync))
})

describe("bad input: typed errors with paths, in Swedish and English", () => {
  const step = (value: number) => ({ value, label: { sv: `Steg ${value}`, en: `Step ${value}` } })
  const scale: [ReturnType<typeof step>, ...Array<ReturnType<typeof step>>] = [step(1), step(2), step(3), step(4), step(5)]
  it("a target on a qualitative indicator outside its scale", () => {
    const exit = Indicator.make({
      id: "maturity",
      goal: "g",
      title: { en: "Maturity" },
      measure: { _tag: "Qualitative", scale, ascending: true, iatiMeasure: 4 },
      baseline: { value: 0, date: "2021-01-01" },
      targets: [{ period: { phase: "implementation", year: 1 }, value: 3 }, { period: { phase: "implementation", year: 2 }, value: 6 }]
    })
    assert.isTrue(Exit.isFailure(exit))
    const err = Effect.runSync(Effect.flip(exit))
    assert.strictEqual(err._tag, "ValidationError")
    assert.deepStrictEqual(err.violations.map((v) => [v.field, v.rule]), [["baseline.value", "on-scale"], ["targets[1].value", "on-scale"]])
    assert.include(err.explain("sv"), "Förväntade ett steg på skalan 1–5, fann 6")
    assert.include(err.explain("en"), "Expected a step on the scale 1–5, found 6")
  })

  it("a scale that skips a step, a measure code of the wrong kind, a target twice for a period", () => {
    const err = Effect.runSync(Effect.flip(Indicator.make({
      id: "x",
      goal: "g",
      title: { en: "X" },
      measure: { _tag: "Qualitative", scale: [scale[0]!, scale[2]!], ascending: true, iatiMeasure: 1 },
      targets: [{ period: { phase: "implementation", year: 1 }, value: 1 }, { period: { phase: "implementation", year: 1 }, value: 3 }]
    })))
    assert.deepStrictEqual(err.violations.map((v) => [v.field, v.rule]), [
      ["measure.scale[1].value", "scale-consecutive"],
      ["measure.iatiMeasure", "measure-code"],
      ["targets[1].period", "one-target-per-period"]
    ])
  })

  it("an individual goal that contributes to nothing; an overall goal naming a partnership", () => {
    const err = Effect.runSync(Effect.flip(Goal.make({ id: "g", programme: "p", level: "partnership", partnership: "lund", title: { en: "G" } })))
    assert.deepStrictEqual(err.violations.map((v) => [v.field, v.rule]), [["contributesTo", "contributes-to-overall"]])
    assert.include(err.explain("sv"), "Ett individuellt mål bidrar till minst ett")
    const overall = Effect.runSync(Effect.flip(Goal.make({ id: "g", programme: "p", level: "programme", partnership: "lund", title: { en: "G" }, sdgTargets: ["10.2", "10.2"] })))
    assert.deepStrictEqual(overall.violations.map((v) => [v.field, v.rule]), [["partnership", "owner-level"], ["sdgTargets[1]", "unique"]])
    const sdg = Effect.runSync(Effect.flip(Goal.make({ id: "g", programme: "p", level: "programme", title: { en: "G" }, sdgTargets: ["10.99"] })))
    assert.deepStrictEqual(sdg.violations.map((v) => v.field), ["sdgTargets[0]"])
  })

  it("an actual checked against its indicator: off the scale, another unit, a category its dimension lacks", () => {
    const [trained, , maturity] = LundFrancistownResults.indicators
    const facts = { indicator: maturity!, goal: LundFrancistownResults.lundGoal, partnership: { id: IcldCohort2020.lundFrancistown.id, programme: IcldCohort2020.programme.id }, programme: IcldCohort2020.programme }
    const off = actual(maturity!.id, IcldCohort2020.lundFrancistown.id, periods[1]!, { _tag: "Reported", value: 2.5, disaggregated: [] })
    assert.deepStrictEqual(Actual.check(off, facts).map((v) => [v.field, v.rule, v.value]), [["result.value", "on-scale", "2.5"]])
    const cat = actual(trained!.id, IcldCohort2020.lundFrancistown.id, periods[1]!, { _tag: "Reported", value: 2, unit: "people", disaggregated: [{ dimension: "gender", category: "girls", value: 2 }] })
    const violations = Actual.check(cat, { ...facts, indicator: trained! })
    assert.deepStrictEqual(violations.map((v) => [v.field, v.rule]), [["result.unit", "same-unit"], ["result.disaggregated[0].category", "category-of-dimension"]])
    assert.include(violations[1]!.text.sv, "Kön har kategorierna women, men, other")
    assert.include(violations[1]!.text.en, "Gender has the categories women, men, other")
  })
})

describe("ReportingCycle", () => {
  const rules = LundFrancistownResults.reportingRules
  it("due dates follow the phases: a year each from the start, due 60 days after (90 for the final report)", () => {
    const due = ReportingCycle.schedule(rules, phases)
    assert.deepStrictEqual(due.map((x) => [ReportingPeriod.key(x.period), x.start, x.end, x.due, x.final]), [
      ["preparation-1", "2021-01-01", "2021-12-31", "2022-03-01", false],
      ["implementation-1", "2022-01-01", "2022-12-31", "2023-03-01", false],
      ["implementation-2", "2023-01-01", "2023-12-31", "2024-02-29", false],
      ["implementation-3", "2024-01-01", "2024-12-31", "2025-03-31", true]
    ])
  })

  it("finds overdue reports (not handed in) and produces reminders as data: who, what, when", () => {
    const lund = IcldCohort2020.lundFrancistown
    const due = ReportingCycle.schedule(rules, phases)
    const reports = [{ partnership: lund.id, period: periods[0]!, status: "approved" as const }, { partnership: lund.id, period: periods[1]!, status: "returned" as const }]
    assert.deepStrictEqual(ReportingCycle.overdue(lund.id, due, reports, d("2024-03-10")).map((o) => [ReportingPeriod.key(o.period), o.daysOverdue, o.status]), [
      ["implementation-1", 375, "returned"],
      ["implementation-2", 10, undefined]
    ])
    const reminders = ReportingCycle.reminders({ rules, programme: IcldCohort2020.programme, partnership: lund, reports, from: d("2024-01-30"), to: d("2024-03-14") })
    assert.deepStrictEqual(reminders.filter((r) => ReportingPeriod.key(r.period) === "implementation-2").map((r): Array<unknown> => [r.kind, r.on, r.to, r.cc]), [
      ["upcoming", "2024-01-30", "lund", []],
      ["upcoming", "2024-02-22", "lund", []],
      ["due-today", "2024-02-29", "lund", []],
      ["overdue", "2024-03-14", "lund", ["icld"]]
    ])
    assert.isTrue(reminders.every((r) => r.message.sv !== undefined && r.message.en !== undefined))
    // nothing for a report handed in
    assert.deepStrictEqual(reminders.filter((r) => ReportingPeriod.key(r.period) === "preparation-1"), [])
  })
})
