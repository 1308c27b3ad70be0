import { CrashTest } from "@localrights/store-sql/testing"
import { SqliteClient } from "@localrights/store-sqlite"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll } from "vitest"

const child = join(import.meta.dirname, "fixtures", "import-child.ts")
const dir = mkdtempSync(join(tmpdir(), "lr-crash-sqlite-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const database = join(dir, "crash.db")

// a child process importing into a SQLite file, killed with SIGKILL 20 times
CrashTest.suite("sqlite file", {
  child: (input) => [process.execPath, "--conditions=@localrights/source", child, database, input, "250"],
  database: SqliteClient.layer({ filename: database })
})
