/**
 * The catalogue index of a partnership: the columns and rows a SQL store keeps next to the
 * document so that `Catalogue` queries run on indexes. Computed with core's own
 * `Catalogue.sortKey` and `Catalogue.searchText`, so SQL and `Catalogue.run` agree.
 */
import { Catalogue, type Partnership } from "@localrights/core"
import type { Dialect } from "./sql.ts"
import { values } from "./sql.ts"

/** The index columns of one partnership. */
export interface IndexRow {
  readonly id: string
  readonly status: string
  readonly programme: string
  /** The Swedish partner organisation (migration 5). */
  readonly swedishPartner: string
  readonly network: string | null
  readonly country: string | null
  readonly keySv: string
  readonly keyEn: string
  readonly search: string
  readonly sdg: ReadonlyArray<readonly [goal: number, target: string | null]>
  readonly focus: ReadonlyArray<string>
  /** The SDG goals as a bit mask (goal g is bit g - 1), for facets without joins. */
  readonly goals: number
  /** How many times each focus area is listed, in the order of {@link focusColumns}. */
  readonly focusCounts: ReadonlyArray<number>
}

/** The index columns counting each focus area (migration 4), by focus area. */
export const focusColumns: ReadonlyArray<readonly [area: string, column: string]> = [
  ["accessibility", "focus_accessibility"],
  ["gender-equality", "focus_gender_equality"],
  ["culture", "focus_culture"],
  ["young-people", "focus_young_people"],
  ["minorities", "focus_minorities"],
  ["technical-administration", "focus_technical_administration"]
]

/**
 * The index row of a partnership in its JSON (encoded) form: the fields the catalogue reads
 * have the same shape encoded and decoded.
 */
export const indexRow = (data: unknown): IndexRow | undefined => {
  if (typeof data !== "object" || data === null) return undefined
  const p = data as Partnership.Partnership
  if (typeof p.id !== "string" || typeof p.status !== "string" || typeof p.programme !== "string" || typeof p.title !== "object") return undefined
  return {
    id: p.id,
    status: p.status,
    programme: p.programme,
    swedishPartner: typeof p.swedishPartner === "string" ? p.swedishPartner : "",
    network: p.network ?? null,
    country: p.partnerCountry ?? null,
    keySv: Catalogue.sortKey(p, "title-sv"),
    keyEn: Catalogue.sortKey(p, "title-en"),
    search: Catalogue.searchText(p),
    sdg: (p.sdgTags ?? []).map((t) => [t.goal, t.target ?? null] as const),
    focus: p.focusAreas ?? [],
    goals: (p.sdgTags ?? []).reduce((mask, t) => mask | (2 ** (t.goal - 1)), 0),
    focusCounts: focusCountsOf(p.focusAreas ?? [])
  }
}

// how many times each focus area is listed, in the order of focusColumns (one pass)
const focusPosition = new Map(focusColumns.map(([area], i) => [area, i]))
const focusCountsOf = (areas: ReadonlyArray<string>): Array<number> => {
  const counts = focusColumns.map(() => 0)
  for (const area of areas) {
    const i = focusPosition.get(area)
    if (i !== undefined) counts[i]!++
  }
  return counts
}


const baseColumns = ["id", "status", "programme", "network", "country", "key_sv", "key_en", "search"]
// the columns of later migrations: the facet columns of migration 4 and the Swedish partner of
// migration 5 (the backfill of migration 2 runs before they exist)
const laterColumns = ["sdg_goals", ...focusColumns.map(([, column]) => column), "swedish_partner"]
const columnsOf = (facets: boolean) => (facets ? [...baseColumns, ...laterColumns] : baseColumns)
const insertIndex = (facets = true) => `INSERT INTO partnership_index (${columnsOf(facets).join(", ")})`
const upsertIndex = (facets = true) =>
  `ON CONFLICT (id) DO UPDATE SET ${columnsOf(facets).slice(1).map((c) => `${c} = excluded.${c}`).join(", ")}`
const indexParams = (r: IndexRow, facets = true): Array<unknown> => {
  const params: Array<unknown> = [r.id, r.status, r.programme, r.network, r.country, r.keySv, r.keyEn, r.search]
  if (facets) {
    params.push(r.goals)
    for (const count of r.focusCounts) params.push(count)
    params.push(r.swedishPartner)
  }
  return params
}
// the placeholders of one index row with every column
const rowTuple = columnsOf(true).map(() => "?").join(", ")

// at most this many rows per multi-row statement (SQLite allows 32766 parameters)
const chunk = 500

/**
 * The statements that replace the index of `rows` (delete the old join rows, upsert the
 * index row, insert the join rows), for one transaction. Ids in `fresh` are known to be new;
 * `facets: false` leaves out the columns of migrations 4 and 5 (for the backfill of migration
 * 2, before them).
 */
