/**
 * The import of partnerships with `Import.partnerships` (run by `ImportCommand.ts`): the file
 * streamed chunk by chunk (CSV turned into JSON Lines on the way,
 * each record on the line its row starts on, so problems keep their CSV line), progress after
 * every batch with the bytes read so far.
 */
import { ChangeLog } from "@localrights/core"
import { Import } from "@localrights/store-sqlite"
import { Data, Effect, Stream } from "effect"
import { createReadStream } from "node:fs"
import * as Cli from "../Cli.ts"
import { csvParser, csvRecord, type Format, type Row } from "./Records.ts"

/** What to import, from where, into where. */
export interface Job {
  readonly file: string
  readonly format: Format
  readonly target: Cli.Target
  readonly batchSize: number
  readonly onInvalid: "skip" | "abort"
  readonly actor: string
  readonly reason: string
}

/** Counts so far, with the bytes of the file read. */
export interface Progress extends Import.Progress {
  readonly bytes: number
}

/** What the import reports. */
export type Message =
  | { readonly _tag: "Progress"; readonly progress: Progress }
  | { readonly _tag: "Done"; readonly report: { readonly counts: Import.Progress; readonly problems: ReadonlyArray<Import.Problem> } }
  | { readonly _tag: "Failed"; readonly failed: { readonly code: Cli.Code; readonly sv: string; readonly en: string; readonly detail?: string | undefined } }
  | {
    readonly _tag: "Aborted"
    readonly line: number
    readonly reason: { readonly sv: string; readonly en: string }
    readonly counts: Import.Progress
  }

/** A CSV row that cannot be read, with `--on-invalid abort`: the import stops there. */
class CsvRowProblem extends Data.TaggedError("CsvRowProblem")<{ readonly line: number; readonly reason: { readonly sv: string; readonly en: string } }> {}

/**
 * CSV chunks as JSON Lines chunks: each record on its row's line (the header line is left
 * blank). A row that cannot be read is left blank too and given to `onProblem`, or, when
 * aborting, ends the stream with a {@link CsvRowProblem}.
 */
const csvAsJsonLines = (
  input: Stream.Stream<Uint8Array, Error>,
  onProblem: (line: number, reason: { readonly sv: string; readonly en: string }) => void,
  abort: boolean
): Stream.Stream<string, Error | CsvRowProblem> =>
  Stream.suspend(() => {
    let stop: CsvRowProblem | undefined
    const decoder = new TextDecoder()
    let header: ReadonlyArray<string> | undefined
    let line = 1
    let out = ""
    const parser = csvParser((row: Row) => {
      // blank lines up to the row's line: the import counts lines as the CSV file does
      while (line < row.line) {
        out += "\n"
        line++
      }
      if (header === undefined) {
        header = row.cells
        return
      }
      const read = csvRecord(header, row)
      // the store sets the version (Import ignores the record's own); a CSV file need not give one
      if (read.problem === undefined) out += JSON.stringify({ version: 0, ...(read.value as object) })
      else if (abort) stop ??= new CsvRowProblem({ line: row.line, reason: read.problem })
      else onProblem(row.line, read.problem)
    })
    const take = () => {
      const chunk = out
      out = ""
      return chunk
    }
    return input.pipe(
      Stream.mapEffect((bytes) => {
        parser.push(decoder.decode(bytes, { stream: true }))
        // the records before the bad row go on: the import sees them, then the stream's end
        return stop === undefined ? Effect.succeed(take()) : Effect.fail(stop)
      }),
      Stream.concat(Stream.sync(() => {
        parser.push(decoder.decode())
        parser.end()
        return `${take()}\n`
      })),
      Stream.filter((s) => s !== "")
    )
  })

/** Runs the job, reporting through `post`. */
export const run = (job: Job, post: (message: Message) => void): Effect.Effect<void> => {
  let bytes = 0
  let last: Import.Progress = { read: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 }
  const csvProblems: Array<Import.Problem> = []
  let csvRejected = 0
  const file = Stream.fromAsyncIterable(
    createReadStream(job.file, { highWaterMark: 64 * 1024 }) as AsyncIterable<Uint8Array>,
    (cause) => new Error(`reading ${job.file}: ${String(cause)}`)
  ).pipe(Stream.tap((chunk) => Effect.sync(() => void (bytes += chunk.length))))
  const input: Stream.Stream<string | Uint8Array, Error | CsvRowProblem> = job.format === "csv"
    ? csvAsJsonLines(file, (line, reason) => {
      csvRejected++
      if (csvProblems.length < 1000) csvProblems.push(new Import.Problem({ line, reason: reason.en, reasonSv: reason.sv }))
    }, job.onInvalid === "abort")
    : file
  return Import.partnerships(input, {
    change: ChangeLog.change(job.actor, job.reason),
    format: job.format === "csv" ? "jsonl" : job.format === "json" ? "json-array" : "auto",
    batchSize: job.batchSize,
    onInvalid: job.onInvalid,
    onProgress: (p) => {
      last = p
      post({ _tag: "Progress", progress: { ...p, read: p.read + csvRejected, rejected: p.rejected + csvRejected, bytes } })
    }
  }).pipe(
    Effect.provide(Cli.storeLayer(job.target, { create: true })),
    Effect.matchEffect({
      onSuccess: (r) =>
        Effect.sync(() => {
          const { problems, ...counts } = r
          const all = csvProblems.length === 0 ? problems : [...problems, ...csvProblems].sort((a, b) => a.line - b.line)
          post({ _tag: "Done", report: { counts: { ...counts, read: counts.read + csvRejected, rejected: counts.rejected + csvRejected }, problems: all } })
        }),
      onFailure: (e) =>
        Effect.sync(() => {
          if (e instanceof CsvRowProblem) {
            post({ _tag: "Aborted", line: e.line, reason: e.reason, counts: last })
            return
          }
          if (e instanceof Import.ImportAborted) {
            post({ _tag: "Aborted", line: e.line, reason: { sv: e.reasonSv, en: e.reason }, counts: e.progress })
            return
          }
          const f = Cli.classify(e)
          post({ _tag: "Failed", failed: { code: f.code, sv: f.sv, en: f.en, detail: f.detail } })
        })
    })
  )
}
