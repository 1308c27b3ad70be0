/**
 * A partnership's budget (lines per phase and year, category, purpose, spending side and
 * amount) and its evaluation against a {@link FundingRuleSet.FundingRuleSet}: every violation at
 * once, or a pass with the headroom left per rule.
 *
 * **Details**
 *
 * {@link evaluate} is a pure function and fast: the rule set is compiled once (cached per rule
 * set object) and a budget is read in a single pass, with no Effect and few allocations.
 * Messages are in Swedish and English.
 *
 * @module
 * @group Funding
 * @since 0.1.0
 */
import { Order, Result, Schema } from "effect"
import { Version } from "../ChangeLog.ts"
import * as Construct from "../Construct.ts"
import * as Enumeration from "../Enumeration.ts"
import * as FundingRuleSet from "./FundingRuleSet.ts"
import { BudgetId, PartnershipId } from "../Ids.ts"
import { LocalizedText } from "../LocalizedText.ts"
import * as Money from "../Money.ts"
import * as Validation from "../Validation.ts"
import * as EntityStore from "../store/EntityStore.ts"

/**
 * Id of a line within its budget (`prep-travel-1`).
 *
 * @category schemas
 * @since 0.1.0
 */
export const LineId = Schema.String.check(
  Schema.isPattern(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, Validation.message({
    sv: "Förväntade ett rad-id: bokstäver, siffror, '.', '_', ':' eller '-', som börjar med en bokstav eller siffra, högst 64 tecken",
    en: "Expected a line id: letters, digits, '.', '_', ':' or '-', starting with a letter or digit, at most 64 characters"
  }))
)

/**
 * One budget line: when (phase and year), what (category), what for (purpose), who spends it
 * (side), who pays (`funding`, the grant unless `own`), and how much.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Line = Schema.Struct({
  /** The line's id, unique within its budget. */
  id: LineId,
  ...FundingRuleSet.costFields,
  /** How much, in the budget's currency. */
  amount: Money.Money,
  /** What the line covers. */
  description: Schema.optionalKey(LocalizedText)
})
/**
 * One budget line (the fields of {@link FundingRuleSet.costFields}, with the line's id, amount
 * and description).
 *
 * @category models
 * @since 0.1.0
 */
export interface Line extends Schema.Schema.Type<typeof Line> {}

/**
 * A budget line from plain values (`amount: Money.sek(110_000)` or `{ minor, currency: "SEK" }`).
 *
 * @category constructors
 * @since 0.2.0
 */
export const makeLine = Construct.make(Line, "BudgetLine")

/**
 * A budget line from untrusted input.
 *
 * @category constructors
 * @since 0.2.0
 */
export const decodeLine = Construct.decode(makeLine)

/**
 * What a budget covers: the preparation year only (for the `preparation-budget` gate) or the
 * whole programme (for the `full-budget` gate).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Scope = Enumeration.make({
  preparation: { sv: "Förberedelseåret", en: "Preparation year" },
  full: { sv: "Hela projektet", en: "Whole project" }
})
/**
 * @category models
 * @since 0.1.0
 */
export type Scope = typeof Scope.Type

const budgetChecks = Schema.makeFilter<{
  readonly scope: Scope
  readonly currency: Money.CurrencyCode
  readonly lines: ReadonlyArray<Line>
}>((b) => {
  const issues: Array<Schema.FilterIssue> = []
  const seen = new Set<string>()
  let total = 0
  b.lines.forEach((line, i) => {
    if (seen.has(line.id)) issues.push({ path: ["lines", i, "id"], issue: Validation.invalid({ sv: `Rad-id ${line.id} förekommer två gånger`, en: `Duplicate line id ${line.id}` }, "unique-id") })
    seen.add(line.id)
    if (line.amount.currency !== b.currency) {
      issues.push({
        path: ["lines", i, "amount", "currency"],
        issue: Validation.invalid({ sv: `Förväntade budgetens valuta ${b.currency}, fann ${line.amount.currency} (räkna om beloppet först)`, en: `Expected the budget's currency ${b.currency}, found ${line.amount.currency} (convert it first)` }, "same-currency")
      })
    }
    if (b.scope === "preparation" && line.phase !== "preparation") {
      issues.push({ path: ["lines", i, "phase"], issue: Validation.invalid({ sv: "En budget för förberedelseåret har bara rader för förberedelseåret", en: "A preparation budget has preparation lines only" }, "preparation-lines-only") })
    }
    total += line.amount.minor
  })
  if (total > Number.MAX_SAFE_INTEGER) issues.push({ path: ["lines"], issue: Validation.invalid({ sv: "Raderna blir tillsammans mer än 2^53 minsta enheter", en: "The lines add up to more than 2^53 minor units" }, "at-most-2^53") })
  return issues
})

