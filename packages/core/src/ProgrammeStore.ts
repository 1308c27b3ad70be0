/**
 * The store of programmes, with versions and change log. Derived from the primitive
 * {@link DocumentStore.DocumentStore} by {@link layer}; an adapter may also provide it directly.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer } from "effect"
import type { DocumentStore } from "./DocumentStore.ts"
import * as EntityStore from "./EntityStore.ts"
import { Programme } from "./Programme.ts"

/**
 * The store of programmes.
 *
 * @category services
 * @since 0.1.0
 */
export class ProgrammeStore extends Context.Service<ProgrammeStore, EntityStore.EntityStore<Programme>>()(
  "@localrights/core/ProgrammeStore"
) {}

/**
 * Builds the store over the {@link DocumentStore.DocumentStore} in context.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make: Effect.Effect<ProgrammeStore["Service"], never, DocumentStore> = EntityStore.make("programme", Programme)

/**
 * The store as a layer over the {@link DocumentStore.DocumentStore} in context.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer: Layer.Layer<ProgrammeStore, never, DocumentStore> = Layer.effect(ProgrammeStore, make)
