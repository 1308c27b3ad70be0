/**
 * The shape of one benchmark measure. Each file in `bench/measures/` exports `measure`.
 *
 * A measure runs in rounds: where it has a baseline, subject and baseline alternate within
 * the same process (`interleave` in `lib/stats.ts`: A B, B A, A B …), so that a change in the
 * machine's load falls on both; it returns every round's figures, and `run.ts` reports the
 * median of each figure with its min and max over the rounds, checks the goals and writes
 * `results/latest.json`. Figures are never asserted in tests.
 */
import type { Goal } from "./lib/stats.ts"

export type { Goal } from "./lib/stats.ts"
export { compareOps, interleave, opsPerSecond, rate, ratios, scaled, split, type Rate } from "./lib/stats.ts"

/** One reported figure: its value in every round. */
export interface Figure {
  /** What it is (`ratio store / raw`, `SQLite p95, steady`). */
  readonly name: string
  /** `×` for a ratio, else the unit (`rows/s`, `ms`, `MB`). */
  readonly unit: string
  /** `higher` when a larger value is better (throughput, ratio), `lower` for latency and memory. */
  readonly better: "higher" | "lower"
  /** The figure of each round, in the order they ran. */
  readonly rounds: ReadonlyArray<number>
  /** The goals for this figure; none for a figure given for context. */
  readonly goals?: ReadonlyArray<Goal>
}

/** What a measure returns. */
export interface Result {
  /** The figures; the first is the measure's headline. */
  readonly figures: ReadonlyArray<Figure>
  /** Lines to print under the figures: a part skipped and why, a caveat. */
  readonly notes?: ReadonlyArray<string>
  /** Anything else worth keeping (sample sizes, set-up times, the baseline's description). */
  readonly details?: Readonly<Record<string, number | string>>
}

/** How a run is sized. */
export interface RunOptions {
  /** The size factor (`BENCH_SCALE`, default 1): row counts and timed durations are multiplied by it. */
  readonly scale: number
  /** Rounds asked for (`BENCH_ROUNDS`), else the measure's own default. */
  readonly rounds: number | undefined
}

export interface Measure {
  /** The id the issues use: P1 … P8. */
  readonly id: string
  readonly name: string
  readonly run: (options: RunOptions) => Promise<Result>
}
