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
import type { EntityStore } from "../store/EntityStore.ts"
import type { StoreError } from "../store/DocumentStore.ts"
import { Version } from "../ChangeLog.ts"
import * as Construct from "../Construct.ts"
import * as Enumeration from "../Enumeration.ts"
import { CalendarDate } from "../CalendarDate.ts"
import { CountryCode } from "../Country.ts"
import { ActorId, NetworkId, OrganisationId, PartnershipId, ProgrammeId } from "../Ids.ts"
import { LocalizedText } from "../LocalizedText.ts"
import { FocusArea } from "./Programme.ts"
import * as Sdg from "../Sdg.ts"

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
 * A recorded decision on a gate. The latest decision for a gate counts. `reference` points at
 * what the decision rests on (an assessment id, a budget evaluation).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Decision = Schema.Struct({
  gate: Gate,
  outcome: Outcome,
  decidedBy: ActorId,
  date: CalendarDate,
  reference: Schema.optionalKey(Schema.String.check(Schema.isNonEmpty())),
  note: Schema.optionalKey(LocalizedText)
})
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

/**
 * A partnership. `version` is set by the store: 1 after creation, one more after every change.
 *
 * @category schemas
 * @since 0.1.0
 */
export class Partnership extends Schema.Class<Partnership>("@localrights/core/Partnership")({
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
}) {}

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
export const latestDecision = (p: Partnership, gate: Gate): Decision | undefined => {
  for (let i = p.decisions.length - 1; i >= 0; i--) {
    const d = p.decisions[i]!
    if (d.gate === gate) return d
  }
  return undefined
}

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
export class Store extends Context.Service<Store, EntityStore<Partnership> & {
  /** One page of the catalogue: filters, free text, sort, cursor and facets. */
  readonly search: (query: Catalogue.Query) => Effect.Effect<Catalogue.Page, StoreError>
}>()("@localrights/core/store/partnership") {}
