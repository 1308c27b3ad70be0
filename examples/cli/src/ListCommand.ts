/**
 * `localrights list` (the catalogue: filters, free text, sort and pages, through
 * `Partnership.Store.search`) and `localrights show <id>` (one partnership, its decisions and,
 * with `--history`, its change log). Both print text in the chosen language, or JSON with
 * `--json`.
 */
import { Catalogue, ChangeLog, LocalizedText, Partnership, Validation, View } from "@localrights/core"
import { Effect, Option, Schema } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import * as Cli from "./Cli.ts"

const decodeQuery = Validation.decoderExit(Catalogue.Query, "CatalogueQuery")
const encodePartnership = Schema.encodeSync(Partnership.Partnership)
const encodeRecord = Schema.encodeSync(ChangeLog.ChangeRecord)

const text = (value: LocalizedText.LocalizedText | undefined, lang: Cli.Lang) => (value === undefined ? "" : LocalizedText.text(value, lang))

export const list = Command.make(
  "list",
  {
    status: Flag.String("status").pipe(Flag.withDescription("Only these statuses (repeat, or separate with commas): admitted, implementation, ..."), Flag.atLeast(0)),
    programme: Flag.String("programme").pipe(Flag.withDescription("Only this programme (id)"), Flag.optional),
    network: Flag.String("network").pipe(Flag.withDescription("Only this network (id)"), Flag.optional),
    swedishPartner: Flag.String("swedish-partner").pipe(Flag.withDescription("Only this Swedish municipality or region (organisation id)"), Flag.optional),
    country: Flag.String("country").pipe(Flag.withDescription("Only partnerships with a partner in this country (ISO 3166 code: BW, ZA, ZM)"), Flag.optional),
    sdgGoal: Flag.Int("sdg-goal").pipe(Flag.withDescription("Only partnerships tagged with this SDG goal (1-17)"), Flag.optional),
    sdgTarget: Flag.String("sdg-target").pipe(Flag.withDescription("Only partnerships tagged with this SDG target (10.2)"), Flag.optional),
    focusArea: Flag.String("focus-area").pipe(Flag.withDescription("Only this functional area (accessibility, gender-equality, ...)"), Flag.optional),
    text: Flag.String("text").pipe(Flag.withDescription("Words that must all occur in the title, project area, theme or description (sv or en)"), Flag.optional),
    sort: Flag.Literals("sort", ["id", "title-sv", "title-en"]).pipe(Flag.withDescription("Sort order"), Flag.optional),
    limit: Flag.Int("limit").pipe(Flag.withDescription("Partnerships per page (1-500, default 50)"), Flag.optional),
    cursor: Flag.String("cursor").pipe(Flag.withDescription("The page after this cursor (printed under the previous page)"), Flag.optional),
    json: Cli.jsonFlag
  },
  Effect.fn(function*(flags) {
    const ctx = yield* Cli.context
    const statuses = flags.status.flatMap((s) => s.split(",")).map((s) => s.trim()).filter((s) => s !== "")
    const given: Record<string, unknown> = {}
    if (statuses.length > 0) given["status"] = statuses
    for (const key of ["programme", "network", "swedishPartner", "country", "sdgGoal", "sdgTarget", "focusArea", "text", "sort", "limit", "cursor"] as const) {
      const v = flags[key] as Option.Option<unknown>
      if (Option.isSome(v)) given[key] = v.value
    }
    const q = yield* decodeQuery(given)
    const { directory, page } = yield* Effect.gen(function*() {
      const page = yield* (yield* Partnership.Store).search(q)
      const directory = yield* View.loadDirectory
      return { page, directory }
    }).pipe(Cli.withStore(ctx))
    if (flags.json) {
      return yield* Cli.printJson({ total: page.total, next: page.next, items: page.items.map((p) => encodePartnership(p)), facets: page.facets })
    }
    const rows = page.items.map((p) => {
      const partner = p.internationalPartner === undefined ? "" : text(directory.organisations.get(p.internationalPartner)?.name, ctx.lang)
      return [p.id, Partnership.Status.nameOf(p.status, ctx.lang), text(p.title, ctx.lang), partner]
    })
    const widths = [0, 1].map((i) => Math.min(40, Math.max(...rows.map((r) => r[i]!.length), 2)))
    for (const r of rows) {
      yield* ctx.out(`${ctx.paint.strong(r[0]!.padEnd(widths[0]!))}  ${r[1]!.padEnd(widths[1]!)}  ${r[2]}${r[3] === "" ? "" : ctx.paint.faint(` (${r[3]})`)}`)
    }
    yield* ctx.out(ctx.paint.faint(ctx.t({
      sv: `${page.items.length} av ${page.total} partnerskap${page.next === undefined ? "" : `; nästa sida: --cursor ${page.next}`}`,
      en: `${page.items.length} of ${page.total} partnerships${page.next === undefined ? "" : `; next page: --cursor ${page.next}`}`
    })))
  })
).pipe(
  Command.withDescription("List partnerships from the catalogue: filters, free text, sort and pages; --json for scripts"),
  Command.withExamples([
    { command: "localrights list --status admitted --country BW", description: "Admitted partnerships with a partner in Botswana" },
    { command: "localrights list --text \"inclusive leadership\" --json", description: "A free-text search as JSON" }
  ])
)

