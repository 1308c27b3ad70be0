/**
 * What `bench/run.ts` does with the measures' rounds: selecting measures from the command
 * line, summarising figures, printing them and merging `results/latest.json`. Pure functions,
 * tested in `bench/test/report.test.ts`.
 */
import * as os from "node:os"
import type { Figure, Measure, Result } from "../Measure.ts"
import { goalText, meets, spread, type Goal, type Spread } from "./stats.ts"

/** The command line of `./dev bench`. */
export interface Args {
  /** Measure ids asked for, upper-cased; empty for all. */
  readonly ids: ReadonlyArray<string>
  /** `--check`: exit 1 when a goal fails. */
  readonly check: boolean
}

/** Parses `./dev bench [--check] [ID ...]`; an unknown flag is an error. */
export const parseArgs = (argv: ReadonlyArray<string>): Args => {
  const ids: Array<string> = []
  let check = false
  for (const arg of argv) {
    if (arg === "--check") check = true
    else if (arg.startsWith("-")) throw new Error(`unknown option ${arg} (./dev bench [--check] [P1 P3 ...])`)
    else ids.push(arg.toUpperCase())
  }
  return { ids, check }
}

/** The measures to run, in the order of `available`: all when none are asked for; an unknown id is an error. */
export const select = <M extends { readonly id: string }>(available: ReadonlyArray<M>, ids: ReadonlyArray<string>): Array<M> => {
  const known = new Set(available.map((m) => m.id.toUpperCase()))
  const unknown = ids.filter((id) => !known.has(id.toUpperCase()))
  if (unknown.length > 0) throw new Error(`no measure ${unknown.join(", ")} (there are ${available.map((m) => m.id).join(", ")})`)
  const wanted = new Set(ids.map((id) => id.toUpperCase()))
  return available.filter((m) => wanted.size === 0 || wanted.has(m.id.toUpperCase()))
}

/** A figure with its summary, as kept in latest.json. */
export interface FigureSummary extends Spread {
  readonly name: string
  readonly unit: string
  readonly better: "higher" | "lower"
  readonly rounds: ReadonlyArray<number>
  readonly goals: ReadonlyArray<{ readonly goal: string; readonly pass: boolean }>
}

const round6 = (x: number) => Number(x.toPrecision(6))

/** Median, min, max, spread and goal results of one figure. */
export const summarise = (figure: Figure): FigureSummary => {
  const s = spread(figure.rounds)
  return {
    name: figure.name,
    unit: figure.unit,
    better: figure.better,
    median: round6(s.median),
    min: round6(s.min),
    max: round6(s.max),
    below: Number(s.below.toFixed(4)),
    above: Number(s.above.toFixed(4)),
    wide: s.wide,
    rounds: figure.rounds.map(round6),
    goals: (figure.goals ?? []).map((g: Goal) => ({ goal: goalText(g), pass: meets(g, figure.rounds) }))
  }
}

/** A number for the terminal: three or four significant digits, thin-spaced thousands. */
export const fmt = (x: number): string => {
  if (!Number.isFinite(x)) return String(x)
  const a = Math.abs(x)
  if (a >= 1000) return Math.round(x).toString().replace(/\B(?=(\d{3})+(?!\d))/g, " ")
  if (a >= 100) return x.toFixed(0)
  if (a >= 10) return x.toFixed(1)
  if (a >= 1) return x.toFixed(2)
  return x.toFixed(3)
}

const pct = (x: number) => `${x >= 0 ? "+" : "-"}${Math.abs(x * 100).toFixed(1)}%`

/** The pass/fail text of a figure's goals: `goal median >= 0.7 FAIL, every round >= 0.6 pass`. */
export const verdict = (f: FigureSummary): string =>
  f.goals.length === 0 ? "(no goal)" : "goal " + f.goals.map((g) => `${g.goal} ${g.pass ? "pass" : "FAIL"}`).join(", ")

/** One line of a figure: name, median, [min .. max], spread, goal verdict, and a warning when wide. */
export const figureLine = (f: FigureSummary): string => {
  const unit = f.unit === "×" ? "" : ` ${f.unit}`
  return `  ${f.name.padEnd(34)} ${(fmt(f.median) + unit).padStart(16)}  [${fmt(f.min)} .. ${fmt(f.max)}] ${pct(f.below)}/${pct(f.above)}` +
    `  n=${f.rounds.length}  ${verdict(f)}${f.wide ? "  (spread wider than ±15 %: not a stable figure)" : ""}`
}

/** Per-run facts kept with each measure in latest.json. */
export interface RunFacts {
  readonly date: string
  readonly node: string
  readonly commit: string
  /** Whether the work tree had uncommitted changes. */
  readonly dirty: boolean
  readonly scale: number
  readonly rounds: number | null
  /** `os.loadavg()` (1, 5 and 15 minutes) when the measure started and ended. */
  readonly loadavg: { readonly start: ReadonlyArray<number>; readonly end: ReadonlyArray<number> }
  readonly wallSeconds: number
}

/** One measure's entry in latest.json. */
export interface Entry {
  readonly id: string
  readonly name: string
  readonly run: RunFacts
  readonly figures: ReadonlyArray<FigureSummary>
  /** The figures whose spread is wider than ±15 % (see {@link FigureSummary.wide}). */
  readonly wide: ReadonlyArray<string>
  readonly notes: ReadonlyArray<string>
  readonly details: Readonly<Record<string, number | string>>
  /** The error message when the measure failed to run. */
  readonly error?: string
}

