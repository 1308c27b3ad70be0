/**
 * The store of organisations, with versions and change log. Derived from the primitive
 * {@link DocumentStore.DocumentStore} by {@link layer}; an adapter may also provide it directly.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer } from "effect"
import type { DocumentStore } from "./DocumentStore.ts"
import * as EntityStore from "./EntityStore.ts"
import { Organisation } from "./Organisation.ts"

/**
 * The store of organisations.
 *
 * @category services
 * @since 0.1.0
 */
export class OrganisationStore extends Context.Service<OrganisationStore, EntityStore.EntityStore<Organisation>>()(
  "@localrights/core/OrganisationStore"
) {}

/**
 * Builds the store over the {@link DocumentStore.DocumentStore} in context.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make: Effect.Effect<OrganisationStore["Service"], never, DocumentStore> = EntityStore.make("organisation", Organisation)

/**
 * The store as a layer over the {@link DocumentStore.DocumentStore} in context.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer: Layer.Layer<OrganisationStore, never, DocumentStore> = Layer.effect(OrganisationStore, make)
