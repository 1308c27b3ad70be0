/**
 * The views as GitHub-flavoured Markdown: project card (with its results section: goals,
 * indicators with baseline, target and actual per period, report states), catalogue, network
 * report (charts as their text alternative and data table, the results roll-up and reports
 * outstanding), assessment summary, funding statement, event page. Every text
 * from the data is escaped so that it stays text: no HTML, links, emphasis, headings or extra
 * table cells can come from it.
 *
 * @module
 * @since 0.1.0
 */
import { LocalizedText, Renderer, View } from "@localrights/core"
import type { Layer } from "effect"

type Lang = LocalizedText.Lang

/**
 * Options: how documents link to each other.
 *
 * @category models
 * @since 0.1.0
 */
export interface Config {
  /**
   * The address of a linked view in a language. The default is the relative file name
   * {@link Renderer.fileName} gives (`./lund-francistown.sv.md`). Addresses other than
   * relative or http(s) are dropped.
   */
  readonly href?: (view: View.View, lang: Lang) => string
}

const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

/**
 * Escapes text for inline Markdown: backslash-escapes every ASCII punctuation character that
 * Markdown or GFM gives a meaning (emphasis, links, code, tables, strike-through, HTML), turns
 * `<`, `>` and `&` into entities, folds line breaks into spaces and drops control characters.
 *
 * @category rendering
 * @since 0.1.0
 */
