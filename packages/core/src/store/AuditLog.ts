/**
 * The tamper-evident change log, as pure functions: what a change record hashes, how a record
 * is linked to the previous record of its document and to the store-wide chain, the log form
 * of a document (personal data replaced by salted commitments), the patch between two
 * versions, rebuilding an earlier version, and checking a log record by record.
 *
 * **Details**
 *
 * - A change record holds the RFC 6902 JSON Patch from the previous version of its document to
 *   this one (`patch`; at creation one `add` of the whole document at path `""`), the SHA-256
 *   of the canonical JSON (RFC 8785) of the document after the change (`dataHash`), the hash of
 *   the previous record of the same document (`previous`, absent at version 1) and its own
 *   `hash`: SHA-256 over the canonical JSON of the record without `actor`, `hash`, `seq` and
 *   `chain` (see {@link hashedContent}).
 * - The store numbers every record (`seq`: 1, 2, 3, … over all documents) and chains it:
 *   `chain` is the SHA-256 of the canonical JSON of `{ chain: <previous record's chain, or
 *   null>, hash, seq }`. Adapters assign both inside the write transaction with {@link seal},
 *   so every adapter computes them the same way.
 * - Patches and `dataHash` are computed on the *log form* of a document ({@link logForm}):
 *   each personal value (a contact person, a registrant, a speaker's name, ...; see
 *   {@link personalFields}) is replaced by `hmac-sha256:<hex>`, an HMAC-SHA-256 commitment
 *   keyed by a salt of the document that the store keeps beside it, never hashed; each actor
 *   named in the data (a decision's `decidedBy`, an assessor) by a commitment keyed by that
 *   actor's own salt. The record's `actor` is kept in clear beside the hashed content, and the
 *   hashed content has `actorRef`, the actor's commitment. Erasing a person rewrites the
 *   documents that hold them with a new document salt; pseudonymising an actor replaces the
 *   clear actor in the log and deletes the actor's salt. Old commitments can then no longer be
 *   linked to the person, and every hash still verifies.
 *
 * SHA-256 and HMAC come from `@noble/hashes` (pure JavaScript: core runs anywhere); an adapter
 * on a platform with native hashing passes its own {@link Hashing} (the SQL adapters use
 * `node:crypto`), with the same results.
 *
 * @module
 * @group Store
 * @since 0.2.0
 */
import { hmac } from "@noble/hashes/hmac.js"
import { sha256 } from "@noble/hashes/sha2.js"
import { bytesToHex, hexToBytes, utf8ToBytes } from "@noble/hashes/utils.js"
import canonicalize from "canonicalize"
import { Option } from "effect"
import { applyPatch, createPatch } from "rfc6902"
import type * as ChangeLog from "../ChangeLog.ts"

/**
 * SHA-256, HMAC-SHA-256 (hex in, hex out) and fresh random salts.
 *
 * @category models
 * @since 0.2.0
 */
export interface Hashing {
  /** The SHA-256 of the UTF-8 bytes of `text`, as lower-case hex. */
  readonly sha256: (text: string) => string
  /** The HMAC-SHA-256 of the UTF-8 bytes of `text` keyed by the bytes of `keyHex`, as hex. */
  readonly hmac: (keyHex: string, text: string) => string
  /** A fresh random 32-byte salt, as hex. */
  readonly salt: () => string
}

/**
 * The portable {@link Hashing}: `@noble/hashes` and the platform's `crypto.getRandomValues`.
 *
 * @category constructors
 * @since 0.2.0
 */
export const defaultHashing: Hashing = {
  sha256: (text) => bytesToHex(sha256(utf8ToBytes(text))),
  hmac: (keyHex, text) => bytesToHex(hmac(sha256, hexToBytes(keyHex), utf8ToBytes(text))),
  salt: () => bytesToHex(globalThis.crypto.getRandomValues(new Uint8Array(32)))
}

// a key that JavaScript enumerates before the others, whatever the insertion order
const integerLike = /^(?:0|[1-9][0-9]*)$/

// `keys` sorted in place by UTF-16 code units, as `Array.prototype.sort` does: an insertion
// sort for the few keys of a JSON object, which allocates nothing (the built-in sort copies
// into a work array on every call: the largest single source of a bulk import's garbage,
// profiled in benchmark P1)
const sortKeys = (keys: Array<string>): Array<string> => {
  if (keys.length > 32) return keys.sort()
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i]!
    let j = i - 1
    while (j >= 0 && keys[j]! > k) {
      keys[j + 1] = keys[j]!
      j--
    }
    keys[j + 1] = k
  }
  return keys
}

