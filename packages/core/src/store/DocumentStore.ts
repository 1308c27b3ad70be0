/**
 * The primitive storage port. An adapter implements these few operations over its database;
 * core derives every typed store (`PartnershipStore`, `OrganisationStore`, ...) from them, so a
 * new adapter is a short file.
 *
 * **Details**
 *
 * A document is the JSON form of one entity (`kind` + `id`) with a version. `write` replaces a
 * document only when its current version equals `expectedVersion` (0 for "must not exist yet")
 * and appends the change record in the same transaction: a stale write fails with
 * {@link VersionConflict}, never overwrites, and never leaves a document without its record.
 * The adapter seals the record as it appends it (`AuditLog.seal`: the link to the document's
 * previous record, the store-wide `seq` and `chain`), so that `Audit.verify` can check the
 * whole log; `log` pages it in `seq` order.
 *
 * @module
 * @group Store
 * @since 0.1.0
 */
import { Context, Effect, Layer, Option, Order, Schema } from "effect"
import type * as ChangeLog from "../ChangeLog.ts"
import * as AuditLog from "./AuditLog.ts"

/**
 * A stored document: its kind, id, version and JSON data.
 *
 * @category models
 * @since 0.1.0
 */
export interface StoredDocument {
  readonly kind: string
  readonly id: string
  readonly version: number
  readonly data: unknown
  /**
   * The document's salt for the commitments to its personal values in the change log (see
   * `AuditLog.logForm`): kept beside the data, never hashed; absent when it holds none.
   */
  readonly salt?: string | undefined
}

/**
 * A write: the new data (and its salt), the version the writer read, and the draft of the
 * change record to append. The adapter seals the draft with `AuditLog.seal` inside the write
 * transaction: `previous` is the hash of the document's record at `expectedVersion`, and `seq`
 * and `chain` follow the last record of the whole log.
 *
 * @category models
 * @since 0.1.0
 */
export interface Write {
  readonly kind: string
  readonly id: string
  readonly expectedVersion: number
  readonly data: unknown
  readonly salt?: string | undefined
  readonly record: ChangeLog.Draft
}

/**
 * Options for the `log` method of {@link DocumentStore}: records after a `seq`, at most `limit`, in `seq` order.
 *
 * @category models
 * @since 0.2.0
 */
export interface LogOptions {
  readonly after?: number | undefined
  readonly limit?: number | undefined
}

/**
 * Options for the `list` method of {@link DocumentStore}: ids after a cursor, at most `limit`, in id order.
 *
 * @category models
 * @since 0.1.0
 */
export interface ListOptions {
  readonly after?: string | undefined
  readonly limit?: number | undefined
}

/**
 * The current version differs from the one the writer read: someone else wrote first
 * (`expected` -1: an update that did not state the version it read). Nothing was written.
 *
 * @category errors
 * @since 0.1.0
 */
export class VersionConflict extends Schema.TaggedError<VersionConflict>()("VersionConflict", {
  kind: Schema.String,
  id: Schema.String,
  expected: Schema.Int,
  actual: Schema.Int
}) {
  /** @since 0.1.0 */
  override get message(): string {
    return this.expected === 0
      ? `${this.kind} ${this.id} already exists (version ${this.actual})`
      : this.expected < 0
      ? `${this.kind} ${this.id}: the update does not state the version it read (expectedVersion); found version ${this.actual}`
      : `${this.kind} ${this.id} was changed by someone else: expected version ${this.expected}, found ${this.actual}`
  }
}

/**
 * No document of that kind and id.
 *
 * @category errors
 * @since 0.1.0
 */
export class NotFound extends Schema.TaggedError<NotFound>()("NotFound", {
  kind: Schema.String,
  id: Schema.String
}) {
  /** @since 0.1.0 */
  override get message(): string {
    return `${this.kind} ${this.id} not found`
  }
}

/**
 * Why a store operation failed below the domain: the database could not be reached
 * (`connection`), a constraint was violated (`constraint`, `unique-violation`), the database
 * was busy (`busy`: a lock or a statement waited longer than allowed, a deadlock or a
 * serialization failure; nothing was written, and the same call can succeed later), stored
 * data could not be read back (`corrupt-data`), or something else (`unknown`).
 *
 * @category schemas
 * @since 0.1.0
 */
export const StoreErrorReason = Schema.Literals(["connection", "constraint", "unique-violation", "busy", "corrupt-data", "unknown"])

/**
 * A store operation failed. `method` names the operation, `reason` the kind of failure;
 * `cause` keeps the driver's error.
 *
 * @category errors
 * @since 0.1.0
 */
export class StoreError extends Schema.TaggedError<StoreError>()("StoreError", {
  method: Schema.String,
  reason: StoreErrorReason,
  detail: Schema.String,
  cause: Schema.optionalKey(Schema.Defect())
}) {
  /** @since 0.1.0 */
  override get message(): string {
    return `${this.method} failed (${this.reason}): ${this.detail}`
  }
}

/**
 * The primitive storage port.
 *
 * @category services
 * @since 0.1.0
 */
