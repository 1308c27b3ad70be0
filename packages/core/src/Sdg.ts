/**
 * The UN Sustainable Development Goals: 17 goals and 169 targets, and tags that attach them to
 * a partnership.
 *
 * **Details**
 *
 * English names and titles come from open-sdg/sdg-translations 2.4.0 (MIT; they agree with the
 * IATI UNSDG codelists). Swedish goal names come from the Swedish Government Offices' pages and
 * fn.se (see `svSource` per goal). No public structured Swedish list of the 169 targets exists:
 * target titles fall back to English, and every lookup says which language it returned.
 *
 * @module
 * @group Kernel
 * @since 0.1.0
 */
import { Schema } from "effect"
import { goals as goalData, targets as targetData } from "./internal/data/sdg.ts"
import type { Lang } from "./LocalizedText.ts"
import * as LocalizedText from "./LocalizedText.ts"
import { codelist } from "./internal/codelist.ts"
import * as Validation from "./Validation.ts"

/**
 * A goal number, 1 to 17.
 *
 * @category schemas
 * @since 0.1.0
 */
export const GoalNumber = Schema.Int.check(
  Schema.isBetween({ minimum: 1, maximum: 17 }, Validation.message({
    sv: "Förväntade numret på ett globalt mål, 1 till 17",
    en: "Expected an SDG goal number from 1 to 17"
  }))
).pipe(Schema.brand("SdgGoal"))
/**
 * @category models
 * @since 0.1.0
 */
export type GoalNumber = typeof GoalNumber.Type

const targetIndex: ReadonlyMap<string, { readonly code: string; readonly goal: number; readonly title: string }> =
  new Map(targetData.map((t) => [t.code, t]))

/**
 * A target code such as `10.2` or `16.b` that exists in the official list of 169 targets.
 *
 * @category schemas
 * @since 0.1.0
 */
export const TargetCode = codelist(targetData.map((t) => t.code), {
  sv: "Förväntade koden för ett av de 169 officiella delmålen (till exempel 10.2 eller 16.b)",
  en: "Expected an SDG target code from the 169 official targets (for example 10.2 or 16.b)"
}).pipe(Schema.brand("SdgTarget"))
/**
 * @category models
 * @since 0.1.0
 */
export type TargetCode = typeof TargetCode.Type

/**
 * A goal with its short name and title in both languages, and where the Swedish text is from.
 *
 * @category models
 * @since 0.1.0
 */
export interface Goal {
  readonly number: GoalNumber
  readonly short: { readonly sv: string; readonly en: string }
  readonly title: { readonly sv: string; readonly en: string }
  readonly svSource: string
  readonly svConfidence: string
}

/**
 * A target with its English title (no official Swedish target list is published as data).
 *
 * @category models
 * @since 0.1.0
 */
export interface Target {
  readonly code: TargetCode
  readonly goal: GoalNumber
  readonly title: { readonly en: string }
}

/**
 * All 17 goals, in order.
 *
 * @category constructors
 * @since 0.1.0
 */
export const goals: ReadonlyArray<Goal> = goalData.map((g) => ({ ...g, number: g.number as GoalNumber }))

/**
 * All 169 targets, in official order.
 *
 * @category constructors
 * @since 0.1.0
 */
export const targets: ReadonlyArray<Target> = targetData.map((t) => ({
  code: t.code as TargetCode,
  goal: t.goal as GoalNumber,
  title: { en: t.title }
}))

const targetsByCode: ReadonlyMap<string, Target> = new Map(targets.map((t) => [t.code, t]))

/**
 * The goal with that number, or `undefined`.
 *
 * @category rules
 * @since 0.1.0
 */
export const goal = (n: number): Goal | undefined => goals[n - 1]

/**
 * The target with that code, or `undefined`.
 *
 * @category rules
 * @since 0.1.0
 */
export const target = (code: string): Target | undefined => targetsByCode.get(code)

/**
 * The targets of one goal.
 *
 * @category rules
 * @since 0.1.0
 */
export const targetsOf = (goal: GoalNumber): ReadonlyArray<Target> => targets.filter((t) => t.goal === goal)

/**
 * A goal's short name in `lang` (`10 – Minskad ojämlikhet`), with the language returned.
 *
 * @category rendering
 * @since 0.1.0
 */
export const goalLabel = (goal: Goal, lang: Lang): LocalizedText.Resolved => {
  const r = LocalizedText.get(goal.short, lang)
  return { ...r, text: `${goal.number} – ${r.text}` }
}

