/**
 * Runs one decoded lifecycle command against the stores: what `Partnerships.execute`,
 * `Partnerships.overrideDecision`, `Assessments.recordDecision`, `Budgets.decide` and
 * `ResultsConference.concludePresented` share. Not exported by the package: a decision
 * reaches a partnership only through a step that checked its evidence.
 *
 * @internal
 */
import { Array as Arr, Effect, Option, Result } from "effect"
import { Store as AssessmentStore } from "../assessment/Assessment.ts"
import * as CriteriaFramework from "../assessment/CriteriaFramework.ts"
import { Store as BudgetStore } from "../funding/Budget.ts"
import * as Refusal from "../Refusal.ts"
import type * as ChangeLog from "../ChangeLog.ts"
import type * as EntityStore from "../store/EntityStore.ts"
import { NotFound, StoreError, VersionConflict } from "../store/DocumentStore.ts"
import * as Lifecycle from "../partnership/Lifecycle.ts"
import { Store as NetworkStore } from "../partnership/Network.ts"
import { Store as OrganisationStore } from "../partnership/Organisation.ts"
import * as Partnership from "../partnership/Partnership.ts"
import { Store as PartnershipStore } from "../partnership/Partnership.ts"
import { Store as ProgrammeStore } from "../partnership/Programme.ts"
import { type Transitions, transition } from "./transition.ts"

const gatesOf: Partial<Record<Lifecycle.CommandName, ReadonlyArray<Partnership.Gate>>> = {
  Admit: ["application-assessment"],
  StartPreparation: ["preparation-budget"],
  StartImplementation: ["project-plan-assessment", "full-budget"]
}

// The gate re-reads what its approving decisions rest on: the assessments must still be stored
// for this partnership and stage under the framework version named; the budget must still be
// stored at the version that was approved (a budget changed since its approval needs a new
// decision). Overrides rest on nothing stored.
const staleEvidence = Effect.fn("Partnerships.staleEvidence")(function*(p: Partnership.Partnership, command: Lifecycle.Command) {
  const out: Array<Refusal.Violation> = []
  for (const gate of gatesOf[command._tag] ?? []) {
    const decision = Partnership.latestDecision(p, gate)
    const e = decision?.evidence
    if (e === undefined || e._tag === "Override") continue
    if (e._tag === "Assessments") {
      const stage = gate === "application-assessment" ? "application" : "project-plan"
      for (const aid of e.assessments) {
        const a = Option.getOrUndefined(yield* (yield* AssessmentStore).find(aid))
        if (a !== undefined && a.subject.partnership === p.id && a.subject.stage === stage && CriteriaFramework.sameRef(a.framework, e.framework)) continue
        out.push(Refusal.violation("decisions", "evidence-stored", aid, {
          sv: `Beslutet om ${Partnership.Gate.nameOf(gate, "sv").toLowerCase()} vilar på bedömningen ${aid}, som inte finns lagrad för partnerskapet (${stage}, ${e.framework.id}@${e.framework.version}).`,
          en: `The ${Partnership.Gate.nameOf(gate, "en").toLowerCase()} decision rests on assessment ${aid}, which is not stored for this partnership (${stage}, ${e.framework.id}@${e.framework.version}).`
        }))
      }
    } else {
      const b = Option.getOrUndefined(yield* (yield* BudgetStore).find(e.budget))
      if (b !== undefined && b.partnership === p.id && b.version === e.budgetVersion) continue
      out.push(Refusal.violation("decisions", "evidence-current", e.budget, b === undefined || b.partnership !== p.id
        ? {
          sv: `Beslutet om ${Partnership.Gate.nameOf(gate, "sv").toLowerCase()} vilar på budgeten ${e.budget}, som inte finns lagrad för partnerskapet.`,
          en: `The ${Partnership.Gate.nameOf(gate, "en").toLowerCase()} decision rests on budget ${e.budget}, which is not stored for this partnership.`
        }
        : {
          sv: `Budgeten ${e.budget} godkändes i version ${e.budgetVersion} men har ändrats sedan (version ${b.version}); pröva den igen med Budgets.decide.`,
          en: `Budget ${e.budget} was approved at version ${e.budgetVersion} but has changed since (version ${b.version}); decide it again with Budgets.decide.`
        }))
    }
  }
  return out
})

/**
 * Executes `command` on the stored partnership. A change without `expectedVersion` acts on
 * the current version (for steps over several partnerships); every public caller states it.
 *
 * @internal
 */
export const executeCommand = Effect.fn("Partnerships.executeCommand")(function*(
  id: string,
  command: Lifecycle.Command,
  change: ChangeLog.Change,
  recordedAs?: EntityStore.CommandName
): Effect.fn.Return<
  Partnership.Partnership,
  Lifecycle.TransitionRefused | NotFound | VersionConflict | StoreError,
  PartnershipStore | ProgrammeStore | OrganisationStore | NetworkStore | AssessmentStore | BudgetStore
> {
  const partnerships = yield* PartnershipStore
  const write = (partnerships as Partial<Transitions>)[transition]
  if (write === undefined) {
    return yield* new StoreError({
      method: "Partnerships.execute",
      reason: "unknown",
      detail: "the partnership store was not built with Integrity.guard, so it cannot record lifecycle commands"
    })
  }
  const current = yield* partnerships.get(id)
  if (change.expectedVersion !== undefined && change.expectedVersion !== current.version) {
    return yield* new VersionConflict({ kind: "partnership", id, expected: change.expectedVersion, actual: current.version })
  }
  const programme = yield* (yield* ProgrammeStore).get(current.programme)
  let facts: Lifecycle.Facts = { programme }
  if (command._tag === "Admit") {
    const network = Option.getOrUndefined(yield* (yield* NetworkStore).find(command.network))
    const members = yield* partnerships.search({
      network: command.network,
      status: ["admitted", "matched", "preparation", "implementation", "concluded"],
      limit: 1
    })
    facts = { ...facts, network, networkMembers: members.total }
  } else if (command._tag === "Match") {
    facts = {
      ...facts,
      internationalPartner: Option.getOrUndefined(yield* (yield* OrganisationStore).find(command.internationalPartner))
    }
  }
  const result = Lifecycle.apply(current, command, facts)
  if (Result.isFailure(result)) return yield* result.failure
  const stale = yield* staleEvidence(current, command)
  if (Arr.isArrayNonEmpty(stale)) {
    return yield* new Lifecycle.TransitionRefused({ subject: { kind: "partnership", id }, command: command._tag, status: current.status, violations: stale })
  }
  return yield* write(result.success, { ...change, expectedVersion: current.version }, {
    command: recordedAs ?? command._tag,
    statusBefore: current.status
  })
})
