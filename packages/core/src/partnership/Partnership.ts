/**
 * A partnership: a Swedish municipality or region paired with an international partner inside a
 * programme, with its network, project area, theme, focus areas, SDG tags, lifecycle status and
 * the decisions that open its gates.
 *
 * @module
 * @group Partnership
 * @since 0.1.0
 */
import { Context, type Effect, Schema } from "effect"
import type * as Catalogue from "./Catalogue.ts"
import type * as EntityStore from "../store/EntityStore.ts"
import type { StoreError, VersionConflict } from "../store/DocumentStore.ts"
import type * as ChangeLog from "../ChangeLog.ts"
import { Version } from "../ChangeLog.ts"
import * as Construct from "../Construct.ts"
import * as Enumeration from "../Enumeration.ts"
import { CalendarDate } from "../CalendarDate.ts"
import { CountryCode } from "../Country.ts"
import {
  ActorId,
  AssessmentId,
  BudgetId,
  CriteriaFrameworkId,
  FundingRuleSetId,
  NetworkId,
  OrganisationId,
  PartnershipId,
  ProgrammeId
} from "../Ids.ts"
import { LocalizedText } from "../LocalizedText.ts"
import { FocusArea } from "./Programme.ts"
import * as Refusal from "../Refusal.ts"
import * as Sdg from "../Sdg.ts"
import * as Validation from "../Validation.ts"

/**
 * Lifecycle status. The path is interest-registered → applied → admitted → matched →
 * preparation → implementation (years 1..n) → concluded → closed; `withdrawn` and `rejected` end
 * it early. `Status.nameOf(status, lang)` names a status.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Status = Enumeration.make({
  "interest-registered": { sv: "Intresseanmälan registrerad", en: "Interest registered" },
  "applied": { sv: "Ansökan inlämnad", en: "Applied" },
  "admitted": { sv: "Antagen till nätverket", en: "Admitted to the network" },
  "matched": { sv: "Matchad med partner", en: "Matched with a partner" },
  "preparation": { sv: "Förberedelseår", en: "Preparation year" },
  "implementation": { sv: "Genomförande", en: "Implementation" },
  "concluded": { sv: "Avslutad, resultat redovisade", en: "Concluded, results presented" },
  "closed": { sv: "Stängd", en: "Closed" },
  "withdrawn": { sv: "Återkallad", en: "Withdrawn" },
  "rejected": { sv: "Avslagen", en: "Rejected" }
})
/**
 * @category models
 * @since 0.1.0
 */
export type Status = typeof Status.Type

/**
 * The gates that a later decision opens: an approved application assessment (for admission),
 * an approved preparation budget (for the preparation year), an approved project-plan
 * assessment and full budget (for implementation).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Gate = Enumeration.make({
  "application-assessment": { sv: "Bedömning av ansökan", en: "Application assessment" },
  "preparation-budget": { sv: "Budget för förberedelseåret", en: "Preparation-year budget" },
  "project-plan-assessment": { sv: "Bedömning av projektplanen", en: "Project-plan assessment" },
  "full-budget": { sv: "Budget för hela projektet", en: "Full project budget" }
})
/**
 * @category models
 * @since 0.1.0
 */
export type Gate = typeof Gate.Type

/**
 * The outcome of a decision on a gate.
 *
 * @category schemas
 * @since 0.2.0
 */
export const Outcome = Enumeration.make({
  approved: { sv: "Godkänt", en: "Approved" },
  refused: { sv: "Avslag", en: "Refused" }
})
/**
 * @category models
 * @since 0.2.0
 */
export type Outcome = typeof Outcome.Type

/**
 * What a decision rests on, which the step that records it has re-read and checked:
 *
 * - `Assessments`: the consolidated assessments of a stage (their ids), the framework version
 *   they were made with, and the verdict they reached (`Assessments.recordDecision`).
 * - `BudgetEvaluation`: the budget (id and version), the funding rule set (id and revision)
 *   and whether the evaluation passed, with its number of violations (`Budgets.decide`).
 * - `Override`: no evidence behind it, an explicit decision with a justification
 *   (`Partnerships.overrideDecision`), shown as such in the history.
 *
 * @category schemas
 * @since 0.2.0
 */
