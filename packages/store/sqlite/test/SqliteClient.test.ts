import { assert, describe, it } from "@effect/vitest"
import { SqliteClient } from "@localrights/store-sqlite"
import { Effect } from "effect"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const pragma = (name: string) =>
  Effect.gen(function*() {
    const client = yield* SqliteClient.SqliteClient
    return Object.values(client.database.prepare(`PRAGMA ${name}`).get()!)[0]
  })

describe("SqliteClient settings", () => {
  it.effect("a file: WAL, foreign keys and the page cache as configured", () =>
    Effect.gen(function*() {
      const dir = mkdtempSync(join(tmpdir(), "lr-sqlite-client-"))
      yield* Effect.addFinalizer(() => Effect.sync(() => rmSync(dir, { recursive: true, force: true })))
      const settings = yield* Effect.all({
        journal: pragma("journal_mode"),
        foreignKeys: pragma("foreign_keys"),
        cache: pragma("cache_size"),
        busy: pragma("busy_timeout")
      }).pipe(Effect.provide(SqliteClient.layer({ filename: join(dir, "a.db"), cacheSizeKiB: 4096, busyTimeout: 1234 })))
      assert.deepStrictEqual(settings, { journal: "wal", foreignKeys: 1, cache: -4096, busy: 1234 })
      // the defaults: a 32 MiB page cache, a 5 s busy timeout; the rollback journal when asked
      const defaults = yield* Effect.all([pragma("cache_size"), pragma("busy_timeout"), pragma("journal_mode")]).pipe(
        Effect.provide(SqliteClient.layer({ filename: join(dir, "b.db"), disableWAL: true }))
      )
      assert.deepStrictEqual(defaults, [-32768, 5000, "delete"])
    }).pipe(Effect.scoped))
})
