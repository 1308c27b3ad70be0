/**
 * The primitive {@link DocumentStore.DocumentStore} port on PostgreSQL.
 *
 * @module
 * @since 0.1.0
 */
import { DocumentStore } from "@localrights/core"
import { SqlDocumentStore, SqlStores } from "@localrights/store-sql"
import { Effect, Layer } from "effect"
import type * as Config from "effect/Config"
import type * as Client from "effect/sql/SqlClient"
import * as PgStore from "./PgStore.ts"

/**
 * Builds the document store over the SQL client in context (schema migrated).
 *
 * @category constructors
 * @since 0.1.0
 */
export const make: Effect.Effect<DocumentStore.DocumentStore["Service"], never, Client.SqlClient> = SqlDocumentStore.make

/**
 * The document store over the PostgreSQL database of `config`, migrated.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer = (config: PgStore.PgConfig): Layer.Layer<DocumentStore.DocumentStore, DocumentStore.StoreError> =>
  SqlDocumentStore.layer.pipe(Layer.provide(Layer.provideMerge(SqlStores.migrate, PgStore.layerClient(config))))

/**
 * The document store over a PostgreSQL database configured by `Config`.
 *
 * @category layers
 * @since 0.1.0
 */
export const layerConfig = (config: Config.Wrap<PgStore.PgConfig>): Layer.Layer<DocumentStore.DocumentStore, DocumentStore.StoreError> =>
  SqlDocumentStore.layer.pipe(Layer.provide(Layer.provideMerge(SqlStores.migrate, PgStore.layerClientConfig(config))))
