/**
 * Funding rules as versioned data: caps per phase, per year and over the whole programme,
 * eligible cost categories and purposes, a maximum share of a category, a minimum own
 * contribution. A programme names its rule set by id ({@link Programme.Programme}'s
 * `fundingRuleSet`); {@link Budget.evaluate} checks a budget against it.
 *
 * **Details**
 *
 * The rule kinds are generic: any programme can describe its rules with them. The ICLD
 * *Kommunala partnerskap för mänskliga rättigheter* rules of 2020 ship built in as
 * {@link icldMr2020} (id `icld-mr-2020`; {@link makeIcldMr2020} for a configured cap).
 *
 * Amounts are counted as follows: every rule except {@link OwnContribution} counts the lines
 * funded by the grant (`funding` absent or `"grant"`); own contributions are not limited by
 * caps or eligibility.
 *
 * @module
 * @group Funding
 * @since 0.1.0
 */
import { Option, Schema } from "effect"
import { Version } from "../ChangeLog.ts"
import * as Construct from "../Construct.ts"
import * as Enumeration from "../Enumeration.ts"
import { FundingRuleSetId } from "../Ids.ts"
import { LocalizedText } from "../LocalizedText.ts"
import * as Money from "../Money.ts"
import * as EntityStore from "../store/EntityStore.ts"
import * as Validation from "../Validation.ts"

/**
 * The phases money is planned and spent in: the preparation year(s) and implementation.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Phase = Enumeration.make({
  preparation: { sv: "förberedelseåret", en: "the preparation year" },
  implementation: { sv: "genomförandet", en: "implementation" }
})
/**
 * @category models
 * @since 0.1.0
 */
export type Phase = typeof Phase.Type

/**
 * A year within a phase, counted from 1 (preparation year 1, implementation years 1..n).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Year = Schema.Int.check(
  Schema.isBetween({ minimum: 1, maximum: 10 }, Validation.message({
    sv: "Förväntade ett år inom fasen: ett heltal från 1 till 10",
    en: "Expected a year within the phase: a whole number from 1 to 10"
  }))
)

/**
 * A period: a phase and a year within it.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Period = Schema.Struct({ phase: Phase, year: Year })
/**
 * @category models
 * @since 0.1.0
 */
export type Period = typeof Period.Type

/**
 * Cost categories (what the money buys). Generic: a rule set says which are eligible.
 *
 * @category schemas
 * @since 0.1.0
 */
export const CostCategory = Enumeration.make({
  travel: { sv: "resor", en: "travel" },
  accommodation: { sv: "logi", en: "accommodation" },
  subsistence: { sv: "traktamente och måltider", en: "subsistence and meals" },
  venue: { sv: "lokaler", en: "venues" },
  interpretation: { sv: "tolkning och översättning", en: "interpretation and translation" },
  staff: { sv: "personal", en: "staff" },
  consultancy: { sv: "konsulter", en: "consultancy" },
  equipment: { sv: "utrustning", en: "equipment" },
  communication: { sv: "kommunikation", en: "communication" },
  administration: { sv: "administration", en: "administration" },
  other: { sv: "övrigt", en: "other" }
})
/**
 * @category models
 * @since 0.1.0
 */
export type CostCategory = typeof CostCategory.Type

/**
 * Purposes (what the cost is for). Generic: a rule set says which are eligible.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Purpose = Enumeration.make({
  "exchange-trip": { sv: "utbytesresor", en: "exchange trips" },
  "network-training": { sv: "nätverksutbildningar", en: "network trainings" },
  "results-conference": { sv: "resultatkonferens", en: "results conference" },
  "project-activity": { sv: "projektaktiviteter", en: "project activities" },
  "management": { sv: "projektledning", en: "project management" },
  "other": { sv: "övrigt", en: "other" }
})
/**
 * @category models
 * @since 0.1.0
 */
export type Purpose = typeof Purpose.Type

/**
 * Which partner spends the money: the Swedish municipality or region, or the international
 * partner.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Side = Enumeration.make({
  swedish: { sv: "svensk partner", en: "Swedish partner" },
  international: { sv: "internationell partner", en: "international partner" }
})
/**
 * @category models
 * @since 0.1.0
 */
export type Side = typeof Side.Type

/**
 * Who pays a cost: the grant, or the partners' own contribution.
 *
 * @category schemas
 * @since 0.1.0
 */