export const Evidence = Schema.Union([
  Schema.TaggedStruct("Assessments", {
    framework: Schema.Struct({ id: CriteriaFrameworkId, version: Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)) }),
    assessments: Schema.NonEmptyArray(AssessmentId),
    verdict: Schema.Literals(["pass", "revise", "fail"])
  }),
  Schema.TaggedStruct("BudgetEvaluation", {
    budget: BudgetId,
    budgetVersion: Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)),
    rules: FundingRuleSetId,
    rulesRevision: Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)),
    passed: Schema.Boolean,
    violations: Schema.Int.check(Schema.isGreaterThanOrEqualTo(0))
  }),
  Schema.TaggedStruct("Override", { justification: LocalizedText })
])
/**
 * @category models
 * @since 0.2.0
 */
export type Evidence = typeof Evidence.Type

/**
 * What the evidence of a decision is, in one line per language: `Assessments a-1, a-2 under
 * panel@1: pass`, `Budget lund-prep v2 under icld-mr-2020 r1: passed`, `Override: ...`.
 *
 * @category rendering
 * @since 0.2.0
 */
export const describeEvidence = (e: Evidence): { readonly sv: string; readonly en: string } => {
  switch (e._tag) {
    case "Assessments": {
      const refs = `${e.assessments.join(", ")}; ${e.framework.id}@${e.framework.version}`
      return { sv: `Bedömningar ${refs}: ${e.verdict}`, en: `Assessments ${refs}: ${e.verdict}` }
    }
    case "BudgetEvaluation": {
      const refs = `${e.budget} v${e.budgetVersion}; ${e.rules} r${e.rulesRevision}`
      return e.passed
        ? { sv: `Budget ${refs}: inom reglerna`, en: `Budget ${refs}: within the rules` }
        : { sv: `Budget ${refs}: ${e.violations} avvikelser`, en: `Budget ${refs}: ${e.violations} violations` }
    }
    case "Override":
      return {
        sv: `Åsidosättande: ${e.justification.sv ?? e.justification.en ?? ""}`,
        en: `Override: ${e.justification.en ?? e.justification.sv ?? ""}`
      }
  }
}

const assessmentGates: ReadonlyArray<string> = ["application-assessment", "project-plan-assessment"]

/**
 * A recorded decision on a gate. The latest decision for a gate counts. `evidence` says what
 * it rests on: assessments for an assessment gate, a budget evaluation for a budget gate, or
 * an explicit override; the outcome follows the evidence (approved exactly when the verdict is
 * `pass` or the evaluation passed).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Decision = Schema.Struct({
  gate: Gate,
  outcome: Outcome,
  decidedBy: ActorId,
  date: CalendarDate,
  evidence: Evidence,
  note: Schema.optionalKey(LocalizedText)
}).check(Schema.makeFilter((d) => {
  const e = d.evidence
  if (e._tag === "Override") return undefined
  const forAssessment = assessmentGates.includes(d.gate)
  if ((e._tag === "Assessments") !== forAssessment) {
    return {
      path: ["evidence"],
      issue: Validation.invalid(
        forAssessment
          ? { sv: "Förväntade bedömningar som underlag för ett bedömningsbeslut", en: "Expected assessments as the evidence of an assessment decision" }
          : { sv: "Förväntade en budgetprövning som underlag för ett budgetbeslut", en: "Expected a budget evaluation as the evidence of a budget decision" },
        "evidence-for-gate"
      )
    }
  }
  const passed = e._tag === "Assessments" ? e.verdict === "pass" : e.passed
  return passed === (d.outcome === "approved") ? undefined : {
    path: ["outcome"],
    issue: Validation.invalid(
      passed
        ? { sv: "Underlaget godkänner; förväntade utfallet godkänt", en: "The evidence passes; expected the outcome approved" }
        : { sv: "Underlaget godkänner inte; förväntade utfallet avslag", en: "The evidence does not pass; expected the outcome refused" },
      "outcome-follows-evidence"
    )
  }
}))
/**
 * @category models
 * @since 0.1.0
 */
export type Decision = typeof Decision.Type

