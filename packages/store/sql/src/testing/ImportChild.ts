/**
 * The child program of `CrashTest`: imports a JSON Lines file with `Import.partnerships`
 * into the store of a layer, writing one JSON line per batch (`{"created":…}`) to standard
 * output and a last line with `"done": true`, the report and the peak resident size
 * (`maxRSS`, KiB). Kept apart from the test suites so that the child loads no test runner.
 *
 * @example
 * ```ts
 * // test/fixtures/import-child.ts of an adapter: node import-child.ts <jsonl> <batchSize>
 * import { ImportChild } from "@localrights/store-sql/testing/import-child"
 * import { MyStore } from "my-store"
 *
 * const [file, batch] = process.argv.slice(2)
 * ImportChild.run({ file: file!, batchSize: Number(batch), database: MyStore.layerClient({ url: process.env.DB! }) })
 * ```
 *
 * @since 0.1.0
 */
import { ChangeLog } from "@localrights/core"
import { Effect, Layer, Stream } from "effect"
import type * as Client from "effect/sql/SqlClient"
import { createReadStream } from "node:fs"
import * as Import from "../Import.ts"
import * as SqlStores from "../SqlStores.ts"
import * as Generate from "./Generate.ts"

/**
 * What to import, and where.
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  /** The JSON Lines file. */
  readonly file: string
  /** Records per transaction. */
  readonly batchSize: number
  /** A client on the database (migrated when the stores are built). */
  readonly database: Layer.Layer<Client.SqlClient, unknown>
  /** Store the references of generated records with this prefix first (`Generate.storeReferences(prefix, 20, 200)`). */
  readonly references?: string | undefined
}

/**
 * Runs the import and exits the process: 0 when it completed, 1 (with the error on standard
 * error) when it failed.
 *
 * @category constructors
 * @since 0.1.0
 */
export const run = (options: Options): void => {
  const input = Stream.fromAsyncIterable(
    createReadStream(options.file, { highWaterMark: 64 * 1024 }) as AsyncIterable<Uint8Array>,
    (cause) => new Error(`reading ${options.file}`, { cause })
  )
  const references = options.references === undefined
    ? Effect.void
    : Generate.storeReferences(options.references, 20, 200).pipe(Effect.provide(SqlStores.layer))
  const program = Effect.andThen(references, Import.partnerships(input, {
    change: ChangeLog.change("import-child", "import"),
    batchSize: options.batchSize,
    maxProblems: 10,
    onProgress: (p) => process.stdout.write(`${JSON.stringify(p)}\n`)
  })).pipe(Effect.provide(Layer.provideMerge(SqlStores.migrate, options.database)))
  Effect.runPromise(program).then(
    (report) => {
      process.stdout.write(`${JSON.stringify({ done: true, ...report, problems: report.problems.length, maxRSS: process.resourceUsage().maxRSS })}\n`)
      process.exit(0)
    },
    (error) => {
      process.stderr.write(`${String(error)}\n`)
      process.exit(1)
    }
  )
}
