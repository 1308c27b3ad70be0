/**
 * Helpers for loading example data (not exported from the examples entry point).
 *
 * @module
 * @since 0.1.0
 */
import { Effect, Option } from "effect"
import * as ChangeLog from "../ChangeLog.ts"
import type { Organisation } from "../partnership/Organisation.ts"
import { Store as OrganisationStore } from "../partnership/Organisation.ts"

/**
 * The change record of a seed load, with its source in the reason.
 *
 * @category constructors
 * @since 0.1.0
 */
export const change = (source: string) => ({ ...ChangeLog.change("seed", `Loaded from ${source}`), command: "Seed" })

/**
 * Stores each organisation that is not stored yet (example sets share SKR and others).
 *
 * @category constructors
 * @since 0.1.0
 */
export const ensureOrganisations = (organisations: ReadonlyArray<Organisation>, source: string) =>
  Effect.gen(function*() {
    const store = yield* OrganisationStore
    for (const o of organisations) {
      if (Option.isNone(yield* store.find(o.id))) yield* store.create(o, change(source))
    }
  })