/**
 * A decision from plain values (`decidedBy: "icld"`, `date: "2020-12-10"`).
 *
 * @category constructors
 * @since 0.2.0
 */
export const makeDecision = Construct.make(Decision, "Decision")

/**
 * A decision from untrusted input.
 *
 * @category constructors
 * @since 0.2.0
 */
export const decodeDecision = Construct.decode(makeDecision)

/**
 * The role of an associate (a university, civil-society organisation or expert body) in a
 * partnership.
 *
 * @category schemas
 * @since 0.1.0
 */
export const AssociateRole = Enumeration.make({
  university: { sv: "Universitet", en: "University" },
  "civil-society": { sv: "Civilsamhälle", en: "Civil society" },
  expert: { sv: "Expertorganisation", en: "Expert organisation" },
  other: { sv: "Övrig", en: "Other" }
})
/**
 * @category models
 * @since 0.2.0
 */
export type AssociateRole = typeof AssociateRole.Type

/**
 * An associate organisation and its role.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Associate = Schema.Struct({
  organisation: OrganisationId,
  role: AssociateRole,
  description: Schema.optionalKey(LocalizedText)
})
/**
 * @category models
 * @since 0.1.0
 */
export type Associate = typeof Associate.Type

/**
 * An associate from plain values (`{ organisation: "lund-university", role: "university" }`).
 *
 * @category constructors
 * @since 0.2.0
 */
export const makeAssociate = Construct.make(Associate, "Associate")

/**
 * An associate from untrusted input.
 *
 * @category constructors
 * @since 0.2.0
 */
export const decodeAssociate = Construct.decode(makeAssociate)

const Fields = Schema.Struct({
  id: PartnershipId,
  programme: ProgrammeId,
  title: LocalizedText,
  swedishPartner: OrganisationId,
  internationalPartner: Schema.optionalKey(OrganisationId),
  partnerCountry: Schema.optionalKey(CountryCode),
  associates: Schema.Array(Associate),
  network: Schema.optionalKey(NetworkId),
  status: Status,
  implementationYear: Schema.optionalKey(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 10 }))),
  projectArea: Schema.optionalKey(LocalizedText),
  theme: Schema.optionalKey(LocalizedText),
  focusAreas: Schema.Array(FocusArea),
  sdgTags: Sdg.Tags,
  description: Schema.optionalKey(LocalizedText),
  goals: Schema.Array(LocalizedText),
  decisions: Schema.Array(Decision),
  version: Version
})

/**
 * A partnership. `version` is set by the store: 1 after creation, one more after every change.
 * Decoding and construction check the {@link invariants}: a record in a status it could not
 * have reached through the lifecycle (`matched` without a partner, `admitted` without an
 * approved application assessment) is refused, naming every broken rule.
 *
 * @category schemas
 * @since 0.1.0
 */
export class Partnership extends Schema.Class<Partnership>("@localrights/core/Partnership")(
  Fields.check(Schema.makeFilter((p) => {
    const broken = invariants(p)
    // no broken rule is a success, as an empty list would be, without building one
    return broken.length === 0 ? undefined : broken.map((v) => ({ path: v.path, issue: Validation.invalid(v.text, v.rule) }))
  }))
) {}

/**
 * The JSON form of a partnership, as stored and exchanged.
 *
 * @category models
 * @since 0.1.0
 */
export type Encoded = typeof Partnership.Encoded

/**
 * A partnership from plain values, at version 0 (not yet stored): in the
 * `interest-registered` state with no decisions, associates, focus areas, SDG tags or goals
 * unless given. Store it with `Partnerships.register`.
 *
 * @example
 * ```ts
 * import { Partnership } from "@localrights/core"
 * const lund = Partnership.make({
 *   id: "lund-francistown",
 *   programme: "icld-mr-2020",
 *   title: { sv: "Lund och Francistown", en: "Lund and Francistown" },
 *   swedishPartner: "lund"
 * })
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const make = Construct.make(Partnership, "Partnership", {
  status: "interest-registered",
  associates: [],
  focusAreas: [],
  sdgTags: [],
  goals: [],
  decisions: []
})

/**
 * A partnership from untrusted input (JSON), with the defaults of {@link make}.
 *
 * @category constructors
 * @since 0.2.0
 */
