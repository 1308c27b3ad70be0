/**
 * Progress reports: one per partnership and period, with a narrative in Swedish and English,
 * the indicator actuals and a financial part from the expense ledger (budget against actual).
 * A report moves draft → submitted → returned with comments (and submitted again) or
 * approved; the approved report of a period is what `Disbursement` waits for before releasing
 * the next tranche, and the approved final report what concluding a partnership waits for.
 *
 * **Details**
 *
 * The transitions are pure ({@link submit}, {@link returnReport}, {@link approve}); each is a
 * command (`Reports.submit`, `Reports.returnReport`, `Reports.approve`) recorded in the change
 * log with its actor. Approval needs every indicator of the partnership's individual goals to
 * have an actual for the period, or to be marked not reported with a reason
 * ({@link approvalViolations}). The report keeps its steps: each submission with the actuals
 * (id and version) and the financial part it was made with, each return with its comments.
 * The {@link Store} refuses a status or step changed outside a command, and checks the
 * partnership, the period and (for an approved report) the actuals on every write.
 *
 * @module
 * @group Results
 * @since 0.2.0
 */
import { Array as Arr, Effect, Option, Result, Schema } from "effect"
import * as Budget from "../funding/Budget.ts"
import * as Expenses from "../funding/Expenses.ts"
import * as FundingRuleSet from "../funding/FundingRuleSet.ts"
import { CalendarDate } from "../CalendarDate.ts"
import { Version } from "../ChangeLog.ts"
import * as Construct from "../Construct.ts"
import * as Enumeration from "../Enumeration.ts"
import { BudgetId, LedgerId, PartnershipId } from "../Ids.ts"
import { LocalizedText } from "../LocalizedText.ts"
import * as Money from "../Money.ts"
import { Partnership } from "../partnership/Partnership.ts"
import type * as Programme from "../partnership/Programme.ts"
import { Store as ProgrammeStore } from "../partnership/Programme.ts"
import * as Refusal from "../Refusal.ts"
import * as EntityStore from "../store/EntityStore.ts"
import * as Validation from "../Validation.ts"
import * as Actual from "./Actual.ts"
import { Goal } from "./Goal.ts"
import * as Guarded from "../internal/guarded.ts"
import * as Indicator from "./Indicator.ts"
import * as ReportingPeriod from "./ReportingPeriod.ts"

/**
 * Id of a progress report: {@link idOf} its partnership and period
 * (`lund-francistown:preparation-1`).
 *
 * @category schemas
 * @since 0.2.0
 */
export const ReportId = Schema.String.check(Schema.isPattern(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/, Validation.message({
  sv: "Förväntade ett rapport-id: partnerskap:period",
  en: "Expected a report id: partnership:period"
}))).pipe(Schema.brand("ReportId"))
/**
 * @category models
 * @since 0.2.0
 */
export type ReportId = typeof ReportId.Type

/**
 * The id of the report of a partnership and period.
 *
 * @category constructors
 * @since 0.2.0
 */
export const idOf = (partnership: string, period: ReportingPeriod.Period): ReportId =>
  `${partnership}:${ReportingPeriod.key(period)}` as ReportId

/**
 * Where a report is: a draft, submitted, returned with comments, or approved.
 *
 * @category schemas
 * @since 0.2.0
 */
export const Status = Enumeration.make({
  draft: { sv: "Utkast", en: "Draft" },
  submitted: { sv: "Inlämnad", en: "Submitted" },
  returned: { sv: "Återsänd med kommentarer", en: "Returned with comments" },
  approved: { sv: "Godkänd", en: "Approved" }
})
/**
 * @category models
 * @since 0.2.0
 */
export type Status = typeof Status.Type

/**
 * A reviewer's comment on a returned report, optionally on one part (`narrative`,
 * `actuals.lund-trained`, `financial`).
 *
 * @category schemas
 * @since 0.2.0
 */
export const Comment = Schema.Struct({ field: Schema.optionalKey(Schema.String), text: LocalizedText })
/**
 * @category models
 * @since 0.2.0
 */
export type Comment = typeof Comment.Type

/**
 * Budget against actual for one cost category in the report's period.
 *
 * @category schemas
 * @since 0.2.0
 */
