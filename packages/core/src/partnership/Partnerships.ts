/**
 * Runs the partnership lifecycle against the stores: loads what the guards need, applies the
 * command with {@link Lifecycle.apply}, and writes the result with its change record under
 * the change's expected version. Every step takes the change last: `register(partnership,
 * change)`, `execute(id, command, change)`, `overrideDecision(id, input, change)`.
 *
 * **Details**
 *
 * A decision on a gate is recorded by the step that checked its evidence:
 * `Assessments.recordDecision` (consolidated assessments) and `Budgets.decide` (a budget
 * evaluated against the funding rules). {@link execute} refuses a bare `RecordDecision`;
 * {@link overrideDecision} records a decision without that evidence as an explicit override
 * with a justification, under its own command name in the history.
 *
 * @module
 * @group Partnership
 * @since 0.1.0
 */
import { Array as Arr, Effect, Option, Schema } from "effect"
import * as CalendarDate from "../CalendarDate.ts"
import type * as ChangeLog from "../ChangeLog.ts"
import { executeCommand } from "../internal/execute.ts"
import type * as LocalizedText from "../LocalizedText.ts"
import * as Refusal from "../Refusal.ts"
import * as Validation from "../Validation.ts"
import type { NotFound, StoreError, VersionConflict } from "../store/DocumentStore.ts"
import type { Store as AssessmentStore } from "../assessment/Assessment.ts"
import type { Store as BudgetStore } from "../funding/Budget.ts"
import * as Lifecycle from "./Lifecycle.ts"
import type { Store as NetworkStore } from "./Network.ts"
import type { Store as OrganisationStore } from "./Organisation.ts"
import * as Partnership from "./Partnership.ts"
import { Store as PartnershipStore } from "./Partnership.ts"
import type { Store as ProgrammeStore } from "./Programme.ts"
import { Store as ProgressReportStore } from "../results/ProgressReport.ts"
import { finalReport } from "../results/Reports.ts"
import { Store as ProgrammeStoreTag } from "./Programme.ts"

/**
 * Registers a partnership in the `interest-registered` state, recorded as `RegisterInterest`:
 * the programme and the Swedish partner must exist, the partner must be of a kind the
 * programme accepts, and every focus area must be one of the programme's
 * (`Integrity.check`). Every broken rule is reported at once, in `PartnershipInvalid`. The
 * partnership is the subject (a new one: nothing to expect a version of), the change says who
 * and why.
 *
 * @category services
 * @since 0.1.0
 */
export const register = Effect.fn("Partnerships.register")(function*(
  partnership: Partnership.Partnership,
  change: ChangeLog.Change
): Effect.fn.Return<Partnership.Partnership, Partnership.PartnershipInvalid | VersionConflict | StoreError, PartnershipStore> {
  return yield* (yield* PartnershipStore).create(partnership, change, { command: "RegisterInterest" })
})

const decodeCommand = Validation.decoderExit(Lifecycle.Command, "LifecycleCommand")

/**
 * Executes a lifecycle command on a stored partnership and records it. The change states the
 * version the caller read: an older one fails with `VersionConflict` before any guard is
 * checked. A `RecordDecision` is refused (rule `decision-evidence`): decisions come from the
 * steps that check their evidence, or from {@link overrideDecision}. `Conclude` in the last
 * implementation year also needs the stored final progress report approved (rule
 * `final-report`, `Reports.finalReport`), read from `ProgressReport.Store` (which
 * `Stores.layer` provides); without that store in context, `Conclude` is refused.
 *
 * @example
 * ```ts
 * import { ChangeLog, Partnerships } from "@localrights/core"
 * const program = Partnerships.execute("lund-francistown", { _tag: "Apply" }, ChangeLog.change("icld", "Application received", 1))
 * ```
 *
 * @category services
 * @since 0.1.0
 */
export const execute = Effect.fn("Partnerships.execute")(function*(
  id: string,
  command: Lifecycle.CommandInput,
  change: ChangeLog.Update
): Effect.fn.Return<
  Partnership.Partnership,
  Lifecycle.TransitionRefused | Validation.ValidationError | NotFound | VersionConflict | StoreError,
  PartnershipStore | ProgrammeStore | OrganisationStore | NetworkStore | AssessmentStore | BudgetStore
> {
  const decoded = yield* decodeCommand(command)
  if (decoded._tag === "Conclude") yield* concludable(id, change)
  if (decoded._tag === "RecordDecision") {
    const current = yield* (yield* PartnershipStore).get(id)
    return yield* new Lifecycle.TransitionRefused({
      subject: { kind: "partnership", id },
      command: decoded._tag,
      status: current.status,
      violations: [Refusal.violation("decision", "decision-evidence", decoded.decision.gate, {
        sv: "Ett beslut registreras av steget som prövar underlaget: Assessments.recordDecision för bedömningar, Budgets.decide för budgetar; utan underlag med Partnerships.overrideDecision och en motivering.",
        en: "A decision is recorded by the step that checks its evidence: Assessments.recordDecision for assessments, Budgets.decide for budgets; without evidence through Partnerships.overrideDecision with a justification."
      })]
    })
  }
  return yield* executeCommand(id, decoded, { ...change, expectedVersion: change.expectedVersion ?? -1 })
})