/**
 * A target's title in `lang`: English with `fallback: true` when Swedish is asked for.
 *
 * @category rendering
 * @since 0.1.0
 */
export const targetTitle = (target: Target, lang: Lang): LocalizedText.Resolved =>
  LocalizedText.get(target.title, lang)

/**
 * A hit from {@link search}.
 *
 * @category models
 * @since 0.1.0
 */
export type SearchHit =
  | { readonly kind: "goal"; readonly goal: Goal; readonly lang: Lang }
  | { readonly kind: "target"; readonly target: Target; readonly lang: Lang }

const fold = (s: string) => s.toLocaleLowerCase("sv").normalize("NFD").replace(/\p{Diacritic}/gu, "")

/**
 * Finds goals and targets by code (`10`, `10.2`) or by words in Swedish or English: every word
 * must occur (case and accents ignored). Goals come first, then targets in official order.
 *
 * @example
 * ```ts
 * import { Sdg } from "@localrights/core"
 * Sdg.search("ojämlikhet") // goal 10 (sv)
 * Sdg.search("10.2")       // target 10.2
 * ```
 *
 * @category rules
 * @since 0.1.0
 */
export const search = (query: string): ReadonlyArray<SearchHit> => {
  const q = query.trim()
  if (q === "") return []
  if (/^\d{1,2}$/.test(q)) {
    const g = goal(Number(q))
    return g ? [{ kind: "goal", goal: g, lang: "en" }] : []
  }
  const byCode = target(q.toLowerCase())
  if (byCode) return [{ kind: "target", target: byCode, lang: "en" }]
  const words = fold(q).split(/\s+/)
  const matches = (text: string) => {
    const t = fold(text)
    return words.every((w) => t.includes(w))
  }
  const hits: Array<SearchHit> = []
  for (const g of goals) {
    if (matches(`${g.short.sv} ${g.title.sv}`)) hits.push({ kind: "goal", goal: g, lang: "sv" })
    else if (matches(`${g.short.en} ${g.title.en}`)) hits.push({ kind: "goal", goal: g, lang: "en" })
  }
  for (const t of targets) if (matches(t.title.en)) hits.push({ kind: "target", target: t, lang: "en" })
  return hits
}

/**
 * How much a partnership works towards a goal or target, on the OECD DAC policy-marker scale:
 * `principal` (2) or `significant` (1).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Significance = Schema.Literals(["principal", "significant"])
/**
 * @category models
 * @since 0.1.0
 */
export type Significance = typeof Significance.Type

/**
 * The DAC policy-significance code of a significance: principal 2, significant 1.
 *
 * @category rules
 * @since 0.1.0
 */
export const significanceCode = (s: Significance): 1 | 2 => (s === "principal" ? 2 : 1)

/**
 * A goal tag, or a target tag (its target must belong to its goal).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Tag = Schema.Struct({
  goal: GoalNumber,
  target: Schema.optionalKey(TargetCode),
  significance: Significance
}).check(
  Schema.makeFilter((tag) => tag.target === undefined || targetIndex.get(tag.target)?.goal === tag.goal, Validation.message({
    sv: "Förväntade att delmålet hör till det taggade målet",
    en: "Expected the target to belong to the tagged goal"
  }, "target-in-goal"))
)
/**
 * @category models
 * @since 0.1.0
 */
export type Tag = typeof Tag.Type

const tagKey = (t: Tag): string => t.target ?? String(t.goal)

// Whether no two tags have the same key. This runs on every decode of a partnership, whose
// tags are a handful: comparing them pairwise needs no set and no list of keys; a long list
// (untrusted input can be any length) takes the set, so the work stays linear.
const uniqueTags = (tags: ReadonlyArray<Tag>): boolean => {
  if (tags.length > 8) return new Set(tags.map(tagKey)).size === tags.length
  for (let i = 1; i < tags.length; i++) {
    const key = tagKey(tags[i]!)
    for (let j = 0; j < i; j++) if (tagKey(tags[j]!) === key) return false
  }
  return true
}

/**
 * A list of tags with no goal or target tagged twice.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Tags = Schema.Array(Tag).check(
  Schema.makeFilter(uniqueTags, Validation.message({
    sv: "Förväntade att varje mål eller delmål taggas högst en gång",
    en: "Expected each goal or target to be tagged at most once"
  }, "unique-tags"))
)
