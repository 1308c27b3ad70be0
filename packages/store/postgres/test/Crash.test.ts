import { PgStore } from "@localrights/store-postgres"
import { CrashTest } from "@localrights/store-sql/testing"
import { Redacted } from "effect"
import { join } from "node:path"
import { afterAll } from "vitest"
import * as TestPg from "./pg.ts"

const db = await TestPg.start()
afterAll(() => db.close())

const child = join(import.meta.dirname, "fixtures", "import-child.ts")
const url = Redacted.value(db.config.url!)
const schema = db.config.startupParameters?.["search_path"] ?? ""

// a child process importing over a connection, killed with SIGKILL 20 times: the server (or
// PGlite's socket server) rolls the batch in flight back when the connection drops
CrashTest.suite(`postgres (${db.kind})`, {
  child: (input) => [process.execPath, "--conditions=@localrights/source", child, url, schema, input, "100"],
  database: db.use(PgStore.layerClient(db.config)),
  records: 4000
})
