/**
 * IATI 2.03 activity XML: an `iati-activities` document with one `iati-activity` per
 * partnership of a {@link View.ActivityFile}. It validates against the official 2.03 XSD.
 *
 * **Details**
 *
 * - Identifier: `<reporting-org ref>-<partnership id>`; the reporting organisation is
 *   configured.
 * - Participating organisations: the programme organiser as funding (role 1); the Swedish
 *   partner, the international partner and associates as implementing (role 4). Organisation
 *   types: municipalities and regions 11 (local government), universities 80, civil society
 *   22 (Swedish) or 24 (partner-country based), agencies and national government 10,
 *   associations 90; replace with `organisationType`.
 * - Title and description as narratives with `xml:lang` sv and en (the languages present).
 *   IATI requires a description: without one, the project area, else the title is used.
 * - Activity status from the lifecycle ({@link Partnership.iatiActivityStatus}); dates
 *   (IATI requires at least one: a missing date is a `RenderError` `invalid-input`);
 *   recipient country; DAC sectors (15160 Human rights by default); SDG goals and targets as
 *   tags (vocabularies 2 and 3); policy markers with significance; budgets per period;
 *   disbursements as transactions (type 3).
 * - Results, when the activity has them: one `result` (type 2, outcome) per individual goal
 *   with indicators, each `indicator` with its IndicatorMeasure code and `ascending`, title and
 *   description narratives, the baseline (year, date, value) and one `period` per dated period
 *   with its target and approved actual (per-category `dimension`s, the partnership's comment
 *   or the reason it was not reported). Periods are dated from the programme's reporting
 *   rules; without them only the baseline is written. Review comments, return comments and
 *   evidence are never written.
 * - Contact persons are never written (no `contact-info`).
 *
 * @module
 * @since 0.1.0
 */
import { LocalizedText, Money, Partnership, Renderer, View } from "@localrights/core"
import type { Layer } from "effect"

/**
 * Options: the reporting organisation (whose `ref` prefixes every activity identifier),
 * sectors, the default currency and optional generation time.
 *
 * @category models
 * @since 0.1.0
 */
export interface Config {
  /** The reporting organisation: IATI organisation identifier, OrganisationType code and name. */
  readonly reportingOrg: { readonly ref: string; readonly type: string; readonly name: LocalizedText.LocalizedText }
  /** Sectors of every activity (default DAC 5-digit 15160 Human rights, 100 %). */
  readonly sectors?: ReadonlyArray<{ readonly vocabulary: string; readonly code: string; readonly percentage?: number }>
  /** The activities' default currency (default SEK). */
  readonly defaultCurrency?: string
  /** The `generated-datetime` attribute (ISO 8601); left out by default so output is deterministic. */
  readonly generatedAt?: string
  /** The OrganisationType code of an organisation, or `undefined` to leave it out. */
  readonly organisationType?: (org: View.OrganisationView) => string | undefined
  /** The ResultType code of every `result` (default 2, outcome: a partnership's individual goal). */
  readonly resultType?: string
}

/**
 * The default OrganisationType code of an organisation.
 *
 * @category rules
 * @since 0.1.0
 */
export const organisationType = (org: View.OrganisationView): string | undefined => {
  switch (org.kind) {
    case "municipality":
    case "region":
    case "international-municipality":
      return "11"
    case "university":
      return "80"
    case "civil-society":
      return org.country === "SE" ? "22" : "24"
    case "agency":
    case "national-government":
      return "10"
    case "association":
      return "90"
    case "unknown":
      return undefined
  }
}

const invalidXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

const entities: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&apos;" }

/**
 * Escapes text for XML content and attributes, dropping characters XML 1.0 forbids.
 *
 * @category rendering
 * @since 0.1.0
 */
