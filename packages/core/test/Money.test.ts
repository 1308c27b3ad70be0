import { assert, describe, it } from "@effect/vitest"
import { Money } from "@localrights/core"
import { Result } from "effect"
import * as fc from "fast-check"

const SEK = "SEK" as Money.CurrencyCode
const BWP = "BWP" as Money.CurrencyCode
const minor = fc.integer({ min: 0, max: 2 ** 40 })

describe("Money arithmetic", () => {
  it("adds, subtracts and compares in one currency", () => {
    assert.deepStrictEqual(Money.add(Money.sek(1), Money.make(50, SEK)), Result.succeed(Money.make(150, SEK)))
    assert.deepStrictEqual(Money.subtract(Money.sek(3), Money.sek(1)), Result.succeed(Money.sek(2)))
    assert.deepStrictEqual(Money.compare(Money.sek(3), Money.sek(1)), Result.succeed(1))
    assert.deepStrictEqual(Money.compare(Money.sek(1), Money.sek(1)), Result.succeed(0))
    assert.deepStrictEqual(Money.difference(Money.sek(1), Money.sek(3)), Result.succeed(-200))
    assert.deepStrictEqual(Money.sum(SEK, [Money.sek(1), Money.sek(2)]), Result.succeed(Money.sek(3)))
    assert.deepStrictEqual(Money.sum(SEK, []), Result.succeed(Money.zero(SEK)))
  })

  it("refuses to mix currencies, naming both", () => {
    for (const r of [Money.add(Money.sek(1), Money.make(1, BWP)), Money.subtract(Money.sek(1), Money.make(1, BWP))]) {
      assert.isTrue(Result.isFailure(r))
      if (Result.isFailure(r) && r.failure._tag === "CurrencyMismatch") {
        assert.deepStrictEqual([r.failure.left, r.failure.right], ["SEK", "BWP"])
      } else assert.fail("expected CurrencyMismatch")
    }
    const c = Money.compare(Money.sek(1), Money.make(1, BWP))
    assert.isTrue(Result.isFailure(c) && c.failure._tag === "CurrencyMismatch")
    const s = Money.sum(SEK, [Money.sek(1), Money.make(1, BWP)])
    assert.isTrue(Result.isFailure(s) && s.failure._tag === "CurrencyMismatch" && s.failure.right === "BWP")
  })

  it("subtracting below zero is a typed error with the signed result", () => {
    const r = Money.subtract(Money.sek(1), Money.sek(2))
    assert.isTrue(Result.isFailure(r))
    if (Result.isFailure(r) && r.failure._tag === "AmountOutOfRange") {
      assert.strictEqual(r.failure.reason, "negative")
      assert.strictEqual(r.failure.minor, -100)
    } else assert.fail("expected AmountOutOfRange")
  })

  it("adding beyond 2^53 minor units is a typed error", () => {
    const r = Money.add(Money.make(Number.MAX_SAFE_INTEGER, SEK), Money.make(1, SEK))
    assert.isTrue(Result.isFailure(r) && r.failure._tag === "AmountOutOfRange" && r.failure.reason === "overflow")
  })

  it("add and subtract are inverse; compare agrees with difference (property)", () => {
    fc.assert(fc.property(minor, minor, (a, b) => {
      const sum = Result.getOrThrow(Money.add(Money.make(a, SEK), Money.make(b, SEK)))
      assert.deepStrictEqual(Money.subtract(sum, Money.make(b, SEK)), Result.succeed(Money.make(a, SEK)))
      const d = Result.getOrThrow(Money.difference(Money.make(a, SEK), Money.make(b, SEK)))
      assert.strictEqual(Result.getOrThrow(Money.compare(Money.make(a, SEK), Money.make(b, SEK))), Math.sign(d))
    }))
  })
})

describe("Money.allocate", () => {
  it("splits with no öre lost and the remainder to the earlier parts", () => {
    const parts = Result.getOrThrow(Money.allocate(Money.make(100, SEK), [1, 1, 1]))
    assert.deepStrictEqual(parts.map((p) => p.minor), [34, 33, 33])
    const byWeight = Result.getOrThrow(Money.allocate(Money.sek(300_000), [3, 1]))
    assert.deepStrictEqual(byWeight.map((p) => p.minor), [22_500_000, 7_500_000])
  })

  it("never loses or invents minor units, and follows the weights within one unit (property)", () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
      fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 }).filter((ws) => ws.some((w) => w > 0)),
      (m, weights) => {
        const parts = Result.getOrThrow(Money.allocate(Money.make(m, SEK), weights))
        assert.strictEqual(parts.length, weights.length)
        const total = parts.reduce((a, p) => a + BigInt(p.minor), 0n)
        assert.strictEqual(total, BigInt(m))
        const wTotal = weights.reduce((a, w) => a + BigInt(w), 0n)
        parts.forEach((p, i) => {
          assert.strictEqual(p.currency, "SEK")
          assert.isTrue(Number.isSafeInteger(p.minor) && p.minor >= 0)
          const exact = (BigInt(m) * BigInt(weights[i]!)) / wTotal
          const diff = BigInt(p.minor) - exact
          assert.isTrue(diff === 0n || diff === 1n)
          if (weights[i] === 0) assert.strictEqual(p.minor, 0)
        })
      }
    ))
  })

  it("refuses weights it cannot split by", () => {
    for (const weights of [[], [0, 0], [1, -1], [0.5, 1], [Number.NaN]]) {
      const r = Money.allocate(Money.sek(1), weights)
      assert.isTrue(Result.isFailure(r) && r.failure._tag === "InvalidWeights", JSON.stringify(weights))
    }
  })
})
