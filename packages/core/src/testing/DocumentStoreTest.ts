/**
 * The contract suite every {@link DocumentStore.DocumentStore} adapter runs: versions, stale
 * writes refused, the change log appended atomically, listing order, JSON fidelity,
 * concurrent writers with no lost update, and the tamper-evident log: every record sealed
 * with `AuditLog.seal` (its `previous`, `hash`, and a store-wide `seq` and `chain` with no
 * gap even under concurrent writers), the log in `seq` order, actor salts and
 * pseudonymisation.
 *
 * @example
 * ```ts
 * import { DocumentStoreTest } from "@localrights/core/testing"
 * import { DocumentStore } from "@localrights/core"
 * DocumentStoreTest.suite("memory", DocumentStore.layerMemory)
 * ```
 *
 * @since 0.1.0
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Option } from "effect"
import type * as ChangeLog from "../ChangeLog.ts"
import * as AuditLog from "../store/AuditLog.ts"
import { DocumentStore } from "../store/DocumentStore.ts"

const record = (kind: string, id: string, version: number, command = "Test"): ChangeLog.Draft => ({
  entity: kind,
  id,
  version,
  at: new Date(Date.UTC(2020, 11, 10, 12, 0, version)).toISOString(),
  actor: "contract-suite",
  actorRef: "hmac-sha256:00",
  command,
  reason: `write ${version}`
})

// the fields a draft gives, of a sealed record
const drafted = (r: ChangeLog.Encoded): ChangeLog.Draft => {
  const { previous: _p, hash: _h, seq: _s, chain: _c, ...rest } = r
  return rest
}

/** The whole log checked record by record (hashes, links, seq, chain), with no document check. */
const checkLog = (records: ReadonlyArray<ChangeLog.Encoded>, hashing: AuditLog.Hashing) => {
  const verifier = new AuditLog.Verifier(hashing, { patches: false })
  for (const r of records) {
    const failed = verifier.push(r)
    if (failed !== undefined) return failed
  }
  return undefined
}

let counter = 0
/** A kind unique to one test, so suites can share one database. */
const freshKind = (name: string) => `test-${name}-${Date.now().toString(36)}-${(counter++).toString(36)}`

/**
 * Options for {@link suite}.
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  /** How many fibers write one document at once in the concurrency case (default 20). */
  readonly concurrentWriters?: number
}

/**
 * Registers the suite under `name` with vitest. `layer` is built once per test case.
 *
 * @category constructors
 * @since 0.1.0
 */