export const decode = Construct.decode(make)

/**
 * The latest decision recorded for a gate, if any.
 *
 * @category rules
 * @since 0.1.0
 */
export const latestDecision = (p: { readonly decisions: ReadonlyArray<Decision> }, gate: Gate): Decision | undefined => {
  for (let i = p.decisions.length - 1; i >= 0; i--) {
    const d = p.decisions[i]!
    if (d.gate === gate) return d
  }
  return undefined
}

/**
 * How far along the lifecycle's main path a status is: 0 for `interest-registered` up to 7 for
 * `closed`; `withdrawn` and `rejected` (which end the path at different points) have none.
 *
 * @category rules
 * @since 0.2.0
 */
export const progress = (status: Status): number | undefined => {
  const i = mainPath.indexOf(status)
  return i < 0 ? undefined : i
}

/**
 * The lifecycle's main path, from `interest-registered` to `closed`.
 *
 * @category rules
 * @since 0.2.0
 */
export const mainPath: ReadonlyArray<Status> = [
  "interest-registered",
  "applied",
  "admitted",
  "matched",
  "preparation",
  "implementation",
  "concluded",
  "closed"
]

/**
 * The gates a partnership in `status` has passed on the lifecycle's main path, in order: from
 * `admitted` the application assessment, from `preparation` also the preparation budget, from
 * `implementation` also the project-plan assessment and the full budget. None for `withdrawn`
 * and `rejected` (which end the path at different points).
 *
 * @category rules
 * @since 0.2.0
 */
export const gatesPassed = (status: Status): ReadonlyArray<Gate> => {
  const at = progress(status) ?? 0
  return [
    ...(at >= 2 ? ["application-assessment" as const] : []),
    ...(at >= 4 ? ["preparation-budget" as const] : []),
    ...(at >= 5 ? ["project-plan-assessment" as const, "full-budget" as const] : [])
  ]
}

/**
 * One broken invariant of a partnership: the field path, the rule, the value and the
 * explanation in Swedish and English.
 *
 * @category models
 * @since 0.2.0
 */
export interface Broken {
  readonly path: ReadonlyArray<string | number>
  readonly rule: string
  readonly value: unknown
  readonly text: { readonly sv: string; readonly en: string }
}

const statusNames = (status: Status) => ({
  sv: Status.nameOf(status, "sv").toLowerCase(),
  en: Status.nameOf(status, "en").toLowerCase()
})

const gateNeeded = (
  p: { readonly decisions: ReadonlyArray<Decision>; readonly status: Status },
  gate: Gate,
  rule: string
): Broken | undefined => {
  const d = latestDecision(p, gate)
  if (d?.outcome === "approved") return undefined
  const status = statusNames(p.status)
  return {
    path: ["decisions"],
    rule,
    value: d === undefined ? undefined : `${d.outcome} ${d.date}`,
    text: {
      sv: `Läget ${status.sv} kräver ett godkänt beslut om ${Gate.nameOf(gate, "sv").toLowerCase()}${d === undefined ? "; inget beslut finns" : `; det senaste (${d.date}) är avslag`}.`,
      en: `Status ${status.en} needs an approved ${Gate.nameOf(gate, "en").toLowerCase()} decision${d === undefined ? "; there is none" : `; the latest (${d.date}) is a refusal`}.`
    }
  }
}

/**
 * The invariants every stored partnership keeps (pure; no stores): the state must be one the
 * lifecycle can reach.
 *
 * - From `admitted` on: a network (`network-when-admitted`) and an approved application
 *   assessment as the latest decision on that gate (`approved-application-assessment`).
 * - Before `admitted` on the main path, no network (`network-from-admission`: `Admit` sets
 *   it); before `matched`, no international partner (`partner-from-matching`: `Match` sets it).
 * - From `matched` on: an international partner and its country
 *   (`international-partner-when-matched`); a partner country only with a partner
 *   (`partner-country-with-partner`).
 * - From `preparation` on: an approved preparation budget (`approved-preparation-budget`).
 * - From `implementation` on: an approved project-plan assessment and full budget
 *   (`approved-project-plan-assessment`, `approved-full-budget`) and an implementation year;
 *   before it, no implementation year (`implementation-year-when-implementing`).
 * - `rejected`: before admission, so no network, international partner or implementation
 *   year (`rejected-before-admission`).
 *
 * The checks that need other entities (the programme's countries and years, the organisations
 * and network that must exist) are `Integrity.check`.
 *
 * @category rules
 * @since 0.2.0
 */
