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
 * - A record is checked against the programme, organisations and network it names as soon as
 *   it is read (those not read before are read a few hundred records at a time, and kept); an
 *   existing partnership's lifecycle fields are checked inside its batch's transaction, against
 *   the version it replaces.
 * - On PostgreSQL a batch is written while the next one is read and decoded: the decoding
 *   overlaps the server's work (SQLite runs in the process: a batch is written when it is
 *   full). The next batch is written only after the previous one is committed. Each batch
 *   looks its stored documents up by id with one index probe per id (`internal/sql.ts`), so a
 *   batch costs the same however large the table has grown.
 * - Memory stays flat: the input is read chunk by chunk, and only the current batch is held
 *   (each record's data sorted once, as canonical JSON text but for its decisions, and its
 *   index row). The JavaScript heap that is still in use stays near 30 MB whatever the input
 *   size; the resident size of the process is
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

const withoutVersion = (data: unknown): unknown => {
  if (data === null || typeof data !== "object") return data
  const { version: _, ...rest } = data as Record<string, unknown>
  return rest
}

// A record of the current batch, as little as its write needs (its data sorted once, its index
// row, the actors it names): the parsed and decoded record die young, before the batch is
// written, so that the garbage collector copies strings, not trees.
interface Valid {
  readonly line: number
  readonly id: string
  readonly status: string
  /** The record's data without `version`, sorted once: the document's JSON, its log form and the comparison with the stored data. */
  readonly data: AuditLog.Prepared
  readonly index: IndexRow
  /** The actors the record names (its decisions' `decidedBy`), for their salts. */
  readonly actors: ReadonlyArray<string>
  /** The decoded record, kept only for lifecycle "replay" (its commands are run from it). */
  readonly value?: Partnership.Partnership | undefined
}

// A record parsed and decoded, before the checks that need other entities.
interface Decoded {
  readonly line: number
  readonly json: Record<string, unknown>
  readonly value: Partnership.Partnership
}

// The programmes, organisations and networks that imported records name, read from the store
// when first named and kept for the next records (up to `maxCached`, then read again).
const maxCached = 100_000
// records decoded before the entities they name are looked up
const slice = 256
// records whose rows are built and written at a time, inside a batch's transaction (at most
// 1000: PostgreSQL's multi-row statements have at most 65535 parameters)
const part = 500

// A record to write in a batch: the version it gets and what is stored before it (an update).
interface Pending {
  readonly r: Valid
  readonly version: number
  readonly old: { readonly data: unknown; readonly hash: string | undefined } | undefined
}

const referenceSchemas: Record<"programme" | "organisation" | "network", (u: unknown) => Exit.Exit<unknown, unknown>> = {
  programme: Schema.decodeUnknownExit(Programme.Programme),
  organisation: Schema.decodeUnknownExit(Organisation.Organisation),
  network: Schema.decodeUnknownExit(Network.Network)
}
type ReferenceKind = keyof typeof referenceSchemas

const referenceCache = (sql: Client.SqlClient, dialect: ReturnType<typeof dialectOf>) => {
  // by kind, then id: the decoded entity, or null when it is not stored
  const cache: Record<ReferenceKind, Map<string, unknown>> = { programme: new Map(), organisation: new Map(), network: new Map() }
  const size = () => cache.programme.size + cache.organisation.size + cache.network.size
  const namedBy = (p: Partnership.Partnership): Array<readonly [ReferenceKind, string]> => [
    ["programme", p.programme],
    ["organisation", p.swedishPartner],
    ...(p.internationalPartner === undefined ? [] : [["organisation", p.internationalPartner] as const]),
    ...p.associates.map((a) => ["organisation", a.organisation] as const),
    ...(p.network === undefined ? [] : [["network", p.network] as const])
  ]
  const get = (kind: ReferenceKind, id: string) => cache[kind].get(id) ?? undefined
  return {
    /** Whether every entity `p` names has been read (found or not): then {@link facts} needs no read. */
    known: (p: Partnership.Partnership): boolean => {
      const orgs = cache.organisation
      if (!cache.programme.has(p.programme) || !orgs.has(p.swedishPartner)) return false
      if (p.internationalPartner !== undefined && !orgs.has(p.internationalPartner)) return false
      if (p.network !== undefined && !cache.network.has(p.network)) return false
      for (const a of p.associates) if (!orgs.has(a.organisation)) return false
      return true
    },
    load: (records: ReadonlyArray<Partnership.Partnership>) =>
      Effect.gen(function*() {
        if (size() > maxCached) for (const kind of Object.values(cache)) kind.clear()
        const missing = new Map<ReferenceKind, Set<string>>()
        for (const p of records) {
          for (const [kind, id] of namedBy(p)) {
            if (!cache[kind].has(id)) missing.set(kind, (missing.get(kind) ?? new Set()).add(id))
          }
        }
        for (const [kind, wanted] of missing) {
          const ids = [...wanted]
          for (let start = 0; start < ids.length; start += 5000) {
            const part = ids.slice(start, start + 5000)
            const [from, params] = documentsAmong(dialect, kind, part)
            const rows = yield* sql.unsafe<{ id: string; version: number; data: unknown }>(`SELECT d.id, d.version, d.data FROM ${from}`, params)
            for (const id of part) cache[kind].set(id, null)
            for (const row of rows) {
              const data = dialect.parseJson(row.data) as Record<string, unknown>
              const exit = referenceSchemas[kind]({ ...data, version: Number(row.version) })
              if (Exit.isSuccess(exit)) cache[kind].set(row.id, exit.value)
            }
          }
        }
      }),
    facts: (p: Partnership.Partnership): Integrity.Facts => {
      const organisations = new Map<string, Organisation.Organisation | undefined>()
      organisations.set(p.swedishPartner, get("organisation", p.swedishPartner) as Organisation.Organisation | undefined)
      if (p.internationalPartner !== undefined) organisations.set(p.internationalPartner, get("organisation", p.internationalPartner) as Organisation.Organisation | undefined)
      for (const a of p.associates) organisations.set(a.organisation, get("organisation", a.organisation) as Organisation.Organisation | undefined)
      return {
        programme: get("programme", p.programme) as Programme.Programme | undefined,
        organisations,
        network: p.network === undefined ? undefined : get("network", p.network) as Network.Network | undefined
      }
    }
  }
}

