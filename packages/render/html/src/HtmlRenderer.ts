/**
 * Accessible, bilingual HTML pages for the views: project card (with its results section:
 * goals, indicators, a target-against-actual chart per indicator, report states), catalogue,
 * network report (with the results roll-up and the reports outstanding), assessment summary,
 * funding statement, event page. Each page is one self-contained document (embedded
 * CSS, inline SVG charts, no scripts, no external requests) that aims at WCAG 2.2 AA:
 * landmarks, one `h1`, headings in order, `lang` on the page and on every text in the other
 * language, a visible marker where a text falls back to the other language, visible focus,
 * charts with a text alternative and their data as a table.
 *
 * @module
 * @since 0.1.0
 */
import { LocalizedText, Renderer, View } from "@localrights/core"
import type { Layer } from "effect"
import { svg } from "./internal/chart.ts"
import { escape, idSafe } from "./internal/escape.ts"

type Lang = LocalizedText.Lang

/**
 * A page another page links to.
 *
 * @category models
 * @since 0.1.0
 */
export type Link =
  | { readonly kind: "view"; readonly view: View.View }
  | { readonly kind: "catalogue-page"; readonly cursor: string }

/**
 * Options: the site's name and how pages link to each other.
 *
 * @category models
 * @since 0.1.0
 */
export interface Config {
  /** The site name in the page header (default: the programme family's name). */
  readonly siteName?: LocalizedText.LocalizedText
  /**
   * The address of a linked page in a language. The default is the file name
   * {@link Renderer.fileName} gives, relative (`./lund-francistown.sv.html`); the catalogue's
   * next page is `./catalogue.sv.html?cursor=…`. Addresses other than relative or http(s)
   * are dropped.
   */
  readonly href?: (link: Link, lang: Lang) => string
}

const other = (lang: Lang): Lang => (lang === "sv" ? "en" : "sv")

const defaultHref = (link: Link, lang: Lang): string =>
  link.kind === "view"
    ? `./${encodeURIComponent(Renderer.fileName(link.view, lang, "html"))}`
    : `./${encodeURIComponent(`catalogue.${lang}.html`)}?cursor=${encodeURIComponent(link.cursor)}`

