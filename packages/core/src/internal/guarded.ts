/**
 * Guarded entity stores: a store declared with `EntityStore.Service` whose `create`, `update`
 * and `ensure` pass a guard that reads other stored entities, and whose status changes go
 * through a write path only core's commands hold (as `Integrity.guard` does for partnerships).
 * The results framework, disbursement plans, calendar events, training programmes and
 * agreements use it. Not exported by the package.
 *
 * @internal
 */
import { Context, Effect, Layer, Option, Schema } from "effect"
import type * as ChangeLog from "../ChangeLog.ts"
import type { DocumentStore } from "../store/DocumentStore.ts"
import { StoreError, VersionConflict } from "../store/DocumentStore.ts"
import type * as EntityStore from "../store/EntityStore.ts"
import * as Refusal from "../Refusal.ts"

/**
 * The command write path of a guarded store (the store keeps it under this symbol, which the
 * package does not export).
 *
 * @internal
 */
export const commanded: unique symbol = Symbol("@localrights/core/commanded")

/**
 * A change record's command for a guarded store's command.
 *
 * @internal
 */
export const recorded = (command: EntityStore.CommandName, statusBefore?: string): EntityStore.Recorded =>
  ({ command, ...(statusBefore === undefined ? {} : { statusBefore }) })

/**
 * The write path only commands use: create (expectedVersion 0) or update.
 *
 * @internal
 */
export interface Commanded<A, E> {
  readonly [commanded]: (value: A, change: ChangeLog.Change, recorded: EntityStore.Recorded) => Effect.Effect<A, E | VersionConflict | StoreError>
}

/**
 * What a guarded store offers in place of the derived store's writes: each passes the guard
 * and fails with the refusal `E` naming every broken rule, writing nothing.
 *
 * @internal
 */
export type Guarded<A extends EntityStore.Versioned, E> =
  & Omit<EntityStore.EntityStore<A>, "create" | "update" | "ensure">
  & {
    /** Stores a new entity after the guard (its first status only). */
    readonly create: (value: A, change: ChangeLog.Change) => Effect.Effect<A, E | VersionConflict | StoreError>
    /** Stores a change after the guard; fields that change only through commands are refused. */
    readonly update: (value: A, change: ChangeLog.Update) => Effect.Effect<A, E | VersionConflict | StoreError>
    /** `create` when absent, the stored entity when the same, `EnsureRefused` otherwise. */
    readonly ensure: (value: A, change: ChangeLog.Change) => Effect.Effect<A, E | EntityStore.EnsureRefused | StoreError>
  }

/**
 * How a store is guarded: the violations of a value about to be written (with the stored one
 * when it is an update), read with the stores the guard built; and the refusal they make.
 *
 * @internal
 */
