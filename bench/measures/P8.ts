/**
 * P8: the `localrights import` command on 1 000 000 partnership records (JSON Lines, about
 * 420 MB) into a SQLite file, at Node's default settings (no heap flags): peak resident size of
 * the whole process (main thread and the import's worker thread, `process.resourceUsage()`,
 * reported by `import --json`), and records per second, next to P1's figure for the same
 * records imported in memory by the library.
 *
 * The command is run as users run it (`node --conditions=@localrights/source
 * examples/cli/src/main.ts import …`, the sources): the command runs in a worker thread with
 * `resourceLimits` (a young generation of a few MB, an old generation bounded for `import`),
 * the main thread only waiting for it, which is what keeps the resident size flat at default
 * settings. The records are 1000 seeded templates with distinct ids; their
 * programmes, organisations and networks are imported with the same command first (`--kind
 * programmes`, `organisations`, `networks`; not timed), into a database that each round copies.
 *
 * Rounds (default 3): each a command of its own into a fresh copy of that database. Goal: the
 * median peak RSS <= 256 MB. Records: 1 000 000 times `BENCH_SCALE`. P1's in-memory figure:
 * the library's import of 50 000 times `BENCH_SCALE` records into an in-memory SQLite database,
 * once, in this process.
 */
import { Network, Organisation, Programme } from "@localrights/core"
import { Generate } from "../../packages/store/sql/src/testing/index.ts"
import { Schema } from "effect"
import { spawn } from "node:child_process"
import { copyFileSync, createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { scaled, type Measure } from "../Measure.ts"
import { chunks, jsonLines } from "../lib/stores.ts"
import { storeImport } from "./P1.ts"

const root = join(import.meta.dirname, "..", "..")
const main = join(root, "examples", "cli", "src", "main.ts")

const writeInput = async (file: string, count: number) => {
  const templates = jsonLines(1000, 8, "x")
  const out = createWriteStream(file)
  for (let i = 0; i < count; i++) {
    const line = templates[i % 1000]!.replace(/"id":"x\d+"/, `"id":"m${String(i).padStart(7, "0")}"`)
    if (!out.write(line + "\n")) await new Promise<void>((resolve) => out.once("drain", () => resolve()))
  }
  await new Promise<void>((resolve) => out.end(() => resolve()))
}

/** Runs `localrights …args` at default settings; resolves with its stdout. */
const command = (args: ReadonlyArray<string>) =>
  new Promise<string>((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, LANG: "en_GB.UTF-8", NO_COLOR: "1" }
    delete env["NODE_OPTIONS"]
    const proc = spawn(process.execPath, ["--conditions=@localrights/source", main, ...args], { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] })
    let out = ""
    proc.stdout.on("data", (d: Buffer) => (out += d.toString()))
    proc.on("error", reject)
    proc.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`localrights ${args.join(" ")} exited with ${code}:\n${out}`))))
  })

export const measure: Measure = {
  id: "P8",
  name: "localrights import of 1 000 000 records into SQLite at default Node settings: peak RSS",
  run: async ({ rounds = 3, scale }) => {
    const total = scaled(1_000_000, scale, 1000)
    const dir = mkdtempSync(join(tmpdir(), "lr-p8-"))
    try {
      const started = performance.now()
      const input = join(dir, "input.jsonl")
      await writeInput(input, total)
      // the references of the templates, imported with the command into a database each round copies
      const refs = Generate.references("x", 20, 200)
      const files = {
        programmes: refs.programmes.map((p) => Schema.encodeSync(Programme.Programme)(p)),
        organisations: refs.organisations.map((o) => Schema.encodeSync(Organisation.Organisation)(o)),
        networks: refs.networks.map((n) => Schema.encodeSync(Network.Network)(n))
      }
      const base = join(dir, "references.db")
      for (const [kind, values] of Object.entries(files)) {
        const file = join(dir, `${kind}.jsonl`)
        writeFileSync(file, values.map((v) => JSON.stringify(v)).join("\n") + "\n")
        await command(["--db", base, "import", file, "--kind", kind])
      }
      const prepared = performance.now()

      const rss: Array<number> = []
      const perSecond: Array<number> = []
      let databaseBytes = 0
      for (let i = 0; i < rounds; i++) {
        const database = join(dir, `p8-${i}.db`)
        copyFileSync(base, database)
        const out = await command(["--db", database, "import", input, "--batch-size", "2000", "--json"])
        const r = JSON.parse(out) as { created: number; rejected: number; seconds: number; maxRssMB: number }
        if (r.created !== total) throw new Error(`P8: imported ${r.created} of ${total} (${r.rejected} rejected)`)
        rss.push(r.maxRssMB)
        perSecond.push(Math.round(total / r.seconds))
        databaseBytes = statSync(database).size
        for (const suffix of ["", "-wal", "-shm"]) rmSync(`${database}${suffix}`, { force: true })
      }

      // P1's figure: the library's import of the same kind of records into an in-memory database
      const p1Records = scaled(50_000, scale, 1000)
      const p1 = await storeImport(chunks(jsonLines(p1Records)), p1Records)
      const median = [...perSecond].sort((a, b) => a - b)[Math.floor(perSecond.length / 2)]!
      return {
        figures: [
          { name: "peak RSS, default Node settings", unit: "MB", better: "lower", rounds: rss, goals: [{ on: "median", op: "<=", bound: 256 }] },
          { name: "records/s, command into a SQLite file", unit: "rows/s", better: "higher", rounds: perSecond }
        ],
        notes: [
          `P1 in memory (library, ${p1Records} records): ${Math.round(p1.wall)} records/s wall, ${Math.round(p1.cpu)} per CPU second; the command into a file: ${median} records/s (${Math.round((median / p1.wall) * 100)} % of it)`
        ],
        details: {
          records: total,
          inputMB: Math.round(statSync(input).size / 1e6),
          databaseMB: Math.round(databaseBytes / 1e6),
          p1InMemoryRecordsPerSecond: Math.round(p1.wall),
          p1InMemoryRecordsPerCpuSecond: Math.round(p1.cpu),
          prepareSeconds: Math.round((prepared - started) / 1000),
          code: "examples/cli sources (--conditions=@localrights/source), as `pnpm localrights` runs them",
          batchSize: 2000,
          node: "default settings; the command runs in a worker thread with resourceLimits (examples/cli/src/main.ts)"
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
