/**
 * P3: a catalogue query (programme + status, first page of 50, with total and facets) at
 * 1 000 000 partnerships, p95 latency through `PartnershipStore.search`, on SQLite (a temporary
 * file) and PostgreSQL (the server at 127.0.0.1:5432 when it answers, in a schema made for the
 * run and dropped after; PGlite is too slow to load a million rows in a benchmark).
 *
 * The data: 1000 seeded partnerships are the templates; row g is template g % 1000 with id
 * `p0000000`…, programme `prog<g / 1000>` (1000 programmes of 1000) and network `net<g / 4>`
 * (networks of four pairs, as in ICLD's programme; none where the template has none: a
 * partnership has a network from admission on). Rows are generated inside the database
 * (set-up is not measured). After the load the database is analysed (`ANALYZE`; on PostgreSQL
 * `VACUUM ANALYZE`, the state autovacuum leaves a table in shortly after a bulk insert) and
 * SQLite's write-ahead log is checkpointed.
 *
 * Both stores are loaded first; then the rounds (default 5) alternate SQLite and PostgreSQL
 * (A B, B A, …). Each query is one status of one programme (about 100 matches); a round's
 * figure is the p95 of its queries:
 *
 * - first pass: each round takes programmes no query has touched yet (1000 programmes shared
 *   out over the rounds, one status each), so every query is the first touch of its rows in
 *   this process. Before it, 20 queries of a programme that does not exist warm the code path
 *   (JIT) without touching rows.
 * - steady: every round runs all the first-pass queries again, the steady state of a running
 *   catalogue whose pages and indexes are in the cache.
 *
 * The headline is the median over rounds of the steady SQLite p95. `BENCH_SCALE` multiplies the
 * row count (a multiple of 10 000, so that there are whole tens of programmes).
 */
import { ChangeLog, Partnership } from "@localrights/core"
import type { Catalogue, Ids } from "@localrights/core"
import { Effect, Exit, Layer, Redacted, Scope, Stream } from "effect"
import * as Client from "effect/sql/SqlClient"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { PgStore } from "../../packages/store/postgres/src/index.ts"
import { Import } from "../../packages/store/sql/src/index.ts"
import { focusColumns } from "../../packages/store/sql/src/internal/partnershipIndex.ts"
import { SqliteStore } from "../../packages/store/sqlite/src/index.ts"
import { interleave, scaled, type Measure } from "../Measure.ts"
import { pgAnswers, pgHost, pgUrl } from "../lib/postgres.ts"
import { median, percentile } from "../lib/stats.ts"
import { chunks, jsonLines, storeReferences } from "../lib/stores.ts"

const templates = 1000
const statuses: ReadonlyArray<Partnership.Status> = ["interest-registered", "applied", "admitted", "matched", "preparation", "implementation", "concluded", "closed", "withdrawn", "rejected"]

const prepareIndexCopies = Effect.gen(function*() {
  const sql = yield* Client.SqlClient
  yield* sql.unsafe(`CREATE TABLE bench_index AS SELECT * FROM partnership_index`)
  yield* sql.unsafe(`CREATE TABLE bench_sdg AS SELECT * FROM partnership_sdg`)
  yield* sql.unsafe(`CREATE TABLE bench_focus AS SELECT * FROM partnership_focus`)
})