export const FinancialRow = Schema.Struct({ category: FundingRuleSet.CostCategory, budgeted: Money.Money, actual: Money.Money })
/**
 * @category models
 * @since 0.2.0
 */
export type FinancialRow = typeof FinancialRow.Type

/**
 * The financial part of a report: the budget and ledger it was taken from (id and version),
 * budget against actual per cost category in the period, and the totals (SEK).
 *
 * @category schemas
 * @since 0.2.0
 */
export const Financial = Schema.Struct({
  budget: BudgetId,
  budgetVersion: Version,
  ledger: LedgerId,
  ledgerVersion: Version,
  rows: Schema.Array(FinancialRow),
  budgeted: Money.Money,
  actual: Money.Money
})
/**
 * @category models
 * @since 0.2.0
 */
export type Financial = typeof Financial.Type

/**
 * An actual as a submission included it: its id and version.
 *
 * @category schemas
 * @since 0.2.0
 */
export const Included = Schema.Struct({ actual: Actual.ActualId, version: Version })

/**
 * One step of a report: a submission (with the actuals and the financial part it carried), a
 * return (with the comments) or the approval.
 *
 * @category schemas
 * @since 0.2.0
 */
export const Step = Schema.Union([
  Schema.TaggedStruct("Submitted", { date: CalendarDate, actuals: Schema.Array(Included), financial: Schema.optionalKey(Financial) }),
  Schema.TaggedStruct("Returned", { date: CalendarDate, comments: Schema.NonEmptyArray(Comment) }),
  Schema.TaggedStruct("Approved", { date: CalendarDate, note: Schema.optionalKey(LocalizedText) })
])
/**
 * @category models
 * @since 0.2.0
 */
export type Step = typeof Step.Type

const statusAfter: Record<Step["_tag"], Status> = { Submitted: "submitted", Returned: "returned", Approved: "approved" }
const follows: Record<Step["_tag"], ReadonlyArray<Status>> = {
  Submitted: ["draft", "returned"],
  Returned: ["submitted"],
  Approved: ["submitted"]
}

const reportChecks = Schema.makeFilter<{
  readonly id: string
  readonly partnership: string
  readonly period: ReportingPeriod.Period
  readonly narrative?: LocalizedText
  readonly status: Status
  readonly steps: ReadonlyArray<Step>
}>((r) => {
  const issues: Array<Schema.FilterIssue> = []
  if (r.id !== idOf(r.partnership, r.period)) {
    issues.push({ path: ["id"], issue: Validation.invalid({ sv: `Rapportens id är partnerskap:period, här ${idOf(r.partnership, r.period)}`, en: `A report's id is partnership:period, here ${idOf(r.partnership, r.period)}` }, "report-id") })
  }
  let status: Status = "draft"
  r.steps.forEach((s, i) => {
    if (!follows[s._tag].includes(status)) {
      issues.push({ path: ["steps", i], issue: Validation.invalid({ sv: `Steget ${s._tag} kan inte följa läget ${status}`, en: `Step ${s._tag} cannot follow status ${status}` }, "step-order") })
    }
    if (i > 0 && s.date < r.steps[i - 1]!.date) {
      issues.push({ path: ["steps", i, "date"], issue: Validation.invalid({ sv: "Stegen är i datumordning", en: "The steps are in date order" }, "step-dates") })
    }
    status = statusAfter[s._tag]
  })
  if (status !== r.status) {
    issues.push({ path: ["status"], issue: Validation.invalid({ sv: `Läget följer stegen: förväntade ${status}`, en: `The status follows the steps: expected ${status}` }, "status-follows-steps") })
  }
  if (r.steps.length > 0 && r.narrative === undefined) {
    issues.push({ path: ["narrative"], issue: Validation.invalid({ sv: "En inlämnad rapport har en berättelse", en: "A submitted report has a narrative" }, "narrative-required") })
  }
  return issues
})

/**
 * A progress report of one partnership and period. `final` marks the report of the last
 * implementation year; `due` is the date it is due by (from the programme's reporting rules).
 *
 * @category schemas
 * @since 0.2.0
 */
