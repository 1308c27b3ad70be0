import { assert, describe, it } from "@effect/vitest"
import { ChangeLog, DocumentStore, Partnership } from "@localrights/core"
import { IcldCohort2020 } from "@localrights/core/examples"
import { SqliteClient, SqliteStore } from "@localrights/store-sqlite"
import { Effect, Option } from "effect"
import { mkdtempSync, rmSync } from "node:fs"
import { DatabaseSync } from "node:sqlite"
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

describe("SqliteStore on a busy file", () => {
  it.effect("a write lock held past busyTimeout is a StoreError with reason busy; nothing is written; later it succeeds", () =>
    Effect.gen(function*() {
      const dir = mkdtempSync(join(tmpdir(), "lr-sqlite-busy-"))
      yield* Effect.addFinalizer(() => Effect.sync(() => rmSync(dir, { recursive: true, force: true })))
      const filename = join(dir, "busy.db")
      const p = IcldCohort2020.lundFrancistown
      yield* Effect.gen(function*() {
        const store = yield* Partnership.Store
        yield* IcldCohort2020.load // the programme and organisations the partnership names
        // another process (here: another connection) holds the write lock
        const other = new DatabaseSync(filename)
        other.exec("BEGIN IMMEDIATE")
        const error = yield* Effect.flip(store.create(p, ChangeLog.change("tester", "busy")))
        assert.instanceOf(error, DocumentStore.StoreError)
        assert.strictEqual((error as DocumentStore.StoreError).reason, "busy")
        assert.include((error as DocumentStore.StoreError).detail, "database is locked")
        other.exec("ROLLBACK")
        other.close()
        assert.isTrue(Option.isNone(yield* store.find(p.id)))
        yield* store.create(p, ChangeLog.change("tester", "not busy"))
        assert.strictEqual((yield* store.get(p.id)).version, 1)
      }).pipe(Effect.provide(SqliteStore.layer({ filename, busyTimeout: 50 })))
    }).pipe(Effect.scoped))
})
