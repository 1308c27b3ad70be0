import { assert, describe, it } from "@effect/vitest"
import { Money } from "@localrights/core"
import { RendererTest } from "@localrights/core/testing"
import { Effect } from "effect"
import * as fc from "fast-check"
import { CsvRenderer } from "@localrights/render-csv"

RendererTest.suite("csv", CsvRenderer.layer())

const views = RendererTest.views()
const csv = CsvRenderer.make()
const SEK = "SEK" as Money.CurrencyCode

describe("CsvRenderer", () => {
  it.effect("the catalogue: a header in the page language, one row per partnership, CRLF", () =>
    Effect.gen(function*() {
      const { body, fileName, mediaType } = yield* csv.render(views.Catalogue, "sv")
      assert.strictEqual(fileName, "catalogue.sv.csv")
      assert.strictEqual(mediaType, "text/csv; charset=utf-8; header=present")
      const rows = RendererTest.parseCsv(body)!
      assert.strictEqual(rows.length, 3)
      assert.deepStrictEqual(rows[0]!.slice(0, 4), ["Id", "Titel", "Projektområde", "Globalt mål"])
      assert.deepStrictEqual(rows[1]!.slice(0, 5), ["p-one", "Partnerskap p-one", "Inclusive leadership and governance", "10 – Minskad ojämlikhet; 16 – Fredliga och inkluderande samhällen", "10.2; 16.7"])
      assert.isTrue(body.endsWith("\r\n"))
    }))

  it.effect("budgets: one row per category with plain decimal amounts", () =>
    Effect.gen(function*() {
      const rows = RendererTest.parseCsv((yield* csv.render(views.FundingStatement, "en")).body)!
      assert.deepStrictEqual(rows[1], ["p-one", "Partnership p-one", "2021-01-01/2021-12-31", "travel", "Travel", "SEK", "200000.00", "150000.50", "-49999.50"])
      const network = RendererTest.parseCsv((yield* csv.render(views.NetworkReport, "en")).body)!
      assert.strictEqual(network.length, 3)
    }))

  it.effect("a byte-order mark only when asked for", () =>
    Effect.gen(function*() {
      const plain = yield* csv.render(views.Catalogue, "en")
      const bom = yield* CsvRenderer.make({ byteOrderMark: true }).render(views.Catalogue, "en")
      assert.isFalse(plain.body.startsWith("\ufeff"))
      assert.isTrue(bom.body.startsWith("\ufeff"))
    }))

  it("cells neutralise formulas and quote separators", () => {
    assert.strictEqual(CsvRenderer.cell("=1+1"), "'=1+1")
    assert.strictEqual(CsvRenderer.cell("@SUM(A1)"), "'@SUM(A1)")
    assert.strictEqual(CsvRenderer.cell("a,\"b\"\r\nc"), "\"a,\"\"b\"\"\r\nc\"")
    assert.strictEqual(Money.toDecimal({ minor: -5, currency: SEK }), "-0.05")
  })

  it("any text round-trips through a cell, and never starts a formula (property)", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => {
      const parsed = RendererTest.parseCsv(CsvRenderer.cell(s))
      const clean = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
      const value = parsed?.[0]?.[0] ?? ""
      assert.strictEqual(value, /^[=+\-@\t\r]/.test(clean) ? `'${clean}` : clean)
      assert.notMatch(value, /^[=+\-@\t\r]/)
    }))
  })

  it("amounts are exact for any integer minor units (property)", () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (minor) => {
      assert.strictEqual(Math.round(Number(Money.toDecimal({ minor, currency: SEK })) * 100), minor)
    }))
  })
})
