/**
 * The primitive {@link DocumentStore.DocumentStore} port over any `effect/sql` client
 * (SQLite or PostgreSQL): documents and change records in two tables, written in one
 * transaction with an expected-version check, and the partnership catalogue index kept in
 * the same transaction.
 *
 * **Details**
 *
 * The change record is sealed inside the write transaction (`AuditLog.seal`): `previous` is
 * the hash of the document's record at the expected version, and the next `seq` and `chain`
 * come from the one-row table `log_head`, which the write updates first: on PostgreSQL its
 * row lock serialises concurrent appends until commit, on SQLite the write lock does.
 *
 * A write is a conditional statement: `INSERT … ON CONFLICT DO NOTHING` for a new document
 * (expected version 0) or `UPDATE … WHERE version = expected` for an existing one. When it
 * touches no row the current version is read and the write fails with `VersionConflict`;
 * nothing else is written. The condition is checked by the database under its row lock, so
 * concurrent writers (fibers, processes or app instances) never lose an update. Driver errors
 * become `StoreError` with a reason (`unique-violation`, `constraint`, `connection`, ...).
 *
 * @module
 * @since 0.1.0
 */
import { AuditLog, type ChangeLog, DocumentStore } from "@localrights/core"
import { Effect, Layer, Option } from "effect"
import * as Client from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import { nodeHashing } from "./internal/hashing.ts"
import { indexRow, statements } from "./internal/partnershipIndex.ts"
import { dialectOf, type Dialect, list as inList, mapSqlError, parseJsonColumn, values } from "./internal/sql.ts"

/**
 * The kind whose documents get a catalogue index.
 *
 * @category models
 * @since 0.1.0
 */
export const partnershipKind = "partnership"

/**
 * Builds the document store over the `SqlClient` in context. The schema must exist (see
 * {@link Migrations.run}).
 *
 * @category constructors
 * @since 0.1.0
 */
