/**
 * A typed, versioned store for one kind of entity, derived from the primitive
 * {@link DocumentStore}: decoding, encoding, versions and change records in one place.
 *
 * @module
 * @group Store
 * @since 0.1.0
 */
import { Clock, Context, DateTime, Effect, Exit, Layer, Option, Predicate, Schema } from "effect"
import * as ChangeLog from "../ChangeLog.ts"
import { DocumentStore, NotFound, StoreError, VersionConflict } from "./DocumentStore.ts"

/**
 * What the store needs of an entity: an id and a version.
 *
 * @category models
 * @since 0.1.0
 */
export interface Versioned {
  readonly id: string
  readonly version: number
}

/**
 * How a change is recorded: the caller's actor and reason, the command name, and the status
 * before and after when the entity has one.
 *
 * @category models
 * @since 0.1.0
 */
export interface Recorded extends ChangeLog.Change {
  readonly command: string
  readonly statusBefore?: string | undefined
  readonly statusAfter?: string | undefined
}

/**
 * A typed store of one entity kind.
 *
 * @category models
 * @since 0.1.0
 */
export interface EntityStore<A extends Versioned> {
  /** The kind name used in the document store and the change log (`partnership`). */
  readonly kind: string
  /** The entity, or `NotFound`. */
  readonly get: (id: string) => Effect.Effect<A, NotFound | StoreError>
  /** The entity, or none. */
  readonly find: (id: string) => Effect.Effect<Option.Option<A>, StoreError>
  /** Stores a new entity at version 1; `VersionConflict` (expected 0) when the id is taken. */
  readonly create: (value: A, change: Recorded) => Effect.Effect<A, VersionConflict | StoreError>
  /** Stores `value` when the stored version is still `value.version`; returns it at the next version. */
  readonly update: (value: A, change: Recorded) => Effect.Effect<A, VersionConflict | StoreError>
  /** Entities in id order, optionally after a cursor id and limited. */
  readonly list: (options?: { readonly after?: string; readonly limit?: number }) => Effect.Effect<ReadonlyArray<A>, StoreError>
  /** The change log of one entity, oldest first. */
  readonly history: (id: string) => Effect.Effect<ReadonlyArray<ChangeLog.ChangeRecord>, StoreError>
}

const decodeRecord = Schema.decodeUnknownExit(ChangeLog.ChangeRecord)
const encodeRecord = Schema.encodeSync(ChangeLog.ChangeRecord)