export const load = (total: number) => Effect.gen(function*() {
  const sql = yield* Client.SqlClient
  const pg = sql.onDialectOrElse({ orElse: () => false, pg: () => true })
  const started = performance.now()
  yield* storeReferences("t")
  yield* Import.partnerships(Stream.fromIterable(chunks(jsonLines(templates, 3, "t"))), { change: ChangeLog.change("bench", "P3 templates") })
  yield* prepareIndexCopies
  yield* sql.unsafe(`CREATE TABLE bench_templates AS SELECT ROW_NUMBER() OVER (ORDER BY id) - 1 AS n, id, data FROM documents WHERE kind = 'partnership'`)
  const indexes = yield* sql.unsafe<{ name: string; sql: string }>(
    pg
      ? `SELECT indexname AS name, indexdef AS sql FROM pg_indexes WHERE schemaname = current_schema() AND indexname LIKE 'partnership_%' AND indexname NOT LIKE '%_pkey'`
      : `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name LIKE 'partnership_%' AND sql IS NOT NULL`
  )
  for (const index of indexes) yield* sql.unsafe(`DROP INDEX ${index.name}`)
  for (const table of ["documents", "changes", "partnership_index", "partnership_sdg", "partnership_focus"]) yield* sql.unsafe(`DELETE FROM ${table}`)
  const id = pg ? `'p' || lpad(g::text, 7, '0')` : `printf('p%07d', g)`
  const programme = pg ? `'prog' || (g / 1000)::text` : `'prog' || (g / 1000)`
  const network = pg ? `'net' || (g / 4)::text` : `'net' || (g / 4)`
  // a template without a network keeps none: a partnership has one only from admission on (a
  // network on an earlier status does not decode)
  const data = pg
    ? `CASE WHEN t.data ? 'network' THEN jsonb_set(jsonb_set(jsonb_set(t.data, '{id}', to_jsonb(${id})), '{programme}', to_jsonb(${programme})), '{network}', to_jsonb(${network})) ELSE jsonb_set(jsonb_set(t.data, '{id}', to_jsonb(${id})), '{programme}', to_jsonb(${programme})) END`
    : `CASE WHEN json_type(t.data, '$.network') IS NULL THEN json_set(t.data, '$.id', ${id}, '$.programme', ${programme}) ELSE json_set(t.data, '$.id', ${id}, '$.programme', ${programme}, '$.network', ${network}) END`
  const gen = (select: string, join = "") => pg
    ? `SELECT ${select} FROM generate_series(0, ${total - 1}) g JOIN bench_templates t ON t.n = g % ${templates} ${join}`
    : `WITH RECURSIVE s(g) AS (SELECT 0 UNION ALL SELECT g + 1 FROM s WHERE g < ${total - 1}) SELECT ${select} FROM s JOIN bench_templates t ON t.n = s.g % ${templates} ${join}`
  yield* sql.withTransaction(Effect.gen(function*() {
    yield* sql.unsafe(`INSERT INTO documents (kind, id, version, data) ${gen(`'partnership', ${id}, 1, ${data}`)}`)
    const facetColumns = ["sdg_goals", ...focusColumns.map(([, column]) => column), "swedish_partner"]
    yield* sql.unsafe(`INSERT INTO partnership_index (id, status, programme, network, country, key_sv, key_en, search, ${facetColumns.join(", ")}) ${
      gen(`${id}, i.status, ${programme}, CASE WHEN i.network IS NULL THEN NULL ELSE ${network} END, i.country, i.key_sv, i.key_en, i.search, ${facetColumns.map((c) => `i.${c}`).join(", ")}`, "JOIN bench_index i ON i.id = t.id")
    }`)
    yield* sql.unsafe(`INSERT INTO partnership_sdg (id, pos, goal, target) ${gen(`${id}, x.pos, x.goal, x.target`, "JOIN bench_sdg x ON x.id = t.id")}`)
    yield* sql.unsafe(`INSERT INTO partnership_focus (id, pos, area) ${gen(`${id}, x.pos, x.area`, "JOIN bench_focus x ON x.id = t.id")}`)
  }))
  for (const index of indexes) yield* sql.unsafe(index.sql)
  // statistics for the planner, as autovacuum would gather after a bulk load; on PostgreSQL also
  // the visibility map (VACUUM), without which an index-only scan still reads every heap page
  yield* sql.unsafe(pg ? "VACUUM ANALYZE" : "ANALYZE")
  // SQLite: the loaded pages moved from the write-ahead log into the database file, as the
  // automatic checkpoints of a database at rest leave them
  if (!pg) yield* sql.unsafe("PRAGMA wal_checkpoint(TRUNCATE)")
  return (performance.now() - started) / 1000
})

