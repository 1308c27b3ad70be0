/**
 * The link between human rights and the SDGs, as versioned data: rights principles and
 * programme focus areas map to SDG targets. {@link suggest} proposes SDG tags for a
 * partnership and says why (which principle or focus area, found in which text);
 * {@link rightsTouched} shows which rights a set of SDG tags touches.
 *
 * **Details**
 *
 * Version 1 is an editorial mapping by localrights, made from the wording of the targets
 * (16.7 "inclusive, participatory ... decision-making", 10.3 "eliminating discriminatory laws,
 * policies and practices", ...). The search terms per entry are stems matched at the start of
 * a word, ignoring case and accents. Principles with no clear target (the child's best
 * interests, life and development) and the focus area technical administration are left
 * unmapped: unknown, not guessed. A new version never changes an old one; suggestions say which
 * version they come from.
 *
 * @module
 * @group Assessment
 * @since 0.1.0
 */
import { Schema } from "effect"
import { PrincipleId } from "./CriteriaFramework.ts"
import * as LocalizedText from "../LocalizedText.ts"
import type { Partnership } from "../partnership/Partnership.ts"
import { FocusArea } from "../partnership/Programme.ts"
import * as Sdg from "../Sdg.ts"

/**
 * What an entry maps from: a rights principle (by the id frameworks share, such as
 * `non-discrimination`) or a programme focus area.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Source = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("principle"), id: PrincipleId }),
  Schema.Struct({ kind: Schema.Literal("focus-area"), id: FocusArea })
])
/**
 * @category models
 * @since 0.1.0
 */
export type Source = typeof Source.Type

/**
 * One mapping: from a source to SDG targets, why, and the search terms (stems, per language)
 * that find the source in a partnership's texts.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Entry = Schema.Struct({
  source: Source,
  name: LocalizedText.LocalizedText,
  targets: Schema.NonEmptyArray(Sdg.TargetCode),
  rationale: LocalizedText.LocalizedText,
  terms: Schema.Struct({ sv: Schema.Array(Schema.String), en: Schema.Array(Schema.String) })
})
/**
 * @category models
 * @since 0.1.0
 */
export type Entry = typeof Entry.Type

/**
 * One version of the mapping.
 *
 * @category schemas
 * @since 0.1.0
 */
export class RightsSdgMap extends Schema.Class<RightsSdgMap>("@localrights/core/RightsSdgMap")({
  id: Schema.String.check(Schema.isNonEmpty()),
  version: Schema.Int.check(Schema.isGreaterThanOrEqualTo(1)),
  name: LocalizedText.LocalizedText,
  source: LocalizedText.LocalizedText,
  entries: Schema.Array(Entry)
}) {}

const t = (sv: string, en: string): LocalizedText.LocalizedText => ({ sv, en })
const target = (code: string) => code as Sdg.TargetCode
const principle = (id: string): Source => ({ kind: "principle", id: id as PrincipleId })
const focus = (id: FocusArea): Source => ({ kind: "focus-area", id })
const accessibleSpaces = t(
  "Delmålen gäller tillgängliga transporter och tillgängliga offentliga platser för alla.",
  "The targets concern accessible transport and accessible public spaces for all."
)

/**
 * Version 1 of the mapping.
 *
 * @category models
 * @since 0.1.0
 */
