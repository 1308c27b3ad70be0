/**
 * The example web app end to end, without a server: the typed client from `HttpApiTest`
 * (same encoding, routing and decoding as a real server) and the Fetch handler of every route
 * for raw requests (status codes, bad input the typed client cannot send). One test starts the
 * real Node server on port 0.
 */
import { assert, describe, it } from "@effect/vitest"
import type { Lifecycle } from "@localrights/core"
import { Ids, Partnership } from "@localrights/core"
import { Effect, Layer } from "effect"
import { HttpRouter, HttpServer } from "effect/http"
import { HttpApiTest } from "effect/http-api"
import { Api } from "../src/Api.ts"
import { InputValidationLive, PartnershipsLive, SdgLive, WriteAccess, WriteGateLive } from "../src/Http.ts"
import { SiteVersion } from "../src/Cache.ts"
import * as Server from "../src/Server.ts"
import * as Store from "../src/Store.ts"

const lund = "lund-francistown" as Ids.PartnershipId
/** An admitted partnership of the seed: public. Lund ↔ Francistown is only registered as interest: not public. */
const falun = "falun-mr-2020" as Ids.PartnershipId
const network = "icld-mr-2020-network" as Ids.NetworkId
const actor = "icld-officer" as Ids.ActorId

const client = HttpApiTest.groups(Api, ["partnerships", "sdg"])

const fetchJson = (handler: (request: Request) => Promise<Response>, path: string, init?: RequestInit) =>
  Effect.promise(async () => {
    const response = await handler(new Request(`http://localhost${path}`, init))
    return { status: response.status, body: (await response.json()) as Record<string, any> }
  })

const post = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body)
})

const command = (c: Lifecycle.Command, expectedVersion: number) => ({
  params: { id: lund },
  payload: { command: c, actor, reason: "Test", expectedVersion }
})

/** The stores every test runs over: core's in-memory store and the SQLite adapter. */
const stores = [
  ["memory", () => Store.layerMemory],
  ["sqlite", () => Store.layerSqlite(":memory:")]
] as const

