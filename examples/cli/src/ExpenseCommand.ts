/**
 * `localrights expense add`: records one actual cost in a partnership's ledger with
 * `Expenses.record`: the amount in its own currency, converted to SEK on the value date with
 * the rates of `--rates`, appended under the version read. The ledger is created first when
 * it does not exist and `--partnership` names whose it is. Prints the cost and the SEK amount;
 * `budget against actual` follows in `report`.
 */
import { ChangeLog, Expenses, FundingRuleSet, Money, Partnership } from "@localrights/core"
import { Effect, Option } from "effect"
import { Command, Flag } from "effect/cli"
import * as Cli from "./Cli.ts"
import { ratesLayer } from "./ImportCommand.ts"

const lit = <T extends string>(name: string, values: ReadonlyArray<T>, description: string) =>
  Flag.Literals(name, values).pipe(Flag.withDescription(`${description}: ${values.join(", ")}`))

export const add = Command.make(
  "add",
  {
    ledger: Flag.String("ledger").pipe(Flag.withDescription("The ledger's id (a partnership has one, such as lund-francistown-ledger)")),
    partnership: Flag.String("partnership").pipe(Flag.withDescription("Creates the ledger for this partnership when it does not exist yet"), Flag.optional),
    budget: Flag.String("budget").pipe(Flag.withDescription("With --partnership: the budget the new ledger follows"), Flag.optional),
    id: Flag.String("id").pipe(Flag.withDescription("The expense's id, unique in the ledger (hotel-2021-03)")),
    date: Flag.String("date").pipe(Flag.withDescription("The date of the cost (2021-03-15)")),
    valueDate: Flag.String("value-date").pipe(Flag.withDescription("The date the amount is converted on (default: the date)"), Flag.optional),
    phase: lit("phase", FundingRuleSet.Phase.literals, "The phase"),
    year: Flag.Int("year").pipe(Flag.withDescription("The year within the phase, from 1")),
    category: lit("category", FundingRuleSet.CostCategory.literals, "What the money buys"),
    purpose: lit("purpose", FundingRuleSet.Purpose.literals, "What it is for"),
    side: lit("side", FundingRuleSet.Side.literals, "Who spends it"),
    own: Flag.Boolean("own").pipe(Flag.withDescription("Paid from the partners' own contribution, not the grant"), Flag.withDefault(false)),
    amount: Flag.String("amount").pipe(Flag.withDescription("The amount in major units (4500.50)")),
    currency: Flag.String("currency").pipe(Flag.withDescription("The amount's currency (SEK, BWP, ZAR, ...)"), Flag.withDefault("SEK")),
    description: Flag.String("description").pipe(Flag.withDescription("What the cost was (in the chosen --lang)"), Flag.optional),
    rates: Flag.File("rates", { mustExist: true }).pipe(Flag.withDescription("A JSON table of exchange rates ([{ from, to, date, rate }]) for an amount not in SEK"), Flag.optional),
    expectedVersion: Flag.Int("expected-version").pipe(Flag.withDescription("The ledger's version you read (default: the stored one)"), Flag.optional),
    reason: Flag.String("reason").pipe(Flag.withDescription("Why: goes into the change log"), Flag.withDefault("expense recorded")),
    actor: Cli.actorFlag,
    json: Cli.jsonFlag
  },
  Effect.fn(function*(f) {
    const ctx = yield* Cli.context
    const major = Number(f.amount.replace(",", "."))
    if (!/^\d+([.,]\d+)?$/.test(f.amount.trim()) || !Number.isFinite(major)) {
      return yield* Cli.fail(1, { sv: `--amount ${f.amount} är inget belopp (4500.50).`, en: `--amount ${f.amount} is not an amount (4500.50).` })
    }
    const amount = yield* Money.of(major, f.currency)
    const entryExit = Expenses.makeEntry({
      id: f.id,
      date: f.date,
      phase: f.phase,
      year: f.year,
      category: f.category,
      purpose: f.purpose,
      side: f.side,
      ...(f.own ? { funding: "own" as const } : {}),
      amount,
      ...(Option.isSome(f.valueDate) ? { valueDate: f.valueDate.value } : {}),
      ...(Option.isSome(f.description) ? { description: { [ctx.lang]: f.description.value } } : {})
    })
    const entry = yield* entryExit
    const who = Cli.actorOf(f.actor)
    const recorded = yield* Effect.gen(function*() {
      const ledgers = yield* Expenses.Store
      let ledger = Option.getOrUndefined(yield* ledgers.find(f.ledger))
      if (ledger === undefined) {
        if (Option.isNone(f.partnership)) {
          return yield* Cli.fail(1, {
            sv: `Liggaren ${f.ledger} finns inte; ange --partnership för att skapa den.`,
            en: `Ledger ${f.ledger} does not exist; give --partnership to create it.`
          })
        }
        yield* (yield* Partnership.Store).get(f.partnership.value)
        const made = Expenses.makeLedger({
          id: f.ledger,
          partnership: f.partnership.value,
          ...(Option.isSome(f.budget) ? { budget: f.budget.value } : {})
        })
        ledger = yield* ledgers.create(yield* made, ChangeLog.change(who, `ledger opened: ${f.reason}`))
      }
      return yield* Expenses.record(f.ledger, entry, ChangeLog.change(who, f.reason, Option.getOrElse(f.expectedVersion, () => ledger.version)))
    }).pipe(Effect.provide(ratesLayer(f.rates)), Cli.withStore(ctx))
    const e = recorded.expense
    if (f.json) return yield* Cli.printJson({ expense: e, ledger: { id: recorded.ledger.id, version: recorded.ledger.version } })
    const converted = e.original.currency === e.sek.currency
      ? ""
      : ctx.t({ sv: ` = ${Money.format(e.sek, "sv")} (kurs ${e.rate.rate} den ${e.rate.rateDate})`, en: ` = ${Money.format(e.sek, "en")} (rate ${e.rate.rate} on ${e.rate.rateDate})` })
    yield* ctx.out(ctx.paint.ok(ctx.t({
      sv: `Utgiften ${e.id} är bokförd i ${recorded.ledger.id}: ${Money.format(e.original, "sv")}${converted} (liggaren version ${recorded.ledger.version}).`,
      en: `Expense ${e.id} is recorded in ${recorded.ledger.id}: ${Money.format(e.original, "en")}${converted} (ledger version ${recorded.ledger.version}).`
    })))
  })
).pipe(
  Command.withDescription("Record an actual cost in a partnership's ledger, converted to SEK on its value date"),
  Command.withExamples([
    {
      command:
        "localrights expense add --ledger lund-mr-2020-ledger --partnership lund-mr-2020 --id hotel-1 --date 2021-03-15 --phase preparation --year 1 --category accommodation --purpose exchange-trip --side international --amount 4500 --currency BWP --rates rates.json",
      description: "A hotel invoice in pula"
    }
  ])
)

export const command = Command.make("expense").pipe(
  Command.withDescription("Expenses: record actual costs"),
  Command.withSubcommands([add]),
  Command.withExamples([{ command: "localrights expense add --ledger L --id hotel-1 --date 2021-03-15 ... --amount 4500 --currency BWP --rates rates.json", description: "Record a cost" }])
)
