/**
 * P2: PostgreSQL bulk import through the store (stream parse, validation, upsert check,
 * documents, change records and catalogue index, in batched transactions) vs raw multi-row
 * inserts of the same rows into the same tables. Against the server at 127.0.0.1:5432 when it
 * answers (in a fresh schema per run, dropped after); skipped, with a line saying so, when no
 * server answers there (the store's own tests cover PGlite).
 *
 * Rounds (default 6): store import and raw inserts alternate (A B, B A, …), the ratio taken
 * per round, on wall-clock time (the server's work is not this process's CPU time). Goal: median
 * ratio >= 0.5. Rows: 20 000 times `BENCH_SCALE`.
 */
import { ChangeLog } from "@localrights/core"
import { Effect, Redacted, Stream } from "effect"
import * as Client from "effect/sql/SqlClient"
import { PgStore } from "../../packages/store/postgres/src/index.ts"
import { Import, Migrations } from "../../packages/store/sql/src/index.ts"
import { statements } from "../../packages/store/sql/src/internal/partnershipIndex.ts"
import { dialectOf, values } from "../../packages/store/sql/src/internal/sql.ts"
import { interleave, ratios, scaled, type Measure } from "../Measure.ts"
import { chunks, jsonLines, rawRows, storeReferences } from "../lib/stores.ts"
import { pgAnswers, pgHost, pgUrl } from "../lib/postgres.ts"

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

const storeImport = (config: PgStore.PgConfig, input: ReadonlyArray<string>, n: number) =>
  Effect.runPromise(
    Effect.gen(function*() {
      yield* storeReferences()
      const started = performance.now()
      const report = yield* Import.partnerships(Stream.fromIterable(input), { change: ChangeLog.change("bench", "P2"), batchSize: batch })
      if (report.created !== n) throw new Error(`imported ${report.created} of ${n}; ${report.rejected} rejected, the first: ${report.problems[0]?.reason ?? "none"}`)
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
          yield* sql.unsafe(
            `INSERT INTO changes (kind, id, version, seq, hash, patch, record) VALUES ${values(dialect, part.length, ["v", "v", "v", "v", "v", "v", "j"])}`,
            part.flatMap((r) => ["partnership", r.id, 1, r.seq, r.hash, r.patch, r.record])
          )
          // every id is new: no join rows to delete first (as the store knows of the ids it creates)
          const fresh = new Set(part.map((r) => r.id))
          for (const [statement, params] of statements(dialect, part.map((r) => r.index), fresh)) yield* sql.unsafe(statement, params)
        }))
      }
      return rows.length / ((performance.now() - started) / 1000)
    }).pipe(Effect.provide(PgStore.layerClient(config)))
  )

export const measure: Measure = {
  id: "P2",
  name: "PostgreSQL bulk import through the store vs raw multi-row inserts",
  run: async ({ rounds = 6, scale }) => {
    if (!(await pgAnswers())) {
      return { figures: [], notes: [`skipped: no PostgreSQL answers at ${pgHost} (start one with trust auth and a database \`test\`)`] }
    }
    const n = scaled(20_000, scale, batch)
    const lines = jsonLines(n)
    const input = chunks(lines)
    const rows = rawRows(lines)
    const r = await interleave(rounds, {
      subject: () => inSchema(pgUrl, (config) => storeImport(config, input, n)),
      baseline: () => inSchema(pgUrl, (config) => rawInsert(config, rows))
    })
    return {
      figures: [
        { name: "ratio store / raw", unit: "×", better: "higher", rounds: ratios(r.subject, r.baseline), goals: [{ on: "median", op: ">=", bound: 0.5 }] },
        { name: "store import", unit: "rows/s", better: "higher", rounds: r.subject },
        { name: "raw multi-row inserts", unit: "rows/s", better: "higher", rounds: r.baseline }
      ],
      details: {
        baseline: "raw multi-row INSERTs of the same rows (documents, changes, index, SDG and focus rows), 1000 rows a statement, one transaction per 1000",
        rows: n,
        batchSize: batch,
        postgres: `server at ${pgHost}, fresh schema per run`
      }
    }
  }
}
