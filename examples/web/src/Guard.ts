/**
 * The front door: one global middleware every request passes, known route or not.
 *
 * - **Writes** (any method but GET and HEAD) are refused before the body is read when they come
 *   from another site (`Sec-Fetch-Site`, else `Origin`: 403), announce a body over the limit
 *   (`Content-Length`: 413), or carry another Content-Type than the route declares
 *   (`application/json` under `/api/`, `application/x-www-form-urlencoded` for the forms: 415).
 *   A body without `Content-Length` (chunked) is read up to the limit and cut there (413). A
 *   JSON body nested deeper than the limit is refused with 400 before it is parsed. Public
 *   forms are rate-limited per client address (429).
 * - **GET answers** of 200 are kept per store version, compressed with brotli and gzip once
 *   (see `Cache.ts`), and served from there until the next write.
 * - **Every answer**, errors and unknown routes included, carries the security headers; an
 *   unknown route is a 404 page (or JSON under `/api/`), a defect a 500 page; HTML error pages
 *   are in the page's language.
 * - **One log line per request** (`RequestLog.ts`): method, path, status, milliseconds, and
 *   `cached` for an answer from the cache; 5xx at level Error with the cause's first line.
 *
 * **Why Fetch Metadata rather than a CSRF token.** The forms are public and anonymous: there
 * is no session or cookie a forged request could ride on (the site sets no cookies at all), so
 * what must be stopped is another site making a visitor's browser submit. Every browser since
 * 2023 sends `Sec-Fetch-Site` on a form post and `Origin` on any cross-origin post; a request
 * that says `cross-site`/`same-site`, or whose `Origin` is not this host, is refused. Clients that
 * send neither (curl, scripts) are not browsers acting for a visitor, so they cannot be used for
 * CSRF; the rate limit and the validation apply to them. A per-form token would need state
 * (a cookie or a server-side store) for no extra protection here, and would make cached form
 * pages impossible. The Content-Type check is the second layer: a cross-site `fetch` cannot send
 * `application/json` without a CORS preflight, which this server never grants.
 */
import { ByteSize, Cause, Effect, Layer, Option, References } from "effect"
import type * as LogLevel from "effect/LogLevel"
import { HttpIncomingMessage, HttpRouter, HttpServerRequest, HttpServerResponse } from "effect/http"
import * as Cache from "./Cache.ts"
import * as ErrorPages from "./ErrorPages.ts"
import * as RequestLog from "./RequestLog.ts"

/** Limits and switches of the front door. */
export interface Options {
  /** Largest request body in bytes (default 64 KiB). */
  readonly bodyLimit?: number | undefined
  /** Deepest nesting of a JSON body (default 32). */
  readonly jsonDepth?: number | undefined
  /** Public form posts per client address per window (default 10 per 10 minutes). */
  readonly formRate?: { readonly max: number; readonly windowMs: number } | undefined
  /** How long a kept answer may be served, in ms (default: until the next write). */
  readonly cacheTtl?: number | undefined
  /** The lowest level logged (default Info: one line per request). */
  readonly logLevel?: LogLevel.LogLevel | undefined
}

/** What the middleware shares with the Node-level fast path (`Server.ts`). */
export interface Shared {
  readonly cache: Cache.Store
  readonly log: RequestLog.RequestLog
}

/** Content-Security-Policy of every answer: no scripts, nothing from elsewhere, forms post here only. */
export const contentSecurityPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

/** The headers every answer carries. */
export const securityHeaders: Readonly<Record<string, string>> = {
  "content-security-policy": contentSecurityPolicy,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), interest-cohort=()"
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"])

/** Whether a path is the JSON API (answers in JSON, writes take JSON). */
export const isApi = (path: string): boolean => path.startsWith("/api/") || path === "/api" || path === "/openapi.json"

/** The media type a write to `path` must carry. */
export const declaredType = (path: string): string => (isApi(path) ? "application/json" : "application/x-www-form-urlencoded")

