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
import * as Construct from "../Construct.ts"
import * as Enumeration from "../Enumeration.ts"
import { CountryCode } from "../Country.ts"
import { OrganisationId } from "../Ids.ts"
import { LocalizedText } from "../LocalizedText.ts"
import * as EntityStore from "../store/EntityStore.ts"
import * as Validation from "../Validation.ts"

/**
 * What kind of organisation it is.
 *
 * @category schemas
 * @since 0.1.0
 */
export const OrganisationKind = Enumeration.make({
  "municipality": { sv: "Kommun", en: "Municipality" },
  "region": { sv: "Region", en: "Region" },
  "international-municipality": { sv: "Internationell kommun", en: "International municipality" },
  "university": { sv: "Universitet", en: "University" },
  "civil-society": { sv: "Civilsamhällesorganisation", en: "Civil-society organisation" },
  "agency": { sv: "Myndighet eller institut", en: "Agency or institute" },
  "national-government": { sv: "Regering och statsförvaltning", en: "National government" },
  "association": { sv: "Förbund eller förening", en: "Association" }
})
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
  email: Schema.optionalKey(Schema.String.check(Schema.isPattern(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, Validation.message({
    sv: "Förväntade en e-postadress",
    en: "Expected an e-mail address"
  })))),
  phone: Schema.optionalKey(Schema.String.check(Schema.isPattern(/^\+?[0-9 ()-]{5,20}$/, Validation.message({
    sv: "Förväntade ett telefonnummer",
    en: "Expected a phone number"
  }))))
}).annotate({ personalData: true, description: "Personal data: never published" })
/**
 * @category models
 * @since 0.1.0
 */
export type ContactPerson = typeof ContactPerson.Type

/**
 * A contact person from plain values (`{ name: "Anna Andersson", email: "anna@lund.se" }`).
 *
 * @category constructors
 * @since 0.2.0
 */
export const makeContactPerson = Construct.make(ContactPerson, "ContactPerson")

/**
 * A contact person from untrusted input.
 *
 * @category constructors
 * @since 0.2.0
 */
export const decodeContactPerson = Construct.decode(makeContactPerson)

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
    Schema.String.check(Schema.isPattern(/^\d{4}$/, Validation.message({
      sv: "Förväntade en fyrsiffrig svensk kommunkod",
      en: "Expected a four-digit Swedish municipality code"
    })))
  ),
  organisationNumber: Schema.optionalKey(
    Schema.String.check(Schema.isPattern(/^\d{6}-\d{4}$/, Validation.message({
      sv: "Förväntade ett svenskt organisationsnummer NNNNNN-NNNN",
      en: "Expected a Swedish organisation number NNNNNN-NNNN"
    })))
  ),
  iati: Schema.optionalKey(
    Schema.String.check(Schema.isPattern(/^[A-Za-z0-9-]+-[^\s/&|?]+$/, Validation.message({
      sv: "Förväntade en IATI-organisationsidentifierare (AGENCY-ID)",
      en: "Expected an IATI organisation identifier (AGENCY-ID)"
    })))
  )
})
/**
 * @category models
 * @since 0.1.0
 */
export type Identifiers = typeof Identifiers.Type

/**
 * Identifiers from plain values (`{ municipalityCode: "1281" }`).
 *
 * @category constructors
 * @since 0.2.0
 */
export const makeIdentifiers = Construct.make(Identifiers, "Identifiers")

/**
 * Identifiers from untrusted input.
 *
 * @category constructors
 * @since 0.2.0
 */
export const decodeIdentifiers = Construct.decode(makeIdentifiers)

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
 * An organisation from plain values, at version 0 (not yet stored); no identifiers or contact
 * persons unless given.
 *
 * @example
 * ```ts
 * import { Organisation } from "@localrights/core"
 * const francistown = Organisation.make({
 *   id: "francistown",
 *   kind: "international-municipality",
 *   name: { en: "Francistown City Council" },
 *   country: "BW"
 * })
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const make = Construct.make(Organisation, "Organisation", { identifiers: {}, contacts: [] })

/**
 * An organisation from untrusted input (JSON), with the defaults of {@link make}.
 *
 * @category constructors
 * @since 0.2.0
 */
export const decode = Construct.decode(make)

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
