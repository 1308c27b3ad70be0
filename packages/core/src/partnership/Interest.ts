/**
 * The expression of interest (intresseanmälan) that opens a partnership: a municipality or
 * region, a contact person, its most pressing local challenge, a preferred focus area, and
 * consent to store the contact's personal data. {@link submit} stores the expression and
 * registers the partnership in the `interest-registered` state.
 *
 * **Details**
 *
 * One organisation expresses interest in one programme once: a second expression is refused
 * with {@link DuplicateExpression}, found through the partnership store (the organisation may
 * already take part under another partnership id). The contact person is personal data and is
 * kept in the expression only, never copied into the partnership or the organisation.
 *
 * @module
 * @group Partnership
 * @since 0.1.0
 */
import { Effect, Option, Schema } from "effect"
import type * as ChangeLog from "../ChangeLog.ts"
import { NotFound, StoreError } from "../store/DocumentStore.ts"
import { CalendarDate, today } from "../CalendarDate.ts"
import { Version } from "../ChangeLog.ts"
import * as Construct from "../Construct.ts"
import * as EntityStore from "../store/EntityStore.ts"
import { ExpressionId, OrganisationId, PartnershipId, ProgrammeId } from "../Ids.ts"
import * as LocalizedText from "../LocalizedText.ts"
import * as Refusal from "../Refusal.ts"
import { ContactPerson, make as makeOrganisation } from "./Organisation.ts"
import { Store as OrganisationStore } from "./Organisation.ts"
import * as Partnership from "./Partnership.ts"
import { Store as PartnershipStore } from "./Partnership.ts"
import { FocusArea } from "./Programme.ts"
import { Store as ProgrammeStore } from "./Programme.ts"
import * as Validation from "../Validation.ts"
import * as Partnerships from "./Partnerships.ts"

/**
 * The municipality or region expressing interest, as the form names it.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Applicant = Schema.Struct({
  id: OrganisationId,
  kind: Schema.Literals(["municipality", "region"]),
  name: LocalizedText.LocalizedText,
  municipalityCode: Schema.optionalKey(
    Schema.String.check(Schema.isPattern(/^\d{4}$/, Validation.message({
      sv: "Förväntade en fyrsiffrig svensk kommunkod",
      en: "Expected a four-digit Swedish municipality code"
    })))
  )
})

/**
 * The form: programme, applicant, contact person, most pressing local challenge, preferred
 * focus area, and consent to store personal data (must be `true`).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Form = Schema.Struct({
  programme: ProgrammeId,
  applicant: Applicant,
  contact: ContactPerson,
  challenge: LocalizedText.LocalizedText,
  focusArea: FocusArea,
  consent: Schema.Boolean.check(
    Schema.makeFilter((b) => b, Validation.message({
      sv: "Samtycke till att personuppgifter lagras krävs",
      en: "Consent to store personal data is required"
    }, "consent"))
  )
})
/**
 * @category models
 * @since 0.1.0
 */
export type Form = typeof Form.Type

/**
 * Labels of the form's fields in both languages, for building the form.
 *
 * @category rendering
 * @since 0.1.0
 */
export const labels: Readonly<Record<keyof Form, LocalizedText.LocalizedText>> = {
  programme: { sv: "Program", en: "Programme" },
  applicant: { sv: "Kommun eller region", en: "Municipality or region" },
  contact: { sv: "Kontaktperson", en: "Contact person" },
  challenge: { sv: "Mest angelägna lokala utmaning", en: "Most pressing local challenge" },
  focusArea: { sv: "Önskat fokusområde", en: "Preferred focus area" },
  consent: {
    sv: "Jag samtycker till att mina personuppgifter lagras för att handlägga intresseanmälan",
    en: "I consent to my personal data being stored to handle the expression of interest"
  }
}

/**
 * A stored expression of interest. The contact is personal data.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Expression = Schema.Struct({
  id: ExpressionId,
  programme: ProgrammeId,
  organisation: OrganisationId,
  partnership: PartnershipId,
  /** Absent after erasure (`PersonalData.erase`). */
  contact: Schema.optionalKey(ContactPerson),
  /** The day the contact person was erased, if so. */
  contactErased: Schema.optionalKey(CalendarDate),
  challenge: LocalizedText.LocalizedText,
  focusArea: FocusArea,
  /** The day the form was submitted with consent. */
  submitted: CalendarDate,
  version: Version
})
/**
 * @category models
 * @since 0.1.0
 */
export type Expression = typeof Expression.Type

/**
 * The store of expressions of interest (intresseanmälningar), with versions and change log: `Store.layer` derives it from the
 * document store (`Stores.layer` includes it); an adapter may provide it directly.
 *
 * @category services
 * @since 0.2.0
 */
export class Store extends EntityStore.Service<Store>()("interest-expression", Expression) {}


/**
 * The organisation has already expressed interest in (or takes part in) the programme.
 *
 * @category errors
 * @since 0.1.0
 */
