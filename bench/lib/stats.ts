/**
 * The statistics of the bench method: interleaved rounds, the median with its spread, goals.
 *
 * Pure functions, tested in `bench/test/stats.test.ts`; nothing here measures.
 */

/** The median of a non-empty list (the mean of the two middle values for an even length). */
export const median = (xs: ReadonlyArray<number>): number => {
  if (xs.length === 0) throw new Error("median of an empty list")
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** The p-th percentile (0 < p <= 100) of a non-empty list, nearest rank. */
export const percentile = (xs: ReadonlyArray<number>, p: number): number => {
  if (xs.length === 0) throw new Error("percentile of an empty list")
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
}

/** The spread of per-round figures around their median. */
export interface Spread {
  readonly median: number
  readonly min: number
  readonly max: number
  /** `(min - median) / median`: zero or negative. */
  readonly below: number
  /** `(max - median) / median`: zero or positive. */
  readonly above: number
  /** Whether a round lies further than `limit` (±15 % by default) from the median. */
  readonly wide: boolean
}

/** The limit past which a spread is reported as wide: ±15 % of the median. */
export const wideLimit = 0.15

/** Median, min, max and the relative spread of per-round figures. */
export const spread = (rounds: ReadonlyArray<number>, limit = wideLimit): Spread => {
  const m = median(rounds)
  const min = Math.min(...rounds)
  const max = Math.max(...rounds)
  const below = m === 0 ? 0 : (min - m) / Math.abs(m)
  const above = m === 0 ? 0 : (max - m) / Math.abs(m)
  return { median: m, min, max, below, above, wide: -below > limit || above > limit }
}

/** Which of the two runs first in a round. */
export type Side = "subject" | "baseline"

/**
 * The order of subject and baseline in each round: A B, B A, A B, B A … (A B B A A B …
 * overall), so a drift in machine load over the run falls on both sides alike.
 */
export const order = (rounds: number): ReadonlyArray<readonly [Side, Side]> =>
  Array.from({ length: rounds }, (_, i) => (i % 2 === 0 ? ["subject", "baseline"] as const : ["baseline", "subject"] as const))

/** Per-round figures of an interleaved comparison, in the order the rounds ran. */
export interface Interleaved<T> {
  readonly subject: ReadonlyArray<T>
  readonly baseline: ReadonlyArray<T>
}

/**
 * Runs `subject` and `baseline` in `rounds` interleaved rounds (see {@link order}) and keeps
 * each round's figures. `between` runs after every single run (a GC, a pause).
 */
export const interleave = async <T>(
  rounds: number,
  sides: { readonly subject: (round: number) => T | Promise<T>; readonly baseline: (round: number) => T | Promise<T> },
  between: () => void | Promise<void> = () => {}
): Promise<Interleaved<T>> => {
  const subject: Array<T> = []
  const baseline: Array<T> = []
  const plan = order(rounds)
  for (let round = 0; round < plan.length; round++) {
    for (const side of plan[round]!) {
      const value = await sides[side](round)
      ;(side === "subject" ? subject : baseline).push(value)
      await between()
    }
  }
  return { subject, baseline }
}

/** `subject / baseline` per round. */
export const ratios = (subject: ReadonlyArray<number>, baseline: ReadonlyArray<number>): Array<number> => {
  if (subject.length !== baseline.length) throw new Error(`ratios of ${subject.length} and ${baseline.length} rounds`)
  return subject.map((s, i) => s / baseline[i]!)
}

/**
 * A rate measured two ways: per second of wall-clock time, and per second of this process's
 * CPU time (user + system, every thread: `process.cpuUsage`). Time the process spends waiting
 * for a core that another process holds counts in the first and not in the second, which is
 * why in-process measures use `cpu` as their figure on a shared machine.
 */
export interface Rate {
  readonly wall: number
  readonly cpu: number
}

/** Runs `body` (which does `count` operations) and returns its rate both ways. */
export const rate = async (count: number, body: () => void | Promise<void>): Promise<Rate> => {
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  await body()
  const wall = (performance.now() - t0) / 1000
  const c = process.cpuUsage(cpu0)
  return { wall: count / wall, cpu: count / ((c.user + c.system) / 1e6) }
}

/** The wall-clock and CPU figures of per-round rates. */
export const split = (rates: ReadonlyArray<Rate>): { readonly wall: Array<number>; readonly cpu: Array<number> } => ({
  wall: rates.map((r) => r.wall),
  cpu: rates.map((r) => r.cpu)
})

/** A goal on a figure: its median (the headline), or every round, at or above / below a bound. */
export interface Goal {
  readonly on: "median" | "every round"
  readonly op: ">=" | "<="
  readonly bound: number
}

/** The goal as text: `median >= 0.7`, `every round >= 0.6`. */
export const goalText = (goal: Goal): string => `${goal.on} ${goal.op} ${goal.bound}`

/** Whether per-round figures meet a goal. */
export const meets = (goal: Goal, rounds: ReadonlyArray<number>): boolean => {
  const ok = (x: number) => (goal.op === ">=" ? x >= goal.bound : x <= goal.bound)
  return goal.on === "median" ? ok(median(rounds)) : rounds.every(ok)
}

/**
 * Runs `fn` repeatedly for about `ms` milliseconds of wall-clock time (after `warmMs` of
 * warm-up) and returns its operations per second, both ways ({@link Rate}).
 */
export const opsPerSecond = (fn: () => void, ms: number, warmMs = 0): Rate => {
  const warm = performance.now() + warmMs
  while (performance.now() < warm) fn()
  let ops = 0
  const cpu0 = process.cpuUsage()
  const start = performance.now()
  let now = start
  while (now - start < ms) {
    for (let i = 0; i < 100; i++) fn()
    ops += 100
    now = performance.now()
  }
  const c = process.cpuUsage(cpu0)
  return { wall: ops / ((now - start) / 1000), cpu: ops / ((c.user + c.system) / 1e6) }
}

/**
 * The comparison of two synchronous operations (P4, P5, P6): both warmed up for `warmMs`, then
 * `rounds` interleaved rounds of `ms` each; rates and ratios per round, both ways.
 */
export const compareOps = async (subject: () => void, baseline: () => void, options: { readonly rounds: number; readonly ms: number; readonly warmMs?: number }) => {
  const warmMs = options.warmMs ?? 500
  opsPerSecond(subject, warmMs / 2)
  opsPerSecond(baseline, warmMs / 2)
  opsPerSecond(subject, warmMs / 2)
  opsPerSecond(baseline, warmMs / 2)
  const r = await interleave(options.rounds, { subject: () => opsPerSecond(subject, options.ms), baseline: () => opsPerSecond(baseline, options.ms) })
  const a = split(r.subject)
  const b = split(r.baseline)
  return { subject: a, baseline: b, ratio: ratios(a.cpu, b.cpu), wallRatio: ratios(a.wall, b.wall) }
}

/**
 * The size factor of a run: `BENCH_SCALE` (default 1), a number in (0, 1] (or larger, to
 * measure more). Measures multiply their row counts and timed durations by it.
 */
export const scaleFrom = (value: string | undefined): number => {
  if (value === undefined || value === "") return 1
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0) throw new Error(`BENCH_SCALE must be a positive number, not ${JSON.stringify(value)}`)
  return n
}

/** `n * scale` rounded to a multiple of `step`, at least `min`. */
export const scaled = (n: number, scale: number, step = 1, min = step): number =>
  Math.max(min, Math.round((n * scale) / step) * step)
