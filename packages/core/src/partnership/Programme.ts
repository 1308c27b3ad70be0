/**
 * A programme: the frame an organiser runs partnerships in (phases, who may take part, which
 * partner countries, network size, focus areas, funding rules and assessment criteria).
 *
 * @module
 * @group Partnership
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Version } from "../ChangeLog.ts"
import * as Construct from "../Construct.ts"
import * as Enumeration from "../Enumeration.ts"
import { CalendarDate } from "../CalendarDate.ts"
import { CountryCode } from "../Country.ts"
import { CriteriaFrameworkId, FundingRuleSetId, OrganisationId, ProgrammeId } from "../Ids.ts"
import { LocalizedText } from "../LocalizedText.ts"
import { OrganisationKind } from "./Organisation.ts"
import * as EntityStore from "../store/EntityStore.ts"
import * as Validation from "../Validation.ts"

/**
 * The functional areas a municipality may choose to integrate human rights into.
 *
 * @category schemas
 * @since 0.1.0
 */
export const FocusArea = Enumeration.make({
  "accessibility": { sv: "Tillgänglighet", en: "Accessibility" },
  "gender-equality": { sv: "Jämställdhet", en: "Gender equality" },
  "culture": { sv: "Kultur", en: "Culture" },
  "young-people": { sv: "Inkludering av unga", en: "Inclusion of young people" },
  "minorities": { sv: "Minoriteter", en: "Minorities" },
  "technical-administration": { sv: "Tekniska förvaltningsområden", en: "Technical administration" }
})
/**
 * @category models
 * @since 0.1.0
 */
export type FocusArea = typeof FocusArea.Type

/**
 * What kind of programme it is.
 *
 * @category schemas
 * @since 0.1.0
 */
export const ProgrammeKind = Enumeration.make({
  "municipal-partnership": { sv: "Kommunala partnerskap", en: "Municipal partnerships" },
  "training-programme": { sv: "Utbildningsprogram", en: "Training programme" },
  "agreement": { sv: "Överenskommelse", en: "Agreement" },
  "other": { sv: "Övrigt", en: "Other" }
})
/**
 * @category models
 * @since 0.1.0
 */
export type ProgrammeKind = typeof ProgrammeKind.Type

/**
 * Phases: one preparation year, then implementation years (three in the ICLD programme).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Phases = Schema.Struct({
  preparationYears: Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 5 })),
  implementationYears: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 10 }))
})
/**
 * @category models
 * @since 0.1.0
 */
export type Phases = typeof Phases.Type

/**
 * How many partnerships a network holds.
 *
 * @category schemas
 * @since 0.1.0
 */
export const NetworkSize = Schema.Struct({
  min: Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)),
  max: Schema.Int.check(Schema.isGreaterThanOrEqualTo(1))
}).check(Schema.makeFilter((s) => s.min <= s.max, Validation.message({
  sv: "Förväntade att min är högst max",
  en: "Expected min to be at most max"
}, "min-at-most-max")))

/**
 * A programme.
 *
 * **Details**
 *
 * `fundingRuleSet` and `criteriaFrameworks` are typed references to data defined by the funding
 * and assessment modules; the lifecycle never treats a missing rule as passed.
 *
 * @category schemas
 * @since 0.1.0
 */
export class Programme extends Schema.Class<Programme>("@localrights/core/Programme")({
  id: ProgrammeId,
  organiser: OrganisationId,
  kind: ProgrammeKind,
  name: LocalizedText,
  description: Schema.optionalKey(LocalizedText),
  announced: Schema.optionalKey(CalendarDate),
  phases: Phases,
  eligibleSwedishPartnerKinds: Schema.Array(OrganisationKind),
  eligiblePartnerCountries: Schema.Array(CountryCode),
  associateKinds: Schema.Array(OrganisationKind),
  networkSize: NetworkSize,
  focusAreas: Schema.Array(FocusArea),
  fundingRuleSet: Schema.optionalKey(FundingRuleSetId),
  criteriaFrameworks: Schema.Array(CriteriaFrameworkId),
  version: Version
}) {}

/**
 * A programme from plain values, at version 0 (not yet stored); no associate kinds, focus
 * areas or criteria frameworks unless given.
 *
 * @example
 * ```ts
 * import { Programme } from "@localrights/core"
 * const programme = Programme.make({
 *   id: "icld-mr-2020",
 *   organiser: "icld",
 *   kind: "municipal-partnership",
 *   name: { sv: "Kommunala partnerskap för mänskliga rättigheter", en: "Municipal Partnerships for Human Rights" },
 *   phases: { preparationYears: 1, implementationYears: 3 },
 *   eligibleSwedishPartnerKinds: ["municipality", "region"],
 *   eligiblePartnerCountries: ["ZA", "BW", "ZM"],
 *   networkSize: { min: 3, max: 8 },
 *   fundingRuleSet: "icld-mr-2020"
 * })
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const make = Construct.make(Programme, "Programme", { associateKinds: [], focusAreas: [], criteriaFrameworks: [] })

/**
 * A programme from untrusted input (JSON), with the defaults of {@link make}.
 *
 * @category constructors
 * @since 0.2.0
 */
export const decode = Construct.decode(make)

/**
 * The store of programmes, with versions and change log: `Store.layer` derives it from the
 * document store (`Stores.layer` includes it); an adapter may provide it directly.
 *
 * @category services
 * @since 0.2.0
 */
export class Store extends EntityStore.Service<Store>()("programme", Programme) {}
