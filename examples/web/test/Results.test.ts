/**
 * The results sections of the web app's pages, without a browser: Lund ↔ Francistown's
 * project page and its network's report in Swedish and English over the seed with results
 * (`Store.memory({ results: true })`: the preparation-year report returned, resubmitted and
 * approved), overdue marking on a fixed day (`TestClock`), no results section for a
 * partnership without results, and 404 for an unknown id. `Site.test.ts` runs axe on the same
 * pages in Chromium.
 */
import { assert, describe, it } from "@effect/vitest"
import { ChangeLog, Reports, Stores } from "@localrights/core"
import { IcldCohort2020, LundFrancistownResults } from "@localrights/core/examples"
import { Effect, Layer } from "effect"
import { HttpRouter, HttpServer, HttpServerResponse } from "effect/http"
import { TestClock } from "effect/testing"
import * as Cache from "../src/Cache.ts"
import { WriteAccess } from "../src/Http.ts"
import * as Pages from "../src/Pages.ts"
import * as Server from "../src/Server.ts"
import * as Store from "../src/Store.ts"

const lund = IcldCohort2020.lundFrancistown.id
const network = IcldCohort2020.network.id

/** The answer's status and text. */
const read = (response: HttpServerResponse.HttpServerResponse) =>
  Effect.promise(async () => {
    const web = HttpServerResponse.toWeb(response)
    return { status: web.status, html: await web.text() }
  })

const at = (date: string) => TestClock.setTime(Date.parse(`${date}T10:00:00Z`))

/** The cohort and Lund's results framework, without the report cycle: the preparation-year report is not handed in. */
const frameworkOnly = Layer.effectDiscard(Effect.orDie(LundFrancistownResults.load)).pipe(Layer.provideMerge(Stores.layerMemory))

