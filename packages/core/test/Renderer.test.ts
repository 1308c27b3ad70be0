import { assert, describe, it } from "@effect/vitest"
import { Renderer } from "@localrights/core"
import { RendererTest } from "@localrights/core/testing"
import { Effect } from "effect"
import * as fc from "fast-check"

const views = RendererTest.views()

describe("Renderer.make", () => {
  const renderer = Renderer.make({
    name: "test",
    mediaType: "text/plain; charset=utf-8",
    extension: "txt",
    supports: ["ProjectCard", "Catalogue", "NetworkReport"],
    render: (v, lang) => {
      switch (v._tag) {
        case "ProjectCard":
          return `${v.id} ${lang}`
        case "Catalogue":
          return { invalid: "no catalogue today" }
        case "NetworkReport":
          throw new Error("boom")
      }
    }
  })

  it.effect("renders a supported view with its file name", () =>
    Effect.gen(function*() {
      const doc = yield* renderer.render(views.ProjectCard, "sv")
      assert.deepStrictEqual(doc, { mediaType: "text/plain; charset=utf-8", fileName: "p-one.sv.txt", body: "p-one sv" })
      assert.deepStrictEqual(renderer.supports, ["ProjectCard", "Catalogue", "NetworkReport"])
    }))

  it.effect("refuses an unsupported view, reports invalid input, and turns a throw into failed", () =>
    Effect.gen(function*() {
      const unsupported = yield* Effect.flip(renderer.render(views.FundingStatement, "sv"))
      assert.strictEqual(unsupported.reason, "unsupported-view")
      assert.strictEqual(unsupported.view, "FundingStatement")
      const invalid = yield* Effect.flip(renderer.render(views.Catalogue, "en"))
      assert.deepStrictEqual([invalid.reason, invalid.detail], ["invalid-input", "no catalogue today"])
      const failed = yield* Effect.flip(renderer.render(views.NetworkReport, "en"))
      assert.strictEqual(failed.reason, "failed")
      assert.include(failed.message, "boom")
    }))

  it("names files per view and language", () => {
    assert.strictEqual(Renderer.fileName(views.NetworkReport, "en", "html"), "network-network.en.html")
    assert.strictEqual(Renderer.fileName(views.ActivityFile, undefined, "xml"), "activities.xml")
  })
})

describe("RendererTest.unsafe (the contract's checks can fail)", () => {
  const html = (body: string) => RendererTest.unsafe({ mediaType: "text/html; charset=utf-8", body })
  const md = (body: string) => RendererTest.unsafe({ mediaType: "text/markdown; charset=utf-8", body })
  const csv = (body: string) => RendererTest.unsafe({ mediaType: "text/csv; charset=utf-8", body })

  it("flags every raw payload in HTML and XML", () => {
    for (const p of ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'><svg onload=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>", "]]><x>", "<!-- open", "a\u0000b"]) {
      assert.isDefined(html(`<p>${p}</p>`), p)
    }
    assert.isUndefined(html("<p>&lt;script&gt;</p>"))
  })

  it("flags raw HTML, javascript links, structure and broken tables in Markdown", () => {
    assert.isDefined(md("text <img src=x>"))
    assert.isDefined(md("[x](javascript:alert(1))"))
    assert.isDefined(md("# heading\n"))
    assert.isDefined(md("| a | b |\n| --- | --- |\n| c | d | e |"))
    assert.isUndefined(md("| a | b |\n| --- | --- |\n| c \\| x | d |"))
  })

  it("flags formulas and ragged rows in CSV", () => {
    assert.isDefined(csv("a,b\r\n=1+1,c\r\n"))
    assert.isDefined(csv("a,b\r\nc\r\n"))
    assert.isDefined(csv("a,\"b\r\n"))
    assert.isUndefined(csv("a,b\r\n-12.50,'=1\r\n"))
  })

  it("parseCsv reads back what an RFC 4180 writer writes (property)", () => {
    const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, "\"\"")}"` : s)
    fc.assert(fc.property(fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
      const text = rows.map((r) => r.map(quote).join(",")).join("\r\n") + "\r\n"
      const parsed = RendererTest.parseCsv(text)
      // A record of one empty cell is indistinguishable from an empty line; skip that shape.
      fc.pre(rows.every((r) => !(r.length === 1 && r[0] === "")))
      assert.deepStrictEqual(parsed, rows)
    }))
  })
})
