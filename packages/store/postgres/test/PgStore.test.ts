import { assert, it } from "@effect/vitest"
import { AssessmentStoreTest, DocumentStoreTest, PartnershipStoreTest, ProgrammeWorkStoreTest } from "@localrights/core/testing"
import { PgDocumentStore, PgStore } from "@localrights/store-postgres"
import { SqlStoreTest } from "@localrights/store-sql/testing"
import { Effect, Layer, Redacted } from "effect"
import { afterAll } from "vitest"
import * as TestPg from "./pg.ts"

const db = await TestPg.start()
afterAll(() => db.close())

DocumentStoreTest.suite(`postgres (${db.kind})`, db.use(PgDocumentStore.layer(db.config)), { concurrentWriters: 100 })
PartnershipStoreTest.suite(`postgres (${db.kind})`, db.use(PgStore.layer(db.config)))
AssessmentStoreTest.suite(`postgres (${db.kind})`, db.use(PgStore.layer(db.config)))
ProgrammeWorkStoreTest.suite(`postgres (${db.kind})`, db.use(PgStore.layer(db.config)))
SqlStoreTest.suite(`postgres (${db.kind})`, db.fresh)

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