export class ProgressReport extends Schema.Class<ProgressReport>("@localrights/core/ProgressReport")(
  Schema.Struct({
    id: ReportId,
    partnership: PartnershipId,
    period: ReportingPeriod.Period,
    final: Schema.Boolean,
    narrative: Schema.optionalKey(LocalizedText),
    due: Schema.optionalKey(CalendarDate),
    status: Status,
    steps: Schema.Array(Step),
    version: Version
  }).check(reportChecks)
) {}

/**
 * A report from plain values, at version 0: a draft with no steps unless given.
 *
 * @category constructors
 * @since 0.2.0
 */
export const make = Construct.make(ProgressReport, "ProgressReport", { status: "draft", steps: [], final: false })

/**
 * A report from untrusted input, with the defaults of {@link make}.
 *
 * @category constructors
 * @since 0.2.0
 */
export const decode = Construct.decode(make)

/**
 * A report step (or a store write) that is not allowed: the report (the subject), and every
 * rule broken (`status`, `step-dates`, `narrative-required`, `period-reached`, `comments-required`,
 * `indicator-accounted`, `partnership-exists`, `period-in-phases`, `final-report`,
 * `report-locked`, `command-field`, `initial-status`).
 *
 * @category errors
 * @since 0.2.0
 */
export class ReportRefused extends Refusal.Refusal<ReportRefused>()("ReportRefused") {}

const refused = (r: Pick<ProgressReport, "id">, violations: readonly [Refusal.Violation, ...Array<Refusal.Violation>]) =>
  new ReportRefused({ subject: { kind: "progress-report", id: r.id }, violations })

const statusViolation = (r: ProgressReport, step: Step["_tag"]): Refusal.Violation => {
  const allowed = (lang: "sv" | "en") => follows[step].map((s) => Status.nameOf(s, lang).toLowerCase()).join(", ")
  return Refusal.violation("status", "status", r.status, {
    sv: `Steget ${step} görs från ${allowed("sv")}; rapporten är ${Status.nameOf(r.status, "sv").toLowerCase()}.`,
    en: `Step ${step} is taken from ${allowed("en")}; the report is ${Status.nameOf(r.status, "en").toLowerCase()}.`
  })
}

// checked by the transitions before: the step follows the status and is not dated before the last
const withStep = (r: ProgressReport, step: Step): ProgressReport =>
  new ProgressReport({ ...r, status: statusAfter[step._tag], steps: [...r.steps, step] }, { disableChecks: true })

const dateViolation = (r: ProgressReport, date: CalendarDate): Array<Refusal.Violation> => {
  const last = r.steps[r.steps.length - 1]
  return last === undefined || date >= last.date ? [] : [Refusal.violation("date", "step-dates", date, {
    sv: `Steget kan inte dateras före föregående steg (${last.date}).`,
    en: `The step cannot be dated before the previous one (${last.date}).`
  })]
}

/**
 * The indicators a partnership reports on: those of its individual goals.
 *
 * @category rules
 * @since 0.2.0
 */
export const indicatorsOf = (
  partnership: string,
  goals: ReadonlyArray<Goal>,
  indicators: ReadonlyArray<Indicator.Indicator>
): ReadonlyArray<Indicator.Indicator> => {
  const own = new Set(goals.filter((g) => g.level === "partnership" && g.partnership === partnership).map((g) => g.id as string))
  return indicators.filter((i) => own.has(i.goal))
}

/**
 * What keeps a report from approval: each indicator with no actual for the period, or an actual
 * marked not reported without a reason (rule `indicator-accounted`, field
 * `actuals.<indicator>`). Pure.
 *
 * @category rules
 * @since 0.2.0
 */
export const approvalViolations = (
  report: Pick<ProgressReport, "partnership" | "period">,
  indicators: ReadonlyArray<Indicator.Indicator>,
  actuals: ReadonlyArray<Actual.Actual>
): Array<Refusal.Violation> => {
  const byId = new Map(actuals.map((a) => [a.id as string, a]))
  return indicators.flatMap((ind) => {
    const a = byId.get(Actual.idOf(ind.id, report.partnership, report.period))
    if (a !== undefined && Actual.accounts(a)) return []
    return [Refusal.violation(`actuals.${ind.id}`, "indicator-accounted", a === undefined ? undefined : "not-reported", {
      sv: `Indikatorn ${ind.id} saknar utfall för ${ReportingPeriod.name(report.period, "sv")}; ange ett värde eller markera den som inte rapporterad med ett skäl.`,
      en: `Indicator ${ind.id} has no actual for ${ReportingPeriod.name(report.period, "en")}; give a value or mark it not reported with a reason.`
    })]
  })
}

