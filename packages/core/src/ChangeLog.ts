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
 * A {@link Change} to something already stored: it states the version the caller read, so a
 * stale read fails with `VersionConflict` instead of silently building on whatever the store
 * holds. Every step that updates a stored entity (`Partnerships.execute`, `store.update`,
 * `Budgets.decide`, ...) takes one; creating takes a plain {@link Change} (absence: no version,
 * or 0).
 *
 * @category models
 * @since 0.2.0
 */
export interface Update extends Change {
  readonly expectedVersion: number
}

/**
 * Builds a {@link Change}: with an `expectedVersion`, an {@link Update} for a step on a stored
 * entity.
 *
 * @example
 * ```ts
 * import { ChangeLog } from "@localrights/core"
 * const creating = ChangeLog.change("icld", "Registered at the information meeting")
 * const updating = ChangeLog.change("icld", "Application received", 1)
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export function change(actor: string, reason: string, expectedVersion: number): Update
export function change(actor: string, reason: string, expectedVersion?: number): Change
export function change(actor: string, reason: string, expectedVersion?: number): Change {
  return expectedVersion === undefined
    ? { actor: actor as ActorId, reason }
    : { actor: actor as ActorId, reason, expectedVersion }
}

/**
 * One operation of an RFC 6902 JSON Patch, as a change record holds it.
 *
 * @category schemas
 * @since 0.2.0
 */
export const PatchOperation = Schema.Struct({
  op: Schema.Literals(["add", "remove", "replace", "move", "copy", "test"]),
  path: Schema.String,
  value: Schema.optionalKey(Schema.Unknown),
  from: Schema.optionalKey(Schema.String)
})

/**
 * One entry of the change log: who, when, which command and why, the field-level change
 * (`patch`), and the hashes that make the log tamper-evident (see `AuditLog`).
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
  statusAfter: Schema.optionalKey(Schema.String),
  /** The commitment to the actor (HMAC-SHA-256 keyed by the actor's salt): hashed, unlike `actor`. */
  actorRef: Schema.String,
  /** The RFC 6902 JSON Patch from the previous version's log form (absent in records sealed from a 0.1 database). */
  patch: Schema.optionalKey(Schema.Array(PatchOperation)),
  /** SHA-256 of the canonical JSON of the document's log form after the change (absent as `patch`). */
  dataHash: Schema.optionalKey(Schema.String),
  /** The hash of the previous record of the same document; absent at version 1. */
  previous: Schema.optionalKey(Schema.String),
  /** SHA-256 of the canonical JSON of the record without `actor`, `hash`, `seq` and `chain`. */
  hash: Schema.String,
  /** The record's place in the store-wide log: 1, 2, 3, ... over all documents. */
  seq: Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)),
  /** SHA-256 over the previous record's `chain`, this `seq` and this `hash`. */
  chain: Schema.String
}) {}

/**
 * The JSON form of a change record, as adapters store it.
 *
 * @category models
 * @since 0.1.0
 */
export type Encoded = typeof ChangeRecord.Encoded

/**
 * A change record before the store appends it: what the entity store computes (with its
 * `patch` and `dataHash`); the adapter adds `previous`, `hash`, `seq` and `chain` with
 * `AuditLog.seal` inside its write transaction.
 *
 * @category models
 * @since 0.2.0
 */
export type Draft = Omit<Encoded, "previous" | "hash" | "seq" | "chain">