export class DocumentStore extends Context.Service<DocumentStore, {
  /** The document, or none. */
  readonly read: (kind: string, id: string) => Effect.Effect<Option.Option<StoredDocument>, StoreError>
  /** Writes when the current version equals `expectedVersion` (0: must not exist), with its change record, atomically. */
  readonly write: (write: Write) => Effect.Effect<void, VersionConflict | StoreError>
  /** Documents of a kind in id order. */
  readonly list: (kind: string, options?: ListOptions) => Effect.Effect<ReadonlyArray<StoredDocument>, StoreError>
  /** The change records of one document, oldest first. */
  readonly history: (kind: string, id: string) => Effect.Effect<ReadonlyArray<ChangeLog.Encoded>, StoreError>
  /** The change records of every document in `seq` order: a page after a `seq`. */
  readonly log: (options?: LogOptions) => Effect.Effect<ReadonlyArray<ChangeLog.Encoded>, StoreError>
  /** The kinds that have documents, in order. */
  readonly kinds: () => Effect.Effect<ReadonlyArray<string>, StoreError>
  /**
   * The salt of each actor (see `AuditLog`), kept apart from the log (`"all"`: every actor's);
   * with `create`, a new salt for each actor without one (atomically: concurrent callers get
   * the same salt).
   */
  readonly actorSalts: (actors: ReadonlyArray<string> | "all", create: boolean) => Effect.Effect<ReadonlyMap<string, string>, StoreError>
  /**
   * Replaces the clear `actor` of every change record by `pseudonym` and deletes the actor's
   * salt: the records' `actorRef` commitments can no longer be linked to the actor, and every
   * hash still verifies. Returns the number of records rewritten.
   */
  readonly pseudonymise: (actor: string, pseudonym: string) => Effect.Effect<number, StoreError>
  /** The hashing the store seals records with (default `AuditLog.defaultHashing`). */
  readonly hashing?: AuditLog.Hashing | undefined
}>()("@localrights/core/DocumentStore") {}

/**
 * An in-memory {@link DocumentStore}: each layer build starts empty. The reference for adapters:
 * it is what the contract suites are checked against first.
 *
 * @category constructors
 * @since 0.1.0
 */
export const makeMemory = Effect.sync(() => {
  const docs = new Map<string, Map<string, StoredDocument>>()
  const records = new Map<string, Array<ChangeLog.Encoded>>()
  const log: Array<ChangeLog.Encoded> = []
  const actors = new Map<string, string>()
  const hashing = AuditLog.defaultHashing
  const table = (kind: string) => {
    let t = docs.get(kind)
    if (t === undefined) {
      t = new Map()
      docs.set(kind, t)
    }
    return t
  }
  return DocumentStore.of({
    read: (kind, id) => Effect.sync(() => Option.fromNullishOr(docs.get(kind)?.get(id))),
    write: (w) =>
      Effect.suspend(() => {
        const t = table(w.kind)
        const actual = t.get(w.id)?.version ?? 0
        if (actual !== w.expectedVersion) {
          return Effect.fail(new VersionConflict({ kind: w.kind, id: w.id, expected: w.expectedVersion, actual }))
        }
        const key = `${w.kind}\u0000${w.id}`
        const list = records.get(key) ?? []
        const last = log[log.length - 1]
        const sealed = AuditLog.seal(
          hashing,
          structuredClone(w.record),
          list[list.length - 1]?.hash,
          last === undefined ? undefined : { seq: last.seq, chain: last.chain }
        )
        // structuredClone: the store keeps its own copy, as a database would
        t.set(w.id, { kind: w.kind, id: w.id, version: actual + 1, data: structuredClone(w.data), ...(w.salt !== undefined ? { salt: w.salt } : {}) })
        list.push(sealed)
        records.set(key, list)
        log.push(sealed)
        return Effect.void
      }),
    list: (kind, options) =>
      Effect.sync(() => {
        const all = [...(docs.get(kind)?.values() ?? [])].sort(Order.mapInput(Order.String, (d: StoredDocument) => d.id))
        const after = options?.after
        const from = after === undefined ? all : all.filter((d) => d.id > after)
        return options?.limit === undefined ? from : from.slice(0, options.limit)
      }),
    history: (kind, id) => Effect.sync(() => structuredClone(records.get(`${kind}\u0000${id}`) ?? [])),
    log: (options) =>
      Effect.sync(() => {
        const from = options?.after ?? 0
        // seq n is at index n - 1 of the array
        return structuredClone(log.slice(from, options?.limit === undefined ? undefined : from + options.limit))
      }),
    kinds: () => Effect.sync(() => [...docs.entries()].filter(([, t]) => t.size > 0).map(([k]) => k).sort()),
    actorSalts: (names, create) =>
      Effect.sync(() => {
        if (names === "all") return new Map(actors)
        const out = new Map<string, string>()
        for (const a of names) {
          let salt = actors.get(a)
          if (salt === undefined && create) {
            salt = hashing.salt()
            actors.set(a, salt)
          }
          if (salt !== undefined) out.set(a, salt)
        }
        return out
      }),
    pseudonymise: (actor, pseudonym) =>
      Effect.sync(() => {
        actors.delete(actor)
        let n = 0
        // the records are shared by `records` and `log`: one rewrite each
        for (const r of log) {
          if (r.actor === actor) {
            ;(r as { actor: string }).actor = pseudonym
            n++
          }
        }
        return n
      }),
    hashing
  })
})

/**
 * The in-memory {@link DocumentStore} as a layer.
 *
 * @category layers
 * @since 0.1.0
 */
export const layerMemory: Layer.Layer<DocumentStore> = Layer.effect(DocumentStore, makeMemory)
