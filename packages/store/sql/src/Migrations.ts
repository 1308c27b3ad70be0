/**
 * The schema of the SQL stores as versioned, forward-only migrations, recorded in the table
 * `localrights_migrations` and applied at start: a database made by an older version is
 * upgraded with its data intact, and running them again changes nothing.
 *
 * **Details**
 *
 * 1. `documents` and `changes`: every entity kind as JSON with its version, and the
 *    append-only change log.
 * 2. `partnership_index`, `partnership_sdg`, `partnership_focus`: the catalogue index of
 *    partnerships (filter columns, folded sort keys and search text, SDG tags and focus areas
 *    as join rows), filled from the stored partnerships when an older database is upgraded.
 * 3. Covering indexes for catalogue facets: the filter indexes on programme, network and
 *    status also hold `country`, and SDG goals and focus areas are indexed by partnership, so
 *    the total and facets of a query are counted from indexes alone, never from table rows.
 * 4. Facet columns on `partnership_index`: the SDG goals as a bit mask (`sdg_goals`, goal g is
 *    bit g - 1) and the number of times each focus area is listed (`focus_<area>`), in the
 *    covering indexes, so the total and all facets are one pass over an index range with no
 *    joins; filled from the join rows when an older database is upgraded.
 * 5. The Swedish partner on `partnership_index` (`swedish_partner`), indexed with the programme
 *    and id, so that a catalogue query for one organisation (in one programme: whether it has
 *    already expressed interest) reads a few index entries, not a programme's; filled from the
 *    stored documents when an older database is upgraded.
 * 6. The tamper-evident change log: `changes.seq` (unique: the store-wide sequence) and
 *    `changes.hash`, `changes.patch` (the record's patch, as text beside the record), `documents.salt` (the document's salt for the commitments to its
 *    personal values), the one-row `log_head` (the last `seq` and `chain`, which every append
 *    updates first) and `actors` (each actor's salt). An older database's records are sealed
 *    in (kind, id, version) order: each gets its `actorRef`, `previous`, `hash`, `seq` and
 *    `chain`; the latest record of each document also gets a baseline, `patch` = one `add` of
 *    the document's log form and its `dataHash`, so `verify` checks the data from then on and
 *    versions from then on can be rebuilt. The earlier versions were not kept by 0.1 and
 *    cannot be rebuilt.
 *
 * PostgreSQL columns holding ids and sort keys use the `"C"` collation, so that SQL ordering is
 * code-point order, the order of JavaScript string comparison that `Catalogue.run` uses.
 *
 * @module
 * @since 0.1.0
 */
import { AuditLog, type ChangeLog } from "@localrights/core"
import { Effect } from "effect"
import * as Migrator from "effect/sql/Migrator"
import * as Client from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import { dialectOf } from "./internal/sql.ts"
import { nodeHashing } from "./internal/hashing.ts"
import { focusColumns, indexRow, statements } from "./internal/partnershipIndex.ts"
import { saltsOf, setHead, splitRecord } from "./SqlDocumentStore.ts"

const documents = Effect.gen(function*() {
  const sql = yield* Client.SqlClient
  const { name } = dialectOf(sql)
  const text = name === "pg" ? `text COLLATE "C"` : "TEXT"
  const json = name === "pg" ? "jsonb" : "TEXT"
  yield* sql.unsafe(`CREATE TABLE documents (
  kind ${text} NOT NULL,
  id ${text} NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  data ${json} NOT NULL,
  PRIMARY KEY (kind, id)
)`)
  yield* sql.unsafe(`CREATE TABLE changes (
  kind ${text} NOT NULL,
  id ${text} NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  record ${json} NOT NULL,
  PRIMARY KEY (kind, id, version)
)`)
})

