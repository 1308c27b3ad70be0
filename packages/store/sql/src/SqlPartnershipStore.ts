/**
 * The {@link Partnership.Store} over an `effect/sql` client: the typed store
 * derived by core's `EntityStore.make`, with `search` answered by SQL over the catalogue index
 * (`partnership_index`, `partnership_sdg`, `partnership_focus`) instead of reading every
 * partnership.
 *
 * **Details**
 *
 * Two statements answer a query (three on SQLite past 500 matches): one for the page (filters, cursor, sort key and id, limit + 1
 * to know whether a next page exists; on SQLite the page comes back as one JSON array text) and
 * one for the total and the facets, over the covering index entries of the matches: grouped by
 * status and country with SDG goals counted from a bit mask and focus areas from count
 * columns, or, on SQLite when there are at most 500 matches, the entries themselves counted
 * here (cheaper than SQLite's GROUP BY for a few). The composite indexes (programme, status,
 * id, …), (network, status, id, …), (country, status, id, …), (status, id, …) carry those
 * facet columns, (swedish_partner, programme, id) finds one organisation's partnerships, and
 * the sort-key indexes let the page stop after `limit` rows. Sort
 * keys and search text are computed with `Catalogue.sortKey` and `Catalogue.searchText` when a
 * partnership is written, so the answer is exactly that of `Catalogue.run`: a word matches
 * when the folded search text contains it (`instr` / `strpos`, no `LIKE` wildcards), and the
 * cursor is `Catalogue.encodeCursor(sortKey, id)`.
 *
 * @module
 * @since 0.1.0
 */
import { Catalogue, DocumentStore, EntityStore, Integrity, Partnership } from "@localrights/core"
import { Cause, Effect, Exit, Layer, Predicate, Schema } from "effect"
import * as SchemaJITCompiler from "effect/schema/SchemaJITCompiler"
import * as Client from "effect/sql/SqlClient"
import { focusColumns } from "./internal/partnershipIndex.ts"
import { dialectOf, type Dialect, mapSqlError } from "./internal/sql.ts"

const goals = Array.from({ length: 17 }, (_, i) => i + 1)

