import { describe, expect, it } from "vitest"
import { allPass, entry as makeEntry, figureLine, merge, normalise, parseArgs, runMeasure, select, summarise, table, type Entry } from "../lib/report.ts"

const available = [{ id: "P1" }, { id: "P2" }, { id: "P3" }, { id: "P10" }]

describe("parseArgs", () => {
  it("takes ids, upper-cased, and --check", () => {
    expect(parseArgs(["p1", "P3"])).toEqual({ ids: ["P1", "P3"], check: false })
    expect(parseArgs(["--check"])).toEqual({ ids: [], check: true })
  })
  it("refuses an unknown option", () => {
    expect(() => parseArgs(["--fast"])).toThrow(/unknown option --fast/)
  })
})

describe("select", () => {
  it("runs every measure when none is named", () => {
    expect(select(available, []).map((m) => m.id)).toEqual(["P1", "P2", "P3", "P10"])
  })
  it("runs only the named ones, in the measures' order", () => {
    expect(select(available, ["P3", "p1"]).map((m) => m.id)).toEqual(["P1", "P3"])
  })
  it("refuses an id that is no measure", () => {
    expect(() => select(available, ["P1", "P9"])).toThrow(/no measure P9/)
  })
})

const figure = (rounds: Array<number>) =>
  summarise({ name: "ratio store / raw", unit: "×", better: "higher", rounds, goals: [{ on: "median", op: ">=", bound: 0.7 }, { on: "every round", op: ">=", bound: 0.6 }] })

const run = { date: "2026-12-01T00:00:00.000Z", node: "v24", commit: "abc", dirty: false, scale: 1, rounds: null, loadavg: { start: [1, 1, 1], end: [1, 1, 1] }, wallSeconds: 1 }
const entry = (id: string, rounds: Array<number>): Entry =>
  makeEntry(id, `measure ${id}`, run, {
    figures: [{ name: "ratio store / raw", unit: "×", better: "higher", rounds, goals: [{ on: "median", op: ">=", bound: 0.7 }, { on: "every round", op: ">=", bound: 0.6 }] }]
  })

describe("summarise", () => {
  it("keeps every round and judges each goal", () => {
    const f = figure([0.72, 0.59, 0.75])
    expect(f.rounds).toEqual([0.72, 0.59, 0.75])
    expect(f.median).toBe(0.72)
    expect(f.goals).toEqual([{ goal: "median >= 0.7", pass: true }, { goal: "every round >= 0.6", pass: false }])
    expect(f.wide).toBe(true)
  })
  it("says so in the printed line when the spread is wider than ±15 %", () => {
    expect(figureLine(figure([0.72, 0.59, 0.75]))).toMatch(/spread wider than ±15 %/)
    expect(figureLine(figure([0.72, 0.7, 0.75]))).not.toMatch(/spread wider/)
    expect(figureLine(figure([0.72, 0.7, 0.75]))).toMatch(/0\.720 .*\[0\.700 \.\. 0\.750\].*median >= 0\.7 pass, every round >= 0\.6 pass/)
  })
})

describe("entry", () => {
  it("lists the figures whose spread is wide", () => {
    expect(entry("P1", [0.72, 0.59, 0.75]).wide).toEqual(["ratio store / raw"])
    expect(entry("P1", [0.72, 0.7, 0.75]).wide).toEqual([])
  })
})

describe("runMeasure", () => {
  const context = { scale: 0.1, rounds: 3, commit: "abc", dirty: true }
  it("times the measure itself and passes it the scale and rounds", async () => {
    let asked: unknown
    const e = await runMeasure("P9", {
      id: "P9",
      name: "sleeps",
      run: async (options) => {
        asked = options
        await new Promise((resolve) => setTimeout(resolve, 120))
        return { figures: [{ name: "x", unit: "ms", better: "lower", rounds: [1, 2, 3] }] }
      }
    }, context)
    expect(asked).toEqual({ scale: 0.1, rounds: 3 })
    expect(e.run.wallSeconds).toBeGreaterThanOrEqual(0.1)
    expect(e.run).toMatchObject({ commit: "abc", dirty: true, scale: 0.1, rounds: 3 })
    expect(e.run.loadavg.start).toHaveLength(3)
    expect(e.figures[0]!.median).toBe(2)
  })
  it("turns a failing measure into an entry with its error", async () => {
    const e = await runMeasure("P9", { id: "P9", name: "fails", run: () => Promise.reject(new Error("no server")) }, context)
    expect(e.error).toMatch(/no server/)
    expect(allPass([e])).toBe(false)
  })
})

describe("merge", () => {
  const lastRun = { date: "now", ids: ["P2"], command: "./dev bench P2" }
  it("replaces the measures run and keeps the others", () => {
    const before = merge(null, [entry("P1", [0.7]), entry("P2", [0.5])], lastRun)
    const after = merge(JSON.parse(JSON.stringify(before)), [entry("P2", [0.9])], lastRun)
    expect(Object.keys(after.measures)).toEqual(["P1", "P2"])
    expect((after.measures["P1"] as Entry).figures[0]!.median).toBe(0.7)
    expect((after.measures["P2"] as Entry).figures[0]!.median).toBe(0.9)
    expect(after.lastRun).toEqual(lastRun)
  })
  it("orders ids numerically", () => {
    const m = merge(null, [entry("P10", [1]), entry("P2", [1]), entry("P1", [1])], lastRun)
    expect(Object.keys(m.measures)).toEqual(["P1", "P2", "P10"])
  })
  it("keeps rows of the old list format, marked as such", () => {
    const m = merge([{ id: "P4", value: 1, ratio: 1.08 }], [entry("P2", [1])], lastRun)
    expect(m.measures["P4"]).toEqual({ format: 1, id: "P4", value: 1, ratio: 1.08 })
    expect(Object.keys(m.measures)).toEqual(["P2", "P4"])
  })
})

describe("allPass and table", () => {
  it("fails when a goal fails or a measure did not run", () => {
    expect(allPass([entry("P1", [0.72, 0.7, 0.75])])).toBe(true)
    expect(allPass([entry("P1", [0.72, 0.59, 0.75])])).toBe(false)
    expect(allPass([{ ...entry("P1", [0.8]), figures: [], error: "boom" }])).toBe(false)
  })
  it("has a row per figure with its verdict", () => {
    const t = table([entry("P1", [0.72, 0.59, 0.75]), entry("P2", [0.9])])
    const lines = t.split("\n")
    expect(lines).toHaveLength(3)
    expect(lines[1]).toMatch(/^P1 .*FAIL$/)
    expect(lines[1]).toMatch(/WIDE/)
    expect(lines[2]).toMatch(/^P2 .*pass$/)
  })
})

describe("normalise", () => {
  it("turns a result of the old shape into one round with its ratio", () => {
    const r = normalise({ value: 300, baseline: 200, baselineName: "raw" }, { unit: "req/s" })
    expect(r.figures.map((f) => [f.name, f.unit, f.rounds])).toEqual([["value", "req/s", [300]], ["ratio to baseline", "×", [1.5]]])
    expect(r.details).toEqual({ baseline: "raw" })
  })
})