/** The i-th query: programme `(i * 7919) mod P`, status `(i + floor(i / P)) mod 10`; distinct for i < 10 P when 10 divides P. */
export const query = (i: number, programmes: number): Catalogue.Query => ({
  programme: `prog${(i * 7919) % programmes}` as Ids.ProgrammeId,
  status: [statuses[(i + Math.floor(i / programmes)) % statuses.length]!],
  limit: 50
})

/** The p95, p50 and matches of one pass over `queries`. */
const pass = Effect.fnUntraced(function*(queries: ReadonlyArray<Catalogue.Query>) {
  const store = yield* Partnership.Store
  const times: Array<number> = []
  let matches = 0
  for (const q of queries) {
    const started = performance.now()
    const page = yield* store.search(q)
    times.push(performance.now() - started)
    matches += page.total
  }
  return { p95: percentile(times, 95), p50: percentile(times, 50), meanMatches: matches / queries.length }
})

/** Context: a broad query (status + country: about 15 000 matches at full size), p50 of 20. */
const broad = Effect.gen(function*() {
  const store = yield* Partnership.Store
  const times: Array<number> = []
  for (let i = 0; i < 20; i++) {
    const started = performance.now()
    yield* store.search({ status: [statuses[i % statuses.length]!], country: "BW" as never })
    times.push(performance.now() - started)
  }
  return percentile(times, 50)
})

/** A loaded store: its layer built in a scope of its own, the load's seconds. */
type Needs = Partnership.Store | Client.SqlClient
interface Loaded {
  readonly run: <A, E>(effect: Effect.Effect<A, E, Needs>) => Promise<A>
  readonly setupSeconds: number
  readonly close: () => Promise<void>
}

const loaded = async <R>(layer: Layer.Layer<R | Needs, unknown>, total: number): Promise<Loaded> => {
  const scope = await Effect.runPromise(Scope.make())
  try {
    const context = await Effect.runPromise(Layer.buildWithScope(layer, scope))
    const run = <A, E>(effect: Effect.Effect<A, E, Needs>) => Effect.runPromise(effect.pipe(Effect.provideContext(context)))
    const setupSeconds = await run(load(total))
    return { run, setupSeconds, close: () => Effect.runPromise(Scope.close(scope, Exit.void)) }
  } catch (e) {
    await Effect.runPromise(Scope.close(scope, Exit.void))
    throw e
  }
}

const pgAdmin = (statement: string) =>
  Effect.runPromise(Effect.gen(function*() {
    yield* (yield* Client.SqlClient).unsafe(statement)
  }).pipe(Effect.provide(PgStore.layerClient({ url: Redacted.make(pgUrl), maxConnections: 1 }))))

const ms3 = (x: number) => Number(x.toFixed(3))

