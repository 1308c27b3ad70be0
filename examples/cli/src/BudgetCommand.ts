/**
 * `localrights budget check <file>`: a budget from a JSON file evaluated against funding rules
 * (`Budget.evaluate`): every violation explained (the rule, the lines, what is allowed, what is
 * asked and the excess), or the headroom left per rule. The rules: `--rules` (a built-in rule
 * set's id, such as `icld-mr-2020`, or a JSON file of a rule set), else the rules of the
 * budget's programme in the database (`Budgets.rulesOf`). Exit 1 when the budget breaks a rule
 * or is not a valid budget.
 */
import { Budget, Budgets, FundingRuleSet, Money, Partnership, Validation } from "@localrights/core"
import { Effect, Option, Result } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { existsSync, readFileSync } from "node:fs"
import * as Cli from "./Cli.ts"

const decodeRules = Validation.decoderExit(FundingRuleSet.FundingRuleSet, "FundingRuleSet")

const readJson = (file: string) =>
  Effect.try({
    try: () => JSON.parse(readFileSync(file, "utf8")) as unknown,
    catch: (e) => Cli.fail(1, { sv: `${file} är inte giltig JSON: ${(e as Error).message}`, en: `${file} is not valid JSON: ${(e as Error).message}` })
  })

const rulesFrom = (ctx: Cli.Context, given: Option.Option<string>, budget: Budget.Budget) =>
  Effect.gen(function*() {
    if (Option.isSome(given)) {
      const builtIn = FundingRuleSet.findBuiltIn(given.value)
      if (Option.isSome(builtIn)) return builtIn.value
      if (!existsSync(given.value)) {
        return yield* Cli.fail(1, {
          sv: `--rules ${given.value} är varken en inbyggd regeluppsättning (${FundingRuleSet.builtIns.map((s) => s.id).join(", ")}) eller en fil.`,
          en: `--rules ${given.value} is neither a built-in rule set (${FundingRuleSet.builtIns.map((s) => s.id).join(", ")}) nor a file.`
        })
      }
      const json = yield* readJson(given.value)
      return yield* decodeRules({ version: 0, ...(json as object) })
    }
    return yield* Effect.gen(function*() {
      const partnership = yield* (yield* Partnership.Store).get(budget.partnership)
      return yield* Budgets.rulesOf(partnership.programme)
    }).pipe(Cli.withStore(ctx))
  })

const money = (m: Money.Money, lang: Cli.Lang) => Money.format(m, lang)

export const check = Command.make(
  "check",
  {
    file: Argument.File("file", { mustExist: true }).pipe(Argument.withDescription("A JSON file of one budget (id, partnership, scope, currency, lines)")),
    rules: Flag.String("rules").pipe(
      Flag.withDescription("A built-in rule set's id (icld-mr-2020) or a JSON file of a rule set; default: the rules of the budget's programme in the database"),
      Flag.optional
    ),
    json: Cli.jsonFlag
  },
  Effect.fn(function*({ file, json, rules }) {
    const ctx = yield* Cli.context
    const input = yield* readJson(file)
    const budget = yield* Budget.decode(input)
    const set = yield* rulesFrom(ctx, rules, budget)
    const evaluated = Budget.evaluate(set, budget)
    if (Result.isFailure(evaluated)) {
      return yield* Cli.fail(1, {
        sv: `Budgeten är i ${budget.currency}, reglerna ${set.id} i ${set.currency}: räkna om budgeten först.`,
        en: `The budget is in ${budget.currency}, the rules ${set.id} in ${set.currency}: convert the budget first.`
      })
    }
    const evaluation = evaluated.success
    if (evaluation._tag === "Failed") process.exitCode = 1
    if (json) return yield* Cli.printJson({ budget: budget.id, rules: { id: set.id, revision: set.revision }, ...evaluation })
    yield* ctx.out(ctx.paint.strong(ctx.t({
      sv: `Budget ${budget.id} (${budget.lines.length} rader, bidrag ${money(Budget.grantTotal(budget), "sv")}) mot ${Option.getOrElse(Option.fromUndefinedOr(set.name.sv), () => set.id)} (revision ${set.revision})`,
      en: `Budget ${budget.id} (${budget.lines.length} lines, grant ${money(Budget.grantTotal(budget), "en")}) against ${Option.getOrElse(Option.fromUndefinedOr(set.name.en), () => set.id)} (revision ${set.revision})`
    })))
    if (evaluation._tag === "Failed") {
      const n = evaluation.violations.length
      yield* ctx.out(ctx.paint.bad(ctx.t({
        sv: `Budgeten bryter mot finansieringsreglerna: ${n} ${n === 1 ? "avvikelse" : "avvikelser"}.`,
        en: `The budget breaks the funding rules: ${n} ${n === 1 ? "violation" : "violations"}.`
      })))
      for (const v of evaluation.violations) {
        yield* ctx.out(`  ${ctx.paint.bad("✗")} ${v.rule}: ${ctx.t(v.message as Cli.Text)}`)
        yield* ctx.out(ctx.paint.faint(`      ${ctx.t({
          sv: `rader ${v.lines.join(", ") || "–"}; tillåtet ${money(v.allowed, "sv")}, begärt ${money(v.requested, "sv")}, överskott ${money(v.excess, "sv")}`,
          en: `lines ${v.lines.join(", ") || "–"}; allowed ${money(v.allowed, "en")}, requested ${money(v.requested, "en")}, excess ${money(v.excess, "en")}`
        })}`))
      }
    } else {
      yield* ctx.out(ctx.paint.ok(ctx.t({ sv: "Budgeten följer finansieringsreglerna.", en: "The budget keeps the funding rules." })))
    }
    for (const h of evaluation.headroom) {
      const rule = set.rules.find((r) => r.id === h.rule)
      yield* ctx.out(`  ${ctx.paint.ok("✓")} ${h.rule}${rule === undefined ? "" : ` (${ctx.t(FundingRuleSet.describe(rule, set) as Cli.Text)})`}: ${ctx.t({
        sv: `${money(h.remaining, "sv")} kvar av ${money(h.allowed, "sv")}`,
        en: `${money(h.remaining, "en")} left of ${money(h.allowed, "en")}`
      })}`)
    }
  })
).pipe(
  Command.withDescription("Check a budget file against funding rules: every violation explained, or the headroom per rule; exit 1 when a rule is broken"),
  Command.withExamples([
    { command: "localrights budget check budget.json --rules icld-mr-2020", description: "Check against the built-in ICLD MR 2020 rules" },
    { command: "localrights budget check budget.json", description: "Check against the rules of the budget's programme in the database" }
  ])
)

export const command = Command.make("budget").pipe(
  Command.withDescription("Budgets: check one against the funding rules"),
  Command.withSubcommands([check]),
  Command.withExamples([{ command: "localrights budget check budget.json --rules icld-mr-2020", description: "Check a budget" }])
)
