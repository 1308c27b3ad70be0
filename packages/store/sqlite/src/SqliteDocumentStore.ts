/**
 * The primitive {@link DocumentStore.DocumentStore} port on SQLite.
 *
 * @module
 * @since 0.1.0
 */
import { DocumentStore } from "@localrights/core"
import { SqlDocumentStore } from "@localrights/store-sql"
import { Effect, Layer } from "effect"
import type * as Config from "effect/Config"
import type * as Client from "effect/sql/SqlClient"
import * as SqliteClient from "./SqliteClient.ts"
import * as SqliteStore from "./SqliteStore.ts"

/**
 * Builds the document store over the SQL client in context (schema migrated).
 *
 * @category constructors
 * @since 0.1.0
 */
export const make: Effect.Effect<DocumentStore.DocumentStore["Service"], never, Client.SqlClient> = SqlDocumentStore.make

/**
 * The document store over a SQLite database opened with `config`, migrated.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer = (config: SqliteClient.SqliteConfig = {}): Layer.Layer<DocumentStore.DocumentStore, DocumentStore.StoreError> =>
  SqlDocumentStore.layer.pipe(Layer.provide(SqliteStore.layerMigrated(SqliteStore.layerClient(config))))

/**
 * The document store over a SQLite database configured by `Config`.
 *
 * @category layers
 * @since 0.1.0
 */
export const layerConfig = (
  config: Config.Wrap<SqliteClient.SqliteConfig>
): Layer.Layer<DocumentStore.DocumentStore, DocumentStore.StoreError | Config.ConfigError> =>
  SqlDocumentStore.layer.pipe(Layer.provide(SqliteStore.layerMigrated(SqliteStore.layerClientConfig(config))))