// A copy of a JSON value with every object's keys in sorted order (the value itself where they
// already are), or undefined when an object has an integer-like key: JavaScript enumerates
// those first whatever the insertion order, so JSON.stringify could not write them sorted.
const sortedKeys = (v: unknown): unknown => {
  if (v === null || typeof v !== "object") return v
  if (Array.isArray(v)) {
    let out: Array<unknown> | undefined
    for (let i = 0; i < v.length; i++) {
      const x = sortedKeys(v[i])
      if (x === undefined && v[i] !== undefined) return undefined
      if (x !== v[i]) (out ??= v.slice())[i] = x
    }
    return out ?? v
  }
  if (typeof (v as { toJSON?: unknown }).toJSON === "function") return undefined
  const o = v as Record<string, unknown>
  const keys = Object.keys(o)
  let inOrder = true
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!
    const c = k.charCodeAt(0)
    if (c >= 48 && c <= 57 && integerLike.test(k)) return undefined
    // an own "__proto__" key would set the copy's prototype when assigned: the package writes it
    if (k === "__proto__") return undefined
    if (i > 0 && keys[i - 1]! > k) inOrder = false
  }
  if (inOrder) {
    let out: Record<string, unknown> | undefined
    for (const k of keys) {
      const x = sortedKeys(o[k])
      if (x === undefined && o[k] !== undefined) return undefined
      if (x !== o[k]) (out ??= { ...o })[k] = x
    }
    return out ?? v
  }
  const out: Record<string, unknown> = {}
  for (const k of sortKeys(keys)) {
    const x = sortedKeys(o[k])
    if (x === undefined && o[k] !== undefined) return undefined
    out[k] = x
  }
  return out
}

/**
 * The canonical JSON of a value (RFC 8785, JSON Canonicalization Scheme): object keys sorted
 * by UTF-16 code units, no whitespace, numbers and strings in their one ECMAScript form.
 *
 * **Details**
 *
 * For JSON values (what `JSON.parse` and Schema encoding give) RFC 8785 is ECMAScript's own
 * `JSON.stringify` with sorted keys, so the common case is a key-sorted copy written by
 * `JSON.stringify`, about twice as fast on a bulk import as the `canonicalize` package, which
 * writes everything else (objects with integer-like keys, `toJSON`) and is the reference the
 * tests compare with.
 *
 * @category rendering
 * @since 0.2.0
 */
export const canonical = (value: unknown): string => {
  if ((typeof value === "string" && value.isWellFormed()) || (typeof value === "number" && Number.isFinite(value))) return JSON.stringify(value)
  const sorted = value !== null && typeof value === "object" ? sortedKeys(value) : undefined
  return (sorted === undefined ? canonicalize(value) : JSON.stringify(sorted)) ?? "null"
}

/**
 * A document's data sorted once, for {@link dataText} and {@link formText}: runs of top-level
 * entries already written as canonical JSON, and the entries that are written later (those
 * holding personal fields, which the log form replaces, and the store's own fields such as
 * `version`, whose value comes with the write). A value that {@link canonical} writes with its
 * fallback (integer-like keys, `toJSON`) is kept as it is and written then.
 *
 * @category models
 * @since 0.2.0
 */
export type Prepared =
  | { readonly _tag: "Parts"; readonly parts: ReadonlyArray<string | { readonly key: string; readonly value: unknown }> }
  | { readonly _tag: "Whole"; readonly data: unknown }

/**
 * Sorts a document's data once (see {@link Prepared}): `late` names top-level fields that are
 * left out of `data` and given to {@link dataText} and {@link formText} (such as `version`).
 *
 * **When to use**
 *
 * A bulk write that needs the document's JSON, its canonical log form (for `dataHash` and the
 * creation patch) and a comparison with the stored data: one sorted copy and one
 * serialisation serve all three, and the batch holds strings instead of the parsed data.
 *
 * @category constructors
 * @since 0.2.0
 */
export const prepare = (kind: string, data: unknown, late: ReadonlyArray<string> = []): Prepared => {
  if (!isObject(data) || typeof (data as { toJSON?: unknown }).toJSON === "function") return { _tag: "Whole", data }
  const keys = Object.keys(data).filter((k) => !late.includes(k) && data[k] !== undefined)
  for (const k of late) keys.push(k)
  for (const k of keys) {
    if (k === "__proto__" || integerLike.test(k)) return { _tag: "Whole", data: Object.fromEntries(Object.entries(data).filter(([key]) => !late.includes(key))) }
  }
  const personal = personalKeys(kind)
  sortKeys(keys)
  const parts: Array<string | { readonly key: string; readonly value: unknown }> = []
  // consecutive plain entries go into one key-sorted object, written with one JSON.stringify
  let run: Record<string, unknown> | undefined
  const close = () => {
    if (run !== undefined) parts.push(JSON.stringify(run).slice(1, -1))
    run = undefined
  }
  for (const k of keys) {
    if (late.includes(k)) {
      close()
      parts.push({ key: k, value: undefined })
      continue
    }
    const value = data[k]
    const sorted = sortedKeys(value)
    if (personal.has(k) || sorted === undefined) {
      close()
      parts.push({ key: k, value: sorted ?? value })
    } else (run ??= {})[k] = sorted
  }
  close()
  return { _tag: "Parts", parts }
}