export const FundingSource = Enumeration.make({
  grant: { sv: "bidraget", en: "the grant" },
  own: { sv: "egen insats", en: "own contribution" }
})
/**
 * @category models
 * @since 0.1.0
 */
export type FundingSource = typeof FundingSource.Type

/**
 * The fields that classify a cost, shared by budget lines and expenses: when (phase and year),
 * what (category), what for (purpose), who spends it (side) and who pays (`funding`, the grant
 * unless `own`).
 *
 * @category schemas
 * @since 0.1.0
 */
export const costFields = {
  /** The phase the cost falls in. */
  phase: Phase,
  /** The year within the phase, from 1. */
  year: Year,
  /** What the money buys. */
  category: CostCategory,
  /** What the cost is for. */
  purpose: Purpose,
  /** Which partner spends it. */
  side: Side,
  /** Who pays: the grant (when absent) or the partners' own contribution. */
  funding: Schema.optionalKey(FundingSource)
}

/**
 * Id of a rule within its rule set (`preparation-cap`).
 *
 * @category schemas
 * @since 0.1.0
 */
export const RuleId = Schema.String.check(
  Schema.isPattern(/^[a-z0-9][a-z0-9-]{0,63}$/, Validation.message({
    sv: "Förväntade ett regel-id: små bokstäver, siffror och '-', högst 64 tecken",
    en: "Expected a rule id: lower-case letters, digits and '-', at most 64 characters"
  }))
)

const Share = Schema.Int.check(
  Schema.isBetween({ minimum: 0, maximum: 10_000 }, Validation.message({
    sv: "Förväntade en andel i baspunkter: ett heltal från 0 (0 %) till 10000 (100 %)",
    en: "Expected a share in basis points: a whole number from 0 (0 %) to 10000 (100 %)"
  }))
)

/**
 * The grant-funded lines of one phase add up to at most `cap`.
 *
 * @category schemas
 * @since 0.1.0
 */
export const PhaseCap = Schema.TaggedStruct("PhaseCap", {
  id: RuleId,
  phase: Phase,
  cap: Money.Money
})

/**
 * The grant-funded lines of the whole budget (the whole programme, for one Swedish partner)
 * add up to at most `cap`.
 *
 * @category schemas
 * @since 0.1.0
 */
export const ProgrammeCap = Schema.TaggedStruct("ProgrammeCap", {
  id: RuleId,
  cap: Money.Money
})

/**
 * The grant-funded lines of each year add up to at most `cap`; with `phase`, only that
 * phase's years are capped.
 *
 * @category schemas
 * @since 0.1.0
 */
export const YearCap = Schema.TaggedStruct("YearCap", {
  id: RuleId,
  cap: Money.Money,
  phase: Schema.optionalKey(Phase)
})

/**
 * Grant-funded lines must be of an eligible category and for an eligible purpose.
 *
 * @category schemas
 * @since 0.1.0
 */
export const EligibleCosts = Schema.TaggedStruct("EligibleCosts", {
  id: RuleId,
  categories: Schema.NonEmptyArray(CostCategory),
  purposes: Schema.NonEmptyArray(Purpose)
})

/**
 * A category takes at most `maxBasisPoints` (1/100 of a percent) of the grant-funded total.
 *
 * @category schemas
 * @since 0.1.0
 */
export const CategoryShare = Schema.TaggedStruct("CategoryShare", {
  id: RuleId,
  category: CostCategory,
  maxBasisPoints: Share
})

/**
 * The own contribution is at least `minBasisPoints` (1/100 of a percent) of the total cost
 * (grant plus own contribution).
 *
 * @category schemas
 * @since 0.1.0
 */
export const OwnContribution = Schema.TaggedStruct("OwnContribution", {
  id: RuleId,
  minBasisPoints: Share
})

/**
 * Every rule kind.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Rule = Schema.Union([PhaseCap, ProgrammeCap, YearCap, EligibleCosts, CategoryShare, OwnContribution])
/**
 * @category models
 * @since 0.1.0
 */
export type Rule = typeof Rule.Type

/**
 * The kind of a rule (`PhaseCap`, `EligibleCosts`, ...).
 *
 * @category models
 * @since 0.1.0
 */
export type RuleKind = Rule["_tag"]

