/**
 * A person who registers for a calendar event or enrols in a training programme. **Personal
 * data**: never part of public output; {@link PersonalData} exports and erases it.
 *
 * @module
 * @group Programme work
 * @since 0.1.0
 */
import { Schema } from "effect"
import { CalendarDate } from "../CalendarDate.ts"
import { LocalizedText } from "../LocalizedText.ts"
import * as Validation from "../Validation.ts"

/**
 * An e-mail address (lower-cased when compared).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Email = Schema.String.check(
  Schema.isPattern(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, Validation.message({
    sv: "Förväntade en e-postadress",
    en: "Expected an e-mail address"
  }))
)

/**
 * A participant: name, e-mail (the key within one event or programme), organisation and role
 * as they gave them, and the day they signed up.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Participant = Schema.Struct({
  name: Schema.String.check(Schema.isNonEmpty(Validation.message({ sv: "Förväntade ett namn", en: "Expected a name" }))),
  email: Email,
  organisation: Schema.optionalKey(Schema.String.check(Schema.isNonEmpty())),
  role: Schema.optionalKey(LocalizedText),
  signedUp: CalendarDate
}).annotate({ personalData: true, description: "Personal data: never published" })
/**
 * @category models
 * @since 0.1.0
 */
export type Participant = typeof Participant.Type

/**
 * The comparison key of an e-mail address: trimmed and lower-cased.
 *
 * @category rules
 * @since 0.1.0
 */
export const emailKey = (email: string): string => email.trim().toLowerCase()

/**
 * Whether two participants are the same person (same e-mail address).
 *
 * @category rules
 * @since 0.1.0
 */
export const same = (a: { readonly email: string }, b: { readonly email: string }): boolean =>
  emailKey(a.email) === emailKey(b.email)
