/**
 * The store of funding rule sets (beyond the built-in ones), with versions and change log. Derived from the primitive
 * {@link DocumentStore.DocumentStore} by {@link layer}; an adapter may also provide it directly.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer } from "effect"
import type { DocumentStore } from "./DocumentStore.ts"
import * as EntityStore from "./EntityStore.ts"
import { FundingRuleSet } from "./FundingRuleSet.ts"

/**
 * The store of funding rule sets (beyond the built-in ones).
 *
 * @category services
 * @since 0.1.0
 */
export class FundingRuleSetStore extends Context.Service<FundingRuleSetStore, EntityStore.EntityStore<FundingRuleSet>>()(
  "@localrights/core/FundingRuleSetStore"
) {}

/**
 * Builds the store over the {@link DocumentStore.DocumentStore} in context.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make: Effect.Effect<FundingRuleSetStore["Service"], never, DocumentStore> = EntityStore.make("funding-rule-set", FundingRuleSet)

/**
 * The store as a layer over the {@link DocumentStore.DocumentStore} in context.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer: Layer.Layer<FundingRuleSetStore, never, DocumentStore> = Layer.effect(FundingRuleSetStore, make)
