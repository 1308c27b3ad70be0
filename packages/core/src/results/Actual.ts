/**
 * Actuals: what a partnership reports for one indicator in one period, with a comment and
 * evidence (document references), entered by the partnership and reviewed by the programme;
 * or "not reported", with the reason.
 *
 * **Details**
 *
 * There is one actual per indicator, partnership and period: its id is {@link idOf} of the
 * three. {@link check} holds every rule that needs the indicator and the partnership: the
 * period must be one of the programme's phases, the value on a qualitative indicator's scale,
 * the unit the indicator's, the disaggregation the indicator's dimensions; an individual goal's
 * indicator takes actuals from its own partnership only. The {@link Store} runs it on every
 * write, and refuses a change while the period's progress report is submitted or approved.
 * `status` and `reviewed` change only through `Reports.reviewActual`.
 *
 * @module
 * @group Results
 * @since 0.2.0
 */
import { Effect, Option, Schema } from "effect"
import { CalendarDate } from "../CalendarDate.ts"
import { Version } from "../ChangeLog.ts"
import * as Construct from "../Construct.ts"
import * as Enumeration from "../Enumeration.ts"
import { PartnershipId } from "../Ids.ts"
import { LocalizedText } from "../LocalizedText.ts"
import { Partnership } from "../partnership/Partnership.ts"
import type { Programme } from "../partnership/Programme.ts"
import { Store as ProgrammeStore } from "../partnership/Programme.ts"
import * as Refusal from "../Refusal.ts"
import * as EntityStore from "../store/EntityStore.ts"
import * as Validation from "../Validation.ts"
import { Goal } from "./Goal.ts"
import * as Guarded from "../internal/guarded.ts"
import * as Indicator from "./Indicator.ts"
import * as ReportingPeriod from "./ReportingPeriod.ts"

/**
 * Id of an actual: {@link idOf} its indicator, partnership and period
 * (`lund-trained:lund-francistown:implementation-1`).
 *
 * @category schemas
 * @since 0.2.0
 */
export const ActualId = Schema.String.check(Schema.isPattern(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,299}$/, Validation.message({
  sv: "Förväntade ett id: bokstäver, siffror, '.', '_', ':' eller '-', högst 300 tecken",
  en: "Expected an id: letters, digits, '.', '_', ':' or '-', at most 300 characters"
}))).pipe(Schema.brand("ActualId"))
/**
 * @category models
 * @since 0.2.0
 */
export type ActualId = typeof ActualId.Type

/**
 * The id of the actual of an indicator, partnership and period.
 *
 * @category constructors
 * @since 0.2.0
 */
export const idOf = (indicator: string, partnership: string, period: ReportingPeriod.Period): ActualId =>
  `${indicator}:${partnership}:${ReportingPeriod.key(period)}` as ActualId

/**
 * A value for one category of a dimension (`{ dimension: "gender", category: "women", value: 12 }`).
 *
 * @category schemas
 * @since 0.2.0
 */
export const Disaggregated = Schema.Struct({ dimension: Indicator.Dimension, category: Schema.String, value: Schema.Finite })

/**
 * What was reported: a value (with its unit for a quantitative indicator, and values per
 * category where the indicator is disaggregated), or nothing, with the reason.
 *
 * @category schemas
 * @since 0.2.0
 */
export const Result = Schema.Union([
  Schema.TaggedStruct("Reported", {
    value: Schema.Finite,
    unit: Schema.optionalKey(Indicator.Unit),
    disaggregated: Schema.Array(Disaggregated)
  }),
  Schema.TaggedStruct("NotReported", { reason: LocalizedText })
])
/**
 * @category models
 * @since 0.2.0
 */
export type Result = typeof Result.Type

/**
 * A document an actual rests on: a reference (a document id, file name or URL) and what it is.
 *
 * @category schemas
 * @since 0.2.0
 */
