/**
 * The primitive {@link DocumentStore.DocumentStore} port over any `effect/sql` client
 * (SQLite or PostgreSQL): documents and change records in two tables, written in one
 * transaction with an expected-version check, and the partnership catalogue index kept in
 * the same transaction.
 *
 * **Details**
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
import { DocumentStore } from "@localrights/core"
import { Effect, Layer, Option } from "effect"
import * as Client from "effect/sql/SqlClient"
import { indexRow, statements } from "./internal/partnershipIndex.ts"
import { dialectOf, mapSqlError, parseJsonColumn } from "./internal/sql.ts"

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

  const toDoc = (method: string, kind: string) => (row: { id: string; version: number; data: unknown }) =>
    Effect.map(parseJsonColumn(dialect, method, `${kind} ${row.id}`, row.data), (data): DocumentStore.StoredDocument => ({
      kind,
      id: row.id,
      version: Number(row.version),
      data
    }))

  const read = Effect.fn("DocumentStore.read")(function*(kind: string, id: string) {
    const rows = yield* sql.unsafe<{ id: string; version: number; data: unknown }>(
      `SELECT id, version, data FROM documents WHERE kind = ${p(1)} AND id = ${p(2)}`,
      [kind, id]
    ).pipe(mapSqlError("DocumentStore.read", `reading ${kind} ${id}`))
    const row = rows[0]
    return row === undefined ? Option.none() : Option.some(yield* toDoc("DocumentStore.read", kind)(row))
  })

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
          `INSERT INTO documents (kind, id, version, data) VALUES (${p(1)}, ${p(2)}, 1, ${j(3)}) ON CONFLICT (kind, id) DO NOTHING RETURNING version`,
          [w.kind, w.id, data]
        )
        : yield* sql.unsafe(
          `UPDATE documents SET version = ${p(1)}, data = ${j(2)} WHERE kind = ${p(3)} AND id = ${p(4)} AND version = ${p(5)} RETURNING version`,
          [version, data, w.kind, w.id, w.expectedVersion]
        )
      if (written.length === 0) {
        const actual = yield* currentVersion(w.kind, w.id)
        return yield* new DocumentStore.VersionConflict({ kind: w.kind, id: w.id, expected: w.expectedVersion, actual })
      }
      yield* sql.unsafe(
        `INSERT INTO changes (kind, id, version, record) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${j(4)})`,
        [w.kind, w.id, version, JSON.stringify(w.record)]
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
    const rows = yield* sql.unsafe<{ id: string; version: number; data: unknown }>(
      `SELECT id, version, data FROM documents WHERE ${where} ORDER BY id${limit}`,
      params
    ).pipe(mapSqlError("DocumentStore.list", `listing ${kind}`))
    return yield* Effect.forEach(rows, toDoc("DocumentStore.list", kind))
  })

  const history = Effect.fn("DocumentStore.history")(function*(kind: string, id: string) {
    const rows = yield* sql.unsafe<{ record: unknown }>(
      `SELECT record FROM changes WHERE kind = ${p(1)} AND id = ${p(2)} ORDER BY version`,
      [kind, id]
    ).pipe(mapSqlError("DocumentStore.history", `reading the change log of ${kind} ${id}`))
    return yield* Effect.forEach(rows, (row) =>
      parseJsonColumn(dialect, "DocumentStore.history", `change record of ${kind} ${id}`, row.record)) as Effect.Effect<
        ReadonlyArray<any>,
        DocumentStore.StoreError
      >
  })

  return DocumentStore.DocumentStore.of({ read, write, list, history })
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
