/**
 * The suite every SQL store runs in addition to core's contract suites.
 *
 * @example
 * ```ts
 * import { SqlStoreTest } from "@localrights/store-sql/testing"
 * import { SqliteClient } from "@localrights/store-sqlite"
 * SqlStoreTest.suite("sqlite", SqliteClient.layer())
 * ```
 *
 * @since 0.1.0
 */
import { assert, describe, it } from "@effect/vitest"
import { Audit, AuditLog, Catalogue, ChangeLog, DocumentStore, EntityStore, Organisation, Partnership, PersonalData } from "@localrights/core"
import type { Ids } from "@localrights/core"
import { IcldCohort2020 } from "@localrights/core/examples"
import { AuditLogTest } from "@localrights/core/testing"
import { Effect, Layer, Option, Schema, Stream } from "effect"
import * as Client from "effect/sql/SqlClient"
import * as Import from "../Import.ts"
import * as Migrations from "../Migrations.ts"
import * as SqlStores from "../SqlStores.ts"
import * as Generate from "./Generate.ts"

let counter = 0
const unique = (name: string) => `${name}${Date.now().toString(36)}${(counter++).toString(36)}-`
const change = ChangeLog.change("sql-suite", "SQL store suite")
const encode = (p: Partnership.Partnership) => JSON.stringify(Schema.encodeSync(Partnership.Partnership)(p))

/**
 * Options for {@link suite}.
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  /** Random datasets the catalogue property runs over (default 4). */
  readonly datasets?: number
}

/**
 * Registers the suite under `name`. `fresh` must give an empty database each time it is built
 * (a new SQLite file or memory database, a new PostgreSQL schema).
 *
 * @category constructors
 * @since 0.1.0
 */