for (const [storeName, store] of stores) {
  /** Handlers and middleware over a freshly seeded store. */
  const handlers = (write: boolean) =>
    Layer.mergeAll(PartnershipsLive, SdgLive).pipe(
      // the middleware is used when the routes are built and when the client calls
      Layer.provideMerge(Layer.mergeAll(InputValidationLive, WriteGateLive)),
      Layer.provideMerge(Layer.mergeAll(WriteAccess.layer(write), store(), HttpServer.layerServices, SiteVersion.layer))
    )

  /** Every route (API, docs, pages) as a Fetch handler, for raw requests. */
  const rawHandler = (write: boolean) =>
    Effect.acquireRelease(
      Effect.sync(() =>
        HttpRouter.toWebHandler(
          Server.Routes.pipe(
            Layer.provideMerge(Layer.mergeAll(store(), WriteAccess.layer(write), HttpServer.layerServices, SiteVersion.layer))
          ),
          { disableLogger: true }
        )
      ),
      ({ dispose }) => Effect.promise(dispose)
    )

  describe(`catalogue (${storeName} store)`, () => {
    it.effect("filters, pages with the cursor, counts facets, shows no actor and only public partnerships", () =>
      Effect.gen(function*() {
        const api = yield* client
        const admitted = yield* api.partnerships.search({ query: { status: ["admitted"] } })
        assert.strictEqual(admitted.total, 5)
        assert.isTrue(admitted.items.every((p) => p.status === "admitted"))
        assert.deepStrictEqual(admitted.facets.status, { admitted: 5 })

        const falunOnly = yield* api.partnerships.search({ query: { text: "falu" } })
        assert.deepStrictEqual(falunOnly.items.map((p) => p.id), [falun])
        // Lund ↔ Francistown is registered as interest only: not in the public catalogue
        const francistown = yield* api.partnerships.search({ query: { text: "francistown" } })
        assert.deepStrictEqual([francistown.total, francistown.items.length], [0, 0])

        const seen: Array<string> = []
        let cursor: string | undefined
        do {
          const page = yield* api.partnerships.search({ query: { limit: 2, ...(cursor === undefined ? {} : { cursor }) } })
          assert.isAtMost(page.items.length, 2)
          assert.strictEqual(page.total, 5)
          seen.push(...page.items.map((p) => p.id))
          cursor = page.next
        } while (cursor !== undefined)
        assert.strictEqual(seen.length, 5)
        assert.deepStrictEqual(seen, [...seen].sort())
        // decisions are public, who decided is not
        const decisions = admitted.items.flatMap((p) => p.decisions)
        assert.isAbove(decisions.length, 0)
        assert.isTrue(decisions.every((d) => !("decidedBy" in d)))
      }).pipe(Effect.provide(handlers(false))))

    it.effect("a status list may be repeated or comma separated; statuses before admission are refused", () =>
      Effect.gen(function*() {
        const { handler } = yield* rawHandler(false)
        const comma = yield* fetchJson(handler, "/api/partnerships?status=admitted,matched")
        const repeated = yield* fetchJson(handler, "/api/partnerships?status=admitted&status=matched")
        assert.strictEqual(comma.status, 200)
        assert.strictEqual(comma.body.total, 5)
        assert.deepStrictEqual(repeated.body, comma.body)
        for (const status of ["applied", "rejected", "interest-registered"]) {
          const refused = yield* fetchJson(handler, `/api/partnerships?status=${status}`)
          assert.strictEqual(refused.status, 400, status)
          assert.deepStrictEqual(refused.body.violations.map((v: { field: string }) => v.field), ["status[0]"])
        }
      }))

    it.effect("400 with the field path, message and value on a bad query", () =>
      Effect.gen(function*() {
        const { handler } = yield* rawHandler(false)
        const { body, status } = yield* fetchJson(handler, "/api/partnerships?sdgTarget=10.9&limit=0&stauts=applied")
        assert.strictEqual(status, 400)
        assert.strictEqual(body._tag, "ValidationError")
        assert.deepStrictEqual(body.subject, { kind: "query" })
        const byPath = Object.fromEntries(body.violations.map((v: { field: string }) => [v.field, v]))
        assert.deepStrictEqual(Object.keys(byPath).sort(), ["limit", "sdgTarget", "stauts"])
        assert.strictEqual(byPath.sdgTarget.value, "10.9")
        assert.strictEqual(byPath.stauts.rule, "unexpected-field")
        assert.match(byPath.sdgTarget.text.en, /169 official targets/)
        assert.match(byPath.sdgTarget.text.sv, /169 officiella delmålen/)
      }))
  })

  describe(`pages (${storeName} store)`, () => {
    it.effect("catalogue and project card in both languages; 400 and 404 as pages", () =>
      Effect.gen(function*() {
        const { handler } = yield* rawHandler(false)
        const get = (path: string) =>
          Effect.promise(async () => {
            const response = await handler(new Request(`http://localhost${path}`))
            return { status: response.status, type: response.headers.get("content-type"), html: await response.text() }
          })
        const sv = yield* get("/")
        assert.strictEqual(sv.status, 200)
        assert.strictEqual(sv.type, "text/html; charset=utf-8")
        assert.match(sv.html, /<html lang="sv">/)
        const en = yield* get("/en/?text=falu")
        assert.match(en.html, /<html lang="en">/)
        assert.match(en.html, /href="\/en\/partnerships\/falun-mr-2020"/)
        // the language switch keeps the filters
        assert.match(en.html, /hreflang="sv" href="\/sv\/\?text=falu"/)
        assert.strictEqual((yield* get("/partnerships/falun-mr-2020?lang=en")).status, 200)
        // not public yet
        assert.strictEqual((yield* get("/en/partnerships/lund-francistown")).status, 404)
        const bad = yield* get("/?sdgGoal=99")
        assert.strictEqual(bad.status, 400)
        assert.match(bad.html, /sdgGoal: Förväntade numret på ett globalt mål, 1 till 17/)
        assert.match((yield* get("/en/?sdgGoal=99")).html, /sdgGoal: Expected an SDG goal number from 1 to 17/)
        const missing = yield* get("/en/partnerships/%3Cscript%3E")
        assert.strictEqual(missing.status, 404)
        assert.match(missing.html, /&lt;script&gt;/)
        // what browsers ask for on their own: no icon, and no 404 for the console
        const icon = yield* get("/favicon.ico")
        assert.deepStrictEqual([icon.status, icon.html], [204, ""])
      }))
  })

  describe(`one partnership (${storeName} store)`, () => {
    it.effect("found, or 404 with the kind and id (also for one not public yet)", () =>
      Effect.gen(function*() {
        const api = yield* client
        const p = yield* api.partnerships.get({ params: { id: falun } })
        assert.strictEqual(p.status, "admitted")
        const internal = yield* api.partnerships.get({ params: { id: lund } }).pipe(Effect.flip)
        assert.strictEqual(internal._tag, "NotFound")
        const missing = yield* api.partnerships.get({ params: { id: "nowhere" as Ids.PartnershipId } }).pipe(Effect.flip)
        assert.strictEqual(missing._tag, "NotFound")
        const { handler } = yield* rawHandler(false)
        const raw = yield* fetchJson(handler, "/api/partnerships/nowhere")
        assert.deepStrictEqual(raw, { status: 404, body: { _tag: "NotFound", kind: "partnership", id: "nowhere" } })
      }).pipe(Effect.provide(handlers(false))))

    it.effect("its change log a page at a time, without actors; 404 for an unknown or internal id", () =>
      Effect.gen(function*() {
        const api = yield* client
        const history = yield* api.partnerships.history({ params: { id: falun }, query: {} })
        const total = history.total
        assert.strictEqual(history.items.at(-1)?.statusAfter, "admitted")
        assert.deepStrictEqual(history.items.map((h) => h.version), Array.from({ length: total }, (_, i) => i + 1))
        assert.strictEqual(history.next, undefined)
        assert.isTrue(history.items.every((h) => !("actor" in h)))
        const { handler } = yield* rawHandler(false)
        assert.strictEqual((yield* fetchJson(handler, `/api/partnerships/${falun}/history?limit=201`)).status, 400)
        const paged = yield* fetchJson(handler, `/api/partnerships/${falun}/history?limit=1&offset=1`)
        assert.deepStrictEqual([paged.status, paged.body.items.length, paged.body.total, paged.body.next], [
          200,
          Math.min(1, total - 1),
          total,
          total > 2 ? 2 : undefined
        ])
        yield* api.partnerships.command(command({ _tag: "Apply" }, 1))
        const internal = yield* api.partnerships.history({ params: { id: lund }, query: {} }).pipe(Effect.flip)
        assert.strictEqual(internal._tag, "NotFound")
        const missing = yield* api.partnerships.history({ params: { id: "nowhere" as Ids.PartnershipId }, query: {} }).pipe(Effect.flip)
        assert.strictEqual(missing._tag, "NotFound")
      }).pipe(Effect.provide(handlers(true))))
  })

  describe(`commands (${storeName} store)`, () => {
    it.effect("runs a command and returns the next version", () =>
      Effect.gen(function*() {
        const api = yield* client
        const applied = yield* api.partnerships.command(command({ _tag: "Apply" }, 1))
        assert.instanceOf(applied, Partnership.Partnership)
        assert.strictEqual(applied.status, "applied")
        assert.strictEqual(applied.version, 2)
      }).pipe(Effect.provide(handlers(true))))

    it.effect("422 with the subject and every violation when core refuses", () =>
      Effect.gen(function*() {
        const api = yield* client
        yield* api.partnerships.command(command({ _tag: "Apply" }, 1))
        const refused = yield* api.partnerships.command(command({ _tag: "Admit", network }, 2)).pipe(Effect.flip)
        assert.strictEqual(refused._tag, "Refused")
        if (refused._tag !== "Refused") return
        assert.strictEqual(refused.refusal, "TransitionRefused")
        assert.deepStrictEqual(refused.subject, { kind: "partnership", id: lund })
        assert.deepStrictEqual(refused.violations.map((v) => v.rule), ["application-assessment"])
        assert.match(refused.violations[0].text.sv, /godkänd bedömning av ansökan/)
        assert.match(refused.violations[0].text.en, /approved application assessment/)
        assert.match(refused.explanation.en, /^partnership lund-francistown: decisions: Missing an approved application assessment/)

        const { handler } = yield* rawHandler(true)
        const raw = yield* fetchJson(
          handler,
          `/api/partnerships/${lund}/commands`,
          post({ command: { _tag: "Conclude" }, actor, reason: "Test", expectedVersion: 1 })
        )
        assert.strictEqual(raw.status, 422)
        assert.strictEqual(raw.body._tag, "Refused")
        assert.deepStrictEqual(raw.body.subject, { kind: "partnership", id: lund })
        assert.deepStrictEqual(raw.body.violations.map((v: { field: string; rule: string; value: string }) => [v.field, v.rule, v.value]), [
          ["status", "status", "interest-registered"]
        ])
      }).pipe(Effect.provide(handlers(true))))

    it.effect("409 on a stale expectedVersion, and nothing is written", () =>
      Effect.gen(function*() {
        const api = yield* client
        yield* api.partnerships.command(command({ _tag: "Apply" }, 1))
        const conflict = yield* api.partnerships.command(command({ _tag: "Withdraw" }, 1)).pipe(Effect.flip)
        assert.strictEqual(conflict._tag, "VersionConflict")
        if (conflict._tag !== "VersionConflict") return
        assert.strictEqual(conflict.expected, 1)
        assert.strictEqual(conflict.actual, 2)
        // nothing was written: the stored version is still 2
        const withdrawn = yield* api.partnerships.command(command({ _tag: "Withdraw" }, 2))
        assert.deepStrictEqual([withdrawn.status, withdrawn.version], ["withdrawn", 3])
      }).pipe(Effect.provide(handlers(true))))

    it.effect("400 with field paths on a bad body; expectedVersion is required", () =>
      Effect.gen(function*() {
        const { handler } = yield* rawHandler(true)
        const url = `/api/partnerships/${lund}/commands`
        const bad = yield* fetchJson(handler, url, post({ command: { _tag: "Admit" }, actor: " x", reason: "" }))
        assert.strictEqual(bad.status, 400)
        assert.deepStrictEqual(bad.body.subject, { kind: "body" })
        assert.deepStrictEqual(bad.body.violations.map((v: { field: string }) => v.field).sort(), [
          "actor",
          "command.network",
          "expectedVersion",
          "reason"
        ])
        const notJson = yield* fetchJson(handler, url, { ...post(null), body: "{not json" })
        assert.strictEqual(notJson.status, 400)
        assert.strictEqual(notJson.body.violations[0].value, "{not json")
      }))

    it.effect("403 when writes are switched off, before the body is read", () =>
      Effect.gen(function*() {
        const api = yield* client
        const refused = yield* api.partnerships.command(command({ _tag: "Apply" }, 1)).pipe(Effect.flip)
        assert.strictEqual(refused._tag, "WriteDisabled")
        const { handler } = yield* rawHandler(false)
        const raw = yield* fetchJson(handler, `/api/partnerships/${lund}/commands`, post({ nonsense: true }))
        assert.strictEqual(raw.status, 403)
        assert.strictEqual(raw.body._tag, "WriteDisabled")
      }).pipe(Effect.provide(handlers(false))))
  })

  describe(`SDG catalogue (${storeName} store)`, () => {
    it.effect("goals in the language asked for, targets falling back to English", () =>
      Effect.gen(function*() {
        const api = yield* client
        const goals = yield* api.sdg.goals({ query: { lang: "sv" } })
        assert.strictEqual(goals.length, 17)
        const ten = goals[9]!
        assert.deepStrictEqual(ten.label, { text: "10 – Minskad ojämlikhet", lang: "sv", fallback: false })
        assert.isTrue(ten.targets.every((t) => t.title.lang === "en" && t.title.fallback))
        const hits = yield* api.sdg.search({ query: { q: "ojämlikhet" } })
        assert.deepStrictEqual(hits[0], { kind: "goal", number: ten.number, label: ten.label })
      }).pipe(Effect.provide(handlers(false))))
  })

}

describe("the real server", () => {
  it.effect("serves the pages and the API over loopback on port 0", () =>
    Effect.gen(function*() {
      const server = yield* HttpServer.HttpServer
      const address = server.address
      assert.strictEqual(address._tag, "InetAddressV4")
      if (address._tag !== "InetAddressV4") return
      const base = `http://127.0.0.1:${address.port}`
      const page = yield* Effect.promise(() => fetch(`${base}/en/partnerships/${falun}`))
      assert.strictEqual(page.status, 200)
      const html = yield* Effect.promise(() => page.text())
      assert.match(html, /<html lang="en">/)
      assert.match(html, /Falun Municipality/)
      assert.match(page.headers.get("content-security-policy") ?? "", /default-src 'none'/)
      const api = yield* Effect.promise(() => fetch(`${base}/api/partnerships?text=falu`).then((r) => r.json() as Promise<any>))
      assert.deepStrictEqual(api.items.map((p: { id: string }) => p.id), [falun])
    }).pipe(
      Effect.provide(Server.layer({ port: 0, host: "127.0.0.1", store: Store.layerMemory, write: false, logLevel: "Warn" })),
      Effect.scoped
    ))
})
