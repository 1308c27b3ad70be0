/**
 * Helpers for loading example data (not exported from the examples entry point).
 *
 * @module
 * @since 0.1.0
 */
import { Effect } from "effect"
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
export const ensureAll = <A extends EntityStore.Versioned>(
  store: Pick<EntityStore.EntityStore<A>, "ensure">,
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
