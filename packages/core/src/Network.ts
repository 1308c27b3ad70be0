/**
 * A network: a cohort of partnerships inside one programme that meet for joint trainings and
 * exchange of experience.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { Version } from "./ChangeLog.ts"
import { CalendarDate } from "./CalendarDate.ts"
import { NetworkId, ProgrammeId } from "./Ids.ts"
import { LocalizedText } from "./LocalizedText.ts"

/**
 * A network.
 *
 * @category schemas
 * @since 0.1.0
 */
export class Network extends Schema.Class<Network>("@localrights/core/Network")({
  id: NetworkId,
  programme: ProgrammeId,
  name: LocalizedText,
  started: Schema.optionalKey(CalendarDate),
  /** Partnerships expected to join that are not yet registered, with what is known of them. */
  expected: Schema.Array(Schema.Struct({ note: LocalizedText })),
  version: Version
}) {}
