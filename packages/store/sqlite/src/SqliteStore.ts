/**
 * Every localrights store in one SQLite database: the embedded default, with no setup. A file
 * (write-ahead logging, foreign keys on, busy timeout) or an in-memory database; migrations run
 * when the layer is built.
 *
 * @example
 * ```ts
 * import { SqliteStore } from "@localrights/store-sqlite"
 * import { Partnership } from "@localrights/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const page = yield* (yield* Partnership.Store).search({ text: "Lund" })
 *   return page.total
 * })
 * Effect.runPromise(program.pipe(Effect.provide(SqliteStore.layer({ filename: ".localrights/data.db" }))))
 * ```
 *
 * @module
 * @since 0.1.0
 */
import { DocumentStore, type Stores } from "@localrights/core"
import { SqlStores } from "@localrights/store-sql"
import { Effect, Layer } from "effect"
import type * as Config from "effect/Config"
import * as ConfigModule from "effect/Config"
import type * as Client from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import * as SqliteClient from "./SqliteClient.ts"

/**
 * What {@link layer} provides: every typed store, the document store, and the SQL client (for
 * `Import.partnerships` and your own queries).
 *
 * @category models
 * @since 0.1.0
 */
export type Services = Stores.Stores | DocumentStore.DocumentStore | Client.SqlClient | SqliteClient.SqliteClient

/**
 * The client layer with opening errors as `StoreError`.
 *
 * @category layers
 * @since 0.1.0
 */
export const layerClient = (
  config: SqliteClient.SqliteConfig = {}
): Layer.Layer<Client.SqlClient | SqliteClient.SqliteClient, DocumentStore.StoreError> =>
  SqliteClient.layerFrom(Effect.mapError(SqliteClient.make(config), openFailed(config.filename ?? ":memory:")))

/**
 * The client layer from `Config`, with opening errors as `StoreError`.
 *
 * @category layers
 * @since 0.1.0
 */
export const layerClientConfig = (
  config: Config.Wrap<SqliteClient.SqliteConfig>
): Layer.Layer<Client.SqlClient | SqliteClient.SqliteClient, DocumentStore.StoreError | Config.ConfigError> =>
  SqliteClient.layerFrom(
    Effect.flatMap(ConfigModule.unwrap(config), (c) => Effect.mapError(SqliteClient.make(c), openFailed(c.filename ?? ":memory:")))
  )

const openFailed = (filename: string) => (error: SqlError): DocumentStore.StoreError =>
  new DocumentStore.StoreError({
    method: "SqliteStore.open",
    reason: "connection",
    detail: `opening SQLite database ${filename}: ${error.message}`,
    cause: error
  })

/**
 * A client layer whose database has been migrated.
 *
 * @category layers
 * @since 0.1.0
 */
export const layerMigrated = <E>(
  client: Layer.Layer<Client.SqlClient | SqliteClient.SqliteClient, E>
): Layer.Layer<Client.SqlClient | SqliteClient.SqliteClient, E | DocumentStore.StoreError> =>
  Layer.provideMerge(SqlStores.migrate, client)

/**
 * Every store over a SQLite database opened with `config` (default: in memory).
 *
 * @category layers
 * @since 0.1.0
 */
export const layer = (config: SqliteClient.SqliteConfig = {}): Layer.Layer<Services, DocumentStore.StoreError> =>
  SqlStores.layer.pipe(Layer.provideMerge(layerClient(config)))

/**
 * Every store over a SQLite database configured by `Config`.
 *
 * @category layers
 * @since 0.1.0
 */
export const layerConfig = (
  config: Config.Wrap<SqliteClient.SqliteConfig>
): Layer.Layer<Services, DocumentStore.StoreError | Config.ConfigError> =>
  SqlStores.layer.pipe(Layer.provideMerge(layerClientConfig(config)))

/**
 * Every store in a fresh in-memory SQLite database: for tests and demos.
 *
 * @category layers
 * @since 0.1.0
 */
export const layerMemory: Layer.Layer<Services, DocumentStore.StoreError> = Layer.suspend(() => layer({}))

/**
 * Checks a database file: SQLite's own integrity check, and that every document has exactly
 * the change records of versions 1 to its version. Returns the problems found (none: healthy).
 *
 * @category constructors
 * @since 0.1.0
 */
export const check: Effect.Effect<ReadonlyArray<string>, DocumentStore.StoreError, Client.SqlClient> = SqlStores.check
