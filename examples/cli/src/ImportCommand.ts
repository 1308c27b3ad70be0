/**
 * `localrights import <file> [--kind partnerships|organisations|programmes|networks|budgets|expenses]`:
 * imports records from JSON Lines, a JSON array or CSV into the database, with a progress bar
 * on a terminal (plain progress lines otherwise), every bad record reported with its line, and
 * a summary. Exit code 0 when every record was imported (or was there already), 1 when some
 * were rejected or the import stopped (`--on-invalid abort`); what was written before stays,
 * and running the same command again completes the import.
 *
 * Partnerships go through `Import.partnerships` (batches of one transaction each), streamed
 * from the file; the command runs in a worker thread with a bounded heap (`main.ts`), so a
 * million records stay within 256 MB resident at default Node settings (benchmark P8). The
 * other kinds go record by record through the entity stores (`import/Entities.ts`).
 */
import { ChangeLog, ExchangeRates } from "@localrights/core"
import { Effect, Fiber, Layer, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs"
import * as Cli from "./Cli.ts"
import * as Entities from "./import/Entities.ts"
import * as Partnerships from "./import/Partnerships.ts"
import * as Records from "./import/Records.ts"

const kinds = ["partnerships", "organisations", "programmes", "networks", "budgets", "expenses"] as const
type Kind = typeof kinds[number]

const kindNames: Record<Kind, Cli.Text> = {
  partnerships: { sv: "partnerskap", en: "partnerships" },
  organisations: { sv: "organisationer", en: "organisations" },
  programmes: { sv: "program", en: "programmes" },
  networks: { sv: "nätverk", en: "networks" },
  budgets: { sv: "budgetar", en: "budgets" },
  expenses: { sv: "utgifter", en: "expenses" }
}

interface Counts {
  readonly read: number
  readonly created: number
  readonly updated: number
  readonly unchanged: number
  readonly rejected: number
}

// ---------------------------------------------------------------------------------------------
// Progress: a bar on a terminal, plain lines otherwise

const group = (n: number, lang: Cli.Lang) => n.toLocaleString(lang === "sv" ? "sv-SE" : "en-GB").replace(/\u00a0/g, " ")

const progressPrinter = (ctx: Cli.Context, total: number) => {
  const tty = process.stderr.isTTY === true
  const colour = Cli.colourFor(process.stderr)
  const started = Date.now()
  let shownAt = 0
  let shownStep = -1
  let drawn = false
  const words = (c: Counts) =>
    ctx.t({
      sv: `${group(c.read, "sv")} lästa, ${group(c.created, "sv")} nya, ${group(c.updated, "sv")} uppdaterade, ${group(c.rejected, "sv")} avvisade`,
      en: `${group(c.read, "en")} read, ${group(c.created, "en")} new, ${group(c.updated, "en")} updated, ${group(c.rejected, "en")} rejected`
    })
  return {
    update: (c: Counts, bytes: number | undefined) => {
      const now = Date.now()
      const fraction = total > 0 && bytes !== undefined ? Math.min(1, bytes / total) : undefined
      const rate = Math.round(c.read / Math.max(0.001, (now - started) / 1000))
      if (tty) {
        if (now - shownAt < 100) return
        shownAt = now
        const width = 24
        const filled = fraction === undefined ? 0 : Math.round(fraction * width)
        const bar = fraction === undefined ? "" : `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% `
        const line = `${colour ? `\u001b[36m${bar}\u001b[0m` : bar}${words(c)} (${group(rate, ctx.lang)}/s)`
        process.stderr.write(`\r\u001b[2K${line}`)
        drawn = true
        return
      }
      // a line at every tenth of the file, or every five seconds, once the import has taken a
      // second (a small import prints none), or from the start with --verbose
      if (!ctx.verbose && now - started < 1000) return
      const step = fraction === undefined ? -1 : Math.floor(fraction * 10)
      if (step === shownStep && now - shownAt < 5000) return
      shownStep = step
      shownAt = now
      process.stderr.write(`${fraction === undefined ? "" : `${Math.round(fraction * 100)}% `}${words(c)}\n`)
    },
    done: () => {
      if (drawn) process.stderr.write("\r\u001b[2K")
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The outcome

interface Outcome {
  readonly counts: Counts
  readonly problems: ReadonlyArray<{ readonly line: number; readonly id?: string | undefined; readonly reason: Cli.Text }>
  readonly aborted?: { readonly line: number; readonly reason: Cli.Text } | undefined
}

const summary = (ctx: Cli.Context, kind: Kind, outcome: Outcome, seconds: string) =>
  Effect.gen(function*() {
    const c = outcome.counts
    if (outcome.aborted !== undefined) {
      const a = outcome.aborted
      yield* ctx.out(ctx.paint.bad(ctx.t({
        sv: `Importen avbröts på rad ${a.line}: ${a.reason.sv}. ${c.created} nya och ${c.updated} uppdaterade ${kindNames[kind].sv} före den är sparade.`,
        en: `Import aborted at line ${a.line}: ${a.reason.en}. ${c.created} new and ${c.updated} updated ${kindNames[kind].en} before it are stored.`
      })))
      return
    }
    const line = ctx.t({
      sv: `${c.read} poster lästa på ${seconds} s: ${c.created} nya, ${c.updated} uppdaterade, ${c.unchanged} oförändrade, ${c.rejected} avvisade.`,
      en: `${c.read} records read in ${seconds} s: ${c.created} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.rejected} rejected.`
    })
    yield* ctx.out(c.rejected > 0 ? ctx.paint.warn(line) : ctx.paint.ok(line))
    for (const p of outcome.problems) {
      yield* ctx.out(`${ctx.t({ sv: "rad", en: "line" })} ${p.line}${p.id === undefined ? "" : ` (${p.id})`}: ${ctx.t(p.reason).replaceAll("\n", " ")}`)
    }
    if (outcome.problems.length < c.rejected) {
      yield* ctx.out(ctx.t({ sv: `… och ${c.rejected - outcome.problems.length} till`, en: `… and ${c.rejected - outcome.problems.length} more` }))
    }
  })

// ---------------------------------------------------------------------------------------------
// Partnerships, through Import.partnerships

const partnerships = (job: Partnerships.Job, onProgress: (p: Partnerships.Progress) => void) =>
  Effect.callback<Outcome, Cli.Failed>((resume) => {
    const fiber = Effect.runFork(Partnerships.run(job, (m) => {
      switch (m._tag) {
        case "Progress":
          return onProgress(m.progress)
        case "Done":
          return resume(Effect.succeed({
            counts: m.report.counts,
            problems: m.report.problems.map((p) => ({ line: p.line, id: p.id, reason: { sv: p.reasonSv, en: p.reason } }))
          }))
        case "Aborted":
          return resume(Effect.succeed({ counts: m.counts, problems: [], aborted: { line: m.line, reason: m.reason } }))
        case "Failed":
          return resume(Effect.fail(Cli.fail(m.failed.code, m.failed, m.failed.detail)))
      }
    }))
    // interrupted (Ctrl-C): the batches committed stay
    return Fiber.interrupt(fiber)
  })

// ---------------------------------------------------------------------------------------------
// The command

const firstChar = (file: string): string | undefined => {
  const fd = openSync(file, "r")
  try {
    const buffer = Buffer.alloc(4096)
    const n = readSync(fd, buffer, 0, buffer.length, 0)
    return buffer.subarray(0, n).toString("utf8").trimStart()[0]
  } finally {
    closeSync(fd)
  }
}

/** The exchange rates of `--rates` (a JSON table), or none (SEK needs none). */
export const ratesLayer = (file: Option.Option<string>) =>
  Layer.unwrap(Effect.try({
    try: () => ExchangeRates.layerTable(Option.isNone(file) ? [] : JSON.parse(readFileSync(file.value, "utf8"))),
    catch: (e) => Cli.fail(1, { sv: `Kurstabellen kan inte läsas: ${(e as Error).message}`, en: `The rate table cannot be read: ${(e as Error).message}` })
  }))

export const command = Command.make(
  "import",
  {
    file: Argument.File("file", { mustExist: true }).pipe(Argument.withDescription("A JSON Lines, JSON array or CSV file of records")),
    kind: Flag.Literals("kind", kinds).pipe(Flag.withDescription("What the file holds"), Flag.withDefault("partnerships" as Kind)),
    format: Flag.Literals("format", ["auto", "jsonl", "json", "csv"]).pipe(
      Flag.withDescription("The file's format: auto (by extension, else a JSON array when it starts with [)"),
      Flag.withDefault("auto")
    ),
    batchSize: Flag.Int("batch-size").pipe(Flag.withDescription("Partnerships per transaction (at most 10 000)"), Flag.withDefault(1000)),
    onInvalid: Flag.Literals("on-invalid", ["skip", "abort"]).pipe(
      Flag.withDescription("Skip bad records and report them, or stop at the first"),
      Flag.withDefault("skip")
    ),
    rates: Flag.File("rates", { mustExist: true }).pipe(
      Flag.withDescription("Expenses: a JSON table of exchange rates ([{ from, to, date, rate }]) for amounts not in SEK"),
      Flag.optional
    ),
    actor: Cli.actorFlag,
    reason: Flag.String("reason").pipe(Flag.withDescription("Why: goes into every change record (default: import of <file>)"), Flag.optional),
    json: Flag.Boolean("json").pipe(
      Flag.withDescription("Print the summary as JSON (counts, problems, seconds, the process's peak resident memory)"),
      Flag.withDefault(false)
    )
  },
  Effect.fn(function*({ actor, batchSize, file, format, json, kind, onInvalid, rates, reason }) {
    const ctx = yield* Cli.context
    const target = Cli.targetOf(ctx.db)
    const fmt: Records.Format = format === "auto" ? Records.formatOf(file, firstChar(file)) : format
    const who = Cli.actorOf(actor)
    const why = Option.getOrElse(reason, () => `import of ${file}`)
    const size = statSync(file).size
    const progress = progressPrinter(ctx, size)
    const started = Date.now()
    let outcome: Outcome
    if (kind === "partnerships") {
      outcome = yield* partnerships(
        { file, format: fmt, target, batchSize, onInvalid, actor: who, reason: why },
        (p) => progress.update(p, p.bytes)
      )
    } else {
      const text = readFileSync(file, "utf8")
      const read = Records.readAll(text, fmt)
      const records = kind === "budgets" && fmt === "csv" ? Records.groupBudgetRows(read) : read
      const result = yield* Entities.run(kind, records, {
        change: ChangeLog.change(who, why),
        abort: onInvalid === "abort",
        onProgress: (c) => progress.update(c, Math.round((c.read / Math.max(1, records.length)) * size))
      }).pipe(Effect.provide(ratesLayer(rates)), Cli.withStore(ctx, { create: true }))
      outcome = result.aborted === undefined ? result : { counts: result.counts, problems: [], aborted: result.aborted }
    }
    progress.done()
    const seconds = (Date.now() - started) / 1000
    if (json) {
      yield* Cli.printJson({
        kind,
        ...outcome.counts,
        problems: outcome.problems.map((p) => ({ line: p.line, ...(p.id === undefined ? {} : { id: p.id }), reason: ctx.t(p.reason) })),
        ...(outcome.aborted === undefined ? {} : { aborted: { line: outcome.aborted.line, reason: ctx.t(outcome.aborted.reason) } }),
        seconds,
        // the whole process, worker thread included
        maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024)
      })
    } else yield* summary(ctx, kind, outcome, seconds.toFixed(1))
    if (outcome.aborted !== undefined || outcome.counts.rejected > 0) process.exitCode = 1
  })
).pipe(
  Command.withDescription(
    "Import organisations, programmes, networks, partnerships, budgets or expenses from JSON Lines, a JSON array or CSV; bad records are reported by line and the rest imported"
  ),
  Command.withExamples([
    { command: "localrights import partnerships.jsonl", description: "Import partnerships into .localrights/data.db" },
    { command: "localrights import organisations.csv --kind organisations", description: "Import organisations from CSV" },
    { command: "localrights import expenses.json --kind expenses --rates rates.json", description: "Record expenses, converting to SEK" }
  ])
)