export const statements = (
  dialect: Dialect,
  rows: ReadonlyArray<IndexRow>,
  fresh?: ReadonlySet<string>,
  facets = true
): Array<readonly [string, ReadonlyArray<unknown>]> => {
  const width = columnsOf(facets).length
  const out: Array<readonly [string, ReadonlyArray<unknown>]> = []
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk)
    // ids known to be new have no join rows to delete
    const ids = fresh === undefined ? part.map((r) => r.id) : part.flatMap((r) => (fresh.has(r.id) ? [] : [r.id]))
    if (ids.length > 0) {
      const inList = ids.map((_, i) => dialect.placeholder(i + 1)).join(", ")
      out.push([`DELETE FROM partnership_sdg WHERE id IN (${inList})`, ids])
      out.push([`DELETE FROM partnership_focus WHERE id IN (${inList})`, ids])
    }
    for (const isNew of [true, false]) {
      const group = part.filter((r) => (fresh?.has(r.id) ?? false) === isNew)
      if (group.length === 0) continue
      const params: Array<unknown> = []
      for (const r of group) params.push(...indexParams(r, facets))
      out.push([
        `${insertIndex(facets)} VALUES ${values(dialect, group.length, Array(width).fill("v"))}${isNew ? "" : ` ${upsertIndex(facets)}`}`,
        params
      ])
    }
    const sdg: Array<unknown> = []
    const focus: Array<unknown> = []
    for (const r of part) {
      r.sdg.forEach(([goal, target], pos) => sdg.push(r.id, pos, goal, target))
      r.focus.forEach((area, pos) => focus.push(r.id, pos, area))
    }
    for (let s = 0; s < sdg.length; s += 4 * chunk) {
      const slice = sdg.slice(s, s + 4 * chunk)
      out.push([`INSERT INTO partnership_sdg (id, pos, goal, target) VALUES ${values(dialect, slice.length / 4, ["v", "v", "v", "v"])}`, slice])
    }
    for (let s = 0; s < focus.length; s += 3 * chunk) {
      const slice = focus.slice(s, s + 3 * chunk)
      out.push([`INSERT INTO partnership_focus (id, pos, area) VALUES ${values(dialect, slice.length / 3, ["v", "v", "v"])}`, slice])
    }
  }
  return out
}

/**
 * A multi-row insert for a client that runs a prepared statement per parameter row: the rows
 * in groups of `k` (one statement of `k` tuples, prepared once) and the rest one by one.
 */
export const grouped = (
  prefix: string,
  tuple: string,
  rows: ReadonlyArray<ReadonlyArray<unknown>>,
  k = 50
): Array<readonly [string, ReadonlyArray<ReadonlyArray<unknown>>]> => {
  const groups: Array<Array<unknown>> = []
  let start = 0
  for (; start + k <= rows.length; start += k) {
    const params: Array<unknown> = []
    for (let i = start; i < start + k; i++) for (const value of rows[i]!) params.push(value)
    groups.push(params)
  }
  return [[`${prefix} ${Array(k).fill(tuple).join(", ")}`, groups], [`${prefix} ${tuple}`, rows.slice(start)]]
}

/**
 * The same writes as {@link statements}, as statements with the parameter rows to run each
 * with (for a driver that runs a prepared statement per row, such as SQLite). SDG and focus
 * rows go in groups (fewer calls into the driver); index rows one per statement, which SQLite
 * runs faster than multi-row inserts into a table with several indexes.
 */
export const rowStatements = (
  rows: ReadonlyArray<IndexRow>,
  fresh?: ReadonlySet<string>
): Array<readonly [string, ReadonlyArray<ReadonlyArray<unknown>>]> => {
  // one pass over the rows, plain loops (this runs for every record of a bulk import)
  const old: Array<Array<unknown>> = []
  const inserted: Array<Array<unknown>> = []
  const upserted: Array<Array<unknown>> = []
  const sdg: Array<Array<unknown>> = []
  const focus: Array<Array<unknown>> = []
  for (const r of rows) {
    if (fresh?.has(r.id) ?? false) inserted.push(indexParams(r))
    else {
      old.push([r.id])
      upserted.push(indexParams(r))
    }
    for (let pos = 0; pos < r.sdg.length; pos++) sdg.push([r.id, pos, r.sdg[pos]![0], r.sdg[pos]![1]])
    for (let pos = 0; pos < r.focus.length; pos++) focus.push([r.id, pos, r.focus[pos]])
  }
  return [
    ["DELETE FROM partnership_sdg WHERE id = ?", old],
    ["DELETE FROM partnership_focus WHERE id = ?", old],
    [`${insertIndex()} VALUES (${rowTuple})`, inserted],
    [`${insertIndex()} VALUES (${rowTuple}) ${upsertIndex()}`, upserted],
    ...grouped("INSERT INTO partnership_sdg (id, pos, goal, target) VALUES", "(?, ?, ?, ?)", sdg),
    ...grouped("INSERT INTO partnership_focus (id, pos, area) VALUES", "(?, ?, ?)", focus)
  ]
}
