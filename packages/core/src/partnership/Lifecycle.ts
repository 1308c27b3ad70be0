/**
 * The partnership lifecycle as commands with guards. {@link apply} is pure: it takes the
 * partnership, a command and the {@link Facts} the guards need, and returns the next
 * partnership or a {@link TransitionRefused} with every guard that did not hold (each a
 * violation whose `rule` is the guard).
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
import { Array as Arr, Result, Schema } from "effect"
import * as Country from "../Country.ts"
import { NetworkId, OrganisationId } from "../Ids.ts"
import * as LocalizedText from "../LocalizedText.ts"
import * as Refusal from "../Refusal.ts"
import * as Validation from "../Validation.ts"
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
 * @category models
 * @since 0.2.0
 */
export type Apply = typeof Apply.Type
/**
 * Admit to a network of the same programme (from `applied`; needs an approved application
 * assessment and room in the network).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Admit = Schema.TaggedStruct("Admit", { network: NetworkId })
/**
 * @category models
 * @since 0.2.0
 */
export type Admit = typeof Admit.Type
/**
 * Match with an international partner (from `admitted`; the partner must be an international
 * municipality in a country the programme allows).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Match = Schema.TaggedStruct("Match", { internationalPartner: OrganisationId })
/**
 * @category models
 * @since 0.2.0
 */
export type Match = typeof Match.Type
/**
 * Start the preparation year (from `matched`; needs an approved preparation budget).
 *
 * @category schemas
 * @since 0.1.0
 */
export const StartPreparation = Schema.TaggedStruct("StartPreparation", {})
/**
 * @category models
 * @since 0.2.0
 */
export type StartPreparation = typeof StartPreparation.Type
/**
 * Start implementation year 1 (from `preparation`; needs an approved project-plan assessment
 * and an approved full budget).
 *
 * @category schemas
 * @since 0.1.0
 */
export const StartImplementation = Schema.TaggedStruct("StartImplementation", {})
/**
 * @category models
 * @since 0.2.0
 */
export type StartImplementation = typeof StartImplementation.Type
/**
 * Move to the next implementation year (while years remain).
 *
 * @category schemas
 * @since 0.1.0
 */
export const AdvanceYear = Schema.TaggedStruct("AdvanceYear", {})
/**
 * @category models
 * @since 0.2.0
 */
export type AdvanceYear = typeof AdvanceYear.Type
/**
 * Conclude: results presented (from the last implementation year). Against the stores
 * (`Partnerships.execute`, `ResultsConference.concludePresented`) it also needs the final
 * progress report approved (guard `final-report`).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Conclude = Schema.TaggedStruct("Conclude", {})
/**
 * @category models
 * @since 0.2.0
 */
export type Conclude = typeof Conclude.Type
/**
 * Close after conclusion (final report and accounts settled).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Close = Schema.TaggedStruct("Close", {})
/**
 * @category models
 * @since 0.2.0
 */
export type Close = typeof Close.Type
/**
 * Withdraw (from any status before `concluded`).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Withdraw = Schema.TaggedStruct("Withdraw", {})
/**
 * @category models
 * @since 0.2.0
 */
export type Withdraw = typeof Withdraw.Type
/**
 * Reject the interest or application (from `interest-registered` or `applied`).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Reject = Schema.TaggedStruct("Reject", {})
/**
 * @category models
 * @since 0.2.0
 */
export type Reject = typeof Reject.Type
/**
 * Record a decision on a gate (in any status that has not ended). Does not change the status.
 *
 * @category schemas
 * @since 0.1.0
 */
export const RecordDecision = Schema.TaggedStruct("RecordDecision", { decision: Partnership.Decision })
/**
 * @category models
 * @since 0.2.0
 */
export type RecordDecision = typeof RecordDecision.Type

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
 * A lifecycle command as plain data, ids as plain strings: what {@link Partnerships.execute}
 * takes (`{ _tag: "Admit", network: "mr-2020" }`). It is decoded there, so a bad id is a
 * `ValidationError` naming the field.
 *
 * @category models
 * @since 0.2.0
 */
export type CommandInput = typeof Command.Encoded
/**
 * Every lifecycle command, by name.
 *
 * @category models
 * @since 0.1.0
 */
