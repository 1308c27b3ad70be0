/**
 * Runs the partnership lifecycle against the stores: loads what the guards need, applies the
 * command with {@link Lifecycle.apply}, and writes the result with its change record under
 * the expected version.
 *
 * @module
 * @group Partnership
 * @since 0.1.0
 */
import { Effect, Option, Result, Schema } from "effect"
import type * as ChangeLog from "../ChangeLog.ts"
import { NotFound, StoreError, VersionConflict } from "../store/DocumentStore.ts"
import * as Lifecycle from "./Lifecycle.ts"
import * as LocalizedText from "../LocalizedText.ts"
import { Store as NetworkStore } from "./Network.ts"
import { Store as OrganisationStore } from "./Organisation.ts"
import type { Partnership } from "./Partnership.ts"
import { Store as PartnershipStore } from "./Partnership.ts"
import { Store as ProgrammeStore } from "./Programme.ts"

/**
 * A new partnership that the programme does not accept: `field` and `value` say what, `rule`
 * says which rule, `explanation` says it in both languages.
 *
 * @category errors
 * @since 0.1.0
 */
export class RegistrationRefused extends Schema.TaggedError<RegistrationRefused>()("RegistrationRefused", {
  field: Schema.String,
  value: Schema.String,
  rule: Schema.String,
  explanation: LocalizedText.LocalizedText
}) {
  /** @since 0.1.0 */
  override get message(): string {
    return `Registration refused at ${this.field} (${this.value}): ${LocalizedText.text(this.explanation, "en")}`
  }
}

/**
 * Registers a partnership in the `interest-registered` state: the programme and the Swedish
 * partner must exist, and the partner must be of a kind the programme accepts.
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
  if (!programme.eligibleSwedishPartnerKinds.includes(swedish.kind)) {
    return yield* new RegistrationRefused({
      field: "swedishPartner",
      value: swedish.id,
      rule: "eligible-swedish-partner-kind",
      explanation: {
        sv: `${swedish.id} är av typen ${swedish.kind}; programmet tar emot ${programme.eligibleSwedishPartnerKinds.join(", ")}.`,
        en: `${swedish.id} is a ${swedish.kind}; the programme accepts ${programme.eligibleSwedishPartnerKinds.join(", ")}.`
      }
    })
  }
  const outside = partnership.focusAreas.find((f) => !programme.focusAreas.includes(f))
  if (outside !== undefined) {
    return yield* new RegistrationRefused({
      field: "focusAreas",
      value: outside,
      rule: "programme-focus-area",
      explanation: {
        sv: `Fokusområdet ${outside} ingår inte i programmet ${programme.id}.`,
        en: `Focus area ${outside} is not part of programme ${programme.id}.`
      }
    })
  }
  const fresh = partnership.status === "interest-registered" && partnership.version === 0
  if (!fresh) {
    return yield* new RegistrationRefused({
      field: "status",
      value: partnership.status,
      rule: "new-partnership",
      explanation: {
        sv: "En ny registrering börjar i läget intresseanmälan, version 0 (använd Partnership.register).",
        en: "A new registration starts as interest-registered at version 0 (use Partnership.register)."
      }
    })
  }
  return yield* (yield* PartnershipStore).create(partnership, {
    ...change,
    command: "RegisterInterest",
    statusAfter: "interest-registered"
  })
})

/**
 * Options for {@link execute}.
 *
 * @category models
 * @since 0.1.0
 */
export interface ExecuteOptions {
  /** The version the caller last read; a newer stored version fails with `VersionConflict`. */
  readonly expectedVersion?: number | undefined
}

/**
 * Executes a lifecycle command on a stored partnership and records it.
 *
 * @example
 * ```ts
 * import { ChangeLog, Partnerships } from "@localrights/core"
 * const program = Partnerships.execute("lund-francistown", { _tag: "Apply" }, ChangeLog.change("icld", "Application received"))
 * ```
 *
 * @category services
 * @since 0.1.0
 */
export const execute = Effect.fn("Partnerships.execute")(function*(
  id: string,
  command: Lifecycle.Command,
  change: ChangeLog.Change,
  options?: ExecuteOptions
): Effect.fn.Return<
  Partnership,
  Lifecycle.TransitionRefused | NotFound | VersionConflict | StoreError,
  PartnershipStore | ProgrammeStore | OrganisationStore | NetworkStore
> {
  const partnerships = yield* PartnershipStore
  const current = yield* partnerships.get(id)
  if (options?.expectedVersion !== undefined && options.expectedVersion !== current.version) {
    return yield* new VersionConflict({ kind: "partnership", id, expected: options.expectedVersion, actual: current.version })
  }
  const programme = yield* (yield* ProgrammeStore).get(current.programme)
  let ctx: Lifecycle.Context = { programme }
  if (command._tag === "Admit") {
    const network = Option.getOrUndefined(yield* (yield* NetworkStore).find(command.network))
    const members = yield* partnerships.search({
      network: command.network,
      status: ["admitted", "matched", "preparation", "implementation", "concluded"],
      limit: 1
    })
    ctx = { ...ctx, network, networkMembers: members.total }
  } else if (command._tag === "Match") {
    ctx = {
      ...ctx,
      internationalPartner: Option.getOrUndefined(yield* (yield* OrganisationStore).find(command.internationalPartner))
    }
  }
  const result = Lifecycle.apply(current, command, ctx)
  if (Result.isFailure(result)) return yield* result.failure
  return yield* partnerships.update(result.success, {
    ...change,
    command: command._tag,
    statusBefore: current.status,
    statusAfter: result.success.status
  })
})
