/**
 * A stored expression of interest (intresseanmälan): what the form created, with the contact
 * person as personal data.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { CalendarDate } from "./CalendarDate.ts"
import { Version } from "./ChangeLog.ts"
import { ExpressionId, OrganisationId, PartnershipId, ProgrammeId } from "./Ids.ts"
import * as LocalizedText from "./LocalizedText.ts"
import { ContactPerson } from "./Organisation.ts"
import { FocusArea } from "./Programme.ts"

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