/**
 * A budget of one partnership, in one currency (the rule set's). Line ids are unique; a
 * preparation budget has preparation lines only.
 *
 * @category schemas
 * @since 0.1.0
 */
export class Budget extends Schema.Class<Budget>("@localrights/core/Budget")(
  Schema.Struct({
    id: BudgetId,
    partnership: PartnershipId,
    scope: Scope,
    currency: Money.CurrencyCode,
    lines: Schema.Array(Line),
    note: Schema.optionalKey(LocalizedText),
    version: Version
  }).check(budgetChecks)
) {}

/**
 * A budget from plain values, at version 0 (not yet stored). Fails with a
 * {@link Validation.ValidationError} naming the line and field (`lines[2].amount.minor`,
 * `lines[1].category`).
 *
 * @example
 * ```ts
 * import { Budget, Money } from "@localrights/core"
 * const budget = Budget.make({
 *   id: "lund-francistown-preparation",
 *   partnership: "lund-francistown",
 *   scope: "preparation",
 *   currency: "SEK",
 *   lines: [
 *     { id: "exchange-travel", phase: "preparation", year: 1, category: "travel", purpose: "exchange-trip", side: "swedish", amount: Money.sek(110_000) }
 *   ]
 * })
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const make = Construct.make(Budget, "Budget")

/**
 * Decodes untrusted input into a {@link Budget}, with the defaults of {@link make}.
 *
 * @category constructors
 * @since 0.1.0
 */
export const decode = Construct.decode(make)

/**
 * A rule the budget breaks: which rule, which lines, the amount allowed, the amount requested
 * and the excess, and a message in both languages.
 *
 * **Details**
 *
 * For `OwnContribution`, `allowed` is the minimum own contribution required, `requested` the own
 * contribution budgeted and `excess` the shortfall. For `EligibleCosts`, there is one violation
 * per ineligible line, with `allowed` zero.
 *
 * @category models
 * @since 0.1.0
 */
export interface Violation {
  /** The rule's id within its rule set. */
  readonly rule: string
  /** The rule's kind. */
  readonly kind: FundingRuleSet.RuleKind
  /** The year, for a `YearCap` violation. */
  readonly period?: FundingRuleSet.Period | undefined
  /** The lines involved, by id, sorted. */
  readonly lines: ReadonlyArray<string>
  /** What the rule allows. */
  readonly allowed: Money.Money
  /** What the budget asks for. */
  readonly requested: Money.Money
  /** By how much the budget exceeds the rule. */
  readonly excess: Money.Money
  /** The explanation in Swedish and English. */
  readonly message: LocalizedText
}

/**
 * What a quantitative rule still leaves: `allowed`, `used` and `remaining`.
 *
 * **Details**
 *
 * For a `YearCap` it is the tightest year (`period`); for `OwnContribution`, `allowed` is the
 * minimum own contribution, `used` the own contribution and `remaining` the margin above the
 * minimum. `EligibleCosts` has no headroom.
 *
 * @category models
 * @since 0.1.0
 */
export interface Headroom {
  /** The rule's id within its rule set. */
  readonly rule: string
  /** The rule's kind. */
  readonly kind: FundingRuleSet.RuleKind
  /** The tightest year, for a `YearCap`. */
  readonly period?: FundingRuleSet.Period | undefined
  /** What the rule allows. */
  readonly allowed: Money.Money
  /** What the budget uses. */
  readonly used: Money.Money
  /** What is left. */
  readonly remaining: Money.Money
}

/**
 * The budget keeps every rule; headroom per quantitative rule.
 *
 * @category models
 * @since 0.1.0
 */
export interface Passed {
  /** Discriminant. */
  readonly _tag: "Passed"
  /** Headroom per quantitative rule, in rule order. */
  readonly headroom: ReadonlyArray<Headroom>
}

/**
 * The budget breaks at least one rule: every violation, and the headroom of the quantitative
 * rules it keeps.
 *
 * @category models
 * @since 0.1.0
 */
