/**
 * A small `effect/sql` client over `node:sqlite`'s `DatabaseSync` (built into Node 24).
 *
 * **Details**
 *
 * No stable `@effect/sql-sqlite-node` exists for Effect 4 yet, so this package carries its own
 * client: about a hundred lines that supply the connection operations, while `effect/sql`
 * supplies the SQLite statement compiler, transactions and savepoints. It is kept small on
 * purpose so that it can be swapped for the official client when one ships.
 *
 * One connection is shared through a semaphore: statements and transactions of one client
 * never interleave. Transactions start with `BEGIN IMMEDIATE`, so two processes on one file
 * wait for each other (busy timeout) instead of failing on a lock upgrade.
 *
 * @module
 * @since 0.1.0
 */
import { Context, Effect, Layer, Scope, Semaphore, Stream } from "effect"
import * as Config from "effect/Config"
import * as Reactivity from "effect/reactivity/Reactivity"
import * as Client from "effect/sql/SqlClient"
import type { Connection } from "effect/sql/SqlConnection"
import * as SqlError from "effect/sql/SqlError"
import * as Statement from "effect/sql/Statement"
import { DatabaseSync, type SQLInputValue, type StatementSync } from "node:sqlite"

/**
 * How to open the database.
 *
 * @category models
 * @since 0.1.0
 */
export interface SqliteConfig {
  /** A file path, or `":memory:"` (the default) for a database that lives as long as the layer. */
  readonly filename?: string | undefined
  /** Milliseconds a statement waits for another process's lock before failing (default 5000). */
  readonly busyTimeout?: number | undefined
  /** Leave the rollback journal instead of switching to write-ahead logging. */
  readonly disableWAL?: boolean | undefined
  /** Page cache in KiB (default 32768: 32 MiB); bulk imports into large databases need more than SQLite's 2 MiB. */
  readonly cacheSizeKiB?: number | undefined
  /** How many prepared statements to keep (default 200). */
  readonly statementCacheSize?: number | undefined
}

/**
 * The client: an `effect/sql` client plus the underlying `DatabaseSync`, for bulk paths and
 * tests that need the raw driver.
 *
 * @category models
 * @since 0.1.0
 */
export interface SqliteClient extends Client.SqlClient {
  /** The `node:sqlite` database this client runs on. */
  readonly database: DatabaseSync
  /** The configuration it was opened with. */
  readonly config: SqliteConfig
  /**
   * Runs one prepared statement once per row of parameters (strings, numbers, null) and returns
   * the number of rows changed: the bulk path of `Import`. Call it inside `withTransaction`,
   * which holds the connection.
   */
  readonly bulk: (sql: string, rows: ReadonlyArray<ReadonlyArray<unknown>>) => Effect.Effect<number, SqlError.SqlError>
}

/**
 * The client as a service.
 *
 * @category services
 * @since 0.1.0
 */
export const SqliteClient = Context.Service<SqliteClient>("@localrights/store-sqlite/SqliteClient")

// node:sqlite reports the extended result code in `errcode` (1555 primary key, 2067 unique).
const classify = (cause: unknown, operation: string): SqlError.SqlError => {
  const e = cause as { errcode?: number; message?: string }
  const message = typeof e?.message === "string" ? e.message : String(cause)
  const reason = e?.errcode === 1555 || e?.errcode === 2067
    ? new SqlError.UniqueViolation({ cause, message, operation, constraint: message.replace(/^.*constraint failed:\s*/, "") })
    : SqlError.classifySqliteError({ errno: e?.errcode, message }, { message, operation })
  return new SqlError.SqlError({ reason: reason._tag === "UnknownError" ? new SqlError.UnknownError({ cause, message, operation }) : reason })
}

const toInput = (value: unknown): SQLInputValue => {
  switch (typeof value) {
    case "boolean":
      return value ? 1 : 0
    case "undefined":
      return null
    case "object":
      return value === null || value instanceof Uint8Array ? value : value instanceof Date ? value.toISOString() : JSON.stringify(value)
    default:
      return value as SQLInputValue
  }
}