export const invariants = (p: typeof Fields.Type): ReadonlyArray<Broken> => {
  const out: Array<Broken> = []
  const push = (b: Broken | undefined) => {
    if (b !== undefined) out.push(b)
  }
  const at = progress(p.status)
  const reached = (s: Status) => at !== undefined && at >= mainPath.indexOf(s)
  // the status's names go into the texts of broken rules only: not worked out for a partnership
  // that breaks none (every decode of a valid one runs this)
  let names: { readonly sv: string; readonly en: string } | undefined
  const status = () => (names ??= statusNames(p.status))
  if (reached("admitted")) {
    if (p.network === undefined) {
      out.push({
        path: ["network"],
        rule: "network-when-admitted",
        value: undefined,
        text: { sv: `Läget ${status().sv} kräver ett nätverk.`, en: `Status ${status().en} needs a network.` }
      })
    }
    push(gateNeeded(p, "application-assessment", "approved-application-assessment"))
  }
  if (reached("matched") && (p.internationalPartner === undefined || p.partnerCountry === undefined)) {
    out.push({
      path: [p.internationalPartner === undefined ? "internationalPartner" : "partnerCountry"],
      rule: "international-partner-when-matched",
      value: undefined,
      text: {
        sv: `Läget ${status().sv} kräver en internationell partner och dess land.`,
        en: `Status ${status().en} needs an international partner and its country.`
      }
    })
  }
  // what the commands set comes with them: the network at admission (Admit), the partner at
  // matching (Match); before those statuses on the main path, neither
  if (at !== undefined && !reached("admitted") && p.network !== undefined) {
    out.push({
      path: ["network"],
      rule: "network-from-admission",
      value: p.network,
      text: {
        sv: `Nätverket bestäms vid antagningen; ett partnerskap i läget ${status().sv} har inget.`,
        en: `The network is set at admission; a partnership that is ${status().en} has none.`
      }
    })
  }
  if (at !== undefined && !reached("matched") && p.internationalPartner !== undefined) {
    out.push({
      path: ["internationalPartner"],
      rule: "partner-from-matching",
      value: p.internationalPartner,
      text: {
        sv: `Den internationella partnern bestäms vid matchningen; ett partnerskap i läget ${status().sv} har ingen.`,
        en: `The international partner is set at matching; a partnership that is ${status().en} has none.`
      }
    })
  }
  if (p.partnerCountry !== undefined && p.internationalPartner === undefined && !reached("matched")) {
    out.push({
      path: ["partnerCountry"],
      rule: "partner-country-with-partner",
      value: p.partnerCountry,
      text: { sv: "Ett partnerland anges bara tillsammans med en internationell partner.", en: "A partner country goes only with an international partner." }
    })
  }
  if (reached("preparation")) push(gateNeeded(p, "preparation-budget", "approved-preparation-budget"))
  if (reached("implementation")) {
    push(gateNeeded(p, "project-plan-assessment", "approved-project-plan-assessment"))
    push(gateNeeded(p, "full-budget", "approved-full-budget"))
    if (p.implementationYear === undefined) {
      out.push({
        path: ["implementationYear"],
        rule: "implementation-year-when-implementing",
        value: undefined,
        text: { sv: `Läget ${status().sv} kräver ett genomförandeår.`, en: `Status ${status().en} needs an implementation year.` }
      })
    }
  } else if (at !== undefined && p.implementationYear !== undefined) {
    out.push({
      path: ["implementationYear"],
      rule: "implementation-year-when-implementing",
      value: p.implementationYear,
      text: {
        sv: `Ett genomförandeår finns först från genomförandet; partnerskapet är i läget ${status().sv}.`,
        en: `An implementation year exists only from implementation on; the partnership is ${status().en}.`
      }
    })
  }
  if (p.status === "rejected" && (p.network !== undefined || p.internationalPartner !== undefined || p.implementationYear !== undefined)) {
    const field = p.network !== undefined ? "network" : p.internationalPartner !== undefined ? "internationalPartner" : "implementationYear"
    out.push({
      path: [field],
      rule: "rejected-before-admission",
      value: p.network ?? p.internationalPartner ?? p.implementationYear,
      text: {
        sv: "Ett avslag sker före antagningen: ett avslaget partnerskap har inget nätverk, ingen internationell partner och inget genomförandeår.",
        en: "A rejection comes before admission: a rejected partnership has no network, international partner or implementation year."
      }
    })
  }
  return out
}

