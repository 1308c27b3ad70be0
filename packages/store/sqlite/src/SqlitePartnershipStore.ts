/**
 * The {@link Partnership.Store} on SQLite: catalogue queries answered with the
 * SQL index (see `@localrights/store-sql`'s `SqlPartnershipStore`).
 *
 * @module
 * @since 0.1.0
 */
import { DocumentStore, Partnership } from "@localrights/core"
import { SqlPartnershipStore } from "@localrights/store-sql"
import { Layer } from "effect"
import type * as Config from "effect/Config"
import type * as Effect from "effect/Effect"
import type * as Client from "effect/sql/SqlClient"
import type * as SqliteClient from "./SqliteClient.ts"
import * as SqliteDocumentStore from "./SqliteDocumentStore.ts"
import * as SqliteStore from "./SqliteStore.ts"

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

/**
 * The partnership store and its document store over a SQLite database opened with `config`.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer = (
  config: SqliteClient.SqliteConfig = {}
): Layer.Layer<Partnership.Store | DocumentStore.DocumentStore, DocumentStore.StoreError> =>
  SqlPartnershipStore.layer.pipe(
    Layer.provideMerge(Layer.effect(DocumentStore.DocumentStore, SqliteDocumentStore.make)),
    Layer.provide(SqliteStore.layerMigrated(SqliteStore.layerClient(config)))
  )

/**
 * The partnership store and its document store over a SQLite database configured by `Config`.
 *
 * @category layers
 * @since 0.1.0
 */
export const layerConfig = (
  config: Config.Wrap<SqliteClient.SqliteConfig>
): Layer.Layer<Partnership.Store | DocumentStore.DocumentStore, DocumentStore.StoreError | Config.ConfigError> =>
  SqlPartnershipStore.layer.pipe(
    Layer.provideMerge(Layer.effect(DocumentStore.DocumentStore, SqliteDocumentStore.make)),
    Layer.provide(SqliteStore.layerMigrated(SqliteStore.layerClientConfig(config)))
  )
