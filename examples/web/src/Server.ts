/**
 * The whole app as one layer: the API, `/openapi.json`, `/docs`, the pages and forms, behind
 * the front door (`Guard.ts`: limits, CSRF refusal, rate limit, cache, security headers, error
 * pages, one log line per request), served by Node's HTTP server on 127.0.0.1 unless told
 * otherwise. `main.ts` runs it with settings from the environment; tests run it on port 0.
 */
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import { Effect, Layer } from "effect"
import type * as LogLevel from "effect/LogLevel"
import { HttpRouter, HttpServerResponse } from "effect/http"
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { Duplex } from "node:stream"
import * as Cache from "./Cache.ts"
import * as Guard from "./Guard.ts"
import { ApiRoutes, WriteAccess } from "./Http.ts"
import { PageRoutes } from "./Pages.ts"
import { DocsRoutes } from "./Reference.ts"
import * as RequestLog from "./RequestLog.ts"
import type * as Store from "./Store.ts"
import type { DocumentStore } from "@localrights/core"

/**
 * `/favicon.ico`, which browsers ask for on their own: "no icon" (204) rather than a 404 that
 * every page would log as a failed resource.
 */
const NoFavicon = HttpRouter.add(
  "GET",
  "/favicon.ico",
  HttpServerResponse.empty({ status: 204, headers: { "cache-control": "public, max-age=86400" } })
)

/** Every route: API, OpenAPI document, docs page, pages and forms. */
export const AllRoutes = Layer.mergeAll(ApiRoutes, DocsRoutes, PageRoutes, NoFavicon)

/** Every route behind the front door. Needs the stores, {@link WriteAccess} and {@link Cache.SiteVersion}. */
export const routes = (guard: Guard.Options = {}, shared?: Guard.Shared) => Layer.mergeAll(AllRoutes, Guard.layer(guard, shared))

/** {@link routes} with the default limits. */
export const Routes = routes()

const headerLines = (headers: Readonly<Record<string, string>>) =>
  Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join("")

/**
 * Answers a request Node's parser refused, with the security headers. A request line with raw
 * UTF-8 (`curl '…/api/sdg/search?q=ojämlikhet'`, which curl sends unencoded) gets a 308 to the
 * same address percent-encoded (`?q=oj%C3%A4mlikhet`), so `curl -L` and any client that
 * follows redirects get their answer; other parse errors get a 400 (431 for headers too large,
 * 408 for a timeout), all in both languages.
 */
