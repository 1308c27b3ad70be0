/**
 * The store of partnerships, with versions, change log and catalogue queries. Derived from the
 * primitive {@link DocumentStore.DocumentStore} by {@link layer}; a SQL adapter may provide it
 * directly to answer {@link Catalogue.Query} with indexes.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer } from "effect"
import * as Catalogue from "./Catalogue.ts"
import type { DocumentStore, StoreError } from "./DocumentStore.ts"
import * as EntityStore from "./EntityStore.ts"
import { Partnership } from "./Partnership.ts"

/**
 * The store of partnerships.
 *
 * @category services
 * @since 0.1.0
 */
export class PartnershipStore extends Context.Service<PartnershipStore, EntityStore.EntityStore<Partnership> & {
  /** One page of the catalogue: filters, free text, sort, cursor and facets. */
  readonly search: (query: Catalogue.Query) => Effect.Effect<Catalogue.Page, StoreError>
}>()("@localrights/core/PartnershipStore") {}

/**
 * Builds the store over the {@link DocumentStore.DocumentStore} in context. `search` reads
 * every partnership and evaluates the query with {@link Catalogue.run}: right for the in-memory
 * store and small data; SQL adapters answer it with indexes.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make: Effect.Effect<PartnershipStore["Service"], never, DocumentStore> = Effect.gen(function*() {
  const store = yield* EntityStore.make("partnership", Partnership)
  return {
    ...store,
    search: (query) => store.list().pipe(Effect.map((all) => Catalogue.run(all, query)))
  }
})

/**
 * The store as a layer over the {@link DocumentStore.DocumentStore} in context.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer: Layer.Layer<PartnershipStore, never, DocumentStore> = Layer.effect(PartnershipStore, make)
