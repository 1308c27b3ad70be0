/**
 * Budgets as lifecycle gates: evaluates a partnership's budget against its programme's funding
 * rules and records the outcome as the {@link Partnership.Decision} that opens (or keeps shut)
 * the `preparation-budget` or `full-budget` gate.
 *
 * **Details**
 *
 * The lifecycle's guards are unchanged: `StartPreparation` needs an approved
 * `preparation-budget` decision, `StartImplementation` an approved `full-budget` decision.
 * {@link decide} records that decision through {@link Partnerships.execute}: approved only when
 * the evaluation passes; otherwise refused, with every violation in the note (sv and en). The
 * decision's reference names the budget (id and version) and the rule set (id and revision).
 *
 * @module
 * @group Funding
 * @since 0.1.0
 */
import { Clock, Effect, Option, Result, Schema } from "effect"
import * as Budget from "./Budget.ts"
import * as CalendarDate from "../CalendarDate.ts"
import type * as ChangeLog from "../ChangeLog.ts"
import type { NotFound, StoreError, VersionConflict } from "../store/DocumentStore.ts"
import * as FundingRuleSet from "./FundingRuleSet.ts"
import { Store as FundingRuleSetStore } from "./FundingRuleSet.ts"
import type { ActorId } from "../Ids.ts"
import type * as Lifecycle from "../partnership/Lifecycle.ts"
import * as LocalizedText from "../LocalizedText.ts"
import type { Store as NetworkStore } from "../partnership/Network.ts"
import type { Store as OrganisationStore } from "../partnership/Organisation.ts"
import type * as Partnership from "../partnership/Partnership.ts"
import { Store as PartnershipStore } from "../partnership/Partnership.ts"
import { Store as ProgrammeStore } from "../partnership/Programme.ts"
import type * as Money from "../Money.ts"
import * as Partnerships from "../partnership/Partnerships.ts"

/**
 * The programme names no funding rule set, or one that is neither stored nor built in. A
 * budget is never approved without rules.
 *
 * @category errors
 * @since 0.1.0
 */
export class NoFundingRules extends Schema.TaggedError<NoFundingRules>()("NoFundingRules", {
  programme: Schema.String,
  ruleSet: Schema.optionalKey(Schema.String),
  explanation: LocalizedText.LocalizedText
}) {
  /** @since 0.1.0 */
  override get message(): string {
    return LocalizedText.text(this.explanation, "en")
  }
}

/**
 * The funding rule set of a programme: the stored one with the programme's `fundingRuleSet`
 * id, else the built-in one with that id ({@link FundingRuleSet.builtIn}).
 *
 * @category services
 * @since 0.1.0
 */
export const rulesOf = Effect.fn("Budgets.rulesOf")(function*(
  programmeId: string
): Effect.fn.Return<FundingRuleSet.FundingRuleSet, NoFundingRules | NotFound | StoreError, ProgrammeStore | FundingRuleSetStore> {
  const programme = yield* (yield* ProgrammeStore).get(programmeId)
  const id = programme.fundingRuleSet
  if (id === undefined) {
    return yield* new NoFundingRules({
      programme: programme.id,
      explanation: {
        sv: `Programmet ${programme.id} anger inga finansieringsregler; en budget kan inte godkännas utan regler.`,
        en: `Programme ${programme.id} names no funding rules; a budget cannot be approved without rules.`
      }
    })
  }
  const stored = yield* (yield* FundingRuleSetStore).find(id)
  if (Option.isSome(stored)) return stored.value
  const builtIn = FundingRuleSet.builtIn.get(id)
  if (builtIn !== undefined) return builtIn
  return yield* new NoFundingRules({
    programme: programme.id,
    ruleSet: id,
    explanation: {
      sv: `Finansieringsreglerna ${id} för programmet ${programme.id} finns varken lagrade eller inbyggda.`,
      en: `Funding rules ${id} of programme ${programme.id} are neither stored nor built in.`
    }
  })
})

/**
 * Who decides, when, and how the change is recorded.
 *
 * @category models
 * @since 0.1.0
 */
export interface DecideOptions {
  /** Who takes the decision. */
  readonly decidedBy: string
  /** The decision date; today (from `Clock`) unless given. */
  readonly date?: CalendarDate.CalendarDate | undefined
  /** The change record's actor and reason. */
  readonly change: ChangeLog.Change
  /** The partnership version the caller last read. */
  readonly expectedVersion?: number | undefined
  /** The rule set to use instead of the programme's (for example a configured ICLD cap). */
  readonly rules?: FundingRuleSet.FundingRuleSet | undefined
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
  decidedBy: string,
  date: CalendarDate.CalendarDate
): Partnership.Decision => ({
  gate: gateOf(budget),
  outcome: evaluation._tag === "Passed" ? "approved" : "refused",
  decidedBy: decidedBy as ActorId,
  date,
  reference: `budget ${budget.id} v${budget.version}; funding rules ${rules.id} r${rules.revision}`,
  note: Budget.explain(evaluation)
})

/**
 * Evaluates the budget against its partnership's programme rules and records the decision on
 * the budget's gate through {@link Partnerships.execute}.
 *
 * @example
 * ```ts
 * import { ChangeLog, Budgets } from "@localrights/core"
 * declare const budget: import("@localrights/core").Budget.Budget
 * const program = Budgets.decide(budget, { decidedBy: "icld", change: ChangeLog.change("icld", "Preparation budget reviewed") })
 * ```
 *
 * @category services
 * @since 0.1.0
 */
export const decide = Effect.fn("Budgets.decide")(function*(
  budget: Budget.Budget,
  options: DecideOptions
): Effect.fn.Return<
  Decided,
  | NoFundingRules
  | Money.CurrencyMismatch
  | Lifecycle.TransitionRefused
  | NotFound
  | VersionConflict
  | StoreError,
  PartnershipStore | ProgrammeStore | OrganisationStore | NetworkStore | FundingRuleSetStore
> {
  const partnership = yield* (yield* PartnershipStore).get(budget.partnership)
  const rules = options.rules ?? (yield* rulesOf(partnership.programme))
  const result = Budget.evaluate(rules, budget)
  if (Result.isFailure(result)) return yield* result.failure
  const date = options.date ?? CalendarDate.fromEpochMillis(yield* Clock.currentTimeMillis)
  const decision = decisionOf(budget, rules, result.success, options.decidedBy, date)
  const updated = yield* Partnerships.execute(
    partnership.id,
    { _tag: "RecordDecision", decision },
    options.change,
    { expectedVersion: options.expectedVersion }
  )
  return { evaluation: result.success, decision, partnership: updated }
})
