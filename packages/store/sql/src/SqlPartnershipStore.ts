/**
 * The {@link PartnershipStore.PartnershipStore} over an `effect/sql` client: the typed store
 * derived by core's `EntityStore.make`, with `search` answered by SQL over the catalogue index
 * (`partnership_index`, `partnership_sdg`, `partnership_focus`) instead of reading every
 * partnership.
 *
 * **Details**
 *
 * The page, the total and the facets are two statements: one for the page (filters, cursor,
 * sort key and id, limit + 1 to know whether a next page exists) and one that materialises the
 * matches once and counts each facet from them (the total is the sum of the status facet: every
 * partnership has one status). Composite indexes (programme, status, id, country), (network,
 * status, id, country), (country, status, id), (status, id, country) and the sort-key indexes
 * let the page stop after `limit` rows and the facets count the matches from the index alone;
 * SDG goals and focus areas are read from their (id, goal) and (id, area) indexes. Sort
 * keys and search text are computed with `Catalogue.sortKey` and `Catalogue.searchText` when a
 * partnership is written, so the answer is exactly that of `Catalogue.run`: a word matches
 * when the folded search text contains it (`instr` / `strpos`, no `LIKE` wildcards), and the
 * cursor is `Catalogue.encodeCursor(sortKey, id)`.
 *
 * @since 0.1.0
 */
import { Catalogue, DocumentStore, EntityStore, Partnership, PartnershipStore } from "@localrights/core"
import { Effect, Exit, Layer, Predicate, Schema } from "effect"
import * as SchemaJITCompiler from "effect/schema/SchemaJITCompiler"
import * as Client from "effect/sql/SqlClient"
import { dialectOf, type Dialect, mapSqlError, parseJsonColumn } from "./internal/sql.ts"

const sortColumn = { "id": "i.id", "title-sv": "i.key_sv", "title-en": "i.key_en" } as const

// The WHERE clause of a catalogue query's filters over `partnership_index i`; pushes the parameters.
const where = (dialect: Dialect, q: Catalogue.Query, params: Array<unknown>): string => {
  const p = (value: unknown) => {
    params.push(value)
    return dialect.placeholder(params.length)
  }
  const clauses: Array<string> = []
  if (q.status !== undefined) {
    clauses.push(q.status.length === 0 ? "1 = 0" : `i.status IN (${q.status.map(p).join(", ")})`)
  }
  if (q.programme !== undefined) clauses.push(`i.programme = ${p(q.programme)}`)
  if (q.network !== undefined) clauses.push(`i.network = ${p(q.network)}`)
  if (q.country !== undefined) clauses.push(`i.country = ${p(q.country)}`)
  if (q.sdgGoal !== undefined) clauses.push(`EXISTS (SELECT 1 FROM partnership_sdg s WHERE s.id = i.id AND s.goal = ${p(q.sdgGoal)})`)
  if (q.sdgTarget !== undefined) clauses.push(`EXISTS (SELECT 1 FROM partnership_sdg s WHERE s.id = i.id AND s.target = ${p(q.sdgTarget)})`)
  if (q.focusArea !== undefined) clauses.push(`EXISTS (SELECT 1 FROM partnership_focus f WHERE f.id = i.id AND f.area = ${p(q.focusArea)})`)
  if (q.text !== undefined && q.text.trim() !== "") {
    for (const word of Catalogue.fold(q.text).split(/\s+/)) {
      if (word !== "") clauses.push(dialect.contains("i.search", p(word)))
    }
  }
  return clauses.length === 0 ? "1 = 1" : clauses.join(" AND ")
}

// compiled decoding of the page's partnerships (same results and errors as the interpreter)
SchemaJITCompiler.enable(Partnership.Partnership.ast)
const decodePartnership = Schema.decodeUnknownExit(Partnership.Partnership)

