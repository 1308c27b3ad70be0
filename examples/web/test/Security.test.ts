/**
 * The front door's refusals, each tried: cross-site and typeless writes, bodies of 10 MB and
 * 100 MB (refused before they are read), a 100 000-deep JSON body, XSS payloads through the
 * forms, the form rate limit, a raw UTF-8 request line, and the security headers on every
 * answer (200, 400, 403, 404, 413, 415, 429, 500). Body limits are tried on the real Node
 * server over loopback; the rest through the Fetch handler of every route.
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer } from "effect"
import { HttpRouter, HttpServer } from "effect/http"
import * as NetAddress from "effect/net/NetAddress"
import { connect } from "node:net"
import { brotliDecompressSync } from "node:zlib"
import * as Cache from "../src/Cache.ts"
import * as Guard from "../src/Guard.ts"
import { WriteAccess } from "../src/Http.ts"
import * as RequestLog from "../src/RequestLog.ts"
import * as Server from "../src/Server.ts"
import * as Fixtures from "./fixtures.ts"

const falun = "falun-mr-2020"

type Fetch = (path: string, init?: RequestInit) => Effect.Effect<Response>

const handlerOf = (write: boolean, guard: Guard.Options = {}, extra: Layer.Layer<never, never, HttpRouter.HttpRouter> = Layer.empty as never) =>
  Effect.acquireRelease(
    Effect.sync(() =>
      HttpRouter.toWebHandler(
        Layer.mergeAll(Server.routes({ logLevel: "Warn", ...guard }), extra).pipe(
          Layer.provideMerge(Layer.mergeAll(Fixtures.store, WriteAccess.layer(write), HttpServer.layerServices, Cache.SiteVersion.layer))
        ),
        { disableLogger: true }
      )
    ),
    ({ dispose }) => Effect.promise(dispose)
  ).pipe(Effect.map(({ handler }): Fetch => (path, init) => Effect.promise(() => handler(new Request(`http://localhost${path}`, init)))))

const text = (r: Response) => Effect.promise(() => r.text())
const json = (r: Response) => Effect.promise(() => r.json() as Promise<Record<string, any>>)

const assertHeaders = (response: Response, what: string) => {
  for (const [name, value] of Object.entries(Guard.securityHeaders)) {
    assert.strictEqual(response.headers.get(name), value, `${what}: ${name}`)
  }
}

const command = (expectedVersion: number) => JSON.stringify({ command: { _tag: "Withdraw" }, actor: "icld-officer", reason: "Test", expectedVersion })

const formPost = (fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
  body: new URLSearchParams(fields).toString()
})

const interestFields = (overrides: Record<string, string> = {}) => ({
  programme: "icld-mr-2020",
  "applicant.kind": "municipality",
  "applicant.name": "Ystads kommun",
  "contact.name": "Anna Andersson",
  "contact.email": "anna@example.se",
  challenge: "Delaktighet för unga",
  focusArea: "young-people",
  consent: "yes",
  ...overrides
})

describe("writes from elsewhere", () => {
  it.effect("a cross-site typeless POST is refused (403) and changes nothing; from this site, typeless is 415", () =>
    Effect.gen(function*() {
      const fetch = yield* handlerOf(true)
      const url = `/api/partnerships/${falun}/commands`
      const { version } = yield* json(yield* fetch(`/api/partnerships/${falun}`))
      // what a page on another site can send without a preflight: a Blob without a type
      const crossSite = yield* fetch(url, { method: "POST", body: new Blob([command(version)]), headers: { origin: "http://evil.example", "sec-fetch-site": "cross-site" } })
      assert.strictEqual(crossSite.status, 403)
      assert.strictEqual((yield* json(crossSite))._tag, "CrossSiteRequest")
      assertHeaders(crossSite, "403")
      // an older browser without Fetch Metadata: the Origin decides
      const byOrigin = yield* fetch(url, { method: "POST", body: command(version), headers: { "content-type": "application/json", origin: "http://evil.example" } })
      assert.strictEqual(byOrigin.status, 403)
      const typeless = yield* fetch(url, { method: "POST", body: new Blob([command(version)]) })
      assert.strictEqual(typeless.status, 415)
      assert.strictEqual((yield* json(typeless))._tag, "UnsupportedMediaType")
      const textPlain = yield* fetch(url, { method: "POST", body: command(version), headers: { "content-type": "text/plain" } })
      assert.strictEqual(textPlain.status, 415)
      const still = yield* json(yield* fetch(`/api/partnerships/${falun}`))
      assert.deepStrictEqual([still.status, still.version], ["admitted", version])
      // the same command, properly sent from this site, goes through
      const ok = yield* fetch(url, { method: "POST", body: command(version), headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" } })
      assert.strictEqual(ok.status, 200)
      assert.strictEqual((yield* json(ok)).status, "withdrawn")
    }).pipe(Effect.scoped))

  it.effect("a public form posted from another site is refused; a JSON post to a form is 415", () =>
    Effect.gen(function*() {
      const fetch = yield* handlerOf(false)
      const cross = yield* fetch("/sv/interest", formPost(interestFields(), { "sec-fetch-site": "cross-site" }))
      assert.strictEqual(cross.status, 403)
      assert.match(yield* text(cross), /Förfrågan kom från en annan webbplats/)
      const sameSite = yield* fetch("/en/interest", formPost(interestFields(), { "sec-fetch-site": "same-site" }))
      assert.strictEqual(sameSite.status, 403)
      assert.match(yield* text(sameSite), /<html lang="en">[\s\S]*The request came from another site/)
      const asJson = yield* fetch("/sv/interest", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })
      assert.strictEqual(asJson.status, 415)
      // nothing was stored: the organisation can still express interest
      const ok = yield* fetch("/sv/interest", formPost(interestFields(), { "sec-fetch-site": "same-origin", origin: "http://localhost" }))
      assert.strictEqual(ok.status, 200)
      assert.match(yield* text(ok), /Tack för er intresseanmälan/)
    }).pipe(Effect.scoped))
})

/** Sends a request head announcing `length` bytes (or chunked), then writes the body until the server answers. */
const flood = (port: number, path: string, length: number | "chunked", total: number) =>
  new Promise<{ status: string; sentBeforeAnswer: number }>((resolve, reject) => {
    const socket = connect(port, "127.0.0.1")
    let sent = 0
    let answered = false
    const chunk = Buffer.alloc(256 * 1024, "[")
    socket.on("connect", () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n${
          length === "chunked" ? "transfer-encoding: chunked" : `content-length: ${length}`
        }\r\n\r\n`
      )
      const pump = () => {
        while (!answered && sent < total) {
          const piece = length === "chunked" ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]) : chunk
          sent += chunk.length
          if (!socket.write(piece)) return void socket.once("drain", pump)
        }
      }
      pump()
    })
    let head = ""
    socket.on("data", (d: Buffer) => {
      if (answered) return
      head += d.toString("latin1")
      if (head.includes("\r\n")) {
        answered = true
        resolve({ status: head.slice(9, 12), sentBeforeAnswer: sent })
        socket.destroy()
      }
    })
    socket.on("error", (e) => (answered ? undefined : reject(e)))
  })

describe("the real server", () => {
  it.effect("10 MB and 100 MB bodies are refused before they are read (413), memory stays flat", () =>
    Effect.gen(function*() {
      const address = (yield* HttpServer.HttpServer).address
      if (address._tag !== "InetAddressV4") return assert.fail(address._tag)
      // loopback unless HOST says otherwise
      assert.strictEqual(NetAddress.formatIp(address.address), "127.0.0.1")
      const path = `/api/partnerships/${falun}/commands`
      global.gc?.()
      const rss0 = process.memoryUsage().rss
      for (const mb of [10, 100]) {
        const r = yield* Effect.promise(() => flood(address.port, path, mb * 1024 * 1024, mb * 1024 * 1024))
        assert.strictEqual(r.status, "413", `${mb} MB`)
        // answered on the head alone: at most what the socket buffers took before the answer came
        assert.isBelow(r.sentBeforeAnswer, 16 * 1024 * 1024, `${mb} MB: sent before the answer`)
      }
      // no Content-Length: read up to 64 KiB, then cut
      const chunked = yield* Effect.promise(() => flood(address.port, path, "chunked", 10 * 1024 * 1024))
      assert.strictEqual(chunked.status, "413")
      const grown = (process.memoryUsage().rss - rss0) / 1024 / 1024
      assert.isBelow(grown, 64, `RSS grew by ${grown.toFixed(1)} MB`)
      // and the server still answers
      const ok = yield* Effect.promise(() => fetch(`http://127.0.0.1:${address.port}/api/partnerships?limit=1`))
      assert.strictEqual(ok.status, 200)
    }).pipe(Effect.provide(Server.layer({ port: 0, store: Fixtures.store, write: true, logLevel: "None" })), Effect.scoped), { timeout: 60_000 })

  it.effect("a raw UTF-8 request line gets a 308 to the encoded address, with the headers", () =>
    Effect.gen(function*() {
      const address = (yield* HttpServer.HttpServer).address
      if (address._tag !== "InetAddressV4") return assert.fail(address._tag)
      const answer = yield* Effect.promise(() =>
        new Promise<string>((resolve, reject) => {
          const socket = connect(address.port, "127.0.0.1", () =>
            socket.write(Buffer.concat([Buffer.from("GET /api/sdg/search?q=oj"), Buffer.from("ä", "utf8"), Buffer.from("mlikhet HTTP/1.1\r\nhost: x\r\n\r\n")])))
          let data = ""
          socket.on("data", (d: Buffer) => (data += d.toString("utf8")))
          socket.on("end", () => resolve(data))
          socket.on("error", reject)
        })
      )
      assert.match(answer, /^HTTP\/1\.1 308/)
      assert.match(answer, /\r\nlocation: \/api\/sdg\/search\?q=oj%C3%A4mlikhet\r\n/)
      assert.match(answer, /\r\ncontent-security-policy: default-src 'none'/)
      const followed = yield* Effect.promise(() => fetch(`http://127.0.0.1:${address.port}/api/sdg/search?q=oj%C3%A4mlikhet`).then((r) => r.json() as Promise<Array<any>>))
      assert.strictEqual(followed[0].number, 10)
    }).pipe(Effect.provide(Server.layer({ port: 0, store: Fixtures.store, write: false, logLevel: "None" })), Effect.scoped))
})