// the top-level fields that hold personal fields, by kind (computed once per kind)
const personalKeysOf = new Map<string, ReadonlySet<string>>()
const personalKeys = (kind: string): ReadonlySet<string> => {
  let keys = personalKeysOf.get(kind)
  if (keys === undefined) personalKeysOf.set(kind, keys = new Set((personalFields[kind] ?? []).map((f) => f.path[0]!)))
  return keys
}

const written = (parts: Extract<Prepared, { _tag: "Parts" }>["parts"], valueOf: (key: string, value: unknown) => unknown): string => {
  let out = ""
  for (const part of parts) {
    let entry: string | undefined
    if (typeof part === "string") entry = part
    else {
      const value = valueOf(part.key, part.value)
      if (value !== undefined) entry = `${JSON.stringify(part.key)}:${canonical(value)}`
    }
    if (entry !== undefined) out = out === "" ? entry : `${out},${entry}`
  }
  return `{${out}}`
}

// the data of a `Whole` with the late fields given (an object that canonical writes with its fallback)
const withLate = (data: unknown, late: Readonly<Record<string, unknown>>): unknown =>
  isObject(data) && typeof (data as { toJSON?: unknown }).toJSON !== "function" ? { ...data, ...late } : data

const lateValue = (late: Readonly<Record<string, unknown>>) => (key: string, value: unknown) => Object.hasOwn(late, key) ? late[key] : value

/**
 * The canonical JSON of the prepared data with the `late` fields given (those not given are
 * left out): the same text as `canonical({ ...data, ...late })`.
 *
 * @category rendering
 * @since 0.2.0
 */
export const dataText = (prepared: Prepared, late: Readonly<Record<string, unknown>> = {}): string =>
  prepared._tag === "Whole" ? canonical(withLate(prepared.data, late)) : written(prepared.parts, lateValue(late))

/**
 * The canonical JSON of the log form of the prepared data with the `late` fields given: the
 * same text as `canonical(logForm(hashing, kind, { ...data, ...late }, keys))`, with only the
 * entries that hold personal fields computed again.
 *
 * @category rendering
 * @since 0.2.0
 */
export const formText = (hashing: Hashing, kind: string, prepared: Prepared, keys: Keys, late: Readonly<Record<string, unknown>> = {}): string => {
  if (prepared._tag === "Whole") return canonical(logForm(hashing, kind, withLate(prepared.data, late), keys))
  const given = lateValue(late)
  return written(prepared.parts, (key, value) => {
    if (Object.hasOwn(late, key)) return given(key, value)
    // the log form of the one entry: logForm over an object that holds only it
    return value === undefined ? undefined : (logForm(hashing, kind, { [key]: value }, keys) as Record<string, unknown>)[key]
  })
}

/**
 * One operation of an RFC 6902 JSON Patch.
 *
 * @category models
 * @since 0.2.0
 */
export interface Operation {
  readonly op: "add" | "remove" | "replace" | "move" | "copy" | "test"
  readonly path: string
  readonly value?: unknown
  readonly from?: string
}

/**
 * The RFC 6902 JSON Patch from `before` to `after` (JSON values); from nothing: one `add` of
 * the whole document at path `""`.
 *
 * @category rules
 * @since 0.2.0
 */
export const diff = (before: unknown, after: unknown): ReadonlyArray<Operation> =>
  before === undefined ? [{ op: "add", path: "", value: after }] : (createPatch(before, after) as ReadonlyArray<Operation>)

/**
 * `patch` applied to `document` (a JSON value, not changed): the new value, or none when an
 * operation does not apply. An operation on the root path replaces the whole document.
 *
 * @category rules
 * @since 0.2.0
 */