export const escapeInline = (s: string): string =>
  s
    .replace(control, "")
    .replace(/\r\n?|\n/g, " ")
    .replace(/[\\`*_{}[\]()#+\-.!|~:"']/g, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/^\s+/, "")

const other = (lang: Lang): Lang => (lang === "sv" ? "en" : "sv")

const defaultHref = (view: View.View, lang: Lang) => `./${encodeURIComponent(Renderer.fileName(view, lang, "md"))}`

const safeHref = (href: string): string =>
  /^(https?:\/\/|\.{0,2}\/)/i.test(href) && !/[\s()<>\u0000-\u001f]/.test(href) ? href : "#"

/** A text in `lang`, with a marker when it fell back to the other language. */
const t = (text: LocalizedText.LocalizedText, lang: Lang): string => {
  const r = LocalizedText.get(text, lang)
  if (!r.fallback) return escapeInline(r.text)
  const marker = r.lang === "en" ? View.labels.inEnglish : View.labels.inSwedish
  return `${escapeInline(r.text)} _(${marker[lang]})_`
}

const row = (cells: ReadonlyArray<string>) => `| ${cells.join(" | ")} |`

const table = (head: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>, right: ReadonlyArray<boolean>): string =>
  [row(head), row(head.map((_, i) => (right[i] === true ? "---:" : "---"))), ...rows.map(row)].join("\n")

const facts = (card: View.ProjectCard, lang: Lang): string =>
  View.cardFacts(card).map((f) => `- **${t(f.label, lang)}:** ${f.values.map((v) => t(v, lang)).join("; ")}`).join("\n")

const chart = (c: View.Chart, lang: Lang, level: number): string =>
  `${"#".repeat(level)} ${t(c.title, lang)}\n\n${t(c.summary, lang)}\n\n` +
  table(
    [t(c.rowHeading, lang), ...c.series.map((s) => t(s.name, lang))],
    c.rows.map((r) => [
      t(r.label, lang),
      ...r.values.map((v, i) => {
        const absent = r.absent?.[i]
        return absent === undefined ? escapeInline(View.formatValue(c, v, lang)) : `_${t(absent, lang)}_`
      })
    ]),
    [false, ...c.series.map(() => true)]
  )

type Fact = { readonly label: LocalizedText.LocalizedText; readonly values: ReadonlyArray<LocalizedText.LocalizedText> }

const factList = (list: ReadonlyArray<Fact>, lang: Lang): string =>
  list.map((f) => `- **${t(f.label, lang)}:** ${f.values.map((v) => t(v, lang)).join("; ")}`).join("\n")


const date = (d: string | undefined) => (d === undefined ? "" : escapeInline(d))

// the heading of a results section: whether the data is illustrative, the summary, what is public
const resultsHead = (r: View.PartnershipResults | View.NetworkResults, lang: Lang): Array<string> => {
  const L = View.labels
  const parts: Array<string> = [`## ${t(L.results, lang)}`]
  if (r.illustrative) parts.push(`_${t(L.illustrative, lang)}_`)
  parts.push(t(r.summary, lang), t(L.publicNote, lang))
  if (r.goals.length === 0) parts.push(t(L.noResults, lang))
  return parts
}

const partnershipResults = (r: View.PartnershipResults, lang: Lang): ReadonlyArray<string> => {
  const L = View.labels
  const parts = resultsHead(r, lang)
  for (const g of r.goals) {
    parts.push(`### ${t(g.title, lang)}`)
    if (g.description !== undefined) parts.push(t(g.description, lang))
    parts.push(factList(View.goalFacts(g), lang))
    for (const ind of g.indicators) {
      parts.push(`#### ${t(ind.title, lang)}`)
      if (ind.description !== undefined) parts.push(t(ind.description, lang))
      parts.push(factList(View.indicatorFacts(ind), lang), chart(ind.chart, lang, 5))
      const notes = View.periodNotes(ind)
      if (notes.length > 0) parts.push(`${t(L.notes, lang)}:`, list(notes, lang))
    }
  }
  parts.push(
    `### ${t(L.reports, lang)}`,
    table(
      [t(L.period, lang), t(L.status, lang), t(L.due, lang), t(L.submitted, lang), t(L.approved, lang)],
      r.reports.map((s) => [
        `${t(s.period.name, lang)}${s.final ? ` \\(${t(L.finalReport, lang)}\\)` : ""}`,
        status(s, lang),
        date(s.due),
        date(s.submitted),
        date(s.approved)
      ]),
      [false, false, false, false, false]
    )
  )
  const narratives = r.reports.filter((s) => s.narrative !== undefined)
  if (narratives.length > 0) {
    parts.push(`#### ${t(L.narrative, lang)}`, narratives.map((s) => `- **${t(s.period.name, lang)}:** ${t(s.narrative!, lang)}`).join("\n"))
  }
  return parts
}

/** A report's status, with the overdue marker in bold when it is overdue. */
const status = (s: { readonly statusName: LocalizedText.LocalizedText; readonly overdueText?: LocalizedText.LocalizedText }, lang: Lang) =>
  s.overdueText === undefined ? t(s.statusName, lang) : `${t(s.statusName, lang)} – **${t(s.overdueText, lang)}**`

const networkResults = (r: View.NetworkResults, lang: Lang): ReadonlyArray<string> => {
  const L = View.labels
  const parts = resultsHead(r, lang)
  for (const g of r.goals) {
    parts.push(`### ${t(g.goal.title, lang)}`)
    if (g.goal.description !== undefined) parts.push(t(g.goal.description, lang))
    parts.push(`- **${t(L.shareOnTrack, lang)}:** ${t(g.shareText, lang)}`)
    if (g.rows.length === 0) continue
    parts.push(
      chart(g.chart, lang, 4),
      table(
        [t(L.indicator, lang), t(L.partnerships, lang), t(L.target, lang), t(L.actual, lang), t(L.shareOfTarget, lang), t(L.onTrackStatus, lang), t(L.periodsReported, lang)],
        g.rows.map((row) => [
          t(row.indicator.title, lang),
          t(row.partnership.title, lang),
          t(row.targetText ?? L.noTarget, lang),
          t(row.actualText ?? L.noActual, lang),
          row.percent === undefined ? "–" : `${row.percent} %`,
          t(View.onTrackName(row.onTrack), lang),
          String(row.reported)
        ]),
        [false, false, true, true, true, false, true]
      )
    )
  }
  parts.push(`### ${t(L.outstanding, lang)}`)
  parts.push(
    r.outstanding.length === 0
      ? t(L.noOutstanding, lang)
      : table(
        [t(L.partnerships, lang), t(L.period, lang), t(L.status, lang), t(L.due, lang)],
        r.outstanding.map((o) => [t(o.partnership.title, lang), t(o.period.name, lang), status(o, lang), date(o.period.due)]),
        [false, false, false, false]
      )
  )
  return parts
}

const money = (minor: number, currency: View.FundingInput["currency"], lang: Lang) =>
  escapeInline(View.formatValue({ unit: { kind: "money", currency } } as View.Chart, minor, lang))

const cards = (list: ReadonlyArray<View.ProjectCard>, lang: Lang, href: NonNullable<Config["href"]>): string =>
  list.map((c) => `### [${t(c.title, lang)}](${safeHref(href(c, lang))})\n\n${facts(c, lang)}`).join("\n\n")

const assessment = (a: View.AssessmentSummary, lang: Lang): string =>
  `${t(View.labels.framework, lang)}: ${t(a.assessment.framework, lang)}` +
  (a.assessment.purpose === undefined ? "" : `  \n${t(View.labels.purpose, lang)}: ${t(a.assessment.purpose, lang)}`) +
  (a.assessment.date === undefined ? "" : `  \n${t(View.labels.date, lang)}: ${escapeInline(a.assessment.date)}`) +
  (a.assessment.verdict === undefined ? "" : `  \n${t(View.labels.verdict, lang)}: ${t(a.assessment.verdict.name, lang)} – ${t(a.assessment.verdict.reason, lang)}`) +
  `\n\n` +
  table(
    [t(View.labels.principle, lang), t(View.labels.score, lang), t(View.labels.note, lang)],
    [
      ...a.assessment.scores.map((s) => [t(s.name, lang), escapeInline(View.formatValue(a.chart, s.score, lang)), s.note === undefined ? "" : t(s.note, lang)]),
      [`**${t(View.labels.mean, lang)}**`, escapeInline(View.formatValue(a.chart, a.mean, lang)), ""]
    ],
    [false, true, false]
  )

const funding = (f: View.FundingStatement, lang: Lang): string => {
  const c = f.funding.currency
  return (f.funding.period === undefined ? "" : `${t(View.labels.period, lang)}: ${escapeInline(`${f.funding.period.start} – ${f.funding.period.end}`)}\n\n`) +
    table(
      [t(View.labels.category, lang), t(View.labels.budget, lang), t(View.labels.actual, lang), t(View.labels.difference, lang)],
      [
        ...f.funding.lines.map((l) => [t(l.name, lang), money(l.budget, c, lang), money(l.actual, c, lang), money(l.actual - l.budget, c, lang)]),
        [`**${t(View.labels.total, lang)}**`, money(f.total.budget, c, lang), money(f.total.actual, c, lang), money(f.total.actual - f.total.budget, c, lang)]
      ],
      [false, true, true, true]
    )
}

const titled = (label: LocalizedText.LocalizedText, title: LocalizedText.LocalizedText, lang: Lang) => `${t(label, lang)}: ${t(title, lang)}`

const paragraph = (text: LocalizedText.LocalizedText, lang: Lang) => t(text, lang)

const list = (items: ReadonlyArray<LocalizedText.LocalizedText>, lang: Lang) => items.map((i) => `- ${t(i, lang)}`).join("\n")

/**
 * Renders a view as Markdown: the pure function behind {@link make}.
 *
 * @category rendering
 * @since 0.1.0
 */
export const render = (view: Exclude<View.View, View.ActivityFile>, lang: Lang, config: Config = {}): string => {
  const href = config.href ?? defaultHref
  const parts: Array<string> = []
  const switchLink = `[${View.labels.otherLanguage[lang]}](${safeHref(href(view, other(lang)))})`
  switch (view._tag) {
    case "ProjectCard": {
      parts.push(`# ${t(view.title, lang)}`, switchLink, facts(view, lang))
      if (view.description !== undefined) parts.push(`## ${t(View.labels.description, lang)}`, paragraph(view.description, lang))
      if (view.projectGoals.length > 0) parts.push(`## ${t(View.labels.projectGoals, lang)}`, list(view.projectGoals, lang))
      if (view.results !== undefined) parts.push(...partnershipResults(view.results, lang))
      break
    }
    case "Catalogue": {
      parts.push(`# ${t(view.title, lang)}`, switchLink, `## ${t(View.labels.filters, lang)}`)
      parts.push(
        view.filters.length === 0
          ? t(View.labels.noFilters, lang)
          : view.filters.map((f) => `- **${t(f.name, lang)}:** ${t(f.value, lang)}`).join("\n")
      )
      parts.push(`## ${t(View.labels.partnerships, lang)}`, `${view.total} ${t(View.labels.matches, lang)}`)
      if (view.cards.length > 0) parts.push(cards(view.cards, lang, href))
      if (view.next !== undefined) parts.push(`${t(View.labels.nextPage, lang)}: \`${view.next.replace(/[^A-Za-z0-9_-]/g, "")}\``)
      if (view.facets.length > 0) {
        parts.push(`## ${t(View.labels.facets, lang)}`)
        for (const f of view.facets) {
          parts.push(`### ${t(f.name, lang)}`, table([t(f.name, lang), t(View.labels.total, lang)], f.values.map((v) => [t(v.label, lang), String(v.count)]), [false, true]))
        }
      }
      break
    }
    case "NetworkReport": {
      parts.push(`# ${t(view.network.name, lang)}`, switchLink)
      const meta: Array<string> = []
      if (view.programme !== undefined) meta.push(`- **${t(View.labels.programme, lang)}:** ${t(view.programme.name, lang)}`)
      if (view.network.started !== undefined) meta.push(`- **${t(View.labels.started, lang)}:** ${escapeInline(view.network.started)}`)
      meta.push(`- **${t(View.labels.partnerships, lang)}:** ${view.cards.length}`)
      parts.push(meta.join("\n"), `## ${t(View.labels.partnerships, lang)}`)
      if (view.cards.length > 0) parts.push(cards(view.cards, lang, href))
      if (view.expected.length > 0) parts.push(`## ${t(View.labels.expected, lang)}`, list(view.expected, lang))
      if (view.unknowns.length > 0) parts.push(`## ${t(View.labels.unknowns, lang)}`, list(view.unknowns, lang))
      parts.push(`## ${t(View.labels.charts, lang)}`, chart(view.sdgCoverage, lang, 3))
      if (view.assessmentScores !== undefined) parts.push(chart(view.assessmentScores, lang, 3))
      if (view.budgetVsActual !== undefined) parts.push(chart(view.budgetVsActual, lang, 3))
      if (view.assessments.length > 0) {
        parts.push(`## ${t(View.labels.assessments, lang)}`)
        for (const a of view.assessments) parts.push(`### ${t(a.partnership.title, lang)}`, assessment(a, lang))
      }
      if (view.results !== undefined) parts.push(...networkResults(view.results, lang))
      if (view.funding.length > 0) {
        parts.push(`## ${t(View.labels.funding, lang)}`)
        for (const f of view.funding) parts.push(`### ${t(f.partnership.title, lang)}`, funding(f, lang))
      }
      break
    }
    case "AssessmentSummary":
      parts.push(`# ${titled(View.labels.assessment, view.partnership.title, lang)}`, switchLink, assessment(view, lang), chart(view.chart, lang, 2))
      break
    case "FundingStatement":
      parts.push(`# ${titled(View.labels.fundingStatement, view.partnership.title, lang)}`, switchLink, funding(view, lang), chart(view.chart, lang, 2))
      break
    case "EventPage": {
      const e = view.event
      parts.push(`# ${t(e.title, lang)}`, switchLink)
      if (e.cancellation !== undefined) parts.push(`**${t(View.labels.cancelled, lang)}:** ${t(e.cancellation.reason, lang)}`)
      parts.push(View.eventFacts(view).map((f) => `- **${t(f.label, lang)}:** ${f.values.map((v) => t(v, lang)).join("; ")}`).join("\n"))
      if (e.description !== undefined) parts.push(`## ${t(View.labels.description, lang)}`, paragraph(e.description, lang))
      parts.push(`## ${t(View.labels.programmeItems, lang)}`)
      parts.push(
        e.programmeItems.length === 0
          ? t(View.labels.noProgramme, lang)
          : table(
            [t(View.labels.time, lang), t(View.labels.item, lang), t(View.labels.speakers, lang)],
            e.programmeItems.map((i) => [
              i.time === undefined ? "" : escapeInline(i.time),
              i.description === undefined ? t(i.title, lang) : `${t(i.title, lang)}: ${t(i.description, lang)}`,
              i.speakers.map((sp) => t(View.speakerLine(sp), lang)).join("; ")
            ]),
            [false, false, false]
          )
      )
      break
    }
  }
  return `${parts.join("\n\n")}\n`
}

const primitives = (config: Config): Renderer.Primitives<Exclude<View.Kind, "ActivityFile">> => ({
  name: "markdown",
  mediaType: "text/markdown; charset=utf-8; variant=GFM",
  extension: "md",
  supports: ["ProjectCard", "Catalogue", "NetworkReport", "AssessmentSummary", "FundingStatement", "EventPage"],
  render: (view, lang) => render(view, lang, config)
})

/**
 * The Markdown renderer service.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (config: Config = {}): Renderer.Renderer["Service"] => Renderer.make(primitives(config))

/**
 * The Markdown renderer as a layer providing {@link Renderer.Renderer}.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer = (config: Config = {}): Layer.Layer<Renderer.Renderer> => Renderer.layer(primitives(config))