// An existing partnership's lifecycle fields change only through lifecycle commands, on import too.
// `given` is the record's JSON, which is its encoded form (it decoded with no unknown field).
const lifecycleChanges = (stored: Record<string, unknown>, given: Record<string, unknown>) =>
  Integrity.lifecycleFields
    .filter((f) => AuditLog.canonical(stored[f]) !== AuditLog.canonical(given[f]))
    .map((f) =>
      Refusal.violation(f, "lifecycle-field", given[f], {
        sv: `${f} ändras bara med livscykelns kommandon, inte med en import av ett lagrat partnerskap.`,
        en: `${f} changes only through lifecycle commands, not through an import of a stored partnership.`
      })
    )
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
    const replay = options.lifecycle === "replay"
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
        // the records to write: the version each gets, the stored data before (updates)
        const pending: Array<Pending> = []
        const fresh = new Set<string>()
        let created = 0
        let updated = 0
        let unchanged = 0
        // stored partnerships whose lifecycle fields the record would change: refused (checked
        // against what this transaction reads, so against what it would write over)
        const refused: Array<{ readonly r: Valid; readonly violations: ReadonlyArray<Refusal.Violation> }> = []
        for (const r of records) {
          const old = existing.get(r.id)
          if (old !== undefined) {
            const given = AuditLog.dataText(r.data)
            if (AuditLog.canonical(withoutVersion(old.data)) === given) {
              unchanged++
              continue
            }
            const violations = lifecycleChanges(old.data as Record<string, unknown>, JSON.parse(given))
            if (violations.length > 0) {
              refused.push({ r, violations })
              continue
            }
          }
          if (old === undefined) created++
          else updated++
          pending.push({ r, version: old === undefined ? 1 : old.version + 1, old })
          if (old === undefined) fresh.add(r.id)
        }
        // aborting: nothing of the batch is written (as for a record that does not decode)
        if (abort && refused.length > 0) return { created: 0, updated: 0, unchanged: 0, refused }
        if (pending.length === 0) return { created, updated, unchanged, refused }
        // the actors' salts (the importer and every decision's decidedBy, before and after) and
        // the sequence numbers of the batch's change records
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

        // the change record of a write, sealed after `head`: its row
        const sealed = ({ r, version, old }: Pending): ReadonlyArray<unknown> => {
          // the canonical JSON of the log form: the record's sorted data with its actors'
          // commitments and the new version
          const text = AuditLog.formText(hashing, "partnership", r.data, keys, { version })
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
            // at creation the patch is written from the text below
            ...(old === undefined
              ? {}
              : { patch: AuditLog.diff(AuditLog.logForm(hashing, "partnership", old.data, keys), JSON.parse(text)) as NonNullable<ChangeLog.Draft["patch"]> }),
            dataHash: hashing.sha256(text)
          }
          // at creation the patch is the whole document: its canonical JSON is known already
          const creation = old === undefined ? `[{"op":"add","path":"","value":${text}}]` : undefined
          const record = AuditLog.seal(hashing, draft, old?.hash, head, creation)
          head = { seq: record.seq, chain: record.chain }
          // the row: at creation the patch's JSON is known already (canonical JSON is JSON)
          const [json, patch] = splitRecord(record, creation)
          return [r.id, version, record.seq, record.hash, patch, json]
        }

        // new ids: plain inserts (cheapest); a unique violation means someone created one since
        // we read, which is a conflict like any other. Existing ids: an upsert that only
        // applies on the version we read. The rows of a few hundred records at a time, so that
        // they die young (the statements of a batch are one transaction all the same).
        const insert = "INSERT INTO documents (kind, id, version, data) VALUES"
        const upsert =
          "ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version, data = excluded.data WHERE documents.version = excluded.version - 1"
        for (let start = 0; start < pending.length; start += part) {
          const writes = pending.slice(start, start + part)
          const newDocs: Array<ReadonlyArray<unknown>> = []
          const oldDocs: Array<ReadonlyArray<unknown>> = []
          for (const { r, version, old } of writes) (old === undefined ? newDocs : oldDocs).push([r.id, version, AuditLog.dataText(r.data, { version })])
          const index = writes.map((w) => w.r.index)
          if (bulk !== undefined) {
            // groups of rows per statement for the tables without secondary indexes
            const run = (statements: ReadonlyArray<readonly [string, ReadonlyArray<ReadonlyArray<unknown>>]>) =>
              Effect.reduce(statements, () => 0, (n, [statement, rows]) => rows.length === 0 ? Effect.succeed(n) : Effect.map(bulk(statement, rows), (m) => n + m))
            const tuple = "('partnership', ?, ?, ?)"
            if (newDocs.length > 0) yield* run(grouped(insert, tuple, newDocs))
            if (oldDocs.length > 0) {
              const written = yield* bulk(`${insert} ${tuple} ${upsert}`, oldDocs)
              if (written !== oldDocs.length) return yield* Effect.fail(new Conflict())
            }
            yield* run(grouped("INSERT INTO changes (kind, id, version, seq, hash, patch, record) VALUES", "('partnership', ?, ?, ?, ?, ?, ?)", writes.map(sealed)))
            yield* run(rowStatements(index, fresh))
          } else {
            // multi-row statements (PostgreSQL allows 65535 parameters): a few statements per
            // part and table instead of one per row
            const tuples = (n: number) => values(dialect, n, ["v", "v", "j"]).replaceAll("(", "('partnership', ")
            if (newDocs.length > 0) yield* sql.unsafe(`${insert} ${tuples(newDocs.length)}`, newDocs.flat())
            if (oldDocs.length > 0) {
              const written = (yield* sql.unsafe(`${insert} ${tuples(oldDocs.length)} ${upsert} RETURNING id`, oldDocs.flat())).length
              // someone else wrote one of these ids since we read it: roll back and read again
              if (written !== oldDocs.length) return yield* Effect.fail(new Conflict())
            }
            const changeTuples = values(dialect, writes.length, ["v", "v", "v", "v", "v", "j"]).replaceAll("(", "('partnership', ")
            yield* sql.unsafe(`INSERT INTO changes (kind, id, version, seq, hash, patch, record) VALUES ${changeTuples}`, writes.flatMap(sealed))
            for (const [statement, params] of statements(dialect, index, fresh)) yield* sql.unsafe(statement, params)
          }
        }
        yield* setHead(sql, dialect, head!.chain)
        return { created, updated, unchanged, refused }
      }).pipe(
        Effect.catchIf(
          (e): e is SqlError => (e as { _tag?: unknown })._tag === "SqlError" && (e as SqlError).reason._tag === "UniqueViolation",
          () => Effect.fail(new Conflict())
        ),
        sql.withTransaction
      )

    // every rule every write keeps that needs other entities (Integrity.check against the
    // stored programme, organisations and network, read into the cache already): the record
    // to write, or none when it is refused (reported by line)
    const refuses = (line: number, id: string, violations: ReadonlyArray<Refusal.Violation>) =>
      reject(line, violations.map((v) => `${v.field}: ${v.text.en}`).join(" "), violations.map((v) => `${v.field}: ${v.text.sv}`).join(" "), id)
    const admit = (d: Decoded): Valid | undefined => {
      const violations = Integrity.check(d.value, references.facts(d.value))
      if (violations.length === 0) return valid(d)
      refuses(d.line, d.value.id, violations)
      return undefined
    }

    // the lifecycle led somewhere else than the record (a state its commands cannot produce,
    // such as a rejected partnership with a network): refused, and its transaction rolled back
    const unreachable = (target: Partnership.Partnership, reached: Partnership.Partnership) => {
      const given = encodePartnership(target) as Record<string, unknown>
      const held = encodePartnership(reached) as Record<string, unknown>
      const fields = [...new Set([...Object.keys(given), ...Object.keys(held)])].filter((f) => f !== "version" && AuditLog.canonical(given[f]) !== AuditLog.canonical(held[f]))
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
    const replayed = (records: ReadonlyArray<Valid & { readonly value: Partnership.Partnership }>) =>
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
    const store = (records: ReadonlyArray<Valid>) =>
      // with "replay", every record keeps its value (see `valid`)
      replay ? replayed(records as ReadonlyArray<Valid & { readonly value: Partnership.Partnership }>) : Effect.gen(function*() {
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
        for (const { r, violations } of result.refused) refuses(r.line, r.id, violations)
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
      // SQLite runs every statement synchronously in this process: nothing to overlap, and a
      // batch written at once is one batch less held in memory
      if (bulk !== undefined) return yield* store(taken)
      inFlight = yield* Effect.forkChild(store(taken))
    })

    // a record read: parsed and decoded, or reported by line
    const read = (raw: RawRecord): Decoded | undefined => {
      counts.read++
      if (raw.text === undefined) {
        reject(
          raw.line,
          `Record too long: ${raw.tooLong} characters or more, the limit is ${maxRecordChars} (option maxRecordChars)`,
          `Posten är för lång: ${raw.tooLong} tecken eller fler, gränsen är ${maxRecordChars} (alternativet maxRecordChars)`
        )
        return undefined
      }
      let json: unknown
      try {
        json = JSON.parse(raw.text)
      } catch (e) {
        reject(raw.line, `Not valid JSON: ${(e as Error).message}`, `Inte giltig JSON: ${(e as Error).message}`)
        return undefined
      }
      // the store's version is authoritative: a record may leave its own out
      const exit = decode(json !== null && typeof json === "object" && !Array.isArray(json) && !Object.hasOwn(json, "version") ? { ...json, version: 0 } : json)
      if (Exit.isFailure(exit)) {
        const id = typeof (json as { id?: unknown })?.id === "string" ? (json as { id: string }).id : undefined
        const error = exit.cause.reasons.find((r) => r._tag === "Fail")
        const message = error?._tag === "Fail" ? error.error.explain("en") : "invalid partnership"
        const messageSv = error?._tag === "Fail" ? error.error.explain("sv") : "ogiltigt partnerskap"
        reject(raw.line, message, messageSv, id)
        return undefined
      }
      return { line: raw.line, json: json as Record<string, unknown>, value: exit.value }
    }

    // what the batch keeps of a record. The record decoded with no unknown field, and a
    // partnership's encoded form is its JSON form: the record is stored as given (its keys
    // sorted, the store's version in place of its own); the index comes from the decoded value.
    const valid = (d: Decoded): Valid => {
      const value = d.value
      const actors = value.decisions.length === 0 ? [] : [...new Set(value.decisions.map((x) => x.decidedBy))]
      return {
        line: d.line,
        id: value.id,
        status: value.status,
        data: AuditLog.prepare("partnership", d.json, ["version"]),
        index: indexRow(value)!,
        actors,
        ...(replay ? { value } : {})
      }
    }

    // Records are read a slice at a time: the entities a slice names that have not been read
    // yet are read with one query per kind (none once a file's few programmes, organisations
    // and networks are known), then each record is checked and reduced to what its batch keeps.
    const take = (records: Array<RawRecord>) =>
      Effect.gen(function*() {
        for (let start = 0; start < records.length; start += slice) {
          const decoded: Array<Decoded> = []
          for (let i = start; i < Math.min(records.length, start + slice) && aborted === undefined; i++) {
            const d = read(records[i]!)
            if (d !== undefined) decoded.push(d)
          }
          // lifecycle "replay" checks with its commands
          const unknown = replay ? [] : decoded.filter((d) => !references.known(d.value))
          if (unknown.length > 0) yield* references.load(unknown.map((d) => d.value)).pipe(mapSqlError("Import.partnerships", `checking the records from line ${unknown[0]!.line}`))
          for (const d of decoded) {
            const record = replay ? valid(d) : admit(d)
            // aborting: the batch with the bad record is not written (the last one is pending)
            if (record === undefined) {
              if (abort) return
              continue
            }
            if (ids.has(record.id)) yield* flush
            batch.push(record)
            ids.add(record.id)
            if (batch.length >= batchSize) yield* flush
          }
          if (aborted !== undefined) return
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
    if (aborted !== undefined) return yield* committed(aborted)
    yield* flush
    yield* settle
    if ((aborted as ImportAborted | undefined) !== undefined) return yield* committed(aborted!)
    // in line order (a batch's checks report while the next batch is read)
    problems.sort((a, b) => a.line - b.line)
    return { ...counts, problems }
  })