/**
 * Opens the database and builds the client; the database closes with the scope.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (config: SqliteConfig = {}): Effect.Effect<SqliteClient, SqlError.SqlError, Scope.Scope | Reactivity.Reactivity> =>
  Effect.gen(function*() {
    const filename = config.filename ?? ":memory:"
    const db = yield* Effect.acquireRelease(
      Effect.try({
        try: () => new DatabaseSync(filename, { timeout: config.busyTimeout ?? 5000, enableForeignKeyConstraints: true }),
        catch: (cause) => classify(cause, "open")
      }),
      (db) => Effect.sync(() => db.isOpen && db.close())
    )
    const cacheSize = config.statementCacheSize ?? 200
    const cache = new Map<string, StatementSync>()
    const prepare = (sql: string, arrays: boolean): StatementSync => {
      const key = arrays ? `A${sql}` : `O${sql}`
      let stmt = cache.get(key)
      if (stmt === undefined) {
        stmt = db.prepare(sql)
        if (arrays) stmt.setReturnArrays(true)
        if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!)
        cache.set(key, stmt)
      }
      return stmt
    }
    const run = (sql: string, params: ReadonlyArray<unknown>, arrays = false, raw = false) =>
      Effect.try({
        try: () => {
          const stmt = prepare(sql, arrays)
          const input = params.map(toInput)
          // rows are objects (arrays with setReturnArrays); `run` gives the changes object
          return (raw ? stmt.run(...input) : stmt.all(...input)) as ReadonlyArray<object>
        },
        catch: (cause) => classify(cause, "execute")
      })
    const connection: Connection = {
      execute: (sql, params, transformRows) =>
        transformRows ? Effect.map(run(sql, params), transformRows) : run(sql, params),
      executeRaw: (sql, params) => run(sql, params, false, true),
      executeValues: (sql, params) => run(sql, params, true) as Effect.Effect<ReadonlyArray<ReadonlyArray<unknown>>, SqlError.SqlError>,
      executeValuesUnprepared: (sql, params) => run(sql, params, true) as Effect.Effect<ReadonlyArray<ReadonlyArray<unknown>>, SqlError.SqlError>,
      executeUnprepared: (sql, params, transformRows) => connection.execute(sql, params, transformRows),
      executeStream: (sql, params, transformRows) =>
        Stream.fromIterableEffect(connection.execute(sql, params, transformRows))
    }

    yield* connection.execute("PRAGMA foreign_keys = ON", [], undefined)
    yield* connection.execute(`PRAGMA cache_size = -${Math.max(1, Math.floor(config.cacheSizeKiB ?? 32768))}`, [], undefined)
    if (filename !== ":memory:" && config.disableWAL !== true) {
      yield* connection.execute("PRAGMA journal_mode = WAL", [], undefined)
      yield* connection.execute("PRAGMA synchronous = NORMAL", [], undefined)
    }

    const { acquirer, borrower, onCommitFailure, transactionAcquirer } = Client.makeSqliteAcquirers({
      connection: Effect.succeed(connection),
      semaphore: yield* Semaphore.make(1),
      isTransaction: () => db.isTransaction
    })
    const client = yield* Client.make({
      acquirer,
      borrower,
      transactionAcquirer,
      onCommitFailure,
      isTransaction: () => db.isTransaction,
      compiler: Statement.makeCompilerSqlite(),
      driver: "localrights-sqlite-node",
      beginTransaction: "BEGIN IMMEDIATE",
      releaseSavepoint: (name) => `RELEASE SAVEPOINT ${name}`,
      spanAttributes: [["db.system.name", "sqlite"]]
    })
    const bulk = (sql: string, rows: ReadonlyArray<ReadonlyArray<unknown>>) =>
      Effect.try({
        try: () => {
          const stmt = prepare(sql, false)
          let changed = 0
          for (const row of rows) changed += Number(stmt.run(...(row as Array<SQLInputValue>)).changes)
          return changed
        },
        catch: (cause) => classify(cause, "bulk")
      })
    return Object.assign(client, { database: db, config, bulk }) as SqliteClient
  })

/**
 * The services of a client: {@link SqliteClient} and `SqlClient`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const context = (client: SqliteClient): Context.Context<SqliteClient | Client.SqlClient> =>
  Context.make(SqliteClient, client).pipe(Context.add(Client.SqlClient, client))

/**
 * A layer from an effect that makes the client (with its opening errors mapped as you like).
 *
 * @category layers
 * @since 0.1.0
 */
export const layerFrom = <E, R>(
  acquire: Effect.Effect<SqliteClient, E, R>
): Layer.Layer<SqliteClient | Client.SqlClient, E, Exclude<Exclude<R, Scope.Scope>, Reactivity.Reactivity>> =>
  Layer.effectContext(Effect.map(acquire, context)).pipe(Layer.provide(Reactivity.layer))

/**
 * The client as a layer providing both {@link SqliteClient} and `SqlClient`.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer = (config: SqliteConfig = {}): Layer.Layer<SqliteClient | Client.SqlClient, SqlError.SqlError> =>
  layerFrom(make(config))

/**
 * The client as a layer from `Config` (for example `Config.all({ filename: Config.string("LOCALRIGHTS_SQLITE") })`).
 *
 * @category layers
 * @since 0.1.0
 */
export const layerConfig = (
  config: Config.Wrap<SqliteConfig>
): Layer.Layer<SqliteClient | Client.SqlClient, Config.ConfigError | SqlError.SqlError> =>
  layerFrom(Effect.flatMap(Config.unwrap(config), make))