const partnershipIndex = Effect.gen(function*() {
  const sql = yield* Client.SqlClient
  const dialect = dialectOf(sql)
  const text = dialect.name === "pg" ? `text COLLATE "C"` : "TEXT"
  yield* sql.unsafe(`CREATE TABLE partnership_index (
  id ${text} PRIMARY KEY,
  status ${text} NOT NULL,
  programme ${text} NOT NULL,
  network ${text},
  country ${text},
  key_sv ${text} NOT NULL,
  key_en ${text} NOT NULL,
  search ${text} NOT NULL
)`)
  yield* sql.unsafe(`CREATE TABLE partnership_sdg (
  id ${text} NOT NULL,
  pos INTEGER NOT NULL,
  goal INTEGER NOT NULL,
  target ${text},
  PRIMARY KEY (id, pos)
)`)
  yield* sql.unsafe(`CREATE TABLE partnership_focus (
  id ${text} NOT NULL,
  pos INTEGER NOT NULL,
  area ${text} NOT NULL,
  PRIMARY KEY (id, pos)
)`)
  for (
    const index of [
      "partnership_index_status ON partnership_index (status, id)",
      "partnership_index_programme ON partnership_index (programme, status, id)",
      "partnership_index_network ON partnership_index (network, status, id)",
      "partnership_index_country ON partnership_index (country, status, id)",
      "partnership_index_key_sv ON partnership_index (key_sv, id)",
      "partnership_index_key_en ON partnership_index (key_en, id)",
      "partnership_sdg_goal ON partnership_sdg (goal, id)",
      "partnership_sdg_target ON partnership_sdg (target, id)",
      "partnership_focus_area ON partnership_focus (area, id)"
    ]
  ) yield* sql.unsafe(`CREATE INDEX ${index}`)
  // upgrade: index the partnerships an older version stored
  let after = ""
  while (true) {
    const rows = yield* sql.unsafe<{ id: string; data: unknown }>(
      `SELECT id, data FROM documents WHERE kind = 'partnership' AND id > ${dialect.placeholder(1)} ORDER BY id LIMIT 1000`,
      [after]
    )
    if (rows.length === 0) break
    const index = rows.flatMap((r) => {
      const row = indexRow(dialect.parseJson(r.data))
      return row === undefined ? [] : [row]
    })
    for (const [statement, params] of statements(dialect, index, undefined, false)) yield* sql.unsafe(statement, params)
    after = rows[rows.length - 1]!.id
  }
})

const facetIndexes = Effect.gen(function*() {
  const sql = yield* Client.SqlClient
  for (
    const [drop, create] of [
      ["partnership_index_programme", "partnership_index_programme_c ON partnership_index (programme, status, id, country)"],
      ["partnership_index_network", "partnership_index_network_c ON partnership_index (network, status, id, country)"],
      ["partnership_index_status", "partnership_index_status_c ON partnership_index (status, id, country)"]
    ]
  ) {
    yield* sql.unsafe(`CREATE INDEX ${create}`)
    yield* sql.unsafe(`DROP INDEX ${drop}`)
  }
  yield* sql.unsafe("CREATE INDEX partnership_sdg_id_goal ON partnership_sdg (id, goal)")
  yield* sql.unsafe("CREATE INDEX partnership_focus_id_area ON partnership_focus (id, area)")
})

const facetColumns = Effect.gen(function*() {
  const sql = yield* Client.SqlClient
  const focus = focusColumns.map(([, column]) => column)
  for (const column of ["sdg_goals", ...focus]) {
    yield* sql.unsafe(`ALTER TABLE partnership_index ADD COLUMN ${column} INTEGER NOT NULL DEFAULT 0`)
  }
  // upgrade: the facet columns of the partnerships already indexed, from the join rows
  yield* sql.unsafe(`UPDATE partnership_index SET sdg_goals = COALESCE(
  (SELECT SUM(DISTINCT CAST(1 AS INTEGER) << (s.goal - 1)) FROM partnership_sdg s WHERE s.id = partnership_index.id), 0)${
    focusColumns.map(([area, column]) =>
      `,\n  ${column} = (SELECT COUNT(*) FROM partnership_focus f WHERE f.id = partnership_index.id AND f.area = '${area}')`
    ).join("")
  }`)
  const covering = ["country", "sdg_goals", ...focus].join(", ")
  for (
    const [drop, create] of [
      ["partnership_index_programme_c", `partnership_index_programme_f ON partnership_index (programme, status, id, ${covering})`],
      ["partnership_index_network_c", `partnership_index_network_f ON partnership_index (network, status, id, ${covering})`],
      ["partnership_index_status_c", `partnership_index_status_f ON partnership_index (status, id, ${covering})`],
      ["partnership_index_country", `partnership_index_country_f ON partnership_index (country, status, id, ${["sdg_goals", ...focus].join(", ")})`]
    ]
  ) {
    yield* sql.unsafe(`CREATE INDEX ${create}`)
    yield* sql.unsafe(`DROP INDEX ${drop}`)
  }
})

