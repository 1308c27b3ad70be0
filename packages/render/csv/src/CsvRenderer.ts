/**
 * CSV (RFC 4180, UTF-8) of the catalogue (one row per partnership), of a funding statement
 * (one row per cost category), of a network report's funding (one row per partnership and
 * category). With `results: true`, a network report is its results roll-up instead (one row
 * per overall goal, indicator and partnership) and a project card is its results (one row per
 * indicator and period: baseline, target, approved actual, on-track status). Headers are in the requested language; text cells that a spreadsheet would read
 * as a formula are neutralised.
 *
 * @module
 * @since 0.1.0
 */
import { LocalizedText, Money, Renderer, View } from "@localrights/core"
import type { Layer } from "effect"

type Lang = LocalizedText.Lang

/**
 * Options.
 *
 * @category models
 * @since 0.1.0
 */
export interface Config {
  /** Start the file with a UTF-8 byte-order mark, which older Excel versions need to read å, ä, ö (default false). */
  readonly byteOrderMark?: boolean
  /**
   * Results instead of funding (default false): a project card is supported, as one row per
   * indicator and period of its results, and a network report holds its results roll-up (one
   * row per overall goal, indicator and partnership) instead of its funding rows.
   */
  readonly results?: boolean
}

const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

/**
 * One text cell: control characters dropped, a leading `=`, `+`, `-`, `@`, tab or carriage
 * return prefixed with `'` (OWASP's advice against CSV formula injection), quoted when it
 * holds a comma, quote or line break.
 *
 * @category rendering
 * @since 0.1.0
 */
export const cell = (s: string): string => {
  const clean = s.replace(control, "")
  const safe = /^[=+\-@\t\r]/.test(clean) ? `'${clean}` : clean
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, "\"\"")}"` : safe
}

const text = (t: LocalizedText.LocalizedText | undefined, lang: Lang) => (t === undefined ? "" : cell(LocalizedText.text(t, lang)))

const line = (cells: ReadonlyArray<string>) => `${cells.join(",")}\r\n`

const header = (lang: Lang, labels: ReadonlyArray<LocalizedText.LocalizedText | string>) =>
  line(labels.map((l) => cell(typeof l === "string" ? l : LocalizedText.text(l, lang))))

const join = (ts: ReadonlyArray<LocalizedText.LocalizedText>, lang: Lang) => cell(ts.map((x) => LocalizedText.text(x, lang)).join("; "))

const catalogue = (view: View.CatalogueView, lang: Lang): string => {
  const L = View.labels
  let out = header(lang, [L.id, L.title, L.projectArea, L.globalGoal, L.targets, L.theme, L.swedishPartner, L.internationalPartner, L.partnerCountry, L.status, L.programme, L.network, L.focusAreas])
  for (const c of view.cards) {
    out += line([
      cell(c.id),
      text(c.title, lang),
      text(c.projectArea, lang),
      join(c.goals.map((g) => g.label), lang),
      cell(c.targets.map((t) => t.code).join("; ")),
      text(c.theme, lang),
      text(c.swedishPartner.name, lang),
      text(c.internationalPartner?.name, lang),
      cell(c.partnerCountry?.code ?? ""),
      text(c.statusName, lang),
      text(c.programme?.name, lang),
      text(c.network?.name, lang),
      join(c.focusAreas, lang)
    ])
  }
  return out
}

const fundingHeader = (lang: Lang) =>
  header(lang, [View.labels.id, View.labels.title, View.labels.period, View.labels.category, { sv: "Kostnadsslag (namn)", en: "Cost category (name)" }, View.labels.currency, View.labels.budget, View.labels.actual, View.labels.difference])

const fundingRows = (f: View.FundingStatement, lang: Lang): string => {
  const c = f.funding.currency
  const period = f.funding.period === undefined ? "" : cell(`${f.funding.period.start}/${f.funding.period.end}`)
  return f.funding.lines
    .map((l) =>
      line([cell(f.partnership.id), text(f.partnership.title, lang), period, cell(l.category), text(l.name, lang), cell(c), Money.toDecimal({ minor: l.budget, currency: c }), Money.toDecimal({ minor: l.actual, currency: c }), Money.toDecimal({ minor: l.actual - l.budget, currency: c })])
    )
    .join("")
}

const num = (n: number | undefined) => (n === undefined ? "" : String(Math.round(n * 100) / 100))

const L = View.labels