export const show = Command.make(
  "show",
  {
    id: Argument.String("id").pipe(Argument.withDescription("The partnership's id")),
    history: Flag.Boolean("history").pipe(Flag.withDescription("Also print the change log of the partnership"), Flag.withDefault(false)),
    json: Cli.jsonFlag
  },
  Effect.fn(function*({ history, id, json }) {
    const ctx = yield* Cli.context
    const { card, log, p } = yield* Effect.gen(function*() {
      const store = yield* Partnership.Store
      const p = yield* store.get(id)
      const card = View.projectCard(p, yield* View.loadDirectory)
      const log = history ? yield* store.history(id) : []
      return { p, card, log }
    }).pipe(Cli.withStore(ctx))
    if (json) {
      return yield* Cli.printJson(history ? { partnership: encodePartnership(p), history: log.map((r) => encodeRecord(r)) } : encodePartnership(p))
    }
    const lang = ctx.lang
    yield* ctx.out(ctx.paint.strong(`${text(p.title, lang)} (${p.id})`))
    const facts: Array<[Cli.Text, string]> = [
      [{ sv: "Status", en: "Status" }, `${Partnership.Status.nameOf(p.status, lang)}${p.implementationYear === undefined ? "" : `, ${ctx.t({ sv: "år", en: "year" })} ${p.implementationYear}`}`],
      [{ sv: "Version", en: "Version" }, String(p.version)],
      ...View.cardFacts(card).map((f) => [f.label as Cli.Text, f.values.map((v) => text(v, lang)).join(", ")] as [Cli.Text, string])
    ]
    for (const [label, value] of facts) yield* ctx.out(`  ${ctx.t(label).padEnd(22)} ${value}`)
    if (p.decisions.length > 0) {
      yield* ctx.out(ctx.t({ sv: "  Beslut:", en: "  Decisions:" }))
      for (const d of p.decisions) {
        yield* ctx.out(`    ${d.date}  ${Partnership.Gate.nameOf(d.gate, lang)}: ${Partnership.Outcome.nameOf(d.outcome, lang)} (${d.decidedBy})`)
      }
    }
    if (history) {
      yield* ctx.out(ctx.t({ sv: "  Ändringslogg:", en: "  Change log:" }))
      for (const r of log) {
        yield* ctx.out(`    v${r.version}  ${r.at}  ${r.command.padEnd(20)} ${r.actor}: ${r.reason}${r.statusAfter === undefined ? "" : ctx.paint.faint(` → ${r.statusAfter}`)}`)
      }
    }
  })
).pipe(
  Command.withDescription("Show one partnership: its facts, decisions and version (the --expected-version of the next transition); --history adds the change log"),
  Command.withExamples([
    { command: "localrights show lund-mr-2020 --history", description: "A partnership with its change log" },
    { command: "localrights show lund-mr-2020 --json", description: "Its JSON form" }
  ])
)