// up to this many matches, SQLite's facets are counted in JavaScript from the matches' index entries
const fewMatches = 500

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
  if (q.swedishPartner !== undefined) clauses.push(`i.swedish_partner = ${p(q.swedishPartner)}`)
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
export const make: Effect.Effect<Partnership.Store["Service"], never, Client.SqlClient | DocumentStore.DocumentStore> = Effect.gen(
  function*() {
    const sql = yield* Client.SqlClient
    const dialect = dialectOf(sql)
    const store = yield* EntityStore.make("partnership", Partnership.Partnership)
    const method = "PartnershipStore.search"

    const corrupt = (detail: string, cause: unknown) => new DocumentStore.StoreError({ method, reason: "corrupt-data", detail, cause })

    // the page's partnerships decoded in one synchronous loop (no effect per item); `data` is
    // a parsed object of ours to complete (SQLite) or the driver's value, which is copied (PostgreSQL)
    const toPartnerships = (rows: ReadonlyArray<{ readonly data: unknown; readonly version: number; readonly own: boolean }>) => {
      const items: Array<Partnership.Partnership> = []
      for (const row of rows) {
        let data = row.data
        if (Predicate.isObject(data)) {
          data = row.own ? Object.assign(data, { version: row.version }) : { ...data, version: row.version }
        }
        const exit = decodePartnership(data)
        if (Exit.isFailure(exit)) {
          const id = Predicate.isObject(data) && typeof (data as { id?: unknown }).id === "string" ? ` ${(data as { id: string }).id}` : ""
          const issue = Cause.findErrorOption(exit.cause)
          const why = issue._tag === "Some" ? `: ${String((issue.value as { message?: unknown }).message).replace(/\s*\n\s*/g, " ")}` : ""
          return Effect.fail(corrupt(`stored partnership${id} does not decode${why}`, exit.cause))
        }
        items.push(exit.value)
      }
      return Effect.succeed(items)
    }

    // the rows of the page query, whichever form the dialect's statement returns
    const pageRows = (result: ReadonlyArray<Record<string, unknown>>) => {
      if (dialect.name === "pg") {
        return Effect.succeed(result.map((r) => ({ data: r["data"], version: Number(r["version"]), own: false })))
      }
      const row = result[0]
      if (row === undefined || row["data"] === null || row["data"] === undefined) return Effect.succeed([])
      let data: unknown
      try {
        data = JSON.parse(String(row["data"]))
      } catch (cause) {
        return Effect.fail(corrupt("a partnership of the page is not JSON", cause))
      }
      const versions = String(row["versions"]).split(",")
      if (!Array.isArray(data) || data.length !== versions.length) {
        return Effect.fail(corrupt("the page's stored documents are not one JSON value each", undefined))
      }
      return Effect.succeed(data.map((d, k) => ({ data: d, version: Number(versions[k]), own: true })))
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
      const order = key === "i.id" ? "i.id" : `${key}, i.id`
      const pageSql = dialect.name === "sqlite"
        // SQLite: the page as one JSON array text and one list of versions, in page order;
        // one string to parse instead of a row object and a string per partnership (about
        // 0.1 ms of a 50-row page). The stored documents are JSON objects written by this store.
        ? `SELECT '[' || group_concat(d.data, ',' ORDER BY ${order.replaceAll("i.", "p.")}) || ']' AS data,
group_concat(d.version, ',' ORDER BY ${order.replaceAll("i.", "p.")}) AS versions
FROM (SELECT i.id AS id${key === "i.id" ? "" : `, ${key} AS ${key.slice(2)}`} FROM partnership_index i
WHERE ${pageWhere} ORDER BY ${order} LIMIT ${dialect.placeholder(pageParams.length)}) p
JOIN documents d ON d.kind = 'partnership' AND d.id = p.id`
        : `SELECT d.version AS version, d.data AS data
FROM partnership_index i JOIN documents d ON d.kind = 'partnership' AND d.id = i.id
WHERE ${pageWhere} ORDER BY ${order} LIMIT ${dialect.placeholder(pageParams.length)}`

      // the total and every facet in one pass over the covering index range of the matches:
      // grouped by status and country, SDG goals counted from the bit mask and focus areas from
      // their count columns (no joins)
      const facetParams: Array<unknown> = []
      const matches = where(dialect, q, facetParams)
      const facetSql = `SELECT i.status AS status, i.country AS country, CAST(count(*) AS INTEGER) AS n, ${
        goals.map((g) => `CAST(SUM((i.sdg_goals >> ${g - 1}) & 1) AS INTEGER) AS g${g}`).join(", ")
      }, ${focusColumns.map(([, column], k) => `CAST(SUM(i.${column}) AS INTEGER) AS f${k}`).join(", ")}
FROM partnership_index i WHERE ${matches} GROUP BY i.status, i.country`
      // SQLite: a few hundred matches are counted faster here from their index entries than by
      // SQLite's GROUP BY and 23 sums (about 0.05 ms instead of 0.12 for a hundred); more than
      // that and the grouped statement runs instead
      const matchSql = `SELECT i.status, i.country, i.sdg_goals, ${focusColumns.map(([, column]) => `i.${column}`).join(", ")}
FROM partnership_index i WHERE ${matches} LIMIT ${fewMatches + 1}`

      const facets: Record<keyof Catalogue.Facets, Record<string, number>> = { status: {}, country: {}, sdgGoal: {}, focusArea: {} }
      let total = 0
      const add = (counts: Record<string, number>, value: string, n: number) => {
        if (n > 0) counts[value] = (counts[value] ?? 0) + n
      }
      const grouped = (facetRows: ReadonlyArray<Record<string, unknown>>) => {
        for (const r of facetRows) {
          const n = Number(r["n"])
          total += n
          add(facets.status, String(r["status"]), n)
          if (r["country"] !== null && r["country"] !== undefined) add(facets.country, String(r["country"]), n)
          for (const g of goals) add(facets.sdgGoal, String(g), Number(r[`g${g}`]))
          focusColumns.forEach(([area], k) => add(facets.focusArea, area, Number(r[`f${k}`])))
        }
      }
      const fromMatches = (rows: ReadonlyArray<ReadonlyArray<unknown>>) => {
        const goalCounts = new Array<number>(goals.length).fill(0)
        const focusCounts = new Array<number>(focusColumns.length).fill(0)
        for (const r of rows) {
          total++
          add(facets.status, String(r[0]), 1)
          if (r[1] !== null && r[1] !== undefined) add(facets.country, String(r[1]), 1)
          const mask = Number(r[2])
          for (let g = 0; g < goals.length; g++) goalCounts[g]! += (mask >> g) & 1
          for (let k = 0; k < focusColumns.length; k++) focusCounts[k]! += Number(r[3 + k])
        }
        goals.forEach((g, k) => add(facets.sdgGoal, String(g), goalCounts[k]!))
        focusColumns.forEach(([area], k) => add(facets.focusArea, area, focusCounts[k]!))
      }

      const result = yield* Effect.gen(function*() {
        if (dialect.name === "pg") {
          // on a pool the two run side by side on two connections
          const [result, facetRows] = yield* Effect.all([
            sql.unsafe<Record<string, unknown>>(pageSql, pageParams),
            sql.unsafe<Record<string, unknown>>(facetSql, facetParams)
          ], { concurrency: 2 })
          grouped(facetRows)
          return result
        }
        const result = yield* sql.unsafe<Record<string, unknown>>(pageSql, pageParams)
        const few = yield* sql.unsafe(matchSql, facetParams).values
        if (few.length <= fewMatches) fromMatches(few)
        else grouped(yield* sql.unsafe<Record<string, unknown>>(facetSql, facetParams))
        return result
      }).pipe(mapSqlError(method, "running a catalogue query"))

      const rows = yield* pageRows(result)
      const hasMore = rows.length > limit
      const items = yield* toPartnerships(hasMore ? rows.slice(0, limit) : rows)
      const last = items[items.length - 1]
      return {
        items,
        // the sort key is the one the index holds: Catalogue.sortKey of the stored partnership
        next: hasMore && last !== undefined ? Catalogue.encodeCursor(Catalogue.sortKey(last, sort), last.id) : undefined,
        total,
        facets
      } satisfies Catalogue.Page
    })

    // the public store: first status on create, lifecycle fields only through lifecycle commands
    return { ...(yield* Integrity.guard(store)), search }
  }
)

/**
 * The store as a layer over the `SqlClient` and `DocumentStore` in context.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer: Layer.Layer<Partnership.Store, never, Client.SqlClient | DocumentStore.DocumentStore> = Layer
  .effect(Partnership.Store, make)
