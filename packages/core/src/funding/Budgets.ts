/**
 * Budgets as lifecycle gates: evaluates a partnership's budget against its programme's funding
 * rules and records the outcome as the {@link Partnership.Decision} that opens (or keeps shut)
 * the `preparation-budget` or `full-budget` gate.
 *
 * **Details**
 *
 * The lifecycle's guards are unchanged: `StartPreparation` needs an approved
 * `preparation-budget` decision, `StartImplementation` an approved `full-budget` decision.
 * {@link decide} records that decision through `Partnerships.execute`: approved only when
 * the evaluation passes; otherwise refused, with every violation in the note (sv and en). The
 * decision's reference names the budget (id and version) and the rule set (id and revision);
 * who decided is the change's actor.
 *
 * @module
 * @group Funding
 * @since 0.1.0
 */
import { Effect, Option, Result } from "effect"
import * as Budget from "./Budget.ts"
import { Store as BudgetStore } from "./Budget.ts"
import type { Store as AssessmentStore } from "../assessment/Assessment.ts"
import * as CalendarDate from "../CalendarDate.ts"
import type * as ChangeLog from "../ChangeLog.ts"
import * as Refusal from "../Refusal.ts"
import { type NotFound, type StoreError, VersionConflict } from "../store/DocumentStore.ts"
import * as FundingRuleSet from "./FundingRuleSet.ts"
import { Store as FundingRuleSetStore } from "./FundingRuleSet.ts"
import type { ActorId } from "../Ids.ts"
import type * as Lifecycle from "../partnership/Lifecycle.ts"
import type { Store as NetworkStore } from "../partnership/Network.ts"
import type { Store as OrganisationStore } from "../partnership/Organisation.ts"
import type * as Partnership from "../partnership/Partnership.ts"
import { Store as PartnershipStore } from "../partnership/Partnership.ts"
import { Store as ProgrammeStore } from "../partnership/Programme.ts"
import type * as Money from "../Money.ts"
import { executeCommand } from "../internal/execute.ts"

/**
 * The programme (the subject) names no funding rule set (rule `funding-rules-named`), or one
 * that is neither stored nor built in (rule `funding-rules-exist`). A budget is never approved
 * without rules.
 *
 * @category errors
 * @since 0.1.0
 */
export class NoFundingRules extends Refusal.Refusal<NoFundingRules>()("NoFundingRules") {}

/**
 * The funding rule set of a programme: the stored one with the programme's `fundingRuleSet`
 * id, else the built-in one with that id ({@link FundingRuleSet.findBuiltIn}).
 *
 * @category services
 * @since 0.1.0
 */
export const rulesOf = Effect.fn("Budgets.rulesOf")(function*(
  programmeId: string
): Effect.fn.Return<FundingRuleSet.FundingRuleSet, NoFundingRules | NotFound | StoreError, ProgrammeStore | FundingRuleSetStore> {
  const programme = yield* (yield* ProgrammeStore).get(programmeId)
  const id = programme.fundingRuleSet
  const subject = { kind: "programme", id: programme.id }
  if (id === undefined) {
    return yield* new NoFundingRules({
      subject,
      violations: [Refusal.violation("fundingRuleSet", "funding-rules-named", undefined, {
        sv: `Programmet ${programme.id} anger inga finansieringsregler; en budget kan inte godkännas utan regler.`,
        en: `Programme ${programme.id} names no funding rules; a budget cannot be approved without rules.`
      })]
    })
  }
  const stored = yield* (yield* FundingRuleSetStore).find(id)
  if (Option.isSome(stored)) return stored.value
  const builtIn = FundingRuleSet.findBuiltIn(id)
  if (Option.isSome(builtIn)) return builtIn.value
  return yield* new NoFundingRules({
    subject,
    violations: [Refusal.violation("fundingRuleSet", "funding-rules-exist", id, {
      sv: `Finansieringsreglerna ${id} för programmet ${programme.id} finns varken lagrade eller inbyggda.`,
      en: `Funding rules ${id} of programme ${programme.id} are neither stored nor built in.`
    })]
  })
})

/**
 * What {@link decide} takes besides the budget and the change: the decision date. The rules
 * are always the programme's ({@link rulesOf}); who decides is the change's actor.
 *
 * @category models
 * @since 0.2.0
 */
