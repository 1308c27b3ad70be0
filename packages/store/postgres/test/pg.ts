/**
 * The PostgreSQL the tests run against: the server at `LOCALRIGHTS_PG_URL` when set (in a fresh
 * schema per run, dropped afterwards), else an in-process PGlite behind a socket.
 */
import { PGlite } from "@electric-sql/pglite"
import { PGLiteSocketServer } from "@electric-sql/pglite-socket"
import * as PgClient from "@effect/sql-pg/PgClient"
import { PgStore } from "@localrights/store-postgres"
import { Effect, Layer, Redacted } from "effect"
import * as Client from "effect/sql/SqlClient"

export interface TestDatabase {
  readonly kind: "server" | "pglite"
  /** The configuration of the run's schema. */
  readonly config: PgStore.PgConfig
  /** Wrap a layer so that it uses the run's schema. */
  readonly use: <A, E>(layer: Layer.Layer<A, E>) => Layer.Layer<A, E>
  /** A client on a new, empty schema each time it is built (dropped when released). */
  readonly fresh: Layer.Layer<Client.SqlClient, unknown>
  readonly close: () => Promise<void>
}

const onServer = (url: string, statement: string) =>
  Effect.gen(function*() {
    const sql = yield* Client.SqlClient
    yield* sql.unsafe(statement)
  }).pipe(Effect.provide(PgClient.layer({ url: Redacted.make(url), maxConnections: 1 })))

const schemaName = () => `lr_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`

export const start = async (): Promise<TestDatabase> => {
  const url = process.env["LOCALRIGHTS_PG_URL"]
  if (url !== undefined && url !== "") {
    const schema = schemaName()
    await Effect.runPromise(onServer(url, `CREATE SCHEMA ${schema}`))
    const config = (schema: string): PgStore.PgConfig => ({ url: Redacted.make(url), maxConnections: 10, startupParameters: { search_path: schema } })
    return {
      kind: "server",
      config: config(schema),
      use: (layer) => layer,
      fresh: Layer.unwrap(
        Effect.acquireRelease(
          Effect.map(Effect.sync(schemaName), (s) => s).pipe(Effect.tap((s) => onServer(url, `CREATE SCHEMA ${s}`))),
          (s) => Effect.orDie(onServer(url, `DROP SCHEMA ${s} CASCADE`))
        ).pipe(Effect.map((s) => PgStore.layerClient(config(s))))
      ),
      close: () => Effect.runPromise(onServer(url, `DROP SCHEMA ${schema} CASCADE`))
    }
  }
  const db = await PGlite.create()
  const server = new PGLiteSocketServer({ db, port: 0, host: "127.0.0.1", maxConnections: 100 })
  await server.start()
  // PGlite is one backend session shared by every connection, and it ignores startup
  // parameters: the schema is chosen with SET before a layer is built, and the pool has one
  // connection so that transactions never interleave.
  const config: PgStore.PgConfig = { url: Redacted.make(`postgres://postgres@${server.getServerConn()}/postgres`), maxConnections: 1 }
  const setPath = (schema: string) => Layer.effectDiscard(Effect.promise(() => db.exec(`SET search_path TO ${schema}`)))
  return {
    kind: "pglite",
    config,
    use: (layer) => Layer.provideMerge(layer, setPath("public")),
    fresh: Layer.unwrap(Effect.promise(async () => {
      const schema = schemaName()
      await db.exec(`CREATE SCHEMA ${schema}`)
      return Layer.provideMerge(PgStore.layerClient(config), setPath(schema))
    })),
    close: async () => {
      await server.stop()
      await db.close()
    }
  }
}