export const measure: Measure = {
  id: "P3",
  name: "Catalogue query (programme + status, first page of 50 with facets), p95",
  run: async ({ rounds = 5, scale }) => {
    const started = performance.now()
    const total = scaled(1_000_000, scale, 10_000)
    const programmes = total / 1000
    const perRound = Math.floor(Math.min(programmes, 1000) / rounds)
    if (perRound < 1) throw new Error(`P3: ${rounds} rounds need at least ${rounds} programmes (BENCH_SCALE too small)`)
    const cold = Array.from({ length: rounds }, (_, r) => Array.from({ length: perRound }, (_, k) => query(r * perRound + k, programmes)))
    const steady = cold.flat()
    const warm = Array.from({ length: 20 }, (_, i) => ({ programme: "prog-none" as Ids.ProgrammeId, status: [statuses[i % statuses.length]!], limit: 50 }))
    const dir = mkdtempSync(join(tmpdir(), "lr-p3-"))
    const schema = `lr_bench_${Date.now().toString(36)}`
    const stores: Array<Loaded> = []
    let pgSchema = false
    try {
      const sqlite = await loaded(SqliteStore.layer({ filename: join(dir, "p3.db"), cacheSizeKiB: 262144 }), total)
      stores.push(sqlite)
      let pg: Loaded | undefined
      if (await pgAnswers()) {
        await pgAdmin(`CREATE SCHEMA ${schema}`)
        pgSchema = true
        pg = await loaded(PgStore.layer({ url: Redacted.make(pgUrl), maxConnections: 4, startupParameters: { search_path: schema } }), total)
        stores.push(pg)
      }
      for (const s of stores) await s.run(pass(warm))
      type Pass = { p95: number; p50: number; meanMatches: number }
      const phase = async (sets: (round: number) => ReadonlyArray<Catalogue.Query>) => {
        const a: Array<Pass> = []
        const b: Array<Pass> = []
        if (pg === undefined) {
          for (let r = 0; r < rounds; r++) a.push(await sqlite.run(pass(sets(r))))
        } else {
          const p = pg
          await interleave(rounds, {
            subject: async (r) => (a.push(await sqlite.run(pass(sets(r)))), a.at(-1)!.p95),
            baseline: async (r) => (b.push(await p.run(pass(sets(r)))), b.at(-1)!.p95)
          })
        }
        return { sqlite: a, pg: b }
      }
      const first = await phase((r) => cold[r]!)
      const steadyPhase = await phase(() => steady)
      const broadSqlite = await sqlite.run(broad)
      const broadPg = pg === undefined ? undefined : await pg.run(broad)
      const p95s = (xs: ReadonlyArray<Pass>) => xs.map((x) => x.p95)
      return {
        figures: [
          { name: "SQLite p95, steady", unit: "ms", better: "lower", rounds: p95s(steadyPhase.sqlite), goals: [{ on: "median", op: "<=", bound: 1 }] },
          { name: "SQLite p95, first pass", unit: "ms", better: "lower", rounds: p95s(first.sqlite), goals: [{ on: "median", op: "<=", bound: 1.5 }] },
          ...(pg === undefined ? [] : [
            { name: "PostgreSQL p95, steady", unit: "ms", better: "lower", rounds: p95s(steadyPhase.pg), goals: [{ on: "median", op: "<=", bound: 5 }] },
            { name: "PostgreSQL p95, first pass", unit: "ms", better: "lower", rounds: p95s(first.pg) }
          ] as const)
        ],
        notes: pg === undefined ? [`PostgreSQL part skipped: no server answers at ${pgHost}`] : [],
        details: {
          partnerships: total,
          programmes,
          query: "programme = X AND status = Y, sort id, limit 50, total + facets (status, country, SDG goal, focus area)",
          queriesPerFirstPassRound: perRound,
          queriesPerSteadyRound: steady.length,
          sqliteConfig: "file, WAL, cacheSizeKiB 262144 (256 MiB page cache)",
          sqliteSteadyP50ms: ms3(median(steadyPhase.sqlite.map((x) => x.p50))),
          sqliteFirstPassP50ms: ms3(median(first.sqlite.map((x) => x.p50))),
          meanMatchesPerQuery: Math.round(steadyPhase.sqlite[0]!.meanMatches),
          broadQuery: "status + country (about 15 000 matches at full size): facets count every match",
          broadQueryP50msSqlite: Number(broadSqlite.toFixed(1)),
          setupSecondsSqlite: Math.round(sqlite.setupSeconds),
          ...(pg === undefined ? { postgres: `skipped: no server at ${pgHost}` } : {
            postgres: `server at ${pgHost}, schema made for the run and dropped after`,
            postgresSteadyP50ms: ms3(median(steadyPhase.pg.map((x) => x.p50))),
            broadQueryP50msPostgres: Number(broadPg!.toFixed(1)),
            setupSecondsPostgres: Math.round(pg.setupSeconds)
          }),
          totalSeconds: Math.round((performance.now() - started) / 1000)
        }
      }
    } finally {
      for (const s of stores.reverse()) await s.close()
      if (pgSchema) await pgAdmin(`DROP SCHEMA ${schema} CASCADE`)
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