export const v1: RightsSdgMap = new RightsSdgMap({
  id: "localrights-rights-sdg",
  version: 1,
  name: t("Mänskliga rättigheter och globala mål", "Human rights and the SDGs"),
  source: t(
    "Redaktionell koppling av localrights utifrån delmålens lydelse (FN:s Agenda 2030).",
    "Editorial mapping by localrights from the wording of the targets (UN 2030 Agenda)."
  ),
  entries: [
    {
      source: principle("non-discrimination"),
      name: t("Icke-diskriminering", "Non-discrimination"),
      targets: [target("10.2"), target("10.3"), target("16.b")],
      rationale: t(
        "Delmålen gäller inkludering av alla, lika möjligheter och icke-diskriminerande lagar och policyer.",
        "The targets concern the inclusion of all, equal opportunity and non-discriminatory laws and policies."
      ),
      terms: { sv: ["diskriminer", "ojämlik", "jämlik", "inkludering", "utsatt"], en: ["discriminat", "inequal", "equity", "equal opportunit", "inclusion", "marginali", "vulnerable"] }
    },
    {
      source: principle("participation"),
      name: t("Delaktighet", "Participation"),
      targets: [target("16.7")],
      rationale: t(
        "Delmål 16.7 gäller lyhört, inkluderande, deltagandebaserat och representativt beslutsfattande.",
        "Target 16.7 concerns responsive, inclusive, participatory and representative decision-making."
      ),
      terms: { sv: ["delaktig", "medverkan", "inflytande", "medborgardialog", "inkluderande"], en: ["particip", "involvement", "consultation", "dialogue", "inclusive"] }
    },
    {
      source: principle("transparency"),
      name: t("Transparens och tillgång till information", "Transparency and access to information"),
      targets: [target("16.10")],
      rationale: t("Delmål 16.10 gäller allmänhetens tillgång till information.", "Target 16.10 concerns public access to information."),
      terms: { sv: ["transparen", "insyn", "öppenhet", "tillgång till information"], en: ["transparen", "openness", "access to information"] }
    },
    {
      source: principle("accountability"),
      name: t("Ansvarsutkrävande", "Accountability"),
      targets: [target("16.6")],
      rationale: t(
        "Delmål 16.6 gäller effektiva, ansvarsskyldiga och transparenta institutioner.",
        "Target 16.6 concerns effective, accountable and transparent institutions."
      ),
      terms: { sv: ["ansvarsutkräv", "ansvarsfördelning", "styrning", "uppföljning", "styrdokument"], en: ["accountab", "governance", "steering document", "evaluation", "follow-up", "monitoring"] }
    },
    {
      source: principle("accessibility"),
      name: t("Tillgänglighet", "Accessibility"),
      targets: [target("11.2"), target("11.7")],
      rationale: accessibleSpaces,
      terms: { sv: ["tillgänglig", "funktionsnedsättning"], en: ["accessib", "disabilit", "universal design"] }
    },
    {
      source: principle("privacy"),
      name: t("Respekt för privatlivet", "Respect for privacy"),
      targets: [target("16.10")],
      rationale: t("Delmål 16.10 gäller också skyddet av grundläggande friheter.", "Target 16.10 also concerns the protection of fundamental freedoms."),
      terms: { sv: ["privatliv", "integritet", "personuppgift"], en: ["privacy", "personal data"] }
    },
    {
      source: principle("legality"),
      name: t("Legalitet", "Legality"),
      targets: [target("16.3")],
      rationale: t(
        "Delmål 16.3 gäller rättsstatens principer och lika tillgång till rättvisa.",
        "Target 16.3 concerns the rule of law and equal access to justice."
      ),
      terms: { sv: ["rättsstat", "rättssäker", "tillgång till rättvisa"], en: ["rule of law", "access to justice"] }
    },
    {
      source: principle("empowerment"),
      name: t("Egenmakt", "Empowerment"),
      targets: [target("10.2")],
      rationale: t("Delmål 10.2 gäller att stärka och främja inkludering av alla.", "Target 10.2 concerns empowering and promoting the inclusion of all."),
      terms: { sv: ["egenmakt"], en: ["empower"] }
    },
    {
      source: focus("gender-equality"),
      name: FocusArea.names["gender-equality"],
      targets: [target("5.1"), target("5.5")],
      rationale: t(
        "Delmålen gäller att avskaffa diskriminering av kvinnor och flickor och kvinnors fulla deltagande i beslutsfattande.",
        "The targets concern ending discrimination against women and girls and women's full participation in decision-making."
      ),
      terms: { sv: ["jämställd"], en: ["gender equal", "women", "girls"] }
    },
    {
      source: focus("young-people"),
      name: FocusArea.names["young-people"],
      targets: [target("4.7"), target("8.6")],
      rationale: t(
        "Delmålen gäller utbildning om bland annat mänskliga rättigheter och unga som varken arbetar eller studerar.",
        "The targets concern education on, among other things, human rights, and young people not in employment, education or training."
      ),
      terms: { sv: ["unga", "ungdom", "barn och unga"], en: ["young people", "youth"] }
    },
    {
      source: focus("accessibility"),
      name: FocusArea.names["accessibility"],
      targets: [target("11.2"), target("11.7")],
      rationale: accessibleSpaces,
      terms: { sv: [], en: [] }
    },
    {
      source: focus("minorities"),
      name: FocusArea.names["minorities"],
      targets: [target("10.2")],
      rationale: t(
        "Delmål 10.2 gäller inkludering av alla oavsett bland annat etnicitet, ursprung och religion.",
        "Target 10.2 concerns the inclusion of all irrespective of, among other things, ethnicity, origin and religion."
      ),
      terms: { sv: ["minoritet"], en: ["minorit"] }
    },
    {
      source: focus("culture"),
      name: FocusArea.names["culture"],
      targets: [target("4.7"), target("11.4")],
      rationale: t(
        "Delmålen gäller uppskattning av kulturell mångfald och skyddet av kulturarvet.",
        "The targets concern the appreciation of cultural diversity and the protection of cultural heritage."
      ),
      terms: { sv: ["kulturarv", "kulturell mångfald"], en: ["cultural heritage", "cultural diversity"] }
    }
  ]
})

