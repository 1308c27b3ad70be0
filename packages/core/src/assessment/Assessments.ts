/**
 * Assessments against the stores: record an assessment after checking it against its framework
 * version and the programme, consolidate the current assessments of a subject, record the
 * lifecycle decision they lead to, and build a network's view per principle.
 *
 * **Details**
 *
 * The lifecycle's gates `application-assessment` (for `Admit`) and `project-plan-assessment`
 * (for `StartImplementation`) open only on a recorded decision. {@link recordDecision} records
 * it from the consolidated verdict through `Partnerships.execute`: approved only on `pass`; a
 * refusal's note names the principles that do not pass, and the lifecycle quotes it when it
 * refuses the transition. The decision is taken by the change's actor.
 *
 * @module
 * @group Assessment
 * @since 0.1.0
 */
import { Array as Arr, Effect, Result } from "effect"
import * as Assessment from "./Assessment.ts"
import type { Store as BudgetStore } from "../funding/Budget.ts"
import { Store as AssessmentStore } from "./Assessment.ts"
import type { CalendarDate } from "../CalendarDate.ts"
import type * as ChangeLog from "../ChangeLog.ts"
import * as CriteriaFramework from "./CriteriaFramework.ts"
import * as Refusal from "../Refusal.ts"
import { CriteriaFrameworkStore } from "./CriteriaFrameworkStore.ts"
import type { NotFound, StoreError, VersionConflict } from "../store/DocumentStore.ts"
import type * as Lifecycle from "../partnership/Lifecycle.ts"
import type { Store as NetworkStore } from "../partnership/Network.ts"
import type { Store as OrganisationStore } from "../partnership/Organisation.ts"
import type { Partnership } from "../partnership/Partnership.ts"
import { Store as PartnershipStore } from "../partnership/Partnership.ts"
import { Store as ProgrammeStore } from "../partnership/Programme.ts"
import { executeCommand } from "../internal/execute.ts"

/**
 * Records a new assessment (the subject): the framework version must exist, apply to the stage
 * and be one of the programme's frameworks (when the programme names any), and the assessment
 * must pass {@link Assessment.check}; every broken rule is reported at once.
 *
 * @example
 * ```ts
 * import { Assessments, ChangeLog } from "@localrights/core"
 * declare const assessment: import("@localrights/core").Assessment.Assessment
 * const program = Assessments.record(assessment, ChangeLog.change("icld", "Application assessed"))
 * ```
 *
 * @category services
 * @since 0.1.0
 */
export const record = Effect.fn("Assessments.record")(function*(
  assessment: Assessment.Assessment,
  change: ChangeLog.Change
): Effect.fn.Return<
  Assessment.Assessment,
  CriteriaFramework.FrameworkNotFound | Assessment.AssessmentInvalid | NotFound | VersionConflict | StoreError,
  AssessmentStore | CriteriaFrameworkStore | PartnershipStore | ProgrammeStore
> {
  const framework = yield* (yield* CriteriaFrameworkStore).get(assessment.framework)
  const partnership = yield* (yield* PartnershipStore).get(assessment.subject.partnership)
  const programme = yield* (yield* ProgrammeStore).get(partnership.programme)
  const violations: Array<Refusal.Violation> = []
  if (programme.criteriaFrameworks.length > 0 && !programme.criteriaFrameworks.includes(framework.id)) {
    violations.push(Refusal.violation("framework.id", "programme-framework", framework.id, {
      sv: `Programmet ${programme.id} bedömer med ${programme.criteriaFrameworks.join(", ")}, inte ${framework.id}.`,
      en: `Programme ${programme.id} assesses with ${programme.criteriaFrameworks.join(", ")}, not ${framework.id}.`
    }))
  }
  const checked = Assessment.check(assessment, framework)
  if (Result.isFailure(checked)) violations.push(...checked.failure.violations)
  if (Arr.isArrayNonEmpty(violations)) {
    return yield* new Assessment.AssessmentInvalid({ subject: { kind: "assessment", id: assessment.id }, violations })
  }
  return yield* (yield* AssessmentStore).create(assessment, change, { command: "RecordAssessment" })
})

/**
 * Which assessments to consolidate: by default the latest assessment of each assessor for the
 * subject; `assessments` names them instead.
 *
 * @category models
 * @since 0.1.0
 */
export interface SelectOptions {
  /** Consolidate exactly these assessment ids. */
  readonly assessments?: ReadonlyArray<string> | undefined
}

/**
 * The current assessments of a subject, consolidated with {@link Assessment.consolidate} under
 * the framework version they were made with.
 *
 * @category services
 * @since 0.1.0
 */
