import { describe, expect, it } from "vitest"
import { goalText, interleave, median, meets, opsPerSecond, order, percentile, rate, ratios, scaled, scaleFrom, split, spread } from "../lib/stats.ts"

describe("median", () => {
  it("takes the middle of an odd list, whatever its order", () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([0.63, 0.61, 0.7, 0.58, 0.66])).toBe(0.63)
  })
  it("takes the mean of the two middle values of an even list", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })
  it("does not reorder its input", () => {
    const xs = [3, 1, 2]
    median(xs)
    expect(xs).toEqual([3, 1, 2])
  })
  it("refuses an empty list", () => {
    expect(() => median([])).toThrow()
  })
})

describe("percentile", () => {
  it("is the nearest rank", () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1)
    expect(percentile(xs, 95)).toBe(95)
    expect(percentile(xs, 50)).toBe(50)
    expect(percentile(xs, 100)).toBe(100)
    expect(percentile([7], 95)).toBe(7)
  })
})

describe("spread", () => {
  it("gives min, max and their distance from the median", () => {
    const s = spread([1.0, 0.9, 1.1, 1.05, 0.95])
    expect(s.median).toBe(1.0)
    expect(s.min).toBe(0.9)
    expect(s.max).toBe(1.1)
    expect(s.below).toBeCloseTo(-0.1)
    expect(s.above).toBeCloseTo(0.1)
    expect(s.wide).toBe(false)
  })
  it("is wide when a round lies more than 15 % above the median", () => {
    expect(spread([1, 1, 1.16]).wide).toBe(true)
    expect(spread([1, 1, 1.14]).wide).toBe(false)
  })
  it("is wide when a round lies more than 15 % below the median", () => {
    expect(spread([1, 1, 0.84]).wide).toBe(true)
    expect(spread([1, 1, 0.86]).wide).toBe(false)
  })
  it("has no spread for one round", () => {
    const s = spread([42])
    expect([s.below, s.above, s.wide]).toEqual([0, 0, false])
  })
})

describe("order", () => {
  it("alternates which side starts: A B, B A, A B, B A", () => {
    expect(order(4)).toEqual([["subject", "baseline"], ["baseline", "subject"], ["subject", "baseline"], ["baseline", "subject"]])
  })
})

describe("interleave", () => {
  it("runs the sides in the A B B A order and pairs each round's figures", async () => {
    const log: Array<string> = []
    const r = await interleave(3, {
      subject: (round) => (log.push(`A${round}`), 10 * (round + 1)),
      baseline: async (round) => (log.push(`B${round}`), 5)
    }, () => {
      log.push("|")
    })
    expect(log.join("")).toBe("A0|B0|B1|A1|A2|B2|")
    expect(r.subject).toEqual([10, 20, 30])
    expect(r.baseline).toEqual([5, 5, 5])
    expect(ratios(r.subject, r.baseline)).toEqual([2, 4, 6])
  })
  it("cancels a linear drift that a fixed order A B would turn into a bias", async () => {
    // the machine slows by 1 % per run: A B A B would favour A in every round
    let run = 0
    const slow = () => 100 / (1 + 0.01 * run++)
    const r = await interleave(4, { subject: slow, baseline: slow })
    const mean = (xs: ReadonlyArray<number>) => xs.reduce((a, b) => a + b, 0) / xs.length
    expect(Math.abs(mean(ratios(r.subject, r.baseline)) - 1)).toBeLessThan(0.001)
  })
})

describe("ratios", () => {
  it("refuses rounds that do not pair up", () => {
    expect(() => ratios([1, 2], [1])).toThrow()
  })
})

describe("rates", () => {
  it("count operations per wall-clock and per CPU second", async () => {
    const r = await rate(1000, () => {
      const until = performance.now() + 20
      while (performance.now() < until) {}
    })
    // 1000 operations in about 20 ms of busy work: both near 50 000/s
    expect(r.wall).toBeGreaterThan(10_000)
    expect(r.wall).toBeLessThan(55_000)
    expect(r.cpu).toBeGreaterThan(10_000)
  })
  it("do not count time spent waiting in CPU time", async () => {
    const r = await rate(1, () => new Promise((resolve) => setTimeout(resolve, 50)))
    expect(r.cpu).toBeGreaterThan(5 * r.wall)
  })
  it("split into their two figures", () => {
    expect(split([{ wall: 1, cpu: 2 }, { wall: 3, cpu: 4 }])).toEqual({ wall: [1, 3], cpu: [2, 4] })
    const ops = opsPerSecond(() => {}, 5)
    expect(ops.wall).toBeGreaterThan(0)
  })
})

describe("goals", () => {
  it("checks the median or every round", () => {
    const rounds = [0.72, 0.59, 0.75]
    expect(meets({ on: "median", op: ">=", bound: 0.7 }, rounds)).toBe(true)
    expect(meets({ on: "every round", op: ">=", bound: 0.6 }, rounds)).toBe(false)
    expect(meets({ on: "median", op: "<=", bound: 1 }, [0.9, 1.2, 0.8])).toBe(true)
    expect(meets({ on: "median", op: "<=", bound: 1 }, [1.1, 1.2, 0.8])).toBe(false)
  })
  it("reads as text", () => {
    expect(goalText({ on: "every round", op: ">=", bound: 0.6 })).toBe("every round >= 0.6")
  })
})

describe("scale", () => {
  it("defaults to 1 and refuses nonsense", () => {
    expect(scaleFrom(undefined)).toBe(1)
    expect(scaleFrom("0.1")).toBe(0.1)
    expect(() => scaleFrom("0")).toThrow()
    expect(() => scaleFrom("abc")).toThrow()
  })
  it("scales sizes to a step, with a floor", () => {
    expect(scaled(1_000_000, 0.1, 10_000)).toBe(100_000)
    expect(scaled(1_000_000, 0.001, 10_000)).toBe(10_000)
    expect(scaled(50_000, 0.25, 1000)).toBe(13_000)
  })
})
