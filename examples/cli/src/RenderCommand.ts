/**
 * `localrights render <format...> --out <folder>`: publishes what the database holds, in
 * Swedish and English: `html` and `md` (the catalogue, a card per partnership, the network
 * reports, assessment summaries, funding statements and event pages), `csv` (the catalogue,
 * network reports and funding statements), `iati` (the IATI 2.03 activity file) and `ics` (the
 * calendar events, one file per language). The 360Giving JSON is not available yet.
 */
import { Catalogue, ICalendar, type Organisation, type Renderer, View } from "@localrights/core"
import { Clock, Effect, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { mkdirSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import * as Cli from "./Cli.ts"
import * as Publishing from "./Publishing.ts"

const formats = ["html", "md", "csv", "iati", "ics"] as const
type Format = typeof formats[number]

const langs = ["sv", "en"] as const

/** The reporting organisation of the IATI file: `--iati-org`, else the first programme organiser with an IATI identifier. */
const reportingOrg = (p: Publishing.Published, given: Option.Option<string>, type: string) => {
  const organisers = [...p.directory.programmes.values()].map((x) => p.directory.organisations.get(x.organiser)).filter((o): o is Organisation.Organisation => o !== undefined)
  const withRef = organisers.find((o) => o.identifiers.iati !== undefined)
  const ref = Option.getOrElse(given, () => withRef?.identifiers.iati ?? "")
  const org = organisers.find((o) => o.identifiers.iati === ref) ?? withRef ?? organisers[0]
  return ref === "" ? undefined : { ref, type, name: org?.name ?? { en: ref } }
}

export const command = Command.make(
  "render",
  {
    formats: Argument.Literals("format", formats).pipe(Argument.withDescription("html, md, csv, iati or ics (one or more)"), Argument.atLeast(1)),
    out: Flag.String("out").pipe(Flag.withDescription("The folder to write into (created when missing)"), Flag.withDefault("out")),
    iatiOrg: Flag.String("iati-org").pipe(
      Flag.withDescription("iati: the reporting organisation's IATI identifier (default: the programme organiser's)"),
      Flag.optional
    ),
    iatiOrgType: Flag.String("iati-org-type").pipe(Flag.withDescription("iati: its IATI OrganisationType code"), Flag.withDefault("10"))
  },
  Effect.fn(function*({ formats: wanted, iatiOrg, iatiOrgType, out }) {
    const ctx = yield* Cli.context
    const p = yield* Publishing.load.pipe(Cli.withStore(ctx))
    const chosen = new Set<Format>(wanted)
    const views: Array<View.View> = [View.catalogue(Catalogue.run(p.partnerships, { limit: 500 }), {}, p.directory)]
    for (const x of p.partnerships) views.push(View.projectCard(x, p.directory))
    for (const network of p.directory.networks.values()) views.push(Publishing.networkReport(p, network))
    const byId = new Map(p.partnerships.map((x) => [x.id as string, x]))
    for (const a of p.assessments) {
      const x = byId.get(a.partnership)
      if (x !== undefined) views.push(View.assessmentSummary(a, x))
    }
    for (const f of p.funding) {
      const x = byId.get(f.partnership)
      if (x !== undefined) views.push(View.fundingStatement(f, x))
    }
    for (const event of p.events) views.push(View.eventPage(event, p.directory))

    let org: ReturnType<typeof reportingOrg> | undefined
    if (chosen.has("iati")) {
      org = reportingOrg(p, iatiOrg, iatiOrgType)
      if (org === undefined) {
        return yield* Cli.fail(1, {
          sv: "IATI kräver den rapporterande organisationens IATI-identifierare: ange --iati-org (programarrangören har ingen).",
          en: "IATI needs the reporting organisation's IATI identifier: give --iati-org (the programme organiser has none)."
        })
      }
    }

    mkdirSync(out, { recursive: true })
    const written: Array<string> = []
    const write = (name: string, body: string) => {
      writeFileSync(join(out, name), body)
      written.push(name)
    }
    const renderAll = (renderer: Renderer.Renderer["Service"]) =>
      Effect.forEach(views.filter((v) => renderer.supports.includes(v._tag)), (view) =>
        Effect.forEach(langs, (lang) => Effect.map(renderer.render(view, lang), (doc) => write(doc.fileName, doc.body)), { discard: true }), { discard: true })
    // the renderers are loaded when asked for
    if (chosen.has("html")) yield* renderAll((yield* Effect.promise(() => import("@localrights/render-html"))).HtmlRenderer.make())
    if (chosen.has("md")) yield* renderAll((yield* Effect.promise(() => import("@localrights/render-markdown"))).MarkdownRenderer.make())
    if (chosen.has("csv")) yield* renderAll((yield* Effect.promise(() => import("@localrights/render-csv"))).CsvRenderer.make())
    if (org !== undefined) {
      const { IatiRenderer } = yield* Effect.promise(() => import("@localrights/render-iati"))
      const doc = yield* IatiRenderer.make({ reportingOrg: org }).render(Publishing.activityFile(p), "en")
      write(doc.fileName, doc.body)
    }
    if (chosen.has("ics")) {
      const stamp = yield* Clock.currentTimeMillis
      for (const lang of langs) write(`events.${lang}.ics`, ICalendar.make(p.events, { lang, stamp }))
    }
    yield* ctx.out(ctx.paint.ok(ctx.t({
      sv: `${written.length} filer skrivna till ${resolve(out)} (${p.partnerships.length} publicerade partnerskap, ${p.events.length} evenemang).`,
      en: `${written.length} files written to ${resolve(out)} (${p.partnerships.length} published partnerships, ${p.events.length} events).`
    })))
    if (ctx.verbose) for (const name of written) yield* ctx.out(`  ${name}`)
  })
).pipe(
  Command.withDescription("Publish the database as files in a folder: html, md, csv, iati (IATI 2.03 XML), ics (calendar); every page in sv and en"),
  Command.withExamples([
    { command: "localrights render html md --out site", description: "The public site as HTML and Markdown" },
    { command: "localrights render iati --iati-org SE-0-2021004460 --out open-data", description: "The IATI activity file" }
  ])
)
