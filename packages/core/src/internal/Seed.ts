/**
 * Helpers for loading example data (not exported from the examples entry point).
 *
 * @module
 * @since 0.1.0
 */
import { Effect, Option } from "effect"
import * as ChangeLog from "../ChangeLog.ts"
import type * as EntityStore from "../store/EntityStore.ts"
import type { Organisation } from "../partnership/Organisation.ts"
import { Store as OrganisationStore } from "../partnership/Organisation.ts"
import type { ValidationError } from "../Validation.ts"

/**
 * The change of a seed load, with its source in the reason.
 *
 * @category constructors
 * @since 0.1.0
 */
export const change = (source: string): ChangeLog.Change => ChangeLog.change("seed", `Loaded from ${source}`)

/**
 * A value of the example data, built with its `make` when the module loads: the data is
 * written in plain values, and a mistake in it fails the import, naming the field.
 *
 * @category constructors
 * @since 0.2.0
 */
export const value = <A>(made: Effect.Effect<A, ValidationError>): A => Effect.runSync(made)

/**
 * Stores each value with `ensure` (created when absent, left alone when the same, refused when
 * it differs): a seed can run again.
 *
 * @category constructors
 * @since 0.2.0
 */
export const ensureAll = <A extends EntityStore.Versioned, E>(
  store: { readonly ensure: (value: A, change: ChangeLog.Change) => Effect.Effect<A, E> },
  values: ReadonlyArray<A>,
  source: string
) => Effect.forEach(values, (v) => store.ensure(v, change(source)), { discard: true })

/**
 * Ensures each organisation (example sets share SKR and others).
 *
 * @category constructors
 * @since 0.1.0
 */
export const ensureOrganisations = (organisations: ReadonlyArray<Organisation>, source: string) =>
  Effect.flatMap(OrganisationStore, (store) => ensureAll(store, organisations, source))

/**
 * Stores a value whose status is reached through commands: when absent, `first` (its first
 * status) is created and `steps` bring it to `target` through the commands, each recorded;
 * when present, it is compared with `target` as `ensure` does (left alone when the same,
 * `EnsureRefused` otherwise). A seed can run again.
 *
 * @category constructors
 * @since 0.2.0
 */
export const establish = <A extends EntityStore.Versioned, EF, EE, EC, E2, R>(
  store: {
    readonly find: (id: string) => Effect.Effect<Option.Option<A>, EF>
    readonly ensure: (value: A, change: ChangeLog.Change) => Effect.Effect<A, EE>
    readonly create: (value: A, change: ChangeLog.Change) => Effect.Effect<A, EC>
  },
  target: A,
  first: A,
  steps: (created: A, change: (stored: A) => ChangeLog.Update) => Effect.Effect<unknown, E2, R>,
  source: string
) =>
  Effect.gen(function*() {
    if (Option.isSome(yield* store.find(target.id))) return yield* store.ensure(target, change(source))
    const created = yield* store.create(first, change(source))
    return yield* steps(created, (stored) => ({ ...change(source), expectedVersion: stored.version }))
  })
