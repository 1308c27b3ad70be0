/**
 * The crash test of a SQL store's bulk import: a child process importing a JSON Lines file is
 * killed with SIGKILL mid-import, again and again; after each kill the database must be
 * consistent (`SqlStores.check`), everything committed before must still be there, and a final
 * run must complete with every record stored exactly as given.
 *
 * The child is the adapter's own small program (see the SQLite and PostgreSQL stores' test
 * fixtures): it imports `input` with `Import.partnerships` in batches and writes one JSON line
 * per batch (`{"created":…}`) and a last line with `"done": true` and the report.
 *
 * @since 0.1.0
 */
import { assert, it } from "@effect/vitest"
import { Audit, Partnership } from "@localrights/core"
import { Effect, Layer, Schema } from "effect"
import type * as Client from "effect/sql/SqlClient"
import { spawn } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import * as SqlStores from "../SqlStores.ts"
import * as Generate from "./Generate.ts"

/**
 * Options for {@link suite}.
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  /** The child's command line for an input file: `[command, ...args]`. */
  readonly child: (input: string) => readonly [string, ...Array<string>]
  /** A client on the database the child imports into (the suite runs the stores over it). */
  readonly database: Layer.Layer<Client.SqlClient, unknown>
  /** Records in the input (default 16 000). */
  readonly records?: number
  /** Kills (default 20). */
  readonly kills?: number
  /** Test timeout in milliseconds (default 360 000: a guard against a hang, not a speed limit; twenty child processes on a loaded 2-core machine take minutes). */
  readonly timeout?: number
}

interface Done {
  readonly created: number
  readonly unchanged: number
  readonly rejected: number
}

/**
 * Registers the crash test under `name`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const suite = (name: string, options: Options): void => {
  const size = options.records ?? 16_000
  const rounds = options.kills ?? 20
  const s = Generate.seeded(42)
  const records: ReadonlyArray<Partnership.Partnership> = Array.from(
    { length: size },
    (_, i) => Generate.partnership(s, `crash-${String(i).padStart(6, "0")}`, "crash-")
  )
  const encode = Schema.encodeSync(Partnership.Partnership)

  /** Runs the child; kills it with SIGKILL a little after `killAfter` batches that created something. */
  const runChild = (input: string, killAfter: number | undefined, rand: () => number) =>
    new Promise<{ killed: boolean; done?: Done }>((resolve, reject) => {
      const [command, ...args] = options.child(input)
      const proc = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] })
      let seen = 0
      let done: Done | undefined
      let buffer = ""
      let stderr = ""
      proc.stderr.on("data", (d) => (stderr += d))
      proc.stdout.on("data", (d: Buffer) => {
        buffer += d.toString()
        let nl
        while ((nl = buffer.indexOf("\n")) !== -1) {
          const line = JSON.parse(buffer.slice(0, nl))
          buffer = buffer.slice(nl + 1)
          if (line.done) done = line
          else if (line.created > 0 && killAfter !== undefined && ++seen >= killAfter) {
            setTimeout(() => proc.kill("SIGKILL"), Math.floor(rand() * 15))
            killAfter = undefined
          }
        }
      })
      proc.on("error", reject)
      proc.on("exit", (code, signal) => {
        if (signal === "SIGKILL") resolve({ killed: true })
        else if (code === 0) resolve({ killed: false, ...(done ? { done } : {}) })
        else reject(new Error(`child exited with ${code}: ${stderr}`))
      })
    })

  const inspect = Effect.gen(function*() {
    const problems = [...(yield* SqlStores.check)]
    // the change log too: every record sealed, no gap in the sequence, the chain unbroken
    const verified = yield* Audit.verify({ patches: false })
    if (verified._tag === "Broken") problems.push(`change log: ${verified.failure.text.en}`)
    const all = yield* (yield* Partnership.Store).list()
    return { problems, ids: all.map((p) => p.id), all }
  }).pipe(Effect.provide(SqlStores.layer.pipe(Layer.provideMerge(options.database))))

  it.effect(`${name}: kill -9 mid-import ${rounds} times; the database stays consistent, nothing committed is lost, a re-run completes`, () =>
    Effect.gen(function*() {
      const dir = mkdtempSync(join(tmpdir(), "lr-crash-"))
      yield* Effect.addFinalizer(() => Effect.sync(() => rmSync(dir, { recursive: true, force: true })))
      const input = join(dir, "input.jsonl")
      writeFileSync(input, records.map((p) => JSON.stringify(encode(p))).join("\n") + "\n")
      // the programmes, organisations and networks the records name (an import checks them)
      yield* Generate.storeReferences("crash-").pipe(Effect.provide(SqlStores.layer.pipe(Layer.provideMerge(options.database))))
      const rand = (() => {
        const g = Generate.seeded(2026)
        return () => g.int(1_000_000) / 1_000_000
      })()
      let committed: ReadonlyArray<string> = []
      let kills = 0
      for (let round = 0; round < rounds; round++) {
        const result = yield* Effect.promise(() => runChild(input, 1 + Math.floor(rand() * 3), rand))
        if (result.killed) kills++
        const state = yield* inspect
        assert.deepStrictEqual(state.problems, [], `round ${round}`)
        // everything committed before stays, with its data
        const now = new Set<string>(state.ids)
        for (const id of committed) assert.isTrue(now.has(id), `round ${round}: ${id} was lost`)
        assert.isAtLeast(state.ids.length, committed.length)
        committed = state.ids
      }
      assert.isAtLeast(kills, Math.ceil(rounds * 0.75))
      assert.isBelow(committed.length, size)
      const final = yield* Effect.promise(() => runChild(input, undefined, rand))
      assert.isFalse(final.killed)
      assert.strictEqual(final.done!.created + final.done!.unchanged, size)
      assert.strictEqual(final.done!.unchanged, committed.length)
      const state = yield* inspect
      assert.deepStrictEqual(state.problems, [])
      assert.strictEqual(state.all.length, size)
      for (const [i, p] of state.all.entries()) assert.deepStrictEqual(p, new Partnership.Partnership({ ...records[i]!, version: 1 }))
    }).pipe(Effect.scoped), { timeout: options.timeout ?? 360_000 })
}
