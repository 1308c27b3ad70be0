/**
 * Catalogue queries over partnerships: filters, free text in Swedish and English, sorting,
 * cursor pagination and facet counts. {@link run} is the reference evaluation over a list; SQL
 * adapters answer the same query with indexes and must return the same page.
 *
 * @module
 * @group Partnership
 * @since 0.1.0
 */
import { Schema } from "effect"
import { CountryCode } from "../Country.ts"
import { NetworkId, OrganisationId, ProgrammeId } from "../Ids.ts"
import * as LocalizedText from "../LocalizedText.ts"
import { Partnership, Status } from "./Partnership.ts"
import { FocusArea } from "./Programme.ts"
import { GoalNumber, TargetCode } from "../Sdg.ts"

/**
 * How a page is sorted: by id, or by title in one language (ties broken by id).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Sort = Schema.Literals(["id", "title-sv", "title-en"])
/**
 * @category models
 * @since 0.1.0
 */
export type Sort = typeof Sort.Type

/**
 * A catalogue query. Every filter given must hold; `text` matches every word in the title,
 * project area, theme or description, in either language, ignoring case and accents.
 * `swedishPartner` keeps the partnerships of one Swedish municipality or region (with
 * `programme`: its partnership in that programme, as `Interest.existingPartnership` asks);
 * the SQL stores answer it from an index.
 *
 * A `cursor` is the `next` of the previous page of the same query (same filters and sort):
 * the page after it starts past the last item's sort key and id.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Query = Schema.Struct({
  status: Schema.optionalKey(Schema.Array(Status)),
  programme: Schema.optionalKey(ProgrammeId),
  network: Schema.optionalKey(NetworkId),
  /** The Swedish partner organisation (`Partnership.swedishPartner`). */
  swedishPartner: Schema.optionalKey(OrganisationId),
  country: Schema.optionalKey(CountryCode),
  sdgGoal: Schema.optionalKey(GoalNumber),
  sdgTarget: Schema.optionalKey(TargetCode),
  focusArea: Schema.optionalKey(FocusArea),
  text: Schema.optionalKey(Schema.String.check(Schema.isMaxLength(200))),
  sort: Schema.optionalKey(Sort),
  cursor: Schema.optionalKey(Schema.String),
  limit: Schema.optionalKey(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 500 })))
})
/**
 * @category models
 * @since 0.1.0
 */
export type Query = typeof Query.Type

/**
 * Counts of the matching partnerships per facet value (over all pages).
 *
 * @category models
 * @since 0.1.0
 */
export interface Facets {
  readonly status: Readonly<Record<string, number>>
  readonly country: Readonly<Record<string, number>>
  readonly sdgGoal: Readonly<Record<string, number>>
  readonly focusArea: Readonly<Record<string, number>>
}

/**
 * One page of results: the items, the cursor of the next page (absent on the last), the total
 * number of matches, and facet counts.
 *
 * @category models
 * @since 0.1.0
 */
export interface Page {
  readonly items: ReadonlyArray<Partnership>
  readonly next?: string | undefined
  readonly total: number
  readonly facets: Facets
}

/**
 * The default page size.
 *
 * @category constructors
 * @since 0.1.0
 */
export const defaultLimit = 50

/**
 * Folds text for matching: lower case, accents removed (å → a, ö → o).
 *
 * @category rules
 * @since 0.1.0
 */
export const fold = (s: string): string => {
  const lower = s.toLocaleLowerCase("sv")
  // plain ASCII without ^ or ` (the only ASCII diacritics): nothing to decompose or remove
  if (!needsDecomposition.test(lower)) return lower
  // ASCII and Latin letters only (every one a starter, so each folds on its own): by table
  let out = ""
  let from = 0
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i)
    if (c < 0x80 && c !== 0x5e && c !== 0x60) continue
    const folded = c < 0x80 ? "" : latin(c)
    if (folded === undefined) return general(lower)
    out += lower.slice(from, i) + folded
    from = i + 1
  }
  return out + lower.slice(from)
}

// the definition: decompose, remove every diacritic
const general = (lower: string): string => {
  const d = lower.normalize("NFD")
  // astral characters: the regular expression
  if (hasSurrogate.test(d)) return d.replace(diacritic, "")
  let out = ""
  let from = 0
  for (let i = 0; i < d.length; i++) {
    if (isDiacritic(d.charCodeAt(i))) {
      out += d.slice(from, i)
      from = i + 1
    }
  }
  return from === 0 ? d : out + d.slice(from)
}

// the folded form of a letter of U+0080..U+024F (Latin-1 Supplement, Latin Extended-A and -B),
// computed on first sight; undefined for anything else
const latinFolded: Array<string | undefined | null> = []
const letter = /^\p{L}$/u
const latin = (c: number): string | undefined => {
  if (c > 0x24f) return undefined
  let folded = latinFolded[c]
  if (folded === undefined) {
    const ch = String.fromCharCode(c)
    folded = letter.test(ch) ? ch.normalize("NFD").replace(diacritic, "") : null
    latinFolded[c] = folded
  }
  return folded ?? undefined
}

