import { assert, describe, it } from "@effect/vitest"
import { View } from "@localrights/core"
import { RendererTest } from "@localrights/core/testing"
import { Effect } from "effect"
import { HtmlRenderer } from "@localrights/render-html"

RendererTest.suite("html", HtmlRenderer.layer())

const views = RendererTest.views()
const html = HtmlRenderer.make()

const headings = (body: string) => [...body.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]))

describe("HtmlRenderer", () => {
  it.effect("every page has one h1, no skipped heading level, landmarks and lang", () =>
    Effect.gen(function*() {
      for (const kind of html.supports) {
        for (const lang of ["sv", "en"] as const) {
          const { body } = yield* html.render(views[kind], lang)
          const levels = headings(body)
          assert.strictEqual(levels.filter((l) => l === 1).length, 1, `${kind} ${lang}: one h1`)
          levels.reduce((prev, l) => {
            assert.isAtMost(l, prev + 1, `${kind} ${lang}: h${prev} followed by h${l}`)
            return l
          }, 1)
          assert.include(body, `<html lang="${lang}">`)
          for (const landmark of ["<header>", "<main id=\"main\">", "<footer>", "<nav "]) assert.include(body, landmark)
          assert.notMatch(body, /(src|href)="https?:/, "no external requests")
        }
      }
    }))

  it.effect("shows the ICLD card fields and marks English fallbacks on the Swedish page", () =>
    Effect.gen(function*() {
      const { body, fileName } = yield* html.render(views.ProjectCard, "sv")
      assert.strictEqual(fileName, "p-one.sv.html")
      for (const label of ["Projektområde", "Globalt mål", "Tema", "Svensk partner", "Internationell partner"]) assert.include(body, label)
      assert.include(body, "10 – Minskad ojämlikhet")
      assert.include(body, `<span lang="en">Inclusive leadership and governance</span> <span class="fallback">(på engelska)</span>`)
      const en = yield* html.render(views.ProjectCard, "en")
      assert.include(en.body, "Inclusive leadership and governance</dd>")
      assert.notInclude(en.body, "class=\"fallback\"><")
    }))

  it.effect("escapes hostile text instead of dropping it", () =>
    Effect.gen(function*() {
      const { body } = yield* html.render(RendererTest.views("<script>alert(1)</script>").ProjectCard, "en")
      assert.include(body, "&lt;script&gt;alert(1)&lt;/script&gt;")
    }))

  it.effect("draws each chart as SVG with a text alternative and the data as a table", () =>
    Effect.gen(function*() {
      const { body } = yield* html.render(views.NetworkReport, "en")
      for (const id of ["sdg-coverage", "assessment-scores", "budget-vs-actual"]) {
        assert.match(body, new RegExp(`<svg [^>]*role="img" aria-labelledby="${id}-title ${id}-desc"`))
        assert.match(body, new RegExp(`<section aria-labelledby="${id}-h">.*?<table>`, "s"))
      }
      assert.include(body, "<th scope=\"row\">10 – Reduced inequalities</th><td class=\"num\">1</td><td class=\"num\">0</td>")
      assert.include(body, "url(#budget-vs-actual-hatch)", "second series differs by pattern, not colour alone")
    }))

  it.effect("links never carry javascript: even when a link function returns one", () =>
    Effect.gen(function*() {
      const evil = HtmlRenderer.make({ href: () => "javascript:alert(1)" })
      const { body } = yield* evil.render(views.Catalogue, "sv")
      assert.notInclude(body, "javascript:")
      assert.include(body, "href=\"#\"")
    }))

  it.effect("ids that look like URL schemes stay relative links", () =>
    Effect.gen(function*() {
      const card: View.ProjectCard = { ...views.ProjectCard, id: "javascript:void" as View.ProjectCard["id"] }
      const { body } = yield* html.render({ ...views.Catalogue, cards: [card] }, "sv")
      assert.include(body, "href=\"./javascript%3Avoid.sv.html\"")
    }))

  it.effect("a text known only in Swedish is marked on the English page", () =>
    Effect.gen(function*() {
      const card: View.ProjectCard = { ...views.ProjectCard, title: { sv: "Bara svenska" } }
      const { body } = yield* html.render(card, "en")
      assert.include(body, `<h1><span lang="sv">Bara svenska</span> <span class="fallback">(in Swedish)</span></h1>`)
    }))
})

describe("HtmlRenderer results", () => {
  it.effect("the project page shows goals, indicators with baseline, target and actual per period, charts and report states", () =>
    Effect.gen(function*() {
      const { body } = yield* html.render(views.ProjectCard, "en")
      assert.include(body, `<h2 id="results-h">Results</h2>`)
      assert.include(body, "Illustrative data")
      assert.include(body, `<h3 id="goal-p-one-leadership">Inclusive leadership</h3>`)
      assert.include(body, "<dt>Baseline</dt><dd>0 persons (2021-01-01)</dd>")
      for (const id of ["results-p-one-trained", "results-p-one-maturity", "results-p-one-documents"]) {
        assert.match(body, new RegExp(`<svg [^>]*role="img" aria-labelledby="${id}-title ${id}-desc"`))
        assert.match(body, new RegExp(`<section aria-labelledby="${id}-h"><h5 id="${id}-h">.*?<figcaption>.*?</figcaption></figure><table>`, "s"))
      }
      assert.include(body, `<tr><th scope="row">Preparation year 1</th><td class="num">5 persons</td><td class="num">8 persons</td></tr>`)
      // implementation year 2 is submitted, not approved: its actual is not shown
      assert.include(body, `<tr><th scope="row">Implementation year 2</th><td class="num">20 persons</td><td class="num absent">awaiting an approved report</td></tr>`)
      assert.notInclude(body, "777")
      assert.include(body, "3 / 3 – Regular consultation")
      assert.include(body, "Preparation year 1, not reported: Revised from year 1")
      assert.include(body, "Preparation year 1, disaggregation: Women 5, Men 3")
      assert.include(body, `<th scope="row">Implementation year 2</th><td>Submitted</td><td>2024-02-29</td><td>2024-02-01</td><td></td>`)
    }))

  it.effect("the network report shows the roll-up per overall goal and the reports outstanding", () =>
    Effect.gen(function*() {
      const { body } = yield* html.render(views.NetworkReport, "sv")
      assert.include(body, `<h3 id="rollup-overall">Inkluderande styrning</h3>`)
      assert.match(body, /<svg [^>]*aria-labelledby="results-goal-overall-title results-goal-overall-desc"/)
      assert.include(body, "<dt>Andel enligt plan</dt><dd>3 av 3 (100 %)</dd>")
      assert.include(body, `<h3 id="outstanding-h">Rapporter som inte är godkända</h3>`)
      assert.include(body, `<tr><th scope="row">Partnerskap p-one</th><td>Genomförandeår 2</td><td>Inlämnad</td><td>2024-02-29</td></tr>`)
    }))
})