export interface Failed {
  /** Discriminant. */
  readonly _tag: "Failed"
  /** Every violation, in rule order, then by period or line id. */
  readonly violations: readonly [Violation, ...Array<Violation>]
  /** Headroom of the quantitative rules the budget keeps. */
  readonly headroom: ReadonlyArray<Headroom>
}

/**
 * The outcome of {@link evaluate}.
 *
 * @category models
 * @since 0.1.0
 */
export type Evaluation = Passed | Failed

/**
 * An evaluator compiled from one rule set.
 *
 * @category models
 * @since 0.1.0
 */
export type Evaluator = (budget: Budget) => Result.Result<Evaluation, Money.CurrencyMismatch>

const categories = FundingRuleSet.CostCategory.literals
const categoryIndex: ReadonlyMap<string, number> = new Map(categories.map((c, i) => [c, i]))
const MAX_YEAR = 10
const SHARE_SCALE = 10_000
const yearSlot = (phase: FundingRuleSet.Phase, year: number) => (phase === "preparation" ? 0 : MAX_YEAR + 1) + year

const fmt = (minor: number, currency: Money.CurrencyCode, lang: "sv" | "en") => Money.format({ minor, currency }, lang)
const listLines = (ids: ReadonlyArray<string>) => ids.join(", ")

// floor(a * b / SHARE_SCALE) and a * SHARE_SCALE compared with b * c, exact for any safe integers
const mulDiv = (a: number, bp: number): number =>
  a <= Number.MAX_SAFE_INTEGER / SHARE_SCALE ? Math.floor((a * bp) / SHARE_SCALE) : Number((BigInt(a) * BigInt(bp)) / BigInt(SHARE_SCALE))
const mulDivCeil = (a: number, bp: number): number =>
  a <= Number.MAX_SAFE_INTEGER / SHARE_SCALE
    ? Math.ceil((a * bp) / SHARE_SCALE)
    : Number((BigInt(a) * BigInt(bp) + BigInt(SHARE_SCALE - 1)) / BigInt(SHARE_SCALE))

type Compiled =
  | { readonly rule: FundingRuleSet.Rule & { readonly _tag: "PhaseCap" }; readonly phase: 0 | 1 }
  | { readonly rule: FundingRuleSet.Rule & { readonly _tag: "ProgrammeCap" } }
  | { readonly rule: FundingRuleSet.Rule & { readonly _tag: "YearCap" } }
  | {
    readonly rule: FundingRuleSet.Rule & { readonly _tag: "EligibleCosts" }
    readonly categories: ReadonlyArray<string>
    readonly purposes: ReadonlyArray<string>
    readonly slot: number
  }
  | { readonly rule: FundingRuleSet.Rule & { readonly _tag: "CategoryShare" }; readonly category: number }
  | { readonly rule: FundingRuleSet.Rule & { readonly _tag: "OwnContribution" } }

// a linear scan: eligible lists are short, and comparing short strings beats hashing them
const has = (list: ReadonlyArray<string>, value: string): boolean => {
  for (let i = 0; i < list.length; i++) if (list[i] === value) return true
  return false
}

const sortedIds = (lines: ReadonlyArray<Line>, keep: (line: Line) => boolean): Array<string> => {
  const ids: Array<string> = []
  for (const line of lines) if (keep(line)) ids.push(line.id)
  return ids.sort()
}
const isGrant = (line: Line) => line.funding !== "own"

const capViolation = (
  rule: FundingRuleSet.Rule & { readonly cap: Money.Money },
  requested: number,
  lines: Array<string>,
  what: { readonly sv: string; readonly en: string },
  period?: FundingRuleSet.Period
): Violation => {
  const c = rule.cap.currency
  const excess = requested - rule.cap.minor
  return {
    rule: rule.id,
    kind: rule._tag,
    ...(period ? { period } : {}),
    lines,
    allowed: rule.cap,
    requested: { minor: requested, currency: c },
    excess: { minor: excess, currency: c },
    message: {
      sv: `${what.sv} är ${fmt(requested, c, "sv")}; regeln ${rule.id} tillåter högst ${fmt(rule.cap.minor, c, "sv")}, ${fmt(excess, c, "sv")} för mycket. Rader: ${listLines(lines)}.`,
      en: `${what.en} is ${fmt(requested, c, "en")}; rule ${rule.id} allows at most ${fmt(rule.cap.minor, c, "en")}, ${fmt(excess, c, "en")} too much. Lines: ${listLines(lines)}.`
    }
  }
}

