/**
 * Every store over one `effect/sql` client: migrations applied at start, the SQL
 * {@link SqlDocumentStore} under core's `Stores.layer` (so every entity kind other engineers
 * add with `EntityStore.make` is stored with no SQL change), and the SQL
 * {@link SqlPartnershipStore} in place of the derived one.
 *
 * @module
 * @since 0.1.0
 */
import { DocumentStore, Stores } from "@localrights/core"
import { Effect, Layer } from "effect"
import * as SqlClient from "effect/sql/SqlClient"
import type * as Client from "effect/sql/SqlClient"
import * as Migrations from "./Migrations.ts"
import * as SqlDocumentStore from "./SqlDocumentStore.ts"
import * as SqlPartnershipStore from "./SqlPartnershipStore.ts"
import { reasonOf } from "./internal/sql.ts"

/**
 * Applies pending migrations when built; a failure is a `StoreError` with reason `connection`
 * when the database cannot be reached, else `unknown`.
 *
 * @category layers
 * @since 0.1.0
 */
export const migrate: Layer.Layer<never, DocumentStore.StoreError, Client.SqlClient> = Layer.effectDiscard(
  Migrations.run().pipe(
    Effect.mapError((error) =>
      new DocumentStore.StoreError({
        method: "migrate",
        reason: error._tag === "SqlError" ? reasonOf(error) : "unknown",
        detail: `applying migrations: ${error.message}`,
        cause: error
      })
    )
  )
)

/**
 * The document store and every typed store over the `SqlClient` in context, after migrating.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer: Layer.Layer<Stores.Stores | DocumentStore.DocumentStore, DocumentStore.StoreError, Client.SqlClient> = Layer
  .merge(Stores.layer, SqlPartnershipStore.layer).pipe(
    Layer.provideMerge(SqlDocumentStore.layer),
    Layer.provideMerge(migrate)
  )

/**
 * Checks the stored data: every document has exactly the change records of versions 1 to its
 * version, and on SQLite the file passes `PRAGMA integrity_check`. Returns the problems found
 * (an empty list: consistent).
 *
 * @category constructors
 * @since 0.1.0
 */
export const check: Effect.Effect<ReadonlyArray<string>, DocumentStore.StoreError, Client.SqlClient> = Effect.gen(function*() {
  const sql = yield* SqlClient.SqlClient
  const problems: Array<string> = []
  const dialect = sql.onDialectOrElse({ orElse: () => "pg", sqlite: () => "sqlite" })
  if (dialect === "sqlite") {
    const rows = yield* sql.unsafe<{ integrity_check: string }>("PRAGMA integrity_check")
    for (const r of rows) if (r.integrity_check !== "ok") problems.push(`integrity_check: ${r.integrity_check}`)
  }
  const n = "CAST(count(*) AS INTEGER)"
  const bad = yield* sql.unsafe<{ kind: string; id: string; version: number; records: number; max: number | null }>(
    `SELECT d.kind, d.id, d.version, ${n} AS records, max(c.version) AS max
FROM documents d LEFT JOIN changes c ON c.kind = d.kind AND c.id = d.id
GROUP BY d.kind, d.id, d.version
HAVING ${n} <> d.version OR max(c.version) IS NULL OR max(c.version) <> d.version OR min(c.version) <> 1`
  )
  for (const b of bad) problems.push(`${b.kind} ${b.id} at version ${b.version} has ${b.records} change records up to version ${b.max}`)
  const orphans = yield* sql.unsafe<{ kind: string; id: string }>(
    `SELECT DISTINCT c.kind, c.id FROM changes c LEFT JOIN documents d ON d.kind = c.kind AND d.id = c.id WHERE d.id IS NULL`
  )
  for (const o of orphans) problems.push(`change records of ${o.kind} ${o.id} without its document`)
  const unindexed = yield* sql.unsafe<{ id: string }>(
    `SELECT d.id FROM documents d LEFT JOIN partnership_index i ON i.id = d.id WHERE d.kind = 'partnership' AND i.id IS NULL`
  )
  for (const u of unindexed) problems.push(`partnership ${u.id} is missing from the catalogue index`)
  return problems
}).pipe(Effect.mapError((error) =>
  new DocumentStore.StoreError({ method: "SqlStores.check", reason: "unknown", detail: error.message, cause: error })
))