export const make: Effect.Effect<DocumentStore.DocumentStore["Service"], never, Client.SqlClient> = Effect.gen(function*() {
  const sql = yield* Client.SqlClient
  const dialect = dialectOf(sql)
  const p = dialect.placeholder
  const j = dialect.jsonPlaceholder

  const hashing = nodeHashing

  const toDoc = (method: string, kind: string) => (row: { id: string; version: number; data: unknown; salt: string | null }) =>
    Effect.map(parseJsonColumn(dialect, method, `${kind} ${row.id}`, row.data), (data): DocumentStore.StoredDocument => ({
      kind,
      id: row.id,
      version: Number(row.version),
      data,
      ...(row.salt !== null && row.salt !== undefined ? { salt: row.salt } : {})
    }))

  const read = Effect.fn("DocumentStore.read")(function*(kind: string, id: string) {
    const rows = yield* sql.unsafe<{ id: string; version: number; data: unknown; salt: string | null }>(
      `SELECT id, version, data, salt FROM documents WHERE kind = ${p(1)} AND id = ${p(2)}`,
      [kind, id]
    ).pipe(mapSqlError("DocumentStore.read", `reading ${kind} ${id}`))
    const row = rows[0]
    return row === undefined ? Option.none() : Option.some(yield* toDoc("DocumentStore.read", kind)(row))
  })

  const previousHash = (kind: string, id: string, version: number) =>
    Effect.map(
      sql.unsafe<{ hash: string | null }>(`SELECT hash FROM changes WHERE kind = ${p(1)} AND id = ${p(2)} AND version = ${p(3)}`, [kind, id, version]),
      (rows) => rows[0]?.hash ?? undefined
    )

  const currentVersion = (kind: string, id: string) =>
    Effect.map(
      sql.unsafe<{ version: number }>(`SELECT version FROM documents WHERE kind = ${p(1)} AND id = ${p(2)}`, [kind, id]),
      (rows) => (rows[0] === undefined ? 0 : Number(rows[0].version))
    )

  const write = Effect.fn("DocumentStore.write")(function*(w: DocumentStore.Write) {
    const version = w.expectedVersion + 1
    const data = JSON.stringify(w.data)
    const index = w.kind === partnershipKind ? indexRow(w.data) : undefined
    if (w.kind === partnershipKind && index === undefined) {
      return yield* new DocumentStore.StoreError({
        method: "DocumentStore.write",
        reason: "constraint",
        detail: `partnership ${w.id} has no id, status, programme or title to index`
      })
    }
    yield* sql.withTransaction(Effect.gen(function*() {
      const written = w.expectedVersion === 0
        ? yield* sql.unsafe(
          `INSERT INTO documents (kind, id, version, data, salt) VALUES (${p(1)}, ${p(2)}, 1, ${j(3)}, ${p(4)}) ON CONFLICT (kind, id) DO NOTHING RETURNING version`,
          [w.kind, w.id, data, w.salt ?? null]
        )
        : yield* sql.unsafe(
          `UPDATE documents SET version = ${p(1)}, data = ${j(2)}, salt = ${p(3)} WHERE kind = ${p(4)} AND id = ${p(5)} AND version = ${p(6)} RETURNING version`,
          [version, data, w.salt ?? null, w.kind, w.id, w.expectedVersion]
        )
      if (written.length === 0) {
        const actual = yield* currentVersion(w.kind, w.id)
        return yield* new DocumentStore.VersionConflict({ kind: w.kind, id: w.id, expected: w.expectedVersion, actual })
      }
      const previous = w.expectedVersion === 0 ? undefined : yield* previousHash(w.kind, w.id, w.expectedVersion)
      const head = yield* takeHead(sql, dialect, 1)
      const record = AuditLog.seal(hashing, w.record, previous, head)
      yield* setHead(sql, dialect, record.chain)
      const [json, patch] = splitRecord(record)
      yield* sql.unsafe(
        `INSERT INTO changes (kind, id, version, seq, hash, patch, record) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${j(7)})`,
        [w.kind, w.id, version, record.seq, record.hash, patch, json]
      )
      if (index !== undefined) {
        for (const [statement, params] of statements(dialect, [index])) yield* sql.unsafe(statement, params)
      }
    })).pipe(mapSqlError("DocumentStore.write", `writing ${w.kind} ${w.id} at version ${version}`))
  })

  const list = Effect.fn("DocumentStore.list")(function*(kind: string, options?: DocumentStore.ListOptions) {
    const params: Array<unknown> = [kind]
    let where = `kind = ${p(1)}`
    if (options?.after !== undefined) {
      params.push(options.after)
      where += ` AND id > ${p(params.length)}`
    }
    let limit = ""
    if (options?.limit !== undefined) {
      params.push(options.limit)
      limit = ` LIMIT ${p(params.length)}`
    }
    const rows = yield* sql.unsafe<{ id: string; version: number; data: unknown; salt: string | null }>(
      `SELECT id, version, data, salt FROM documents WHERE ${where} ORDER BY id${limit}`,
      params
    ).pipe(mapSqlError("DocumentStore.list", `listing ${kind}`))
    return yield* Effect.forEach(rows, toDoc("DocumentStore.list", kind))
  })

  const history = Effect.fn("DocumentStore.history")(function*(kind: string, id: string) {
    const rows = yield* sql.unsafe<{ record: unknown; patch: string | null }>(
      `SELECT record, patch FROM changes WHERE kind = ${p(1)} AND id = ${p(2)} ORDER BY version`,
      [kind, id]
    ).pipe(mapSqlError("DocumentStore.history", `reading the change log of ${kind} ${id}`))
    return yield* records("DocumentStore.history", rows)
  })

  const records = (method: string, rows: ReadonlyArray<{ record: unknown; patch: string | null }>) =>
    Effect.forEach(rows, (row) =>
      Effect.flatMap(parseJsonColumn(dialect, method, "change record", row.record), (record) =>
        row.patch === null || row.patch === undefined
          ? Effect.succeed(record)
          : Effect.map(parseJsonColumn(sqliteJson, method, "change record's patch", row.patch), (patch) => ({ ...(record as object), patch })))) as Effect.Effect<
      ReadonlyArray<ChangeLog.Encoded>,
      DocumentStore.StoreError
    >

  const log = Effect.fn("DocumentStore.log")(function*(options?: DocumentStore.LogOptions) {
    const limit = options?.limit === undefined ? "" : ` LIMIT ${Math.max(0, Math.floor(options.limit))}`
    const rows = yield* sql.unsafe<{ record: unknown; patch: string | null }>(
      `SELECT record, patch FROM changes WHERE seq > ${p(1)} ORDER BY seq${limit}`,
      [options?.after ?? 0]
    ).pipe(mapSqlError("DocumentStore.log", "reading the change log"))
    return yield* records("DocumentStore.log", rows)
  })

  const kinds = Effect.fn("DocumentStore.kinds")(function*() {
    const rows = yield* sql.unsafe<{ kind: string }>("SELECT DISTINCT kind FROM documents ORDER BY kind").pipe(
      mapSqlError("DocumentStore.kinds", "listing the kinds")
    )
    return rows.map((r) => r.kind)
  })

  const actorSalts = Effect.fn("DocumentStore.actorSalts")(function*(actors: ReadonlyArray<string> | "all", create: boolean) {
    if (actors === "all") {
      const rows = yield* sql.unsafe<{ actor: string; salt: string }>("SELECT actor, salt FROM actors").pipe(
        mapSqlError("DocumentStore.actorSalts", "reading actor salts")
      )
      return new Map(rows.map((r) => [r.actor, r.salt]))
    }
    return yield* saltsOf(sql, dialect, actors, create ? hashing : undefined).pipe(
      mapSqlError("DocumentStore.actorSalts", "reading actor salts")
    )
  })

  const pseudonymise = Effect.fn("DocumentStore.pseudonymise")(function*(actor: string, pseudonym: string) {
    const set = dialect.name === "pg"
      ? `UPDATE changes SET record = jsonb_set(record, '{actor}', to_jsonb(${p(1)}::text)) WHERE record ->> 'actor' = ${p(2)} RETURNING seq`
      : `UPDATE changes SET record = json_set(record, '$.actor', ${p(1)}) WHERE json_extract(record, '$.actor') = ${p(2)} RETURNING seq`
    return yield* sql.withTransaction(Effect.gen(function*() {
      const rows = yield* sql.unsafe(set, [pseudonym, actor])
      yield* sql.unsafe(`DELETE FROM actors WHERE actor = ${p(1)}`, [actor])
      return rows.length
    })).pipe(mapSqlError("DocumentStore.pseudonymise", "pseudonymising an actor"))
  })

  return DocumentStore.DocumentStore.of({ read, write, list, history, log, kinds, actorSalts, pseudonymise, hashing })
})

