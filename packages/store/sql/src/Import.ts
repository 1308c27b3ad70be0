/**
 * Bulk import of partnerships from a stream of JSON Lines or a JSON array, into a SQL store:
 * every record validated, written in batches (one transaction each, with its change records
 * and catalogue index), bad records reported with their line number and reason.
 *
 * **Details**
 *
 * - Upsert by id: a new id is created at version 1; an existing id whose data differs gets the
 *   next version; an existing id with identical data (the stored `version` aside) is left
 *   alone. Every write appends a change record with command `Import`, sealed as the store's
 *   own writes seal theirs (`AuditLog`: the patch from the stored version, the data hash, the
 *   link to the previous record, and the next `seq` and `chain`, taken once per batch). Running the same file
 *   again therefore changes nothing, and re-running an import that was interrupted writes only
 *   what the interrupted run had not committed.
 * - `onInvalid: "skip"` (default) reports a bad record and goes on; `"abort"` fails with
 *   {@link ImportAborted} at the first one (the earliest line). Batches committed before it
 *   stay committed; its `progress` counts what was committed in the end.
 * - A batch is checked and written while the next one is read and decoded: on PostgreSQL the
 *   decoding overlaps the server's work. The next batch is checked only after the previous one
 *   is committed. Each batch looks its stored documents up by id with one index probe per id
 *   (`internal/sql.ts`), so a batch costs the same however large the table has grown.
 * - Memory stays flat: the input is read chunk by chunk, and only the current batch is held
 *   (as strings: each record's JSON text and its index row). The JavaScript heap that is still
 *   in use stays near 30 MB whatever the input size; the resident size of the process is
 *   mostly V8's own sizing, which on default settings (on a machine with much memory) lets the
 *   young generation grow to 128 MB and the old generation to several times the live heap
 *   before it collects: into SQLite, about 360 MB resident at peak for 200 000 records and
 *   390 MB for a million. For a large import in a process of its own,
 *   `node --max-semi-space-size=2 --max-old-space-size=64` bounds that (about 175 MB for a
 *   million; benchmark P8 measures all three).
 * - A record longer than `maxRecordChars` (default 1 048 576 characters) is a bad record, reported
 *   with its line and length; it is skipped as it is read, so a runaway line, or a file with no
 *   line breaks at all, costs no memory.
 * - The record's own `version` field is ignored, and may be left out: the store's version is
 *   authoritative.
 *
 * @module
 * @since 0.1.0
 */
import { AuditLog, ChangeLog, DocumentStore, Integrity, Network, Organisation, Partnership, Partnerships, Programme, Refusal, Validation } from "@localrights/core"
import { Array as Arr, Clock, Effect, Exit, Fiber, Option, Schema, Stream } from "effect"
import * as SchemaJITCompiler from "effect/schema/SchemaJITCompiler"
import * as Client from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import { grouped, type IndexRow, indexRow, rowStatements, statements } from "./internal/partnershipIndex.ts"
import { type RawRecord, scanner } from "./internal/scan.ts"
import { dialectOf, documentsAmong, mapSqlError, values } from "./internal/sql.ts"
import { nodeHashing } from "./internal/hashing.ts"
import { saltsOf, setHead, splitRecord, takeHead } from "./SqlDocumentStore.ts"
import * as SqlStores from "./SqlStores.ts"