const ruleSetChecks = Schema.makeFilter<{ readonly currency: Money.CurrencyCode; readonly rules: ReadonlyArray<Rule> }>(
  (set) => {
    const issues: Array<Schema.FilterIssue> = []
    const seen = new Set<string>()
    set.rules.forEach((rule, i) => {
      if (seen.has(rule.id)) issues.push({ path: ["rules", i, "id"], issue: Validation.invalid({ sv: `Regel-id ${rule.id} förekommer två gånger`, en: `Duplicate rule id ${rule.id}` }, "unique-id") })
      seen.add(rule.id)
      if ("cap" in rule && rule.cap.currency !== set.currency) {
        issues.push({
          path: ["rules", i, "cap", "currency"],
          issue: Validation.invalid({ sv: `Förväntade regeluppsättningens valuta ${set.currency}, fann ${rule.cap.currency}`, en: `Expected the rule set's currency ${set.currency}, found ${rule.cap.currency}` }, "same-currency")
        })
      }
    })
    return issues
  }
)

/**
 * A funding rule set. `revision` is the edition of the rules (a change to the rules is a new
 * revision; decisions name it); `version` is the store's version, as for every stored entity.
 *
 * @category schemas
 * @since 0.1.0
 */
export class FundingRuleSet extends Schema.Class<FundingRuleSet>("@localrights/core/FundingRuleSet")(
  Schema.Struct({
    id: FundingRuleSetId,
    revision: Schema.Int.check(Schema.isGreaterThanOrEqualTo(1, Validation.message({
      sv: "Förväntade en revision från 1",
      en: "Expected a revision from 1"
    }))),
    name: LocalizedText,
    source: Schema.optionalKey(LocalizedText),
    currency: Money.CurrencyCode,
    rules: Schema.Array(Rule),
    version: Version
  }).check(ruleSetChecks)
) {}

/**
 * A funding rule set from plain values, at version 0 (not yet stored); problems name the rule
 * and field (`rules[1].cap.currency`).
 *
 * @example
 * ```ts
 * import { FundingRuleSet } from "@localrights/core"
 * const rules = FundingRuleSet.make({
 *   id: "my-programme-2025",
 *   revision: 1,
 *   name: { en: "My programme 2025" },
 *   currency: "SEK",
 *   rules: [{ _tag: "PhaseCap", id: "preparation-cap", phase: "preparation", cap: { minor: 300_000_00, currency: "SEK" } }]
 * })
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const make = Construct.make(FundingRuleSet, "FundingRuleSet")

/**
 * A funding rule set from untrusted input (JSON).
 *
 * @category constructors
 * @since 0.2.0
 */
export const decode = Construct.decode(make)

/**
 * Options for {@link makeIcldMr2020}.
 *
 * @category models
 * @since 0.1.0
 */
export interface IcldOptions {
  /** The cap over all four years; SEK 3 000 000 unless given (the source says "nearly SEK 3 million"). */
  readonly totalCap?: Money.Money | undefined
}

/**
 * The ICLD *Kommunala partnerskap för mänskliga rättigheter* rules of 2020, with a
 * configurable four-year cap: the preparation year at most SEK 300 000; all four years at most
 * `totalCap` (SEK 3 000 000 by default: the source says "nearly" 3 million); eligible: travel
 * and accommodation for exchange trips and network trainings. {@link icldMr2020} is the rule
 * set with the default cap.
 *
 * @category constructors
 * @since 0.2.0
 */
export const makeIcldMr2020 = (options?: IcldOptions): FundingRuleSet =>
  new FundingRuleSet({
    id: "icld-mr-2020" as FundingRuleSetId,
    revision: 1,
    name: {
      sv: "ICLD Kommunala partnerskap för mänskliga rättigheter 2020",
      en: "ICLD Municipal Partnerships for Human Rights 2020"
    },
    source: {
      sv: "ICLD/SKR, MR-bloggen hösten 2020: \"Kommunerna har tilldelats 300 000 kr för förberedelseåret, den totala summan för alla fyra år kan komma att uppgå till närmare 3 mnkr per kommun. Medlen finansierar utbytet mellan kommunerna, så som resor och logi i samband med utbytesresor och nätverksutbildningar.\"",
      en: "ICLD/SKR, MR blog, autumn 2020: the municipalities were granted SEK 300 000 for the preparation year; the total for all four years may reach nearly SEK 3 million per municipality; the money pays the exchange between the municipalities, such as travel and lodging for exchange trips and network trainings."
    },
    currency: "SEK" as Money.CurrencyCode,
    rules: [
      { _tag: "PhaseCap", id: "preparation-cap", phase: "preparation", cap: Money.sek(300_000) },
      { _tag: "ProgrammeCap", id: "total-cap", cap: options?.totalCap ?? Money.sek(3_000_000) },
      {
        _tag: "EligibleCosts",
        id: "eligible-costs",
        categories: ["travel", "accommodation"],
        purposes: ["exchange-trip", "network-training"]
      }
    ],
    version: 0
  })