/**
 * The financial part of a report (pure): the budget's lines and the ledger's expenses of the
 * report's period, per cost category, and their totals. The budget must be in SEK, as the
 * ledger's values are.
 *
 * @category rules
 * @since 0.2.0
 */
export const financialPart = (
  budget: Budget.Budget,
  ledger: Expenses.Ledger,
  period: ReportingPeriod.Period
): Result.Result<Financial, Money.CurrencyMismatch> => {
  if (budget.currency !== Money.SEK) return Result.fail(Money.currencyMismatch("ProgressReport.financialPart", Money.SEK, budget.currency))
  const budgeted = new Map<string, number>()
  const actual = new Map<string, number>()
  for (const l of budget.lines) if (l.phase === period.phase && l.year === period.year) budgeted.set(l.category, (budgeted.get(l.category) ?? 0) + l.amount.minor)
  for (const e of ledger.expenses) if (e.phase === period.phase && e.year === period.year) actual.set(e.category, (actual.get(e.category) ?? 0) + e.sek.minor)
  const rows: Array<FinancialRow> = FundingRuleSet.CostCategory.values
    .filter((c) => budgeted.has(c) || actual.has(c))
    .map((category) => ({ category, budgeted: { minor: budgeted.get(category) ?? 0, currency: Money.SEK }, actual: { minor: actual.get(category) ?? 0, currency: Money.SEK } }))
  const total = (m: Map<string, number>) => ({ minor: [...m.values()].reduce((s, v) => s + v, 0), currency: Money.SEK })
  return Result.succeed({
    budget: budget.id,
    budgetVersion: budget.version,
    ledger: ledger.id,
    ledgerVersion: ledger.version,
    rows,
    budgeted: total(budgeted),
    actual: total(actual)
  })
}

/**
 * What {@link submit} needs: the date, the partnership (to check the period is reached), the
 * actuals of the period and the financial part.
 *
 * @category models
 * @since 0.2.0
 */
export interface SubmitInput {
  readonly date: CalendarDate
  readonly partnership: Pick<Partnership, "status" | "implementationYear">
  readonly actuals: ReadonlyArray<Actual.Actual>
  readonly financial?: Financial | undefined
}

/**
 * Submits a draft or returned report (pure): it needs a narrative and a period the partnership
 * has reached; the submission keeps the actuals (id and version) and the financial part.
 *
 * @category rules
 * @since 0.2.0
 */
export const submit = (r: ProgressReport, input: SubmitInput): Result.Result<ProgressReport, ReportRefused> => {
  const out: Array<Refusal.Violation> = []
  if (!follows.Submitted.includes(r.status)) out.push(statusViolation(r, "Submitted"))
  out.push(...dateViolation(r, input.date))
  if (r.narrative === undefined) {
    out.push(Refusal.violation("narrative", "narrative-required", undefined, { sv: "En rapport lämnas in med en berättelse.", en: "A report is submitted with a narrative." }))
  }
  if (!ReportingPeriod.reached(input.partnership, r.period)) {
    out.push(Refusal.violation("period", "period-reached", ReportingPeriod.key(r.period), {
      sv: `Partnerskapet har inte nått ${ReportingPeriod.name(r.period, "sv")} än.`,
      en: `The partnership has not reached ${ReportingPeriod.name(r.period, "en")} yet.`
    }))
  }
  if (Arr.isArrayNonEmpty(out)) return Result.fail(refused(r, out))
  const actuals = input.actuals
    .filter((a) => a.partnership === r.partnership && ReportingPeriod.equals(a.period, r.period))
    .map((a) => ({ actual: a.id, version: a.version }))
  return Result.succeed(withStep(r, { _tag: "Submitted", date: input.date, actuals, ...(input.financial === undefined ? {} : { financial: input.financial }) }))
}

