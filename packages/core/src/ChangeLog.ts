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
import * as Validation from "./Validation.ts"

const NonEmpty = Schema.String.check(Schema.isNonEmpty(Validation.message({
  sv: "Förväntade en text som inte är tom",
  en: "Expected a non-empty text"
})))

/**
 * The version of a stored entity: 0 before it is stored, 1 after creation, one more per change.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Version = Schema.Int.check(Schema.isGreaterThanOrEqualTo(0, Validation.message({
  sv: "Förväntade en version: ett heltal från 0",
  en: "Expected a version: a whole number from 0"
})))

/**
 * What a caller says about a change: who makes it, why, and (optionally) the version it last
 * read. Every effectful step takes it last, in one shape: `(subject, input, change)`, such as
 * `Partnerships.execute(id, command, change)`; a step with nothing to add to its subject (a
 * new entity to register, a person to erase) takes `(subject, change)`. The actor is whoever
 * the step records as acting (a decision's `decidedBy`); a step that updates one stored entity
 * refuses a stale `expectedVersion` with `VersionConflict`. The store adds the time (from
 * `Clock`), the command and the new version.
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
type ChangeType = typeof Change.Type

/**
 * What a caller says about a change (see the {@link Change} schema); an interface, so that
 * signatures show it by name.
 *
 * @category models
 * @since 0.1.0
 */
export interface Change extends ChangeType {}

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