/**
 * Every published version, oldest first.
 *
 * @category models
 * @since 0.1.0
 */
export const versions: ReadonlyArray<RightsSdgMap> = [v1]

/**
 * The newest version.
 *
 * @category models
 * @since 0.1.0
 */
export const current: RightsSdgMap = v1

/**
 * The version with that number, or `undefined`.
 *
 * @category rules
 * @since 0.1.0
 */
export const version = (n: number): RightsSdgMap | undefined => versions.find((m) => m.version === n)

/**
 * A partnership text a suggestion was found in.
 *
 * @category models
 * @since 0.1.0
 */
export interface Found {
  /** The field (`projectArea`, `description`, `goals[1]`). */
  readonly field: string
  /** The language of the text. */
  readonly lang: LocalizedText.Lang
  /** The search term that matched. */
  readonly term: string
  /** The sentence it matched in. */
  readonly excerpt: string
}

/**
 * Why a target is suggested: the entry's source and, when it was found in a text, where.
 *
 * @category models
 * @since 0.1.0
 */
export interface Reason {
  /** The principle or focus area. */
  readonly source: Source
  /** Its name. */
  readonly name: LocalizedText.LocalizedText
  /** Where it was found: a chosen focus area, or a text of the partnership. */
  readonly via: "focus-area" | "text"
  /** The text it was found in (when `via` is `text`). */
  readonly found?: Found | undefined
  /** The explanation in both languages. */
  readonly explanation: LocalizedText.LocalizedText
}

/**
 * A suggested SDG tag (significance `significant`: the user decides on `principal`), the
 * target, whether the partnership already has it, and why.
 *
 * @category models
 * @since 0.1.0
 */
export interface Suggestion {
  /** The tag to add. */
  readonly tag: Sdg.Tag
  /** The target. */
  readonly target: Sdg.Target
  /** Whether the partnership already has this target, or its goal without a target. */
  readonly alreadyTagged: boolean
  /** Why, at least one reason. */
  readonly reasons: ReadonlyArray<Reason>
  /** The mapping version used. */
  readonly map: { readonly id: string; readonly version: number }
}

const fold = (s: string) => s.toLocaleLowerCase("sv").normalize("NFD").replace(/\p{Diacritic}/gu, "")

const textsOf = (p: Partnership): Array<[string, LocalizedText.LocalizedText]> => {
  const out: Array<[string, LocalizedText.LocalizedText]> = [["title", p.title]]
  if (p.projectArea) out.push(["projectArea", p.projectArea])
  if (p.theme) out.push(["theme", p.theme])
  if (p.description) out.push(["description", p.description])
  p.goals.forEach((g, i) => out.push([`goals[${i}]`, g]))
  return out
}