export const onClientError = (error: Error & { readonly code?: string; readonly rawPacket?: Buffer }, socket: Duplex): void => {
  if (!socket.writable || error.code === "ECONNRESET") {
    socket.destroy()
    return
  }
  const send = (status: string, body: string, extra: Readonly<Record<string, string>> = {}) => {
    const bytes = Buffer.from(body, "utf8")
    socket.end(
      `HTTP/1.1 ${status}\r\n${
        headerLines({ ...Guard.securityHeaders, ...extra, "content-type": "text/plain; charset=utf-8", "content-length": String(bytes.length), connection: "close" })
      }\r\n` + bytes.toString("latin1"),
      "latin1"
    )
  }
  if (error.code === "HPE_HEADER_OVERFLOW") return send("431 Request Header Fields Too Large", "För stora huvuden.\nRequest headers too large.\n")
  if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") return send("408 Request Timeout", "Förfrågan tog för lång tid.\nThe request took too long.\n")
  const line = /^(GET|HEAD) (\/[^ \r\n]*) HTTP\/1\.[01]\r\n/.exec(error.rawPacket?.toString("latin1") ?? "")
  if (error.code === "HPE_INVALID_URL" && line !== null) {
    // percent-encode every byte outside printable ASCII; what remains must be a valid target
    const target = line[2]!.replace(/[^\x21-\x7e]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`)
    if (target !== line[2] && /^\/[\x21-\x7e]*$/.test(target)) {
      return send("308 Permanent Redirect", `Tecken utanför ASCII ska kodas i adressen; samma adress kodad:\nNon-ASCII characters must be percent-encoded; the same address, encoded:\n${target}\n`, {
        location: target
      })
    }
  }
  send("400 Bad Request", "Förfrågan kunde inte tolkas.\nThe request could not be parsed.\n")
}

/**
 * Node's HTTP server with timeouts and {@link onClientError}, and the fast path: a GET whose
 * answer the front door has kept for the current store version is sent from the cache right
 * here (the same bytes and headers the middleware would send, compressed as asked), without
 * entering the Effect runtime; anything else goes on to the app.
 */
const nodeServer = (version: Cache.SiteVersion["Service"], shared: Guard.Shared) => (): Server => {
  const server = createServer({ requestTimeout: 30_000, headersTimeout: 10_000 })
  server.on("clientError", onClientError)
  const emit = server.emit.bind(server) as (event: string, ...args: Array<unknown>) => boolean
  server.emit = ((event: string, ...args: Array<unknown>): boolean => {
    if (event === "request") {
      const req = args[0] as IncomingMessage
      if (server.listenerCount("request") === 0) {
        // listening, but the app is still starting (the store is opened and seeded after the
        // socket is bound): say so instead of leaving the request unanswered
        const res = args[1] as ServerResponse
        const body = "Servern startar; försök igen om en sekund.\nThe server is starting; try again in a second.\n"
        res.writeHead(503, { ...Guard.securityHeaders, "content-type": "text/plain; charset=utf-8", "retry-after": "1", "content-length": Buffer.byteLength(body) })
        res.end(body)
        return true
      }
      if (req.method === "GET") {
        const started = performance.now()
        const hit = shared.cache.get(`GET ${req.url}`, version.current(), Date.now())
        if (hit !== undefined) {
          const res = args[1] as ServerResponse
          const { body, raw } = Cache.bodyFor(hit, req.headers["accept-encoding"])
          res.writeHead(hit.status, raw)
          res.end(body)
          const url = req.url ?? "/"
          const q = url.indexOf("?")
          shared.log.request("GET", q < 0 ? url : url.slice(0, q), hit.status, performance.now() - started, true)
          return true
        }
      }
    }
    return emit(event, ...args)
  }) as typeof server.emit
  return server
}

/** What the server needs to know. */
export interface Options {
  /** The port (0: any free port). */
  readonly port: number
  /** The stores: `Store.layerSqlite(file)`, `Store.layerPostgres(url)` or `Store.layerMemory`. */
  readonly store: Layer.Layer<Store.Services, DocumentStore.StoreError>
  /** Whether lifecycle commands are accepted. */
  readonly write: boolean
  /** Bind address (default 127.0.0.1: loopback only). */
  readonly host?: string | undefined
  /** Limits of the front door (body size, JSON depth, form rate, cache lifetime). */
  readonly guard?: Guard.Options | undefined
  /** The lowest log level (default Info: one line per request). */
  readonly logLevel?: LogLevel.LogLevel | undefined
}

/** The server as a layer: it listens while the layer is alive. */
export const layer = (options: Options) =>
  Layer.unwrap(Effect.sync(() => {
    const level = options.logLevel ?? "Info"
    const version = Cache.makeVersion()
    const shared: Guard.Shared = { cache: Cache.make(), log: RequestLog.make(level) }
    return HttpRouter.serve(routes(options.guard, shared), { disableLogger: true }).pipe(
      Layer.provide([options.store, WriteAccess.layer(options.write), Layer.succeed(Cache.SiteVersion, version)]),
      Layer.provideMerge(NodeHttpServer.layer(nodeServer(version, shared), {
        port: options.port,
        host: options.host ?? "127.0.0.1"
      })),
      Layer.provide(Layer.effectDiscard(Effect.addFinalizer(() => Effect.sync(shared.log.flush)))),
      Layer.provide(Guard.logLevel(level))
    )
  }))