/**
 * Options of an import.
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  /** Who imports and why: goes into every change record. */
  readonly change: ChangeLog.Change
  /** `jsonl`, `json-array`, or `auto` (default): an input whose first character is `[` is an array. */
  readonly format?: "jsonl" | "json-array" | "auto" | undefined
  /** Skip bad records and report them (default), or abort at the first. */
  readonly onInvalid?: "skip" | "abort" | undefined
  /** Records per transaction (default 1000, at most 10 000). */
  readonly batchSize?: number | undefined
  /** Called after every batch with the counts so far. */
  readonly onProgress?: ((progress: Progress) => void) | undefined
  /** How many bad records the report keeps in full (default 1000); all are counted. */
  readonly maxProblems?: number | undefined
  /**
   * The longest record accepted, in characters (default 1 048 576). A longer one is reported
   * as a bad record with its line and length and is not held in memory while it is read, so a
   * file with a runaway line (or no line breaks at all) cannot exhaust the process.
   */
  readonly maxRecordChars?: number | undefined
  /**
   * How a record enters the store.
   *
   * - `"as-stored"` (default): as the state it describes, in one change record `Import`, once
   *   it passes the invariant check (`Integrity.check` against the stored programme,
   *   organisations and network). The bulk path, for moving or restoring a localrights store.
   * - `"replay"`: registered at its first status and brought to its status by the lifecycle
   *   commands that lead there (`Partnerships.establish`), each recorded in its history; its
   *   decisions must be overrides (evidence `Override`: decisions taken outside the system).
   *   For migrating from another system. A record is one transaction (all its commands, or
   *   none of them), and a record already stored with the same data is left alone. About a
   *   hundred times slower than `"as-stored"`: one write per command.
   */
  readonly lifecycle?: "as-stored" | "replay" | undefined
}

/**
 * Counts of an import so far.
 *
 * @category models
 * @since 0.1.0
 */
export interface Progress {
  /** Records read from the input. */
  readonly read: number
  /** New partnerships written at version 1. */
  readonly created: number
  /** Existing partnerships written at a new version. */
  readonly updated: number
  /** Existing partnerships whose data was identical: not written. */
  readonly unchanged: number
  /** Bad records. */
  readonly rejected: number
}

/**
 * A record that was not imported: the line it starts on and why, in sv and en.
 *
 * @category models
 * @since 0.1.0
 */
export class Problem extends Schema.Class<Problem>("@localrights/store-sql/Import/Problem")({
  line: Schema.Int,
  id: Schema.optionalKey(Schema.String),
  reason: Schema.String,
  reasonSv: Schema.String
}) {}

/**
 * What an import did: the final counts and the bad records.
 *
 * @category models
 * @since 0.1.0
 */
export interface Report extends Progress {
  /** The bad records (at most `maxProblems`). */
  readonly problems: ReadonlyArray<Problem>
}

/**
 * The import stopped at a bad record (`onInvalid: "abort"`); batches before it are committed.
 *
 * @category errors
 * @since 0.1.0
 */
export class ImportAborted extends Schema.TaggedError<ImportAborted>()("ImportAborted", {
  line: Schema.Int,
  reason: Schema.String,
  reasonSv: Schema.String,
  progress: Schema.Struct({
    read: Schema.Int,
    created: Schema.Int,
    updated: Schema.Int,
    unchanged: Schema.Int,
    rejected: Schema.Int
  })
}) {
  /** @since 0.1.0 */
  override get message(): string {
    return `Import aborted at line ${this.line}: ${this.reason} / Importen avbröts på rad ${this.line}: ${this.reasonSv}`
  }
}

// Compiled decoding: the same result and error paths as the interpreter, several times faster
// on a partnership; it falls back to the interpreter where code generation is not allowed.
SchemaJITCompiler.enable(Partnership.Partnership.ast)
const decode = Validation.decoderExit(Partnership.Partnership, "Partnership")

/** JSON with object keys sorted, for comparing stored and imported data. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, v) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v)

const withoutVersion = (data: unknown): unknown => {
  if (data === null || typeof data !== "object") return data
  const { version: _, ...rest } = data as Record<string, unknown>
  return rest
}

// A record of the current batch: strings (the record's JSON without `version`, its index row),
// not the parsed object, so that a batch holds little and the parsed objects die young.
interface Valid {
  readonly line: number
  readonly id: string
  readonly status: string
  /** The record's JSON without a `version` field (its own text when it had none): an object with at least `id`. */
  readonly json: string
  readonly index: IndexRow
  /** The actors the record names (its decisions' `decidedBy`), for their salts. */
  readonly actors: ReadonlyArray<string>
  /** The record's JSON value without `version` (what `json` holds), for its change record's log form. */
  readonly plain: Record<string, unknown>
  /** The decoded record, for the checks against the stored programme, organisations and network. */
  readonly value: Partnership.Partnership
}

/** The stored JSON of a record at `version` (the field goes last, as `data.version = …` put it). */
const withVersion = (json: string, version: number): string => `${json.slice(0, -1)},"version":${version}}`

