import { assert, describe, it } from "@effect/vitest"
import { Money } from "@localrights/core"
import { Effect, Exit, Result } from "effect"
import * as fc from "fast-check"

const SEK = Money.SEK
const BWP = Money.BWP
// Money in code: minor units of a known currency (a failure would fail the test)
const money = (minor: number, currency: string) => Effect.runSync(Money.make(minor, currency))
const minor = fc.integer({ min: 0, max: 2 ** 40 })

describe("Money arithmetic", () => {
  it("adds, subtracts and compares in one currency", () => {
    assert.deepStrictEqual(Money.add(Money.sek(1), money(50, SEK)), Result.succeed(money(150, SEK)))
    assert.deepStrictEqual(Money.subtract(Money.sek(3), Money.sek(1)), Result.succeed(Money.sek(2)))
    assert.deepStrictEqual(Money.compare(Money.sek(3), Money.sek(1)), Result.succeed(1))
    assert.deepStrictEqual(Money.compare(Money.sek(1), Money.sek(1)), Result.succeed(0))
    assert.deepStrictEqual(Money.difference(Money.sek(1), Money.sek(3)), Result.succeed(-200))
    assert.deepStrictEqual(Money.sum(SEK, [Money.sek(1), Money.sek(2)]), Result.succeed(Money.sek(3)))
    assert.deepStrictEqual(Money.sum(SEK, []), Result.succeed(Money.zero(SEK)))
  })

  it("refuses to mix currencies, naming both", () => {
    for (const r of [Money.add(Money.sek(1), money(1, BWP)), Money.subtract(Money.sek(1), money(1, BWP))]) {
      assert.isTrue(Result.isFailure(r))
      if (Result.isFailure(r) && r.failure._tag === "CurrencyMismatch") {
        assert.deepStrictEqual([r.failure.left, r.failure.right], ["SEK", "BWP"])
      } else assert.fail("expected CurrencyMismatch")
    }
    const c = Money.compare(Money.sek(1), money(1, BWP))
    assert.isTrue(Result.isFailure(c) && c.failure._tag === "CurrencyMismatch")
    const s = Money.sum(SEK, [Money.sek(1), money(1, BWP)])
    assert.isTrue(Result.isFailure(s) && s.failure._tag === "CurrencyMismatch" && s.failure.right === "BWP")
  })

  it("subtracting below zero is a typed error with the signed result", () => {
    const r = Money.subtract(Money.sek(1), Money.sek(2))
    assert.isTrue(Result.isFailure(r))
    if (Result.isFailure(r) && r.failure._tag === "AmountOutOfRange") {
      assert.strictEqual(r.failure.violations[0].rule, "non-negative")
      assert.strictEqual(r.failure.minor, -100)
    } else assert.fail("expected AmountOutOfRange")
  })

  it("adding beyond 2^53 minor units is a typed error", () => {
    const r = Money.add(money(Number.MAX_SAFE_INTEGER, SEK), money(1, SEK))
    assert.isTrue(Result.isFailure(r) && r.failure._tag === "AmountOutOfRange" && r.failure.violations[0].rule === "at-most-2^53")
  })

  it("add and subtract are inverse; compare agrees with difference (property)", () => {
    fc.assert(fc.property(minor, minor, (a, b) => {
      const sum = Result.getOrThrow(Money.add(money(a, SEK), money(b, SEK)))
      assert.deepStrictEqual(Money.subtract(sum, money(b, SEK)), Result.succeed(money(a, SEK)))
      const d = Result.getOrThrow(Money.difference(money(a, SEK), money(b, SEK)))
      assert.strictEqual(Result.getOrThrow(Money.compare(money(a, SEK), money(b, SEK))), Math.sign(d))
    }))
  })
})

