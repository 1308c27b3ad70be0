/**
 * `localrights import <file> --db <path>`: imports partnerships from a JSON Lines file or a JSON
 * array into a SQLite database file with `Import.partnerships`, printing progress and the report
 * (bad records by line) in Swedish and English. Exits with 1 when the import stopped (abort at a
 * bad record, or a database failure); batches committed before stay, and running the same
 * command again completes the import.
 *
 * For a large file, start Node with the heap caps `Import` recommends:
 * `node --max-semi-space-size=2 --max-old-space-size=64 …/main.ts import big.jsonl --db data.db`
 * keeps a million records near 175 MB resident instead of about 400 MB (benchmark P8).
 */
import { ChangeLog } from "@localrights/core"
import { Import, SqliteStore } from "@localrights/store-sqlite"
import { Console, Effect, Stream } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { createReadStream, mkdirSync } from "node:fs"
import { dirname } from "node:path"

const line = (sv: string, en: string) => Console.log(`${sv}\n  ${en}`)

export const command = Command.make(
  "import",
  {
    file: Argument.File("file", { mustExist: true }).pipe(Argument.withDescription("JSON Lines or a JSON array of partnerships")),
    db: Flag.String("db").pipe(Flag.withDescription("The SQLite database file (created when missing)")),
    batchSize: Flag.Int("batch-size").pipe(Flag.withDescription("Records per transaction"), Flag.withDefault(1000)),
    onInvalid: Flag.Literals("on-invalid", ["skip", "abort"]).pipe(
      Flag.withDescription("Skip bad records and report them, or stop at the first"),
      Flag.withDefault("skip")
    ),
    actor: Flag.String("actor").pipe(Flag.withDescription("Who imports: goes into every change record"), Flag.withDefault("cli-import"))
  },
  Effect.fn(function*({ actor, batchSize, db, file, onInvalid }) {
    if (db !== ":memory:") mkdirSync(dirname(db), { recursive: true })
    const input = Stream.fromAsyncIterable(
      createReadStream(file, { highWaterMark: 64 * 1024 }) as AsyncIterable<Uint8Array>,
      (cause) => new Error(`reading ${file}: ${String(cause)}`)
    )
    const started = Date.now()
    let shown = 0
    const result = yield* Import.partnerships(input, {
      change: ChangeLog.change(actor, `import of ${file}`),
      batchSize,
      onInvalid,
      onProgress: (p) => {
        // a line about every five seconds
        if (Date.now() - shown < 5000) return
        shown = Date.now()
        console.log(`  ${p.read} lästa, ${p.created} nya, ${p.updated} uppdaterade, ${p.rejected} avvisade / read ${p.read}, new ${p.created}, updated ${p.updated}, rejected ${p.rejected}`)
      }
    }).pipe(
      Effect.provide(SqliteStore.layer({ filename: db })),
      Effect.result
    )
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    if (result._tag === "Failure") {
      const error = result.failure
      process.exitCode = 1
      if (error instanceof Import.ImportAborted) {
        yield* line(
          `Importen avbröts på rad ${error.line}: ${error.reasonSv}. ${error.progress.created} nya och ${error.progress.updated} uppdaterade partnerskap före den är sparade.`,
          `Import aborted at line ${error.line}: ${error.reason}. ${error.progress.created} new and ${error.progress.updated} updated partnerships before it are stored.`
        )
      } else {
        yield* line(`Importen misslyckades: ${error.message}`, `Import failed: ${error.message}`)
      }
      return
    }
    const r = result.success
    yield* line(
      `${r.read} poster lästa på ${seconds} s: ${r.created} nya, ${r.updated} uppdaterade, ${r.unchanged} oförändrade, ${r.rejected} avvisade.`,
      `${r.read} records read in ${seconds} s: ${r.created} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected} rejected.`
    )
    for (const p of r.problems) yield* line(`rad ${p.line}${p.id ? ` (${p.id})` : ""}: ${p.reasonSv}`, `line ${p.line}${p.id ? ` (${p.id})` : ""}: ${p.reason}`)
    if (r.problems.length < r.rejected) {
      yield* line(`… och ${r.rejected - r.problems.length} till`, `… and ${r.rejected - r.problems.length} more`)
    }
  })
).pipe(
  Command.withDescription(
    "Import partnerships (JSON Lines or a JSON array) into a SQLite database file. For a large file, run Node with --max-semi-space-size=2 --max-old-space-size=64 to keep memory near 175 MB"
  ),
  Command.withExamples([{ command: "localrights import partnerships.jsonl --db .localrights/data.db", description: "Import a file" }])
)
