/**
 * Every localrights store in a PostgreSQL database, via `@effect/sql-pg`: where a user goes when
 * one machine is not enough (several app instances, larger data, managed backups). Migrations
 * run when the layer is built (serialised across instances by a table lock).
 *
 * @example
 * ```ts
 * import { PgStore } from "@localrights/store-postgres"
 * import { Redacted } from "effect"
 *
 * const Live = PgStore.layer({ url: Redacted.make("postgres://app@db.example.org/localrights"), maxConnections: 10 })
 * ```
 *
 * @module
 * @since 0.1.0
 */
import { DocumentStore, type Stores } from "@localrights/core"
import { SqlStores } from "@localrights/store-sql"
import * as PgClient from "@effect/sql-pg/PgClient"
import { Clock, Effect, Layer, Redacted } from "effect"
import * as Config from "effect/Config"
import type * as Client from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"

/**
 * Connection and pool settings: a `url` (or host, port, database, username, password), and pool
 * sizes (`maxConnections`, `minConnections`, `idleTimeout`, `connectionTTL`). See
 * `@effect/sql-pg`'s `PgPoolConfig` for every option.
 *
 * @category models
 * @since 0.1.0
 */
export type PgConfig = PgClient.PgPoolConfig

/**
 * What {@link layer} provides: every typed store, the document store, and the SQL client.
 *
 * @category models
 * @since 0.1.0
 */
export type Services = Stores.Stores | DocumentStore.DocumentStore | Client.SqlClient | PgClient.PgClient

const connectFailed = (error: SqlError | Config.ConfigError): DocumentStore.StoreError =>
  new DocumentStore.StoreError({
    method: "PgStore.connect",
    reason: error._tag === "SqlError" && (error.reason._tag === "ConnectionError" || error.reason._tag === "AuthenticationError")
      ? "connection"
      : "unknown",
    detail: `connecting to PostgreSQL: ${error.message}`,
    cause: error
  })

// The pool's connections, keep-alives and idle timers run on real time even when the caller's
// clock is a test clock (the contract suites set the time of change records with TestClock).
const withLiveClock = <A, E, R>(self: Effect.Effect<A, E, R>) => Effect.provideService(self, Clock.Clock, Clock.Clock.defaultValue())

/**
 * The `@effect/sql-pg` client layer with connection errors as `StoreError`.
 *
 * @category layers
 * @since 0.1.0
 */
export const layerClient = (config: PgConfig): Layer.Layer<Client.SqlClient | PgClient.PgClient, DocumentStore.StoreError> =>
  PgClient.layerFrom(Effect.mapError(withLiveClock(PgClient.make(config)), connectFailed))

/**
 * The client layer from `Config`, with errors as `StoreError`.
 *
 * @category layers
 * @since 0.1.0
 */
export const layerClientConfig = (
  config: Config.Wrap<PgConfig>
): Layer.Layer<Client.SqlClient | PgClient.PgClient, DocumentStore.StoreError> =>
  PgClient.layerFrom(Effect.flatMap(Config.unwrap(config), (c) => withLiveClock(PgClient.make(c))).pipe(Effect.mapError(connectFailed)))

/**
 * Every store over the PostgreSQL database of `config`.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer = (config: PgConfig): Layer.Layer<Services, DocumentStore.StoreError> =>
  SqlStores.layer.pipe(Layer.provideMerge(layerClient(config)))

/**
 * Every store over the database at `url` (`postgres://user@host:5432/db`).
 *
 * @category layers
 * @since 0.1.0
 */
export const layerUrl = (url: string, options: Omit<PgConfig, "url"> = {}): Layer.Layer<Services, DocumentStore.StoreError> =>
  layer({ ...options, url: Redacted.make(url) })

/**
 * Every store over a database configured by `Config`, for example
 * `{ url: Config.redacted("DATABASE_URL"), maxConnections: Config.int("PG_POOL").pipe(Config.withDefault(10)) }`.
 *
 * @category layers
 * @since 0.1.0
 */
export const layerConfig = (config: Config.Wrap<PgConfig>): Layer.Layer<Services, DocumentStore.StoreError> =>
  SqlStores.layer.pipe(Layer.provideMerge(layerClientConfig(config)))

/**
 * Checks the stored data: every document has exactly the change records of versions 1 to its
 * version, and every partnership is in the catalogue index.
 *
 * @category constructors
 * @since 0.1.0
 */
export const check: Effect.Effect<ReadonlyArray<string>, DocumentStore.StoreError, Client.SqlClient> = SqlStores.check