export type Command =
  | Apply
  | Admit
  | Match
  | StartPreparation
  | StartImplementation
  | AdvanceYear
  | Conclude
  | Close
  | Withdraw
  | Reject
  | RecordDecision

/**
 * The name of a command as recorded in the change log (`Admit`, `Match`, ...).
 *
 * @category models
 * @since 0.1.0
 */
export type CommandName = Command["_tag"]

/**
 * The guards a command can fail: each is the `rule` of a violation in {@link TransitionRefused}.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Guard = Schema.Literals([
  "status",
  "application-assessment",
  "network-in-programme",
  "network-capacity",
  "known-partner",
  "partner-kind",
  "eligible-partner-country",
  "preparation-budget",
  "project-plan-assessment",
  "full-budget",
  "years-remaining",
  "final-year",
  "final-report",
  "decision-evidence"
])
/**
 * @category models
 * @since 0.1.0
 */
export type Guard = typeof Guard.Type

/**
 * A command the lifecycle refused: the partnership (the subject), the command, the status it
 * was in, and every guard that did not hold (each a violation whose `rule` is the guard).
 *
 * @category errors
 * @since 0.1.0
 */
export class TransitionRefused extends Refusal.Refusal<TransitionRefused>()("TransitionRefused", {
  command: Schema.String,
  status: Partnership.Status
}) {}

/**
 * The facts guards need besides the partnership itself: its programme, and for `Admit` the
 * network and how many active partnerships it holds, for `Match` the partner organisation.
 *
 * @category models
 * @since 0.2.0
 */