/**
 * Refuses `Conclude` on a partnership in implementation whose final report is not approved
 * (rule `final-report`); other refusals (status, final year) are the lifecycle's.
 *
 * @internal
 */
export const concludable = Effect.fnUntraced(function*(id: string, change: ChangeLog.Change) {
  const current = yield* (yield* PartnershipStore).get(id)
  if (change.expectedVersion !== undefined && change.expectedVersion !== current.version) return
  if (current.status !== "implementation") return
  const reports = yield* Effect.serviceOption(ProgressReportStore)
  const missing = Option.isNone(reports)
    ? Refusal.violation("finalReport", "final-report", undefined, {
      sv: "Slutrapporten kan inte läsas: ProgressReport.Store saknas (Stores.layer ger den).",
      en: "The final report cannot be read: ProgressReport.Store is not provided (Stores.layer provides it)."
    })
    : yield* finalReport(current).pipe(Effect.provideService(ProgressReportStore, reports.value), Effect.provideService(ProgrammeStoreTag, yield* ProgrammeStoreTag))
  if (missing === undefined) return
  return yield* new Lifecycle.TransitionRefused({ subject: { kind: "partnership", id }, command: "Conclude", status: current.status, violations: [missing] })
})

/**
 * What {@link overrideDecision} takes besides the partnership and the change.
 *
 * @category models
 * @since 0.2.0
 */
export interface OverrideInput {
  /** The gate decided. */
  readonly gate: Partnership.Gate
  /** The outcome. */
  readonly outcome: Partnership.Outcome
  /** Why the decision rests on no recorded assessment or budget evaluation (sv and/or en). */
  readonly justification: LocalizedText.LocalizedText
  /** The decision date (`"2020-12-01"`; a bad one is a `ValidationError`); today (`CalendarDate.today`) unless given. */
  readonly date?: string | undefined
  /** A note shown with the decision. */
  readonly note?: LocalizedText.LocalizedText | undefined
}

/**
 * Records a decision on a gate without assessments or a budget evaluation behind it: an
 * explicit override (evidence `Override`, with the justification), decided by the change's
 * actor and recorded as `OverrideDecision`, so the history shows it as such. For decisions
 * taken outside the system (a board decision, a migration). Who may override is the
 * application's access policy.
 *
 * @category services
 * @since 0.2.0
 */
export const overrideDecision = Effect.fn("Partnerships.overrideDecision")(function*(
  id: string,
  input: OverrideInput,
  change: ChangeLog.Update
): Effect.fn.Return<
  Partnership.Partnership,
  Lifecycle.TransitionRefused | Validation.ValidationError | NotFound | VersionConflict | StoreError,
  PartnershipStore | ProgrammeStore | OrganisationStore | NetworkStore | AssessmentStore | BudgetStore
> {
  const date = input.date ?? (yield* CalendarDate.today)
  const decision = yield* Partnership.decodeDecision({
    gate: input.gate,
    outcome: input.outcome,
    decidedBy: change.actor,
    date,
    evidence: { _tag: "Override", justification: input.justification },
    ...(input.note === undefined ? {} : { note: input.note })
  })
  return yield* executeCommand(id, { _tag: "RecordDecision", decision }, { ...change, expectedVersion: change.expectedVersion ?? -1 }, "OverrideDecision")
})

const encode = Schema.encodeSync(Partnership.Partnership)

const gatesBefore: ReadonlyArray<readonly [Partnership.Status, ReadonlyArray<Partnership.Gate>]> = [
  ["admitted", ["application-assessment"]],
  ["preparation", ["preparation-budget"]],
  ["implementation", ["project-plan-assessment", "full-budget"]]
]

// the furthest status on the main path that a withdrawn or rejected partnership's fields show it reached
const reachedBefore = (p: Partnership.Partnership): Partnership.Status => {
  if (p.status === "rejected") return p.decisions.length > 0 ? "applied" : "interest-registered"
  if (p.implementationYear !== undefined) return "implementation"
  if (p.internationalPartner !== undefined) {
    return Partnership.latestDecision(p, "preparation-budget")?.outcome === "approved" && p.decisions.some((d) => d.gate === "full-budget")
      ? "preparation"
      : "matched"
  }
  if (p.network !== undefined) return "admitted"
  return p.decisions.length > 0 ? "applied" : "interest-registered"
}