describe("bodies", () => {
  it.effect("deep JSON is a 400 before it is parsed (30 000 levels, 33 levels); 100 000 levels is over the body limit (413)", () =>
    Effect.gen(function*() {
      for (const write of [true, false]) {
        const fetch = yield* handlerOf(write)
        const url = `/api/partnerships/${falun}/commands`
        const deep = "[".repeat(100_000) + "]".repeat(100_000)
        // 30 000 levels fit in the 64 KiB limit
        const r = yield* fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "[".repeat(30_000) + "]".repeat(30_000) })
        assert.strictEqual(r.status, 400, `write ${write}`)
        assert.strictEqual((yield* json(r))._tag, "JsonTooDeep")
        const deep33 = `{"command":${"[".repeat(33)}${"]".repeat(33)}}`
        const r33 = yield* fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: deep33 })
        assert.strictEqual(r33.status, 400)
        const big = yield* fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: deep })
        assert.strictEqual(big.status, 413)
        assertHeaders(big, "413")
      }
      // strings holding brackets do not count
      assert.isFalse(Guard.jsonDepthExceeds(JSON.stringify({ reason: "[[[[[[[[[[".repeat(10) }), 32))
      assert.isTrue(Guard.jsonDepthExceeds("[".repeat(33), 32))
    }).pipe(Effect.scoped))

  it.effect("free-text fields are bounded: a 1 001-character reason is a 400", () =>
    Effect.gen(function*() {
      const fetch = yield* handlerOf(true)
      const { version } = yield* json(yield* fetch(`/api/partnerships/${falun}`))
      const r = yield* fetch(`/api/partnerships/${falun}/commands`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ command: { _tag: "Withdraw" }, actor: "icld-officer", reason: "x".repeat(1001), expectedVersion: version })
      })
      assert.strictEqual(r.status, 400)
      assert.deepStrictEqual((yield* json(r)).violations.map((v: { field: string }) => v.field), ["reason"])
      const long = yield* fetch("/en/interest", formPost(interestFields({ "applicant.name": "L".repeat(201), challenge: "c".repeat(2001) })))
      assert.strictEqual(long.status, 400)
      const page = yield* text(long)
      assert.match(page, /id="int-applicant-name-error">At most 200 characters/)
      assert.match(page, /id="int-challenge-error">At most 2000 characters/)
    }).pipe(Effect.scoped))
})

