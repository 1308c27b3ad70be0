/**
 * A typed, versioned store for one kind of entity, derived from the primitive
 * {@link DocumentStore}: decoding, encoding, versions and change records in one place.
 *
 * **Details**
 *
 * Every write is a named command in the change log. `create` records `Create<Name>` and
 * `update` records `Update<Name>`, where `Name` is the entity's name derived from its kind
 * (`organisation` → `CreateOrganisation`, `funding-rule-set` → `UpdateFundingRuleSet`), so a
 * caller passes only its {@link ChangeLog.Change}. A step that is a command of its own (the
 * lifecycle's `Admit`, `RecordAssessment`, ...) names it as a {@link Recorded}, typed by
 * {@link CommandName}. `ensure` is the idempotent create for seeding: a re-run changes nothing.
 *
 * @module
 * @group Store
 * @since 0.1.0
 */
import { Clock, Context, DateTime, Effect, Exit, Layer, Option, Predicate, Schema } from "effect"
import * as ChangeLog from "../ChangeLog.ts"
import type * as Lifecycle from "../partnership/Lifecycle.ts"
import * as Refusal from "../Refusal.ts"
import * as AuditLog from "./AuditLog.ts"
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
 * The commands recorded under a name of their own rather than the store's `Create<Name>` and
 * `Update<Name>`: the lifecycle commands (`Partnerships.execute`), `RegisterInterest`
 * (`Partnerships.register`), `SubmitInterest` (`Interest.submit`), `RecordAssessment`
 * (`Assessments.record`), `PublishCriteriaFramework` (`CriteriaFrameworkStore.publish`),
 * `ErasePersonalData` (`PersonalData.erase`), `RecordExpense` (`Expenses.record`),
 * `OverrideDecision` (`Partnerships.overrideDecision`), and the results framework's commands
 * (`Reports`: `RecordActual`, `ReviewActual`, `SubmitProgressReport`, `ReturnProgressReport`,
 * `ApproveProgressReport`, `ReleaseTranche`), the calendar's (`Events`: `OpenRegistration`,
 * `RegisterForEvent`, `UnregisterFromEvent`, `CancelEvent`, `MarkEventHeld`), training's
 * (`Trainings`: `EnrolInTraining`, `RecordAttendance`, `WithdrawFromTraining`) and
 * agreements' (`Agreements`: `AddDeliverable`, `RecordDeliverableProgress`,
 * `RecordConsultation`).
 *
 * @category models
 * @since 0.2.0
 */
export type CommandName =
  | Lifecycle.CommandName
  | "RegisterInterest"
  | "SubmitInterest"
  | "RecordAssessment"
  | "PublishCriteriaFramework"
  | "ErasePersonalData"
  | "RecordExpense"
  | "OverrideDecision"
  | "RecordActual"
  | "ReviewActual"
  | "SubmitProgressReport"
  | "ReturnProgressReport"
  | "ApproveProgressReport"
  | "ReleaseTranche"
  | "OpenRegistration"
  | "RegisterForEvent"
  | "UnregisterFromEvent"
  | "CancelEvent"
  | "MarkEventHeld"
  | "EnrolInTraining"
  | "RecordAttendance"
  | "WithdrawFromTraining"
  | "AddDeliverable"
  | "RecordDeliverableProgress"
  | "RecordConsultation"

/**
 * How a step that is a command of its own records a write: its {@link CommandName}, and the
 * status before and after when the entity has one. Without it, `create` and `update` record
 * `Create<Name>` and `Update<Name>`, with the entity's status after the write when it has a
 * `status` field.
 *
 * @category models
 * @since 0.1.0
 */
export interface Recorded {
  readonly command: CommandName
  readonly statusBefore?: string | undefined
  readonly statusAfter?: string | undefined
}

/**
 * One field where a value given to `ensure` differs from the stored one: the field path
 * (`name.sv`, `lines[2].amount.minor`) and both values as short JSON (absent when missing).
 *
 * @category schemas
 * @since 0.2.0
 */
export const Difference = Schema.Struct({
  field: Schema.String,
  stored: Schema.optionalKey(Schema.String),
  given: Schema.optionalKey(Schema.String)
})
/**
 * @category models
 * @since 0.2.0
 */
