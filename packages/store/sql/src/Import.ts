/**
 * Bulk import of partnerships from a stream of JSON Lines or a JSON array, into a SQL store:
 * every record validated, written in batches (one transaction each, with its change records
 * and catalogue index), bad records reported with their line number and reason.
 *
 * **Details**
 *
 * - Upsert by id: a new id is created at version 1; an existing id whose data differs gets the
 *   next version; an existing id with identical data (the stored `version` aside) is left
 *   alone. Every write appends a change record with command `Import`. Running the same file
 *   again therefore changes nothing, and re-running an import that was interrupted writes only
 *   what the interrupted run had not committed.
 * - `onInvalid: "skip"` (default) reports a bad record and goes on; `"abort"` fails with
 *   {@link ImportAborted} at the first one. Batches committed before it stay committed.
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
 * - The record's own `version` field is ignored: the store's version is authoritative.
 *
 * @module
 * @since 0.1.0
 */
import { ChangeLog, DocumentStore, Partnership, Validation } from "@localrights/core"
import { Clock, Effect, Exit, Schema, Stream } from "effect"
import * as SchemaJITCompiler from "effect/schema/SchemaJITCompiler"
import * as Client from "effect/sql/SqlClient"
import type { SqlError } from "effect/sql/SqlError"
import { grouped, type IndexRow, indexRow, rowStatements, statements } from "./internal/partnershipIndex.ts"
import { type RawRecord, scanner } from "./internal/scan.ts"
import { dialectOf, list, mapSqlError, values } from "./internal/sql.ts"

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
}

/** The stored JSON of a record at `version` (the field goes last, as `data.version = …` put it). */
const withVersion = (json: string, version: number): string => `${json.slice(0, -1)},"version":${version}}`

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
      if (abort && aborted === undefined) {
        aborted = new ImportAborted({ line, reason, reasonSv, progress: { ...counts } })
      }
      if (problems.length < maxProblems) problems.push(new Problem({ line, reason, reasonSv, ...(id !== undefined ? { id } : {}) }))
    }

    const writeOnce = (records: ReadonlyArray<Valid>) =>
      Effect.gen(function*() {
        const at = new Date(yield* Clock.currentTimeMillis).toISOString()
        const existing = new Map<string, { version: number; data: unknown }>()
        const lock = dialect.name === "pg" ? " FOR UPDATE" : ""
        const rows = yield* sql.unsafe<{ id: string; version: number; data: unknown }>(
          `SELECT id, version, data FROM documents WHERE kind = 'partnership' AND id IN (${list(dialect, records.length)})${lock}`,
          records.map((r) => r.id)
        )
        for (const row of rows) existing.set(row.id, { version: Number(row.version), data: dialect.parseJson(row.data) })
        const docRows: Array<ReadonlyArray<unknown>> = []
        const changeRows: Array<ReadonlyArray<unknown>> = []
        const index = []
        const fresh = new Set<string>()
        let created = 0
        let updated = 0
        let unchanged = 0
        // the change record's JSON, as JSON.stringify({ entity, id, version, at, actor, command,
        // reason, statusBefore?, statusAfter }) writes it, with the parts common to the batch once
        const common = `"at":${JSON.stringify(at)},"actor":${JSON.stringify(options.change.actor)},"command":"Import","reason":${
          JSON.stringify(options.change.reason)
        },`
        for (const r of records) {
          const old = existing.get(r.id)
          if (old !== undefined && canonical(withoutVersion(old.data)) === canonical(JSON.parse(r.json))) {
            unchanged++
            continue
          }
          const version = old === undefined ? 1 : old.version + 1
          const before = old === undefined ? undefined : (old.data as { status?: unknown }).status
          if (old === undefined) created++
          else updated++
          const id = JSON.stringify(r.id)
          docRows.push([r.id, version, withVersion(r.json, version)])
          changeRows.push([
            r.id,
            version,
            `{"entity":"partnership","id":${id},"version":${version},${common}${
              typeof before === "string" ? `"statusBefore":${JSON.stringify(before)},` : ""
            }"statusAfter":${JSON.stringify(r.status)}}`
          ])
          index.push(r.index)
          if (old === undefined) fresh.add(r.id)
        }
        const writes = created + updated
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
          yield* run(grouped("INSERT INTO changes (kind, id, version, record) VALUES", tuple, changeRows))
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
          for (let start = 0; start < writes; start += 1000) {
            const part = changeRows.slice(start, start + 1000)
            yield* sql.unsafe(`INSERT INTO changes (kind, id, version, record) VALUES ${tuples(part.length)}`, part.flat())
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

    const flush = Effect.gen(function*() {
      if (batch.length === 0) return
      const records = batch
      batch = []
      ids = new Set()
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
      const exit = decode(json)
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
      if (Object.hasOwn(data, "version")) {
        // a copy without the field (a `delete` would leave V8's slow dictionary object, which
        // JSON.stringify writes about three times slower)
        const { version: _, ...rest } = data
        text = JSON.stringify(rest)
      } else text = raw.text.trim()
      return { line: raw.line, id: value.id, status: value.status, json: text, index: indexRow(value)! } satisfies Valid
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
    if (aborted !== undefined) return yield* aborted
    yield* flush
    return { ...counts, problems }
  })