/** The media type of a Content-Type header, lower case, without parameters. */
const mediaType = (header: string | undefined): string | undefined =>
  header === undefined ? undefined : header.split(";")[0]!.trim().toLowerCase()

/**
 * Whether a write comes from another site, by Fetch Metadata or, without it, by `Origin`.
 * `same-origin` and `none` (typed by the user) pass; so does a request with neither header.
 */
export const isCrossSite = (headers: Readonly<Record<string, string | undefined>>): boolean => {
  const site = headers["sec-fetch-site"]
  if (site !== undefined) return site !== "same-origin" && site !== "none"
  const origin = headers["origin"]
  if (origin === undefined) return false
  if (origin === "null") return true
  try {
    return new URL(origin).host !== headers["host"]
  } catch {
    return true
  }
}

/**
 * The nesting depth of a JSON text, counted without parsing (strings skipped), stopping as soon
 * as `limit` is passed: a 100 000-deep body costs one linear scan, never a deep recursion.
 */
export const jsonDepthExceeds = (text: string, limit: number): boolean => {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 92) i++ // backslash: skip the escaped character
      else if (c === 34) inString = false
    } else if (c === 34) inString = true
    else if (c === 123 || c === 91) {
      if (++depth > limit) return true
    } else if (c === 125 || c === 93) depth--
  }
  return false
}

/** A sliding-window counter per key, bounded in memory. */
export const rateLimiter = (max: number, windowMs: number, maxKeys = 10_000) => {
  const hits = new Map<string, Array<number>>()
  return (key: string, now: number): { readonly allowed: boolean; readonly retryAfter: number } => {
    const recent = (hits.get(key) ?? []).filter((t) => t > now - windowMs)
    if (recent.length >= max) {
      hits.set(key, recent)
      return { allowed: false, retryAfter: Math.ceil((recent[0]! + windowMs - now) / 1000) }
    }
    recent.push(now)
    if (!hits.has(key) && hits.size >= maxKeys) {
      for (const [k, ts] of hits) if (ts.every((t) => t <= now - windowMs)) hits.delete(k)
      if (hits.size >= maxKeys) hits.delete(hits.keys().next().value!)
    }
    hits.set(key, recent)
    return { allowed: true, retryAfter: 0 }
  }
}

const withHeaders = (response: HttpServerResponse.HttpServerResponse) => HttpServerResponse.setHeaders(response, securityHeaders)

const keyOf = (request: HttpServerRequest.HttpServerRequest) => `${request.method} ${request.url}`

/** The body of a response as bytes, when it is held in memory. */
const bytesOf = (response: HttpServerResponse.HttpServerResponse): { readonly body: Uint8Array; readonly contentType: string } | undefined =>
  response.body._tag === "Uint8Array" ? { body: response.body.body, contentType: response.body.contentType } : undefined

const firstLine = (cause: Cause.Cause<unknown>) => Cause.pretty(cause).split("\n").find((l) => l.trim() !== "")?.trim() ?? "unknown"

