/**
 * Runs the example web app: `PORT` (default 3000), `LOCALRIGHTS_DB` (default
 * `.localrights/web.db` under the repository root), `LOCALRIGHTS_WEB_WRITE=1` to accept
 * lifecycle commands (off by default: put the app behind authentication first).
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Effect, Layer } from "effect"
import * as Config from "effect/Config"
import { fileURLToPath } from "node:url"
import * as Server from "./Server.ts"
import * as Store from "./Store.ts"

const defaultDb = fileURLToPath(new URL("../../../.localrights/web.db", import.meta.url))

const App = Layer.unwrap(Effect.gen(function*() {
  const port = yield* Config.Port("PORT").pipe(Config.withDefault(3000))
  const db = yield* Config.String("LOCALRIGHTS_DB").pipe(Config.withDefault(defaultDb))
  const write = (yield* Config.String("LOCALRIGHTS_WEB_WRITE").pipe(Config.withDefault("0"))) === "1"
  yield* Effect.logInfo(`store: SQLite ${db}; writes ${write ? "ON (LOCALRIGHTS_WEB_WRITE=1)" : "off"}`)
  return Server.layer({ port, store: Store.layerSqlite(db), write })
}))

Layer.launch(App).pipe(NodeRuntime.runMain)