const swedishPartner = Effect.gen(function*() {
  const sql = yield* Client.SqlClient
  const dialect = dialectOf(sql)
  const text = dialect.name === "pg" ? `text COLLATE "C"` : "TEXT"
  yield* sql.unsafe(`ALTER TABLE partnership_index ADD COLUMN swedish_partner ${text} NOT NULL DEFAULT ''`)
  // upgrade: the Swedish partner of every partnership already indexed, from its document
  const partner = dialect.name === "pg" ? "d.data ->> 'swedishPartner'" : "json_extract(d.data, '$.swedishPartner')"
  yield* sql.unsafe(`UPDATE partnership_index SET swedish_partner = COALESCE(
  (SELECT ${partner} FROM documents d WHERE d.kind = 'partnership' AND d.id = partnership_index.id), '')`)
  yield* sql.unsafe("CREATE INDEX partnership_index_swedish_partner ON partnership_index (swedish_partner, programme, id)")
})

const changeLogHashes = Effect.gen(function*() {
  const sql = yield* Client.SqlClient
  const dialect = dialectOf(sql)
  const p = dialect.placeholder
  const text = dialect.name === "pg" ? `text COLLATE "C"` : "TEXT"
  const big = dialect.name === "pg" ? "bigint" : "INTEGER"
  yield* sql.unsafe("ALTER TABLE documents ADD COLUMN salt TEXT")
  yield* sql.unsafe(`ALTER TABLE changes ADD COLUMN seq ${big}`)
  yield* sql.unsafe("ALTER TABLE changes ADD COLUMN hash TEXT")
  yield* sql.unsafe("ALTER TABLE changes ADD COLUMN patch TEXT")
  yield* sql.unsafe(`CREATE TABLE log_head (id INTEGER PRIMARY KEY CHECK (id = 1), seq ${big} NOT NULL, chain TEXT)`)
  yield* sql.unsafe("INSERT INTO log_head (id, seq, chain) VALUES (1, 0, NULL)")
  yield* sql.unsafe(`CREATE TABLE actors (actor ${text} PRIMARY KEY, salt TEXT NOT NULL)`)
  // upgrade: seal the records an older version wrote, document by document
  const hashing = nodeHashing
  let head: AuditLog.Head | undefined = undefined
  let after: readonly [string, string] = ["", ""]
  while (true) {
    const docs = yield* sql.unsafe<{ kind: string; id: string; version: number; data: unknown }>(
      `SELECT kind, id, version, data FROM documents WHERE kind > ${p(1)} OR (kind = ${p(2)} AND id > ${p(3)}) ORDER BY kind, id LIMIT 500`,
      [after[0], after[0], after[1]]
    )
    if (docs.length === 0) break
    for (const doc of docs) {
      const data = dialect.parseJson(doc.data)
      const rows = yield* sql.unsafe<{ version: number; record: unknown }>(
        `SELECT version, record FROM changes WHERE kind = ${p(1)} AND id = ${p(2)} ORDER BY version`,
        [doc.kind, doc.id]
      )
      const salt = AuditLog.holdsPersons(doc.kind) ? hashing.salt() : undefined
      if (salt !== undefined) yield* sql.unsafe(`UPDATE documents SET salt = ${p(1)} WHERE kind = ${p(2)} AND id = ${p(3)}`, [salt, doc.kind, doc.id])
      const records = rows.map((r) => dialect.parseJson(r.record) as ChangeLog.Draft)
      const salts = yield* saltsOf(sql, dialect, [...records.map((r) => r.actor), ...AuditLog.actorsIn(doc.kind, data)], hashing)
      let previous: string | undefined = undefined
      for (const old of records) {
        const { patch: _p, dataHash: _d, ...base } = old
        const actorRef = AuditLog.commit(hashing, salts.get(old.actor)!, old.actor)
        const draft: ChangeLog.Draft = old.version === Number(doc.version)
          ? AuditLog.draft(hashing, { ...base, actorRef }, undefined, AuditLog.logForm(hashing, doc.kind, data, { salt, actorSalt: (a) => salts.get(a) }))
          : { ...base, actorRef }
        const sealed: ChangeLog.Encoded = AuditLog.seal(hashing, draft, previous, head)
        const [json, patch] = splitRecord(sealed)
        yield* sql.unsafe(
          `UPDATE changes SET seq = ${p(1)}, hash = ${p(2)}, patch = ${p(3)}, record = ${dialect.jsonPlaceholder(4)} WHERE kind = ${p(5)} AND id = ${p(6)} AND version = ${p(7)}`,
          [sealed.seq, sealed.hash, patch, json, doc.kind, doc.id, old.version]
        )
        previous = sealed.hash
        head = { seq: sealed.seq, chain: sealed.chain }
      }
    }
    const last = docs[docs.length - 1]!
    after = [last.kind, last.id]
  }
  // records without a document (not written by this store): sealed after the others
  while (true) {
    const rows = yield* sql.unsafe<{ kind: string; id: string; version: number; record: unknown }>(
      "SELECT kind, id, version, record FROM changes WHERE seq IS NULL ORDER BY kind, id, version LIMIT 500"
    )
    if (rows.length === 0) break
    for (const row of rows) {
      const old = dialect.parseJson(row.record) as ChangeLog.Draft
      const { patch: _p, dataHash: _d, ...base } = old
      const salts = yield* saltsOf(sql, dialect, [old.actor], hashing)
      const prev = row.version > 1
        ? (yield* sql.unsafe<{ hash: string | null }>(`SELECT hash FROM changes WHERE kind = ${p(1)} AND id = ${p(2)} AND version = ${p(3)}`, [row.kind, row.id, row.version - 1]))[0]?.hash ?? undefined
        : undefined
      const sealed: ChangeLog.Encoded = AuditLog.seal(hashing, { ...base, actorRef: AuditLog.commit(hashing, salts.get(old.actor)!, old.actor) }, prev, head)
      yield* sql.unsafe(
        `UPDATE changes SET seq = ${p(1)}, hash = ${p(2)}, record = ${dialect.jsonPlaceholder(3)} WHERE kind = ${p(4)} AND id = ${p(5)} AND version = ${p(6)}`,
        [sealed.seq, sealed.hash, splitRecord(sealed)[0], row.kind, row.id, row.version]
      )
      head = { seq: sealed.seq, chain: sealed.chain }
    }
  }
  if (head !== undefined) {
    yield* sql.unsafe(`UPDATE log_head SET seq = ${p(1)} WHERE id = 1`, [head.seq])
    yield* setHead(sql, dialect, head.chain)
  }
  yield* sql.unsafe("CREATE UNIQUE INDEX changes_seq ON changes (seq)")
})