const violation = (
  rule: FundingRuleSet.Rule,
  lines: Array<string>,
  currency: Money.CurrencyCode,
  allowed: number,
  requested: number,
  excess: number,
  message: { readonly sv: string; readonly en: string }
): Violation => ({
  rule: rule.id,
  kind: rule._tag,
  lines,
  allowed: { minor: allowed, currency },
  requested: { minor: requested, currency },
  excess: { minor: excess, currency },
  message
})

const headroom = (
  rule: FundingRuleSet.Rule,
  allowed: Money.Money,
  used: number,
  remaining: number,
  period?: FundingRuleSet.Period
): Headroom => ({
  rule: rule.id,
  kind: rule._tag,
  period,
  allowed,
  used: { minor: used, currency: allowed.currency },
  remaining: { minor: remaining, currency: allowed.currency }
})

const periodText = (period: FundingRuleSet.Period) => ({
  sv: `År ${period.year} av ${FundingRuleSet.Phase.names[period.phase].sv}`,
  en: `Year ${period.year} of ${FundingRuleSet.Phase.names[period.phase].en}`
})

/**
 * Compiles a rule set into an {@link Evaluator}: do it once per rule set and reuse it
 * ({@link evaluate} does so for you).
 *
 * @category constructors
 * @since 0.1.0
 */