const excerptAt = (text: string, index: number): string => {
  const before = text.slice(0, index)
  const start = Math.max(before.lastIndexOf(". "), before.lastIndexOf(": "), before.lastIndexOf("; "))
  const from = start < 0 ? 0 : start + 2
  const rest = text.slice(index).search(/[.;:](\s|$)/)
  const to = rest < 0 ? text.length : index + rest
  const s = text.slice(from, to).trim()
  return s.length > 160 ? `${s.slice(0, 157)}...` : s
}

interface Text {
  readonly field: string
  readonly lang: LocalizedText.Lang
  readonly value: string
  readonly folded: string
}

// folding keeps the length of NFC Swedish and English letters, so indexes carry over
const foldedTexts = (p: Partnership): Array<Text> =>
  textsOf(p).flatMap(([field, text]) =>
    (["sv", "en"] as const).flatMap((lang) => {
      const value = text[lang]?.normalize("NFC")
      return value === undefined ? [] : [{ field, lang, value, folded: fold(value) }]
    })
  )

/** The index of a folded term at the start of a word in a folded text, or -1. */
const findTerm = (hay: string, needle: string): number => {
  let i = hay.indexOf(needle)
  while (i >= 0) {
    if (i === 0 || !/[\p{L}\p{N}]/u.test(hay[i - 1]!)) return i
    i = hay.indexOf(needle, i + 1)
  }
  return -1
}

const officialOrder: ReadonlyMap<string, number> = new Map(Sdg.targets.map((x, i) => [x.code as string, i]))

const foldedTerms = new WeakMap<Entry, { readonly sv: ReadonlyArray<string>; readonly en: ReadonlyArray<string> }>()
const termsOf = (entry: Entry) => {
  let terms = foldedTerms.get(entry)
  if (terms === undefined) {
    terms = { sv: entry.terms.sv.map(fold), en: entry.terms.en.map(fold) }
    foldedTerms.set(entry, terms)
  }
  return terms
}

const findIn = (texts: ReadonlyArray<Text>, entry: Entry): Found | undefined => {
  const folded = termsOf(entry)
  for (const text of texts) {
    const terms = entry.terms[text.lang]
    for (let k = 0; k < terms.length; k++) {
      const term = terms[k]!
      const at = findTerm(text.folded, folded[text.lang][k]!)
      if (at < 0) continue
      // when folding changed the length (rare letters), the index does not carry over
      const excerpt = text.folded.length === text.value.length ? excerptAt(text.value, at) : excerptAt(text.value, 0)
      return { field: text.field, lang: text.lang, term, excerpt }
    }
  }
  return undefined
}

const fieldNames: Readonly<Record<string, LocalizedText.LocalizedText>> = {
  title: t("titeln", "the title"),
  projectArea: t("projektområdet", "the project area"),
  theme: t("temat", "the theme"),
  description: t("beskrivningen", "the description")
}
const fieldName = (field: string): LocalizedText.LocalizedText =>
  fieldNames[field] ?? (field.startsWith("goals[") ? t(`målet ${field}`, `goal ${field}`) : t(field, field))

const reasonFor = (entry: Entry, via: "focus-area" | "text", found: Found | undefined): Reason => {
  const name = entry.name
  const explanation: LocalizedText.LocalizedText = via === "focus-area"
    ? {
      sv: `Fokusområdet ${LocalizedText.text(name, "sv")} är valt. ${LocalizedText.text(entry.rationale, "sv")}`,
      en: `The focus area ${LocalizedText.text(name, "en")} is chosen. ${LocalizedText.text(entry.rationale, "en")}`
    }
    : {
      sv: `${entry.source.kind === "principle" ? "Principen" : "Fokusområdet"} ${LocalizedText.text(name, "sv")} nämns i ${fieldName(found!.field).sv} ("${found!.term}": "${found!.excerpt}"). ${LocalizedText.text(entry.rationale, "sv")}`,
      en: `The ${entry.source.kind === "principle" ? "principle" : "focus area"} ${LocalizedText.text(name, "en")} appears in ${fieldName(found!.field).en} ("${found!.term}": "${found!.excerpt}"). ${LocalizedText.text(entry.rationale, "en")}`
    }
  return { source: entry.source, name, via, found, explanation }
}