export const Evidence = Schema.Struct({
  document: Schema.String.check(Schema.isNonEmpty(Validation.message({ sv: "Förväntade en dokumentreferens", en: "Expected a document reference" }))),
  description: Schema.optionalKey(LocalizedText)
})
/**
 * @category models
 * @since 0.2.0
 */
export type Evidence = typeof Evidence.Type

/**
 * Entered by the partnership, or reviewed by the programme.
 *
 * @category schemas
 * @since 0.2.0
 */
export const Status = Enumeration.make({
  entered: { sv: "Inrapporterat", en: "Entered" },
  reviewed: { sv: "Granskat", en: "Reviewed" }
})
/**
 * @category models
 * @since 0.2.0
 */
export type Status = typeof Status.Type

/**
 * The review of an actual: when, and a comment.
 *
 * @category schemas
 * @since 0.2.0
 */
export const Review = Schema.Struct({ date: CalendarDate, comment: Schema.optionalKey(LocalizedText) })

/**
 * An actual of one indicator, partnership and period.
 *
 * @category schemas
 * @since 0.2.0
 */
export class Actual extends Schema.Class<Actual>("@localrights/core/Actual")(
  Schema.Struct({
    id: ActualId,
    indicator: Indicator.IndicatorId,
    partnership: PartnershipId,
    period: ReportingPeriod.Period,
    result: Result,
    comment: Schema.optionalKey(LocalizedText),
    evidence: Schema.Array(Evidence),
    entered: CalendarDate,
    status: Status,
    reviewed: Schema.optionalKey(Review),
    version: Version
  }).check(Schema.makeFilter((a) => {
    if ((a.status === "reviewed") === (a.reviewed !== undefined)) return undefined
    return {
      path: ["reviewed"],
      issue: Validation.invalid({ sv: "Ett granskat utfall har en granskning, ett inrapporterat ingen", en: "A reviewed actual has a review, an entered one none" }, "review-with-status")
    }
  }))
) {}

/**
 * An actual from plain values, at version 0, entered (not reviewed), with no evidence unless
 * given.
 *
 * @category constructors
 * @since 0.2.0
 */
export const make = Construct.make(Actual, "Actual", { status: "entered", evidence: [] })

/**
 * An actual from untrusted input, with the defaults of {@link make}.
 *
 * @category constructors
 * @since 0.2.0
 */
export const decode = Construct.decode(make)

/**
 * An actual write that breaks a rule: every broken rule (`indicator-exists`,
 * `partnership-exists`, `partnership-in-programme`, `partnership-goal`, `period-in-phases`,
 * `on-scale`, `percentage`, `same-unit`, `dimension-of-indicator`, `category-of-dimension`,
 * `actual-id`, `report-locked`, `command-field`, `initial-status`), each naming its field.
 * Nothing was written.
 *
 * @category errors
 * @since 0.2.0
 */
export class ActualInvalid extends Refusal.Refusal<ActualInvalid>()("ActualInvalid") {}

/**
 * What {@link check} needs: the indicator and its goal, the partnership and the programme
 * (absent when not stored).
 *
 * @category models
 * @since 0.2.0
 */
export interface Facts {
  readonly indicator: Indicator.Indicator | undefined
  readonly goal: Goal | undefined
  readonly partnership: Pick<Partnership, "id" | "programme" | "network"> | undefined
  readonly programme: Pick<Programme, "id" | "phases"> | undefined
}

/**
 * Every rule the actual breaks against its indicator, partnership and programme (pure).
 *
 * @category rules
 * @since 0.2.0
 */