/**
 * Brings a partnership into the store at the state `target` describes, through the lifecycle:
 * registers it with its descriptive fields, then executes the commands that lead to its status
 * (`Apply`, `Admit` into its network, `Match` with its partner, ..., `AdvanceYear` up to its
 * implementation year, `Withdraw` or `Reject` at the point its fields show), each recorded in
 * the history. Its decisions must be overrides (evidence `Override`: decisions taken outside
 * the system) and are recorded as `OverrideDecision` when their gate is next needed. For seeds
 * and fixtures of existing partnerships; a stored partnership equal to `target` is returned
 * as it is, a different one refused (rule `same-as-stored`). A concluded target is concluded
 * on the decisions taken outside the system, without the final-report gate of `Conclude`
 * (its reports are not in the store yet).
 *
 * @category services
 * @since 0.2.0
 */
export const establish = Effect.fn("Partnerships.establish")(function*(
  target: Partnership.Partnership,
  change: ChangeLog.Change
): Effect.fn.Return<
  Partnership.Partnership,
  Partnership.PartnershipInvalid | Lifecycle.TransitionRefused | NotFound | VersionConflict | StoreError,
  PartnershipStore | ProgrammeStore | OrganisationStore | NetworkStore | AssessmentStore | BudgetStore
> {
  const store = yield* PartnershipStore
  const subject = { kind: "partnership", id: target.id }
  const stored = yield* store.find(target.id)
  if (Option.isSome(stored)) {
    const { version: _a, ...given } = encode(target)
    const { version: _b, ...held } = encode(stored.value)
    if (JSON.stringify(given) === JSON.stringify(held)) return stored.value
    return yield* new Partnership.PartnershipInvalid({
      subject,
      violations: [Refusal.violation("id", "same-as-stored", target.id, {
        sv: `${target.id} är redan lagrat med andra värden.`,
        en: `${target.id} is already stored with other values.`
      })]
    })
  }
  const notOverride = target.decisions.flatMap((d, i) =>
    d.evidence._tag === "Override" ? [] : [Refusal.violation(`decisions[${i}].evidence`, "override-evidence", d.evidence._tag, {
      sv: "Här registreras beslut som åsidosättanden; ett beslut med bedömningar eller en budgetprövning som underlag registreras av Assessments.recordDecision eller Budgets.decide.",
      en: "Decisions are recorded here as overrides; a decision resting on assessments or a budget evaluation is recorded by Assessments.recordDecision or Budgets.decide."
    })]
  )
  if (Arr.isArrayNonEmpty(notOverride)) return yield* new Partnership.PartnershipInvalid({ subject, violations: notOverride })

  const { internationalPartner: _p, partnerCountry: _c, network: _n, implementationYear: _y, ...descriptive } = target
  let current = yield* register(
    new Partnership.Partnership({ ...descriptive, status: "interest-registered", decisions: [], version: 0 }),
    change
  )
  const run = (command: Lifecycle.Command, as?: "OverrideDecision") =>
    Effect.map(executeCommand(target.id, command, { ...change, expectedVersion: current.version }, as), (next) => {
      current = next
    })
  const recorded = new Set<number>()
  const decide = (gates: ReadonlyArray<Partnership.Gate> | "all") =>
    Effect.forEach(target.decisions, (decision, i) =>
      recorded.has(i) || (gates !== "all" && !gates.includes(decision.gate))
        ? Effect.void
        : Effect.andThen(Effect.sync(() => recorded.add(i)), run({ _tag: "RecordDecision", decision }, "OverrideDecision")), { discard: true })

  const goal = target.status === "withdrawn" || target.status === "rejected" ? reachedBefore(target) : target.status
  const at = Partnership.progress(goal) ?? 0
  const reach = (s: Partnership.Status) => at >= (Partnership.progress(s) ?? 0)
  if (reach("applied")) yield* run({ _tag: "Apply" })
  for (const [status, gates] of gatesBefore) {
    if (!reach(status)) break
    yield* decide(gates)
    if (status === "admitted") {
      yield* run({ _tag: "Admit", network: target.network! })
      if (reach("matched")) yield* run({ _tag: "Match", internationalPartner: target.internationalPartner! })
    } else if (status === "preparation") {
      yield* run({ _tag: "StartPreparation" })
    } else {
      yield* run({ _tag: "StartImplementation" })
      for (let year = 1; year < (target.implementationYear ?? 1); year++) yield* run({ _tag: "AdvanceYear" })
    }
  }
  if (target.status !== "rejected") yield* decide("all")
  if (reach("concluded")) yield* run({ _tag: "Conclude" })
  if (reach("closed")) yield* run({ _tag: "Close" })
  if (target.status === "rejected") {
    yield* decide("all")
    yield* run({ _tag: "Reject" })
  }
  if (target.status === "withdrawn") yield* run({ _tag: "Withdraw" })
  return current
})