export type Difference = typeof Difference.Type

/**
 * `ensure` was given an entity whose id is stored with other values: one violation per
 * differing field (rule `same-as-stored`, the given value), and the `differences` with both
 * values. Nothing was written.
 *
 * @category errors
 * @since 0.2.0
 */
export class EnsureRefused extends Refusal.Refusal<EnsureRefused>()("EnsureRefused", {
  differences: Schema.NonEmptyArray(Difference)
}) {}

/**
 * The entity name of a kind, as command names use it: `funding-rule-set` → `FundingRuleSet`.
 *
 * @category rendering
 * @since 0.2.0
 */
export const nameOf = (kind: string): string =>
  kind.split(/[^A-Za-z0-9]+/).filter((w) => w !== "").map((w) => w[0]!.toUpperCase() + w.slice(1)).join("")

/**
 * A typed store of one entity kind.
 *
 * @category models
 * @since 0.1.0
 */
export interface EntityStore<A extends Versioned> {
  /** The kind name used in the document store and the change log (`partnership`). */
  readonly kind: string
  /** The entity's name in command names (`Partnership`: `CreatePartnership`, `UpdatePartnership`). */
  readonly entityName: string
  /** The entity, or `NotFound`. */
  readonly get: (id: string) => Effect.Effect<A, NotFound | StoreError>
  /** The entity, or none. */
  readonly find: (id: string) => Effect.Effect<Option.Option<A>, StoreError>
  /**
   * Stores a new entity at version 1, recorded as `Create<Name>` (or as `recorded` names it);
   * `VersionConflict` (expected 0) when the id is taken, or when the change states a version
   * other than 0 (creation states absence).
   */
  readonly create: (value: A, change: ChangeLog.Change, recorded?: Recorded) => Effect.Effect<A, VersionConflict | StoreError>
  /**
   * Stores `value` when the stored version is still the change's `expectedVersion` (the
   * version the caller read), recorded as `Update<Name>` (or as `recorded` names it); returns
   * it at the next version. An update without an `expectedVersion` fails with
   * `VersionConflict` (expected -1).
   */
  readonly update: (value: A, change: ChangeLog.Update, recorded?: Recorded) => Effect.Effect<A, VersionConflict | StoreError>
  /**
   * Creates the entity when its id is not stored (as `create` does); returns the stored one
   * untouched when it is the same (compared in JSON form, the version aside); refuses with
   * {@link EnsureRefused}, naming every differing field, when it differs. For seeds and
   * imports that may run again.
   */
  readonly ensure: (value: A, change: ChangeLog.Change) => Effect.Effect<A, EnsureRefused | StoreError>
  /** Entities in id order, optionally after a cursor id and limited. */
  readonly list: (options?: { readonly after?: string; readonly limit?: number }) => Effect.Effect<ReadonlyArray<A>, StoreError>
  /** The change log of one entity, oldest first. */
  readonly history: (id: string) => Effect.Effect<ReadonlyArray<ChangeLog.ChangeRecord>, StoreError>
  /**
   * The JSON form of the entity as it was at `version`, rebuilt from its change log (none when
   * the log does not reach that version). Personal values the store no longer holds (an
   * erased person, a contact removed since) and actors pseudonymised since are shown as their
   * `hmac-sha256:` commitments.
   */
  readonly versionAt: (id: string, version: number) => Effect.Effect<Option.Option<unknown>, StoreError>
}

const decodeRecord = Schema.decodeUnknownExit(ChangeLog.ChangeRecord)

const isPlainObject = (u: unknown): u is Record<string, unknown> =>
  Predicate.isObject(u) && !Array.isArray(u)

const formatPath = (path: ReadonlyArray<string | number>): string =>
  path.reduce<string>((out, key) => (typeof key === "number" ? `${out}[${key}]` : out === "" ? key : `${out}.${key}`), "")

