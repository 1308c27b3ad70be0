/**
 * P1: SQLite bulk import through the store (stream parse, validation, upsert check, documents,
 * change records and catalogue index, in batched transactions) vs raw `node:sqlite` prepared
 * inserts of the same rows into the same tables in one transaction. Both in memory, so the
 * figure is the store's overhead, not the disk's.
 *
 * The baseline: the rows the store writes (document, change record, index row, SDG and focus
 * rows) precomputed outside the timing, then one prepared `INSERT` per row into the five tables
 * of a migrated database (same schema and indexes), `BEGIN` … `COMMIT` around all of them. The
 * store's timing includes reading the text, parsing, validating, computing the index, the
 * upsert check, and its writes, where document, change, SDG and focus rows go 50 to a
 * statement (index rows one to a statement, which SQLite runs faster for a table with several
 * indexes).
 */
import { ChangeLog } from "@localrights/core"
import { Context, Effect, Layer, Scope, Stream } from "effect"
import { DatabaseSync } from "node:sqlite"
import { Import, SqliteStore } from "../../packages/store/sqlite/src/index.ts"
import { Migrations } from "../../packages/store/sql/src/index.ts"
import { SqliteClient } from "../../packages/store/sqlite/src/index.ts"
import type { Measure } from "../Measure.ts"
import { chunks, jsonLines, median, rawRows } from "../lib/stores.ts"

const n = 50_000

const storeImport = async (input: ReadonlyArray<string>): Promise<number> =>
  Effect.runPromise(
    Effect.gen(function*() {
      const started = performance.now()
      const report = yield* Import.partnerships(Stream.fromIterable(input), { change: ChangeLog.change("bench", "P1"), batchSize: 5000 })
      if (report.created !== n) throw new Error(`imported ${report.created} of ${n}`)
      return n / ((performance.now() - started) / 1000)
    }).pipe(Effect.provide(SqliteStore.layer({})))
  )

/** A migrated empty in-memory database, as the raw baseline's target (left open for the run). */
const emptyDatabase = (): Promise<DatabaseSync> =>
  Effect.runPromise(
    Effect.gen(function*() {
      const scope = yield* Scope.make()
      const context = yield* Layer.buildWithScope(SqliteClient.layer({}), scope)
      yield* Migrations.run().pipe(Effect.provideContext(context))
      return Context.get(context, SqliteClient.SqliteClient).database
    })
  )

export const rawInsert = (db: DatabaseSync, rows: ReturnType<typeof rawRows>): number => {
  const started = performance.now()
  const doc = db.prepare("INSERT INTO documents (kind, id, version, data) VALUES ('partnership', ?, 1, ?)")
  const change = db.prepare("INSERT INTO changes (kind, id, version, record) VALUES ('partnership', ?, 1, ?)")
  const areas = ["accessibility", "gender-equality", "culture", "young-people", "minorities", "technical-administration"]
  const index = db.prepare(
    "INSERT INTO partnership_index (id, status, programme, network, country, key_sv, key_en, search, sdg_goals, " +
      "focus_accessibility, focus_gender_equality, focus_culture, focus_young_people, focus_minorities, focus_technical_administration, " +
      "swedish_partner) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
  )
  const sdg = db.prepare("INSERT INTO partnership_sdg (id, pos, goal, target) VALUES (?, ?, ?, ?)")
  const focus = db.prepare("INSERT INTO partnership_focus (id, pos, area) VALUES (?, ?, ?)")
  db.exec("BEGIN")
  for (const r of rows) {
    doc.run(r.id, r.data)
    change.run(r.id, r.record)
    const i = r.index
    // the same facet columns the store writes: SDG goals as a bit mask, focus areas as counts
    let mask = 0
    for (const [goal] of i.sdg) mask |= 1 << (Number(goal) - 1)
    const counts = areas.map((a) => i.focus.filter((f) => f === a).length)
    index.run(i.id, i.status, i.programme, i.network, i.country, i.keySv, i.keyEn, i.search, mask, ...counts, i.swedishPartner)
    i.sdg.forEach(([goal, target], pos) => sdg.run(i.id, pos, goal, target))
    i.focus.forEach((area, pos) => focus.run(i.id, pos, area))
  }
  db.exec("COMMIT")
  return rows.length / ((performance.now() - started) / 1000)
}

export const measure: Measure = {
  id: "P1",
  name: "SQLite bulk import through the store vs raw prepared inserts",
  unit: "rows/s",
  better: "higher",
  goal: "ratio >= 0.6",
  run: async () => {
    const lines = jsonLines(n)
    const input = chunks(lines)
    const rows = rawRows(lines)
    const subject: Array<number> = []
    const baseline: Array<number> = []
    const single: Array<number> = []
    for (let round = 0; round < 3; round++) {
      subject.push(await storeImport(input))
      baseline.push(rawInsert(await emptyDatabase(), rows))
      // context: one insert per row into one table, the figure TOOLCHAIN.md quotes
      const db = new DatabaseSync(":memory:")
      db.exec("CREATE TABLE t (id TEXT PRIMARY KEY, data TEXT NOT NULL)")
      const insert = db.prepare("INSERT INTO t VALUES (?, ?)")
      const started = performance.now()
      db.exec("BEGIN")
      for (const r of rows) insert.run(r.id, r.data)
      db.exec("COMMIT")
      single.push(rows.length / ((performance.now() - started) / 1000))
    }
    return {
      value: median(subject),
      baseline: median(baseline),
      baselineName: "raw node:sqlite prepared inserts of the same rows (documents, changes, index, SDG and focus rows), one transaction",
      details: {
        rows: n,
        rounds: 3,
        database: "in memory",
        batchSize: 5000,
        singleTableRawRowsPerSecond: Math.round(median(single)),
        ratioToSingleTableRaw: Number((median(subject) / median(single)).toFixed(3))
      }
    }
  }
}
