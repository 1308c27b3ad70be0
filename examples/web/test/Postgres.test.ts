/**
 * The app over PostgreSQL (`LOCALRIGHTS_PG_URL`): an in-process PGlite behind its socket
 * server on 127.0.0.1 (what `@localrights/store-postgres` tests against too), migrated and
 * seeded by the app, then read through the API and a page, and written through a form.
 */
import { PGlite } from "@electric-sql/pglite"
import { PGLiteSocketServer } from "@electric-sql/pglite-socket"
import { assert, describe, it } from "@effect/vitest"
import { Effect } from "effect"
import { HttpServer } from "effect/http"
import * as Server from "../src/Server.ts"
import * as Store from "../src/Store.ts"

describe("PostgreSQL store", () => {
  it.effect("seeds an empty database, serves the catalogue and a page, and stores an expression of interest", () =>
    Effect.gen(function*() {
      const pg = yield* Effect.acquireRelease(
        Effect.promise(async () => {
          const db = await PGlite.create()
          const server = new PGLiteSocketServer({ db, port: 0, host: "127.0.0.1", maxConnections: 10 })
          await server.start()
          return { db, server }
        }),
        ({ db, server }) => Effect.promise(async () => {
          await server.stop()
          await db.close()
        })
      )
      // PGlite is one backend session: one connection, so transactions never interleave
      const url = `postgres://postgres@${pg.server.getServerConn()}/postgres`
      yield* Effect.gen(function*() {
        const address = (yield* HttpServer.HttpServer).address
        if (address._tag !== "InetAddressV4") return assert.fail(address._tag)
        const base = `http://127.0.0.1:${address.port}`
        const api = yield* Effect.promise(() => fetch(`${base}/api/partnerships`).then((r) => r.json() as Promise<{ total: number }>))
        assert.strictEqual(api.total, 5)
        const page = yield* Effect.promise(() => fetch(`${base}/en/partnerships/falun-mr-2020`))
        assert.strictEqual(page.status, 200)
        const posted = yield* Effect.promise(() =>
          fetch(`${base}/sv/interest`, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({
              programme: "icld-mr-2020",
              "applicant.kind": "region",
              "applicant.name": "Region Gotland",
              "contact.name": "Gun Gotländing",
              "contact.email": "gun@example.se",
              challenge: "Tillgänglighet",
              focusArea: "accessibility",
              consent: "yes"
            }).toString()
          })
        )
        assert.strictEqual(posted.status, 200)
      }).pipe(
        Effect.provide(Server.layer({ port: 0, store: Store.layerPostgres(url, { maxConnections: 1 }), write: false, logLevel: "Warn" })),
        Effect.scoped
      )
    }).pipe(Effect.scoped), { timeout: 60_000 })
})