/** latest.json: the last figures of every measure, each with the run that measured it. */
export interface Latest {
  readonly format: 2
  /** The most recent run (of any subset). */
  readonly lastRun: { readonly date: string; readonly ids: ReadonlyArray<string>; readonly command: string }
  readonly measures: Readonly<Record<string, Entry | Record<string, unknown>>>
}

/**
 * Merges a run's entries into the previous latest.json: measures run now replace theirs, the
 * others stay as they were. A previous file in the old format (a list of rows) keeps its rows
 * under their ids, marked `format: 1`.
 */
export const merge = (previous: unknown, entries: ReadonlyArray<Entry>, lastRun: Latest["lastRun"]): Latest => {
  const kept: Record<string, Entry | Record<string, unknown>> = {}
  if (Array.isArray(previous)) {
    for (const row of previous) if (row && typeof row === "object" && typeof row.id === "string") kept[row.id] = { format: 1, ...row }
  } else if (previous && typeof previous === "object" && "measures" in previous && previous.measures && typeof previous.measures === "object") {
    Object.assign(kept, previous.measures)
  }
  for (const e of entries) kept[e.id] = e
  const measures = Object.fromEntries(Object.keys(kept).sort((a, b) => a.localeCompare(b, "en", { numeric: true })).map((id) => [id, kept[id]!]))
  return { format: 2, lastRun, measures }
}

/** A measure's entry from its result and run. */
export const entry = (id: string, name: string, run: RunFacts, result: Result): Entry => {
  const figures = result.figures.map(summarise)
  return { id, name, run, figures, wide: figures.filter((f) => f.wide).map((f) => f.name), notes: result.notes ?? [], details: result.details ?? {} }
}

/** `os.loadavg()` rounded to hundredths. */
export const loadavg = (): Array<number> => os.loadavg().map((x) => Number(x.toFixed(2)))

/**
 * Runs one measure and makes its entry: the run's facts (wall time, load average at start and
 * end) taken around the measure, and an error entry when it throws.
 */
export const runMeasure = async (
  id: string,
  measure: Measure & { readonly unit?: string; readonly better?: "higher" | "lower" },
  context: { readonly scale: number; readonly rounds: number | undefined; readonly commit: string; readonly dirty: boolean }
): Promise<Entry> => {
  const start = loadavg()
  const started = performance.now()
  const facts = (): RunFacts => ({
    date: new Date().toISOString(),
    node: process.version,
    commit: context.commit,
    dirty: context.dirty,
    scale: context.scale,
    rounds: context.rounds ?? null,
    loadavg: { start, end: loadavg() },
    wallSeconds: Math.round((performance.now() - started) / 100) / 10
  })
  try {
    const result = normalise(await measure.run({ scale: context.scale, rounds: context.rounds }), measure)
    return entry(id, measure.name, facts(), result)
  } catch (e) {
    const message = e instanceof Error ? (e.stack ?? e.message) : String(e)
    return { id, name: measure.name, run: facts(), figures: [], wide: [], notes: [], details: {}, error: message }
  }
}

/** Whether every goal of every entry passed (a measure that failed to run counts as failed). */
export const allPass = (entries: ReadonlyArray<Entry>): boolean =>
  entries.every((e) => e.error === undefined && e.figures.every((f) => f.goals.every((g) => g.pass)))

/** The summary table printed at the end of a run: one row per figure. */
export const table = (entries: ReadonlyArray<Entry>): string => {
  const rows: Array<Array<string>> = [["id", "figure", "median", "min", "max", "spread", "goal", "result"]]
  for (const e of entries) {
    if (e.error !== undefined) rows.push([e.id, "error", "", "", "", "", "", e.error.split("\n")[0]!.slice(0, 60)])
    for (const f of e.figures) {
      const unit = f.unit === "×" ? "" : ` ${f.unit}`
      rows.push([
        e.id,
        f.name,
        fmt(f.median) + unit,
        fmt(f.min),
        fmt(f.max),
        `${pct(f.below)}/${pct(f.above)}${f.wide ? " WIDE" : ""}`,
        f.goals.map((g) => g.goal).join(", ") || "-",
        f.goals.length === 0 ? "-" : f.goals.every((g) => g.pass) ? "pass" : "FAIL"
      ])
    }
    for (const n of e.notes) rows.push([e.id, `note: ${n}`, "", "", "", "", "", ""])
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.filter((r) => !r[1]!.startsWith("note: ")).map((r) => r[c]!.length)))
  return rows
    .map((r) => (r[1]!.startsWith("note: ") ? `${r[0]!.padEnd(widths[0]!)}  ${r[1]}` : r.map((cell, c) => cell.padEnd(widths[c]!)).join("  ").trimEnd()))
    .join("\n")
}

/** A result in the shape measures returned before rounds (`value`, `baseline`), as one round. */
export interface LegacyResult {
  readonly value: number
  readonly baseline: number | null
  readonly baselineName?: string
  readonly details?: Readonly<Record<string, number | string>>
}

/** Accepts a result of either shape (a measure not yet moved to rounds reports one round). */
export const normalise = (r: Result | LegacyResult, legacy: { readonly unit?: string; readonly better?: "higher" | "lower" } = {}): Result => {
  if ("figures" in r) return r
  const better = legacy.better ?? "higher"
  const figures: Array<Figure> = [{ name: "value", unit: legacy.unit ?? "", better, rounds: [r.value] }]
  if (r.baseline !== null && r.baseline !== 0) figures.push({ name: "ratio to baseline", unit: "×", better, rounds: [r.value / r.baseline] })
  return {
    figures,
    notes: ["one round only: this measure does not run rounds yet"],
    details: { ...(r.baselineName ? { baseline: r.baselineName } : {}), ...r.details }
  }
}