/**
 * The built-in ICLD MR 2020 rule set, id `icld-mr-2020`, with the default four-year cap of
 * SEK 3 000 000 ({@link makeIcldMr2020} builds it with another cap).
 *
 * @category models
 * @since 0.2.0
 */
export const icldMr2020: FundingRuleSet = makeIcldMr2020()

/**
 * The rule sets that ship with the library.
 *
 * @category models
 * @since 0.2.0
 */
export const builtIns: ReadonlyArray<FundingRuleSet> = [icldMr2020]

/**
 * The built-in rule set with that id, if any.
 *
 * @category rules
 * @since 0.2.0
 */
export const findBuiltIn = (id: string): Option.Option<FundingRuleSet> => Option.fromUndefinedOr(builtIns.find((s) => s.id === id))

/**
 * Whether an id belongs to a built-in rule set.
 *
 * @category guards
 * @since 0.2.0
 */
export const isBuiltIn = (id: string): boolean => builtIns.some((s) => s.id === id)

/**
 * A short name of a rule for people, in both languages.
 *
 * @category rendering
 * @since 0.1.0
 */
export const describe = (rule: Rule, set: FundingRuleSet): LocalizedText => {
  switch (rule._tag) {
    case "PhaseCap":
      return {
        sv: `högst ${Money.format(rule.cap, "sv")} för ${Phase.names[rule.phase].sv}`,
        en: `at most ${Money.format(rule.cap, "en")} for ${Phase.names[rule.phase].en}`
      }
    case "ProgrammeCap":
      return {
        sv: `högst ${Money.format(rule.cap, "sv")} för hela programmet`,
        en: `at most ${Money.format(rule.cap, "en")} for the whole programme`
      }
    case "YearCap":
      return {
        sv: `högst ${Money.format(rule.cap, "sv")} per år${rule.phase ? ` under ${Phase.names[rule.phase].sv}` : ""}`,
        en: `at most ${Money.format(rule.cap, "en")} per year${rule.phase ? ` in ${Phase.names[rule.phase].en}` : ""}`
      }
    case "EligibleCosts":
      return {
        sv: `stödberättigande: ${rule.categories.map((c) => CostCategory.names[c].sv).join(", ")} för ${rule.purposes.map((p) => Purpose.names[p].sv).join(", ")}`,
        en: `eligible: ${rule.categories.map((c) => CostCategory.names[c].en).join(", ")} for ${rule.purposes.map((p) => Purpose.names[p].en).join(", ")}`
      }
    case "CategoryShare":
      return {
        sv: `${CostCategory.names[rule.category].sv} högst ${percent(rule.maxBasisPoints, "sv")} av bidraget`,
        en: `${CostCategory.names[rule.category].en} at most ${percent(rule.maxBasisPoints, "en")} of the grant`
      }
    case "OwnContribution":
      return {
        sv: `egen insats minst ${percent(rule.minBasisPoints, "sv")} av den totala kostnaden (${set.currency})`,
        en: `own contribution at least ${percent(rule.minBasisPoints, "en")} of the total cost (${set.currency})`
      }
  }
}

/**
 * Basis points as a percentage for a person (`2 500` → `25 %` / `25%`).
 *
 * @category rendering
 * @since 0.1.0
 */
export const percent = (basisPoints: number, lang: "sv" | "en"): string => {
  const whole = Math.trunc(basisPoints / 100)
  const frac = basisPoints % 100
  const n = frac === 0 ? String(whole) : `${whole}${lang === "sv" ? "," : "."}${String(frac).padStart(2, "0").replace(/0$/, "")}`
  return lang === "sv" ? `${n}\u00a0%` : `${n}%`
}

/**
 * The store of funding rule sets (beyond the built-in ones), with versions and change log: `Store.layer` derives it from the
 * document store (`Stores.layer` includes it); an adapter may provide it directly.
 *
 * @category services
 * @since 0.2.0
 */
export class Store extends EntityStore.Service<Store>()("funding-rule-set", FundingRuleSet) {}
