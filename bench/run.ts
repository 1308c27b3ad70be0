/**
 * `./dev bench [--check] [ID ...]`: runs every measure in bench/measures (or the ids given),
 * prints each figure's median over its rounds with min, max, spread and goal verdict, a summary
 * table at the end, and merges the results into bench/results/latest.json (a subset run
 * replaces only its measures there).
 *
 * Exit code 0 even when a goal fails (a measurement, not a test), unless `--check` is given;
 * 1 when a measure fails to run. Environment: `BENCH_SCALE` (size factor, default 1),
 * `BENCH_ROUNDS` (rounds of every measure, default each measure's own).
 */
import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import type { Measure } from "./Measure.ts"
import { allPass, figureLine, loadavg, merge, parseArgs, runMeasure, select, table, type Entry } from "./lib/report.ts"
import { scaleFrom } from "./lib/stats.ts"

const args = (() => {
  try {
    return parseArgs(process.argv.slice(2))
  } catch (e) {
    console.error(String((e as Error).message))
    process.exit(2)
  }
})()
const scale = scaleFrom(process.env["BENCH_SCALE"])
const rounds = process.env["BENCH_ROUNDS"] ? Math.max(1, Math.round(Number(process.env["BENCH_ROUNDS"]))) : undefined
if (rounds !== undefined && !Number.isFinite(rounds)) throw new Error("BENCH_ROUNDS must be a whole number")

const git = (...a: Array<string>): string => {
  try {
    return execFileSync("git", a, { cwd: import.meta.dirname, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim()
  } catch {
    return ""
  }
}
const commit = git("rev-parse", "HEAD") || "unknown"
const dirty = git("status", "--porcelain", "--untracked-files=no") !== ""
const load = loadavg

const dir = path.join(import.meta.dirname, "measures")
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".ts")).sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
// Ids come from file names (P1.ts …), so a subset imports only what it runs.
const available = files.map((file) => ({ id: path.basename(file, ".ts"), file }))
const chosen = (() => {
  try {
    return select(available, args.ids)
  } catch (e) {
    console.error(String((e as Error).message))
    process.exit(2)
  }
})()

const runStart = load()
const runStarted = performance.now()
console.log(
  `bench: ${chosen.map((m) => m.id).join(" ")}; node ${process.version}; commit ${commit.slice(0, 10)}${dirty ? " (dirty)" : ""}; ` +
    `scale ${scale}${rounds ? `; rounds ${rounds}` : ""}; load average ${runStart.join(" ")}`
)

const out = path.join(import.meta.dirname, "results")
const latestFile = path.join(out, "latest.json")
// written after every measure (re-reading the file, so a run elsewhere in between is kept): an
// interrupted run keeps what it measured
const save = (entry: Entry) => {
  fs.mkdirSync(out, { recursive: true })
  const previous: unknown = fs.existsSync(latestFile) ? JSON.parse(fs.readFileSync(latestFile, "utf8")) : null
  const lastRun = { date: new Date().toISOString(), ids: chosen.map((m) => m.id), command: ["./dev bench", ...process.argv.slice(2)].join(" ") }
  fs.writeFileSync(latestFile, JSON.stringify(merge(previous, [entry], lastRun), null, 2) + "\n")
}

const entries: Array<Entry> = []
for (const { id, file } of chosen) {
  // a module that fails to load (its set-up threw) is that measure's error, not the run's
  const measure = await import(path.join(dir, file)).then(
    (mod: { measure: Measure & { unit?: string; better?: "higher" | "lower" } }) => mod.measure,
    (error: unknown): Measure => ({ id, name: `(${file} did not load)`, run: () => Promise.reject(error) })
  )
  console.log(`\n${measure.id} ${measure.name}`)
  const e = await runMeasure(id, measure, { scale, rounds, commit, dirty })
  for (const f of e.figures) console.log(figureLine(f))
  for (const n of e.notes) console.log(`  note: ${n}`)
  if (e.wide.length > 0) console.log(`  spread wider than ±15 % in: ${e.wide.join("; ")}`)
  if (e.error !== undefined) console.log(`  ERROR: ${e.error}`)
  console.log(`  (${e.run.wallSeconds} s; load average ${e.run.loadavg.start.join(" ")} -> ${e.run.loadavg.end.join(" ")})`)
  entries.push(e)
  save(e)
}

const wall = Math.round((performance.now() - runStarted) / 1000)
console.log(`\nsummary (median over rounds; spread = min and max against the median; load average ${runStart.join(" ")} -> ${load().join(" ")}; ${wall} s)`)
console.log(table(entries))

console.log(`wrote ${path.relative(process.cwd(), latestFile)}`)

const failedToRun = entries.some((e) => e.error !== undefined)
process.exitCode = failedToRun ? 1 : args.check && !allPass(entries) ? 1 : 0