/** Only relative addresses and http(s) URLs pass; anything else (`javascript:`) becomes `#`. */
const safeHref = (href: string): string =>
  /^(https?:\/\/|\.{0,2}\/|#|\?)/i.test(href) && !/[\u0000-\u001f]/.test(href) ? escape(href) : "#"

/** A text in `lang`; a fallback carries its own `lang` and a visible marker. */
const t = (text: LocalizedText.LocalizedText, lang: Lang): string => {
  const r = LocalizedText.get(text, lang)
  if (!r.fallback) return escape(r.text)
  const marker = r.lang === "en" ? View.labels.inEnglish : View.labels.inSwedish
  return `<span lang="${r.lang}">${escape(r.text)}</span> <span class="fallback">(${marker[lang]})</span>`
}

/** A text used where markup is not allowed (`<title>`, attributes): plain, escaped. */
const plain = (text: LocalizedText.LocalizedText, lang: Lang): string => escape(LocalizedText.text(text, lang))

const css = `:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:#1a1a1a;background:#fff}
.skip{position:absolute;left:-9999px;top:0;background:#fff;color:#0b4a8b;padding:.5rem 1rem}
.skip:focus{left:1rem;z-index:1}
header,main,footer{max-width:60rem;margin:0 auto;padding:1rem}
header{display:flex;flex-wrap:wrap;justify-content:space-between;gap:1rem;border-bottom:2px solid #1f4e79}
header p{margin:0;font-weight:700}
nav ul{list-style:none;display:flex;gap:1.5rem;margin:0;padding:0}
a{color:#0b4a8b;text-decoration:underline;text-underline-offset:.15em}
a:hover{color:#062c54}
a:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px;background:#fff2a8;color:#062c54}
h1{font-size:2rem;line-height:1.2;margin:.5rem 0 1rem}
h2{font-size:1.5rem;margin:2rem 0 .75rem;border-bottom:1px solid #767676}
h3{font-size:1.2rem;margin:1.25rem 0 .5rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
dl.facts dt{font-weight:700}
dl.facts dd{margin:0;grid-column:2}
ul.cards{list-style:none;padding:0;display:grid;gap:1rem}
ul.cards>li{border:1px solid #767676;border-radius:4px;padding:1rem}
ul.cards h3{margin-top:0}
.fallback{font-style:italic;color:#4a4a4a}
.status{display:inline-block;border:1px solid #1a1a1a;border-radius:3px;padding:0 .4rem}
.overdue{border-width:2px;background:#fff2a8}
table{border-collapse:collapse;margin:.5rem 0 1rem;min-width:50%}
caption{text-align:left;font-weight:700;padding:.25rem 0}
th,td{border:1px solid #767676;padding:.25rem .5rem;text-align:left;vertical-align:top}
th .detail{display:block;font-weight:400}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:0 0 .5rem}
figcaption{color:#1a1a1a;margin-top:.25rem}
svg text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:#1a1a1a}
footer{border-top:1px solid #767676;margin-top:2rem;font-size:.9rem}
td.absent{font-style:italic}
.scroll{overflow-x:auto;max-width:100%}
.scroll:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}
.note{border-left:4px solid #1f4e79;padding:.25rem .75rem;background:#f3f6fa}
svg{max-width:100%;height:auto}
@media (max-width:40rem){dl.facts{grid-template-columns:1fr}dl.facts dd{grid-column:1}}
`

const page = (config: Config, view: View.View, lang: Lang, title: LocalizedText.LocalizedText, content: string): string => {
  const site = config.siteName ?? View.labels.site
  const href = config.href ?? defaultHref
  const alt = other(lang)
  const catalogueLink = view._tag === "Catalogue"
    ? ""
    : `<li><a href="${safeHref(href({ kind: "view", view: catalogueStub }, lang))}">${t(View.labels.catalogue, lang)}</a></li>`
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${plain(title, lang)} – ${plain(site, lang)}</title>
<link rel="alternate" hreflang="${alt}" href="${safeHref(href({ kind: "view", view }, alt))}">
<style>${css}</style>
</head>
<body>
<a class="skip" href="#main">${t(View.labels.skip, lang)}</a>
<header>
<p>${t(site, lang)}</p>
<nav aria-label="${lang === "sv" ? "Webbplats" : "Site"}"><ul>${catalogueLink}<li><a href="${safeHref(href({ kind: "view", view }, alt))}" lang="${alt}" hreflang="${alt}">${escape(View.labels.otherLanguage[lang])}</a></li></ul></nav>
</header>
<main id="main">
<h1>${t(title, lang)}</h1>
${content}
</main>
<footer><p>${t(site, lang)}</p></footer>
</body>
</html>
`
}

const catalogueStub: View.CatalogueView = {
  _tag: "Catalogue",
  title: View.labels.catalogue,
  filters: [],
  cards: [],
  total: 0,
  facets: []
}

const facts = (card: View.ProjectCard, lang: Lang): string => {
  let out = "<dl class=\"facts\">"
  for (const f of View.cardFacts(card)) {
    out += `<dt>${t(f.label, lang)}</dt>`
    for (const v of f.values) out += `<dd>${t(v, lang)}</dd>`
  }
  return `${out}</dl>`
}

const cardBody = (card: View.ProjectCard, lang: Lang): string => {
  let out = facts(card, lang)
  if (card.description !== undefined) out += `<h2>${t(View.labels.description, lang)}</h2><p>${t(card.description, lang)}</p>`
  if (card.projectGoals.length > 0) {
    out += `<h2>${t(View.labels.projectGoals, lang)}</h2><ul>${card.projectGoals.map((g) => `<li>${t(g, lang)}</li>`).join("")}</ul>`
  }
  if (card.results !== undefined) out += partnershipResults(card.results, lang)
  return out
}

type Fact = { readonly label: LocalizedText.LocalizedText; readonly values: ReadonlyArray<LocalizedText.LocalizedText> }

const factList = (list: ReadonlyArray<Fact>, lang: Lang): string =>
  `<dl class="facts">${list.map((f) => `<dt>${t(f.label, lang)}</dt>${f.values.map((v) => `<dd>${t(v, lang)}</dd>`).join("")}`).join("")}</dl>`

/**
 * A wide table in a focusable region that scrolls sideways on a narrow screen, named apart
 * from the section it is in: `Tabell: …` / `Table: …` for a fixed label, or by the table's
 * caption (by id) when the caption holds data (data never goes into an attribute).
 */
const scrollTable = (name: { readonly label: LocalizedText.LocalizedText } | { readonly captionId: string }, lang: Lang, table: string): string =>
  `<div class="scroll" role="region" ${
    "label" in name ? `aria-label="${lang === "sv" ? "Tabell" : "Table"}: ${plain(name.label, lang)}"` : `aria-labelledby="${name.captionId}"`
  } tabindex="0">${table}</div>`

const cell = (text: LocalizedText.LocalizedText | undefined, lang: Lang, numeric = false) =>
  text === undefined ? `<td></td>` : `<td${numeric ? " class=\"num\"" : ""}>${t(text, lang)}</td>`

const dateCell = (d: string | undefined) => `<td>${d === undefined ? "" : escape(d)}</td>`

/** A report's status, and when it is overdue a marker in words (not in colour only). */
const statusCell = (s: { readonly statusName: LocalizedText.LocalizedText; readonly overdueText?: LocalizedText.LocalizedText }, lang: Lang) =>
  s.overdueText === undefined ? cell(s.statusName, lang) : `<td>${t(s.statusName, lang)} <strong class="status overdue">${t(s.overdueText, lang)}</strong></td>`

const illustrativeNote = (lang: Lang) => `<p class="note" role="note">${t(View.labels.illustrative, lang)}</p>`

const partnershipResults = (r: View.PartnershipResults, lang: Lang): string => {
  let out = `<section aria-labelledby="results-h"><h2 id="results-h">${t(View.labels.results, lang)}</h2>`
  if (r.illustrative) out += illustrativeNote(lang)
  out += `<p>${t(r.summary, lang)}</p><p>${t(View.labels.publicNote, lang)}</p>`
  if (r.goals.length === 0) out += `<p>${t(View.labels.noResults, lang)}</p>`
  for (const g of r.goals) {
    const gid = `goal-${idSafe(g.id)}`
    out += `<section aria-labelledby="${gid}"><h3 id="${gid}">${t(g.title, lang)}</h3>`
    if (g.description !== undefined) out += `<p>${t(g.description, lang)}</p>`
    out += factList(View.goalFacts(g), lang)
    for (const ind of g.indicators) {
      const iid = `indicator-${idSafe(r.partnership)}-${idSafe(ind.id)}`
      out += `<section aria-labelledby="${iid}"><h4 id="${iid}">${t(ind.title, lang)}</h4>`
      if (ind.description !== undefined) out += `<p>${t(ind.description, lang)}</p>`
      out += factList(View.indicatorFacts(ind), lang)
      out += chartSection(ind.chart, lang, 5)
      const notes = View.periodNotes(ind)
      if (notes.length > 0) {
        out += `<p>${t(View.labels.notes, lang)}:</p><ul>${notes.map((n) => `<li>${t(n, lang)}</li>`).join("")}</ul>`
      }
      out += `</section>`
    }
    out += `</section>`
  }
  out += `<section aria-labelledby="reports-h"><h3 id="reports-h">${t(View.labels.reports, lang)}</h3>`
  const L = View.labels
  out += scrollTable(
    { label: L.reports },
    lang,
    `<table><caption>${t(L.reports, lang)}</caption><thead><tr><th scope="col">${t(L.period, lang)}</th><th scope="col">${t(L.status, lang)}</th>` +
      `<th scope="col">${t(L.due, lang)}</th><th scope="col">${t(L.submitted, lang)}</th><th scope="col">${t(L.approved, lang)}</th></tr></thead><tbody>${
        r.reports.map((s) =>
          `<tr><th scope="row">${t(s.period.name, lang)}${s.final ? ` (${t(L.finalReport, lang)})` : ""}</th>${statusCell(s, lang)}${dateCell(s.due)}${dateCell(s.submitted)}${
            dateCell(s.approved)
          }</tr>`
        ).join("")
      }</tbody></table>`
  )
  const narratives = r.reports.filter((s) => s.narrative !== undefined)
  if (narratives.length > 0) {
    out += `<h4>${t(L.narrative, lang)}</h4><dl class="facts">${narratives.map((s) => `<dt>${t(s.period.name, lang)}</dt><dd>${t(s.narrative!, lang)}</dd>`).join("")}</dl>`
  }
  return `${out}</section></section>`
}

const networkResults = (r: View.NetworkResults, lang: Lang): string => {
  const L = View.labels
  let out = `<section aria-labelledby="results-h"><h2 id="results-h">${t(L.results, lang)}</h2>`
  if (r.illustrative) out += illustrativeNote(lang)
  out += `<p>${t(r.summary, lang)}</p><p>${t(L.publicNote, lang)}</p>`
  if (r.goals.length === 0) out += `<p>${t(L.noResults, lang)}</p>`
  for (const g of r.goals) {
    const gid = `rollup-${idSafe(g.goal.id)}`
    out += `<section aria-labelledby="${gid}"><h3 id="${gid}">${t(g.goal.title, lang)}</h3>`
    if (g.goal.description !== undefined) out += `<p>${t(g.goal.description, lang)}</p>`
    const goalFacts: Array<Fact> = [{ label: L.shareOnTrack, values: [g.shareText] }]
    if (g.goal.sdgTargets.length > 0) goalFacts.push({ label: L.sdgTargets, values: g.goal.sdgTargets.map((x) => ({ sv: `${x.code} ${x.title.sv ?? x.title.en ?? ""}`, en: `${x.code} ${x.title.en ?? x.title.sv ?? ""}` })) })
    out += factList(goalFacts, lang)
    if (g.rows.length > 0) {
      out += chartSection(g.chart, lang, 4)
      out += scrollTable(
        { captionId: `${gid}-table` },
        lang,
        `<table><caption id="${gid}-table">${t(L.indicators, lang)}: ${t(g.goal.title, lang)}</caption><thead><tr><th scope="col">${t(L.indicator, lang)}</th><th scope="col">${t(L.partnerships, lang)}</th>` +
          `<th scope="col" class="num">${t(L.target, lang)}</th><th scope="col" class="num">${t(L.actual, lang)}</th><th scope="col" class="num">${t(L.shareOfTarget, lang)}</th>` +
          `<th scope="col">${t(L.onTrackStatus, lang)}</th><th scope="col" class="num">${t(L.periodsReported, lang)}</th></tr></thead><tbody>${
            g.rows.map((row) =>
              `<tr><th scope="row">${t(row.indicator.title, lang)}</th>${cell(row.partnership.title, lang)}${cell(row.targetText ?? L.noTarget, lang, true)}${
                cell(row.actualText ?? L.noActual, lang, true)
              }${num(row.percent === undefined ? "–" : `${row.percent} %`)}${cell(View.onTrackName(row.onTrack), lang)}${num(String(row.reported))}</tr>`
            ).join("")
          }</tbody></table>`
      )
    }
    out += `</section>`
  }
  out += `<section aria-labelledby="outstanding-h"><h3 id="outstanding-h">${t(L.outstanding, lang)}</h3>`
  out += r.outstanding.length === 0
    ? `<p>${t(L.noOutstanding, lang)}</p>`
    : scrollTable(
      { label: L.outstanding },
      lang,
      `<table><caption>${t(L.outstanding, lang)}</caption><thead><tr><th scope="col">${t(L.partnerships, lang)}</th><th scope="col">${t(L.period, lang)}</th><th scope="col">${
        t(L.status, lang)
      }</th><th scope="col">${t(L.due, lang)}</th></tr></thead><tbody>${
        r.outstanding.map((o) => `<tr><th scope="row">${t(o.partnership.title, lang)}</th>${cell(o.period.name, lang)}${statusCell(o, lang)}${dateCell(o.period.due)}</tr>`).join("")
      }</tbody></table>`
    )
  return `${out}</section></section>`
}

const cardList = (cards: ReadonlyArray<View.ProjectCard>, lang: Lang, href: NonNullable<Config["href"]>): string =>
  cards.length === 0
    ? `<p>${lang === "sv" ? "Inga partnerskap." : "No partnerships."}</p>`
    : `<ul class="cards">${
      cards.map((card) =>
        `<li><article aria-labelledby="card-${idSafe(card.id)}"><h3 id="card-${idSafe(card.id)}"><a href="${
          safeHref(href({ kind: "view", view: card }, lang))
        }">${t(card.title, lang)}</a></h3>${facts(card, lang)}</article></li>`
      ).join("")
    }</ul>`

const num = (s: string) => `<td class="num">${escape(s)}</td>`

const chartSection = (chart: View.Chart, lang: Lang, level: 2 | 3 | 4 | 5): string => {
  const id = idSafe(chart.id)
  const h = `h${level}`
  const head = chart.series.map((s) => `<th scope="col" class="num">${t(s.name, lang)}</th>`).join("")
  const rows = chart.rows.map((r) =>
    `<tr><th scope="row">${t(r.label, lang)}</th>${
      r.values.map((v, i) => {
        const absent = r.absent?.[i]
        return absent === undefined ? num(View.formatValue(chart, v, lang)) : `<td class="num absent">${t(absent, lang)}</td>`
      }).join("")
    }</tr>`
  ).join("")
  return `<section aria-labelledby="${id}-h"><${h} id="${id}-h">${t(chart.title, lang)}</${h}>` +
    `<figure>${svg(chart, lang)}<figcaption>${t(chart.summary, lang)}</figcaption></figure>` +
    `<table><caption>${t(View.labels.data, lang)}: ${t(chart.title, lang)}</caption><thead><tr><th scope="col">${
      t(chart.rowHeading, lang)
    }</th>${head}</tr></thead><tbody>${rows}</tbody></table></section>`
}

const money = (minor: number, currency: View.FundingInput["currency"], lang: Lang) =>
  View.formatValue({ unit: { kind: "money", currency } } as View.Chart, minor, lang)

const assessmentBody = (a: View.AssessmentSummary, lang: Lang, level: 2 | 3): string => {
  const sub = level === 2 ? 3 : 4
  const as = a.assessment
  let out = `<dl class="facts"><dt>${t(View.labels.framework, lang)}</dt><dd>${t(as.framework, lang)}</dd>`
  if (as.purpose !== undefined) out += `<dt>${t(View.labels.purpose, lang)}</dt><dd>${t(as.purpose, lang)}</dd>`
  if (as.date !== undefined) out += `<dt>${t(View.labels.date, lang)}</dt><dd>${escape(as.date)}</dd>`
  out += `<dt>${t(View.labels.mean, lang)}</dt><dd>${escape(View.formatValue(a.chart, a.mean, lang))}</dd>`
  if (as.verdict !== undefined) out += `<dt>${t(View.labels.verdict, lang)}</dt><dd>${t(as.verdict.name, lang)}</dd><dd>${t(as.verdict.reason, lang)}</dd>`
  out += `</dl>`
  out += chartSection(a.chart, lang, level)
  const notes = as.scores.filter((s) => s.note !== undefined)
  if (notes.length > 0) {
    out += `<h${sub}>${t(View.labels.note, lang)}</h${sub}><dl class="facts">${
      notes.map((s) => `<dt>${t(s.name, lang)}</dt><dd>${t(s.note!, lang)}</dd>`).join("")
    }</dl>`
  }
  return out
}

const fundingBody = (f: View.FundingStatement, lang: Lang, level: 2 | 3): string => {
  const c = f.funding.currency
  let out = `<dl class="facts"><dt>${t(View.labels.currency, lang)}</dt><dd>${escape(c)}</dd>`
  if (f.funding.period !== undefined) {
    out += `<dt>${t(View.labels.period, lang)}</dt><dd>${escape(f.funding.period.start)} – ${escape(f.funding.period.end)}</dd>`
  }
  out += `</dl>`
  out += chartSection(f.chart, lang, level)
  out += `<table><caption>${t(View.labels.fundingStatement, lang)}</caption><thead><tr><th scope="col">${t(View.labels.category, lang)}</th>` +
    `<th scope="col" class="num">${t(View.labels.budget, lang)}</th><th scope="col" class="num">${t(View.labels.actual, lang)}</th>` +
    `<th scope="col" class="num">${t(View.labels.difference, lang)}</th></tr></thead><tbody>`
  for (const l of f.funding.lines) {
    out += `<tr><th scope="row">${t(l.name, lang)}</th>${num(money(l.budget, c, lang))}${num(money(l.actual, c, lang))}${
      num(money(l.actual - l.budget, c, lang))
    }</tr>`
  }
  out += `</tbody><tfoot><tr><th scope="row">${t(View.labels.total, lang)}</th>${num(money(f.total.budget, c, lang))}${
    num(money(f.total.actual, c, lang))
  }${num(money(f.total.actual - f.total.budget, c, lang))}</tr></tfoot></table>`
  return out
}

const titled = (label: LocalizedText.LocalizedText, title: LocalizedText.LocalizedText): LocalizedText.LocalizedText => {
  const out: { sv?: string; en?: string } = {}
  if (title.sv !== undefined) out.sv = `${label.sv ?? ""}: ${title.sv}`
  if (title.en !== undefined) out.en = `${label.en ?? ""}: ${title.en}`
  return out as LocalizedText.LocalizedText
}

/**
 * Renders a view as a complete HTML page: the pure function behind {@link make}.
 *
 * @category rendering
 * @since 0.1.0
 */
export const render = (view: Exclude<View.View, View.ActivityFile>, lang: Lang, config: Config = {}): string => {
  const href = config.href ?? defaultHref
  switch (view._tag) {
    case "ProjectCard":
      return page(config, view, lang, view.title, cardBody(view, lang))
    case "Catalogue": {
      let out = `<h2>${t(View.labels.filters, lang)}</h2>`
      out += view.filters.length === 0
        ? `<p>${t(View.labels.noFilters, lang)}</p>`
        : `<dl class="facts">${view.filters.map((f) => `<dt>${t(f.name, lang)}</dt><dd>${t(f.value, lang)}</dd>`).join("")}</dl>`
      out += `<h2>${t(View.labels.partnerships, lang)}</h2><p>${view.total} ${t(View.labels.matches, lang)}</p>`
      out += cardList(view.cards, lang, href)
      if (view.next !== undefined) {
        out += `<p><a href="${safeHref(href({ kind: "catalogue-page", cursor: view.next }, lang))}">${t(View.labels.nextPage, lang)}</a></p>`
      }
      if (view.facets.length > 0) {
        out += `<h2>${t(View.labels.facets, lang)}</h2>`
        for (const f of view.facets) {
          out += `<h3>${t(f.name, lang)}</h3><ul>${f.values.map((v) => `<li>${t(v.label, lang)}: ${v.count}</li>`).join("")}</ul>`
        }
      }
      return page(config, view, lang, view.title, out)
    }
    case "NetworkReport": {
      let out = `<dl class="facts">`
      if (view.programme !== undefined) out += `<dt>${t(View.labels.programme, lang)}</dt><dd>${t(view.programme.name, lang)}</dd>`
      if (view.network.started !== undefined) out += `<dt>${t(View.labels.started, lang)}</dt><dd>${escape(view.network.started)}</dd>`
      out += `<dt>${t(View.labels.partnerships, lang)}</dt><dd>${view.cards.length}</dd></dl>`
      out += `<h2>${t(View.labels.partnerships, lang)}</h2>${cardList(view.cards, lang, href)}`
      if (view.expected.length > 0) {
        out += `<h2>${t(View.labels.expected, lang)}</h2><ul>${view.expected.map((e) => `<li>${t(e, lang)}</li>`).join("")}</ul>`
      }
      if (view.unknowns.length > 0) {
        out += `<h2>${t(View.labels.unknowns, lang)}</h2><ul>${view.unknowns.map((e) => `<li>${t(e, lang)}</li>`).join("")}</ul>`
      }
      out += `<h2>${t(View.labels.charts, lang)}</h2>`
      out += chartSection(view.sdgCoverage, lang, 3)
      if (view.assessmentScores !== undefined) out += chartSection(view.assessmentScores, lang, 3)
      if (view.budgetVsActual !== undefined) out += chartSection(view.budgetVsActual, lang, 3)
      if (view.assessments.length > 0) {
        out += `<h2>${t(View.labels.assessments, lang)}</h2>`
        for (const a of view.assessments) {
          out += `<section aria-labelledby="a-${idSafe(a.partnership.id)}"><h3 id="a-${idSafe(a.partnership.id)}">${t(a.partnership.title, lang)}</h3>`
          out += `${assessmentTable(a, lang)}</section>`
        }
      }
      if (view.results !== undefined) out += networkResults(view.results, lang)
      if (view.funding.length > 0) {
        out += `<h2>${t(View.labels.funding, lang)}</h2>`
        for (const f of view.funding) {
          out += `<section aria-labelledby="f-${idSafe(f.partnership.id)}"><h3 id="f-${idSafe(f.partnership.id)}">${t(f.partnership.title, lang)}</h3>`
          out += `${fundingTable(f, lang)}</section>`
        }
      }
      return page(config, view, lang, view.network.name, out)
    }
    case "AssessmentSummary":
      return page(config, view, lang, titled(View.labels.assessment, view.partnership.title), assessmentBody(view, lang, 2))
    case "FundingStatement":
      return page(config, view, lang, titled(View.labels.fundingStatement, view.partnership.title), fundingBody(view, lang, 2))
    case "EventPage":
      return page(config, view, lang, view.event.title, eventBody(view, lang))
  }
}

const eventBody = (view: View.EventPage, lang: Lang): string => {
  const e = view.event
  let out = ""
  if (e.cancellation !== undefined) {
    out += `<p class="status" role="note"><strong>${t(View.labels.cancelled, lang)}:</strong> ${t(e.cancellation.reason, lang)}</p>`
  }
  out += "<dl class=\"facts\">"
  for (const f of View.eventFacts(view)) {
    out += `<dt>${t(f.label, lang)}</dt>${f.values.map((v) => `<dd>${t(v, lang)}</dd>`).join("")}`
  }
  out += "</dl>"
  if (e.description !== undefined) out += `<h2>${t(View.labels.description, lang)}</h2><p>${t(e.description, lang)}</p>`
  out += `<h2>${t(View.labels.programmeItems, lang)}</h2>`
  if (e.programmeItems.length === 0) return `${out}<p>${t(View.labels.noProgramme, lang)}</p>`
  const timed = e.programmeItems.some((i) => i.time !== undefined)
  out += `<table><caption>${t(View.labels.programmeItems, lang)}</caption><thead><tr>${
    timed ? `<th scope="col">${t(View.labels.time, lang)}</th>` : ""
  }<th scope="col">${t(View.labels.item, lang)}</th><th scope="col">${t(View.labels.speakers, lang)}</th></tr></thead><tbody>`
  for (const item of e.programmeItems) {
    out += `<tr>${timed ? `<td>${item.time === undefined ? "" : escape(item.time)}</td>` : ""}<th scope="row">${t(item.title, lang)}${
      item.description === undefined ? "" : `<span class="detail">${t(item.description, lang)}</span>`
    }</th><td>${item.speakers.map((sp) => t(View.speakerLine(sp), lang)).join("<br>")}</td></tr>`
  }
  return `${out}</tbody></table>`
}

/** The scores of an assessment as a table (inside the network report; the chart is network-wide). */
const assessmentTable = (a: View.AssessmentSummary, lang: Lang): string =>
  `<table><caption>${t(a.assessment.framework, lang)}${a.assessment.verdict === undefined ? "" : ` – ${t(a.assessment.verdict.name, lang)}`}</caption><thead><tr><th scope="col">${t(View.labels.principle, lang)}</th>` +
  `<th scope="col" class="num">${t(View.labels.score, lang)}</th><th scope="col">${t(View.labels.note, lang)}</th></tr></thead><tbody>${
    a.assessment.scores.map((s) =>
      `<tr><th scope="row">${t(s.name, lang)}</th>${num(View.formatValue(a.chart, s.score, lang))}<td>${
        s.note === undefined ? "" : t(s.note, lang)
      }</td></tr>`
    ).join("")
  }</tbody><tfoot><tr><th scope="row">${t(View.labels.mean, lang)}</th>${num(View.formatValue(a.chart, a.mean, lang))}<td></td></tr></tfoot></table>`

/** The lines of a funding statement as a table (inside the network report). */
const fundingTable = (f: View.FundingStatement, lang: Lang): string => {
  const c = f.funding.currency
  return `<table><caption>${t(View.labels.fundingStatement, lang)}</caption><thead><tr><th scope="col">${t(View.labels.category, lang)}</th>` +
    `<th scope="col" class="num">${t(View.labels.budget, lang)}</th><th scope="col" class="num">${t(View.labels.actual, lang)}</th></tr></thead><tbody>${
      f.funding.lines.map((l) => `<tr><th scope="row">${t(l.name, lang)}</th>${num(money(l.budget, c, lang))}${num(money(l.actual, c, lang))}</tr>`).join("")
    }</tbody><tfoot><tr><th scope="row">${t(View.labels.total, lang)}</th>${num(money(f.total.budget, c, lang))}${num(money(f.total.actual, c, lang))}</tr></tfoot></table>`
}

const primitives = (config: Config): Renderer.Primitives<Exclude<View.Kind, "ActivityFile">> => ({
  name: "html",
  mediaType: "text/html; charset=utf-8",
  extension: "html",
  supports: ["ProjectCard", "Catalogue", "NetworkReport", "AssessmentSummary", "FundingStatement", "EventPage"],
  render: (view, lang) => render(view, lang, config)
})

/**
 * The HTML renderer service.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (config: Config = {}): Renderer.Renderer["Service"] => Renderer.make(primitives(config))

/**
 * The HTML renderer as a layer providing {@link Renderer.Renderer}.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer = (config: Config = {}): Layer.Layer<Renderer.Renderer> => Renderer.layer(primitives(config))
