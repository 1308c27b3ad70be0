/**
 * P8: peak RSS of a child process that streams 1 000 000 partnership records (JSON Lines, about
 * 420 MB) through `Import.partnerships` into a SQLite file, read from disk in 64 KiB chunks.
 * The records are 1000 seeded templates with distinct ids. The child runs the built packages
 * (`dist`, what users install; P8 builds them first), not the TypeScript sources.
 *
 * Next to it: the same import of the first 200 000 records (memory that does not grow with the
 * input is the streaming property), and the 1 000 000 with the heap settings that `Import`
 * recommends.
 *
 * The headline is Node's default heap settings. The import's live JavaScript heap stays near
 * 30 MB; what grows is V8's own sizing (a young generation of up to 128 MB, an old generation several
 * times the live heap before it collects). `Import`'s documentation recommends
 * `--max-semi-space-size=2 --max-old-space-size=64` for a large import in a process of its own;
 * that figure is reported next to it.
 *
 * Rounds (default 3): the import with default settings and with the documented flags alternate
 * (A B, B A, …), each a child process of its own into a fresh database; each round's figure is
 * that child's peak RSS. The fifth of the input runs once, after the rounds. Records: 1 000 000
 * times `BENCH_SCALE`.
 */
import { spawn, spawnSync } from "node:child_process"
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { interleave, scaled, type Measure } from "../Measure.ts"
import { jsonLines } from "../lib/stores.ts"

const documentedFlags = ["--max-semi-space-size=2", "--max-old-space-size=64"]
const child = join(import.meta.dirname, "..", "..", "packages", "store", "sqlite", "test", "fixtures", "import-child.ts")

const writeInput = async (file: string, count: number) => {
  const templates = jsonLines(1000, 8, "x")
  const out = createWriteStream(file)
  for (let i = 0; i < count; i++) {
    const line = templates[i % 1000]!.replace(/"id":"x\d+"/, `"id":"m${String(i).padStart(7, "0")}"`)
    if (!out.write(line + "\n")) await new Promise<void>((resolve) => out.once("drain", () => resolve()))
  }
  await new Promise<void>((resolve) => out.end(() => resolve()))
}

export const measure: Measure = {
  id: "P8",
  name: "Streaming import of 1 000 000 records into SQLite: peak RSS",
  run: async ({ rounds = 3, scale }) => {
    const total = scaled(1_000_000, scale, 1000)
    const dir = mkdtempSync(join(tmpdir(), "lr-p8-"))
    try {
      const started = performance.now()
      const root = join(import.meta.dirname, "..", "..")
      const build = spawnSync("pnpm", ["--filter", "@localrights/core", "--filter", "@localrights/store-sql", "--filter", "@localrights/store-sqlite", "build"], {
        cwd: root,
        stdio: ["ignore", "ignore", "inherit"]
      })
      if (build.status !== 0) throw new Error(`P8: building the packages failed (exit ${build.status})`)
      const built = performance.now()
      const input = join(dir, "input.jsonl")
      const small = join(dir, "input-fifth.jsonl")
      await writeInput(input, total)
      await writeInput(small, total / 5)
      const written = performance.now()
      const importInto = (database: string, flags: ReadonlyArray<string>, file = input) =>
        new Promise<{ maxRSS: number; created: number }>((resolve, reject) => {
          const proc = spawn(process.execPath, [...flags, child, database, file, "2000", "x"], {
            stdio: ["ignore", "pipe", "inherit"]
          })
          let last = ""
          proc.stdout.on("data", (d: Buffer) => {
            const lines = (last + d.toString()).split("\n")
            last = lines.pop()!
            for (const line of lines) {
              if (line.includes('"done"')) {
                const r = JSON.parse(line)
                resolve({ maxRSS: r.maxRSS, created: r.created })
              }
            }
          })
          proc.on("exit", (code) => code !== 0 && reject(new Error(`import child exited with ${code}`)))
        })
      let n = 0
      const timed = async (flags: ReadonlyArray<string>) => {
        const database = join(dir, `p8-${n++}.db`)
        const r = await importInto(database, flags)
        if (r.created !== total) throw new Error(`P8: imported ${r.created} of ${total}`)
        const size = statSync(database).size
        rmSync(database, { force: true })
        rmSync(`${database}-wal`, { force: true })
        rmSync(`${database}-shm`, { force: true })
        return { mb: r.maxRSS / 1024, size }
      }
      let databaseBytes = 0
      const seconds: Array<number> = []
      const r = await interleave(rounds, {
        subject: async () => {
          const t = performance.now()
          const x = await timed([])
          seconds.push((performance.now() - t) / 1000)
          databaseBytes = x.size
          return x.mb
        },
        baseline: async () => (await timed(documentedFlags)).mb
      })
      // a fifth of the input, once
      const fifth = await importInto(join(dir, "p8-fifth.db"), [], small)
      const importSeconds = seconds.sort((a, b) => a - b)[Math.floor(seconds.length / 2)]!
      return {
        figures: [
          { name: "peak RSS, default heap settings", unit: "MB", better: "lower", rounds: r.subject, goals: [{ on: "median", op: "<=", bound: 256 }] },
          { name: "peak RSS, documented flags", unit: "MB", better: "lower", rounds: r.baseline }
        ],
        details: {
          records: total,
          inputMB: Math.round(statSync(input).size / 1e6),
          databaseMB: Math.round(databaseBytes / 1e6),
          importSeconds: Math.round(importSeconds),
          recordsPerSecond: Math.round(total / importSeconds),
          buildSeconds: Math.round((built - started) / 1000),
          generateSeconds: Math.round((written - built) / 1000),
          code: "built packages (dist)",
          batchSize: 2000,
          sqliteCacheMB: 32,
          node: "headline: default heap settings",
          documentedFlags: documentedFlags.join(" "),
          peakRssMBFifthOfRecords: Math.round(fifth.maxRSS / 1024),
          fifthOfRecords: fifth.created
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
