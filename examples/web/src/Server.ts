/**
 * The whole app as one layer: the API, `/openapi.json`, `/docs`, the pages and security
 * headers, served by Node's HTTP server. `main.ts` runs it with settings from the environment;
 * tests run it on port 0.
 */
import * as NodeHttpServer from "@effect/platform-node/NodeHttpServer"
import { Effect, Layer } from "effect"
import { HttpRouter, HttpServerRequest, HttpServerResponse } from "effect/http"
import { createServer } from "node:http"
import { ApiRoutes, DocsRoute, WriteAccess } from "./Http.ts"
import { PageRoutes } from "./Pages.ts"
import * as Store from "./Store.ts"

/**
 * Content-Security-Policy: the pages and the API load nothing at all from elsewhere; `/docs`
 * runs Scalar's inline script and may call this server only (`connect-src 'self'`).
 */
const policies = {
  docs: "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  default: "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
} as const

/** Security headers on every response. */
export const SecurityHeaders = HttpRouter.middleware(
  (httpEffect) =>
    Effect.gen(function*() {
      const request = yield* HttpServerRequest.HttpServerRequest
      const response = yield* httpEffect
      const path = new URL(request.url, "http://localhost").pathname
      return HttpServerResponse.setHeaders(response, {
        "content-security-policy": path === "/docs" ? policies.docs : policies.default,
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer"
      })
    }),
  { global: true }
)

/**
 * `/favicon.ico`, which browsers ask for on their own: "no icon" (204) rather than a 404 that
 * every page would log as a failed resource.
 */
const NoFavicon = HttpRouter.add(
  "GET",
  "/favicon.ico",
  HttpServerResponse.empty({ status: 204, headers: { "cache-control": "public, max-age=86400" } })
)

/** Every route: API, OpenAPI document, docs page, HTML pages, with the security headers. */
export const Routes = Layer.mergeAll(ApiRoutes, DocsRoute, PageRoutes, NoFavicon, SecurityHeaders)

/** What the server needs to know. */
export interface Options {
  /** The port (0: any free port). */
  readonly port: number
  /** The stores: `Store.layerSqlite(file)` or `Store.layerMemory`. */
  readonly store: typeof Store.layerMemory | ReturnType<typeof Store.layerSqlite>
  /** Whether lifecycle commands are accepted. */
  readonly write: boolean
  /** Bind address (default: all interfaces). */
  readonly host?: string | undefined
}

/** The server as a layer: it listens while the layer is alive. */
export const layer = (options: Options) =>
  HttpRouter.serve(Routes).pipe(
    Layer.provide([options.store, WriteAccess.layer(options.write)]),
    Layer.provideMerge(NodeHttpServer.layer(createServer, {
      port: options.port,
      ...(options.host === undefined ? {} : { host: options.host })
    }))
  )