/**
 * A partnership write that breaks an invariant ({@link invariants} or `Integrity.check`), or a
 * store write that changes a lifecycle field outside a lifecycle command: every broken rule,
 * each a violation naming the field. Nothing was written.
 *
 * @category errors
 * @since 0.2.0
 */
export class PartnershipInvalid extends Refusal.Refusal<PartnershipInvalid>()("PartnershipInvalid") {}

/**
 * Whether the status ends the partnership (closed, withdrawn or rejected).
 *
 * @category guards
 * @since 0.1.0
 */
export const isTerminal = (status: Status): boolean =>
  status === "closed" || status === "withdrawn" || status === "rejected"

/**
 * IATI ActivityStatus code of a status: 1 pipeline/identification (before the preparation year),
 * 2 implementation (preparation and implementation), 3 finalisation (results presented), 4 closed,
 * 5 cancelled (withdrawn or rejected).
 *
 * @category rules
 * @since 0.1.0
 */
export const iatiActivityStatus = (status: Status): 1 | 2 | 3 | 4 | 5 => {
  switch (status) {
    case "interest-registered":
    case "applied":
    case "admitted":
    case "matched":
      return 1
    case "preparation":
    case "implementation":
      return 2
    case "concluded":
      return 3
    case "closed":
      return 4
    case "withdrawn":
    case "rejected":
      return 5
  }
}

/**
 * The store of partnerships, with versions, change log and catalogue queries. `Stores.layer`
 * derives it from the document store, answering `search` with `Catalogue.run` over every
 * partnership (right for the in-memory store and small data); the SQL adapters answer it with
 * indexes.
 *
 * @category services
 * @since 0.2.0
 */
export class Store extends Context.Service<Store, Omit<EntityStore.EntityStore<Partnership>, "create" | "update" | "ensure"> & {
  /**
   * Stores a new partnership at its first status (`interest-registered`, no decisions), after
   * `Integrity.check`: the programme and organisations exist, the Swedish partner is of a kind
   * the programme accepts, the focus areas are the programme's. Later statuses come only
   * through lifecycle commands (`Partnerships.execute`) or an import.
   */
  readonly create: (
    value: Partnership,
    change: ChangeLog.Change,
    recorded?: EntityStore.Recorded
  ) => Effect.Effect<Partnership, PartnershipInvalid | VersionConflict | StoreError>
  /**
   * Stores a change to the descriptive fields (title, description, theme, goals, SDG tags,
   * ...). The lifecycle fields (status, decisions, network, partners, implementation year,
   * programme) change only through lifecycle commands: a change to one is refused with
   * `PartnershipInvalid` (rule `lifecycle-field`).
   */
  readonly update: (
    value: Partnership,
    change: ChangeLog.Update
  ) => Effect.Effect<Partnership, PartnershipInvalid | VersionConflict | StoreError>
  /** `create` when the id is not stored; the stored partnership when it is the same; `EnsureRefused` otherwise. */
  readonly ensure: (
    value: Partnership,
    change: ChangeLog.Change
  ) => Effect.Effect<Partnership, PartnershipInvalid | EntityStore.EnsureRefused | StoreError>
  /** One page of the catalogue: filters, free text, sort, cursor and facets. */
  readonly search: (query: Catalogue.Query) => Effect.Effect<Catalogue.Page, StoreError>
}>()("@localrights/core/store/partnership") {}
