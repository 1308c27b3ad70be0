/**
 * P1: SQLite bulk import through the store (stream parse, validation, upsert check, documents,
 * change records and catalogue index, in batched transactions) vs raw `node:sqlite` prepared
 * inserts of the same rows into the same tables in one transaction. Both in memory, so the
 * figure is the store's overhead, not the disk's.
 *
 * The baseline: the rows the store writes (document, change record with its hash, sequence
 * number and patch, index row, SDG and focus rows) precomputed outside the timing, then one
 * prepared `INSERT` per row into the five tables of a migrated database (same schema and
 * indexes), `BEGIN` … `COMMIT` around all of them. The
 * store's timing includes reading the text, parsing, validating, computing the index, the
 * upsert check, and its writes, where document, change, SDG and focus rows go 50 to a
 * statement (index rows one to a statement, which SQLite runs faster for a table with several
 * indexes).
 *
 * Rounds (default 6): store import and raw inserts alternate (A B, B A, …), each into a fresh
 * in-memory database, with a GC between runs; the ratio is taken per round, on CPU time (rows
 * per CPU second of the process; the wall-clock ratio is given next to it). Goals: median
 * ratio >= 0.7 and every round >= 0.6. Rows: 50 000 times `BENCH_SCALE`. A note gives the
 * ceiling: the ratio a store would reach that only parsed and decoded its input (the baseline
 * does neither: its rows are precomputed) and inserted at raw speed.
 */
import { ChangeLog, Partnership, Validation } from "@localrights/core"
import { Context, Effect, Exit, Layer, Scope, Stream } from "effect"
import { DatabaseSync } from "node:sqlite"
import { Import, SqliteStore } from "../../packages/store/sqlite/src/index.ts"
import { Migrations } from "../../packages/store/sql/src/index.ts"
import { SqliteClient } from "../../packages/store/sqlite/src/index.ts"
import { interleave, rate, ratios, scaled, split, type Measure, type Rate } from "../Measure.ts"
import { median } from "../lib/stats.ts"
import { chunks, jsonLines, rawRows, storeReferences } from "../lib/stores.ts"

/** The store's import of `input` (`n` records) into a fresh in-memory database; the layer's set-up is not timed. */
export const storeImport = async (input: ReadonlyArray<string>, n: number): Promise<Rate> =>
  Effect.runPromise(
    Effect.gen(function*() {
      yield* storeReferences()
      const cpu0 = process.cpuUsage()
      const started = performance.now()
      const report = yield* Import.partnerships(Stream.fromIterable(input), { change: ChangeLog.change("bench", "P1"), batchSize: 5000 })
      const wall = (performance.now() - started) / 1000
      const cpu = process.cpuUsage(cpu0)
      if (report.created !== n) throw new Error(`imported ${report.created} of ${n}; ${report.rejected} rejected, the first: ${report.problems[0]?.reason ?? "none"}`)
      return { wall: n / wall, cpu: n / ((cpu.user + cpu.system) / 1e6) }
    }).pipe(Effect.provide(SqliteStore.layer({})))
  )

/** A migrated empty in-memory database, as the raw baseline's target (left open for the run). */
export const emptyDatabase = (): Promise<DatabaseSync> =>
  Effect.runPromise(
    Effect.gen(function*() {
      const scope = yield* Scope.make()
      const context = yield* Layer.buildWithScope(SqliteClient.layer({}), scope)
      yield* Migrations.run().pipe(Effect.provideContext(context))
      return Context.get(context, SqliteClient.SqliteClient).database
    })
  )

/** The hand-written loader: prepared inserts of the precomputed rows, one transaction. */
export const rawInsert = (db: DatabaseSync, rows: ReturnType<typeof rawRows>): Promise<Rate> => rate(rows.length, () => {
  const doc = db.prepare("INSERT INTO documents (kind, id, version, data) VALUES ('partnership', ?, 1, ?)")
  const change = db.prepare("INSERT INTO changes (kind, id, version, seq, hash, patch, record) VALUES ('partnership', ?, 1, ?, ?, ?, ?)")
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
    change.run(r.id, r.seq, r.hash, r.patch, r.record)
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
})