const needsDecomposition = /[^\x00-\x5d\x5f\x61-\x7f]/
const hasSurrogate = /[\ud800-\udfff]/
const diacritic = /\p{Diacritic}/gu
const oneDiacritic = /^\p{Diacritic}$/u
// per BMP code unit: 0 not yet known, 1 diacritic, 2 not (filled on first sight)
const diacritics = new Uint8Array(0x10000)
const isDiacritic = (c: number): boolean => {
  if (c < 0x80) return c === 0x5e || c === 0x60
  let known = diacritics[c]!
  if (known === 0) {
    known = oneDiacritic.test(String.fromCharCode(c)) ? 1 : 2
    diacritics[c] = known
  }
  return known === 1
}

/**
 * The text a partnership is found by, folded: title, project area, theme, description (sv and en).
 *
 * @category rules
 * @since 0.1.0
 */
export const searchText = (p: Partnership): string =>
  fold(
    [p.title, p.projectArea, p.theme, p.description]
      .flatMap((t) => (t === undefined ? [] : [t.sv ?? "", t.en ?? ""]))
      .join(" ")
  )

/**
 * Whether a partnership matches every filter of the query (sort and paging aside).
 *
 * @category rules
 * @since 0.1.0
 */
export const matches = (p: Partnership, q: Query): boolean => {
  if (q.status !== undefined && !q.status.includes(p.status)) return false
  if (q.programme !== undefined && p.programme !== q.programme) return false
  if (q.network !== undefined && p.network !== q.network) return false
  if (q.swedishPartner !== undefined && p.swedishPartner !== q.swedishPartner) return false
  if (q.country !== undefined && p.partnerCountry !== q.country) return false
  if (q.sdgGoal !== undefined && !p.sdgTags.some((t) => t.goal === q.sdgGoal)) return false
  if (q.sdgTarget !== undefined && !p.sdgTags.some((t) => t.target === q.sdgTarget)) return false
  if (q.focusArea !== undefined && !p.focusAreas.includes(q.focusArea)) return false
  if (q.text !== undefined && q.text.trim() !== "") {
    const text = searchText(p)
    if (!fold(q.text).split(/\s+/).filter((w) => w !== "").every((w) => text.includes(w))) return false
  }
  return true
}

/**
 * The sort key of a partnership for a sort order.
 *
 * @category rules
 * @since 0.1.0
 */
export const sortKey = (p: Partnership, sort: Sort): string =>
  sort === "id" ? p.id : fold(LocalizedText.text(p.title, sort === "title-sv" ? "sv" : "en"))

/**
 * Encodes a cursor: the sort key and id of the last item of a page.
 *
 * @category constructors
 * @since 0.1.0
 */
export const encodeCursor = (key: string, id: string): string => Buffer.from(JSON.stringify([key, id])).toString("base64url")

/**
 * Decodes a cursor, or `undefined` when it is not one.
 *
 * @category rules
 * @since 0.1.0
 */
export const decodeCursor = (cursor: string): readonly [string, string] | undefined => {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"))
    return Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string"
      ? [value[0], value[1]]
      : undefined
  } catch {
    return undefined
  }
}

const compare = (a: readonly [string, string], b: readonly [string, string]) =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0

const count = (map: Record<string, number>, key: string) => {
  map[key] = (map[key] ?? 0) + 1
}

/**
 * Evaluates a query over a list of partnerships: the reference semantics every store follows.
 *
 * @category rules
 * @since 0.1.0
 */
export const run = (all: Iterable<Partnership>, q: Query): Page => {
  const sort = q.sort ?? "id"
  const limit = q.limit ?? defaultLimit
  const matching: Array<readonly [readonly [string, string], Partnership]> = []
  const facets = { status: {}, country: {}, sdgGoal: {}, focusArea: {} } as {
    status: Record<string, number>
    country: Record<string, number>
    sdgGoal: Record<string, number>
    focusArea: Record<string, number>
  }
  for (const p of all) {
    if (!matches(p, q)) continue
    matching.push([[sortKey(p, sort), p.id], p])
    count(facets.status, p.status)
    if (p.partnerCountry !== undefined) count(facets.country, p.partnerCountry)
    for (const g of new Set(p.sdgTags.map((t) => t.goal))) count(facets.sdgGoal, String(g))
    for (const f of p.focusAreas) count(facets.focusArea, f)
  }
  matching.sort((a, b) => compare(a[0], b[0]))
  const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor)
  const start = after === undefined ? 0 : matching.findIndex(([k]) => compare(k, after) > 0)
  const slice = start < 0 ? [] : matching.slice(start, start + limit)
  const last = slice[slice.length - 1]
  const hasMore = start >= 0 && start + limit < matching.length
  return {
    items: slice.map(([, p]) => p),
    next: hasMore && last !== undefined ? encodeCursor(last[0][0], last[0][1]) : undefined,
    total: matching.length,
    facets
  }
}