describe("Money.allocate", () => {
  it("splits with no öre lost and the remainder to the earlier parts", () => {
    const parts = Result.getOrThrow(Money.allocate(money(100, SEK), [1, 1, 1]))
    assert.deepStrictEqual(parts.map((p) => p.minor), [34, 33, 33])
    const byWeight = Result.getOrThrow(Money.allocate(Money.sek(300_000), [3, 1]))
    assert.deepStrictEqual(byWeight.map((p) => p.minor), [22_500_000, 7_500_000])
  })

  it("never loses or invents minor units, and follows the weights within one unit (property)", () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
      fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 }).filter((ws) => ws.some((w) => w > 0)),
      (m, weights) => {
        const parts = Result.getOrThrow(Money.allocate(money(m, SEK), weights))
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

describe("Money constructors from plain values", () => {
  const failure = <A>(exit: Exit.Exit<A, { readonly violations: ReadonlyArray<{ field: string; rule: string }> }>) =>
    Exit.isFailure(exit) && exit.cause.reasons[0]?._tag === "Fail"
      ? exit.cause.reasons[0].error.violations.map((v) => [v.field, v.rule])
      : []

  it("make checks the minor units and the currency code against the codelist", () => {
    assert.deepStrictEqual(Money.make(45_000_00, "BWP"), Exit.succeed({ minor: 45_000_00, currency: Money.BWP }))
    assert.deepStrictEqual(failure(Money.make(-1, "SEK")), [["minor", "greater-than-or-equal-to"]])
    assert.deepStrictEqual(failure(Money.make(1.5, "SEK")), [["minor", "int"]])
    assert.deepStrictEqual(failure(Money.make(1, "XYZ")), [["currency", "codelist"]])
    // every problem at once
    assert.deepStrictEqual([...new Set(failure(Money.make(Number.NaN, "sek")).map(([field]) => field))], ["minor", "currency"])
  })

  it("of takes major units with at most the currency's decimals", () => {
    assert.deepStrictEqual(Money.of(300_000, "SEK"), Exit.succeed(Money.sek(300_000)))
    assert.deepStrictEqual(Money.of(1_234.5, "ZAR"), Exit.succeed({ minor: 123_450, currency: Money.ZAR }))
    assert.deepStrictEqual(Money.of(1_500, "JPY"), Exit.succeed({ minor: 1_500, currency: "JPY" as Money.CurrencyCode }))
    assert.deepStrictEqual(Money.of(1.234, "KWD"), Exit.succeed({ minor: 1_234, currency: "KWD" as Money.CurrencyCode }))
    assert.deepStrictEqual(failure(Money.of(0.125, "SEK")), [["amount", "decimals"]])
    assert.deepStrictEqual(failure(Money.of(1.5, "JPY")), [["amount", "decimals"]])
    assert.deepStrictEqual(failure(Money.of(-1, "SEK")), [["minor", "greater-than-or-equal-to"]])
  })

  it("currency checks a plain code; the seed currencies are constants", () => {
    assert.deepStrictEqual(Money.currency("ZAR"), Exit.succeed(Money.ZAR))
    assert.deepStrictEqual(failure(Money.currency("ZZZ")), [["", "codelist"]])
    assert.deepStrictEqual([Money.SEK, Money.ZAR, Money.BWP, Money.ZMW], ["SEK", "ZAR", "BWP", "ZMW"])
  })

  it("yields inside Effect.gen like any Effect", () =>
    Effect.runSync(Effect.gen(function*() {
      const pula = yield* Money.make(45_000_00, "BWP")
      assert.strictEqual(Money.format(pula, "en"), "BWP\u00a045,000.00")
      const refused = yield* Effect.flip(Money.make(1, "XYZ"))
      assert.strictEqual(refused._tag, "ValidationError")
      assert.deepStrictEqual(refused.subject, { kind: "Money" })
      assert.include(refused.explain("sv"), "valutakod")
    })))
})

// The reference: Intl.NumberFormat with the currency's decimals, `sv-SE` (no-break space between
// groups, decimal comma) and `en-US` (comma between groups, decimal point), given the amount as
// an exact decimal string (`Money.toDecimal`), with the minus sign written as ASCII `-`
// (`sv-SE` writes U+2212). The code follows with a no-break space in Swedish and comes first in
// English.
const viaIntl = (m: Money.Money, lang: "sv" | "en") => {
  const e = Money.exponent(m.currency)
  const number = new Intl.NumberFormat(lang === "sv" ? "sv-SE" : "en-US", { minimumFractionDigits: e, maximumFractionDigits: e })
    .format(Money.toDecimal(m) as `${number}`)
    .replace("\u2212", "-")
  return lang === "sv" ? `${number}\u00a0${m.currency}` : `${m.currency}\u00a0${number}`
}

describe("Money.format", () => {
  const cases: ReadonlyArray<readonly [number, string, string, string]> = [
    [-150, "SEK", "-1,50\u00a0SEK", "SEK\u00a0-1.50"],
    [-5, "SEK", "-0,05\u00a0SEK", "SEK\u00a0-0.05"],
    [-123_450, "SEK", "-1\u00a0234,50\u00a0SEK", "SEK\u00a0-1,234.50"],
    [0, "SEK", "0,00\u00a0SEK", "SEK\u00a00.00"],
    [5, "SEK", "0,05\u00a0SEK", "SEK\u00a00.05"],
    [30_000_000, "SEK", "300\u00a0000,00\u00a0SEK", "SEK\u00a0300,000.00"],
    [123_456_789, "ZAR", "1\u00a0234\u00a0567,89\u00a0ZAR", "ZAR\u00a01,234,567.89"],
    [1_500, "JPY", "1\u00a0500\u00a0JPY", "JPY\u00a01,500"],
    [-1_500, "JPY", "-1\u00a0500\u00a0JPY", "JPY\u00a0-1,500"],
    [0, "JPY", "0\u00a0JPY", "JPY\u00a00"],
    [1_234_567, "KWD", "1\u00a0234,567\u00a0KWD", "KWD\u00a01,234.567"],
    [-5, "KWD", "-0,005\u00a0KWD", "KWD\u00a0-0.005"],
    [Number.MAX_SAFE_INTEGER, "SEK", "90\u00a0071\u00a0992\u00a0547\u00a0409,91\u00a0SEK", "SEK\u00a090,071,992,547,409.91"],
    [-Number.MAX_SAFE_INTEGER, "SEK", "-90\u00a0071\u00a0992\u00a0547\u00a0409,91\u00a0SEK", "SEK\u00a0-90,071,992,547,409.91"]
  ]

  it("negative, zero and fractional amounts, with 0, 2 and 3 decimals, in both languages", () => {
    for (const [minor, code, sv, en] of cases) {
      const m = { minor, currency: code as Money.CurrencyCode }
      assert.strictEqual(Money.format(m, "sv"), sv, `${minor} ${code} sv`)
      assert.strictEqual(Money.format(m, "en"), en, `${minor} ${code} en`)
      assert.strictEqual(Money.format(m, "sv"), viaIntl(m, "sv"), `${minor} ${code} sv (Intl)`)
      assert.strictEqual(Money.format(m, "en"), viaIntl(m, "en"), `${minor} ${code} en (Intl)`)
    }
  })

  it("agrees with Intl.NumberFormat on any safe integer, in both languages (property)", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.maxSafeInteger().map((n) => -n), fc.maxSafeInteger()),
        fc.constantFrom("SEK", "ZAR", "BWP", "ZMW", "JPY", "KWD", "BHD", "ISK"),
        (minor, code) => {
          const m = { minor, currency: code as Money.CurrencyCode }
          assert.strictEqual(Money.format(m, "sv"), viaIntl(m, "sv"))
          assert.strictEqual(Money.format(m, "en"), viaIntl(m, "en"))
        }
      ),
      { numRuns: 2000 }
    )
  })
})