/**
 * Builds the store over the `SqlClient` and `DocumentStore` in context.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make: Effect.Effect<PartnershipStore.PartnershipStore["Service"], never, Client.SqlClient | DocumentStore.DocumentStore> = Effect.gen(
  function*() {
    const sql = yield* Client.SqlClient
    const dialect = dialectOf(sql)
    const store = yield* EntityStore.make("partnership", Partnership.Partnership)
    const method = "PartnershipStore.search"

    const toPartnership = (row: { data: unknown; version: number }) =>
      Effect.flatMap(parseJsonColumn(dialect, method, "partnership", row.data), (data) => {
        const exit = decodePartnership(Predicate.isObject(data) ? { ...data, version: Number(row.version) } : data)
        return Exit.isSuccess(exit)
          ? Effect.succeed(exit.value)
          : Effect.fail(new DocumentStore.StoreError({ method, reason: "corrupt-data", detail: "stored partnership does not decode", cause: exit.cause }))
      })

    const search = Effect.fn(method)(function*(q: Catalogue.Query) {
      const sort = q.sort ?? "id"
      const limit = q.limit ?? Catalogue.defaultLimit
      const key = sortColumn[sort]

      const pageParams: Array<unknown> = []
      let pageWhere = where(dialect, q, pageParams)
      const after = q.cursor === undefined ? undefined : Catalogue.decodeCursor(q.cursor)
      if (after !== undefined) {
        const p = (value: string) => {
          pageParams.push(value)
          return dialect.placeholder(pageParams.length)
        }
        pageWhere += ` AND (${key} > ${p(after[0])} OR (${key} = ${p(after[0])} AND i.id > ${p(after[1])}))`
      }
      pageParams.push(limit + 1)
      const pageSql = `SELECT i.id AS id, ${key} AS sort_key, d.version AS version, d.data AS data
FROM partnership_index i JOIN documents d ON d.kind = 'partnership' AND d.id = i.id
WHERE ${pageWhere} ORDER BY ${key === "i.id" ? "i.id" : `${key}, i.id`} LIMIT ${dialect.placeholder(pageParams.length)}`

      // the matches once (materialised), then each facet from them; SDG goals and focus areas
      // are looked up by partnership id in covering indexes, never scanned (CROSS JOIN fixes the
      // join order in SQLite, whose planner would otherwise scan the focus table)
      const facetParams: Array<unknown> = []
      const matches = where(dialect, q, facetParams)
      const n = "CAST(count(*) AS INTEGER)"
      const facetSql = `WITH m AS MATERIALIZED (SELECT i.id, i.status, i.country FROM partnership_index i WHERE ${matches})
SELECT 'status' AS facet, m.status AS value, ${n} AS n FROM m GROUP BY m.status
UNION ALL SELECT 'country', m.country, ${n} FROM m WHERE m.country IS NOT NULL GROUP BY m.country
UNION ALL SELECT 'sdgGoal', CAST(g.goal AS TEXT), ${n} FROM (SELECT DISTINCT m.id, s.goal FROM m CROSS JOIN partnership_sdg s WHERE s.id = m.id) g GROUP BY g.goal
UNION ALL SELECT 'focusArea', f.area, ${n} FROM m CROSS JOIN partnership_focus f WHERE f.id = m.id GROUP BY f.area`

      const [rows, facetRows] = yield* Effect.all([
        sql.unsafe<{ id: string; sort_key: string; version: number; data: unknown }>(pageSql, pageParams),
        sql.unsafe<{ facet: keyof Catalogue.Facets; value: string; n: number }>(facetSql, facetParams)
        // on a pool (PostgreSQL) the two run side by side on two connections
      ], { concurrency: dialect.name === "pg" ? 2 : 1 }).pipe(mapSqlError(method, "running a catalogue query"))

      const facets: Record<keyof Catalogue.Facets, Record<string, number>> = { status: {}, country: {}, sdgGoal: {}, focusArea: {} }
      let total = 0
      for (const r of facetRows) {
        facets[r.facet][String(r.value)] = Number(r.n)
        if (r.facet === "status") total += Number(r.n)
      }
      const hasMore = rows.length > limit
      const page = hasMore ? rows.slice(0, limit) : rows
      const items: Array<Partnership.Partnership> = []
      for (const row of page) items.push(yield* toPartnership(row))
      const last = page[page.length - 1]
      return {
        items,
        next: hasMore && last !== undefined ? Catalogue.encodeCursor(last.sort_key, last.id) : undefined,
        total,
        facets
      } satisfies Catalogue.Page
    })

    return { ...store, search }
  }
)

/**
 * The store as a layer over the `SqlClient` and `DocumentStore` in context.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer: Layer.Layer<PartnershipStore.PartnershipStore, never, Client.SqlClient | DocumentStore.DocumentStore> = Layer
  .effect(PartnershipStore.PartnershipStore, make)
