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
import { Clock, Effect, Option, Schema } from "effect"
import type * as ChangeLog from "../ChangeLog.ts"
import type { CountryCode } from "../Country.ts"
import { NotFound, StoreError, VersionConflict } from "../store/DocumentStore.ts"
import { CalendarDate } from "../CalendarDate.ts"
import { Version } from "../ChangeLog.ts"
import * as EntityStore from "../store/EntityStore.ts"
import { ExpressionId, OrganisationId, PartnershipId, ProgrammeId } from "../Ids.ts"
import * as LocalizedText from "../LocalizedText.ts"
import { ContactPerson, Organisation } from "./Organisation.ts"
import { Store as OrganisationStore } from "./Organisation.ts"
import * as Partnership from "./Partnership.ts"
import { Store as PartnershipStore } from "./Partnership.ts"
import { FocusArea } from "./Programme.ts"
import { Store as ProgrammeStore } from "./Programme.ts"
import * as EventTime from "../programme-work/EventTime.ts"
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
    Schema.String.check(Schema.isPattern(/^\d{4}$/, { message: "Expected a four-digit Swedish municipality code" }))
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
    Schema.makeFilter((b) => b, {
      message: "Consent to store personal data is required (samtycke till att personuppgifter lagras krävs)"
    })
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
export class DuplicateExpression extends Schema.TaggedError<DuplicateExpression>()("DuplicateExpression", {
  field: Schema.String,
  organisation: Schema.String,
  programme: Schema.String,
  existing: Schema.String,
  explanation: LocalizedText.LocalizedText
}) {
  /** @since 0.1.0 */
  override get message(): string {
    return `${this.field}: ${LocalizedText.text(this.explanation, "en")}`
  }
}

/**
 * Decodes an untrusted form; a missing consent fails with a `ValidationError` at `consent`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const decode = Validation.decoder(Form, "InterestForm")

const duplicate = (form: Form, existing: string) =>
  new DuplicateExpression({
    field: "applicant.id",
    organisation: form.applicant.id,
    programme: form.programme,
    existing,
    explanation: {
      sv: `${LocalizedText.text(form.applicant.name, "sv")} har redan anmält intresse för programmet ${form.programme} (${existing}).`,
      en: `${LocalizedText.text(form.applicant.name, "en")} has already expressed interest in programme ${form.programme} (${existing}).`
    }
  })

/**
 * The partnership of `organisation` in `programme`, if any (any status).
 *
 * @category services
 * @since 0.1.0
 */
export const existingPartnership = Effect.fn("Interest.existingPartnership")(function*(
  organisation: string,
  programme: string
): Effect.fn.Return<Option.Option<Partnership.Partnership>, StoreError, PartnershipStore> {
  const store = yield* PartnershipStore
  let cursor: string | undefined = undefined
  do {
    const page: { readonly items: ReadonlyArray<Partnership.Partnership>; readonly next?: string | undefined } = yield* store.search({
      programme: programme as ProgrammeId,
      limit: 500,
      ...(cursor !== undefined ? { cursor } : {})
    })
    const found = page.items.find((p) => p.swedishPartner === organisation)
    if (found !== undefined) return Option.some(found)
    cursor = page.next
  } while (cursor !== undefined)
  return Option.none()
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
  Validation.ValidationError | DuplicateExpression | Partnerships.RegistrationRefused | NotFound | StoreError,
  PartnershipStore | ProgrammeStore | OrganisationStore | Store
> {
  const form = yield* decode(input)
  yield* (yield* ProgrammeStore).get(form.programme)
  const existing = yield* existingPartnership(form.applicant.id, form.programme)
  if (Option.isSome(existing)) return yield* duplicate(form, existing.value.id)

  const organisations = yield* OrganisationStore
  if (Option.isNone(yield* organisations.find(form.applicant.id))) {
    const org = new Organisation({
      id: form.applicant.id,
      kind: form.applicant.kind,
      name: form.applicant.name,
      country: "SE" as CountryCode,
      identifiers: form.applicant.municipalityCode !== undefined ? { municipalityCode: form.applicant.municipalityCode } : {},
      contacts: [],
      version: 0
    })
    yield* organisations.create(org, { ...change, command: "RegisterOrganisation" }).pipe(
      Effect.catchTag("VersionConflict", () => Effect.void)
    )
  }

  const id = `${form.applicant.id}-${form.programme}`.slice(0, 128)
  const name = form.applicant.name
  const partnership = yield* Partnerships.register(
    Partnership.register({
      id: id as PartnershipId,
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

  const submitted = EventTime.dayIn(yield* Clock.currentTimeMillis)
  const expression = yield* (yield* Store).create({
    id: id as ExpressionId,
    programme: form.programme,
    organisation: form.applicant.id,
    partnership: partnership.id,
    contact: form.contact,
    challenge: form.challenge,
    focusArea: form.focusArea,
    submitted,
    version: 0
  }, { ...change, command: "SubmitInterest" }).pipe(
    Effect.catchTag("VersionConflict", (): Effect.Effect<never, DuplicateExpression> => Effect.fail(duplicate(form, id)))
  )
  return { expression, partnership }
})
