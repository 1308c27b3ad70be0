/**
 * Organisations that take part in programmes: Swedish municipalities and regions, their
 * international partners, universities, civil society, agencies (ICLD, SKR, RWI), national
 * government and associations.
 *
 * @module
 * @group Partnership
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Version } from "../ChangeLog.ts"
import { CountryCode } from "../Country.ts"
import { OrganisationId } from "../Ids.ts"
import { LocalizedText } from "../LocalizedText.ts"
import * as EntityStore from "../store/EntityStore.ts"

/**
 * What kind of organisation it is.
 *
 * @category schemas
 * @since 0.1.0
 */
export const OrganisationKind = Schema.Literals([
  "municipality",
  "region",
  "international-municipality",
  "university",
  "civil-society",
  "agency",
  "national-government",
  "association"
])
/**
 * @category models
 * @since 0.1.0
 */
export type OrganisationKind = typeof OrganisationKind.Type

/**
 * A contact person. **Personal data**: never part of public pages or open-data exports; use
 * {@link toPublic} before publishing an organisation.
 *
 * @category schemas
 * @since 0.1.0
 */
export const ContactPerson = Schema.Struct({
  name: Schema.String.check(Schema.isNonEmpty()),
  role: Schema.optionalKey(LocalizedText),
  email: Schema.optionalKey(Schema.String.check(Schema.isPattern(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { message: "Expected an e-mail address" }))),
  phone: Schema.optionalKey(Schema.String.check(Schema.isPattern(/^\+?[0-9 ()-]{5,20}$/, { message: "Expected a phone number" })))
}).annotate({ personalData: true, description: "Personal data: never published" })
/**
 * @category models
 * @since 0.1.0
 */
export type ContactPerson = typeof ContactPerson.Type

/**
 * Identifiers an organisation is known by: the four-digit Swedish municipality code (SCB
 * *kommunkod*, `1281` for Lund), the Swedish organisation number (`212000-1124`), and an IATI
 * organisation identifier.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Identifiers = Schema.Struct({
  municipalityCode: Schema.optionalKey(
    Schema.String.check(Schema.isPattern(/^\d{4}$/, { message: "Expected a four-digit Swedish municipality code" }))
  ),
  organisationNumber: Schema.optionalKey(
    Schema.String.check(Schema.isPattern(/^\d{6}-\d{4}$/, { message: "Expected a Swedish organisation number NNNNNN-NNNN" }))
  ),
  iati: Schema.optionalKey(
    Schema.String.check(Schema.isPattern(/^[A-Za-z0-9-]+-[^\s/&|?]+$/, { message: "Expected an IATI organisation identifier (AGENCY-ID)" }))
  )
})
/**
 * @category models
 * @since 0.1.0
 */
export type Identifiers = typeof Identifiers.Type

/**
 * An organisation.
 *
 * @category schemas
 * @since 0.1.0
 */
export class Organisation extends Schema.Class<Organisation>("@localrights/core/Organisation")({
  id: OrganisationId,
  kind: OrganisationKind,
  name: LocalizedText,
  country: CountryCode,
  identifiers: Identifiers,
  contacts: Schema.Array(ContactPerson),
  version: Version
}) {}

/**
 * The organisation without its contact persons: what public output may show.
 *
 * @category rules
 * @since 0.1.0
 */
export const toPublic = (org: Organisation): Organisation =>
  org.contacts.length === 0 ? org : new Organisation({ ...org, contacts: [] })

/**
 * Whether an organisation of this kind is Swedish local government (a municipality or a region).
 *
 * @category guards
 * @since 0.1.0
 */
export const isSwedishLocalGovernment = (org: Organisation): boolean =>
  (org.kind === "municipality" || org.kind === "region") && org.country === "SE"

/**
 * The store of organisations, with versions and change log: `Store.layer` derives it from the
 * document store (`Stores.layer` includes it); an adapter may provide it directly.
 *
 * @category services
 * @since 0.2.0
 */
export class Store extends EntityStore.Service<Store>()("organisation", Organisation) {}