export interface DecideInput {
  /** The decision date; today (`CalendarDate.today`, from `Clock`) unless given. */
  readonly date?: CalendarDate.CalendarDate | undefined
}

/**
 * What {@link decide} recorded: the evaluation, the decision and the partnership after it.
 *
 * @category models
 * @since 0.1.0
 */
export interface Decided {
  /** The evaluation the decision rests on. */
  readonly evaluation: Budget.Evaluation
  /** The decision recorded. */
  readonly decision: Partnership.Decision
  /** The partnership with the decision, at its new version. */
  readonly partnership: Partnership.Partnership
}

/**
 * The gate a budget decides: `preparation-budget` for a preparation budget, `full-budget` for
 * a full one.
 *
 * @category rules
 * @since 0.1.0
 */
export const gateOf = (budget: Budget.Budget): Partnership.Gate =>
  budget.scope === "preparation" ? "preparation-budget" : "full-budget"

/**
 * The decision an evaluation leads to (pure): approved when it passed, refused with every
 * violation otherwise.
 *
 * @category rules
 * @since 0.1.0
 */
export const decisionOf = (
  budget: Budget.Budget,
  rules: FundingRuleSet.FundingRuleSet,
  evaluation: Budget.Evaluation,
  decidedBy: ActorId,
  date: CalendarDate.CalendarDate
): Partnership.Decision => ({
  gate: gateOf(budget),
  outcome: evaluation._tag === "Passed" ? "approved" : "refused",
  decidedBy,
  date,
  evidence: {
    _tag: "BudgetEvaluation",
    budget: budget.id,
    budgetVersion: budget.version,
    rules: rules.id,
    rulesRevision: rules.revision,
    passed: evaluation._tag === "Passed",
    violations: evaluation._tag === "Passed" ? 0 : evaluation.violations.length
  },
  note: Budget.explain(evaluation)
})

/**
 * Re-reads the budget (the subject) from the store, evaluates it against its partnership's
 * programme rules, and records the decision on the budget's gate: decided by the change's
 * actor, on `input.date` (today unless given), with the evaluation as its evidence (budget id
 * and version, rule set id and revision, passed or not). A budget that is not stored fails
 * with `NotFound`, one stored at another version than given with `VersionConflict` (kind
 * `budget`). The change's `expectedVersion` is the partnership's: a stale one fails with
 * `VersionConflict`.
 *
 * @example
 * ```ts
 * import { ChangeLog, Budgets } from "@localrights/core"
 * declare const budget: import("@localrights/core").Budget.Budget
 * // the change states the partnership's version the reviewer read
const program = Budgets.decide(budget, {}, ChangeLog.change("icld", "Preparation budget reviewed", 4))
 * ```
 *
 * @category services
 * @since 0.1.0
 */
export const decide = Effect.fn("Budgets.decide")(function*(
  budget: Budget.Budget,
  input: DecideInput,
  change: ChangeLog.Update
): Effect.fn.Return<
  Decided,
  | NoFundingRules
  | Money.CurrencyMismatch
  | Lifecycle.TransitionRefused
  | NotFound
  | VersionConflict
  | StoreError,
  PartnershipStore | ProgrammeStore | OrganisationStore | NetworkStore | FundingRuleSetStore | BudgetStore | AssessmentStore
> {
  // the evidence is what is stored: the budget as the store holds it at the version given
  const stored = yield* (yield* BudgetStore).get(budget.id)
  if (stored.version !== budget.version) {
    return yield* new VersionConflict({ kind: "budget", id: budget.id, expected: budget.version, actual: stored.version })
  }
  const partnership = yield* (yield* PartnershipStore).get(stored.partnership)
  const rules = yield* rulesOf(partnership.programme)
  const result = Budget.evaluate(rules, stored)
  if (Result.isFailure(result)) return yield* result.failure
  const date = input.date ?? (yield* CalendarDate.today)
  const decision = decisionOf(stored, rules, result.success, change.actor, date)
  const updated = yield* executeCommand(partnership.id, { _tag: "RecordDecision", decision }, { ...change, expectedVersion: change.expectedVersion ?? -1 })
  return { evaluation: result.success, decision, partnership: updated }
})
