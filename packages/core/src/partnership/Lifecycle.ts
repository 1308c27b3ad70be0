/**
 * The partnership lifecycle as commands with guards. {@link apply} is pure: it takes the
 * partnership, a command and the facts the guards need, and returns the next partnership or a
 * {@link TransitionRefused} that names the guard and what is missing.
 *
 * **Details**
 *
 * Gates that other modules decide (assessment passed, budget within the funding rules) are
 * satisfied only by a recorded {@link Partnership.Decision}: there is no silent pass.
 *
 * @module
 * @group Partnership
 * @since 0.1.0
 */
import { Result, Schema } from "effect"
import { CountryCode } from "../Country.ts"
import { NetworkId, OrganisationId } from "../Ids.ts"
import * as LocalizedText from "../LocalizedText.ts"
import type { Network } from "./Network.ts"
import type { Organisation } from "./Organisation.ts"
import * as Partnership from "./Partnership.ts"
import type { Programme } from "./Programme.ts"

/**
 * Submit the application (from `interest-registered`).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Apply = Schema.TaggedStruct("Apply", {})
/**
 * Admit to a network of the same programme (from `applied`; needs an approved application
 * assessment and room in the network).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Admit = Schema.TaggedStruct("Admit", { network: NetworkId })
/**
 * Match with an international partner (from `admitted`; the partner must be an international
 * municipality in a country the programme allows).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Match = Schema.TaggedStruct("Match", { internationalPartner: OrganisationId })
/**
 * Start the preparation year (from `matched`; needs an approved preparation budget).
 *
 * @category schemas
 * @since 0.1.0
 */
export const StartPreparation = Schema.TaggedStruct("StartPreparation", {})
/**
 * Start implementation year 1 (from `preparation`; needs an approved project-plan assessment
 * and an approved full budget).
 *
 * @category schemas
 * @since 0.1.0
 */
export const StartImplementation = Schema.TaggedStruct("StartImplementation", {})
/**
 * Move to the next implementation year (while years remain).
 *
 * @category schemas
 * @since 0.1.0
 */
export const AdvanceYear = Schema.TaggedStruct("AdvanceYear", {})
/**
 * Conclude: results presented (from the last implementation year).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Conclude = Schema.TaggedStruct("Conclude", {})
/**
 * Close after conclusion (final report and accounts settled).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Close = Schema.TaggedStruct("Close", {})
/**
 * Withdraw (from any status before `concluded`).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Withdraw = Schema.TaggedStruct("Withdraw", {})
/**
 * Reject the interest or application (from `interest-registered` or `applied`).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Reject = Schema.TaggedStruct("Reject", {})
/**
 * Record a decision on a gate (in any status that has not ended). Does not change the status.
 *
 * @category schemas
 * @since 0.1.0
 */
export const RecordDecision = Schema.TaggedStruct("RecordDecision", { decision: Partnership.Decision })

/**
 * Every lifecycle command.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Command = Schema.Union([
  Apply,
  Admit,
  Match,
  StartPreparation,
  StartImplementation,
  AdvanceYear,
  Conclude,
  Close,
  Withdraw,
  Reject,
  RecordDecision
])
/**
 * @category models
 * @since 0.1.0
 */
export type Command = typeof Command.Type

/**
 * The name of a command as recorded in the change log (`Admit`, `Match`, ...).
 *
 * @category models
 * @since 0.1.0
 */
export type CommandName = Command["_tag"]

/**
 * What a guard checks.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Guard = Schema.Literals([
  "status",
  "application-assessment",
  "network-in-programme",
  "network-capacity",
  "partner-kind",
  "partner-country",
  "preparation-budget",
  "project-plan-assessment",
  "full-budget",
  "years-remaining",
  "final-year"
])
/**
 * @category models
 * @since 0.1.0
 */
export type Guard = typeof Guard.Type

/**
 * A guard that did not hold, with what is missing in both languages.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Unmet = Schema.Struct({ guard: Guard, missing: LocalizedText.LocalizedText })
/**
 * @category models
 * @since 0.1.0
 */
export type Unmet = typeof Unmet.Type

/**
 * A command the lifecycle refused: which partnership, which command, in which status, and every
 * guard that did not hold.
 *
 * @category errors
 * @since 0.1.0
 */