export interface Guard<A, E> {
  /** Builds the check, with every store it reads built from the document store. */
  readonly check: Effect.Effect<
    (value: A, stored: A | undefined) => Effect.Effect<ReadonlyArray<Refusal.Violation>, StoreError>,
    never,
    DocumentStore
  >
  /** The refusal of a write that breaks a rule. */
  readonly refuse: (value: A, violations: readonly [Refusal.Violation, ...Array<Refusal.Violation>]) => E
  /** The fields that change only through commands (compared as JSON). */
  readonly commandFields: ReadonlyArray<keyof A & string>
  /** The module whose commands change them (named in the refusal), e.g. `Reports`. */
  readonly commandsIn: string
  /** Whether a new entity is at its first status (violations when not). */
  readonly initial: (value: A) => ReadonlyArray<Refusal.Violation>
  /**
   * Changes inside a field that only commands make, where comparing the whole field would
   * refuse too much (a deliverable's status, but not its title): the violations of a create
   * (`stored` undefined) or update; not run on the commands' own writes.
   */
  readonly commandChanges?: ((value: A, stored: A | undefined) => ReadonlyArray<Refusal.Violation>) | undefined
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * Builds the guarded store over the derived one.
 *
 * @internal
 */
export const guard = <A extends EntityStore.Versioned, E>(base: EntityStore.EntityStore<A>, g: Guard<A, E>) =>
  Effect.gen(function*() {
    const check = yield* g.check
    const refuseIf = (value: A, violations: ReadonlyArray<Refusal.Violation>) =>
      violations.length > 0
        ? Effect.fail(g.refuse(value, violations as unknown as readonly [Refusal.Violation, ...Array<Refusal.Violation>]))
        : Effect.void
    const checked = (value: A, stored: A | undefined, extra: ReadonlyArray<Refusal.Violation>) =>
      Effect.flatMap(check(value, stored), (found) => refuseIf(value, [...extra, ...found]))

    const fresh = (value: A) => [...g.initial(value), ...(g.commandChanges?.(value, undefined) ?? [])]
    const create = (value: A, change: ChangeLog.Change) =>
      Effect.andThen(checked(value, undefined, fresh(value)), base.create(value, change))

    const update = (value: A, change: ChangeLog.Update) =>
      Effect.gen(function*() {
        const current = yield* base.find(value.id)
        if (Option.isNone(current) || current.value.version !== change.expectedVersion) {
          return yield* new VersionConflict({
            kind: base.kind,
            id: value.id,
            expected: typeof change.expectedVersion === "number" ? change.expectedVersion : -1,
            actual: Option.isNone(current) ? 0 : current.value.version
          })
        }
        const changed = g.commandFields.filter((f) => !same(current.value[f], value[f]))
        yield* checked(value, current.value, [...(g.commandChanges?.(value, current.value) ?? []), ...changed.map((f) =>
          Refusal.violation(f, "command-field", value[f], {
            sv: `${f} ändras bara med kommandona i ${g.commandsIn}, inte med en uppdatering.`,
            en: `${f} changes only through the commands of ${g.commandsIn}, not through an update.`
          })
        )])
        return yield* base.update(value, change)
      })

    const ensure = (value: A, change: ChangeLog.Change) =>
      Effect.gen(function*() {
        if (Option.isNone(yield* base.find(value.id))) yield* checked(value, undefined, fresh(value))
        return yield* base.ensure(value, change)
      })

    // commands have checked their own transition; the guard still checks the references
    const write: Commanded<A, E>[typeof commanded] = (value, change, recorded) =>
      Effect.gen(function*() {
        const current = Option.getOrUndefined(yield* base.find(value.id))
        yield* checked(value, current, [])
        return current === undefined
          ? yield* base.create(value, change, recorded)
          : yield* base.update(value, { ...change, expectedVersion: change.expectedVersion ?? current.version }, recorded)
      })
    const commands: Commanded<A, E> = { [commanded]: write }
    const { create: _c, update: _u, ensure: _e, ...rest } = base
    return { ...rest, create, update, ensure, ...commands } as Guarded<A, E> & Commanded<A, E>
  })

/**
 * Declares a guarded store: the kind, schema and derived store of `base` (an
 * `EntityStore.Service` declaration), with `guardOf` around its writes.
 *
 * @internal
 */
export const service = <Self, A extends EntityStore.Versioned, E>(
  base: EntityStore.Definition<Self, A>,
  g: Guard<A, E>
) => {
  const make: Effect.Effect<Guarded<A, E> & Commanded<A, E>, never, DocumentStore> = Effect.flatMap(base.make, (store) => guard(store, g))
  const Tag = Context.Service<Self, Guarded<A, E> & Commanded<A, E>>()(`@localrights/core/store/${base.kind}`)
  const layer = Layer.effect(Tag as unknown as Context.Key<Self, Guarded<A, E> & Commanded<A, E>>, make)
  return Object.assign(Tag, { kind: base.kind, entityName: base.entityName, schema: base.schema as Schema.Codec<A, any>, make, layer })
}

/**
 * The command write path of a guarded store, or a `StoreError` when the store was not built
 * with {@link guard} (an adapter that provides its own).
 *
 * @internal
 */
export const writerOf = <A, E>(store: Commanded<A, E> | object, method: string) => {
  const write = (store as Partial<Commanded<A, E>>)[commanded]
  return write === undefined
    ? Effect.fail(new StoreError({ method, reason: "unknown", detail: "the store was not built by core's guarded store, so it cannot record core's commands" }))
    : Effect.succeed(write!)
}

/**
 * What a command on a stored entity starts from: the entity as stored, when the change states
 * its version (`NotFound` when absent, `VersionConflict` when the caller read another version).
 *
 * @internal
 */
export const current = <A extends EntityStore.Versioned>(store: Pick<EntityStore.EntityStore<A>, "get" | "kind">, id: string, change: ChangeLog.Update) =>
  Effect.flatMap(store.get(id), (stored) =>
    stored.version === change.expectedVersion
      ? Effect.succeed(stored)
      : Effect.fail(new VersionConflict({ kind: store.kind, id, expected: change.expectedVersion, actual: stored.version })))

/**
 * One command on a stored entity of a guarded store: re-reads it ({@link current}), runs the
 * transition, and writes the value the transition gives (`valueOf`) through the command write
 * path, recorded as `command` with the status before when the entity has one. Gives the
 * written value and what the transition returned (notifications, say).
 *
 * @internal
 */
export const commandOn = <A extends EntityStore.Versioned, E, B, E2, R>(
  store: Pick<EntityStore.EntityStore<A>, "get" | "kind"> & (Commanded<A, E> | object),
  method: string,
  id: string,
  change: ChangeLog.Update,
  command: EntityStore.CommandName,
  transition: (stored: A) => Effect.Effect<B, E2, R>,
  valueOf: (result: B) => A
) =>
  Effect.gen(function*() {
    const stored = yield* current(store, id, change)
    const result = yield* transition(stored)
    const write = yield* writerOf<A, E>(store, method)
    const status = (stored as { readonly status?: unknown }).status
    const written = yield* write(valueOf(result), change, recorded(command, typeof status === "string" ? status : undefined))
    return { written, result }
  })