describe("XSS", () => {
  it.effect("payloads sent through the forms come back escaped, never as markup", () =>
    Effect.gen(function*() {
      const fetch = yield* handlerOf(false)
      const payload = `"><script>alert(1)</script><img src=x onerror=alert(2)>`
      // invalid (no consent): the form comes back with the values
      const again = yield* fetch("/sv/interest", formPost(interestFields({ "applicant.name": payload, "contact.name": payload, challenge: payload, consent: "" })))
      assert.strictEqual(again.status, 400)
      const html = yield* text(again)
      assert.notInclude(html, "<script")
      assert.notInclude(html, "<img")
      assert.include(html, "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
      // valid: the confirmation names the organisation, escaped
      const done = yield* fetch("/sv/interest", formPost(interestFields({ "applicant.name": `Ystad ${payload}` })))
      assert.strictEqual(done.status, 200)
      const confirmation = yield* text(done)
      assert.notInclude(confirmation, "<script")
      assert.include(confirmation, "&lt;script&gt;")
      // registration too
      const reg = yield* fetch(`/en/events/${Fixtures.openEvent}/register`, formPost({ name: payload, email: "not-an-email", consent: "yes" }))
      assert.strictEqual(reg.status, 400)
      const regHtml = yield* text(reg)
      assert.notInclude(regHtml, "<script")
      assert.match(regHtml, /id="reg-email-error">Expected an e-mail address/)
      // the contact person never appears on a public page or in the API
      for (const path of ["/sv/", "/api/partnerships?limit=500", "/downloads/catalogue.sv.csv", "/downloads/activities.xml"]) {
        assert.notInclude(yield* text(yield* fetch(path)), "Anna Andersson", path)
      }
    }).pipe(Effect.scoped))
})

describe("rate limit", () => {
  it.effect("the public forms take max posts per client and window, then 429 with Retry-After", () =>
    Effect.gen(function*() {
      const fetch = yield* handlerOf(false, { formRate: { max: 3, windowMs: 60_000 } })
      for (let i = 0; i < 3; i++) {
        const r = yield* fetch("/sv/interest", formPost({ consent: "" }))
        assert.strictEqual(r.status, 400, `post ${i + 1}`)
      }
      const limited = yield* fetch(`/sv/events/${Fixtures.openEvent}/register`, formPost({ name: "A", email: "a@example.se", consent: "yes" }))
      assert.strictEqual(limited.status, 429)
      assert.match(limited.headers.get("retry-after") ?? "", /^\d+$/)
      assertHeaders(limited, "429")
      assert.match(yield* text(limited), /För många försök/)
      // reading still works
      assert.strictEqual((yield* fetch("/sv/")).status, 200)
      // and nobody was registered by the refused post
      const event = yield* text(yield* fetch(`/sv/events/${Fixtures.openEvent}`))
      assert.match(event, /0 av 1 bokade/)
    }).pipe(Effect.scoped))

  it("a sliding window per key, bounded in memory", () => {
    const limit = Guard.rateLimiter(2, 1000, 3)
    assert.isTrue(limit("a", 0).allowed)
    assert.isTrue(limit("a", 10).allowed)
    assert.deepStrictEqual(limit("a", 20), { allowed: false, retryAfter: 1 })
    assert.isTrue(limit("a", 1001).allowed)
    for (const k of ["b", "c", "d", "e"]) assert.isTrue(limit(k, 1500).allowed)
  })
})

describe("headers and error pages", () => {
  it.effect("every answer carries the security headers: 200, 400, 404 (page and API), 500", () =>
    Effect.gen(function*() {
      const boom = HttpRouter.add("GET", "/en/boom", () => Effect.die(new Error("boom")))
      const fetch = yield* handlerOf(false, {}, boom)
      const cases = [
        ["/sv/", 200],
        ["/sv/?utm_source=nyhetsbrev&fbclid=abc", 200],
        ["/sv/?sdgGoal=99", 400],
        ["/sv/?page=0", 400],
        ["/en/no-such-page", 404],
        ["/api/nothing-here", 404],
        ["/api/partnerships?stauts=x", 400],
        ["/en/boom", 500],
        ["/docs", 200]
      ] as const
      for (const [path, status] of cases) {
        const r = yield* fetch(path)
        assert.strictEqual(r.status, status, path)
        assertHeaders(r, path)
      }
      const notFound = yield* text(yield* fetch("/en/no-such-page"))
      assert.match(notFound, /<html lang="en">[\s\S]*<h1>Page not found<\/h1>/)
      const sv404 = yield* text(yield* fetch("/sv/finns-inte"))
      assert.match(sv404, /<html lang="sv">[\s\S]*<h1>Sidan finns inte<\/h1>/)
      const bad = yield* text(yield* fetch("/sv/?sdgGoal=99"))
      assert.match(bad, /<h1>Felaktig sökning<\/h1>[\s\S]*sdgGoal: Förväntade numret på ett globalt mål/)
      const server = yield* text(yield* fetch("/en/boom"))
      assert.match(server, /<h1>Something went wrong<\/h1>/)
      // the cause is logged, not shown
      assert.notInclude(server, "Error: boom")
      const api404 = yield* json(yield* fetch("/api/nothing-here"))
      assert.strictEqual(api404._tag, "RouteNotFound")
    }).pipe(Effect.scoped))

  it.effect("answers are kept per store version, compressed, and a write makes them fresh", () =>
    Effect.gen(function*() {
      const fetch = yield* handlerOf(false)
      const first = yield* fetch(`/sv/events/${Fixtures.openEvent}`, { headers: { "accept-encoding": "br" } })
      assert.strictEqual(first.headers.get("content-encoding"), "br")
      assert.strictEqual(first.headers.get("vary"), "accept-encoding")
      const body = yield* Effect.promise(() => first.arrayBuffer())
      assert.match(brotliDecompressSync(Buffer.from(body)).toString("utf8"), /0 av 1 bokade/)
      const reg = yield* fetch(`/sv/events/${Fixtures.openEvent}/register`, formPost({ name: "Bo", email: "bo@example.se", consent: "yes" }))
      assert.strictEqual(reg.status, 200)
      assert.strictEqual(reg.headers.get("cache-control"), "no-store")
      assert.match(yield* text(yield* fetch(`/sv/events/${Fixtures.openEvent}`)), /1 av 1 bokade/)
    }).pipe(Effect.scoped))
})

describe("request log", () => {
  it("one line per request; 5xx at Error; the level filters", () => {
    const lines: Array<string> = []
    const info = RequestLog.make("Info", (t) => lines.push(...t.trimEnd().split("\n")))
    info.request("GET", "/sv/", 200, 1.23, true)
    info.request("POST", "/sv/interest", 500, 4, false, "Error: boom\nat x")
    info.flush()
    assert.strictEqual(lines.length, 2)
    assert.match(lines[0]!, /^\d{4}-\d\d-\d\dT[\d:.]+Z INFO GET \/sv\/ 200 1\.2ms cached$/)
    assert.match(lines[1]!, /ERROR POST \/sv\/interest 500 4\.0ms Error: boom at x$/)
    const warn: Array<string> = []
    const quiet = RequestLog.make("Warn", (t) => warn.push(t))
    quiet.request("GET", "/", 200, 1, false)
    quiet.request("GET", "/", 503, 1, false)
    quiet.flush()
    assert.strictEqual(warn.join("").trimEnd().split("\n").length, 1)
  })
})