export const apply = (document: unknown, patch: ReadonlyArray<Operation>): Option.Option<unknown> => {
  // a box, so that an operation on the root ("") replaces the whole document
  const box: { doc?: unknown } = document === undefined ? {} : { doc: structuredClone(document) }
  const boxed = patch.map((o) => ({
    ...o,
    path: `/doc${o.path}`,
    ...(o.from !== undefined ? { from: `/doc${o.from}` } : {})
  }))
  const results = applyPatch(box, boxed as Parameters<typeof applyPatch>[1])
  return results.every((r) => r === null) ? Option.some(box.doc) : Option.none()
}

/**
 * Where personal data sits in a document of one kind: JSON paths (`*` for every element of an
 * array) and whether the value is about a person (`person`: committed with the document's
 * salt) or names an actor (`actor`: committed with the actor's salt).
 *
 * @category models
 * @since 0.2.0
 */
export interface PersonalField {
  readonly path: ReadonlyArray<string>
  readonly class: "person" | "actor"
}

const field = (path: string, cls: "person" | "actor"): PersonalField => ({ path: path.split("/"), class: cls })

/**
 * The personal fields of each entity kind (see `PersonalData` for what they hold). A kind that
 * adds one declares it here, so that it stays out of the hashed content of the log.
 *
 * @category models
 * @since 0.2.0
 */
export const personalFields: Readonly<Record<string, ReadonlyArray<PersonalField>>> = {
  "organisation": [field("contacts/*", "person")],
  "calendar-event": [field("seats/*", "person"), field("waitingList/*", "person"), field("programmeItems/*/speakers/*/name", "person")],
  "training-programme": [field("enrolments/*/participant", "person")],
  "interest-expression": [field("contact", "person")],
  "partnership": [field("decisions/*/decidedBy", "actor")],
  "assessment": [field("assessor", "actor")]
}

/**
 * The prefix of a commitment in the log form of a document.
 *
 * @category models
 * @since 0.2.0
 */
export const commitmentPrefix = "hmac-sha256:"

/**
 * The keys a log form is computed with: the document's salt (for `person` fields; absent when
 * the document holds none) and the salt of an actor (for `actor` fields and the record's
 * `actorRef`).
 *
 * @category models
 * @since 0.2.0
 */
export interface Keys {
  /** The document's salt for the values of persons (none when the document holds none). */
  readonly salt?: string | undefined
  /** The salt of an actor, for `actor` fields and the record's `actorRef`. */
  readonly actorSalt: (actor: string) => string | undefined
  /** The commitment to an actor, when the caller keeps them (a bulk import: one HMAC per actor, not per value). */
  readonly actorCommitment?: ((actor: string) => string | undefined) | undefined
}

/**
 * The commitment to a value: `hmac-sha256:` and the HMAC-SHA-256 of its canonical JSON keyed
 * by `salt`.
 *
 * @category rules
 * @since 0.2.0
 */
export const commit = (hashing: Hashing, salt: string, value: unknown): string =>
  `${commitmentPrefix}${hashing.hmac(salt, canonical(value))}`

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null && !Array.isArray(u)

// every value at `path` (with `*` over arrays), replaced by `f`; a copy along the way only,
// and only where something changed (a document without such values is returned as it is)
const mapAt = (value: unknown, path: ReadonlyArray<string>, f: (v: unknown) => unknown, at = 0): unknown => {
  if (at === path.length) return f(value)
  const head = path[at]!
  if (head === "*") {
    if (!Array.isArray(value)) return value
    let out: Array<unknown> | undefined
    for (let i = 0; i < value.length; i++) {
      const x = mapAt(value[i], path, f, at + 1)
      if (x !== value[i]) (out ??= value.slice())[i] = x
    }
    return out ?? value
  }
  if (!isObject(value) || !Object.hasOwn(value, head) || value[head] === undefined) return value
  const x = mapAt(value[head], path, f, at + 1)
  return x === value[head] ? value : { ...value, [head]: x }
}

const eachAt = (value: unknown, path: ReadonlyArray<string>, f: (v: unknown) => void): void => {
  mapAt(value, path, (v) => (f(v), v))
}

/**
 * The actors named in a document's data (its `actor` fields), so that a store can make sure
 * each has a salt before {@link logForm}.
 *
 * @category rules
 * @since 0.2.0
 */
export const actorsIn = (kind: string, data: unknown): ReadonlyArray<string> => {
  const out = new Set<string>()
  for (const f of personalFields[kind] ?? []) {
    if (f.class === "actor") eachAt(data, f.path, (v) => typeof v === "string" && out.add(v))
  }
  return [...out]
}

/**
 * Whether documents of `kind` hold `person` fields (and so need a document salt).
 *
 * @category guards
 * @since 0.2.0
 */
export const holdsPersons = (kind: string): boolean => (personalFields[kind] ?? []).some((f) => f.class === "person")

