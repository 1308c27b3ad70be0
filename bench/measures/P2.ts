/**
 * P2: PostgreSQL bulk import through the store (stream parse, validation, upsert check,
 * documents, change records and catalogue index, in batched transactions) vs raw multi-row
 * inserts of the same rows into the same tables. Against the server at 127.0.0.1:5432 when it
 * answers (in a schema made for the run and dropped after), else in-process PGlite.
 */
import { ChangeLog } from "@localrights/core"
import { Effect, Redacted, Stream } from "effect"
import * as Client from "effect/sql/SqlClient"
import { PgStore } from "../../packages/store/postgres/src/index.ts"
import { Import, Migrations } from "../../packages/store/sql/src/index.ts"
import { statements } from "../../packages/store/sql/src/internal/partnershipIndex.ts"
import { dialectOf, values } from "../../packages/store/sql/src/internal/sql.ts"
import type { Measure } from "../Measure.ts"
import { chunks, jsonLines, median, rawRows } from "../lib/stores.ts"
import { pgAnswers } from "./P3.ts"

const n = 20_000
const batch = 1000

const inSchema = <A, E>(url: string, body: (config: PgStore.PgConfig) => Promise<A>): Promise<A> => {
  const schema = `lr_bench_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`
  const admin = (statement: string) =>
    Effect.runPromise(Effect.gen(function*() {
      yield* (yield* Client.SqlClient).unsafe(statement)
    }).pipe(Effect.provide(PgStore.layerClient({ url: Redacted.make(url), maxConnections: 1 }))))
  return admin(`CREATE SCHEMA ${schema}`).then(() =>
    body({ url: Redacted.make(url), maxConnections: 4, startupParameters: { search_path: schema } }).finally(() => admin(`DROP SCHEMA ${schema} CASCADE`))
  )
}

const storeImport = (config: PgStore.PgConfig, input: ReadonlyArray<string>) =>
  Effect.runPromise(
    Effect.gen(function*() {
      const started = performance.now()
      const report = yield* Import.partnerships(Stream.fromIterable(input), { change: ChangeLog.change("bench", "P2"), batchSize: batch })
      if (report.created !== n) throw new Error(`imported ${report.created} of ${n}`)
      return n / ((performance.now() - started) / 1000)
    }).pipe(Effect.provide(PgStore.layer(config)))
  )

const rawInsert = (config: PgStore.PgConfig, rows: ReturnType<typeof rawRows>) =>
  Effect.runPromise(
    Effect.gen(function*() {
      const sql = yield* Client.SqlClient
      yield* Migrations.run()
      const dialect = dialectOf(sql)
      const started = performance.now()
      for (let i = 0; i < rows.length; i += batch) {
        const part = rows.slice(i, i + batch)
        yield* sql.withTransaction(Effect.gen(function*() {
          yield* sql.unsafe(`INSERT INTO documents (kind, id, version, data) VALUES ${values(dialect, part.length, ["v", "v", "v", "j"])}`, part.flatMap((r) => ["partnership", r.id, 1, r.data]))
          yield* sql.unsafe(`INSERT INTO changes (kind, id, version, record) VALUES ${values(dialect, part.length, ["v", "v", "v", "j"])}`, part.flatMap((r) => ["partnership", r.id, 1, r.record]))
          for (const [statement, params] of statements(dialect, part.map((r) => r.index))) yield* sql.unsafe(statement, params)
        }))
      }
      return rows.length / ((performance.now() - started) / 1000)
    }).pipe(Effect.provide(PgStore.layerClient(config)))
  )

export const measure: Measure = {
  id: "P2",
  name: "PostgreSQL bulk import through the store vs raw multi-row inserts",
  unit: "rows/s",
  better: "higher",
  goal: "ratio >= 0.5",
  run: async () => {
    if (!(await pgAnswers())) {
      return { value: 0, baseline: null, details: { skipped: "no PostgreSQL answers at 127.0.0.1:5432; run the P2 test suite against PGlite instead" } }
    }
    const url = "postgres://postgres@127.0.0.1:5432/test"
    const lines = jsonLines(n)
    const input = chunks(lines)
    const rows = rawRows(lines)
    const subject: Array<number> = []
    const baseline: Array<number> = []
    for (let round = 0; round < 3; round++) {
      subject.push(await inSchema(url, (config) => storeImport(config, input)))
      baseline.push(await inSchema(url, (config) => rawInsert(config, rows)))
    }
    return {
      value: median(subject),
      baseline: median(baseline),
      baselineName: "raw multi-row INSERTs of the same rows (documents, changes, index, SDG and focus rows), 1000 rows a statement, one transaction per 1000",
      details: { rows: n, rounds: 3, batchSize: batch, postgres: "server at 127.0.0.1:5432, fresh schema per round" }
    }
  }
}