/**
 * Returns a submitted report with comments (pure); at least one comment.
 *
 * @category rules
 * @since 0.2.0
 */
export const returnReport = (
  r: ProgressReport,
  input: { readonly date: CalendarDate; readonly comments: ReadonlyArray<Comment> }
): Result.Result<ProgressReport, ReportRefused> => {
  const out: Array<Refusal.Violation> = []
  if (!follows.Returned.includes(r.status)) out.push(statusViolation(r, "Returned"))
  out.push(...dateViolation(r, input.date))
  const [first, ...rest] = input.comments
  if (first === undefined) {
    out.push(Refusal.violation("comments", "comments-required", undefined, { sv: "En rapport återsänds med kommentarer.", en: "A report is returned with comments." }))
  }
  if (Arr.isArrayNonEmpty(out) || first === undefined) return Result.fail(refused(r, out as unknown as readonly [Refusal.Violation, ...Array<Refusal.Violation>]))
  return Result.succeed(withStep(r, { _tag: "Returned", date: input.date, comments: [first, ...rest] }))
}

/**
 * Approves a submitted report (pure): every indicator must be accounted for
 * ({@link approvalViolations}).
 *
 * @category rules
 * @since 0.2.0
 */
export const approve = (
  r: ProgressReport,
  input: {
    readonly date: CalendarDate
    readonly indicators: ReadonlyArray<Indicator.Indicator>
    readonly actuals: ReadonlyArray<Actual.Actual>
    readonly note?: LocalizedText | undefined
  }
): Result.Result<ProgressReport, ReportRefused> => {
  const out: Array<Refusal.Violation> = []
  if (!follows.Approved.includes(r.status)) out.push(statusViolation(r, "Approved"))
  out.push(...dateViolation(r, input.date))
  out.push(...approvalViolations(r, input.indicators, input.actuals))
  if (Arr.isArrayNonEmpty(out)) return Result.fail(refused(r, out))
  return Result.succeed(withStep(r, { _tag: "Approved", date: input.date, ...(input.note === undefined ? {} : { note: input.note }) }))
}

/**
 * The latest submission of a report, if any.
 *
 * @category rules
 * @since 0.2.0
 */
export const lastSubmission = (r: ProgressReport): Extract<Step, { _tag: "Submitted" }> | undefined => {
  for (let i = r.steps.length - 1; i >= 0; i--) {
    const s = r.steps[i]!
    if (s._tag === "Submitted") return s
  }
  return undefined
}

/**
 * The comments of the latest return, if the report was returned.
 *
 * @category rules
 * @since 0.2.0
 */
export const lastComments = (r: ProgressReport): ReadonlyArray<Comment> => {
  for (let i = r.steps.length - 1; i >= 0; i--) {
    const s = r.steps[i]!
    if (s._tag === "Returned") return s.comments
  }
  return []
}

/**
 * The violation of a missing or unapproved report for `period` (rule `rule`), with `field`:
 * what the tranche release and the conclusion gates say.
 *
 * @category rules
 * @since 0.2.0
 */
export const notApproved = (
  field: string,
  rule: string,
  period: ReportingPeriod.Period,
  report: Pick<ProgressReport, "status" | "steps"> | undefined
): Refusal.Violation | undefined => {
  if (report?.status === "approved") return undefined
  const last = report?.steps[report.steps.length - 1]
  const state = report === undefined
    ? { sv: "saknas", en: "is missing" }
    : report.status === "submitted"
    ? { sv: `är inlämnad (${last?.date}) men inte godkänd`, en: `was submitted (${last?.date}) but is not approved` }
    : report.status === "returned"
    ? { sv: `återsändes ${last?.date}`, en: `was returned on ${last?.date}` }
    : { sv: "är ett utkast", en: "is a draft" }
  return Refusal.violation(field, rule, report?.status, {
    sv: `Rapporten för ${ReportingPeriod.name(period, "sv")} ${state.sv}.`,
    en: `The report for ${ReportingPeriod.name(period, "en")} ${state.en}.`
  })
}

/**
 * What the {@link Store} checks on a write (pure): the partnership exists, the period is one of
 * its programme's phases, `final` marks the last period, the narrative changes only while the
 * report is a draft or returned, and an approved report has every indicator accounted for.
 *
 * @category rules
 * @since 0.2.0
 */
