/**
 * The shape of one benchmark measure. Each file in `bench/measures/` exports `measure`.
 *
 * A measure runs its subject and, where one exists, a baseline in the same process and run, so
 * that the ratio holds on a noisy machine; figures are never asserted in tests.
 */
export interface Result {
  /** The measured figure, in `unit`. */
  readonly value: number
  /** The baseline's figure in the same unit, measured in the same run; `null` where a target is absolute. */
  readonly baseline: number | null
  /** What the baseline is (`zod 4`, `raw node:sqlite inserts`). */
  readonly baselineName?: string
  /** Anything else worth keeping (sample sizes, p50). */
  readonly details?: Readonly<Record<string, number | string>>
}

export interface Measure {
  /** The id the issues use: P1 … P8. */
  readonly id: string
  readonly name: string
  readonly unit: string
  /** `higher` when a larger value is better (throughput), `lower` for latency and memory. */
  readonly better: "higher" | "lower"
  /** The goal as text, for the report (`ratio >= 1.0`, `<= 1 ms`). */
  readonly goal: string
  readonly run: () => Promise<Result>
}

/** Runs `fn` repeatedly for about `ms` milliseconds after a warm-up; returns operations per second. */
export const opsPerSecond = (fn: () => void, ms = 1000): number => {
  const warm = performance.now() + ms / 4
  while (performance.now() < warm) fn()
  let ops = 0
  const start = performance.now()
  let now = start
  while (now - start < ms) {
    for (let i = 0; i < 100; i++) fn()
    ops += 100
    now = performance.now()
  }
  return ops / ((now - start) / 1000)
}

/**
 * Alternates subject and baseline `rounds` times and keeps the median of each, so that drift
 * in machine load hits both alike.
 */
export const compare = (subject: () => void, baseline: () => void, rounds = 5, ms = 400) => {
  const a: Array<number> = []
  const b: Array<number> = []
  for (let i = 0; i < rounds; i++) {
    a.push(opsPerSecond(subject, ms))
    b.push(opsPerSecond(baseline, ms))
  }
  const median = (xs: Array<number>) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!
  return { value: median(a), baseline: median(b) }
}