export const consolidated = Effect.fn("Assessments.consolidated")(function*(
  partnership: string,
  stage: CriteriaFramework.Stage,
  options?: SelectOptions
): Effect.fn.Return<
  Assessment.Consolidated,
  CriteriaFramework.FrameworkNotFound | Assessment.AssessmentInvalid | Assessment.ConsolidationRefused | StoreError,
  AssessmentStore | CriteriaFrameworkStore
> {
  const all = yield* (yield* AssessmentStore).forSubject(partnership, stage)
  const wanted = options?.assessments
  const chosen = wanted !== undefined
    ? all.filter((a) => wanted.includes(a.id))
    : [...new Map(all.map((a) => [a.assessor, a])).values()] // oldest first: the last per assessor wins
  const first = chosen[0]
  if (first === undefined) {
    return yield* new Assessment.ConsolidationRefused({
      subject: { kind: "assessments", id: `${partnership}/${stage}` },
      violations: [Refusal.violation("assessments", "at-least-one-assessment", "0", {
        sv: `Det finns ingen bedömning av ${partnership} (${stage}).`,
        en: `There is no assessment of ${partnership} (${stage}).`
      })]
    })
  }
  const framework = yield* (yield* CriteriaFrameworkStore).get(first.framework)
  return yield* Effect.fromResult(Assessment.consolidate(framework, chosen))
})

/**
 * What {@link recordDecision} takes besides the partnership and the change: the stage decided,
 * the date of the decision, and (optionally) which assessments to consolidate.
 *
 * @category models
 * @since 0.2.0
 */
export interface DecisionInput extends SelectOptions {
  /** The stage whose assessments decide the gate. */
  readonly stage: CriteriaFramework.Stage
  /** The date of the decision. */
  readonly date: CalendarDate
}

/**
 * Consolidates the current assessments of the partnership (the subject) at `input.stage` and
 * records the decision they lead to on its gate (see {@link Assessment.decision}) through
 * `Partnerships.execute`: decided by the change's actor, under the change's `expectedVersion`
 * of the partnership. Returns the consolidated assessments and the updated partnership.
 *
 * @example
 * ```ts
 * import { Assessments, ChangeLog } from "@localrights/core"
 * declare const date: import("@localrights/core").CalendarDate.CalendarDate
 * const program = Assessments.recordDecision("lund-francistown", { stage: "application", date }, ChangeLog.change("icld", "Application decided", 2))
 * ```
 *
 * @category services
 * @since 0.1.0
 */
export const recordDecision = Effect.fn("Assessments.recordDecision")(function*(
  partnership: string,
  input: DecisionInput,
  change: ChangeLog.Update
): Effect.fn.Return<
  { readonly consolidated: Assessment.Consolidated; readonly partnership: Partnership },
  | CriteriaFramework.FrameworkNotFound
  | Assessment.AssessmentInvalid
  | Assessment.ConsolidationRefused
  | Lifecycle.TransitionRefused
  | NotFound
  | VersionConflict
  | StoreError,
  AssessmentStore | CriteriaFrameworkStore | PartnershipStore | ProgrammeStore | OrganisationStore | NetworkStore | BudgetStore
> {
  const c = yield* consolidated(partnership, input.stage, input)
  const command = Assessment.decisionCommand(c, { decidedBy: change.actor, date: input.date })
  const updated = yield* executeCommand(partnership, command, { ...change, expectedVersion: change.expectedVersion ?? -1 })
  return { consolidated: c, partnership: updated }
})

/**
 * The view of a network per principle of one framework version, over the consolidated
 * assessments of the stage for each of its partnerships; partnerships not assessed with that
 * version are left out.
 *
 * @category services
 * @since 0.1.0
 */
export const networkView = Effect.fn("Assessments.networkView")(function*(
  network: string,
  stage: CriteriaFramework.Stage,
  framework: CriteriaFramework.Ref,
  options?: { readonly weakest?: number }
): Effect.fn.Return<
  Assessment.NetworkView,
  CriteriaFramework.FrameworkNotFound | StoreError,
  AssessmentStore | CriteriaFrameworkStore | PartnershipStore
> {
  const f = yield* (yield* CriteriaFrameworkStore).get(framework)
  const members = (yield* (yield* PartnershipStore).list()).filter((p) => p.network === network)
  const assessments = yield* AssessmentStore
  const results: Array<Assessment.Consolidated> = []
  for (const p of members) {
    const current = [
      ...new Map(
        (yield* assessments.forSubject(p.id, stage))
          .filter((a) => CriteriaFramework.sameRef(a.framework, framework))
          .map((a) => [a.assessor, a])
      ).values()
    ]
    if (current.length === 0) continue
    const c = Assessment.consolidate(f, current)
    if (Result.isSuccess(c)) results.push(c.success)
  }
  return Assessment.networkView(f, results, options)
})