/**
 * The migrations in order, by `<id>_<name>`.
 *
 * @category models
 * @since 0.1.0
 */
export const all: Readonly<Record<string, Effect.Effect<void, SqlError, Client.SqlClient>>> = {
  "1_documents": documents,
  "2_partnership_index": partnershipIndex,
  "3_facet_indexes": facetIndexes,
  "4_facet_columns": facetColumns,
  "5_swedish_partner": swedishPartner,
  "6_change_log_hashes": changeLogHashes
}

/**
 * The table that records the applied migrations.
 *
 * @category models
 * @since 0.1.0
 */
export const table = "localrights_migrations"

/**
 * Applies the migrations not yet recorded, each in a transaction; returns those it applied.
 * `upTo` stops after that migration id (tests use it to build an older database).
 *
 * @category constructors
 * @since 0.1.0
 */
export const run = (options: { readonly upTo?: number } = {}): Effect.Effect<
  ReadonlyArray<readonly [id: number, name: string]>,
  Migrator.MigrationError | SqlError,
  Client.SqlClient
> =>
  Migrator.make({})({
    table,
    loader: Migrator.fromRecord(
      Object.fromEntries(
        Object.entries(all).filter(([key]) => options.upTo === undefined || Number(key.split("_")[0]) <= options.upTo)
      )
    )
  })