export class TransitionRefused extends Schema.TaggedError<TransitionRefused>()("TransitionRefused", {
  partnership: Schema.String,
  command: Schema.String,
  status: Partnership.Status,
  unmet: Schema.NonEmptyArray(Unmet)
}) {
  /** @since 0.1.0 */
  override get message(): string {
    return `${this.command} refused for partnership ${this.partnership} in status ${this.status}: ${
      this.unmet.map((u) => `[${u.guard}] ${LocalizedText.text(u.missing, "en")}`).join("; ")
    }`
  }
  /**
   * The explanation in one language.
   *
   * @since 0.1.0
   */
  explain(lang: LocalizedText.Lang): string {
    return this.unmet.map((u) => LocalizedText.text(u.missing, lang)).join(" ")
  }
}

/**
 * The facts guards need besides the partnership itself: its programme, and for `Admit` the
 * network and how many active partnerships it holds, for `Match` the partner organisation.
 *
 * @category models
 * @since 0.1.0
 */
export interface Context {
  readonly programme: Programme
  readonly network?: Network | undefined
  readonly networkMembers?: number | undefined
  readonly internationalPartner?: Organisation | undefined
}

/**
 * Which statuses each command may start from.
 *
 * @category rules
 * @since 0.1.0
 */
export const allowedFrom: Readonly<Record<CommandName, ReadonlyArray<Partnership.Status>>> = {
  Apply: ["interest-registered"],
  Admit: ["applied"],
  Match: ["admitted"],
  StartPreparation: ["matched"],
  StartImplementation: ["preparation"],
  AdvanceYear: ["implementation"],
  Conclude: ["implementation"],
  Close: ["concluded"],
  Withdraw: ["interest-registered", "applied", "admitted", "matched", "preparation", "implementation"],
  Reject: ["interest-registered", "applied"],
  RecordDecision: ["interest-registered", "applied", "admitted", "matched", "preparation", "implementation", "concluded"]
}

const gateNames: Record<Partnership.Gate, LocalizedText.LocalizedText> = {
  "application-assessment": { sv: "en godkänd bedömning av ansökan", en: "an approved application assessment" },
  "preparation-budget": { sv: "en godkänd budget för förberedelseåret", en: "an approved preparation-year budget" },
  "project-plan-assessment": { sv: "en godkänd bedömning av projektplanen", en: "an approved project-plan assessment" },
  "full-budget": { sv: "en godkänd budget för hela projektet", en: "an approved full project budget" }
}

const gate = (p: Partnership.Partnership, g: Partnership.Gate): Unmet | undefined => {
  const d = Partnership.latestDecision(p, g)
  if (d?.outcome === "approved") return undefined
  const name = gateNames[g]
  return {
    guard: g,
    missing: d === undefined
      ? { sv: `Det saknas ${name.sv}: inget beslut är registrerat.`, en: `Missing ${name.en}: no decision is recorded.` }
      : {
        sv: `Det saknas ${name.sv}: senaste beslutet (${d.date}) var avslag.${d.note ? ` ${LocalizedText.text(d.note, "sv")}` : ""}`,
        en: `Missing ${name.en}: the latest decision (${d.date}) was a refusal.${d.note ? ` ${LocalizedText.text(d.note, "en")}` : ""}`
      }
  }
}

const statusUnmet = (p: Partnership.Partnership, command: CommandName): Unmet => {
  const from = allowedFrom[command]
  const names = (lang: LocalizedText.Lang) => from.map((s) => LocalizedText.text(Partnership.statusNames[s], lang)).join(", ")
  return {
    guard: "status",
    missing: {
      sv: `${command} kan bara göras från: ${names("sv")}; partnerskapet är i läget ${LocalizedText.text(Partnership.statusNames[p.status], "sv")}.`,
      en: `${command} is allowed only from: ${names("en")}; the partnership is ${LocalizedText.text(Partnership.statusNames[p.status], "en")}.`
    }
  }
}