/**
 * The log form of a document: its JSON data with each personal value replaced by its
 * commitment. A kind without personal fields is its data unchanged. An actor without a salt
 * (or a person field without a document salt) is a defect of the caller and throws.
 *
 * @category rules
 * @since 0.2.0
 */
export const logForm = (hashing: Hashing, kind: string, data: unknown, keys: Keys): unknown => {
  const fields = personalFields[kind]
  if (fields === undefined) return data
  let out = data
  for (const f of fields) {
    out = mapAt(out, f.path, (v) => {
      if (f.class === "actor") {
        const known = typeof v === "string" ? keys.actorCommitment?.(v) : undefined
        if (known !== undefined) return known
        const salt = typeof v === "string" ? keys.actorSalt(v) : undefined
        if (salt === undefined) throw new Error(`AuditLog.logForm: no salt for an actor of ${kind}`)
        return commit(hashing, salt, v)
      }
      if (keys.salt === undefined) throw new Error(`AuditLog.logForm: no document salt for ${kind}`)
      return commit(hashing, keys.salt, v)
    })
  }
  return out
}

/**
 * The personal values of a document by their commitment, so that an earlier version rebuilt
 * from the log can show the values the store still holds (see {@link resolve}).
 *
 * @category rules
 * @since 0.2.0
 */
export const commitmentsOf = (hashing: Hashing, kind: string, data: unknown, keys: Keys): Map<string, unknown> => {
  const out = new Map<string, unknown>()
  for (const f of personalFields[kind] ?? []) {
    eachAt(data, f.path, (v) => {
      const salt = f.class === "actor" ? (typeof v === "string" ? keys.actorSalt(v) : undefined) : keys.salt
      if (salt !== undefined) out.set(commit(hashing, salt, v), v)
    })
  }
  return out
}

/**
 * A log form with each commitment found in `known` replaced by its value; the others stay
 * (values the store no longer holds, such as erased persons).
 *
 * @category rules
 * @since 0.2.0
 */
export const resolve = (kind: string, form: unknown, known: ReadonlyMap<string, unknown>): unknown => {
  let out = form
  for (const f of personalFields[kind] ?? []) {
    out = mapAt(out, f.path, (v) => (typeof v === "string" && known.has(v) ? known.get(v) : v))
  }
  return out
}

/**
 * The part of a change record its `hash` covers: everything but `actor` (kept in clear beside
 * it, for pseudonymisation), `hash`, `seq` and `chain`.
 *
 * @category rules
 * @since 0.2.0
 */
export const hashedContent = (record: ChangeLog.Encoded | ChangeLog.Draft): Record<string, unknown> => {
  const { actor: _a, hash: _h, seq: _s, chain: _c, ...rest } = record as ChangeLog.Encoded
  return rest
}

// the fields of a record its hash does not cover (see hashedContent)
const unhashed = new Set(["actor", "hash", "seq", "chain"])

// the canonical JSON of a record's hashed content (every field is a primitive but `patch`),
// with an already canonical patch spliced in (import: the record may then leave its `patch`
// out); written from the record itself, without the copy `hashedContent` makes
const hashedText = (record: Readonly<Record<string, unknown>>, canonicalPatch?: string): string => {
  const keys: Array<string> = []
  for (const k of Object.keys(record)) if (record[k] !== undefined && k !== "patch" && !unhashed.has(k)) keys.push(k)
  if (canonicalPatch !== undefined || record["patch"] !== undefined) keys.push("patch")
  sortKeys(keys)
  let out = ""
  for (const k of keys) {
    const value = k === "patch" && canonicalPatch !== undefined ? canonicalPatch : canonical(record[k])
    out = `${out}${out === "" ? "" : ","}${quoted(k)}:${value}`
  }
  return `{${out}}`
}

// a record's field names, as JSON strings (the few names of ChangeRecord, written once each)
const quotedNames = new Map<string, string>()
const quoted = (name: string): string => {
  let q = quotedNames.get(name)
  if (q === undefined) {
    q = JSON.stringify(name)
    if (quotedNames.size < 64) quotedNames.set(name, q)
  }
  return q
}

/**
 * The hash of a change record: SHA-256 over the canonical JSON of its {@link hashedContent}
 * (with `canonicalPatch` as its patch, when given: see {@link seal}).
 *
 * @category rules
 * @since 0.2.0
 */
export const recordHash = (hashing: Hashing, record: ChangeLog.Encoded | ChangeLog.Draft, canonicalPatch?: string): string =>
  hashing.sha256(hashedText(record as Readonly<Record<string, unknown>>, canonicalPatch))

/**
 * The chain value of the record at `seq` with `hash`, after the record whose chain is
 * `previous` (none at seq 1).
 *
 * @category rules
 * @since 0.2.0
 */
