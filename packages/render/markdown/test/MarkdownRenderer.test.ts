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

describe("MarkdownRenderer results", () => {
  const md = MarkdownRenderer.make()
  const fixture = RendererTest.views()

  it.effect("the project card has a results section: goals, indicators, target and actual per period, report states", () =>
    Effect.gen(function*() {
      const { body } = yield* md.render(fixture.ProjectCard, "en")
      assert.include(body, "\n## Results\n")
      assert.include(body, "\n### Inclusive leadership\n")
      assert.include(body, "\n#### Officials trained\n")
      assert.include(body, "- **Baseline:** 0 persons \\(2021\\-01\\-01\\)")
      assert.include(body, "| Preparation year 1 | 5 persons | 8 persons |")
      assert.include(body, "| Implementation year 2 | 20 persons | _awaiting an approved report_ |")
      assert.include(body, "| Implementation year 2 | Submitted | 2024\\-02\\-29 | 2024\\-02\\-01 |  |")
      assert.notInclude(body, "777")
    }))

  it.effect("the network report has the roll-up and the reports outstanding", () =>
    Effect.gen(function*() {
      const { body } = yield* md.render(fixture.NetworkReport, "sv")
      assert.include(body, "\n### Inkluderande styrning\n")
      assert.include(body, "- **Andel enligt plan:** 3 av 3 \\(100 %\\)")
      assert.include(body, "| Utbildade tjänstepersoner | Partnerskap p\\-one | 25 personer | 30 personer | 120 % | Enligt plan | 2 |")
      assert.include(body, "\n### Rapporter som inte är godkända\n")
    }))
})
