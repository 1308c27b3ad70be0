import { assert, describe, it } from "@effect/vitest"
import { RendererTest } from "@localrights/core/testing"
import { Effect } from "effect"
import * as fc from "fast-check"
import { MarkdownRenderer } from "@localrights/render-markdown"

RendererTest.suite("markdown", MarkdownRenderer.layer())

const views = RendererTest.views()
const md = MarkdownRenderer.make()

describe("MarkdownRenderer", () => {
  it.effect("shows the ICLD card fields with fallback markers", () =>
    Effect.gen(function*() {
      const { body, fileName } = yield* md.render(views.ProjectCard, "sv")
      assert.strictEqual(fileName, "p-one.sv.md")
      assert.match(body, /^# Partnerskap p\\-one\n/)
      assert.include(body, "- **Projektområde:** Inclusive leadership and governance _(på engelska)_")
      assert.include(body, "- **Globalt mål:** 10 – Minskad ojämlikhet; 16 – Fredliga och inkluderande samhällen")
    }))

  it.effect("renders charts as their text alternative and a table", () =>
    Effect.gen(function*() {
      const { body } = yield* md.render(views.NetworkReport, "en")
      assert.include(body, "### Global goals across the network\n\n2 partnerships;")
      assert.include(body, "| 10 – Reduced inequalities | 1 | 0 |")
      assert.include(body, "| Partnership p\\-one | SEK\u00a0300,000\\.00 | SEK\u00a0270,000\\.50 |")
    }))

  it("escapes table cells: a pipe never adds a cell", () => {
    assert.strictEqual(MarkdownRenderer.escapeInline("a | b"), "a \\| b")
    assert.strictEqual(MarkdownRenderer.escapeInline("x\n# y"), "x \\# y")
    assert.strictEqual(MarkdownRenderer.escapeInline("<b>&amp;"), "&lt;b&gt;&amp;amp;")
  })

  it("escaped text has no unescaped Markdown punctuation, raw HTML or line breaks (property)", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => {
      const out = MarkdownRenderer.escapeInline(s)
      assert.notMatch(out, /[<>\n\r]/)
      assert.notMatch(out, /(?<!\\)(?:\\\\)*[*_`[\]|]/)
    }))
  })
})