export const chainOf = (hashing: Hashing, previous: string | undefined, seq: number, hash: string): string =>
  // the canonical JSON of { chain, hash, seq }, written directly (keys in order, primitives)
  hashing.sha256(`{"chain":${previous === undefined ? "null" : JSON.stringify(previous)},"hash":${JSON.stringify(hash)},"seq":${JSON.stringify(seq)}}`)

/**
 * The head of the store-wide chain: the last record's `seq` and `chain` (none in an empty log).
 *
 * @category models
 * @since 0.2.0
 */
export interface Head {
  readonly seq: number
  readonly chain: string
}

/**
 * Seals a draft record inside the adapter's write transaction: `previous` (the hash of the
 * document's previous record, none at version 1), its `hash`, and the next `seq` and `chain`
 * after `head`. Every adapter appends with it, so every adapter computes the same log.
 * `canonicalPatch`, when given, is the canonical JSON of the record's patch, already known (a
 * bulk import writes the creation patch from the document's canonical text): it is hashed in
 * place of `draft.patch`, which may then be left out (the caller stores that text as the patch).
 *
 * @category constructors
 * @since 0.2.0
 */
export const seal = (
  hashing: Hashing,
  draft: ChangeLog.Draft,
  previous: string | undefined,
  head: Head | undefined,
  canonicalPatch?: string
): ChangeLog.Encoded => {
  // one copy, completed in place (adding fields keeps it a fast object for JSON.stringify)
  const { previous: _, ...linked } = draft as ChangeLog.Draft & { previous?: string }
  const record = linked as { -readonly [K in keyof ChangeLog.Encoded]: ChangeLog.Encoded[K] }
  if (previous !== undefined) record.previous = previous
  const hash = recordHash(hashing, record, canonicalPatch)
  const seq = (head?.seq ?? 0) + 1
  record.hash = hash
  record.seq = seq
  record.chain = chainOf(hashing, head?.chain, seq, hash)
  return record
}

/**
 * The draft of a change record: the record's fields with its `patch` and `dataHash` computed
 * from the log forms before and after (`before` undefined at creation).
 *
 * @category constructors
 * @since 0.2.0
 */
export const draft = (
  hashing: Hashing,
  base: Omit<ChangeLog.Draft, "patch" | "dataHash">,
  before: unknown,
  after: unknown
): ChangeLog.Draft => ({
  ...base,
  patch: diff(before, after) as NonNullable<ChangeLog.Draft["patch"]>,
  dataHash: hashing.sha256(canonical(after))
}) as ChangeLog.Draft

/**
 * The log form of one document at `version`, rebuilt from its change records (oldest first) by
 * applying their patches; none when the version is not in the records, or a record before it
 * has no patch (a record sealed from a 0.1 database before its baseline) or a patch that does
 * not apply.
 *
 * @category rules
 * @since 0.2.0
 */
export const rebuild = (records: ReadonlyArray<ChangeLog.Encoded>, version: number): Option.Option<unknown> => {
  // undefined: the state is not known (no record yet, or a record without a patch)
  let doc: Option.Option<unknown> = Option.none()
  for (const r of records) {
    if (r.version > version) break
    const patch = r.patch as ReadonlyArray<Operation> | undefined
    doc = patch === undefined || (Option.isNone(doc) && !isBaseline(patch))
      ? Option.none()
      : apply(Option.getOrUndefined(doc), patch)
    if (r.version === version) return doc
  }
  return Option.none()
}

// a patch that starts by setting the whole document: the state before it does not matter
const isBaseline = (patch: ReadonlyArray<Operation>): boolean =>
  patch.length > 0 && patch[0]!.path === "" && (patch[0]!.op === "add" || patch[0]!.op === "replace")

/**
 * Which check a record or document failed in {@link Verifier}: the record's `hash` does not
 * match its content (`record-hash`), its `previous` is not the hash of the document's previous
 * record (`previous`), its version does not follow the previous one (`version`), its `seq`
 * skips a number, so a record is missing (`seq`), its `chain` does not follow (`chain`), its
 * patch does not lead to its `dataHash` (`patch`), a document's data does not match its latest
 * record's `dataHash` (`data`), a document's version is not its latest record's (`missing-records`),
 * a document has no change record (`document-without-records`), a record's document is missing
 * (`missing-document`), or the log does not end at the expected head (`head`).
 *
 * @category models
 * @since 0.2.0
 */
export type Check =
  | "record-hash"
  | "previous"
  | "version"
  | "seq"
  | "chain"
  | "patch"
  | "data"
  | "missing-records"
  | "document-without-records"
  | "missing-document"
  | "head"

