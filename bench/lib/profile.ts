/**
 * Summarises a V8 CPU profile (`node --cpu-prof`) by self time: per function, and per file or
 * package, so that "where does the time go" fits on a screen.
 *
 *   node bench/lib/profile.ts FILE.cpuprofile [--top 25]
 *
 * Self time of a node is its share of samples where it was the running frame; functions are
 * keyed by name, file and line (the same function reached by different paths is summed).
 * `(garbage collector)`, `(program)` (native work outside JavaScript, such as SQLite's C
 * code called from a `StatementSync`) and `(idle)` are kept as V8 names them.
 */
import * as fs from "node:fs"

/** The parts of a `.cpuprofile` this reads. */
export interface CpuProfile {
  readonly nodes: ReadonlyArray<{
    readonly id: number
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number }
    readonly children?: ReadonlyArray<number>
  }>
  readonly startTime: number
  readonly endTime: number
  readonly samples: ReadonlyArray<number>
  readonly timeDeltas: ReadonlyArray<number>
}

/** One row of a summary: a key and its self time. */
export interface Row {
  readonly key: string
  readonly ms: number
  readonly share: number
}

/** Where a URL lives, shortened: `effect/Schema.ts`, `core/partnership/Partnership.ts`, `zod/v4/core/schemas.js`, `node:sqlite`. */
export const place = (url: string): string => {
  if (url === "") return "(native)"
  const u = url.replace(/^file:\/\//, "")
  const pnpm = u.match(/node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/)
  if (pnpm) return `${pnpm[1]}/${pnpm[2]!.replace(/^(dist|src)\//, "")}`
  const nm = u.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/)
  if (nm) return `${nm[1]}/${nm[2]!.replace(/^(dist|src)\//, "")}`
  const ws = u.match(/\/(packages|bench|examples)\/(.*)$/)
  if (ws) return ws[1] === "packages" ? ws[2]!.replace("/src/", "/") : `${ws[1]}/${ws[2]}`
  return u
}

/** The package (or workspace area) of a URL: `effect`, `zod`, `core`, `store/sql`, `bench`, `node`. */
export const packageOf = (url: string): string => {
  if (url === "") return "(native)"
  if (url.startsWith("node:")) return "node"
  const p = place(url)
  if (p.startsWith("store/") || p.startsWith("render/")) return p.split("/").slice(0, 2).join("/")
  return p.startsWith("@") ? p.split("/").slice(0, 2).join("/") : p.split("/")[0]!
}

/** Self time per function and per file/package, in milliseconds, largest first. */
export const summarise = (profile: CpuProfile) => {
  const self = new Map<number, number>()
  // timeDeltas[i] is the time before sample i; the time of sample i is the delta that follows it
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0
    self.set(profile.samples[i]!, (self.get(profile.samples[i]!) ?? 0) + dt)
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  const byFunction = new Map<string, number>()
  const byFile = new Map<string, number>()
  const byPackage = new Map<string, number>()
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v)
  for (const node of profile.nodes) {
    const t = self.get(node.id)
    if (t === undefined) continue
    const f = node.callFrame
    const name = f.functionName || "(anonymous)"
    add(byFunction, f.url === "" ? name : `${name}  ${place(f.url)}:${f.lineNumber + 1}`, t)
    add(byFile, f.url === "" ? name : place(f.url), t)
    add(byPackage, f.url === "" ? name : packageOf(f.url), t)
  }
  const rows = (m: Map<string, number>): Array<Row> =>
    [...m].map(([key, us]) => ({ key, ms: us / 1000, share: total === 0 ? 0 : us / total })).sort((a, b) => b.ms - a.ms)
  return { totalMs: total / 1000, functions: rows(byFunction), files: rows(byFile), packages: rows(byPackage) }
}

/** Text for a terminal or a note. */
export const render = (s: ReturnType<typeof summarise>, top = 25): string => {
  const section = (title: string, rows: ReadonlyArray<Row>, n: number) =>
    [`${title}`, ...rows.slice(0, n).map((r) => `  ${r.ms.toFixed(0).padStart(7)} ms ${(r.share * 100).toFixed(1).padStart(5)} %  ${r.key}`)].join("\n")
  return [
    `total sampled: ${s.totalMs.toFixed(0)} ms`,
    section("self time by package", s.packages, 12),
    section("self time by file", s.files, Math.min(top, 20)),
    section("self time by function", s.functions, top)
  ].join("\n\n")
}

if (import.meta.main) {
  const args = process.argv.slice(2)
  const topAt = args.indexOf("--top")
  const file = args.find((a, i) => !a.startsWith("--") && i !== topAt + 1)
  if (!file) {
    console.error("usage: node bench/lib/profile.ts FILE.cpuprofile [--top N]")
    process.exit(2)
  }
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 25
  console.log(render(summarise(JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile), top))
}
