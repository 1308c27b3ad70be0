/**
 * The {@link Partnership.Store} on PostgreSQL: catalogue queries answered with
 * the SQL index (see `@localrights/store-sql`'s `SqlPartnershipStore`).
 *
 * @module
 * @since 0.1.0
 */
import { DocumentStore, Partnership } from "@localrights/core"
import { SqlPartnershipStore, SqlStores } from "@localrights/store-sql"
import { Layer } from "effect"
import type * as Config from "effect/Config"
import type * as Effect from "effect/Effect"
import type * as Client from "effect/sql/SqlClient"
import * as PgDocumentStore from "./PgDocumentStore.ts"
import * as PgStore from "./PgStore.ts"

/**
 * Builds the store over the SQL client and document store in context.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make: Effect.Effect<
  Partnership.Store["Service"],
  never,
  Client.SqlClient | DocumentStore.DocumentStore
> = SqlPartnershipStore.make

const over = <E>(client: Layer.Layer<Client.SqlClient, E>) =>
  SqlPartnershipStore.layer.pipe(
    Layer.provideMerge(Layer.effect(DocumentStore.DocumentStore, PgDocumentStore.make)),
    Layer.provide(Layer.provideMerge(SqlStores.migrate, client))
  )

/**
 * The partnership store and its document store over the PostgreSQL database of `config`.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer = (
  config: PgStore.PgConfig
): Layer.Layer<Partnership.Store | DocumentStore.DocumentStore, DocumentStore.StoreError> =>
  over(PgStore.layerClient(config))

/**
 * The partnership store and its document store over a PostgreSQL database configured by `Config`.
 *
 * @category layers
 * @since 0.1.0
 */
export const layerConfig = (
  config: Config.Wrap<PgStore.PgConfig>
): Layer.Layer<Partnership.Store | DocumentStore.DocumentStore, DocumentStore.StoreError> =>
  over(PgStore.layerClientConfig(config))