export const suite = <E>(name: string, fresh: Layer.Layer<Client.SqlClient, E>, options: Options = {}): void => {
  const stores = SqlStores.layer.pipe(Layer.provideMerge(fresh))
  describe(`SQL store: ${name}`, () => {
    it.effect("applies migrations once: a second run applies none", () =>
      Effect.gen(function*() {
        const first = yield* Migrations.run()
        assert.deepStrictEqual(first.map(([id]) => id), [1, 2, 3, 4, 5, 6])
        assert.deepStrictEqual(yield* Migrations.run(), [])
      }).pipe(Effect.provide(fresh)))

    it.effect("upgrades a database made by the first migration set with its data intact", () =>
      Effect.gen(function*() {
        const sql = yield* Client.SqlClient
        yield* Migrations.run({ upTo: 1 })
        const prefix = unique("old")
        const s = Generate.seeded(7)
        const old = Array.from({ length: 30 }, (_, i) => Generate.partnership(s, `${prefix}${i}`, prefix))
        for (const p of old) {
          const data = { ...JSON.parse(encode(p)), version: 1 }
          yield* sql.unsafe(
            `INSERT INTO documents (kind, id, version, data) VALUES (${sql.onDialectOrElse({ orElse: () => "?, ?, 1, ?", pg: () => "$1, $2, 1, $3::jsonb" })})`,
            ["partnership", p.id, JSON.stringify(data)]
          )
          const record = { entity: "partnership", id: p.id, version: 1, at: "2020-12-10T12:00:00.000Z", actor: "v1", command: "Create", reason: "made by version 1" }
          yield* sql.unsafe(
            `INSERT INTO changes (kind, id, version, record) VALUES (${sql.onDialectOrElse({ orElse: () => "?, ?, 1, ?", pg: () => "$1, $2, 1, $3::jsonb" })})`,
            ["partnership", p.id, JSON.stringify(record)]
          )
        }
        const applied = yield* Migrations.run()
        assert.deepStrictEqual(applied.map(([id]) => id), [2, 3, 4, 5, 6])
        const result = yield* Effect.gen(function*() {
          const store = yield* Partnership.Store
          const all = yield* store.list()
          assert.strictEqual(all.length, old.length)
          for (const p of old) assert.deepStrictEqual(yield* store.get(p.id), new Partnership.Partnership({ ...p, version: 1 }))
          assert.strictEqual((yield* store.history(old[0]!.id))[0]!.actor, "v1")
          // the catalogue index was filled from the old documents
          const query = { programme: `${prefix}prog1` as Ids.ProgrammeId, sort: "title-sv" as const }
          const page = yield* store.search(query)
          assert.deepStrictEqual(page, Catalogue.run(all, query))
          assert.isAbove(page.total, 0)
          // and its Swedish partners (migration 5) from the old documents
          for (const p of old.slice(0, 5)) {
            for (const q of [{ swedishPartner: p.swedishPartner }, { programme: p.programme, swedishPartner: p.swedishPartner, limit: 1 }]) {
              const found = yield* store.search(q)
              assert.deepStrictEqual(found, Catalogue.run(all, q), JSON.stringify(q))
              assert.isAbove(found.total, 0)
            }
          }
          // migration 6 sealed the old records: the log verifies, the latest record of each
          // document is its baseline, and the next write links to it
          const verified = yield* Audit.verify()
          assert.deepStrictEqual(verified._tag === "Broken" ? verified.failure : verified._tag, "Verified")
          if (verified._tag === "Verified") assert.strictEqual(verified.records, old.length)
          const docs = yield* DocumentStore.DocumentStore
          const [sealed] = yield* docs.history("partnership", old[0]!.id)
          assert.deepStrictEqual(sealed!.patch?.map((o) => [o.op, o.path]), [["add", ""]])
          assert.strictEqual(sealed!.actor, "v1")
          const raw = yield* EntityStore.make("partnership", Partnership.Partnership)
          const p = yield* raw.get(old[0]!.id)
          yield* raw.update(new Partnership.Partnership({ ...p, title: { ...p.title, sv: "Ny titel" } }), { ...change, expectedVersion: 1 })
          const [, next] = yield* docs.history("partnership", old[0]!.id)
          assert.strictEqual(next!.previous, sealed!.hash)
          assert.strictEqual(next!.seq, old.length + 1)
          assert.strictEqual((yield* Audit.verify())._tag, "Verified")
          assert.deepStrictEqual(Option.getOrThrow(yield* raw.versionAt(p.id, 1)), { ...JSON.parse(encode(old[0]!)), version: 1 })
          return yield* SqlStores.check
        }).pipe(Effect.provide(SqlStores.layer))
        assert.deepStrictEqual(result, [])
      }).pipe(Effect.provide(fresh)))

    it.effect("answers random catalogue queries exactly as Catalogue.run (property, with paging)", () =>
      Effect.gen(function*() {
        const store = yield* Partnership.Store
        // fixtures go through the low-level store (what adapters and migrations use), not the lifecycle
        const raw = yield* EntityStore.make("partnership", Partnership.Partnership)
        const datasets = options.datasets ?? 4
        for (let seed = 1; seed <= datasets; seed++) {
          const s = Generate.seeded(seed * 7919)
          const prefix = unique(`q${seed}`)
          const created = Array.from({ length: 40 + s.int(60) }, (_, i) => Generate.partnership(s, `${prefix}${String(s.int(1000)).padStart(s.int(4), "0")}-${i}`, prefix))
          for (const p of created) yield* raw.create(p, change)
          // concurrent updates leave the index in step with the documents
          for (const p of created.slice(0, 10)) {
            yield* raw.update(new Partnership.Partnership({ ...p, version: 1, status: "withdrawn", title: { sv: `Ändrad ${p.id}` } }), ChangeLog.change("sql-suite", "SQL store suite", 1))
          }
          const all = yield* store.list()
          for (let n = 0; n < 60; n++) {
            const q = Generate.query(s, prefix)
            const expected = Catalogue.run(all, q)
            const actual = yield* store.search(q)
            assert.deepStrictEqual(actual, expected, `seed ${seed}, query ${JSON.stringify(q)}`)
            if (expected.next !== undefined) {
              const next = { ...q, cursor: expected.next }
              assert.deepStrictEqual(yield* store.search(next), Catalogue.run(all, next), `seed ${seed}, next page of ${JSON.stringify(q)}`)
            }
          }
          // a cursor that is not one starts at the beginning, as in Catalogue.run
          const bad = { programme: `${prefix}prog0` as Ids.ProgrammeId, cursor: "not-a-cursor" }
          assert.deepStrictEqual(yield* store.search(bad), Catalogue.run(all, bad))
        }
      }).pipe(Effect.provide(stores)))

    it.effect("counts facets alike for a few matches and for many (over 500, where SQLite groups in SQL)", () =>
      Effect.gen(function*() {
        const store = yield* Partnership.Store
        // fixtures go through the low-level store (what adapters and migrations use), not the lifecycle
        const raw = yield* EntityStore.make("partnership", Partnership.Partnership)
        const s = Generate.seeded(4242)
        const prefix = unique("many")
        yield* Generate.storeReferences(prefix)
        const created = Array.from({ length: 640 }, (_, i) => Generate.partnership(s, `${prefix}${i}`, prefix))
        const report = yield* Import.partnerships(Stream.make(created.map(encode).join("\n")), { change })
        assert.strictEqual(report.created, created.length)
        const all = yield* store.list()
        const queries: ReadonlyArray<Catalogue.Query> = [
          {},
          { limit: 7, sort: "title-en" },
          { status: ["applied", "admitted", "matched", "preparation", "implementation"] },
          { status: ["matched"] },
          { programme: `${prefix}prog1` as Ids.ProgrammeId }
        ]
        let many = 0
        for (const q of queries) {
          const page = yield* store.search(q)
          assert.deepStrictEqual(page, Catalogue.run(all, q), JSON.stringify(q))
          if (page.total > 500) many++
        }
        assert.isAtLeast(many, 2)
      }).pipe(Effect.provide(stores)))

    it.effect("a stored partnership that no longer decodes makes search fail with corrupt-data, naming it", () =>
      Effect.gen(function*() {
        const sql = yield* Client.SqlClient
        const store = yield* Partnership.Store
        // fixtures go through the low-level store (what adapters and migrations use), not the lifecycle
        const raw = yield* EntityStore.make("partnership", Partnership.Partnership)
        const prefix = unique("corrupt")
        const ps = Array.from({ length: 3 }, (_, i) => Generate.partnership(Generate.seeded(23 + i), `${prefix}${i}`, prefix))
        for (const p of ps) yield* raw.create(new Partnership.Partnership({ ...p, programme: `${prefix}prog` as Ids.ProgrammeId }), change)
        const query = { programme: `${prefix}prog` as Ids.ProgrammeId }
        assert.strictEqual((yield* store.search(query)).total, 3)
        const set = (data: string) =>
          sql.unsafe(
            sql.onDialectOrElse({
              orElse: () => "UPDATE documents SET data = ? WHERE kind = 'partnership' AND id = ?",
              pg: () => "UPDATE documents SET data = $1::jsonb WHERE kind = 'partnership' AND id = $2"
            }),
            [data, ps[1]!.id]
          )
        // valid JSON, not a partnership
        yield* set(JSON.stringify({ id: ps[1]!.id, status: 42 }))
        const error = yield* Effect.flip(store.search(query))
        assert.strictEqual(error._tag, "StoreError")
        assert.strictEqual(error.reason, "corrupt-data")
        assert.strictEqual(error.method, "PartnershipStore.search")
        assert.include(error.detail, `stored partnership ${ps[1]!.id} does not decode`)
        assert.include(error.detail, `Missing key at ["programme"]`)
        // not JSON at all (only SQLite can hold that: PostgreSQL's jsonb refuses it)
        if (sql.onDialectOrElse({ orElse: () => true, pg: () => false })) {
          yield* set("{ not json")
          const notJson = yield* Effect.flip(store.search(query))
          assert.strictEqual(notJson.reason, "corrupt-data")
        }
      }).pipe(Effect.provide(stores)))

    it.effect("answers search from the SQL index, not by reading every partnership", () =>
      Effect.gen(function*() {
        const sql = yield* Client.SqlClient
        const store = yield* Partnership.Store
        // fixtures go through the low-level store (what adapters and migrations use), not the lifecycle
        const raw = yield* EntityStore.make("partnership", Partnership.Partnership)
        const prefix = unique("idx")
        const p = Generate.partnership(Generate.seeded(3), `${prefix}a`, prefix)
        yield* raw.create(p, change)
        yield* sql.unsafe(`DELETE FROM partnership_index WHERE id = ${sql.onDialectOrElse({ orElse: () => "?", pg: () => "$1" })}`, [p.id])
        assert.strictEqual((yield* store.search({ programme: p.programme })).total, 0)
        assert.strictEqual((yield* store.get(p.id)).id, p.id)
      }).pipe(Effect.provide(stores)))

    it.effect("answers a query for one Swedish partner in a programme from its index", () =>
      Effect.gen(function*() {
        const sql = yield* Client.SqlClient
        const store = yield* Partnership.Store
        // fixtures go through the low-level store (what adapters and migrations use), not the lifecycle
        const raw = yield* EntityStore.make("partnership", Partnership.Partnership)
        const prefix = unique("partner")
        const s = Generate.seeded(29)
        const ps = Array.from({ length: 30 }, (_, i) => Generate.partnership(s, `${prefix}${i}`, prefix))
        for (const p of ps) yield* raw.create(p, change)
        const all = yield* store.list()
        for (const p of ps.slice(0, 10)) {
          const q = { programme: p.programme, swedishPartner: p.swedishPartner, limit: 1 }
          const page = yield* store.search(q)
          assert.deepStrictEqual(page, Catalogue.run(all, q), JSON.stringify(q))
          assert.strictEqual(page.items.length, 1)
        }
        // a partner that changes is found under its new id only
        const moved = yield* raw.update(new Partnership.Partnership({ ...ps[0]!, version: 1, swedishPartner: `${prefix}moved` as Ids.OrganisationId }), ChangeLog.change("sql-suite", "SQL store suite", 1))
        assert.deepStrictEqual((yield* store.search({ swedishPartner: moved.swedishPartner })).items.map((p) => p.id), [moved.id])
        assert.isFalse((yield* store.search({ swedishPartner: ps[0]!.swedishPartner })).items.some((p) => p.id === moved.id))
        // SQLite's plan for that page reads the partner's index entries, not a programme's
        if (sql.onDialectOrElse({ orElse: () => true, pg: () => false })) {
          const plan = yield* sql.unsafe<{ detail: string }>(
            "EXPLAIN QUERY PLAN SELECT i.id FROM partnership_index i WHERE i.programme = ? AND i.swedish_partner = ? ORDER BY i.id LIMIT 2",
            [ps[1]!.programme, ps[1]!.swedishPartner]
          )
          assert.include(plan.map((r) => r.detail).join("\n"), "partnership_index_swedish_partner")
        }
      }).pipe(Effect.provide(stores)))

    it.effect("100 concurrent writers on one partnership: no lost update, every refusal a VersionConflict", () =>
      Effect.gen(function*() {
        const store = yield* Partnership.Store
        // fixtures go through the low-level store (what adapters and migrations use), not the lifecycle
        const raw = yield* EntityStore.make("partnership", Partnership.Partnership)
        const prefix = unique("race")
        const p = Generate.partnership(Generate.seeded(5), `${prefix}p`, prefix)
        yield* raw.create(new Partnership.Partnership({ ...p, goals: [] }), change)
        const outcomes = yield* Effect.forEach(
          Array.from({ length: 100 }, (_, i) => i),
          (i) =>
            Effect.gen(function*() {
              const current = yield* store.get(p.id)
              return yield* raw.update(
                new Partnership.Partnership({ ...current, goals: [...current.goals, { en: `writer ${i}` }] }),
                ChangeLog.change(`writer-${i}`, "SQL store suite: concurrent writer", current.version)
              ).pipe(Effect.as("won"), Effect.catchTag("VersionConflict", () => Effect.succeed("conflict")))
            }),
          { concurrency: "unbounded" }
        )
        const won = outcomes.filter((o) => o === "won").length
        assert.strictEqual(won + outcomes.filter((o) => o === "conflict").length, 100)
        const final = yield* store.get(p.id)
        assert.strictEqual(final.version, 1 + won)
        assert.strictEqual(final.goals.length, won)
        const history = yield* store.history(p.id)
        assert.deepStrictEqual(history.map((r) => r.version), Array.from({ length: 1 + won }, (_, i) => i + 1))
        assert.deepStrictEqual(yield* SqlStores.check, [])
      }).pipe(Effect.provide(stores)))

    it.effect("maps a driver's unique violation to StoreError and rolls the write back", () =>
      Effect.gen(function*() {
        const sql = yield* Client.SqlClient
        const docs = yield* DocumentStore.DocumentStore
        const kind = unique("uv")
        const record = { entity: kind, id: "a", version: 1, at: "2020-12-10T12:00:00.000Z", actor: "x", actorRef: "x", command: "C", reason: "r" }
        // a stray change record makes the change-log insert violate its primary key
        yield* sql.unsafe(
          `INSERT INTO changes (kind, id, version, record) VALUES (${sql.onDialectOrElse({ orElse: () => "?, ?, 1, ?", pg: () => "$1, $2, 1, $3::jsonb" })})`,
          [kind, "a", JSON.stringify(record)]
        )
        const error = yield* docs.write({ kind, id: "a", expectedVersion: 0, data: { v: 1 }, record }).pipe(Effect.flip)
        assert.strictEqual(error._tag, "StoreError")
        if (error._tag === "StoreError") {
          assert.strictEqual(error.reason, "unique-violation")
          assert.strictEqual(error.method, "DocumentStore.write")
          assert.include(error.detail, `${kind} a`)
        }
        assert.isTrue(Option.isNone(yield* docs.read(kind, "a")))
      }).pipe(Effect.provide(stores)))

    describe("bulk import", () => {
      const lines = (ps: ReadonlyArray<Partnership.Partnership>) => ps.map(encode)
      const chunks = (text: string, size = 97) => Stream.fromIterable(Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size)))
      const importChange = ChangeLog.change("importer", "bulk import")

      it.effect("imports JSON Lines, reports bad records by line, and re-runs without changes", () =>
        Effect.gen(function*() {
          const store = yield* Partnership.Store
          const prefix = unique("imp")
          yield* Generate.storeReferences(prefix)
          const s = Generate.seeded(11)
          const ps = Array.from({ length: 250 }, (_, i) => Generate.partnership(s, `${prefix}${i}`, prefix))
          const text = [
            ...lines(ps.slice(0, 100)),
            "{ not json",
            JSON.stringify({ ...JSON.parse(encode(ps[100]!)), status: "dreaming" }),
            "",
            ...lines(ps.slice(101))
          ].join("\n") + "\n"
          const progress: Array<Import.Progress> = []
          const report = yield* Import.partnerships(chunks(text), { change: importChange, batchSize: 64, onProgress: (p) => progress.push(p) })
          assert.strictEqual(report.read, 251)
          assert.strictEqual(report.created, 249)
          assert.strictEqual(report.rejected, 2)
          assert.deepStrictEqual(report.problems.map((p) => p.line), [101, 102])
          assert.include(report.problems[0]!.reason, "JSON")
          assert.include(report.problems[1]!.reason, "status")
          assert.strictEqual(report.problems[1]!.id, ps[100]!.id)
          assert.isAbove(progress.length, 3)
          assert.deepStrictEqual(progress[progress.length - 1]!.created, 249)
          const got = yield* store.get(ps[200]!.id)
          assert.deepStrictEqual(got, new Partnership.Partnership({ ...ps[200]!, version: 1 }))
          const history = yield* store.history(ps[200]!.id)
          assert.deepStrictEqual(history.map((r) => [r.command, r.actor, r.statusAfter]), [["Import", "importer", ps[200]!.status]])

          const again = yield* Import.partnerships(chunks(text, 4096), { change: importChange })
          assert.deepStrictEqual([again.created, again.updated, again.unchanged, again.rejected], [0, 0, 249, 2])

          // a stored partnership's descriptive fields change through an import, its status does not
          const renamed = new Partnership.Partnership({ ...ps[5]!, title: { sv: "Nytt namn", en: "New name" } })
          // a consistent state, but not one reached through lifecycle commands
          const running = ps.find((p) => p.status === "implementation")!
          const moved = new Partnership.Partnership({ ...running, status: "withdrawn" })
          const third = yield* Import.partnerships(Stream.make(lines([renamed, moved]).join("\n")), { change: importChange })
          assert.deepStrictEqual([third.created, third.updated, third.unchanged, third.rejected], [0, 1, 0, 1])
          const updated = yield* store.get(ps[5]!.id)
          assert.strictEqual(updated.version, 2)
          assert.deepStrictEqual(updated.title, { sv: "Nytt namn", en: "New name" })
          const last = (yield* store.history(ps[5]!.id))[1]!
          assert.deepStrictEqual([last.command, last.statusBefore, last.statusAfter], ["Import", ps[5]!.status, ps[5]!.status])
          assert.strictEqual((yield* store.search({ programme: ps[5]!.programme, text: "nytt namn", limit: 500 })).items.some((p) => p.id === ps[5]!.id), true)
          assert.deepStrictEqual([third.problems[0]!.line, third.problems[0]!.id], [2, running.id])
          assert.include(third.problems[0]!.reason, "status changes only through lifecycle commands")
          assert.include(third.problems[0]!.reasonSv, "status ändras bara med livscykelns kommandon")
          assert.strictEqual((yield* store.get(running.id)).status, "implementation")
          assert.deepStrictEqual(yield* SqlStores.check, [])
        }).pipe(Effect.provide(stores)))

      it.effect("imports a JSON array from bytes, with line numbers of the elements", () =>
        Effect.gen(function*() {
          const prefix = unique("arr")
          yield* Generate.storeReferences(prefix)
          const s = Generate.seeded(13)
          const ps = Array.from({ length: 20 }, (_, i) => Generate.partnership(s, `${prefix}${i}`, prefix))
          const items = lines(ps).map((l) => JSON.stringify(JSON.parse(l), null, 2))
          items.splice(3, 0, `{"id": "${prefix}bad", "title": "no [brackets] \\" here"}`)
          const text = `[\n${items.join(",\n")}\n]\n`
          const bytes = new TextEncoder().encode(text)
          const parts = Array.from({ length: Math.ceil(bytes.length / 33) }, (_, i) => bytes.slice(i * 33, (i + 1) * 33))
          const report = yield* Import.partnerships(Stream.fromIterable(parts), { change: importChange, batchSize: 7 })
          assert.deepStrictEqual([report.read, report.created, report.rejected], [21, 20, 1])
          const expectedLine = 2 + items.slice(0, 3).reduce((n, item) => n + item.split("\n").length, 0)
          assert.strictEqual(report.problems[0]!.line, expectedLine)
          assert.strictEqual(report.problems[0]!.id, `${prefix}bad`)
          const unclosed = yield* Import.partnerships(Stream.make("[", items[0]!), { change: importChange })
          assert.strictEqual(unclosed.rejected, 1)
          assert.include(unclosed.problems[0]!.reason, "not closed")
        }).pipe(Effect.provide(stores)))

      it.effect("rejects a record longer than maxRecordChars by its line, in JSON Lines and in a JSON array", () =>
        Effect.gen(function*() {
          const prefix = unique("long")
          yield* Generate.storeReferences(prefix)
          const s = Generate.seeded(19)
          const ps = Array.from({ length: 6 }, (_, i) => Generate.partnership(s, `${prefix}${i}`, prefix))
          const texts = lines(ps)
          const limit = Math.max(...texts.map((t) => t.length))
          const long = lines([new Partnership.Partnership({ ...ps[0]!, id: `${prefix}long` as never, description: { sv: "x".repeat(5 * limit) } })])[0]!
          const exact = texts.find((t) => t.length === limit)!
          // CRLF line ends; the long record spans many chunks; the last line has no line break
          const others = texts.filter((t) => t !== exact)
          const body = [others[0], long, exact, others[1], others[2], long].join("\r\n")
          const report = yield* Import.partnerships(chunks(body, 97), { change: importChange, maxRecordChars: limit })
          assert.deepStrictEqual([report.read, report.created, report.rejected], [6, 4, 2])
          assert.deepStrictEqual(report.problems.map((p) => p.line), [2, 6])
          assert.include(report.problems[0]!.reason, `Record too long: ${long.length} characters or more, the limit is ${limit}`)
          assert.include(report.problems[0]!.reasonSv, "för lång")
          // one character over the limit is too long
          const over = yield* Import.partnerships(Stream.make(exact), { change: importChange, maxRecordChars: limit - 1 })
          assert.deepStrictEqual([over.read, over.rejected], [1, 1])
          // a JSON array: the element's line, the others imported
          const array = `[\n${[texts[3], long, texts[4]].join(",\n")}\n]`
          const fromArray = yield* Import.partnerships(chunks(array, 61), { change: importChange, maxRecordChars: limit })
          // (the longest record may be one of these two, imported above: then it is unchanged)
          assert.deepStrictEqual([fromArray.read, fromArray.created + fromArray.unchanged, fromArray.rejected], [3, 2, 1])
          assert.strictEqual(fromArray.problems[0]!.line, 3)
          assert.deepStrictEqual(yield* SqlStores.check, [])
        }).pipe(Effect.provide(stores)))

      it.effect("a gigabyte with no line break is one record too long, not a crash", () =>
        Effect.gen(function*() {
          // 16 384 chunks of 64 Ki characters: more than a JavaScript string can hold
          const chunk = "x".repeat(64 * 1024)
          const input = Stream.range(1, 16_384).pipe(Stream.map(() => chunk))
          const report = yield* Import.partnerships(input, { change: importChange, format: "jsonl" })
          assert.deepStrictEqual([report.read, report.created, report.rejected], [1, 0, 1])
          assert.include(report.problems[0]!.reason, `Record too long: ${16_384 * 64 * 1024} characters`)
        }).pipe(Effect.provide(stores)), { timeout: 60_000 })

      it.effect("aborts at the first bad record with its line when asked", () =>
        Effect.gen(function*() {
          const store = yield* Partnership.Store
          const prefix = unique("abort")
          yield* Generate.storeReferences(prefix)
          const s = Generate.seeded(17)
          const ps = Array.from({ length: 10 }, (_, i) => Generate.partnership(s, `${prefix}${i}`, prefix))
          const text = [...lines(ps.slice(0, 4)), "[1, 2]", ...lines(ps.slice(4))].join("\n")
          const error = yield* Import.partnerships(Stream.make(text), { change: importChange, onInvalid: "abort", batchSize: 2 }).pipe(Effect.flip)
          assert.strictEqual(error._tag, "ImportAborted")
          if (error._tag === "ImportAborted") {
            assert.strictEqual(error.line, 5)
            assert.strictEqual(error.progress.created, 4)
          }
          assert.isTrue(Option.isNone(yield* store.find(ps[5]!.id)))
        }).pipe(Effect.provide(stores)))

      it.effect("imports records without a version field (the store's version is authoritative)", () =>
        Effect.gen(function*() {
          const store = yield* Partnership.Store
          const prefix = unique("noversion")
          yield* Generate.storeReferences(prefix)
          const s = Generate.seeded(41)
          const ps = Array.from({ length: 3 }, (_, i) => Generate.partnership(s, `${prefix}${i}`, prefix))
          const text = ps.map((p) => {
            const { version: _, ...rest } = JSON.parse(encode(p))
            return JSON.stringify(rest)
          }).join("\n")
          const report = yield* Import.partnerships(Stream.make(text), { change: importChange })
          assert.strictEqual(report.created, 3, JSON.stringify(report.problems))
          assert.strictEqual((yield* store.get(ps[2]!.id)).version, 1)
        }).pipe(Effect.provide(stores)))

      it.effect("aborts at the earliest bad record when a batch being checked fails after a later line was read", () =>
        Effect.gen(function*() {
          const store = yield* Partnership.Store
          const prefix = unique("abort-order")
          yield* Generate.storeReferences(prefix)
          const s = Generate.seeded(29)
          const ps = Array.from({ length: 5 }, (_, i) => Generate.partnership(s, `${prefix}${i}`, prefix))
          // line 4 decodes but names a programme that is not stored: found when its batch (lines
          // 3 and 4) is checked, which happens while line 6, which does not decode, is read
          const orphan = Generate.partnership(s, `${prefix}orphan`, unique("absent"))
          const text = [...lines(ps.slice(0, 3)), ...lines([orphan]), ...lines(ps.slice(3, 4)), "[1, 2]", ...lines(ps.slice(4))].join("\n")
          const error = yield* Import.partnerships(Stream.make(text), { change: importChange, onInvalid: "abort", batchSize: 2 }).pipe(Effect.flip)
          assert.strictEqual(error._tag, "ImportAborted")
          if (error._tag === "ImportAborted") {
            assert.strictEqual(error.line, 4)
            assert.strictEqual(error.progress.created, 2)
          }
          assert.isTrue(Option.isSome(yield* store.find(ps[1]!.id)))
          assert.isTrue(Option.isNone(yield* store.find(ps[2]!.id)))
          assert.isTrue(Option.isNone(yield* store.find(ps[3]!.id)))
        }).pipe(Effect.provide(stores)))

      it.effect("replays each record through the lifecycle when asked: its history holds the commands, the log verifies, a re-run changes nothing", () =>
        Effect.gen(function*() {
          const store = yield* Partnership.Store
          const prefix = unique("replay")
          yield* Generate.storeReferences(prefix)
          const s = Generate.seeded(31)
          const ps = Array.from({ length: 12 }, (_, i) => Generate.partnership(s, `${prefix}${i}`, prefix))
          const text = lines(ps).join("\n")
          const report = yield* Import.partnerships(Stream.make(text), { change: importChange, lifecycle: "replay", batchSize: 5 })
          // a generated state the lifecycle cannot produce (a rejected partnership with a network,
          // say) is refused as unreachable, naming the field; every other record is replayed
          for (const problem of report.problems) assert.include(problem.reason, "do not lead to this value")
          const refused = new Set(report.problems.map((p) => p.id))
          assert.strictEqual(report.created + report.rejected, ps.length)
          assert.isAtLeast(report.created, ps.length / 2)
          for (const p of ps) {
            if (refused.has(p.id)) {
              assert.isTrue(Option.isNone(yield* store.find(p.id)))
              continue
            }
            const stored = yield* store.get(p.id)
            assert.strictEqual(stored.status, p.status)
            const { version: _a, ...held } = JSON.parse(encode(stored))
            const { version: _b, ...given } = JSON.parse(encode(p))
            assert.deepStrictEqual(held, given)
            const history = yield* store.history(p.id)
            assert.strictEqual(history[0]!.command, "RegisterInterest")
            assert.strictEqual(history[0]!.statusAfter, "interest-registered")
            assert.isFalse(history.some((r) => r.command === "Import"))
            assert.strictEqual(history.at(-1)!.statusAfter, p.status)
          }
          const advanced = ps.find((p) => (Partnership.progress(p.status) ?? 0) >= (Partnership.progress("admitted") ?? 0))
          if (advanced !== undefined) {
            const commands = (yield* store.history(advanced.id)).map((r) => r.command)
            assert.includeMembers(commands, ["Apply", "OverrideDecision", "Admit"])
          }
          assert.strictEqual((yield* Audit.verify())._tag, "Verified")
          const again = yield* Import.partnerships(Stream.make(text), { change: importChange, lifecycle: "replay" })
          assert.strictEqual(again.unchanged, report.created)
          assert.strictEqual(again.created, 0)
          // withdrawn after admission, but with no decision that admitted it: the lifecycle cannot
          // get there (Admit needs the approved application assessment); nothing of it is stored
          const withdrawn = { ...JSON.parse(encode(ps[0]!)), id: `${prefix}withdrawn`, status: "withdrawn", decisions: [], network: `${prefix}net1` }
          delete withdrawn.internationalPartner
          delete withdrawn.partnerCountry
          delete withdrawn.implementationYear
          const refusedOne = yield* Import.partnerships(Stream.make(JSON.stringify(withdrawn)), { change: importChange, lifecycle: "replay" })
          assert.strictEqual(refusedOne.rejected, 1, JSON.stringify(refusedOne))
          assert.include(refusedOne.problems[0]!.reason, "application assessment")
          assert.isTrue(Option.isNone(yield* store.find(`${prefix}withdrawn`)))
          assert.strictEqual((yield* store.history(`${prefix}withdrawn`)).length, 0)
          // withdrawn with a partner but no network: no command sequence leads there either
          const matchedOne = ps.find((p) => p.status === "matched" || p.status === "preparation")
          if (matchedOne !== undefined) {
            const { network: _n, ...rest } = JSON.parse(encode(matchedOne))
            const partnerOnly = { ...rest, id: `${prefix}partner-only`, status: "withdrawn" }
            const refusedTwo = yield* Import.partnerships(Stream.make(JSON.stringify(partnerOnly)), { change: importChange, lifecycle: "replay" })
            assert.strictEqual(refusedTwo.rejected, 1, JSON.stringify(refusedTwo))
            assert.isTrue(Option.isNone(yield* store.find(`${prefix}partner-only`)))
          }
        }).pipe(Effect.provide(stores)))

      it.effect("replay refuses a record whose decisions are not overrides, or that cannot reach its status, by line; nothing of it is stored", () =>
        Effect.gen(function*() {
          const store = yield* Partnership.Store
          const docs = yield* DocumentStore.DocumentStore
          const prefix = unique("replay-bad")
          yield* Generate.storeReferences(prefix)
          const s = Generate.seeded(37)
          const ps = Array.from({ length: 40 }, (_, i) => Generate.partnership(s, `${prefix}${i}`, prefix))
          const decided = ps.find((p) => p.decisions.length > 0)!
          const notOverride = {
            ...JSON.parse(encode(decided)),
            id: `${prefix}assessed`,
            decisions: JSON.parse(encode(decided)).decisions.map((d: object) => ({ ...d, evidence: { _tag: "Assessments", assessments: ["nowhere-1"], framework: { id: "nowhere", version: 1 }, verdict: "pass" } }))
          }
          // a network that is not stored: registering works, admission cannot
          const admitted = ps.find((p) => p.network !== undefined)!
          const lost = { ...JSON.parse(encode(admitted)), id: `${prefix}lost`, network: unique("no-network") }
          // states on the main path whose partner and network came with their commands
          const at = (status: Partnership.Status) => Partnership.progress(status) ?? 0
          const [first, second] = ps.filter((p) =>
            p.status !== "rejected" && p.status !== "withdrawn" &&
            (p.internationalPartner === undefined || at(p.status) >= at("matched")) &&
            (p.network === undefined || at(p.status) >= at("admitted"))
          )
          const text = [encode(first!), JSON.stringify(notOverride), JSON.stringify(lost), encode(second!)].join("\n")
          const report = yield* Import.partnerships(Stream.make(text), { change: importChange, lifecycle: "replay" })
          assert.strictEqual(report.created, 2, JSON.stringify(report.problems))
          assert.deepStrictEqual(report.problems.map((p) => p.line), [2, 3])
          for (const id of [`${prefix}assessed`, `${prefix}lost`]) {
            assert.isTrue(Option.isNone(yield* store.find(id)))
            assert.isTrue(Option.isNone(yield* docs.read("partnership", id)))
            assert.strictEqual((yield* store.history(id)).length, 0)
          }
          assert.strictEqual((yield* Audit.verify())._tag, "Verified")
        }).pipe(Effect.provide(stores)))

      it.effect("seals imported records as the store's own writes: the log verifies, updates hold a real diff", () =>
        Effect.gen(function*() {
          const store = yield* Partnership.Store
          const docs = yield* DocumentStore.DocumentStore
          const prefix = unique("sealed")
          yield* Generate.storeReferences(prefix)
          const s = Generate.seeded(23)
          const ps = Array.from({ length: 40 }, (_, i) => Generate.partnership(s, `${prefix}${i}`, prefix))
          // a write of the store's own before and between the imports
          yield* (yield* Organisation.Store).create(IcldCohort2020.organisations[0]!, change)
          yield* Import.partnerships(Stream.make(lines(ps).join("\n")), { change: importChange, batchSize: 16 })
          const changed = ps.slice(0, 10).map((p) => new Partnership.Partnership({ ...p, title: { ...p.title, sv: `${p.title.sv ?? ""} (ny)` } }))
          yield* Import.partnerships(Stream.make(lines(changed).join("\n")), { change: importChange, batchSize: 4 })
          const verified = yield* Audit.verify()
          assert.deepStrictEqual(verified._tag === "Broken" ? verified.failure : verified._tag, "Verified")
          const refs = Generate.references(prefix)
          const references = refs.programmes.length + refs.organisations.length + refs.networks.length
          if (verified._tag === "Verified") assert.strictEqual(verified.records, references + 1 + 40 + 10)
          const [created, updated] = yield* docs.history("partnership", changed[0]!.id)
          assert.deepStrictEqual(created!.patch!.map((o) => [o.op, o.path]), [["add", ""]])
          assert.deepStrictEqual(updated!.patch!.map((o) => o.path).sort(), ["/title/sv", "/version"])
          assert.strictEqual(updated!.previous, created!.hash)
          assert.strictEqual(updated!.command, "Import")
          // rebuilt from the log as stored
          assert.deepStrictEqual(Option.getOrThrow(yield* store.versionAt(changed[0]!.id, 2)), Option.getOrThrow(yield* docs.read("partnership", changed[0]!.id)).data)
        }).pipe(Effect.provide(stores)))
    })

    describe("tamper-evident change log", () => {
      // the SQL of a dialect: ? or $n placeholders
      const exec = (statement: string, params: ReadonlyArray<unknown> = []) =>
        Effect.gen(function*() {
          const sql = yield* Client.SqlClient
          let n = 0
          const text = sql.onDialectOrElse({ orElse: () => statement.replaceAll("?json", "?"), pg: () => statement.replace(/\?(json)?/g, (m) => `$${++n}${m === "?json" ? "::jsonb" : ""}`) })
          return yield* sql.unsafe<Record<string, unknown>>(text, params as Array<unknown>)
        })
      const json = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value)
      const failure = Effect.map(Audit.verify(), (v) => (v._tag === "Broken" ? v.failure : undefined))
      const seeded = Effect.gen(function*() {
        yield* IcldCohort2020.load
        const orgs = yield* Organisation.Store
        const lund = yield* orgs.get("lund")
        yield* orgs.update(new Organisation.Organisation({ ...lund, contacts: [{ name: "Kim Kontakt", email: "kim@lund.example" }] }), { ...change, expectedVersion: lund.version })
        assert.isUndefined(yield* failure)
        return (yield* (yield* DocumentStore.DocumentStore).log()).length
      })

      it.effect("names a document whose data was changed with SQL", () =>
        Effect.gen(function*() {
          yield* seeded
          const [row] = yield* exec("SELECT data FROM documents WHERE kind = 'organisation' AND id = 'lund'")
          const data = { ...json(row!["data"]), name: { sv: "Ändrat", en: "Altered" } }
          yield* exec("UPDATE documents SET data = ?json WHERE kind = 'organisation' AND id = 'lund'", [JSON.stringify(data)])
          const f = yield* failure
          assert.deepStrictEqual([f?.check, f?.kind, f?.id], ["data", "organisation", "lund"])
          assert.include(f!.text.sv, "organisation lund")
        }).pipe(Effect.provide(stores)))

      it.effect("names a change record that was changed with SQL, by its seq", () =>
        Effect.gen(function*() {
          yield* seeded
          const [row] = yield* exec("SELECT record FROM changes WHERE seq = 3")
          const record = { ...json(row!["record"]), reason: "rewritten afterwards" }
          yield* exec("UPDATE changes SET record = ?json WHERE seq = 3", [JSON.stringify(record)])
          const f = yield* failure
          assert.deepStrictEqual([f?.check, f?.seq, f?.kind, f?.id, f?.version], ["record-hash", 3, record.entity, record.id, record.version])
        }).pipe(Effect.provide(stores)))

      it.effect("names the gap of a deleted change record", () =>
        Effect.gen(function*() {
          yield* seeded
          yield* exec("DELETE FROM changes WHERE seq = 4")
          const f = yield* failure
          assert.deepStrictEqual([f?.check, f?.seq], ["seq", 5])
        }).pipe(Effect.provide(stores)))

      it.effect("names a document that lost its last change record", () =>
        Effect.gen(function*() {
          const total = yield* seeded
          const [row] = yield* exec("SELECT kind, id, version FROM changes WHERE seq = ?", [total])
          yield* exec("DELETE FROM changes WHERE seq = ?", [total])
          const f = yield* failure
          assert.deepStrictEqual([f?.check, f?.kind, f?.id, f?.version], ["missing-records", row!["kind"], row!["id"], Number(row!["version"])])
        }).pipe(Effect.provide(stores)))

      it.effect("names a deleted document, and a document without records", () =>
        Effect.gen(function*() {
          yield* seeded
          yield* exec("DELETE FROM documents WHERE kind = 'organisation' AND id = 'falun'")
          const f = yield* failure
          assert.deepStrictEqual([f?.check, f?.kind, f?.id], ["missing-document", "organisation", "falun"])
          yield* exec("INSERT INTO documents (kind, id, version, data) VALUES ('organisation', 'falun', 1, ?json)", [JSON.stringify({ id: "falun" })])
          yield* exec("INSERT INTO documents (kind, id, version, data) VALUES ('organisation', 'aaa-injected', 1, ?json)", [JSON.stringify({ id: "x" })])
          const g = yield* failure
          assert.deepStrictEqual([g?.check, g?.kind, g?.id], ["document-without-records", "organisation", "aaa-injected"])
        }).pipe(Effect.provide(stores)))

      it.effect("after an erasure the log verifies and no database row holds the person's data", () =>
        Effect.gen(function*() {
          yield* IcldCohort2020.load
          const person = { name: "Alex Andersson", email: "alex.andersson@lund.example" }
          yield* AuditLogTest.holdPerson(person, { name: "Robin Berg", email: "robin.berg@falun.example" })
          const rows = Effect.gen(function*() {
            const sql = yield* Client.SqlClient
            const tables = yield* sql.onDialectOrElse({
              orElse: () => exec("SELECT name FROM sqlite_master WHERE type = 'table'"),
              pg: () => exec("SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()")
            })
            const out: Array<string> = []
            for (const t of tables) for (const r of yield* exec(`SELECT * FROM ${String(t["name"])}`)) out.push(JSON.stringify(r, (_, v) => (typeof v === "bigint" ? String(v) : v)))
            return out.join("\n").toLowerCase()
          })
          assert.include(yield* rows, "alex.andersson")
          yield* PersonalData.erase(person, ChangeLog.change("dpo", "ärende 2026-17"))
          assert.isUndefined(yield* failure)
          const exported = [...(yield* Stream.runCollect(Audit.exportLog()))]
          assert.strictEqual(AuditLog.verifyLines(exported)._tag, "Verified")
          const text = `${yield* rows}\n${exported.join("").toLowerCase()}`
          for (const needle of ["alex.andersson", "alex andersson"]) assert.notInclude(text, needle)
        }).pipe(Effect.provide(stores)))
    })
  })
}