/**
 * Suggests SDG target tags for a partnership: from its focus areas, and from principles and
 * focus areas its texts (title, project area, theme, description, goals) mention. Each
 * suggestion carries its reasons; targets with more reasons come first, then in official order.
 *
 * @example
 * ```ts
 * import { RightsSdgMap } from "@localrights/core"
 * import { IcldCohort2020 } from "@localrights/core/examples"
 * RightsSdgMap.suggest(IcldCohort2020.lundFrancistown)
 * // 16.7 (participation: "inclusive" in the project area), 16.6 (accountability: "governance"), ...
 * ```
 *
 * @category rules
 * @since 0.1.0
 */
export const suggest = (partnership: Partnership, map: RightsSdgMap = current): ReadonlyArray<Suggestion> => {
  const reasons = new Map<string, Array<Reason>>()
  const add = (code: string, reason: Reason) => {
    const list = reasons.get(code) ?? []
    if (!list.some((r) => r.source.kind === reason.source.kind && r.source.id === reason.source.id)) list.push(reason)
    reasons.set(code, list)
  }
  const texts = foldedTexts(partnership)
  for (const entry of map.entries) {
    const chosen = entry.source.kind === "focus-area" && partnership.focusAreas.includes(entry.source.id)
    const found = chosen ? undefined : findIn(texts, entry)
    if (!chosen && found === undefined) continue
    for (const code of entry.targets) add(code, reasonFor(entry, chosen ? "focus-area" : "text", found))
  }
  const tagged = (x: Sdg.Target) => partnership.sdgTags.some((tag) => tag.target === x.code || (tag.target === undefined && tag.goal === x.goal))
  return [...reasons]
    .map(([code, rs]): Suggestion => {
      const x = Sdg.target(code)!
      return {
        tag: { goal: x.goal, target: x.code, significance: "significant" },
        target: x,
        alreadyTagged: tagged(x),
        reasons: rs,
        map: { id: map.id, version: map.version }
      }
    })
    .sort((a, b) => b.reasons.length - a.reasons.length || officialOrder.get(a.target.code)! - officialOrder.get(b.target.code)!)
}

/**
 * A right (principle or focus area) that a set of SDG tags touches, and through which tags.
 *
 * @category models
 * @since 0.1.0
 */
export interface Touched {
  /** The principle or focus area. */
  readonly source: Source
  /** Its name. */
  readonly name: LocalizedText.LocalizedText
  /** Why the mapping links them. */
  readonly rationale: LocalizedText.LocalizedText
  /** The mapped targets the tags hit: by a target tag, or by a goal tag covering the target. */
  readonly via: ReadonlyArray<{ readonly target: Sdg.TargetCode; readonly by: "target" | "goal" }>
}

/**
 * Which rights a set of SDG tags touches: every entry with a target among the tags (or a target
 * of a tagged goal), in the mapping's order.
 *
 * @example
 * ```ts
 * import { RightsSdgMap } from "@localrights/core"
 * import { IcldCohort2020 } from "@localrights/core/examples"
 * RightsSdgMap.rightsTouched(IcldCohort2020.lundFrancistown.sdgTags) // non-discrimination (10.2, 10.3 via goal 10), ...
 * ```
 *
 * @category rules
 * @since 0.1.0
 */
export const rightsTouched = (tags: ReadonlyArray<Sdg.Tag>, map: RightsSdgMap = current): ReadonlyArray<Touched> => {
  const targets = new Set<string>(tags.flatMap((x) => (x.target === undefined ? [] : [x.target])))
  const goals = new Set<number>(tags.flatMap((x) => (x.target === undefined ? [x.goal] : [])))
  const out: Array<Touched> = []
  for (const entry of map.entries) {
    const via: Array<Touched["via"][number]> = []
    for (const code of entry.targets) {
      if (targets.has(code)) via.push({ target: code, by: "target" })
      else if (goals.has(Sdg.target(code)!.goal)) via.push({ target: code, by: "goal" })
    }
    if (via.length > 0) out.push({ source: entry.source, name: entry.name, rationale: entry.rationale, via })
  }
  return out
}