// a text column holding JSON, in either dialect
const sqliteJson = { parseJson: (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value) } as Dialect

/**
 * A sealed record as the `changes` row stores it: the record's JSON without its patch, and the
 * patch's JSON apart, in a text column (on PostgreSQL not parsed into `jsonb`: the patch of a
 * creation is the whole document, and is only ever read back whole).
 *
 * @internal
 */
export const splitRecord = (record: ChangeLog.Encoded, patchJson?: string): readonly [record: string, patch: string | null] => {
  const { patch, ...rest } = record
  return [JSON.stringify(rest), patchJson ?? (patch === undefined ? null : JSON.stringify(patch))]
}

/**
 * Takes `count` numbers of the store-wide sequence inside the caller's transaction (locking
 * the head row until commit on PostgreSQL) and returns the head before them, for
 * `AuditLog.seal`; the caller stores the new chain with {@link setHead}.
 *
 * @internal
 */
export const takeHead = (sql: Client.SqlClient, dialect: Dialect, count: number): Effect.Effect<AuditLog.Head | undefined, SqlError> =>
  Effect.map(
    sql.unsafe<{ seq: number | string; chain: string | null }>(
      `UPDATE log_head SET seq = seq + ${dialect.placeholder(1)} WHERE id = 1 RETURNING seq, chain`,
      [count]
    ),
    (rows) => {
      const before = Number(rows[0]!.seq) - count
      return before === 0 ? undefined : { seq: before, chain: rows[0]!.chain ?? "" }
    }
  )

/**
 * Stores the chain of the last record appended in the caller's transaction.
 *
 * @internal
 */
export const setHead = (sql: Client.SqlClient, dialect: Dialect, chain: string): Effect.Effect<void, SqlError> =>
  Effect.asVoid(sql.unsafe(`UPDATE log_head SET chain = ${dialect.placeholder(1)} WHERE id = 1`, [chain]))

/**
 * The salts of `actors`; with `hashing`, a new salt for each one without (insert-or-ignore,
 * then read, so that concurrent callers get the same salt).
 *
 * @internal
 */
export const saltsOf = (
  sql: Client.SqlClient,
  dialect: Dialect,
  actors: ReadonlyArray<string>,
  hashing?: AuditLog.Hashing
): Effect.Effect<ReadonlyMap<string, string>, SqlError> =>
  Effect.gen(function*() {
    const out = new Map<string, string>()
    const unique = [...new Set(actors)]
    for (let start = 0; start < unique.length; start += 500) {
      const part = unique.slice(start, start + 500)
      const read = () =>
        sql.unsafe<{ actor: string; salt: string }>(`SELECT actor, salt FROM actors WHERE actor IN (${inList(dialect, part.length)})`, part)
      let rows = yield* read()
      if (hashing !== undefined && rows.length < part.length) {
        const have = new Set(rows.map((r) => r.actor))
        const missing = part.filter((a) => !have.has(a))
        yield* sql.unsafe(
          `INSERT INTO actors (actor, salt) VALUES ${values(dialect, missing.length, ["v", "v"])} ON CONFLICT (actor) DO NOTHING`,
          missing.flatMap((a) => [a, hashing.salt()])
        )
        rows = yield* read()
      }
      for (const r of rows) out.set(r.actor, r.salt)
    }
    return out
  })

/**
 * The document store as a layer over the `SqlClient` in context (schema already migrated).
 *
 * @category layers
 * @since 0.1.0
 */
export const layer: Layer.Layer<DocumentStore.DocumentStore, never, Client.SqlClient> = Layer.effect(
  DocumentStore.DocumentStore,
  make
)