export const check = (a: Actual, facts: Facts): Array<Refusal.Violation> => {
  const out: Array<Refusal.Violation> = []
  if (a.id !== idOf(a.indicator, a.partnership, a.period)) {
    out.push(Refusal.violation("id", "actual-id", a.id, {
      sv: `Utfallets id är indikator:partnerskap:period, här ${idOf(a.indicator, a.partnership, a.period)}.`,
      en: `An actual's id is indicator:partnership:period, here ${idOf(a.indicator, a.partnership, a.period)}.`
    }))
  }
  const { indicator, goal, partnership, programme } = facts
  if (indicator === undefined) {
    out.push(Refusal.violation("indicator", "indicator-exists", a.indicator, { sv: `Indikatorn ${a.indicator} finns inte.`, en: `Indicator ${a.indicator} does not exist.` }))
  }
  if (partnership === undefined) {
    out.push(Refusal.violation("partnership", "partnership-exists", a.partnership, { sv: `Partnerskapet ${a.partnership} finns inte.`, en: `Partnership ${a.partnership} does not exist.` }))
  }
  if (partnership !== undefined && goal !== undefined) {
    if (partnership.programme !== goal.programme) {
      out.push(Refusal.violation("partnership", "partnership-in-programme", a.partnership, {
        sv: `Partnerskapet ${a.partnership} hör inte till programmet ${goal.programme}, där indikatorns mål finns.`,
        en: `Partnership ${a.partnership} is not part of programme ${goal.programme}, which the indicator's goal belongs to.`
      }))
    } else if ((goal.level === "partnership" && goal.partnership !== a.partnership) || (goal.level === "network" && goal.network !== partnership.network)) {
      out.push(Refusal.violation("partnership", "partnership-goal", a.partnership, {
        sv: `Indikatorn hör till ${goal.level === "partnership" ? `partnerskapet ${goal.partnership}s` : `nätverket ${goal.network}s`} mål ${goal.id}; bara ${goal.level === "partnership" ? "det partnerskapet" : "nätverkets partnerskap"} rapporterar utfall för den.`,
        en: `The indicator belongs to goal ${goal.id} of ${goal.level === "partnership" ? `partnership ${goal.partnership}` : `network ${goal.network}`}; only ${goal.level === "partnership" ? "that partnership reports" : "the network's partnerships report"} actuals for it.`
      }))
    }
  }
  if (programme !== undefined && !ReportingPeriod.isWithin(programme.phases, a.period)) {
    out.push(ReportingPeriod.outside("period", a.period, programme.phases, { sv: `partnerskapet ${a.partnership}`, en: `partnership ${a.partnership}` }))
  }
  if (indicator !== undefined && a.result._tag === "Reported") {
    const r = a.result
    const m = indicator.measure
    out.push(...Indicator.valueProblems(m, r.value, "result.value"))
    if (m._tag === "Quantitative" && r.unit !== undefined && r.unit !== m.unit) {
      out.push(Refusal.violation("result.unit", "same-unit", r.unit, {
        sv: `Indikatorn ${indicator.id} mäts i ${m.unit}, inte i ${r.unit}; räkna om värdet.`,
        en: `Indicator ${indicator.id} is measured in ${m.unit}, not in ${r.unit}; convert the value.`
      }))
    }
    if (m._tag === "Qualitative" && r.unit !== undefined) {
      out.push(Refusal.violation("result.unit", "same-unit", r.unit, {
        sv: `Indikatorn ${indicator.id} mäts på en skala, utan enhet.`,
        en: `Indicator ${indicator.id} is measured on a scale, without a unit.`
      }))
    }
    const seen = new Set<string>()
    r.disaggregated.forEach((d, i) => {
      const field = `result.disaggregated[${i}]`
      if (!indicator.disaggregation.includes(d.dimension)) {
        out.push(Refusal.violation(`${field}.dimension`, "dimension-of-indicator", d.dimension, {
          sv: `Indikatorn ${indicator.id} delas inte upp efter ${Indicator.Dimension.nameOf(d.dimension, "sv").toLowerCase()}.`,
          en: `Indicator ${indicator.id} is not disaggregated by ${Indicator.Dimension.nameOf(d.dimension, "en").toLowerCase()}.`
        }))
      } else if (!Indicator.categories[d.dimension].values.includes(d.category)) {
        out.push(Refusal.violation(`${field}.category`, "category-of-dimension", d.category, {
          sv: `${Indicator.Dimension.nameOf(d.dimension, "sv")} har kategorierna ${Indicator.categories[d.dimension].values.join(", ")}.`,
          en: `${Indicator.Dimension.nameOf(d.dimension, "en")} has the categories ${Indicator.categories[d.dimension].values.join(", ")}.`
        }))
      }
      const k = `${d.dimension}/${d.category}`
      if (seen.has(k)) out.push(Refusal.violation(`${field}.category`, "unique", k, { sv: `${k} anges två gånger.`, en: `${k} is given twice.` }))
      seen.add(k)
      out.push(...Indicator.valueProblems(m, d.value, `${field}.value`))
    })
  }
  return out
}