export const compile = (set: FundingRuleSet.FundingRuleSet): Evaluator => {
  const currency = set.currency
  let eligibilitySlots = 0
  const compiled: Array<Compiled> = set.rules.map((rule): Compiled => {
    switch (rule._tag) {
      case "PhaseCap":
        return { rule, phase: rule.phase === "preparation" ? 0 : 1 }
      case "EligibleCosts":
        return { rule, categories: [...new Set(rule.categories)], purposes: [...new Set(rule.purposes)], slot: eligibilitySlots++ }
      case "CategoryShare":
        return { rule, category: categoryIndex.get(rule.category)! }
      default:
        return { rule } as Compiled
    }
  })
  const eligibility = compiled.filter((c): c is Extract<Compiled, { slot: number }> => "slot" in c)
  // scratch totals, reset on every call (evaluation is synchronous, so reuse is safe)
  const phaseTotals = new Float64Array(2)
  const yearTotals = new Float64Array(2 * (MAX_YEAR + 1))
  const categoryTotals = new Float64Array(categories.length)
  const ineligible = new Uint32Array(eligibility.length)
  const needsYears = set.rules.some((r) => r._tag === "YearCap")
  const needsCategories = set.rules.some((r) => r._tag === "CategoryShare")
  const nEligibility = eligibility.length

  return (budget) => {
    if (budget.currency !== currency) {
      return Result.fail(Money.currencyMismatch("Budget.evaluate", currency, budget.currency))
    }
    const lines = budget.lines
    phaseTotals[0] = 0
    phaseTotals[1] = 0
    if (needsYears) yearTotals.fill(0)
    if (needsCategories) categoryTotals.fill(0)
    for (let e = 0; e < nEligibility; e++) ineligible[e] = 0
    let grant = 0
    let own = 0
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!
      const minor = line.amount.minor
      if (line.funding === "own") {
        own += minor
        continue
      }
      grant += minor
      phaseTotals[line.phase === "preparation" ? 0 : 1]! += minor
      if (needsYears) yearTotals[yearSlot(line.phase, line.year)]! += minor
      if (needsCategories) categoryTotals[categoryIndex.get(line.category)!]! += minor
      for (let e = 0; e < nEligibility; e++) {
        const el = eligibility[e]!
        if (!has(el.categories, line.category) || !has(el.purposes, line.purpose)) ineligible[e]!++
      }
    }

    const violations: Array<Violation> = []
    const rooms: Array<Headroom> = []
    for (let r = 0; r < compiled.length; r++) {
      const c = compiled[r]!
      const rule = c.rule
      switch (rule._tag) {
        case "PhaseCap": {
          const used = phaseTotals[(c as { phase: 0 | 1 }).phase]!
          if (used <= rule.cap.minor) rooms.push(headroom(rule, rule.cap, used, rule.cap.minor - used))
          else {
            const names = FundingRuleSet.Phase.names[rule.phase]
            violations.push(capViolation(
              rule,
              used,
              sortedIds(lines, (l) => isGrant(l) && l.phase === rule.phase),
              { sv: `Bidraget för ${names.sv}`, en: `The grant for ${names.en}` }
            ))
          }
          break
        }
        case "ProgrammeCap": {
          if (grant <= rule.cap.minor) rooms.push(headroom(rule, rule.cap, grant, rule.cap.minor - grant))
          else {
            violations.push(capViolation(rule, grant, sortedIds(lines, isGrant), {
              sv: "Bidraget för hela programmet",
              en: "The grant for the whole programme"
            }))
          }
          break
        }
        case "YearCap": {
          let tightest: FundingRuleSet.Period | undefined
          let tightestUsed = 0
          let broken = false
          for (const phase of FundingRuleSet.Phase.literals) {
            if (rule.phase !== undefined && rule.phase !== phase) continue
            for (let year = 1; year <= MAX_YEAR; year++) {
              const used = yearTotals[yearSlot(phase, year)]!
              if (used === 0) continue
              if (used > rule.cap.minor) {
                broken = true
                const period = { phase, year }
                violations.push(capViolation(
                  rule,
                  used,
                  sortedIds(lines, (l) => isGrant(l) && l.phase === phase && l.year === year),
                  periodText(period),
                  period
                ))
              } else if (tightest === undefined || used > tightestUsed) {
                tightest = { phase, year }
                tightestUsed = used
              }
            }
          }
          if (!broken) rooms.push(headroom(rule, rule.cap, tightestUsed, rule.cap.minor - tightestUsed, tightest))
          break
        }
        case "EligibleCosts": {
          const el = c as Extract<Compiled, { slot: number }>
          if (ineligible[el.slot] === 0) break
          const bad = lines
            .filter((l) => isGrant(l) && (!has(el.categories, l.category) || !has(el.purposes, l.purpose)))
            .sort(Order.mapInput(Order.String, (l: { readonly id: string }) => l.id))
          const allowedText = FundingRuleSet.describe(rule, set)
          for (const l of bad) {
            const cat = FundingRuleSet.CostCategory.names[l.category]
            const purpose = FundingRuleSet.Purpose.names[l.purpose]
            violations.push({
              rule: rule.id,
              kind: rule._tag,
              lines: [l.id],
              allowed: Money.zero(currency),
              requested: l.amount,
              excess: l.amount,
              message: {
                sv: `Rad ${l.id}: ${cat.sv} för ${purpose.sv} (${fmt(l.amount.minor, currency, "sv")}) är inte stödberättigande enligt regeln ${rule.id} (${allowedText.sv}).`,
                en: `Line ${l.id}: ${cat.en} for ${purpose.en} (${fmt(l.amount.minor, currency, "en")}) is not eligible under rule ${rule.id} (${allowedText.en}).`
              }
            })
          }
          break
        }
        case "CategoryShare": {
          const used = categoryTotals[(c as { category: number }).category]!
          const allowed = mulDiv(grant, rule.maxBasisPoints)
          if (used <= allowed) {
            rooms.push(headroom(rule, { minor: allowed, currency }, used, allowed - used))
          } else {
            const ids = sortedIds(lines, (l) => isGrant(l) && l.category === rule.category)
            const name = FundingRuleSet.CostCategory.names[rule.category]
            const p = (lang: "sv" | "en") => FundingRuleSet.percent(rule.maxBasisPoints, lang)
            violations.push(violation(rule, ids, currency, allowed, used, used - allowed, {
              sv: `Kategorin ${name.sv} är ${fmt(used, currency, "sv")}; regeln ${rule.id} tillåter högst ${p("sv")} av bidraget ${fmt(grant, currency, "sv")}, alltså ${fmt(allowed, currency, "sv")}: ${fmt(used - allowed, currency, "sv")} för mycket. Rader: ${listLines(ids)}.`,
              en: `Category ${name.en} is ${fmt(used, currency, "en")}; rule ${rule.id} allows at most ${p("en")} of the grant ${fmt(grant, currency, "en")}, that is ${fmt(allowed, currency, "en")}: ${fmt(used - allowed, currency, "en")} too much. Lines: ${listLines(ids)}.`
            }))
          }
          break
        }
        case "OwnContribution": {
          const total = grant + own
          const required = mulDivCeil(total, rule.minBasisPoints)
          if (own >= required) {
            rooms.push(headroom(rule, { minor: required, currency }, own, own - required))
          } else {
            const ids = sortedIds(lines, (l) => l.funding === "own")
            const p = (lang: "sv" | "en") => FundingRuleSet.percent(rule.minBasisPoints, lang)
            violations.push(violation(rule, ids, currency, required, own, required - own, {
              sv: `Den egna insatsen är ${fmt(own, currency, "sv")}; regeln ${rule.id} kräver minst ${p("sv")} av den totala kostnaden ${fmt(total, currency, "sv")}, alltså ${fmt(required, currency, "sv")}: ${fmt(required - own, currency, "sv")} saknas. Rader: ${listLines(ids) || "inga"}.`,
              en: `The own contribution is ${fmt(own, currency, "en")}; rule ${rule.id} requires at least ${p("en")} of the total cost ${fmt(total, currency, "en")}, that is ${fmt(required, currency, "en")}: ${fmt(required - own, currency, "en")} short. Lines: ${listLines(ids) || "none"}.`
            }))
          }
          break
        }
      }
    }
    return Result.succeed(
      violations.length === 0
        ? { _tag: "Passed", headroom: rooms }
        : { _tag: "Failed", violations: violations as [Violation, ...Array<Violation>], headroom: rooms }
    )
  }
}

