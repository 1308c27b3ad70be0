/**
 * `localrights report network <id>` and `localrights report programme <id>`: a summary of a
 * network (its partnerships, SDG coverage, assessment scores, budget against actual) or of a
 * programme (its partnerships by status, country, SDG goal and functional area, and its
 * networks), as text, JSON (`--format json`), or an HTML or Markdown document (the network
 * report view; for a programme, its catalogue with facets).
 */
import { Catalogue, LocalizedText, Partnership, View } from "@localrights/core"
import { Effect, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { writeFileSync } from "node:fs"
import * as Cli from "./Cli.ts"
import * as Publishing from "./Publishing.ts"

const formatFlag = Flag.Literals("format", ["text", "json", "html", "md"]).pipe(Flag.withDescription("text, json, html or md"), Flag.withDefault("text"))
const outFlag = Flag.String("out").pipe(Flag.withDescription("The file to write (default: standard output)"), Flag.optional)

const text = (t: LocalizedText.LocalizedText, lang: Cli.Lang) => LocalizedText.text(t, lang)

const emit = (out: Option.Option<string>, body: string) =>
  Effect.sync(() => {
    if (Option.isSome(out)) writeFileSync(out.value, body)
    else process.stdout.write(body.endsWith("\n") ? body : `${body}\n`)
  })

// the renderer is loaded when asked for
const document = (view: View.View, format: "html" | "md", lang: Cli.Lang) =>
  Effect.flatMap(
    Effect.promise(async () =>
      format === "html" ? (await import("@localrights/render-html")).HtmlRenderer.make() : (await import("@localrights/render-markdown")).MarkdownRenderer.make()
    ),
    (renderer) => renderer.render(view, lang)
  )

const network = Command.make(
  "network",
  { id: Argument.String("id").pipe(Argument.withDescription("The network's id")), format: formatFlag, out: outFlag },
  Effect.fn(function*({ format, id, out }) {
    const ctx = yield* Cli.context
    const p = yield* Publishing.load.pipe(Cli.withStore(ctx))
    const found = p.directory.networks.get(id)
    if (found === undefined) return yield* Cli.fail(1, { sv: `Nätverket ${id} finns inte.`, en: `Network ${id} does not exist.` })
    const report = Publishing.networkReport(p, found)
    if (format === "json") return yield* emit(out, JSON.stringify(report, null, 2))
    if (format === "html" || format === "md") return yield* emit(out, (yield* document(report, format, ctx.lang)).body)
    const lang = ctx.lang
    const lines = [
      ctx.paint.strong(`${text(report.network.name, lang)} (${report.network.id})`),
      ...(report.programme === undefined ? [] : [`  ${ctx.t({ sv: "Program", en: "Programme" })}: ${text(report.programme.name, lang)}`]),
      `  ${ctx.t({ sv: "Partnerskap", en: "Partnerships" })} (${report.cards.length}):`,
      ...report.cards.map((c) => `    ${c.id.padEnd(28)} ${Partnership.Status.nameOf(c.status, lang).padEnd(16)} ${text(c.title, lang)}`),
      `  ${text(report.sdgCoverage.title, lang)}: ${text(report.sdgCoverage.summary, lang)}`,
      ...(report.assessmentScores === undefined ? [] : [`  ${text(report.assessmentScores.title, lang)}: ${text(report.assessmentScores.summary, lang)}`]),
      ...(report.budgetVsActual === undefined ? [] : [`  ${text(report.budgetVsActual.title, lang)}: ${text(report.budgetVsActual.summary, lang)}`]),
      ...report.expected.map((e) => `  ${ctx.t({ sv: "Väntas", en: "Expected" })}: ${text(e, lang)}`)
    ]
    yield* emit(out, lines.join("\n"))
  })
).pipe(
  Command.withDescription("Report on a network: its partnerships, SDG coverage, assessment scores and budget against actual"),
  Command.withExamples([
    { command: "localrights report network icld-mr-2020-network", description: "As text" },
    { command: "localrights report network icld-mr-2020-network --format html --out network.html", description: "As an accessible HTML page" }
  ])
)

const programme = Command.make(
  "programme",
  { id: Argument.String("id").pipe(Argument.withDescription("The programme's id")), format: formatFlag, out: outFlag },
  Effect.fn(function*({ format, id, out }) {
    const ctx = yield* Cli.context
    const { page, p } = yield* Effect.gen(function*() {
      const p = yield* Publishing.load
      // every partnership of the programme, public or not, for the counts
      const page = yield* (yield* Partnership.Store).search({ programme: id as never, limit: 500 })
      return { p, page }
    }).pipe(Cli.withStore(ctx))
    const found = p.directory.programmes.get(id)
    if (found === undefined) return yield* Cli.fail(1, { sv: `Programmet ${id} finns inte.`, en: `Programme ${id} does not exist.` })
    const networks = [...p.directory.networks.values()].filter((n) => n.programme === found.id)
    const lang = ctx.lang
    if (format === "json") {
      return yield* emit(out, JSON.stringify({
        programme: { id: found.id, name: found.name },
        partnerships: page.total,
        facets: page.facets,
        networks: networks.map((n) => ({ id: n.id, name: n.name, partnerships: page.items.filter((x) => x.network === n.id).length }))
      }, null, 2))
    }
    if (format === "html" || format === "md") {
      const published = Catalogue.run(p.partnerships, { programme: found.id, limit: 500 })
      const view = View.catalogue(published, { programme: found.id }, p.directory, found.name)
      return yield* emit(out, (yield* document(view, format, lang)).body)
    }
    const facet = (counts: Readonly<Record<string, number>>, name: (k: string) => string) =>
      Object.entries(counts).map(([k, n]) => `${name(k)} ${n}`).join(", ") || "–"
    const lines = [
      ctx.paint.strong(`${text(found.name, lang)} (${found.id})`),
      `  ${ctx.t({ sv: "Partnerskap", en: "Partnerships" })}: ${page.total}`,
      `  ${ctx.t({ sv: "Efter status", en: "By status" })}: ${facet(page.facets.status, (k) => Partnership.Status.nameOf(k as Partnership.Status, lang).toLowerCase())}`,
      `  ${ctx.t({ sv: "Efter land", en: "By country" })}: ${facet(page.facets.country, (k) => k)}`,
      `  ${ctx.t({ sv: "Efter globalt mål", en: "By global goal" })}: ${facet(page.facets.sdgGoal, (k) => `${ctx.t({ sv: "mål", en: "goal" })} ${k}`)}`,
      `  ${ctx.t({ sv: "Nätverk", en: "Networks" })} (${networks.length}):`,
      ...networks.map((n) => `    ${n.id.padEnd(28)} ${text(n.name, lang)} (${page.items.filter((x) => x.network === n.id).length})`)
    ]
    yield* emit(out, lines.join("\n"))
  })
).pipe(
  Command.withDescription("Report on a programme: its partnerships by status, country and SDG goal, and its networks"),
  Command.withExamples([
    { command: "localrights report programme icld-mr-2020", description: "As text" },
    { command: "localrights report programme icld-mr-2020 --format md --out programme.md", description: "The programme's catalogue as Markdown" }
  ])
)

export const command = Command.make("report").pipe(
  Command.withDescription("Reports on a network or a programme: text, JSON, HTML or Markdown"),
  Command.withSubcommands([network, programme]),
  Command.withExamples([{ command: "localrights report network icld-mr-2020-network", description: "A network report" }])
)
