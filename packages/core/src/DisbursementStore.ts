/**
 * The store of disbursement plans, with versions and change log. Derived from the primitive
 * {@link DocumentStore.DocumentStore} by {@link layer}; an adapter may also provide it directly.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer } from "effect"
import type { DocumentStore } from "./DocumentStore.ts"
import * as EntityStore from "./EntityStore.ts"
import { Plan } from "./Disbursement.ts"

/**
 * The store of disbursement plans.
 *
 * @category services
 * @since 0.1.0
 */
export class DisbursementStore extends Context.Service<DisbursementStore, EntityStore.EntityStore<Plan>>()(
  "@localrights/core/DisbursementStore"
) {}

/**
 * Builds the store over the {@link DocumentStore.DocumentStore} in context.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make: Effect.Effect<DisbursementStore["Service"], never, DocumentStore> = EntityStore.make("disbursement-plan", Plan)

/**
 * The store as a layer over the {@link DocumentStore.DocumentStore} in context.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer: Layer.Layer<DisbursementStore, never, DocumentStore> = Layer.effect(DisbursementStore, make)