/**
 * The first record or document that does not match: where (seq, kind, id, version), which
 * check failed, and a text in Swedish and English.
 *
 * @category models
 * @since 0.2.0
 */
export interface Failure {
  readonly check: Check
  readonly seq?: number | undefined
  readonly kind: string
  readonly id: string
  readonly version?: number | undefined
  readonly text: { readonly sv: string; readonly en: string }
}

/**
 * The outcome of a verification: every record and document matches (`Verified`, with the
 * counts and the head of the chain, to keep outside the database), or the first that does
 * not (`Broken`).
 *
 * @category models
 * @since 0.2.0
 */
export type Verification =
  | { readonly _tag: "Verified"; readonly records: number; readonly documents: number; readonly head: Head | undefined }
  | { readonly _tag: "Broken"; readonly failure: Failure }

const where = (kind: string, id: string, version?: number) => `${kind} ${id}${version === undefined ? "" : ` v${version}`}`

const texts: Record<Check, (at: string, detail: string) => { sv: string; en: string }> = {
  "record-hash": (at) => ({ sv: `Ändringsposten ${at} stämmer inte med sin hash: den har ändrats.`, en: `The change record ${at} does not match its hash: it was altered.` }),
  "previous": (at) => ({ sv: `Ändringsposten ${at} pekar inte på dokumentets föregående post.`, en: `The change record ${at} does not link to the document's previous record.` }),
  "version": (at, d) => ({ sv: `Ändringsposten ${at} följer inte på föregående version (${d}).`, en: `The change record ${at} does not follow the previous version (${d}).` }),
  "seq": (at, d) => ({ sv: `Före ändringsposten ${at} saknas poster i loggen (${d}): en post har tagits bort.`, en: `Records are missing from the log before ${at} (${d}): a record was deleted.` }),
  "chain": (at) => ({ sv: `Ändringsposten ${at} följer inte loggens kedja.`, en: `The change record ${at} does not follow the log's chain.` }),
  "patch": (at) => ({ sv: `Ändringsposten ${at}: ändringen leder inte till det lagrade innehållets hash.`, en: `The change record ${at}: its patch does not lead to its data hash.` }),
  "data": (at) => ({ sv: `Dokumentet ${at} stämmer inte med sin senaste ändringspost: det har ändrats utanför loggen.`, en: `The document ${at} does not match its latest change record: it was altered outside the log.` }),
  "missing-records": (at, d) => ({ sv: `Dokumentet ${at} har inte sina senaste ändringsposter (${d}).`, en: `The document ${at} is missing its latest change records (${d}).` }),
  "document-without-records": (at) => ({ sv: `Dokumentet ${at} har inga ändringsposter.`, en: `The document ${at} has no change records.` }),
  "missing-document": (at) => ({ sv: `Ändringsposter finns för ${at}, men dokumentet saknas: det har tagits bort.`, en: `Change records exist for ${at}, but the document is missing: it was deleted.` }),
  "head": (at, d) => ({ sv: `Loggen slutar inte vid det förväntade huvudet (${d}); sista posten: ${at}.`, en: `The log does not end at the expected head (${d}); last record: ${at}.` })
}

/**
 * A {@link Failure} with its text.
 *
 * @category constructors
 * @since 0.2.0
 */