/** The front door as a global router middleware. Needs {@link Cache.SiteVersion}. */
export const layer = (options: Options = {}, shared: Shared = { cache: Cache.make(), log: RequestLog.make(options.logLevel ?? "Info") }) => {
  const bodyLimit = options.bodyLimit ?? 64 * 1024
  const jsonDepth = options.jsonDepth ?? 32
  const rate = options.formRate ?? { max: 10, windowMs: 10 * 60_000 }
  const ttl = options.cacheTtl ?? Number.POSITIVE_INFINITY
  const limited = rateLimiter(rate.max, rate.windowMs)
  const { cache, log } = shared
  return HttpRouter.middleware(
    Effect.gen(function*() {
      const version = yield* Cache.SiteVersion
      return (app) =>
        Effect.gen(function*() {
          const request = yield* HttpServerRequest.HttpServerRequest
          const started = performance.now()
          const url = request.url
          const q = url.indexOf("?")
          const path = q < 0 ? url : url.slice(0, q)
          const api = isApi(path)
          const headers = request.headers
          let cached = false
          let detail: string | undefined

          const answer = Effect.gen(function*() {
            if (request.method === "GET") {
              const hit = cache.get(keyOf(request), version.current(), Date.now())
              if (hit !== undefined) {
                cached = true
                const { body, encoding } = Cache.bodyFor(hit, headers["accept-encoding"])
                return HttpServerResponse.uint8Array(body, {
                  status: hit.status,
                  headers: encoding === undefined ? hit.headers : { ...hit.headers, "content-encoding": encoding }
                })
              }
            }
            if (!safeMethods.has(request.method)) {
              if (isCrossSite(headers)) return ErrorPages.refusal(url, 403, "cross-site")
              const length = headers["content-length"]
              if (length !== undefined && !(Number(length) <= bodyLimit)) return ErrorPages.refusal(url, 413, "too-large")
              if (mediaType(headers["content-type"]) !== declaredType(path)) return ErrorPages.refusal(url, 415, "media-type")
              if (!api) {
                const client = Option.getOrElse(request.remoteAddress, () => "unknown")
                const verdict = limited(client, Date.now())
                if (!verdict.allowed) {
                  return HttpServerResponse.setHeader(ErrorPages.refusal(url, 429, "rate"), "retry-after", String(verdict.retryAfter))
                }
              }
              // read once, within the limit (a chunked body is cut there); handlers get the cached text
              const text = yield* request.text.pipe(Effect.provideService(HttpIncomingMessage.MaxBodySize, ByteSize.bytes(bodyLimit)))
              if (api && jsonDepthExceeds(text, jsonDepth)) return ErrorPages.refusal(url, 400, "too-deep")
            }
            const response = yield* app
            if (request.method === "GET" && response.status === 200 && response.headers["cache-control"] !== "no-store") {
              const bytes = bytesOf(response)
              if (bytes !== undefined) {
                const kept = Cache.entry(version.current(), Date.now() + ttl, 200, {
                  ...response.headers,
                  ...securityHeaders,
                  "content-type": bytes.contentType,
                  vary: "accept-encoding"
                }, bytes.body)
                cache.set(keyOf(request), kept)
                const { body, encoding } = Cache.bodyFor(kept, headers["accept-encoding"])
                return HttpServerResponse.uint8Array(body, {
                  status: 200,
                  headers: encoding === undefined ? kept.headers : { ...kept.headers, "content-encoding": encoding }
                })
              }
            }
            return response
          }).pipe(
            Effect.catchCause((cause) => {
              const error = Cause.findErrorOption(cause)
              if (Option.isSome(error)) {
                const e = error.value as { readonly _tag?: string; readonly reason?: { readonly _tag?: string; readonly reason?: string } }
                if (e._tag === "HttpServerError" && e.reason?._tag === "RouteNotFound") return Effect.succeed(ErrorPages.notFound(url))
                if (e._tag === "HttpServerError" && e.reason?._tag === "RequestParseError") {
                  return Effect.succeed(ErrorPages.refusal(url, e.reason.reason === "BodyTooLarge" ? 413 : 400, e.reason.reason === "BodyTooLarge" ? "too-large" : "unreadable"))
                }
              }
              if (Cause.hasInterruptsOnly(cause)) return Effect.failCause(cause)
              detail = firstLine(cause)
              return Effect.succeed(ErrorPages.serverError(url))
            })
          )
          const response = withHeaders(yield* answer)
          log.request(request.method, path, response.status, performance.now() - started, cached, detail)
          return response
        })
    }),
    { global: true }
  )
}

/** The minimum log level as a layer (`LOG_LEVEL`). */
export const logLevel = (level: LogLevel.LogLevel) => Layer.succeed(References.MinimumLogLevel, level)