/**
 * Whether the actual accounts for its indicator: a value, or "not reported" with a reason.
 *
 * @category guards
 * @since 0.2.0
 */
export const accounts = (a: Actual): boolean =>
  a.result._tag === "Reported" || (a.result.reason.sv ?? a.result.reason.en ?? "").trim() !== ""

const progressReport = Schema.Struct({ status: Schema.String, version: Version })

const guard: Guarded.Guard<Actual, ActualInvalid> = {
  check: Effect.gen(function*() {
    const indicators = yield* EntityStore.make("indicator", Indicator.Indicator)
    const goals = yield* EntityStore.make("goal", Goal)
    const partnerships = yield* EntityStore.make("partnership", Partnership)
    const programmes = yield* ProgrammeStore.make
    // the period's report, read as far as its status (ProgressReport imports this module)
    const reports = yield* EntityStore.make("progress-report", Schema.Struct({ id: Schema.String, ...progressReport.fields }))
    return (a: Actual, stored: Actual | undefined) =>
      Effect.gen(function*() {
        const indicator = Option.getOrUndefined(yield* indicators.find(a.indicator))
        const goal = indicator === undefined ? undefined : Option.getOrUndefined(yield* goals.find(indicator.goal))
        const partnership = Option.getOrUndefined(yield* partnerships.find(a.partnership))
        const programme = partnership === undefined ? undefined : Option.getOrUndefined(yield* programmes.find(partnership.programme))
        const out = check(a, { indicator, goal, partnership, programme })
        // a review changes only status and review; anything else waits while the report is with the programme
        const { status: _s, reviewed: _r, version: _v, ...content } = a
        const before = stored === undefined ? undefined : (({ status: _a, reviewed: _b, version: _c, ...rest }) => rest)(stored)
        if (JSON.stringify(content) !== JSON.stringify(before)) {
          const report = Option.getOrUndefined(yield* reports.find(`${a.partnership}:${ReportingPeriod.key(a.period)}`))
          if (report !== undefined && (report.status === "submitted" || report.status === "approved")) {
            out.push(Refusal.violation("period", "report-locked", report.status, {
              sv: `Rapporten för ${ReportingPeriod.name(a.period, "sv")} är ${report.status === "approved" ? "godkänd" : "inlämnad"}; utfallen ändras först när den återsänds.`,
              en: `The report for ${ReportingPeriod.name(a.period, "en")} is ${report.status}; its actuals change only once it is returned.`
            }))
          }
        }
        return out
      })
  }),
  refuse: (a, violations) => new ActualInvalid({ subject: { kind: "actual", id: a.id }, violations }),
  commandFields: ["status", "reviewed"],
  commandsIn: "Reports",
  initial: (a) =>
    a.status === "entered" ? [] : [Refusal.violation("status", "initial-status", a.status, {
      sv: "Ett nytt utfall är inrapporterat; det granskas med Reports.reviewActual.",
      en: "A new actual is entered; it is reviewed through Reports.reviewActual."
    })]
}

/**
 * The store of actuals, with versions and change log; every write passes {@link check}
 * (`ActualInvalid`). `Stores.layer` includes it.
 *
 * @category services
 * @since 0.2.0
 */
export class Store extends Guarded.service(EntityStore.Service<Store>()("actual", Actual), guard) {}
