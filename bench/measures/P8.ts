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
 */
import { spawn, spawnSync } from "node:child_process"
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Measure } from "../Measure.ts"
import { jsonLines } from "../lib/stores.ts"

const total = 1_000_000
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
  unit: "MB",
  better: "lower",
  goal: "<= 256 MB",
  run: async () => {
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
      const small = join(dir, "input-200k.jsonl")
      await writeInput(input, total)
      await writeInput(small, total / 5)
      const written = performance.now()
      const importInto = (database: string, flags: ReadonlyArray<string>, file = input) =>
        new Promise<{ maxRSS: number; created: number }>((resolve, reject) => {
          const proc = spawn(process.execPath, [...flags, child, database, file, "2000"], {
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
      const database = join(dir, "p8.db")
      const result = await importInto(database, [])
      const seconds = (performance.now() - written) / 1000
      // a fifth of the input, and the whole with the heap caps that Import's documentation recommends
      const fifth = await importInto(join(dir, "p8-200k.db"), [], small)
      const capped = await importInto(join(dir, "p8-capped.db"), documentedFlags)
      return {
        value: result.maxRSS / 1024,
        baseline: null,
        details: {
          records: total,
          imported: result.created,
          inputMB: Math.round(statSync(input).size / 1e6),
          databaseMB: Math.round(statSync(database).size / 1e6),
          importSeconds: Math.round(seconds),
          recordsPerSecond: Math.round(total / seconds),
          buildSeconds: Math.round((built - started) / 1000),
          generateSeconds: Math.round((written - built) / 1000),
          code: "built packages (dist)",
          batchSize: 2000,
          sqliteCacheMB: 32,
          node: "headline: default heap settings",
          peakRssMBWithDocumentedFlags: Math.round(capped.maxRSS / 1024),
          documentedFlags: documentedFlags.join(" "),
          importedWithDocumentedFlags: capped.created,
          peakRssMB200kRecords: Math.round(fifth.maxRSS / 1024),
          imported200k: fifth.created
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
