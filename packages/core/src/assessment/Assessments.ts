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
 * refuses the transition.
 *
 * @module
 * @group Assessment
 * @since 0.1.0
 */
import { Effect, Result } from "effect"
import * as Assessment from "./Assessment.ts"
import { Store as AssessmentStore } from "./Assessment.ts"
import type * as ChangeLog from "../ChangeLog.ts"
import * as CriteriaFramework from "./CriteriaFramework.ts"
import { CriteriaFrameworkStore } from "./CriteriaFrameworkStore.ts"
import type { NotFound, StoreError, VersionConflict } from "../store/DocumentStore.ts"
import type * as Lifecycle from "../partnership/Lifecycle.ts"
import type { Store as NetworkStore } from "../partnership/Network.ts"
import type { Store as OrganisationStore } from "../partnership/Organisation.ts"
import type { Partnership } from "../partnership/Partnership.ts"
import { Store as PartnershipStore } from "../partnership/Partnership.ts"
import { Store as ProgrammeStore } from "../partnership/Programme.ts"
import * as Partnerships from "../partnership/Partnerships.ts"

/**
 * Records a new assessment: the framework version must exist, apply to the stage and be one of
 * the programme's frameworks (when the programme names any), and the assessment must pass
 * {@link Assessment.check}.
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
  if (programme.criteriaFrameworks.length > 0 && !programme.criteriaFrameworks.includes(framework.id)) {
    return yield* new Assessment.AssessmentInvalid({
      assessment: assessment.id,
      violations: [{
        field: "framework.id",
        rule: "programme-framework",
        value: framework.id,
        explanation: {
          sv: `Programmet ${programme.id} bedömer med ${programme.criteriaFrameworks.join(", ")}, inte ${framework.id}.`,
          en: `Programme ${programme.id} assesses with ${programme.criteriaFrameworks.join(", ")}, not ${framework.id}.`
        }
      }]
    })
  }
  const checked = Assessment.check(assessment, framework)
  if (Result.isFailure(checked)) return yield* checked.failure
  return yield* (yield* AssessmentStore).create(assessment, { ...change, command: "RecordAssessment" })
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
      subject: `${partnership}/${stage}`,
      field: "assessments",
      rule: "at-least-one-assessment",
      value: "0",
      explanation: {
        sv: `Det finns ingen bedömning av ${partnership} (${stage}).`,
        en: `There is no assessment of ${partnership} (${stage}).`
      }
    })
  }
  const framework = yield* (yield* CriteriaFrameworkStore).get(first.framework)
  return yield* Effect.fromResult(Assessment.consolidate(framework, chosen))
})

/**
 * Consolidates the current assessments of a subject and records the decision they lead to on
 * the partnership's gate (see {@link Assessment.decision}) through `Partnerships.execute`. Returns
 * the consolidated assessments and the updated partnership.
 *
 * @example
 * ```ts
 * import { Assessments, ChangeLog } from "@localrights/core"
 * declare const decidedBy: import("@localrights/core").Ids.ActorId
 * declare const date: import("@localrights/core").CalendarDate.CalendarDate
 * const program = Assessments.recordDecision("lund-francistown", "application", { decidedBy, date }, ChangeLog.change("icld", "Application decided"))
 * ```
 *
 * @category services
 * @since 0.1.0
 */
export const recordDecision = Effect.fn("Assessments.recordDecision")(function*(
  partnership: string,
  stage: CriteriaFramework.Stage,
  decision: Assessment.DecisionOptions,
  change: ChangeLog.Change,
  options?: SelectOptions & Partnerships.ExecuteOptions
): Effect.fn.Return<
  { readonly consolidated: Assessment.Consolidated; readonly partnership: Partnership },
  | CriteriaFramework.FrameworkNotFound
  | Assessment.AssessmentInvalid
  | Assessment.ConsolidationRefused
  | Lifecycle.TransitionRefused
  | NotFound
  | VersionConflict
  | StoreError,
  AssessmentStore | CriteriaFrameworkStore | PartnershipStore | ProgrammeStore | OrganisationStore | NetworkStore
> {
  const c = yield* consolidated(partnership, stage, options)
  const updated = yield* Partnerships.execute(partnership, Assessment.decisionCommand(c, decision), change, options)
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