/** Context: one insert per row into one table, the figure TOOLCHAIN.md quotes. */
const singleTable = async (rows: ReturnType<typeof rawRows>): Promise<number> => {
  const db = new DatabaseSync(":memory:")
  db.exec("CREATE TABLE t (id TEXT PRIMARY KEY, data TEXT NOT NULL)")
  const insert = db.prepare("INSERT INTO t VALUES (?, ?)")
  const r = await rate(rows.length, () => {
    db.exec("BEGIN")
    for (const r of rows) insert.run(r.id, r.data)
    db.exec("COMMIT")
  })
  db.close()
  return r.cpu
}

/**
 * Context: only reading the records (`JSON.parse` and the same decoder as the import), no
 * store. With the raw inserts it bounds the ratio any store that reads its input could reach:
 * one that only parsed, decoded and inserted, at raw speed, gets `1 / (1 + raw / decode)`.
 */
const decodeOnly = async (lines: ReadonlyArray<string>): Promise<number> => {
  const decode = Validation.decoderExit(Partnership.Partnership, "Partnership")
  const r = await rate(lines.length, () => {
    for (const line of lines) if (!Exit.isSuccess(decode(JSON.parse(line)))) throw new Error("P1: a bench record does not decode")
  })
  return r.cpu
}

const gc = () => (globalThis as { gc?: () => void }).gc?.()

export const measure: Measure = {
  id: "P1",
  name: "SQLite bulk import through the store vs raw prepared inserts",
  run: async ({ rounds = 6, scale }) => {
    const n = scaled(50_000, scale, 1000)
    const lines = jsonLines(n)
    const input = chunks(lines)
    const rows = rawRows(lines)
    const single: Array<number> = []
    const r = await interleave(rounds, {
      subject: () => storeImport(input, n),
      baseline: async () => {
        const db = await emptyDatabase()
        const r = await rawInsert(db, rows)
        db.close()
        return r
      }
    }, gc)
    const decodes: Array<number> = []
    for (let i = 0; i < 3; i++) {
      single.push(await singleTable(rows))
      decodes.push(await decodeOnly(lines))
    }
    const store = split(r.subject)
    const raw = split(r.baseline)
    const ceiling = 1 / (1 + median(raw.cpu) / median(decodes))
    return {
      notes: [
        `reading alone (JSON.parse and decode, no store) runs at ${Math.round(median(decodes))} rows per CPU second: a store that only read its input and inserted at raw speed would reach ${ceiling.toFixed(2)}`
      ],
      figures: [
        { name: "ratio store / raw", unit: "×", better: "higher", rounds: ratios(store.cpu, raw.cpu), goals: [{ on: "median", op: ">=", bound: 0.7 }, { on: "every round", op: ">=", bound: 0.6 }] },
        { name: "ratio, wall clock", unit: "×", better: "higher", rounds: ratios(store.wall, raw.wall) },
        { name: "store import", unit: "rows/s", better: "higher", rounds: store.cpu },
        { name: "raw prepared inserts", unit: "rows/s", better: "higher", rounds: raw.cpu }
      ],
      details: {
        baseline: "raw node:sqlite prepared inserts of the same rows (documents, changes, index, SDG and focus rows), one transaction",
        rows: n,
        clock: "rows per CPU second of the process (process.cpuUsage); the wall-clock ratio is the second figure",
        storeWallRowsPerSecond: Math.round(median(store.wall)),
        rawWallRowsPerSecond: Math.round(median(raw.wall)),
        database: "in memory",
        batchSize: 5000,
        singleTableRawRowsPerSecond: Math.round(median(single)),
        ratioToSingleTableRaw: Number((median(store.cpu) / median(single)).toFixed(3)),
        parseAndDecodeRowsPerSecond: Math.round(median(decodes)),
        ceilingRatio: Number(ceiling.toFixed(3))
      }
    }
  }
}
