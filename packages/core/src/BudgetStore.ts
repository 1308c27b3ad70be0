/**
 * The store of budgets, with versions and change log. Derived from the primitive
 * {@link DocumentStore.DocumentStore} by {@link layer}; an adapter may also provide it directly.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer } from "effect"
import type { DocumentStore } from "./DocumentStore.ts"
import * as EntityStore from "./EntityStore.ts"
import { Budget } from "./Budget.ts"

/**
 * The store of budgets.
 *
 * @category services
 * @since 0.1.0
 */
export class BudgetStore extends Context.Service<BudgetStore, EntityStore.EntityStore<Budget>>()(
  "@localrights/core/BudgetStore"
) {}

/**
 * Builds the store over the {@link DocumentStore.DocumentStore} in context.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make: Effect.Effect<BudgetStore["Service"], never, DocumentStore> = EntityStore.make("budget", Budget)

/**
 * The store as a layer over the {@link DocumentStore.DocumentStore} in context.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer: Layer.Layer<BudgetStore, never, DocumentStore> = Layer.effect(BudgetStore, make)