export const suite = <E>(name: string, layer: Layer.Layer<DocumentStore, E>, options: Options = {}): void => {
  const writers = options.concurrentWriters ?? 20
  describe(`DocumentStore contract: ${name}`, () => {
    const run = <A, E2>(self: Effect.Effect<A, E2, DocumentStore>) => self.pipe(Effect.provide(layer))

    it.effect("reads nothing for an unknown id", () =>
      run(Effect.gen(function*() {
        const store = yield* DocumentStore
        const found = yield* store.read(freshKind("missing"), "nobody")
        assert.isTrue(Option.isNone(found))
      })))

    it.effect("creates at version 1 and reads the same data back", () =>
      run(Effect.gen(function*() {
        const store = yield* DocumentStore
        const kind = freshKind("create")
        const data = { id: "a", name: { sv: "Lunds kommun", en: "Lund" }, n: 1 }
        yield* store.write({ kind, id: "a", expectedVersion: 0, data, record: record(kind, "a", 1, "Create") })
        const doc = yield* store.read(kind, "a")
        assert.isTrue(Option.isSome(doc))
        const value = Option.getOrThrow(doc)
        assert.strictEqual(value.version, 1)
        assert.strictEqual(value.kind, kind)
        assert.strictEqual(value.id, "a")
        assert.deepStrictEqual(value.data, data)
      })))

    it.effect("refuses to create what exists, and keeps the stored data", () =>
      run(Effect.gen(function*() {
        const store = yield* DocumentStore
        const kind = freshKind("exists")
        yield* store.write({ kind, id: "a", expectedVersion: 0, data: { v: "first" }, record: record(kind, "a", 1) })
        const error = yield* store.write({ kind, id: "a", expectedVersion: 0, data: { v: "second" }, record: record(kind, "a", 1) })
          .pipe(Effect.flip)
        assert.strictEqual(error._tag, "VersionConflict")
        if (error._tag === "VersionConflict") {
          assert.strictEqual(error.expected, 0)
          assert.strictEqual(error.actual, 1)
        }
        const doc = Option.getOrThrow(yield* store.read(kind, "a"))
        assert.deepStrictEqual(doc.data, { v: "first" })
        assert.strictEqual((yield* store.history(kind, "a")).length, 1)
      })))

    it.effect("refuses a stale write: nothing written, no change record appended", () =>
      run(Effect.gen(function*() {
        const store = yield* DocumentStore
        const kind = freshKind("stale")
        yield* store.write({ kind, id: "a", expectedVersion: 0, data: { v: 1 }, record: record(kind, "a", 1) })
        yield* store.write({ kind, id: "a", expectedVersion: 1, data: { v: 2 }, record: record(kind, "a", 2) })
        const error = yield* store.write({ kind, id: "a", expectedVersion: 1, data: { v: 3 }, record: record(kind, "a", 2) })
          .pipe(Effect.flip)
        assert.strictEqual(error._tag, "VersionConflict")
        if (error._tag === "VersionConflict") {
          assert.strictEqual(error.expected, 1)
          assert.strictEqual(error.actual, 2)
        }
        const doc = Option.getOrThrow(yield* store.read(kind, "a"))
        assert.strictEqual(doc.version, 2)
        assert.deepStrictEqual(doc.data, { v: 2 })
        const history = yield* store.history(kind, "a")
        assert.deepStrictEqual(history.map((r) => r.version), [1, 2])
        assert.deepStrictEqual(history.map((r) => r.reason), ["write 1", "write 2"])
      })))

    it.effect("refuses an update of a document that does not exist", () =>
      run(Effect.gen(function*() {
        const store = yield* DocumentStore
        const kind = freshKind("ghost")
        const error = yield* store.write({ kind, id: "a", expectedVersion: 3, data: {}, record: record(kind, "a", 4) })
          .pipe(Effect.flip)
        assert.strictEqual(error._tag, "VersionConflict")
        if (error._tag === "VersionConflict") assert.strictEqual(error.actual, 0)
        assert.isTrue(Option.isNone(yield* store.read(kind, "a")))
        assert.strictEqual((yield* store.history(kind, "a")).length, 0)
      })))

    it.effect("keeps the change records whole and in order", () =>
      run(Effect.gen(function*() {
        const store = yield* DocumentStore
        const kind = freshKind("history")
        for (let v = 1; v <= 5; v++) {
          yield* store.write({ kind, id: "h", expectedVersion: v - 1, data: { v }, record: { ...record(kind, "h", v, `C${v}`), statusBefore: "a", statusAfter: "b" } })
        }
        const history = yield* store.history(kind, "h")
        assert.deepStrictEqual(history.map(drafted), [1, 2, 3, 4, 5].map((v) => ({ ...record(kind, "h", v, `C${v}`), statusBefore: "a", statusAfter: "b" })))
      })))

    it.effect("seals every record: previous links to the document's last record, seq and chain follow the log", () =>
      run(Effect.gen(function*() {
        const store = yield* DocumentStore
        const hashing = store.hashing ?? AuditLog.defaultHashing
        const kind = freshKind("sealed")
        for (let v = 1; v <= 3; v++) {
          yield* store.write({ kind, id: "s", expectedVersion: v - 1, data: { v }, record: record(kind, "s", v) })
          yield* store.write({ kind, id: `other-${v}`, expectedVersion: 0, data: { v }, record: record(kind, `other-${v}`, 1) })
        }
        const history = yield* store.history(kind, "s")
        assert.isUndefined(history[0]!.previous)
        for (let i = 0; i < history.length; i++) {
          const r = history[i]!
          assert.strictEqual(r.hash, AuditLog.recordHash(hashing, r))
          if (i > 0) {
            assert.strictEqual(r.previous, history[i - 1]!.hash)
            assert.isAbove(r.seq, history[i - 1]!.seq)
          }
          // the record before it in the whole log, and the chain over it
          const before = r.seq === 1 ? undefined : (yield* store.log({ after: r.seq - 2, limit: 1 }))[0]
          if (r.seq > 1) assert.strictEqual(before?.seq, r.seq - 1)
          assert.strictEqual(r.chain, AuditLog.chainOf(hashing, before?.chain, r.seq, r.hash))
          assert.deepStrictEqual((yield* store.log({ after: r.seq - 1, limit: 1 }))[0], r)
        }
        assert.include(yield* store.kinds(), kind)
      })))

    it.effect("keeps actor salts apart and pseudonymises an actor in every record", () =>
      run(Effect.gen(function*() {
        const store = yield* DocumentStore
        const kind = freshKind("actor")
        const actor = `person-${kind}`
        const salts = yield* store.actorSalts([actor], true)
        const salt = salts.get(actor)!
        assert.match(salt, /^[0-9a-f]{64}$/)
        assert.strictEqual((yield* store.actorSalts([actor], true)).get(actor), salt)
        assert.strictEqual((yield* store.actorSalts([`${actor}-none`], false)).size, 0)
        yield* store.write({ kind, id: "a", expectedVersion: 0, data: {}, record: { ...record(kind, "a", 1), actor } })
        yield* store.write({ kind, id: "a", expectedVersion: 1, data: {}, record: { ...record(kind, "a", 2), actor } })
        const before = yield* store.history(kind, "a")
        assert.strictEqual(yield* store.pseudonymise(actor, "pseudonym-1"), 2)
        const after = yield* store.history(kind, "a")
        assert.deepStrictEqual(after.map((r) => r.actor), ["pseudonym-1", "pseudonym-1"])
        // nothing hashed changed
        assert.deepStrictEqual(after.map((r) => [r.hash, r.chain, r.seq]), before.map((r) => [r.hash, r.chain, r.seq]))
        assert.strictEqual((yield* store.actorSalts([actor], false)).size, 0)
      })))

    it.effect("lists one kind in id order, with a cursor and a limit", () =>
      run(Effect.gen(function*() {
        const store = yield* DocumentStore
        const kind = freshKind("list")
        const other = freshKind("other")
        const ids = ["m", "b", "z", "a", "k", "å", "B"]
        for (const id of ids) yield* store.write({ kind, id, expectedVersion: 0, data: { id }, record: record(kind, id, 1) })
        yield* store.write({ kind: other, id: "c", expectedVersion: 0, data: {}, record: record(other, "c", 1) })
        const all = yield* store.list(kind)
        // code-point order: the order of JavaScript string comparison and of SQL binary collation
        assert.deepStrictEqual(all.map((d) => d.id), [...ids].sort())
        const page = yield* store.list(kind, { after: "b", limit: 2 })
        assert.deepStrictEqual(page.map((d) => d.id), ["k", "m"])
        assert.deepStrictEqual((yield* store.list(kind, { after: "å" })).map((d) => d.id), [])
      })))

    it.effect("keeps JSON exactly: Unicode, quotes, nesting, large integers, null", () =>
      run(Effect.gen(function*() {
        const store = yield* DocumentStore
        const kind = freshKind("json")
        const data = {
          text: "Åtta svenska kommuner – \"MR\" \\ 'quoted' \u2028 😀 <script>",
          nested: [{ a: [1, 2, [3]] }, { b: null }],
          big: Number.MAX_SAFE_INTEGER,
          negative: -5,
          fraction: 0.5,
          empty: "",
          flag: false
        }
        yield* store.write({ kind, id: "j", expectedVersion: 0, data, record: record(kind, "j", 1) })
        assert.deepStrictEqual(Option.getOrThrow(yield* store.read(kind, "j")).data, data)
      })))

    it.effect(`lets exactly one of ${writers} concurrent writers win each version: no lost update`, () =>
      run(Effect.gen(function*() {
        const store = yield* DocumentStore
        const kind = freshKind("race")
        yield* store.write({ kind, id: "r", expectedVersion: 0, data: { writers: [] }, record: record(kind, "r", 1) })
        const outcomes = yield* Effect.forEach(
          Array.from({ length: writers }, (_, i) => i),
          (i) =>
            Effect.gen(function*() {
              const doc = Option.getOrThrow(yield* store.read(kind, "r"))
              const previous = (doc.data as { writers: Array<number> }).writers
              // let the other writers read the same version before this one writes
              yield* Effect.yieldNow
              return yield* store.write({
                kind,
                id: "r",
                expectedVersion: doc.version,
                data: { writers: [...previous, i] },
                record: record(kind, "r", doc.version + 1, `W${i}`)
              }).pipe(
                Effect.as("won" as const),
                Effect.catchTag("VersionConflict", () => Effect.succeed("conflict" as const))
              )
            }),
          { concurrency: "unbounded" }
        )
        const won = outcomes.filter((o) => o === "won").length
        assert.isAtLeast(won, 1)
        const doc = Option.getOrThrow(yield* store.read(kind, "r"))
        assert.strictEqual(doc.version, 1 + won)
        // every winning write is in the data: none was overwritten by a stale writer
        assert.strictEqual((doc.data as { writers: Array<number> }).writers.length, won)
        const history = yield* store.history(kind, "r")
        assert.deepStrictEqual(history.map((r) => r.version), Array.from({ length: 1 + won }, (_, i) => i + 1))
        // the whole log still follows: no seq taken twice or skipped, every chain link holds
        const log = []
        let after = 0
        while (true) {
          const page = yield* store.log({ after, limit: 500 })
          log.push(...page)
          if (page.length < 500) break
          after = page[page.length - 1]!.seq
        }
        assert.isUndefined(checkLog(log, store.hashing ?? AuditLog.defaultHashing))
      })))
  })
}