const cache = new WeakMap<FundingRuleSet.FundingRuleSet, Evaluator>()

/**
 * Evaluates a budget against a rule set: every violation at once, or a pass with the
 * headroom per rule. Fails only when the budget's currency differs from the rule set's.
 * Deterministic and independent of line order.
 *
 * @example
 * ```ts
 * import { Budget, FundingRuleSet } from "@localrights/core"
 * declare const budget: Budget.Budget
 * const result = Budget.evaluate(FundingRuleSet.icldMr2020, budget)
 * ```
 *
 * @category rules
 * @since 0.1.0
 */
export const evaluate = (
  set: FundingRuleSet.FundingRuleSet,
  budget: Budget
): Result.Result<Evaluation, Money.CurrencyMismatch> => {
  let evaluator = cache.get(set)
  if (evaluator === undefined) {
    evaluator = compile(set)
    cache.set(set, evaluator)
  }
  return evaluator(budget)
}

/**
 * The grant-funded total of a budget.
 *
 * @category rules
 * @since 0.1.0
 */
export const grantTotal = (budget: Budget): Money.Money => {
  let minor = 0
  for (const line of budget.lines) if (line.funding !== "own") minor += line.amount.minor
  return { minor, currency: budget.currency }
}

/**
 * A summary of an evaluation for people: pass with headroom, or every violation.
 *
 * @category rendering
 * @since 0.1.0
 */
export const explain = (evaluation: Evaluation): LocalizedText & { sv: string; en: string } => {
  if (evaluation._tag === "Failed") {
    const n = evaluation.violations.length
    return {
      sv: `Budgeten bryter mot finansieringsreglerna (${n} ${n === 1 ? "avvikelse" : "avvikelser"}): ${evaluation.violations.map((v) => v.message.sv).join(" ")}`,
      en: `The budget breaks the funding rules (${n} ${n === 1 ? "violation" : "violations"}): ${evaluation.violations.map((v) => v.message.en).join(" ")}`
    }
  }
  const rooms = (lang: "sv" | "en") =>
    evaluation.headroom.map((h) =>
      lang === "sv"
        ? `${h.rule}: ${Money.format(h.remaining, "sv")} kvar av ${Money.format(h.allowed, "sv")}`
        : `${h.rule}: ${Money.format(h.remaining, "en")} left of ${Money.format(h.allowed, "en")}`
    ).join("; ")
  return {
    sv: `Budgeten följer finansieringsreglerna. Utrymme kvar: ${rooms("sv") || "–"}.`,
    en: `The budget keeps the funding rules. Headroom: ${rooms("en") || "–"}.`
  }
}

/**
 * The store of budgets, with versions and change log: `Store.layer` derives it from the
 * document store (`Stores.layer` includes it); an adapter may provide it directly.
 *
 * @category services
 * @since 0.2.0
 */
export class Store extends EntityStore.Service<Store>()("budget", Budget) {}