const showJson = (value: unknown): string | undefined => {
  if (value === undefined) return undefined
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

// every leaf where two JSON values differ, depth first, in the stored value's field order
const diff = (stored: unknown, given: unknown, path: Array<string | number>, out: Array<Difference>): void => {
  if (stored === given) return
  if (Array.isArray(stored) && Array.isArray(given)) {
    for (let i = 0; i < Math.max(stored.length, given.length); i++) diff(stored[i], given[i], [...path, i], out)
    return
  }
  if (isPlainObject(stored) && isPlainObject(given)) {
    for (const key of new Set([...Object.keys(stored), ...Object.keys(given)])) diff(stored[key], given[key], [...path, key], out)
    return
  }
  const s = showJson(stored)
  const g = showJson(given)
  out.push({ field: formatPath(path), ...(s === undefined ? {} : { stored: s }), ...(g === undefined ? {} : { given: g }) })
}

const toViolation = (d: Difference): Refusal.Violation =>
  Refusal.violation(d.field, "same-as-stored", d.given, {
    sv: `Redan lagrat som ${d.stored ?? "(saknas)"}, angivet ${d.given ?? "(saknas)"}.`,
    en: `Already stored as ${d.stored ?? "(absent)"}, given ${d.given ?? "(absent)"}.`
  })

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
    const entityName = nameOf(kind)
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

    const hashing = docs.hashing ?? AuditLog.defaultHashing

    // the change record's draft: the patch from the stored version's log form to the new one
    // and the new one's hash, with personal values and actors as commitments (AuditLog); an
    // erasure gives the document a new salt, so that its old commitments cannot be linked
    const logged = (
      id: string,
      expectedVersion: number,
      data: unknown,
      change: ChangeLog.Change,
      rotate: boolean,
      base: Omit<ChangeLog.Draft, "patch" | "dataHash" | "actorRef">
    ) =>
      Effect.gen(function*() {
        const stored = expectedVersion === 0 ? undefined : Option.getOrUndefined(yield* docs.read(kind, id))
        const persons = AuditLog.holdsPersons(kind)
        const salt = persons ? (rotate || stored?.salt === undefined ? hashing.salt() : stored.salt) : undefined
        const salts = yield* docs.actorSalts(
          [...new Set([change.actor, ...AuditLog.actorsIn(kind, data), ...(stored === undefined ? [] : AuditLog.actorsIn(kind, stored.data))])],
          true
        )
        const actorSalt = (a: string) => salts.get(a)
        const after = AuditLog.logForm(hashing, kind, data, { salt, actorSalt })
        // a stored document of a kind with persons but no salt (written before 0.2): a baseline
        const before = stored === undefined || (persons && stored.salt === undefined)
          ? undefined
          : AuditLog.logForm(hashing, kind, stored.data, { salt: stored.salt, actorSalt })
        const actorRef = AuditLog.commit(hashing, salts.get(change.actor)!, change.actor)
        return { record: AuditLog.draft(hashing, { ...base, actorRef }, before, after), salt }
      })

    const write = (method: string, value: A, expectedVersion: number, change: ChangeLog.Change, command: string, recorded?: Recorded) =>
      Effect.gen(function*() {
        const version = expectedVersion + 1
        const data = yield* toData(method, value, version)
        const at = DateTime.makeUnsafe(yield* Clock.currentTimeMillis)
        const status = (value as { readonly status?: unknown }).status
        const statusAfter = recorded?.statusAfter ?? (typeof status === "string" ? status : undefined)
        const { record, salt } = yield* logged(value.id, expectedVersion, data, change, recorded?.command === "ErasePersonalData", {
          entity: kind,
          id: value.id,
          version,
          at: DateTime.formatIso(at),
          actor: change.actor,
          command: recorded?.command ?? command,
          reason: change.reason,
          ...(recorded?.statusBefore !== undefined ? { statusBefore: recorded.statusBefore } : {}),
          ...(statusAfter !== undefined ? { statusAfter } : {})
        })
        yield* docs.write({ kind, id: value.id, expectedVersion, data, ...(salt !== undefined ? { salt } : {}), record })
        return yield* fromDoc(method, data, version)
      })

    // the stored version, for a conflict found before writing
    const versionOf = (id: string) =>
      Effect.map(docs.read(kind, id), (doc) => (Option.isSome(doc) ? doc.value.version : 0))

    const create = (value: A, change: ChangeLog.Change, recorded?: Recorded) =>
      change.expectedVersion !== undefined && change.expectedVersion !== 0
        ? Effect.flatMap(versionOf(value.id), (actual) =>
          Effect.fail(new VersionConflict({ kind, id: value.id, expected: change.expectedVersion!, actual })))
        : write(`${kind}.create`, value, 0, change, `Create${entityName}`, recorded)

    const update = (value: A, change: ChangeLog.Update, recorded?: Recorded) =>
      Predicate.isNumber(change.expectedVersion) && Number.isInteger(change.expectedVersion) && change.expectedVersion >= 1
        ? write(`${kind}.update`, value, change.expectedVersion, change, `Update${entityName}`, recorded)
        : Effect.flatMap(versionOf(value.id), (actual) =>
          Effect.fail(new VersionConflict({ kind, id: value.id, expected: Predicate.isNumber(change.expectedVersion) && Number.isInteger(change.expectedVersion) ? change.expectedVersion : -1, actual })))

    // the JSON form without the version, for comparing a given value with the stored one
    const comparable = (method: string, value: A) =>
      Effect.map(toData(method, value, 0), (data) => {
        const { version: _, ...rest } = data as Record<string, unknown>
        return rest
      })

    const same = (method: string, stored: A, given: Record<string, unknown>) =>
      Effect.flatMap(comparable(method, stored), (current) => {
        const found: Array<Difference> = []
        diff(current, given, [], found)
        const [first, ...rest] = found
        if (first === undefined) return Effect.succeed(stored)
        return Effect.fail(
          new EnsureRefused({
            subject: { kind, id: stored.id },
            violations: [first, ...rest].map(toViolation) as [Refusal.Violation, ...Array<Refusal.Violation>],
            differences: [first, ...rest]
          })
        )
      })

    const ensure = (value: A, change: ChangeLog.Change) =>
      Effect.gen(function*() {
        const method = `${kind}.ensure`
        const given = yield* comparable(method, value)
        const existing = yield* find(value.id)
        if (Option.isSome(existing)) return yield* same(method, existing.value, given)
        return yield* create(value, change).pipe(
          // written by someone else in between: compare with what they wrote
          Effect.catchTag("VersionConflict", () =>
            find(value.id).pipe(
              Effect.flatMap(Option.match({
                onNone: () => Effect.fail(new StoreError({ method, reason: "unknown", detail: `${kind} ${value.id} vanished during ensure` })),
                onSome: (stored) => same(method, stored, given)
              }))
            ))
        )
      })

    return {
      kind,
      entityName,
      find,
      get: (id) =>
        find(id).pipe(
          Effect.flatMap(Option.match({
            onNone: () => Effect.fail(new NotFound({ kind, id })),
            onSome: Effect.succeed
          }))
        ),
      create,
      update,
      ensure,
      list: (options) =>
        docs.list(kind, options).pipe(
          Effect.flatMap((list) => Effect.forEach(list, (doc) => fromDoc(`${kind}.list`, doc.data, doc.version)))
        ),
      versionAt: (id, version) =>
        Effect.gen(function*() {
          const records = yield* docs.history(kind, id)
          const form = AuditLog.rebuild(records, version)
          if (Option.isNone(form)) return form
          const current = Option.getOrUndefined(yield* docs.read(kind, id))
          // every actor's salt: an earlier version may name an actor the log no longer shows
          const salts = AuditLog.personalFields[kind]?.some((f) => f.class === "actor") === true
            ? yield* docs.actorSalts("all", false)
            : new Map<string, string>()
          const known = current === undefined
            ? new Map<string, unknown>()
            : AuditLog.commitmentsOf(hashing, kind, current.data, { salt: current.salt, actorSalt: (a) => salts.get(a) })
          for (const [name, salt] of salts) known.set(AuditLog.commit(hashing, salt, name), name)
          return Option.some(AuditLog.resolve(kind, form.value, known))
        }),
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
  /** The entity's name in command names (`Organisation`: `CreateOrganisation`). */
  readonly entityName: string
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
  return Object.assign(Tag, { kind, entityName: nameOf(kind), schema, make, layer }) as typeof Tag & Definition<Self, A, EntityStore<A> & Extra>
}
