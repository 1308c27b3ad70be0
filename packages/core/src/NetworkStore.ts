/**
 * The store of networks, with versions and change log. Derived from the primitive
 * {@link DocumentStore.DocumentStore} by {@link layer}; an adapter may also provide it directly.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer } from "effect"
import type { DocumentStore } from "./DocumentStore.ts"
import * as EntityStore from "./EntityStore.ts"
import { Network } from "./Network.ts"

/**
 * The store of networks.
 *
 * @category services
 * @since 0.1.0
 */
export class NetworkStore extends Context.Service<NetworkStore, EntityStore.EntityStore<Network>>()(
  "@localrights/core/NetworkStore"
) {}

/**
 * Builds the store over the {@link DocumentStore.DocumentStore} in context.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make: Effect.Effect<NetworkStore["Service"], never, DocumentStore> = EntityStore.make("network", Network)

/**
 * The store as a layer over the {@link DocumentStore.DocumentStore} in context.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer: Layer.Layer<NetworkStore, never, DocumentStore> = Layer.effect(NetworkStore, make)