/**
 * Builds the typed store of `kind` over the {@link DocumentStore} in context, with `schema`
 * encoding and decoding the documents.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = <A extends Versioned, I>(
  kind: string,
  schema: Schema.Codec<A, I>
): Effect.Effect<EntityStore<A>, never, DocumentStore> => makeStore(kind, schema)

const makeStore = <A extends Versioned, I>(
  kind: string,
  schema: Schema.Codec<A, I>
): Effect.Effect<EntityStore<A>, never, DocumentStore> =>
  Effect.gen(function*() {
    const docs = yield* DocumentStore
    const decode = Schema.decodeUnknownExit(schema)
    const encode = Schema.encodeUnknownExit(schema)

    const fromDoc = (method: string, data: unknown, version: number): Effect.Effect<A, StoreError> => {
      // the store's version is authoritative over the one inside the data
      const exit = decode(Predicate.isObject(data) ? { ...data, version } : data)
      if (Exit.isSuccess(exit)) return Effect.succeed(exit.value)
      return Effect.fail(
        new StoreError({ method, reason: "corrupt-data", detail: `stored ${kind} does not decode`, cause: exit.cause })
      )
    }

    const toData = (method: string, value: A, version: number): Effect.Effect<unknown, StoreError> => {
      const exit = encode(value)
      if (Exit.isSuccess(exit)) return Effect.succeed({ ...(exit.value as object), version })
      return Effect.fail(new StoreError({ method, reason: "constraint", detail: `${kind} does not encode`, cause: exit.cause }))
    }

    const find = (id: string) =>
      docs.read(kind, id).pipe(
        Effect.flatMap(Option.match({
          onNone: () => Effect.succeedNone,
          onSome: (doc) => Effect.asSome(fromDoc(`${kind}.find`, doc.data, doc.version))
        }))
      )

    const write = (method: string, value: A, expectedVersion: number, change: Recorded) =>
      Effect.gen(function*() {
        const version = expectedVersion + 1
        const data = yield* toData(method, value, version)
        const at = DateTime.makeUnsafe(yield* Clock.currentTimeMillis)
        const record = encodeRecord(
          new ChangeLog.ChangeRecord({
            entity: kind,
            id: value.id,
            version,
            at: at as DateTime.Utc,
            actor: change.actor,
            command: change.command,
            reason: change.reason,
            ...(change.statusBefore !== undefined ? { statusBefore: change.statusBefore } : {}),
            ...(change.statusAfter !== undefined ? { statusAfter: change.statusAfter } : {})
          })
        )
        yield* docs.write({ kind, id: value.id, expectedVersion, data, record })
        return yield* fromDoc(method, data, version)
      })

    return {
      kind,
      find,
      get: (id) =>
        find(id).pipe(
          Effect.flatMap(Option.match({
            onNone: () => Effect.fail(new NotFound({ kind, id })),
            onSome: Effect.succeed
          }))
        ),
      create: (value, change) => write(`${kind}.create`, value, 0, change),
      update: (value, change) => write(`${kind}.update`, value, value.version, change),
      list: (options) =>
        docs.list(kind, options).pipe(
          Effect.flatMap((list) => Effect.forEach(list, (doc) => fromDoc(`${kind}.list`, doc.data, doc.version)))
        ),
      history: (id) =>
        docs.history(kind, id).pipe(
          Effect.flatMap((records) =>
            Effect.forEach(records, (r) => {
              const exit = decodeRecord(r)
              return Exit.isSuccess(exit)
                ? Effect.succeed(exit.value)
                : Effect.fail(
                  new StoreError({ method: `${kind}.history`, reason: "corrupt-data", detail: "change record does not decode", cause: exit.cause })
                )
            })
          )
        )
    } satisfies EntityStore<A>
  })

/**
 * The statics of an entity store's service class: its kind, schema, derived `make` and
 * `layer`. Every store declared with {@link Service} has them, and `Stores.layer` builds
 * each one from them.
 *
 * @category models
 * @since 0.2.0
 */
export interface Definition<Self, A extends Versioned, Shape extends EntityStore<A> = EntityStore<A>> {
  /** The kind name in the document store and the change log. */
  readonly kind: string
  /** The schema the documents are encoded and decoded with. */
  readonly schema: Schema.Codec<A, any>
  /** Builds the store over the {@link DocumentStore} in context. */
  readonly make: Effect.Effect<Shape, never, DocumentStore>
  /** The store as a layer over the {@link DocumentStore} in context. */
  readonly layer: Layer.Layer<Self, never, DocumentStore>
}

/**
 * The service (`Self`) that an entity store class declared with {@link Service} provides.
 *
 * @category models
 * @since 0.2.0
 */
export type ServiceOf<T> = T extends Definition<infer S, any, any> ? S : never

/**
 * Declares the store of one entity next to the entity itself: a `Context.Service` class
 * keyed `@localrights/core/store/<kind>` whose `layer` derives it from the
 * {@link DocumentStore}. `extend` adds methods built from the derived store (an index-free
 * default that an adapter may answer with an index).
 *
 * @example
 * ```ts
 * import { Schema } from "effect"
 * import { ChangeLog, EntityStore, Ids } from "@localrights/core"
 *
 * class Note extends Schema.Class<Note>("Note")({ id: Ids.OrganisationId, text: Schema.String, version: ChangeLog.Version }) {}
 * class NoteStore extends EntityStore.Service<NoteStore>()("note", Note) {}
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const Service = <Self>() =>
<A extends Versioned, I, Extra extends object = {}>(
  kind: string,
  schema: Schema.Codec<A, I>,
  extend?: (store: EntityStore<A>) => Extra
) => {
  const make: Effect.Effect<EntityStore<A> & Extra, never, DocumentStore> = extend === undefined
    ? (makeStore(kind, schema) as Effect.Effect<EntityStore<A> & Extra, never, DocumentStore>)
    : Effect.map(makeStore(kind, schema), (store) => ({ ...store, ...extend(store) }))
  const Tag = Context.Service<Self, EntityStore<A> & Extra>()(`@localrights/core/store/${kind}`)
  const layer = Layer.effect(Tag as unknown as Context.Key<Self, EntityStore<A> & Extra>, make)
  return Object.assign(Tag, { kind, schema, make, layer }) as typeof Tag & Definition<Self, A, EntityStore<A> & Extra>
}