describe("results on the project page and the network report", () => {
  it.effect("Lund's project page shows its goals, indicators with charts and tables, and the approved report (sv, en)", () =>
    Effect.gen(function*() {
      yield* at("2026-12-02")
      const sv = yield* read(yield* Pages.projectPage("sv", lund, `/sv/partnerships/${lund}`))
      assert.strictEqual(sv.status, 200)
      assert.match(sv.html, /<h2 id="results-h">Resultat<\/h2>/)
      assert.include(sv.html, "Illustrativa uppgifter")
      assert.include(sv.html, "Inkluderande ledarskap i båda kommunerna")
      assert.include(sv.html, "Tjänstepersoner utbildade i rättighetsbaserat arbetssätt")
      assert.match(sv.html, /<svg[^>]*role="img"/)
      assert.match(sv.html, /<caption>Lägesrapporter<\/caption>/)
      assert.match(sv.html, /Förberedelseår 1[^]*?Godkänd[^]*?2022-02-14/)
      assert.include(sv.html, "Förberedelseåret: besök i båda kommunerna")
      assert.notInclude(sv.html, "Försenad")
      const en = yield* read(yield* Pages.projectPage("en", lund, `/en/partnerships/${lund}`))
      assert.strictEqual(en.status, 200)
      assert.match(en.html, /<h2 id="results-h">Results<\/h2>/)
      assert.include(en.html, "Officials trained in the rights-based approach")
      assert.include(en.html, "Maturity of residents")
      assert.match(en.html, /<caption>Progress reports<\/caption>/)
      assert.notInclude(en.html, "Overdue")
      // what is not public: evidence, return comments, who entered or decided
      for (const page of [sv.html, en.html]) {
        for (const internal of ["attendance-lists-2021.pdf", "Ange ett utfall för styrdokumenten", "Give an actual for the steering documents"]) {
          assert.notInclude(page, internal)
        }
      }
    }).pipe(Effect.provide(Store.memory({ results: true }))))

  it.effect("the network report rolls up the overall goal over the members' results (sv, en)", () =>
    Effect.gen(function*() {
      yield* at("2026-12-02")
      const sv = yield* read(yield* Pages.networkPage("sv", network, `/sv/networks/${network}`))
      assert.strictEqual(sv.status, 200)
      assert.match(sv.html, /<h2 id="results-h">Resultat<\/h2>/)
      assert.include(sv.html, "Inkluderande och rättighetsbaserad lokal styrning")
      assert.include(sv.html, "Andel enligt plan")
      assert.include(sv.html, "Alla rapporter är godkända.")
      const en = yield* read(yield* Pages.networkPage("en", network, `/en/networks/${network}`))
      assert.include(en.html, "Inclusive, rights-based local governance")
      assert.match(en.html, /2 of 2 \(100 %\)/)
      assert.include(en.html, "Every report is approved.")
      assert.match(en.html, /0 overdue on 2026-12-02/)
    }).pipe(Effect.provide(Store.memory({ results: true }))))

  it.effect("overdue on the day given: marked on the page and counted in the roll-up; not before the due date", () =>
    Effect.gen(function*() {
      yield* at("2022-04-01")
      const sv = yield* read(yield* Pages.projectPage("sv", lund, `/sv/partnerships/${lund}`))
      assert.match(sv.html, /Ingen rapport <strong class="status overdue">Försenad, 31 dagar<\/strong>/)
      assert.match(sv.html, /1 försenad den 2022-04-01/)
      const en = yield* read(yield* Pages.networkPage("en", network, `/en/networks/${network}`))
      assert.match(en.html, /<caption>Reports outstanding<\/caption>[^]*No report <strong class="status overdue">Overdue by 31 days<\/strong>/)
      assert.match(en.html, /1 progress report is not approved; 1 overdue on 2022-04-01/)
      // a draft is not handed in: still overdue
      yield* Reports.draft(lund, { phase: "preparation", year: 1 }, {}, ChangeLog.change("lund", "draft"))
      const draft = yield* read(yield* Pages.projectPage("en", lund, `/en/partnerships/${lund}`))
      assert.match(draft.html, /Draft <strong class="status overdue">Overdue by 31 days<\/strong>/)
      // the day before the due date: nothing is overdue
      yield* at("2022-02-28")
      const early = yield* read(yield* Pages.projectPage("en", lund, `/en/partnerships/${lund}`))
      assert.notInclude(early.html, "Overdue")
      assert.match(early.html, /0 overdue on 2022-02-28/)
      const earlyNetwork = yield* read(yield* Pages.networkPage("sv", network, `/sv/networks/${network}`))
      assert.notInclude(earlyNetwork.html, "Försenad")
      assert.match(earlyNetwork.html, /1 lägesrapport är inte godkänd; 0 försenade den 2022-02-28/)
    }).pipe(Effect.provide(frameworkOnly)))

  it.effect("no results section for a partnership without results or a network without them; 404 for an unknown id", () =>
    Effect.gen(function*() {
      yield* at("2026-12-02")
      const falun = yield* read(yield* Pages.projectPage("sv", "falun-mr-2020", "/sv/partnerships/falun-mr-2020"))
      assert.strictEqual(falun.status, 200)
      assert.notInclude(falun.html, `id="results-h"`)
      for (const [page, path] of [
        [Pages.projectPage("en", "nowhere", "/en/partnerships/nowhere"), "partnership"],
        [Pages.networkPage("sv", "nowhere", "/sv/networks/nowhere"), "network"]
      ] as const) {
        const missing = yield* read(yield* page)
        assert.strictEqual(missing.status, 404, path)
        assert.notInclude(missing.html, `id="results-h"`, path)
      }
    }).pipe(Effect.provide(Store.memory({ results: true }))))

  it.effect("with the default seed Lund is an expression of interest: no page, and its network shows no results", () =>
    Effect.gen(function*() {
      yield* at("2026-12-02")
      assert.strictEqual((yield* read(yield* Pages.projectPage("en", lund, `/en/partnerships/${lund}`))).status, 404)
      const report = yield* read(yield* Pages.networkPage("en", network, `/en/networks/${network}`))
      assert.strictEqual(report.status, 200)
      assert.notInclude(report.html, `id="results-h"`)
    }).pipe(Effect.provide(Store.layerMemory)))

  for (const [name, store] of [["memory", () => Store.memory({ results: true })], ["sqlite", () => Store.layerSqlite(":memory:", { results: true })]] as const) {
    it.effect(`the routes serve the results pages in both languages (${name} store seeded with results)`, () =>
      Effect.gen(function*() {
        const { handler } = yield* Effect.acquireRelease(
          Effect.sync(() =>
            HttpRouter.toWebHandler(
              Server.Routes.pipe(
                Layer.provideMerge(Layer.mergeAll(store(), WriteAccess.layer(false), HttpServer.layerServices, Cache.SiteVersion.layer))
              ),
              { disableLogger: true }
            )
          ),
          ({ dispose }) => Effect.promise(dispose)
        )
        for (const [path, heading] of [[`/sv/partnerships/${lund}`, "Resultat"], [`/en/partnerships/${lund}`, "Results"], [`/partnerships/${lund}?lang=en`, "Results"], [`/sv/networks/${network}`, "Resultat"], [`/en/networks/${network}`, "Results"]] as const) {
          const response = yield* Effect.promise(() => handler(new Request(`http://localhost${path}`)))
          assert.strictEqual(response.status, 200, path)
          assert.include(yield* Effect.promise(() => response.text()), `<h2 id="results-h">${heading}</h2>`, path)
        }
      }))
  }
})

describe("kept pages end with the day", () => {
  it("dayEnds: the next midnight in Europe/Stockholm, also on the days the clocks change", () => {
    assert.strictEqual(Cache.dayEnds(Date.parse("2026-12-02T12:00:00Z")), Date.parse("2026-12-02T23:00:00Z"))
    // 29 March 2026: summer time from 02:00, the day lasts 23 hours
    assert.strictEqual(Cache.dayEnds(Date.parse("2026-03-28T23:00:00Z")), Date.parse("2026-03-29T22:00:00Z"))
    // 25 October 2026: winter time from 03:00, the day lasts 25 hours
    assert.strictEqual(Cache.dayEnds(Date.parse("2026-10-24T22:00:00Z")), Date.parse("2026-10-25T23:00:00Z"))
    assert.strictEqual(Cache.dayEnds(Date.parse("2026-12-02T22:59:59.999Z")), Date.parse("2026-12-02T23:00:00Z"))
  })

  it("an entry expires at the day's end even when its lifetime is longer", () => {
    const now = Date.now()
    const e = Cache.entry(1, Number.POSITIVE_INFINITY, 200, {}, new Uint8Array(10))
    assert.isAtMost(e.expires, Cache.dayEnds(now))
    assert.isAbove(e.expires, now)
  })
})
