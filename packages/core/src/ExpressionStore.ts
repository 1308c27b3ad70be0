/**
 * The store of expressions of interest (intresseanmälningar), with versions and change log. Derived from the primitive
 * {@link DocumentStore.DocumentStore} by {@link layer}, so every adapter stores them.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer } from "effect"
import { Expression } from "./InterestExpression.ts"
import type { DocumentStore } from "./DocumentStore.ts"
import * as EntityStore from "./EntityStore.ts"

/**
 * The store of expressions of interest (intresseanmälningar).
 *
 * @category services
 * @since 0.1.0
 */
export class ExpressionStore extends Context.Service<ExpressionStore, EntityStore.EntityStore<Expression>>()(
  "@localrights/core/ExpressionStore"
) {}

/**
 * Builds the store over the {@link DocumentStore.DocumentStore} in context.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make: Effect.Effect<ExpressionStore["Service"], never, DocumentStore> = EntityStore.make("interest-expression", Expression)

/**
 * The store as a layer over the {@link DocumentStore.DocumentStore} in context.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer: Layer.Layer<ExpressionStore, never, DocumentStore> = Layer.effect(ExpressionStore, make)