export interface Facts {
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

// "an approved application assessment": the gate's name in a sentence
const approvedGate = (g: Partnership.Gate) => ({
  sv: `en godkänd ${Partnership.Gate.nameOf(g, "sv").toLowerCase()}`,
  en: `an approved ${Partnership.Gate.nameOf(g, "en").toLowerCase()}`
})

const broken = (field: string, guard: Guard, value: unknown, text: Refusal.Explanation): Refusal.Violation =>
  Refusal.violation(field, guard, value, text)

const gate = (p: Partnership.Partnership, g: Partnership.Gate): Refusal.Violation | undefined => {
  const d = Partnership.latestDecision(p, g)
  if (d?.outcome === "approved") return undefined
  const name = approvedGate(g)
  return broken(
    "decisions",
    g,
    d === undefined ? undefined : `${d.outcome} ${d.date}`,
    d === undefined
      ? { sv: `Det saknas ${name.sv}: inget beslut är registrerat.`, en: `Missing ${name.en}: no decision is recorded.` }
      : {
        sv: `Det saknas ${name.sv}: senaste beslutet (${d.date}) var avslag.${d.note ? ` ${LocalizedText.text(d.note, "sv")}` : ""}`,
        en: `Missing ${name.en}: the latest decision (${d.date}) was a refusal.${d.note ? ` ${LocalizedText.text(d.note, "en")}` : ""}`
      }
  )
}

const statusViolation = (p: Partnership.Partnership, command: CommandName): Refusal.Violation => {
  const from = allowedFrom[command]
  const names = (lang: LocalizedText.Lang) => from.map((s) => Partnership.Status.nameOf(s, lang)).join(", ")
  return broken("status", "status", p.status, {
    sv: `${command} kan bara göras från: ${names("sv")}; partnerskapet är i läget ${Partnership.Status.nameOf(p.status, "sv")}.`,
    en: `${command} is allowed only from: ${names("en")}; the partnership is ${Partnership.Status.nameOf(p.status, "en")}.`
  })
}

const countryName = (code: Country.CountryCode) => `${Country.name(code)} (${code})`

const guardViolations = (p: Partnership.Partnership, command: Command, facts: Facts): Array<Refusal.Violation> => {
  const violations: Array<Refusal.Violation> = []
  const push = (v: Refusal.Violation | undefined) => {
    if (v !== undefined) violations.push(v)
  }
  switch (command._tag) {
    case "Admit": {
      push(gate(p, "application-assessment"))
      const n = facts.network
      if (n === undefined || n.id !== command.network || n.programme !== p.programme) {
        push(broken("network", "network-in-programme", command.network, {
          sv: `Nätverket ${command.network} finns inte i programmet ${p.programme}.`,
          en: `Network ${command.network} is not part of programme ${p.programme}.`
        }))
      } else if ((facts.networkMembers ?? 0) >= facts.programme.networkSize.max) {
        push(broken("network", "network-capacity", command.network, {
          sv: `Nätverket ${n.id} är fullt (${facts.programme.networkSize.max} partnerskap).`,
          en: `Network ${n.id} is full (${facts.programme.networkSize.max} partnerships).`
        }))
      }
      break
    }
    case "Match": {
      const org = facts.internationalPartner
      if (org === undefined || org.id !== command.internationalPartner) {
        push(broken("internationalPartner", "known-partner", command.internationalPartner, {
          sv: `Organisationen ${command.internationalPartner} är okänd.`,
          en: `Organisation ${command.internationalPartner} is unknown.`
        }))
        break
      }
      if (org.kind !== "international-municipality") {
        push(broken("internationalPartner", "partner-kind", org.kind, {
          sv: `${org.id} är inte en internationell kommun (typ: ${org.kind}).`,
          en: `${org.id} is not an international municipality (kind: ${org.kind}).`
        }))
      }
      const eligible = facts.programme.eligiblePartnerCountries
      if (!eligible.includes(org.country)) {
        const list = eligible.map(countryName).join(", ")
        push(broken("internationalPartner", "eligible-partner-country", org.country, {
          sv: `${org.id} ligger i ${countryName(org.country)}; programmet ${facts.programme.id} tillåter partner i ${list}.`,
          en: `${org.id} is in ${countryName(org.country)}; programme ${facts.programme.id} allows partners in ${list}.`
        }))
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
      const years = facts.programme.phases.implementationYears
      if ((p.implementationYear ?? 1) >= years) {
        push(broken("implementationYear", "years-remaining", p.implementationYear ?? 1, {
          sv: `Partnerskapet är redan i sista genomförandeåret (${years}).`,
          en: `The partnership is already in its last implementation year (${years}).`
        }))
      }
      break
    }
    case "Conclude": {
      const years = facts.programme.phases.implementationYears
      if ((p.implementationYear ?? 1) < years) {
        push(broken("implementationYear", "final-year", p.implementationYear ?? 1, {
          sv: `Resultat redovisas i sista genomförandeåret (${years}); partnerskapet är i år ${p.implementationYear ?? 1}.`,
          en: `Results are presented in the last implementation year (${years}); the partnership is in year ${p.implementationYear ?? 1}.`
        }))
      }
      break
    }
    default:
      break
  }
  return violations
}

const next = (p: Partnership.Partnership, command: Command, facts: Facts): Partnership.Partnership => {
  // checks off: `apply` checks the invariants of the result itself and refuses, never throws
  const with_ = (fields: Partial<Partnership.Partnership>) => new Partnership.Partnership({ ...p, ...fields }, { disableChecks: true })
  switch (command._tag) {
    case "Apply":
      return with_({ status: "applied" })
    case "Admit":
      return with_({ status: "admitted", network: command.network })
    case "Match":
      return with_({
        status: "matched",
        internationalPartner: command.internationalPartner,
        partnerCountry: facts.internationalPartner!.country
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
 * Applies a command: the next partnership (same version: the store raises it), or a
 * {@link TransitionRefused} with every guard that did not hold.
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
  facts: Facts
): Result.Result<Partnership.Partnership, TransitionRefused> => {
  const violations = allowedFrom[command._tag].includes(p.status)
    ? guardViolations(p, command, facts)
    : [statusViolation(p, command._tag)]
  const refused = (violations: readonly [Refusal.Violation, ...Array<Refusal.Violation>]) =>
    Result.fail(new TransitionRefused({ subject: { kind: "partnership", id: p.id }, violations, command: command._tag, status: p.status }))
  if (Arr.isArrayNonEmpty(violations)) return refused(violations)
  const result = next(p, command, facts)
  // a command never leaves a state the lifecycle could not have reached (a refusal recorded on
  // a gate already passed, say)
  const broken = Partnership.invariants(result).map((b) => Refusal.violation(Validation.formatPath(b.path), b.rule, b.value, b.text))
  return Arr.isArrayNonEmpty(broken) ? refused(broken) : Result.succeed(result)
}