const resultsHeader = (lang: Lang) =>
  header(lang, [
    L.id, L.title, { sv: "Mål-id", en: "Goal id" }, L.goal, { sv: "Indikator-id", en: "Indicator id" }, L.indicator, L.measure,
    { sv: "IATI-mått", en: "IATI measure" }, L.baseline, { sv: "Utgångsvärdets datum", en: "Baseline date" },
    { sv: "Periodnyckel", en: "Period key" }, L.period, { sv: "Periodens början", en: "Period start" }, { sv: "Periodens slut", en: "Period end" },
    L.target, L.actual, L.onTrackStatus, L.note, { sv: "Partnerskapets kommentar", en: "Partnership's comment" }
  ])

/** One row per indicator and period of a partnership's results (targets, approved actuals). */
const resultsRows = (card: View.ProjectCard, lang: Lang): string => {
  const r = card.results
  if (r === undefined) return ""
  let out = ""
  for (const g of r.goals) {
    for (const ind of g.indicators) {
      for (const p of ind.periods) {
        const note = p.notReported === undefined
          ? p.missingText === undefined ? "" : LocalizedText.text(p.missingText, lang)
          : `${LocalizedText.text(L.notReported, lang)}: ${LocalizedText.text(p.notReported, lang)}`
        out += line([
          cell(card.id),
          text(card.title, lang),
          cell(g.id),
          text(g.title, lang),
          cell(ind.id),
          text(ind.title, lang),
          text(ind.measureText, lang),
          String(ind.iatiMeasure),
          num(ind.baseline?.value),
          cell(ind.baseline?.date ?? ""),
          cell(p.period.key),
          text(p.period.name, lang),
          cell(p.period.start ?? ""),
          cell(p.period.end ?? ""),
          num(p.target),
          num(p.actual),
          p.target === undefined || p.actual === undefined ? "" : text(View.onTrackName(p.onTrack), lang),
          cell(note),
          text(p.comment, lang)
        ])
      }
    }
  }
  return out
}

const rollUpHeader = (lang: Lang) =>
  header(lang, [
    { sv: "Mål-id", en: "Goal id" }, L.goal, { sv: "Indikator-id", en: "Indicator id" }, L.indicator, L.measure, L.id, L.partnerships,
    L.upTo, L.target, L.actual, { sv: "Andel av målvärdet (%)", en: "Share of target (%)" }, L.onTrackStatus, L.periodsReported
  ])

/** One row per overall goal, contributing indicator and partnership of a network's roll-up. */
const rollUpRows = (view: View.NetworkReport, lang: Lang): string => {
  const r = view.results
  if (r === undefined) return ""
  let out = ""
  for (const g of r.goals) {
    for (const row of g.rows) {
      out += line([
        cell(g.goal.id),
        text(g.goal.title, lang),
        cell(row.indicator.id),
        text(row.indicator.title, lang),
        text(row.indicator.measureText, lang),
        cell(row.partnership.id),
        text(row.partnership.title, lang),
        cell(r.asOf.key),
        num(row.target),
        num(row.actual),
        num(row.percent),
        text(View.onTrackName(row.onTrack), lang),
        String(row.reported)
      ])
    }
  }
  return out
}

/**
 * Renders a view as CSV: the pure function behind {@link make}.
 *
 * @category rendering
 * @since 0.1.0
 */
export const render = (
  view: View.CatalogueView | View.FundingStatement | View.NetworkReport | View.ProjectCard,
  lang: Lang,
  config: Config = {}
): string => {
  const bom = config.byteOrderMark === true ? "\ufeff" : ""
  switch (view._tag) {
    case "Catalogue":
      return bom + catalogue(view, lang)
    case "FundingStatement":
      return bom + fundingHeader(lang) + fundingRows(view, lang)
    case "NetworkReport":
      return config.results === true
        ? bom + rollUpHeader(lang) + rollUpRows(view, lang)
        : bom + fundingHeader(lang) + view.funding.map((f) => fundingRows(f, lang)).join("")
    case "ProjectCard":
      return bom + resultsHeader(lang) + resultsRows(view, lang)
  }
}

const primitives = (config: Config): Renderer.Primitives<"ProjectCard" | "Catalogue" | "FundingStatement" | "NetworkReport"> => ({
  name: "csv",
  mediaType: "text/csv; charset=utf-8; header=present",
  extension: "csv",
  supports: config.results === true ? ["ProjectCard", "Catalogue", "FundingStatement", "NetworkReport"] : ["Catalogue", "FundingStatement", "NetworkReport"],
  render: (view, lang) => render(view, lang, config)
})

/**
 * The CSV renderer service.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (config: Config = {}): Renderer.Renderer["Service"] => Renderer.make(primitives(config))

/**
 * The CSV renderer as a layer providing {@link Renderer.Renderer}.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer = (config: Config = {}): Layer.Layer<Renderer.Renderer> => Renderer.layer(primitives(config))