// The programmes, organisations and networks that imported records name, read from the store a
// batch at a time and kept for the next batches (up to `maxCached`, then read again).
const maxCached = 100_000
const referenceSchemas: Record<"programme" | "organisation" | "network", (u: unknown) => Exit.Exit<unknown, unknown>> = {
  programme: Schema.decodeUnknownExit(Programme.Programme),
  organisation: Schema.decodeUnknownExit(Organisation.Organisation),
  network: Schema.decodeUnknownExit(Network.Network)
}
type ReferenceKind = keyof typeof referenceSchemas

const referenceCache = (sql: Client.SqlClient, dialect: ReturnType<typeof dialectOf>) => {
  const cache = new Map<string, unknown>()
  const key = (kind: ReferenceKind, id: string) => `${kind}\u0000${id}`
  const namedBy = (p: Partnership.Partnership): Array<readonly [ReferenceKind, string]> => [
    ["programme", p.programme],
    ["organisation", p.swedishPartner],
    ...(p.internationalPartner === undefined ? [] : [["organisation", p.internationalPartner] as const]),
    ...p.associates.map((a) => ["organisation", a.organisation] as const),
    ...(p.network === undefined ? [] : [["network", p.network] as const])
  ]
  const get = (kind: ReferenceKind, id: string) => cache.get(key(kind, id)) ?? undefined
  return {
    load: (records: ReadonlyArray<Partnership.Partnership>) =>
      Effect.gen(function*() {
        if (cache.size > maxCached) cache.clear()
        const missing = new Map<ReferenceKind, Set<string>>()
        for (const p of records) {
          for (const [kind, id] of namedBy(p)) {
            if (!cache.has(key(kind, id))) missing.set(kind, (missing.get(kind) ?? new Set()).add(id))
          }
        }
        for (const [kind, wanted] of missing) {
          const ids = [...wanted]
          for (let start = 0; start < ids.length; start += 5000) {
            const part = ids.slice(start, start + 5000)
            const [from, params] = documentsAmong(dialect, kind, part)
            const rows = yield* sql.unsafe<{ id: string; version: number; data: unknown }>(`SELECT d.id, d.version, d.data FROM ${from}`, params)
            for (const id of part) cache.set(key(kind, id), null)
            for (const row of rows) {
              const data = dialect.parseJson(row.data) as Record<string, unknown>
              const exit = referenceSchemas[kind]({ ...data, version: Number(row.version) })
              if (Exit.isSuccess(exit)) cache.set(key(kind, row.id), exit.value)
            }
          }
        }
      }),
    facts: (p: Partnership.Partnership): Integrity.Facts => ({
      programme: get("programme", p.programme) as Programme.Programme | undefined,
      organisations: new Map(namedBy(p).filter(([kind]) => kind === "organisation").map(([, id]) => [id, get("organisation", id) as Organisation.Organisation | undefined])),
      network: p.network === undefined ? undefined : get("network", p.network) as Network.Network | undefined
    })
  }
}

// An existing partnership's lifecycle fields change only through lifecycle commands, on import too.
const lifecycleChanges = (stored: Record<string, unknown> | undefined, value: Partnership.Partnership) => {
  if (stored === undefined) return []
  const given = encodePartnership(value) as Record<string, unknown>
  return Integrity.lifecycleFields
    .filter((f) => canonical(stored[f]) !== canonical(given[f]))
    .map((f) =>
      Refusal.violation(f, "lifecycle-field", given[f], {
        sv: `${f} ändras bara med livscykelns kommandon, inte med en import av ett lagrat partnerskap.`,
        en: `${f} changes only through lifecycle commands, not through an import of a stored partnership.`
      })
    )
}
const encodePartnership = Schema.encodeSync(Partnership.Partnership)

/** A client that can run a prepared statement per row of parameters (the SQLite client of this project). */
type Bulk = (sql: string, rows: ReadonlyArray<ReadonlyArray<unknown>>) => Effect.Effect<number, SqlError>

class Conflict {
  readonly _tag = "Conflict"
}