export const failure = (check: Check, at: { seq?: number | undefined; kind: string; id: string; version?: number | undefined }, detail = ""): Failure => ({
  check,
  ...(at.seq !== undefined ? { seq: at.seq } : {}),
  kind: at.kind,
  id: at.id,
  ...(at.version !== undefined ? { version: at.version } : {}),
  text: texts[check](`${at.seq === undefined ? "" : `#${at.seq} `}${where(at.kind, at.id, at.version)}`, detail)
})

interface DocState {
  version: number
  hash: string
  dataHash: string | undefined
  /** The rebuilt log form, when patches are checked; undefined before a baseline. */
  form?: unknown
  known: boolean
}

/**
 * Checks a log record by record in `seq` order ({@link Verifier.push}), then the documents
 * ({@link Verifier.document}, {@link Verifier.finish}): the core of `Audit.verify` over a store
 * and of the check of an exported log. Memory: one entry per document (and its rebuilt log
 * form when `patches` is on).
 *
 * @category constructors
 * @since 0.2.0
 */
export class Verifier {
  private readonly docs = new Map<string, DocState>()
  private head: Head | undefined
  private count = 0
  private readonly seen = new Set<string>()
  private readonly hashing: Hashing
  private readonly options: { readonly patches?: boolean }
  constructor(hashing: Hashing, options: { readonly patches?: boolean } = {}) {
    this.hashing = hashing
    this.options = options
  }

  /** The next record of the log; the failure when it does not match. */
  push(record: ChangeLog.Encoded): Failure | undefined {
    const at = { seq: record.seq, kind: record.entity, id: record.id, version: record.version }
    const expected = (this.head?.seq ?? 0) + 1
    if (record.seq !== expected) return failure("seq", at, `expected #${expected}`)
    if (recordHash(this.hashing, record) !== record.hash) return failure("record-hash", at)
    if (record.chain !== chainOf(this.hashing, this.head?.chain, record.seq, record.hash)) return failure("chain", at)
    const key = `${record.entity}\u0000${record.id}`
    const last = this.docs.get(key)
    if (record.version !== (last?.version ?? 0) + 1) return failure("version", at, `after v${last?.version ?? 0}`)
    if (record.previous !== last?.hash) return failure("previous", at)
    const state: DocState = { version: record.version, hash: record.hash, dataHash: record.dataHash, known: false }
    if (this.options.patches !== false && record.patch !== undefined) {
      const next = apply(last?.form, record.patch as ReadonlyArray<Operation>)
      const fromRoot = isBaseline(record.patch as ReadonlyArray<Operation>)
      if (Option.isSome(next) && (last?.known === true || fromRoot)) {
        if (record.dataHash !== undefined && this.hashing.sha256(canonical(next.value)) !== record.dataHash) return failure("patch", at)
        state.form = next.value
        state.known = true
      } else if (Option.isNone(next) && last?.known === true) return failure("patch", at)
    }
    this.docs.set(key, state)
    this.head = { seq: record.seq, chain: record.chain }
    this.count++
    return undefined
  }

  /** A stored document, by the hash of its log form; the failure when it does not match its records. */
  document(kind: string, id: string, version: number, dataHash: string): Failure | undefined {
    const key = `${kind}\u0000${id}`
    this.seen.add(key)
    const last = this.docs.get(key)
    if (last === undefined) return failure("document-without-records", { kind, id, version })
    if (last.version !== version) return failure("missing-records", { kind, id, version }, `last record v${last.version}`)
    if (last.dataHash !== undefined && last.dataHash !== dataHash) return failure("data", { kind, id, version })
    return undefined
  }

  /** After every document: a record whose document was not seen names it; else the outcome. */
  finish(options: { readonly documents?: boolean; readonly expectedHead?: Head | undefined } = {}): Verification {
    if (options.documents !== false) {
      const missing = [...this.docs.entries()].filter(([key]) => !this.seen.has(key)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))[0]
      if (missing !== undefined) {
        const [kind, id] = missing[0].split("\u0000") as [string, string]
        return { _tag: "Broken", failure: failure("missing-document", { kind, id, version: missing[1].version }) }
      }
    }
    const expected = options.expectedHead
    if (expected !== undefined && (this.head?.seq !== expected.seq || this.head.chain !== expected.chain)) {
      return {
        _tag: "Broken",
        failure: failure("head", { ...(this.head !== undefined ? { seq: this.head.seq } : {}), kind: "log", id: "head" }, `#${expected.seq}`)
      }
    }
    return { _tag: "Verified", records: this.count, documents: this.seen.size, head: this.head }
  }

  /** The rebuilt log form of a document, when patches are checked. */
  formOf(kind: string, id: string): unknown {
    return this.docs.get(`${kind}\u0000${id}`)?.form
  }
}

/**
 * The line of an exported log for one record: its hashed content with `hash`, `seq` and
 * `chain`, without the clear `actor` (no personal data leaves the store).
 *
 * @category rendering
 * @since 0.2.0
 */
export const exportLine = (record: ChangeLog.Encoded): string => {
  const { actor: _, ...rest } = record
  return JSON.stringify(rest)
}

/**
 * Checks an exported log (its lines in order, as {@link exportLine} writes them) with no
 * database: hashes, links, sequence, chain, and that every patch leads to its `dataHash`.
 * What the `localrights-verify-log` command does, in TypeScript.
 *
 * @category rules
 * @since 0.2.0
 */
export const verifyLines = (lines: Iterable<string>, options: { readonly hashing?: Hashing; readonly expectedHead?: Head } = {}): Verification => {
  const verifier = new Verifier(options.hashing ?? defaultHashing)
  for (const line of lines) {
    if (line.trim() === "") continue
    const failed = verifier.push(JSON.parse(line))
    if (failed !== undefined) return { _tag: "Broken", failure: failed }
  }
  return verifier.finish({ documents: false, expectedHead: options.expectedHead })
}
