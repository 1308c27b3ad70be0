import { assert, describe, it } from "@effect/vitest"
import { Money } from "@localrights/core"
import { RendererTest } from "@localrights/core/testing"
import { Effect } from "effect"
import * as fc from "fast-check"
import { CsvRenderer } from "@localrights/render-csv"

RendererTest.suite("csv", CsvRenderer.layer())
RendererTest.suite("csv (results)", CsvRenderer.layer({ results: true }))

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

describe("CsvRenderer results", () => {
  const withResults = CsvRenderer.make({ results: true })

  it.effect("a project card (results: true): one row per indicator and period, approved actuals only", () =>
    Effect.gen(function*() {
      assert.notInclude(csv.supports, "ProjectCard", "by default, no project cards (no change for existing callers)")
      const { body, fileName } = yield* withResults.render(views.ProjectCard, "en")
      assert.strictEqual(fileName, "p-one.en.csv")
      const rows = RendererTest.parseCsv(body)!
      assert.deepStrictEqual(rows[0]!.slice(0, 6), ["Id", "Title", "Goal id", "Goal", "Indicator id", "Indicator"])
      const trained = rows.filter((r) => r[4] === "trained")
      assert.deepStrictEqual(trained.map((r) => [r[10], r[14], r[15], r[16], r[17]]), [
        ["preparation-1", "5", "8", "On track", ""],
        ["implementation-1", "20", "22", "On track", ""],
        ["implementation-2", "20", "", "", "awaiting an approved report"],
        ["implementation-3", "20", "", "", "no actual"]
      ])
      assert.deepStrictEqual(trained[0]!.slice(8, 10), ["0", "2021-01-01"])
      assert.deepStrictEqual(trained[0]!.slice(12, 14), ["2021-01-01", "2021-12-31"])
      assert.include(body, "not reported: Revised from year 1")
      assert.notInclude(body, "777")
    }))

  it.effect("a network report (results: true): one row per overall goal, indicator and partnership", () =>
    Effect.gen(function*() {
      const rows = RendererTest.parseCsv((yield* withResults.render(views.NetworkReport, "sv")).body)!
      assert.strictEqual(rows.length, 4)
      assert.deepStrictEqual(rows[1], ["overall", "Inkluderande styrning", "trained", "Utbildade tjänstepersoner", "personer", "p-one", "Partnerskap p-one", "implementation-1", "25", "30", "120", "Enligt plan", "2"])
      // the default stays the funding rows
      const funding = RendererTest.parseCsv((yield* csv.render(views.NetworkReport, "sv")).body)!
      assert.strictEqual(funding[0]![3], "Kostnadsslag")
    }))
})