export const escape = (s: string): string => s.replace(invalidXml, "").replace(/[&<>"']/g, (c) => entities[c]!)

const narratives = (text: LocalizedText.LocalizedText, indent: string): string =>
  (["sv", "en"] as const)
    .flatMap((lang) => {
      const value = text[lang]
      return value === undefined || escape(value).trim() === "" ? [] : [`${indent}<narrative xml:lang="${lang}">${escape(value)}</narrative>\n`]
    })
    .join("")

const dateTypes: Readonly<Record<View.ActivityDate["type"], string>> = {
  "planned-start": "1",
  "actual-start": "2",
  "planned-end": "3",
  "actual-end": "4"
}

const value = (m: Money.Money, date: string): string =>
  `<value currency="${escape(m.currency)}" value-date="${escape(date)}">${Money.toDecimal(m)}</value>`

const org = (tag: string, o: View.OrganisationView, attrs: string, type: Config["organisationType"], indent: string): string => {
  const t = (type ?? organisationType)(o)
  const ref = o.iati === undefined ? "" : ` ref="${escape(o.iati)}"`
  return `${indent}<${tag}${ref}${attrs}${t === undefined ? "" : ` type="${escape(t)}"`}>\n${narratives(o.name, `${indent}  `)}${indent}</${tag}>\n`
}

const activity = (a: View.Activity, lang: LocalizedText.Lang, config: Config): string | { readonly invalid: string } => {
  const card = a.card
  if (a.dates.length === 0) {
    return { invalid: `partnership ${card.id} has no activity date: IATI needs at least one (planned or actual start or end)` }
  }
  const currency = config.defaultCurrency ?? "SEK"
  const rep = config.reportingOrg
  const i = "    "
  let out = `  <iati-activity xml:lang="${lang}" default-currency="${escape(currency)}">\n`
  out += `${i}<iati-identifier>${escape(`${rep.ref}-${card.id}`)}</iati-identifier>\n`
  out += `${i}<reporting-org ref="${escape(rep.ref)}" type="${escape(rep.type)}">\n${narratives(rep.name, `${i}  `)}${i}</reporting-org>\n`
  out += `${i}<title>\n${narratives(card.title, `${i}  `)}${i}</title>\n`
  const description = card.description ?? card.projectArea ?? card.title
  out += `${i}<description type="1">\n${narratives(description, `${i}  `)}${i}</description>\n`
  if (a.funder !== undefined) out += org("participating-org", a.funder, ` role="1"`, config.organisationType, i)
  const implementing = [card.swedishPartner, ...(card.internationalPartner === undefined ? [] : [card.internationalPartner]), ...card.associates.map((x) => x.organisation)]
  for (const o of implementing) out += org("participating-org", o, ` role="4"`, config.organisationType, i)
  out += `${i}<activity-status code="${Partnership.iatiActivityStatus(card.status)}"/>\n`
  for (const d of a.dates) out += `${i}<activity-date type="${dateTypes[d.type]}" iso-date="${escape(d.date)}"/>\n`
  if (card.partnerCountry !== undefined) out += `${i}<recipient-country code="${escape(card.partnerCountry.code)}" percentage="100"/>\n`
  for (const s of config.sectors ?? [{ vocabulary: "1", code: "15160", percentage: 100 }]) {
    out += `${i}<sector vocabulary="${escape(s.vocabulary)}" code="${escape(s.code)}"${s.percentage === undefined ? "" : ` percentage="${s.percentage}"`}/>\n`
  }
  for (const g of card.goals) out += `${i}<tag vocabulary="2" code="${g.number}">\n${narratives(g.label, `${i}  `)}${i}</tag>\n`
  for (const t of card.targets) out += `${i}<tag vocabulary="3" code="${escape(t.code)}">\n${narratives(t.title, `${i}  `)}${i}</tag>\n`
  for (const p of a.policyMarkers) out += `${i}<policy-marker vocabulary="1" code="${escape(p.code)}" significance="${p.significance}"/>\n`
  for (const b of a.budgets) {
    out += `${i}<budget type="1" status="${b.status === "committed" ? "2" : "1"}">\n${i}  <period-start iso-date="${escape(b.start)}"/>\n${i}  <period-end iso-date="${escape(b.end)}"/>\n${i}  ${value(b.value, b.start)}\n${i}</budget>\n`
  }
  for (const d of a.disbursements) {
    out += `${i}<transaction>\n${i}  <transaction-type code="3"/>\n${i}  <transaction-date iso-date="${escape(d.date)}"/>\n${i}  ${value(d.value, d.date)}\n`
    if (a.funder !== undefined) out += org("provider-org", a.funder, "", config.organisationType, `${i}  `)
    if (d.receiver !== undefined) out += org("receiver-org", d.receiver, "", config.organisationType, `${i}  `)
    out += `${i}</transaction>\n`
  }
  if (a.results !== undefined) out += results(a.results, lang, config, i)
  return `${out}  </iati-activity>\n`
}

/** Narratives that are never empty: `fallback` when the text has nothing left after escaping. */
const requiredNarratives = (text: LocalizedText.LocalizedText, fallback: string, indent: string): string => {
  const out = narratives(text, indent)
  return out === "" ? `${indent}<narrative>${escape(fallback)}</narrative>\n` : out
}

const comment = (text: LocalizedText.LocalizedText | undefined, indent: string): string => {
  if (text === undefined) return ""
  const body = narratives(text, `${indent}  `)
  return body === "" ? "" : `${indent}<comment>\n${body}${indent}</comment>\n`
}

/** A value attribute: the number, except for a qualitative (measure 5) indicator, which has none. */
const valueAttr = (ind: View.IndicatorView, value: number | undefined): string =>
  value === undefined || ind.iatiMeasure === 5 ? "" : ` value="${escape(String(value))}"`

const indicator = (ind: View.IndicatorView, lang: LocalizedText.Lang, i: string): string => {
  let out = `${i}<indicator measure="${ind.iatiMeasure}" ascending="${ind.ascending ? "1" : "0"}">\n`
  out += `${i}  <title>\n${requiredNarratives(ind.title, ind.id, `${i}    `)}${i}  </title>\n`
  if (ind.description !== undefined) {
    const d = narratives(ind.description, `${i}    `)
    if (d !== "") out += `${i}  <description>\n${d}${i}  </description>\n`
  }
  if (ind.baseline !== undefined) {
    const b = ind.baseline
    out += `${i}  <baseline year="${escape(b.date.slice(0, 4))}" iso-date="${escape(b.date)}"${valueAttr(ind, b.value)}>\n`
    out += ind.iatiMeasure === 5 ? comment(b.text, `${i}    `) : comment(b.comment, `${i}    `)
    out += `${i}  </baseline>\n`
  }
  for (const p of ind.periods) {
    const { start, end } = p.period
    // IATI periods are dated: without reporting rules there are no dates, and no periods
    if (start === undefined || end === undefined) continue
    if (p.target === undefined && p.actual === undefined && p.notReported === undefined) continue
    out += `${i}  <period>\n${i}    <period-start iso-date="${escape(start)}"/>\n${i}    <period-end iso-date="${escape(end)}"/>\n`
    if (p.target !== undefined) {
      const note = ind.iatiMeasure === 5 ? comment(p.targetText, `${i}      `) : ""
      out += note === "" ? `${i}    <target${valueAttr(ind, p.target)}/>\n` : `${i}    <target${valueAttr(ind, p.target)}>\n${note}${i}    </target>\n`
    }
    if (p.actual !== undefined || p.notReported !== undefined) {
      let inner = ""
      for (const d of p.disaggregated) {
        inner += `${i}      <dimension name="${escape(LocalizedText.text(d.dimension, lang))}" value="${escape(LocalizedText.text(d.category, lang))}"/>\n`
      }
      const remark: LocalizedText.LocalizedText | undefined = p.notReported !== undefined
        ? mapNarrative(p.notReported, (s, l) => `${View.labels.notReported[l]}: ${s}`)
        : ind.iatiMeasure === 5 && p.actualText !== undefined
        ? p.actualText
        : p.comment
      inner += comment(remark, `${i}      `)
      out += inner === "" ? `${i}    <actual${valueAttr(ind, p.actual)}/>\n` : `${i}    <actual${valueAttr(ind, p.actual)}>\n${inner}${i}    </actual>\n`
    }
    out += `${i}  </period>\n`
  }
  return `${out}${i}</indicator>\n`
}

const mapNarrative = (text: LocalizedText.LocalizedText, f: (s: string, lang: LocalizedText.Lang) => string): LocalizedText.LocalizedText => {
  const out: { sv?: string; en?: string } = {}
  if (text.sv !== undefined) out.sv = f(text.sv, "sv")
  if (text.en !== undefined) out.en = f(text.en, "en")
  return out as LocalizedText.LocalizedText
}

/** One `result` per goal with indicators: title and description, each indicator with its baseline and dated periods. */
const results = (r: View.PartnershipResults, lang: LocalizedText.Lang, config: Config, i: string): string =>
  r.goals
    .filter((g) => g.indicators.length > 0)
    .map((g) => {
      let out = `${i}<result type="${escape(config.resultType ?? "2")}">\n`
      out += `${i}  <title>\n${requiredNarratives(g.title, g.id, `${i}    `)}${i}  </title>\n`
      if (g.description !== undefined) {
        const d = narratives(g.description, `${i}    `)
        if (d !== "") out += `${i}  <description>\n${d}${i}  </description>\n`
      }
      for (const ind of g.indicators) out += indicator(ind, lang, `${i}  `)
      return `${out}${i}</result>\n`
    })
    .join("")

/**
 * Renders an activity file as an IATI 2.03 `iati-activities` document, or says why it cannot.
 * `lang` is the activities' default language; narratives carry both languages present.
 *
 * @category rendering
 * @since 0.1.0
 */
export const render = (view: View.ActivityFile, lang: LocalizedText.Lang, config: Config): Renderer.Output => {
  const generated = config.generatedAt === undefined ? "" : ` generated-datetime="${escape(config.generatedAt)}"`
  let out = `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03"${generated}>\n`
  for (const a of view.activities) {
    const xml = activity(a, lang, config)
    if (typeof xml !== "string") return xml
    out += xml
  }
  return `${out}</iati-activities>\n`
}

const primitives = (config: Config): Renderer.Primitives<"ActivityFile"> => ({
  name: "iati",
  mediaType: "application/xml; charset=utf-8",
  extension: "xml",
  supports: ["ActivityFile"],
  render: (view, lang) => render(view, lang, config)
})

/**
 * The IATI renderer service.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (config: Config): Renderer.Renderer["Service"] => Renderer.make(primitives(config))

/**
 * The IATI renderer as a layer providing {@link Renderer.Renderer}.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer = (config: Config): Layer.Layer<Renderer.Renderer> => Renderer.layer(primitives(config))
