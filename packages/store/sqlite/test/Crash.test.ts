import { assert, it } from "@effect/vitest"
import { Partnership, PartnershipStore } from "@localrights/core"
import { Generate } from "@localrights/store-sql/testing"
import { SqliteStore } from "@localrights/store-sqlite"
import { Effect, Schema } from "effect"
import { spawn } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll } from "vitest"

const child = join(import.meta.dirname, "fixtures", "import-child.ts")
const dir = mkdtempSync(join(tmpdir(), "lr-crash-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const size = 16_000
const s = Generate.seeded(42)
const records: ReadonlyArray<Partnership.Partnership> = Array.from({ length: size }, (_, i) => Generate.partnership(s, `crash-${String(i).padStart(6, "0")}`, "crash-"))
const encode = Schema.encodeSync(Partnership.Partnership)
const file = join(dir, "input.jsonl")
writeFileSync(file, records.map((p) => JSON.stringify(encode(p))).join("\n") + "\n")
const database = join(dir, "crash.db")

/** Runs the child; kills it with SIGKILL after `killAfter` batches that created something (plus a little). */
const runChild = (killAfter: number | undefined, rand: () => number) =>
  new Promise<{ killed: boolean; done?: { created: number; unchanged: number; rejected: number } }>((resolve, reject) => {
    const proc = spawn(process.execPath, ["--conditions=@localrights/source", child, database, file, "250"], { stdio: ["ignore", "pipe", "pipe"] })
    let seen = 0
    let done: { created: number; unchanged: number; rejected: number } | undefined
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
  const problems = yield* SqliteStore.check
  const store = yield* PartnershipStore.PartnershipStore
  const all = yield* store.list()
  return { problems, ids: all.map((p) => p.id), all }
}).pipe(Effect.provide(SqliteStore.layer({ filename: database })))

it.effect("kill -9 mid-import 20 times: the database stays consistent, nothing committed is lost, a re-run completes", () =>
  Effect.gen(function*() {
    const rand = (() => {
      const g = Generate.seeded(2026)
      return () => g.int(1_000_000) / 1_000_000
    })()
    let committed: ReadonlyArray<string> = []
    let kills = 0
    for (let round = 0; round < 20; round++) {
      const result = yield* Effect.promise(() => runChild(1 + Math.floor(rand() * 3), rand))
      if (result.killed) kills++
      const state = yield* inspect
      assert.deepStrictEqual(state.problems, [], `round ${round}`)
      // everything committed before stays, with its data
      const now = new Set<string>(state.ids)
      for (const id of committed) assert.isTrue(now.has(id), `round ${round}: ${id} was lost`)
      assert.isAtLeast(state.ids.length, committed.length)
      committed = state.ids
    }
    assert.isAtLeast(kills, 15)
    assert.isBelow(committed.length, size)
    const final = yield* Effect.promise(() => runChild(undefined, rand))
    assert.isFalse(final.killed)
    assert.strictEqual(final.done!.created + final.done!.unchanged, size)
    assert.strictEqual(final.done!.unchanged, committed.length)
    const state = yield* inspect
    assert.deepStrictEqual(state.problems, [])
    assert.strictEqual(state.all.length, size)
    for (const [i, p] of state.all.entries()) assert.deepStrictEqual(p, new Partnership.Partnership({ ...records[i]!, version: 1 }))
  }), { timeout: 120_000 })