export const check = (
  r: ProgressReport,
  stored: ProgressReport | undefined,
  facts: {
    readonly partnership: Pick<Partnership, "id"> | undefined
    readonly programme: Pick<Programme.Programme, "id" | "phases"> | undefined
    readonly indicators: ReadonlyArray<Indicator.Indicator>
    readonly actuals: ReadonlyArray<Actual.Actual>
  }
): Array<Refusal.Violation> => {
  const out: Array<Refusal.Violation> = []
  if (facts.partnership === undefined) {
    out.push(Refusal.violation("partnership", "partnership-exists", r.partnership, { sv: `Partnerskapet ${r.partnership} finns inte.`, en: `Partnership ${r.partnership} does not exist.` }))
  }
  const programme = facts.programme
  if (programme !== undefined) {
    if (!ReportingPeriod.isWithin(programme.phases, r.period)) {
      out.push(ReportingPeriod.outside("period", r.period, programme.phases, { sv: `partnerskapet ${r.partnership}`, en: `partnership ${r.partnership}` }))
    } else if (r.final !== ReportingPeriod.isFinal(programme.phases, r.period)) {
      out.push(Refusal.violation("final", "final-report", r.final, {
        sv: `Slutrapporten är rapporten för ${ReportingPeriod.name(ReportingPeriod.final(programme.phases), "sv")}.`,
        en: `The final report is the report for ${ReportingPeriod.name(ReportingPeriod.final(programme.phases), "en")}.`
      }))
    }
  }
  if (stored !== undefined && (stored.status === "submitted" || stored.status === "approved") && JSON.stringify(stored.narrative) !== JSON.stringify(r.narrative)) {
    out.push(Refusal.violation("narrative", "report-locked", stored.status, {
      sv: "Berättelsen ändras medan rapporten är ett utkast eller återsänd.",
      en: "The narrative changes while the report is a draft or returned."
    }))
  }
  if (r.status === "approved" && stored?.status !== "approved") out.push(...approvalViolations(r, facts.indicators, facts.actuals))
  return out
}

const guard: Guarded.Guard<ProgressReport, ReportRefused> = {
  check: Effect.gen(function*() {
    const partnerships = yield* EntityStore.make("partnership", Partnership)
    const programmes = yield* ProgrammeStore.make
    const goals = yield* EntityStore.make("goal", Goal)
    const indicators = yield* EntityStore.make("indicator", Indicator.Indicator)
    const actuals = yield* EntityStore.make("actual", Actual.Actual)
    return (r: ProgressReport, stored: ProgressReport | undefined) =>
      Effect.gen(function*() {
        const partnership = Option.getOrUndefined(yield* partnerships.find(r.partnership))
        const programme = partnership === undefined ? undefined : Option.getOrUndefined(yield* programmes.find(partnership.programme))
        const approving = r.status === "approved" && stored?.status !== "approved"
        const expected = approving ? indicatorsOf(r.partnership, yield* goals.list(), yield* indicators.list()) : []
        const found: Array<Actual.Actual> = []
        for (const ind of expected) {
          const a = yield* actuals.find(Actual.idOf(ind.id, r.partnership, r.period))
          if (Option.isSome(a)) found.push(a.value)
        }
        return check(r, stored, { partnership, programme, indicators: expected, actuals: found })
      })
  }),
  refuse: refused,
  commandFields: ["status", "steps"],
  commandsIn: "Reports",
  initial: (r) =>
    r.status === "draft" && r.steps.length === 0 ? [] : [Refusal.violation("status", "initial-status", r.status, {
      sv: "En ny rapport är ett utkast utan steg; den lämnas in med Reports.submit.",
      en: "A new report is a draft with no steps; it is submitted through Reports.submit."
    })]
}

/**
 * The store of progress reports, with versions and change log: drafts are created and their
 * narrative edited through it; status and steps change only through `Reports`' commands
 * (`ReportRefused`, rule `command-field`). `Stores.layer` includes it.
 *
 * @category services
 * @since 0.2.0
 */
export class Store extends Guarded.service(EntityStore.Service<Store>()("progress-report", ProgressReport), guard) {}
