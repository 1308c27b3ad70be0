/**
 * Answers to GET requests kept per store version, compressed once. Every write the app makes
 * (a form, a registration, a lifecycle command) bumps the {@link SiteVersion}; a cached answer
 * of an older version is never served. With several app instances over one PostgreSQL
 * database, another instance's writes are not seen by this counter, so entries also expire
 * after `ttl` milliseconds (`Server.ts` sets it when PostgreSQL is used). Some pages depend on
 * the date (overdue reports, upcoming events, open registration), so no entry outlives the day
 * it was made on in Europe/Stockholm.
 */
import { CalendarDate } from "@localrights/core"
import { Context, Effect, Layer } from "effect"
import { brotliCompressSync, constants, gzipSync } from "node:zlib"

/** The version of what the store holds, as far as this process knows. */
export class SiteVersion extends Context.Service<SiteVersion, {
  readonly current: () => number
  /** Called after every write. */
  readonly bump: Effect.Effect<void>
}>()("@localrights/example-web/SiteVersion") {
  /** A fresh counter. */
  static readonly layer = Layer.sync(SiteVersion, () => makeVersion())
}

/** One kept answer: its bytes as they are and compressed, with the headers to send. */
export interface Entry {
  readonly version: number
  readonly expires: number
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly identity: Uint8Array
  readonly gzip: Uint8Array | undefined
  readonly br: Uint8Array | undefined
  /** Node's raw header lists per encoding, ready for `writeHead`. */
  readonly raw: { readonly identity: Array<string>; readonly gzip: Array<string> | undefined; readonly br: Array<string> | undefined }
}

/** Answers smaller than this are sent as they are. */
const compressAbove = 1024

const negotiated = new Map<string, "br" | "gzip" | "identity">()

/** The encoding to send for an `Accept-Encoding` header: brotli, gzip, or none (remembered for the few headers clients send). */
export const negotiate = (accept: string | undefined): "br" | "gzip" | "identity" => {
  if (accept === undefined) return "identity"
  const known = negotiated.get(accept)
  if (known !== undefined) return known
  const result = parseAccept(accept)
  if (negotiated.size < 256) negotiated.set(accept, result)
  return result
}

const parseAccept = (accept: string): "br" | "gzip" | "identity" => {
  const offered = new Map<string, number>()
  for (const part of accept.toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";")
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="))
    offered.set(name!.trim(), q === undefined ? 1 : Number(q.slice(2)) || 0)
  }
  const star = offered.get("*") ?? 0
  const weight = (name: string) => offered.get(name) ?? star
  if (weight("br") > 0) return "br"
  if (weight("gzip") > 0) return "gzip"
  return "identity"
}

/**
 * The first millisecond after `now` that falls on a later calendar day in `timeZone`
 * (Europe/Stockholm by default): when the pages' "today" changes.
 */
export const dayEnds = (now: number, timeZone: string = CalendarDate.defaultTimeZone): number => {
  const today = CalendarDate.inTimeZone(now, timeZone)
  // a day lasts at most 25 hours (the clocks go back), so 26 hours on is a later day
  let lo = now
  let hi = now + 26 * 3_600_000
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (CalendarDate.inTimeZone(mid, timeZone) === today) lo = mid
    else hi = mid
  }
  return hi
}

/** {@link dayEnds} in Europe/Stockholm, remembered for the rest of the day. */
let today = { from: 0, end: 0 }
const todayEnds = (now: number): number => {
  if (now < today.from || now >= today.end) today = { from: now, end: dayEnds(now) }
  return today.end
}

/** Compresses an answer for keeping; it expires at `expires` or when the day ends ({@link dayEnds}), whichever is first. */
export const entry = (
  version: number,
  expires: number,
  status: number,
  headers: Readonly<Record<string, string>>,
  body: Uint8Array
): Entry => {
  const compress = body.length > compressAbove
  const gzip = compress ? gzipSync(body, { level: 6 }) : undefined
  const br = compress
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    : undefined
  const e = { version, expires: Math.min(expires, todayEnds(Date.now())), status, headers, identity: body, gzip, br }
  return {
    ...e,
    raw: {
      identity: rawHeaders(e, undefined, body.length),
      gzip: gzip === undefined ? undefined : rawHeaders(e, "gzip", gzip.length),
      br: br === undefined ? undefined : rawHeaders(e, "br", br.length)
    }
  }
}

/** The bytes, `content-encoding` and raw headers of an entry for a request's `Accept-Encoding`. */
export const bodyFor = (e: Entry, accept: string | undefined): { readonly body: Uint8Array; readonly encoding: string | undefined; readonly raw: Array<string> } => {
  const wanted = negotiate(accept)
  if (wanted === "br" && e.br !== undefined) return { body: e.br, encoding: "br", raw: e.raw.br! }
  if (wanted !== "identity" && e.gzip !== undefined) return { body: e.gzip, encoding: "gzip", raw: e.raw.gzip! }
  return { body: e.identity, encoding: undefined, raw: e.raw.identity }
}

/** The kept answers. */
export type Store = ReturnType<typeof make>

/** A bounded map of kept answers: when full, the oldest half is dropped. */
export const make = (max = 1000) => {
  const entries = new Map<string, Entry>()
  return {
    get: (key: string, version: number, now: number): Entry | undefined => {
      const e = entries.get(key)
      if (e === undefined) return undefined
      if (e.version !== version || e.expires <= now) {
        entries.delete(key)
        return undefined
      }
      return e
    },
    set: (key: string, e: Entry): void => {
      if (entries.size >= max) {
        let drop = Math.floor(max / 2)
        for (const k of entries.keys()) {
          if (drop-- <= 0) break
          entries.delete(k)
        }
      }
      entries.set(key, e)
    },
    size: () => entries.size
  }
}

/** A {@link SiteVersion} value, for sharing one counter between the layer and the Node-level fast path. */
export const makeVersion = (): SiteVersion["Service"] => {
  let version = 0
  return { current: () => version, bump: Effect.sync(() => void version++) }
}

/** Node's raw header list (`[name, value, …]`) of an entry for one encoding, with length and encoding. */
export const rawHeaders = (e: Pick<Entry, "headers">, encoding: "br" | "gzip" | undefined, length: number): Array<string> => {
  const out: Array<string> = []
  for (const [k, v] of Object.entries(e.headers)) if (k !== "content-length" && k !== "content-encoding") out.push(k, v)
  out.push("content-length", String(length))
  if (encoding !== undefined) out.push("content-encoding", encoding)
  return out
}
