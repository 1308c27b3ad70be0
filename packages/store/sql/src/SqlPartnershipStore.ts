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
import { focusColumns } from "./internal/partnershipIndex.ts"
import { dialectOf, type Dialect, mapSqlError } from "./internal/sql.ts"

const goals = Array.from({ length: 17 }, (_, i) => i + 1)

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

    // the page's partnerships decoded in one synchronous loop (no effect per item)
    const toPartnerships = (rows: ReadonlyArray<{ data: unknown; version: number }>) => {
      const items: Array<Partnership.Partnership> = []
      for (const row of rows) {
        let data: unknown
        try {
          data = dialect.parseJson(row.data)
        } catch (cause) {
          return Effect.fail(new DocumentStore.StoreError({ method, reason: "corrupt-data", detail: "partnership is not JSON", cause }))
        }
        // a freshly parsed object (SQLite) is ours to complete; a driver's value (PostgreSQL) is copied
        if (Predicate.isObject(data)) {
          data = typeof row.data === "string" ? Object.assign(data, { version: Number(row.version) }) : { ...data, version: Number(row.version) }
        }
        const exit = decodePartnership(data)
        if (Exit.isFailure(exit)) {
          return Effect.fail(new DocumentStore.StoreError({ method, reason: "corrupt-data", detail: "stored partnership does not decode", cause: exit.cause }))
        }
        items.push(exit.value)
      }
      return Effect.succeed(items)
    }

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

      // the total and every facet in one pass over the covering index range of the matches:
      // grouped by status and country, SDG goals counted from the bit mask and focus areas from
      // their count columns (no joins)
      const facetParams: Array<unknown> = []
      const matches = where(dialect, q, facetParams)
      const facetSql = `SELECT i.status AS status, i.country AS country, CAST(count(*) AS INTEGER) AS n, ${
        goals.map((g) => `CAST(SUM((i.sdg_goals >> ${g - 1}) & 1) AS INTEGER) AS g${g}`).join(", ")
      }, ${focusColumns.map(([, column], k) => `CAST(SUM(i.${column}) AS INTEGER) AS f${k}`).join(", ")}
FROM partnership_index i WHERE ${matches} GROUP BY i.status, i.country`

      const [rows, facetRows] = yield* Effect.all([
        sql.unsafe<{ id: string; sort_key: string; version: number; data: unknown }>(pageSql, pageParams),
        sql.unsafe<Record<string, unknown>>(facetSql, facetParams)
        // on a pool (PostgreSQL) the two run side by side on two connections
      ], { concurrency: dialect.name === "pg" ? 2 : 1 }).pipe(mapSqlError(method, "running a catalogue query"))

      const facets: Record<keyof Catalogue.Facets, Record<string, number>> = { status: {}, country: {}, sdgGoal: {}, focusArea: {} }
      let total = 0
      const add = (counts: Record<string, number>, value: string, n: number) => {
        if (n > 0) counts[value] = (counts[value] ?? 0) + n
      }
      for (const r of facetRows) {
        const n = Number(r.n)
        total += n
        add(facets.status, String(r.status), n)
        if (r.country !== null && r.country !== undefined) add(facets.country, String(r.country), n)
        for (const g of goals) add(facets.sdgGoal, String(g), Number(r[`g${g}`]))
        focusColumns.forEach(([area], k) => add(facets.focusArea, area, Number(r[`f${k}`])))
      }
      const hasMore = rows.length > limit
      const page = hasMore ? rows.slice(0, limit) : rows
      const items = yield* toPartnerships(page)
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