const unmetGuards = (p: Partnership.Partnership, command: Command, ctx: Context): Array<Unmet> => {
  const unmet: Array<Unmet> = []
  const push = (u: Unmet | undefined) => {
    if (u !== undefined) unmet.push(u)
  }
  switch (command._tag) {
    case "Admit": {
      push(gate(p, "application-assessment"))
      const n = ctx.network
      if (n === undefined || n.id !== command.network || n.programme !== p.programme) {
        push({
          guard: "network-in-programme",
          missing: {
            sv: `Nätverket ${command.network} finns inte i programmet ${p.programme}.`,
            en: `Network ${command.network} is not part of programme ${p.programme}.`
          }
        })
      } else if ((ctx.networkMembers ?? 0) >= ctx.programme.networkSize.max) {
        push({
          guard: "network-capacity",
          missing: {
            sv: `Nätverket ${n.id} är fullt (${ctx.programme.networkSize.max} partnerskap).`,
            en: `Network ${n.id} is full (${ctx.programme.networkSize.max} partnerships).`
          }
        })
      }
      break
    }
    case "Match": {
      const org = ctx.internationalPartner
      if (org === undefined || org.id !== command.internationalPartner) {
        push({
          guard: "partner-kind",
          missing: {
            sv: `Organisationen ${command.internationalPartner} är okänd.`,
            en: `Organisation ${command.internationalPartner} is unknown.`
          }
        })
        break
      }
      if (org.kind !== "international-municipality") {
        push({
          guard: "partner-kind",
          missing: {
            sv: `${org.id} är inte en internationell kommun (typ: ${org.kind}).`,
            en: `${org.id} is not an international municipality (kind: ${org.kind}).`
          }
        })
      }
      if (!ctx.programme.eligiblePartnerCountries.includes(org.country)) {
        const list = ctx.programme.eligiblePartnerCountries.join(", ")
        push({
          guard: "partner-country",
          missing: {
            sv: `${org.id} ligger i ${org.country}; programmet tillåter partner i ${list}.`,
            en: `${org.id} is in ${org.country}; the programme allows partners in ${list}.`
          }
        })
      }
      break
    }
    case "StartPreparation":
      push(gate(p, "preparation-budget"))
      break
    case "StartImplementation":
      push(gate(p, "project-plan-assessment"))
      push(gate(p, "full-budget"))
      break
    case "AdvanceYear": {
      const years = ctx.programme.phases.implementationYears
      if ((p.implementationYear ?? 1) >= years) {
        push({
          guard: "years-remaining",
          missing: {
            sv: `Partnerskapet är redan i sista genomförandeåret (${years}).`,
            en: `The partnership is already in its last implementation year (${years}).`
          }
        })
      }
      break
    }
    case "Conclude": {
      const years = ctx.programme.phases.implementationYears
      if ((p.implementationYear ?? 1) < years) {
        push({
          guard: "final-year",
          missing: {
            sv: `Resultat redovisas i sista genomförandeåret (${years}); partnerskapet är i år ${p.implementationYear ?? 1}.`,
            en: `Results are presented in the last implementation year (${years}); the partnership is in year ${p.implementationYear ?? 1}.`
          }
        })
      }
      break
    }
    default:
      break
  }
  return unmet
}

const next = (p: Partnership.Partnership, command: Command, ctx: Context): Partnership.Partnership => {
  const with_ = (fields: Partial<Partnership.Partnership>) => new Partnership.Partnership({ ...p, ...fields })
  switch (command._tag) {
    case "Apply":
      return with_({ status: "applied" })
    case "Admit":
      return with_({ status: "admitted", network: command.network })
    case "Match":
      return with_({
        status: "matched",
        internationalPartner: command.internationalPartner,
        partnerCountry: ctx.internationalPartner!.country as CountryCode
      })
    case "StartPreparation":
      return with_({ status: "preparation" })
    case "StartImplementation":
      return with_({ status: "implementation", implementationYear: 1 })
    case "AdvanceYear":
      return with_({ implementationYear: (p.implementationYear ?? 1) + 1 })
    case "Conclude":
      return with_({ status: "concluded" })
    case "Close":
      return with_({ status: "closed" })
    case "Withdraw":
      return with_({ status: "withdrawn" })
    case "Reject":
      return with_({ status: "rejected" })
    case "RecordDecision":
      return with_({ decisions: [...p.decisions, command.decision] })
  }
}

/**
 * Applies a command: the next partnership (same version: the store raises it), or every guard
 * that did not hold.
 *
 * @example
 * ```ts
 * import { Lifecycle } from "@localrights/core"
 * declare const partnership: import("@localrights/core").Partnership.Partnership
 * declare const programme: import("@localrights/core").Programme.Programme
 * const result = Lifecycle.apply(partnership, { _tag: "Apply" }, { programme })
 * ```
 *
 * @category rules
 * @since 0.1.0
 */
export const apply = (
  p: Partnership.Partnership,
  command: Command,
  ctx: Context
): Result.Result<Partnership.Partnership, TransitionRefused> => {
  const unmet = allowedFrom[command._tag].includes(p.status)
    ? unmetGuards(p, command, ctx)
    : [statusUnmet(p, command._tag)]
  if (unmet.length > 0) {
    return Result.fail(
      new TransitionRefused({
        partnership: p.id,
        command: command._tag,
        status: p.status,
        unmet: unmet as [Unmet, ...Array<Unmet>]
      })
    )
  }
  return Result.succeed(next(p, command, ctx))
}
