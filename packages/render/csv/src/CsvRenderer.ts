/**
 * CSV (RFC 4180, UTF-8) of the catalogue (one row per partnership), of a funding statement
 * (one row per cost category) and of a network report's funding (one row per partnership and
 * category). Headers are in the requested language; text cells that a spreadsheet would read
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

/**
 * Renders a view as CSV: the pure function behind {@link make}.
 *
 * @category rendering
 * @since 0.1.0
 */
export const render = (view: View.CatalogueView | View.FundingStatement | View.NetworkReport, lang: Lang, config: Config = {}): string => {
  const bom = config.byteOrderMark === true ? "\ufeff" : ""
  switch (view._tag) {
    case "Catalogue":
      return bom + catalogue(view, lang)
    case "FundingStatement":
      return bom + fundingHeader(lang) + fundingRows(view, lang)
    case "NetworkReport":
      return bom + fundingHeader(lang) + view.funding.map((f) => fundingRows(f, lang)).join("")
  }
}

const primitives = (config: Config): Renderer.Primitives<"Catalogue" | "FundingStatement" | "NetworkReport"> => ({
  name: "csv",
  mediaType: "text/csv; charset=utf-8; header=present",
  extension: "csv",
  supports: ["Catalogue", "FundingStatement", "NetworkReport"],
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
