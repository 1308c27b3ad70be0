import { assert, it } from "@effect/vitest"
import { AssessmentStoreTest, AuditLogTest, DocumentStoreTest, PartnershipStoreTest, ProgrammeWorkStoreTest } from "@localrights/core/testing"
import { PgDocumentStore, PgStore } from "@localrights/store-postgres"
import { SqlStores } from "@localrights/store-sql"
import { IntegrityTest, ResultsTest, SqlStoreTest } from "@localrights/store-sql/testing"
import { DocumentStore, Stores } from "@localrights/core"
import { Effect, Layer, Option, Redacted } from "effect"
import { createConnection, createServer, type Socket } from "node:net"
import { afterAll } from "vitest"
import * as TestPg from "./pg.ts"

const db = await TestPg.start()
afterAll(() => db.close())

DocumentStoreTest.suite(`postgres (${db.kind})`, db.use(PgDocumentStore.layer(db.config)), { concurrentWriters: 100 })
PartnershipStoreTest.suite(`postgres (${db.kind})`, db.use(PgStore.layer(db.config)))
AssessmentStoreTest.suite(`postgres (${db.kind})`, db.use(PgStore.layer(db.config)))
ProgrammeWorkStoreTest.suite(`postgres (${db.kind})`, db.use(PgStore.layer(db.config)))
SqlStoreTest.suite(`postgres (${db.kind})`, db.fresh)
IntegrityTest.suite(`postgres (${db.kind})`, db.fresh)
ResultsTest.suite(`postgres (${db.kind})`, db.fresh)
// verification covers the whole store: a fresh schema per test
AuditLogTest.suite(`postgres (${db.kind})`, SqlStores.layer.pipe(Layer.provideMerge(db.fresh)) as Layer.Layer<Stores.Stores | DocumentStore.DocumentStore, unknown>)

it.effect("a server that does not answer is a StoreError with reason connection", () =>
  Effect.gen(function*() {
    const error = yield* Layer.build(PgStore.layer({ url: Redacted.make("postgres://postgres@127.0.0.1:1/none"), connectTimeout: "2 seconds" })).pipe(
      Effect.scoped,
      Effect.flip
    )
    assert.strictEqual(error._tag, "StoreError")
    assert.strictEqual(error.reason, "connection")
    assert.strictEqual(error.method, "migrate")
    assert.include(error.detail, "PgConnection")
  }))

it.effect("a connection lost mid-use is a StoreError with reason connection and context; the next call reconnects", () =>
  Effect.gen(function*() {
    // a TCP proxy in front of the database, whose connections the test cuts
    const target = new URL(Redacted.value(db.config.url!))
    const open = new Set<Socket>()
    const proxy = createServer((client) => {
      const upstream = createConnection({ host: target.hostname, port: Number(target.port || 5432) })
      open.add(client)
      open.add(upstream)
      client.pipe(upstream).pipe(client)
      const drop = () => (client.destroy(), upstream.destroy(), open.delete(client), open.delete(upstream))
      client.on("error", drop).on("close", drop)
      upstream.on("error", drop).on("close", drop)
    })
    yield* Effect.acquireRelease(
      Effect.promise(() => new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve))),
      () => Effect.sync(() => (open.forEach((s) => s.destroy()), proxy.close()))
    )
    const port = (proxy.address() as { port: number }).port
    const url = new URL(target)
    url.host = `127.0.0.1:${port}`
    const cut = () => open.forEach((socket) => socket.destroy())

    const error = yield* Effect.gen(function*() {
      const docs = yield* DocumentStore.DocumentStore
      assert.isTrue(Option.isNone(yield* docs.read("partnership", "lost-1")))
      cut()
      const error = yield* Effect.flip(docs.read("partnership", "lost-1"))
      // the pool opens a new connection for the next call
      assert.isTrue(Option.isNone(yield* docs.read("partnership", "lost-1")))
      return error
    }).pipe(Effect.provide(db.use(PgStore.layer({ ...db.config, url: Redacted.make(url.toString()), maxConnections: 1 }))))
    assert.instanceOf(error, DocumentStore.StoreError)
    assert.strictEqual(error.reason, "connection")
    assert.strictEqual(error.method, "DocumentStore.read")
    assert.include(error.detail, "reading partnership lost-1")
  }).pipe(Effect.scoped))
