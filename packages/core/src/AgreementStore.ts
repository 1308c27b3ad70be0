/**
 * The store of agreements, with versions and change log. Derived from the primitive
 * {@link DocumentStore.DocumentStore} by {@link layer}, so every adapter stores them.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer } from "effect"
import { Agreement } from "./Agreement.ts"
import type { DocumentStore } from "./DocumentStore.ts"
import * as EntityStore from "./EntityStore.ts"

/**
 * The store of agreements.
 *
 * @category services
 * @since 0.1.0
 */
export class AgreementStore extends Context.Service<AgreementStore, EntityStore.EntityStore<Agreement>>()(
  "@localrights/core/AgreementStore"
) {}

/**
 * Builds the store over the {@link DocumentStore.DocumentStore} in context.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make: Effect.Effect<AgreementStore["Service"], never, DocumentStore> = EntityStore.make("agreement", Agreement)

/**
 * The store as a layer over the {@link DocumentStore.DocumentStore} in context.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer: Layer.Layer<AgreementStore, never, DocumentStore> = Layer.effect(AgreementStore, make)
