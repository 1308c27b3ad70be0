/**
 * The write path of lifecycle commands. `Integrity.guard` keeps it on the public partnership
 * store under this module's symbol, which the package does not export: only core's lifecycle
 * (`Partnerships`) writes a status or decision change.
 *
 * @internal
 */
import type { Effect } from "effect"
import type * as ChangeLog from "../ChangeLog.ts"
import type { Partnership } from "../partnership/Partnership.ts"
import type { StoreError, VersionConflict } from "../store/DocumentStore.ts"
import type * as EntityStore from "../store/EntityStore.ts"

/** @internal */
export const transition: unique symbol = Symbol("@localrights/core/partnership/transition")

/** @internal */
export interface Transitions {
  readonly [transition]: (
    value: Partnership,
    change: ChangeLog.Update,
    recorded: EntityStore.Recorded
  ) => Effect.Effect<Partnership, VersionConflict | StoreError>
}