export class DuplicateExpression extends Refusal.Refusal<DuplicateExpression>()("DuplicateExpression", {
  /** The partnership (or expression) that already exists for the organisation and programme. */
  existing: Schema.String
}) {}

/**
 * A form from plain values; a missing consent fails with a `ValidationError` at `consent`.
 *
 * @category constructors
 * @since 0.2.0
 */
export const makeForm = Construct.make(Form, "InterestForm")

/**
 * Decodes an untrusted form (what {@link submit} does first); a missing consent fails with a
 * `ValidationError` at `consent`.
 *
 * @category constructors
 * @since 0.2.0
 */
export const decodeForm = Construct.decode(makeForm)

/**
 * An expression of interest from plain values, at version 0 (not yet stored).
 *
 * @category constructors
 * @since 0.2.0
 */
export const makeExpression = Construct.make(Expression, "InterestExpression")

/**
 * An expression of interest from untrusted input (JSON).
 *
 * @category constructors
 * @since 0.2.0
 */
export const decodeExpression = Construct.decode(makeExpression)

const duplicate = (form: Form, existing: string) =>
  new DuplicateExpression({
    subject: { kind: "InterestForm", id: form.applicant.id },
    violations: [Refusal.violation("applicant.id", "one-expression-per-programme", form.applicant.id, {
      sv: `${LocalizedText.text(form.applicant.name, "sv")} har redan anmält intresse för programmet ${form.programme} (${existing}).`,
      en: `${LocalizedText.text(form.applicant.name, "en")} has already expressed interest in programme ${form.programme} (${existing}).`
    })],
    existing
  })

/**
 * The partnership of `organisation` in `programme`, if any (any status): one catalogue query
 * on both (`Catalogue.Query.swedishPartner`, answered from an index by the SQL stores) for
 * one item.
 *
 * @category services
 * @since 0.1.0
 */
export const existingPartnership = Effect.fn("Interest.existingPartnership")(function*(
  organisation: string,
  programme: string
): Effect.fn.Return<Option.Option<Partnership.Partnership>, StoreError, PartnershipStore> {
  const page = yield* (yield* PartnershipStore).search({
    programme: programme as ProgrammeId,
    swedishPartner: organisation as OrganisationId,
    limit: 1
  })
  return Option.fromUndefinedOr(page.items[0])
})

/**
 * Submits a form: decodes it, refuses a second expression from the same organisation for the
 * same programme, stores the organisation when it is new (without contacts), registers the
 * partnership as `interest-registered` through {@link Partnerships.register}, and stores the
 * expression with its contact person.
 *
 * @category services
 * @since 0.1.0
 */
export const submit = Effect.fn("Interest.submit")(function*(
  input: unknown,
  change: ChangeLog.Change
): Effect.fn.Return<
  { readonly expression: Expression; readonly partnership: Partnership.Partnership },
  Validation.ValidationError | DuplicateExpression | Partnership.PartnershipInvalid | NotFound | StoreError,
  PartnershipStore | ProgrammeStore | OrganisationStore | Store
> {
  const form = yield* decodeForm(input)
  yield* (yield* ProgrammeStore).get(form.programme)
  const existing = yield* existingPartnership(form.applicant.id, form.programme)
  if (Option.isSome(existing)) return yield* duplicate(form, existing.value.id)

  const organisations = yield* OrganisationStore
  if (Option.isNone(yield* organisations.find(form.applicant.id))) {
    const org = yield* makeOrganisation({
      id: form.applicant.id,
      kind: form.applicant.kind,
      name: form.applicant.name,
      country: "SE",
      ...(form.applicant.municipalityCode !== undefined ? { identifiers: { municipalityCode: form.applicant.municipalityCode } } : {})
    })
    yield* organisations.create(org, change).pipe(
      Effect.catchTag("VersionConflict", () => Effect.void)
    )
  }

  const id = `${form.applicant.id}-${form.programme}`.slice(0, 128)
  const name = form.applicant.name
  const partnership = yield* Partnerships.register(
    yield* Partnership.make({
      id,
      programme: form.programme,
      title: {
        sv: `${LocalizedText.text(name, "sv")}: intresseanmälan`,
        en: `${LocalizedText.text(name, "en")}: expression of interest`
      },
      swedishPartner: form.applicant.id,
      focusAreas: [form.focusArea]
    }),
    change
  ).pipe(Effect.catchTag("VersionConflict", (): Effect.Effect<never, DuplicateExpression> => Effect.fail(duplicate(form, id))))

  const submitted = yield* today
  const expression = yield* (yield* Store).create(yield* makeExpression({
    id,
    programme: form.programme,
    organisation: form.applicant.id,
    partnership: partnership.id,
    contact: form.contact,
    challenge: form.challenge,
    focusArea: form.focusArea,
    submitted
  }), change, { command: "SubmitInterest" }).pipe(
    Effect.catchTag("VersionConflict", (): Effect.Effect<never, DuplicateExpression> => Effect.fail(duplicate(form, id)))
  )
  return { expression, partnership }
})
