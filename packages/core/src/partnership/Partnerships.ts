/**
 * Runs the partnership lifecycle against the stores: loads what the guards need, applies the
 * command with {@link Lifecycle.apply}, and writes the result with its change record under
 * the change's expected version. Both steps take the change last: `register(partnership,
 * change)`, `execute(id, command, change)`.
 *
 * @module
 * @group Partnership
 * @since 0.1.0
 */
import { Array as Arr, Effect, Option, Result } from "effect"
import type * as ChangeLog from "../ChangeLog.ts"
import * as Refusal from "../Refusal.ts"
import * as Validation from "../Validation.ts"
import { NotFound, StoreError, VersionConflict } from "../store/DocumentStore.ts"
import * as Lifecycle from "./Lifecycle.ts"
import { Store as NetworkStore } from "./Network.ts"
import { Store as OrganisationStore } from "./Organisation.ts"
import type { Partnership } from "./Partnership.ts"
import { Store as PartnershipStore } from "./Partnership.ts"
import { Store as ProgrammeStore } from "./Programme.ts"

/**
 * A new partnership that the programme does not accept: every rule it breaks (the Swedish
 * partner's kind, focus areas outside the programme, not a fresh registration).
 *
 * @category errors
 * @since 0.1.0
 */
export class RegistrationRefused extends Refusal.Refusal<RegistrationRefused>()("RegistrationRefused") {}

/**
 * Registers a partnership in the `interest-registered` state: the programme and the Swedish
 * partner must exist, the partner must be of a kind the programme accepts, and every focus
 * area must be one of the programme's. Every broken rule is reported at once. The partnership
 * is the subject (a new one: nothing to expect a version of), the change says who and why.
 *
 * @category services
 * @since 0.1.0
 */
export const register = Effect.fn("Partnerships.register")(function*(
  partnership: Partnership,
  change: ChangeLog.Change
): Effect.fn.Return<
  Partnership,
  RegistrationRefused | NotFound | VersionConflict | StoreError,
  PartnershipStore | ProgrammeStore | OrganisationStore
> {
  const programme = yield* (yield* ProgrammeStore).get(partnership.programme)
  const swedish = yield* (yield* OrganisationStore).get(partnership.swedishPartner)
  const violations: Array<Refusal.Violation> = []
  if (!programme.eligibleSwedishPartnerKinds.includes(swedish.kind)) {
    violations.push(Refusal.violation("swedishPartner", "eligible-swedish-partner-kind", swedish.id, {
      sv: `${swedish.id} är av typen ${swedish.kind}; programmet tar emot ${programme.eligibleSwedishPartnerKinds.join(", ")}.`,
      en: `${swedish.id} is a ${swedish.kind}; the programme accepts ${programme.eligibleSwedishPartnerKinds.join(", ")}.`
    }))
  }
  partnership.focusAreas.forEach((area, i) => {
    if (programme.focusAreas.includes(area)) return
    violations.push(Refusal.violation(`focusAreas[${i}]`, "programme-focus-area", area, {
      sv: `Fokusområdet ${area} ingår inte i programmet ${programme.id}.`,
      en: `Focus area ${area} is not part of programme ${programme.id}.`
    }))
  })
  if (partnership.status !== "interest-registered" || partnership.version !== 0) {
    violations.push(Refusal.violation("status", "new-partnership", `${partnership.status} v${partnership.version}`, {
      sv: "En ny registrering börjar i läget intresseanmälan, version 0 (använd Partnership.make).",
      en: "A new registration starts as interest-registered at version 0 (use Partnership.make)."
    }))
  }
  if (Arr.isArrayNonEmpty(violations)) {
    return yield* new RegistrationRefused({ subject: { kind: "partnership", id: partnership.id }, violations })
  }
  return yield* (yield* PartnershipStore).create(partnership, change, { command: "RegisterInterest" })
})

const decodeCommand = Validation.decoderExit(Lifecycle.Command, "LifecycleCommand")

/**
 * Executes a lifecycle command on a stored partnership and records it. A change with an
 * `expectedVersion` older than the stored partnership fails with `VersionConflict` before any
 * guard is checked.
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
  change: ChangeLog.Change
): Effect.fn.Return<
  Partnership,
  Lifecycle.TransitionRefused | Validation.ValidationError | NotFound | VersionConflict | StoreError,
  PartnershipStore | ProgrammeStore | OrganisationStore | NetworkStore
> {
  return yield* executeCommand(id, yield* decodeCommand(command), change)
})

/**
 * {@link execute} for a command that is already a decoded {@link Lifecycle.Command} (the
 * orchestrators' path: `Assessments.recordDecision`, `Budgets.decide`).
 *
 * @category services
 * @since 0.2.0
 */
export const executeCommand = Effect.fn("Partnerships.executeCommand")(function*(
  id: string,
  command: Lifecycle.Command,
  change: ChangeLog.Change
): Effect.fn.Return<
  Partnership,
  Lifecycle.TransitionRefused | NotFound | VersionConflict | StoreError,
  PartnershipStore | ProgrammeStore | OrganisationStore | NetworkStore
> {
  const partnerships = yield* PartnershipStore
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
  return yield* partnerships.update(result.success, change, { command: command._tag, statusBefore: current.status })
})
