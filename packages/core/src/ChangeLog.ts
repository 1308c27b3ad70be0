/**
 * The append-only change log: every recorded state change says who, when, what and why, and
 * the version it produced.
 *
 * **Details**
 *
 * "Change" here always means a recorded state change; calendar events (conferences, training
 * sessions) are a different thing and live in their own module.
 *
 * @module
 * @group Kernel
 * @since 0.1.0
 */
import { Schema } from "effect"
import { ActorId } from "./Ids.ts"

const NonEmpty = Schema.String.check(Schema.isNonEmpty({ message: "Expected a non-empty text" }))

/**
 * The version of a stored entity: 0 before it is stored, 1 after creation, one more per change.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Version = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0, { message: "Expected a version: a whole number from 0" }))

/**
 * What a caller says about a change: who makes it, why, and (optionally) the version it last
 * read. Every effectful step takes it last, in one shape: `(subject, input, change)`. The store
 * adds the time (from `Clock`), the command and the new version.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Change = Schema.Struct({
  actor: ActorId,
  reason: NonEmpty,
  /** The version the caller last read; a newer stored version fails with `VersionConflict`. */
  expectedVersion: Schema.optionalKey(Version)
})
/**
 * @category models
 * @since 0.1.0
 */
export type Change = typeof Change.Type

/**
 * Builds a {@link Change}.
 *
 * @category constructors
 * @since 0.1.0
 */
export const change = (actor: string, reason: string, expectedVersion?: number): Change =>
  expectedVersion === undefined
    ? { actor: actor as ActorId, reason }
    : { actor: actor as ActorId, reason, expectedVersion }

/**
 * One entry of the change log.
 *
 * @category schemas
 * @since 0.1.0
 */
export class ChangeRecord extends Schema.Class<ChangeRecord>("@localrights/core/ChangeRecord")({
  entity: NonEmpty,
  id: NonEmpty,
  version: Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)),
  at: Schema.DateTimeUtcFromString,
  actor: ActorId,
  command: NonEmpty,
  reason: NonEmpty,
  statusBefore: Schema.optionalKey(Schema.String),
  statusAfter: Schema.optionalKey(Schema.String)
}) {}

/**
 * The JSON form of a change record, as adapters store it.
 *
 * @category models
 * @since 0.1.0
 */
export type Encoded = typeof ChangeRecord.Encoded