/**
 * Imports partnerships from `input` (text or bytes, in chunks of any size) into the SQL store
 * of the `SqlClient` in context. The schema must be migrated (any store layer of this package
 * does that).
 *
 * @category constructors
 * @since 0.1.0
 */
export const partnerships = <E, R>(
  input: Stream.Stream<string | Uint8Array, E, R>,
  options: Options
): Effect.Effect<Report, ImportAborted | DocumentStore.StoreError | E, R | Client.SqlClient> =>
  Effect.gen(function*() {
    const sql = yield* Client.SqlClient
    const dialect = dialectOf(sql)
    const hashing = nodeHashing
    const bulk = (sql as { bulk?: Bulk }).bulk
    // at most 10 000: the ids of a batch are one IN list (SQLite allows 32766 parameters)
    const batchSize = Math.max(1, Math.min(options.batchSize ?? 1000, 10_000))
    const maxProblems = options.maxProblems ?? 1000
    const maxRecordChars = Math.max(2, Math.floor(options.maxRecordChars ?? 1_048_576))
    const abort = options.onInvalid === "abort"
    const counts = { read: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 }
    const problems: Array<Problem> = []
    const decoder = new TextDecoder()
    let scan: ReturnType<typeof scanner> | undefined
    let batch: Array<Valid> = []
    let ids = new Set<string>()
    let aborted: ImportAborted | undefined

    const reject = (line: number, reason: string, reasonSv: string, id?: string) => {
      counts.rejected++
      // the earliest bad line aborts (a batch's checks run while the next batch is read)
      if (abort && (aborted === undefined || line < aborted.line)) {
        aborted = new ImportAborted({ line, reason, reasonSv, progress: { ...counts } })
      }
      if (problems.length < maxProblems) problems.push(new Problem({ line, reason, reasonSv, ...(id !== undefined ? { id } : {}) }))
    }

    const references = referenceCache(sql, dialect)
    const storedPartnerships = (wanted: ReadonlyArray<string>) =>
      Effect.map(
        Effect.suspend(() => {
          const [from, params] = documentsAmong(dialect, "partnership", wanted)
          return sql.unsafe<{ id: string; data: unknown }>(`SELECT d.id, d.data FROM ${from}`, params)
        }),
        (rows) => new Map(rows.map((row) => [row.id, dialect.parseJson(row.data) as Record<string, unknown>]))
      )

    const writeOnce = (records: ReadonlyArray<Valid>) =>
      Effect.gen(function*() {
        const at = new Date(yield* Clock.currentTimeMillis).toISOString()
        const existing = new Map<string, { version: number; data: unknown; hash: string | undefined }>()
        const [from, params] = documentsAmong(dialect, "partnership", records.map((r) => r.id), { lock: true })
        // the hash of each document's latest record, looked up per document (an index probe)
        const rows = yield* sql.unsafe<{ id: string; version: number; data: unknown; hash: string | null }>(
          `SELECT d.id, d.version, d.data, (SELECT c.hash FROM changes c WHERE c.kind = d.kind AND c.id = d.id AND c.version = d.version) AS hash FROM ${from}`,
          params
        )
        for (const row of rows) {
          existing.set(row.id, { version: Number(row.version), data: dialect.parseJson(row.data), hash: row.hash ?? undefined })
        }
        const docRows: Array<ReadonlyArray<unknown>> = []
        const changeRows: Array<ReadonlyArray<unknown>> = []
        // the change records to seal once the documents are written: id, version, the stored
        // data before (updates), the status before
        const pending: Array<{ readonly r: Valid; readonly version: number; readonly old: { data: unknown; hash: string | undefined } | undefined }> = []
        const index = []
        const fresh = new Set<string>()
        let created = 0
        let updated = 0
        let unchanged = 0
        for (const r of records) {
          const old = existing.get(r.id)
          if (old !== undefined && canonical(withoutVersion(old.data)) === canonical(JSON.parse(r.json))) {
            unchanged++
            continue
          }
          const version = old === undefined ? 1 : old.version + 1
          if (old === undefined) created++
          else updated++
          docRows.push([r.id, version, withVersion(r.json, version)])
          pending.push({ r, version, old })
          index.push(r.index)
          if (old === undefined) fresh.add(r.id)
        }
        const writes = created + updated
        // the change records, sealed with the sequence numbers taken for the batch; the actors'
        // salts first (the importer and every decision's decidedBy, before and after)
        const sealRecords = Effect.gen(function*() {
          const actors = new Set<string>([options.change.actor])
          for (const { r, old } of pending) {
            for (const a of r.actors) actors.add(a)
            if (old !== undefined) for (const a of AuditLog.actorsIn("partnership", old.data)) actors.add(a)
          }
          const salts = yield* saltsOf(sql, dialect, [...actors], hashing)
          // one HMAC per actor and batch: a batch names few actors many times
          const commitments = new Map<string, string>()
          const keys: AuditLog.Keys = {
            actorSalt: (a) => salts.get(a),
            actorCommitment: (a) => {
              let c = commitments.get(a)
              const salt = salts.get(a)
              if (c === undefined && salt !== undefined) commitments.set(a, c = AuditLog.commit(hashing, salt, a))
              return c
            }
          }
          const actorRef = AuditLog.commit(hashing, salts.get(options.change.actor)!, options.change.actor)
          let head = yield* takeHead(sql, dialect, pending.length)
          for (const { r, version, old } of pending) {
            const data = { ...r.plain, version }
            const form = AuditLog.logForm(hashing, "partnership", data, keys)
            const text = AuditLog.canonical(form)
            const before = old === undefined ? undefined : (old.data as { status?: unknown }).status
            const draft: ChangeLog.Draft = {
              entity: "partnership",
              id: r.id,
              version,
              at,
              actor: options.change.actor,
              command: "Import",
              reason: options.change.reason,
              ...(typeof before === "string" ? { statusBefore: before } : {}),
              statusAfter: r.status,
              actorRef,
              patch: AuditLog.diff(old === undefined ? undefined : AuditLog.logForm(hashing, "partnership", old.data, keys), form) as NonNullable<ChangeLog.Draft["patch"]>,
              dataHash: hashing.sha256(text)
            }
            // at creation the patch is the whole document: its canonical JSON is known already
            const creation = old === undefined ? `[{"op":"add","path":"","value":${text}}]` : undefined
            const sealed = AuditLog.seal(hashing, draft, old?.hash, head, creation)
            head = { seq: sealed.seq, chain: sealed.chain }
            // the row: at creation the patch's JSON is known already (canonical JSON is JSON)
            const [json, patch] = splitRecord(sealed, creation)
            changeRows.push([r.id, version, sealed.seq, sealed.hash, patch, json])
          }
          if (head !== undefined) yield* setHead(sql, dialect, head.chain)
        })
        // new ids: plain inserts (cheapest); a unique violation means someone created one since
        // we read, which is a conflict like any other. Existing ids: an upsert that only
        // applies on the version we read.
        const newDocs = docRows.filter((row) => fresh.has(row[0] as string))
        const oldDocs = docRows.filter((row) => !fresh.has(row[0] as string))
        const insert = "INSERT INTO documents (kind, id, version, data) VALUES"
        const upsert =
          "ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version, data = excluded.data WHERE documents.version = excluded.version - 1"
        if (writes > 0 && bulk !== undefined) {
          // groups of rows per statement for the tables without secondary indexes
          const run = (statements: ReadonlyArray<readonly [string, ReadonlyArray<ReadonlyArray<unknown>>]>) =>
            Effect.reduce(statements, () => 0, (n, [statement, rows]) => rows.length === 0 ? Effect.succeed(n) : Effect.map(bulk(statement, rows), (m) => n + m))
          const tuple = "('partnership', ?, ?, ?)"
          if (newDocs.length > 0) yield* run(grouped(insert, tuple, newDocs))
          if (oldDocs.length > 0) {
            const written = yield* bulk(`${insert} ${tuple} ${upsert}`, oldDocs)
            if (written !== oldDocs.length) return yield* Effect.fail(new Conflict())
          }
          yield* sealRecords
          yield* run(grouped("INSERT INTO changes (kind, id, version, seq, hash, patch, record) VALUES", "('partnership', ?, ?, ?, ?, ?, ?)", changeRows))
          yield* run(rowStatements(index, fresh))
        } else if (writes > 0) {
          // multi-row statements of at most 1000 rows (PostgreSQL allows 65535 parameters, SQLite
          // 32766): a few statements per batch and table instead of one per row
          const tuples = (n: number) => values(dialect, n, ["v", "v", "j"]).replaceAll("(", "('partnership', ")
          for (let start = 0; start < newDocs.length; start += 1000) {
            const part = newDocs.slice(start, start + 1000)
            yield* sql.unsafe(`${insert} ${tuples(part.length)}`, part.flat())
          }
          let written = 0
          for (let start = 0; start < oldDocs.length; start += 1000) {
            const part = oldDocs.slice(start, start + 1000)
            written += (yield* sql.unsafe(`${insert} ${tuples(part.length)} ${upsert} RETURNING id`, part.flat())).length
          }
          // someone else wrote one of these ids since we read it: roll back and read again
          if (written !== oldDocs.length) return yield* Effect.fail(new Conflict())
          yield* sealRecords
          const changeTuples = (n: number) => values(dialect, n, ["v", "v", "v", "v", "v", "j"]).replaceAll("(", "('partnership', ")
          for (let start = 0; start < writes; start += 1000) {
            const part = changeRows.slice(start, start + 1000)
            yield* sql.unsafe(`INSERT INTO changes (kind, id, version, seq, hash, patch, record) VALUES ${changeTuples(part.length)}`, part.flat())
          }
          for (const [statement, params] of statements(dialect, index, fresh)) yield* sql.unsafe(statement, params)
        }
        return { created, updated, unchanged }
      }).pipe(
        Effect.catchIf(
          (e): e is SqlError => (e as { _tag?: unknown })._tag === "SqlError" && (e as SqlError).reason._tag === "UniqueViolation",
          () => Effect.fail(new Conflict())
        ),
        sql.withTransaction
      )

    // the records of a batch that keep the rules every write keeps (Integrity.check against the
    // stored programme, organisations and network; an existing partnership's lifecycle fields
    // unchanged); the others are reported by line. With onInvalid "abort", the records before
    // the first bad one.
    const checked = (records: ReadonlyArray<Valid>) =>
      Effect.gen(function*() {
        if (records.length === 0) return []
        yield* references.load(records.map((r) => r.value))
        const stored = yield* storedPartnerships(records.map((r) => r.id))
        const good: Array<Valid> = []
        for (const r of records) {
          const violations = [...Integrity.check(r.value, references.facts(r.value)), ...lifecycleChanges(stored.get(r.id), r.value)]
          if (violations.length === 0) {
            good.push(r)
            continue
          }
          reject(
            r.line,
            violations.map((v) => `${v.field}: ${v.text.en}`).join(" "),
            violations.map((v) => `${v.field}: ${v.text.sv}`).join(" "),
            r.id
          )
          // aborting: nothing of the batch is written (as for a record that does not decode)
          if (abort) return []
        }
        return good
      })

    // the lifecycle led somewhere else than the record (a state its commands cannot produce,
    // such as a rejected partnership with a network): refused, and its transaction rolled back
    const unreachable = (target: Partnership.Partnership, reached: Partnership.Partnership) => {
      const given = encodePartnership(target) as Record<string, unknown>
      const held = encodePartnership(reached) as Record<string, unknown>
      const fields = [...new Set([...Object.keys(given), ...Object.keys(held)])].filter((f) => f !== "version" && canonical(given[f]) !== canonical(held[f]))
      return Arr.isArrayNonEmpty(fields)
        ? Effect.fail(
          new Partnership.PartnershipInvalid({
            subject: { kind: "partnership", id: target.id },
            violations: Arr.map(fields, (f) =>
              Refusal.violation(f, "unreachable", given[f], {
                sv: `Livscykelns kommandon leder inte till detta värde av ${f} för status ${target.status}.`,
                en: `The lifecycle's commands do not lead to this value of ${f} at status ${target.status}.`
              }))
          })
        )
        : Effect.void
    }

    // lifecycle "replay": each record through Partnerships.establish, in a transaction of its
    // own, over the stores of this client (migrated already: building them checks that only)
    const replayed = (records: ReadonlyArray<Valid>) =>
      Effect.gen(function*() {
        const partnerships = yield* Partnership.Store
        for (const r of records) {
          if (abort && aborted !== undefined) return
          const stored = yield* partnerships.find(r.id)
          const exit = yield* Effect.exit(sql.withTransaction(Effect.flatMap(Partnerships.establish(r.value, options.change), (reached) => unreachable(r.value, reached))))
          if (Exit.isSuccess(exit)) {
            if (Option.isSome(stored)) counts.unchanged++
            else counts.created++
            continue
          }
          const error = exit.cause.reasons.find((reason) => reason._tag === "Fail")
          const failure = error?._tag === "Fail" ? error.error : undefined
          if (failure !== undefined && Refusal.isRefusal(failure)) {
            reject(r.line, failure.violations.map((v) => `${v.field}: ${v.text.en}`).join(" "), failure.violations.map((v) => `${v.field}: ${v.text.sv}`).join(" "), r.id)
            continue
          }
          return yield* failure instanceof DocumentStore.StoreError
            ? Effect.fail(failure)
            : Effect.fail(
              new DocumentStore.StoreError({
                method: "Import.partnerships",
                reason: "unknown",
                detail: `replaying ${r.id} (line ${r.line}): ${failure === undefined ? "interrupted or a defect" : String((failure as { message?: unknown }).message ?? failure)}`,
                ...(failure === undefined ? {} : { cause: failure })
              })
            )
        }
        options.onProgress?.({ ...counts })
      }).pipe(Effect.provide(SqlStores.layer))

    // A batch is checked and written in a fiber of its own while the next batch is read and
    // decoded (on PostgreSQL the reading overlaps the server's work); the next batch is
    // checked only once this one is committed, so it sees what this one wrote.
    const store = (taken: ReadonlyArray<Valid>) =>
      options.lifecycle === "replay" ? replayed(taken) : Effect.gen(function*() {
        const records = yield* checked(taken).pipe(mapSqlError("Import.partnerships", `checking the batch from line ${taken[0]!.line}`))
        if (records.length === 0) return
        const result = yield* writeOnce(records).pipe(
          Effect.retry({ times: 5, while: (e) => e instanceof Conflict }),
          Effect.catchIf((e): e is Conflict => e instanceof Conflict, () =>
            Effect.fail(
              new DocumentStore.StoreError({
                method: "Import.partnerships",
                reason: "unknown",
                detail: `other writers kept changing the partnerships of the batch from line ${records[0]!.line}`
              })
            )),
          mapSqlError("Import.partnerships", `writing the batch from line ${records[0]!.line}`)
        )
        counts.created += result.created
        counts.updated += result.updated
        counts.unchanged += result.unchanged
        options.onProgress?.({ ...counts })
      })
    let inFlight: Fiber.Fiber<void, DocumentStore.StoreError> | undefined
    // waits for the batch being written (its failure is the import's)
    const settle = Effect.suspend(() => {
      const fiber = inFlight
      inFlight = undefined
      return fiber === undefined ? Effect.void : Fiber.join(fiber)
    })

    const flush = Effect.gen(function*() {
      if (batch.length === 0) return
      const taken = batch
      batch = []
      ids = new Set()
      yield* settle
      inFlight = yield* Effect.forkChild(store(taken))
    })

    const accept = (raw: RawRecord) => {
      counts.read++
      if (raw.text === undefined) {
        return reject(
          raw.line,
          `Record too long: ${raw.tooLong} characters or more, the limit is ${maxRecordChars} (option maxRecordChars)`,
          `Posten är för lång: ${raw.tooLong} tecken eller fler, gränsen är ${maxRecordChars} (alternativet maxRecordChars)`
        )
      }
      let json: unknown
      try {
        json = JSON.parse(raw.text)
      } catch (e) {
        return reject(raw.line, `Not valid JSON: ${(e as Error).message}`, `Inte giltig JSON: ${(e as Error).message}`)
      }
      // the store's version is authoritative: a record may leave its own out
      const exit = decode(json !== null && typeof json === "object" && !Array.isArray(json) && !Object.hasOwn(json, "version") ? { ...json, version: 0 } : json)
      if (Exit.isFailure(exit)) {
        const id = typeof (json as { id?: unknown })?.id === "string" ? (json as { id: string }).id : undefined
        const error = exit.cause.reasons.find((r) => r._tag === "Fail")
        const message = error?._tag === "Fail" ? error.error.explain("en") : "invalid partnership"
        const messageSv = error?._tag === "Fail" ? error.error.explain("sv") : "ogiltigt partnerskap"
        return reject(raw.line, message, messageSv, id)
      }
      // the record decodes with no unknown field, and a partnership's encoded form is its JSON
      // form: the record is stored as given; the index comes from the decoded value
      const value = exit.value
      // without a `version` field the record's own text is that JSON already (a JSON object,
      // which the decoder checked): no need to write it again
      const data = json as Record<string, unknown>
      let text: string
      let plain = data
      if (Object.hasOwn(data, "version")) {
        // a copy without the field (a `delete` would leave V8's slow dictionary object, which
        // JSON.stringify writes about three times slower)
        const { version: _, ...rest } = data
        plain = rest
        text = JSON.stringify(rest)
      } else text = raw.text.trim()
      const actors = value.decisions.length === 0 ? [] : [...new Set(value.decisions.map((d) => d.decidedBy))]
      return { line: raw.line, id: value.id, status: value.status, json: text, index: indexRow(value)!, actors, plain, value } satisfies Valid
    }

    const take = (records: Array<RawRecord>) =>
      Effect.gen(function*() {
        for (const raw of records) {
          if (aborted !== undefined) return
          const valid = accept(raw)
          if (valid === undefined) continue
          if (ids.has(valid.id)) yield* flush
          batch.push(valid)
          ids.add(valid.id)
          if (batch.length >= batchSize) yield* flush
        }
      })

    const scanProblem = (problem: { line: number; reason: string } | undefined) => {
      if (problem === undefined) return
      counts.rejected++
      const sv = problem.reason === "The JSON array is not closed with ]"
        ? "JSON-listan avslutas inte med ]"
        : "Texten är inte en JSON-lista av poster"
      if (abort) aborted = new ImportAborted({ line: problem.line, reason: problem.reason, reasonSv: sv, progress: { ...counts } })
      else if (problems.length < maxProblems) problems.push(new Problem({ line: problem.line, reason: problem.reason, reasonSv: sv }))
      return true
    }

    // the abort with the counts of what was committed in the end (batches still being written
    // when the bad record was read are in them)
    const committed = (e: ImportAborted) => new ImportAborted({ line: e.line, reason: e.reason, reasonSv: e.reasonSv, progress: { ...counts } })

    let stopped = false
    yield* input.pipe(
      Stream.takeWhile(() => aborted === undefined && !stopped),
      Stream.runForEach((chunk) => {
        const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true })
        if (scan === undefined) {
          const first = text.trimStart()
          if (first === "") return Effect.void
          const format = options.format === undefined || options.format === "auto" ? (first.startsWith("[") ? "json-array" : "jsonl") : options.format
          scan = scanner(format, maxRecordChars)
        }
        const out: Array<RawRecord> = []
        if (scanProblem(scan.push(text, out))) stopped = true
        return take(out)
      })
    )
    if (aborted === undefined && scan !== undefined && !stopped) {
      const out: Array<RawRecord> = []
      const tail = decoder.decode()
      if (tail !== "") scan.push(tail, out)
      scanProblem(scan.end(out))
      yield* take(out)
    }
    yield* settle
    if (aborted !== undefined) {
      // the records still pending come before the one that aborted: the first bad record may be
      // among them (reject keeps the earliest)
      yield* checked(batch).pipe(mapSqlError("Import.partnerships", "checking the last batch"))
      return yield* committed(aborted)
    }
    yield* flush
    yield* settle
    if ((aborted as ImportAborted | undefined) !== undefined) return yield* committed(aborted!)
    // in line order (a batch's checks report while the next batch is read)
    problems.sort((a, b) => a.line - b.line)
    return { ...counts, problems }
  })
