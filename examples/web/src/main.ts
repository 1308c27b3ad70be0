/**
 * Runs the example web app. Settings from the environment:
 *
 * - `HOST` (default `127.0.0.1`: loopback only; `0.0.0.0` for every interface) and `PORT`
 *   (default 3000);
 * - `LOCALRIGHTS_PG_URL`: PostgreSQL (`postgres://user@host:5432/db`); without it, SQLite in
 *   `LOCALRIGHTS_DB` (default `.localrights/web.db` under the repository root);
 * - `LOCALRIGHTS_WEB_WRITE=1` accepts lifecycle commands (off by default: put the app behind
 *   authentication first);
 * - `LOG_LEVEL` (`Info` by default: one line per request; `Warn` or `Error` for less, `Debug`).
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Effect, Layer, Redacted } from "effect"
import * as Config from "effect/Config"
import { fileURLToPath } from "node:url"
import * as Server from "./Server.ts"
import * as Store from "./Store.ts"

const defaultDb = fileURLToPath(new URL("../../../.localrights/web.db", import.meta.url))

const App = Layer.unwrap(Effect.gen(function*() {
  const port = yield* Config.Port("PORT").pipe(Config.withDefault(3000))
  const host = yield* Config.String("HOST").pipe(Config.withDefault("127.0.0.1"))
  const pg = yield* Config.Redacted("LOCALRIGHTS_PG_URL").pipe(Config.option)
  const db = yield* Config.String("LOCALRIGHTS_DB").pipe(Config.withDefault(defaultDb))
  const write = (yield* Config.String("LOCALRIGHTS_WEB_WRITE").pipe(Config.withDefault("0"))) === "1"
  const logLevel = yield* Config.LogLevel("LOG_LEVEL").pipe(Config.withDefault("Info" as const))
  // the app shows the results framework: Lund–Francistown seeded in its preparation year with
  // its (illustrative) goals, indicators and an approved report
  const store = pg._tag === "Some" ? Store.layerPostgres(Redacted.value(pg.value), { results: true }) : Store.layerSqlite(db, { results: true })
  yield* Effect.logInfo(`store: ${pg._tag === "Some" ? "PostgreSQL (LOCALRIGHTS_PG_URL)" : `SQLite ${db}`}; writes ${write ? "ON (LOCALRIGHTS_WEB_WRITE=1)" : "off"}`)
  return Server.layer({
    port,
    host,
    store,
    write,
    logLevel,
    // another instance may write to the same PostgreSQL database: kept pages live 2 s at most
    ...(pg._tag === "Some" ? { guard: { cacheTtl: 2000 } } : {})
  })
}))

Layer.launch(App).pipe(NodeRuntime.runMain)
