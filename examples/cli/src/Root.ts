/**
 * The `localrights` command: every subcommand over the packages' public API, with the global
 * flags `--db`, `--lang` and `--verbose` (see `Cli.ts`) and the exit codes 0 ok, 1 refused or
 * invalid input, 2 usage, 3 store unavailable. `docs/cli.md` describes every command;
 * `main.ts` starts it.
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as NodeServices from "@effect/platform-node/NodeServices"
import { SqliteStore } from "@localrights/store-sqlite"
import { Console, Effect, Layer } from "effect"
import { CliOutput, Command } from "effect/cli"
import * as AssessCommand from "./AssessCommand.ts"
import * as BudgetCommand from "./BudgetCommand.ts"
import * as Cli from "./Cli.ts"
import * as ExpenseCommand from "./ExpenseCommand.ts"
import * as ImportCommand from "./ImportCommand.ts"
import * as InitCommand from "./InitCommand.ts"
import * as ListCommand from "./ListCommand.ts"
import * as LogCommand from "./LogCommand.ts"
import * as PersonCommand from "./PersonCommand.ts"
import * as RenderCommand from "./RenderCommand.ts"
import * as ReportCommand from "./ReportCommand.ts"
import * as TransitionCommand from "./TransitionCommand.ts"

// the demo (and the renderers it loads) only when asked for
const demo = Command.make("demo", {}, () =>
  Effect.promise(() => import("./demo/Demo.ts")).pipe(
    Effect.flatMap((Demo) => Demo.run),
    Effect.provide(SqliteStore.layerMemory)
  )).pipe(
  Command.withDescription("Load the ICLD 2020 example into an in-memory database and walk it through the library (Swedish and English)"),
  Command.withExamples([{ command: "localrights demo", description: "Run the demo" }])
)

export const root = Command.make("localrights").pipe(
  Command.withDescription("Municipal human-rights partnership programmes: the database, imports, lifecycle, assessment, funding, publishing and the audit log"),
  Command.withSubcommands([
    InitCommand.command,
    ImportCommand.command,
    ListCommand.list,
    ListCommand.show,
    TransitionCommand.command,
    AssessCommand.command,
    BudgetCommand.command,
    ExpenseCommand.command,
    ReportCommand.command,
    RenderCommand.command,
    PersonCommand.command,
    LogCommand.command,
    demo
  ]),
  Command.withGlobalFlags(Cli.globalFlags),
  Command.withExamples([
    { command: "localrights init --example", description: "Create .localrights/data.db with the ICLD 2020 example" },
    { command: "localrights list --status admitted", description: "List the admitted partnerships" }
  ])
)

// The language and verbosity for failures outside a handler (usage errors): read from the
// arguments as the global flags would be.
const argv = process.argv.slice(2)
const langArg = (() => {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === "--lang" && (argv[i + 1] === "sv" || argv[i + 1] === "en")) return argv[i + 1] as Cli.Lang
    if (a === "--lang=sv" || a === "--lang=en") return a.slice(7) as Cli.Lang
  }
  return Cli.langFromEnv()
})()
const verboseArg = argv.includes("--verbose")

const isCliError = (e: unknown): boolean => typeof (e as { [k: symbol]: unknown })?.[Symbol.for("~effect/cli/CliError")] !== "undefined" ||
  ["ShowHelp", "UnrecognizedOption", "DuplicateOption", "MissingOption", "MissingArgument", "UnexpectedArgument", "InvalidValue", "UnknownSubcommand", "ValidationError", "UserError"]
    .includes((e as { _tag?: string })?._tag ?? "") && (e as { violations?: unknown }).violations === undefined

const exitWith = (error: unknown) =>
  Effect.gen(function*() {
    if (isCliError(error)) {
      // the help (and the parse errors) are printed already: a usage error
      process.exitCode = 2
      return
    }
    const failed = Cli.classify(error)
    yield* Cli.report(failed, langArg, verboseArg)
    process.exitCode = failed.code
  })

// help asked for and the version on stdout; a usage error (its help and what was wrong) on stderr
const presenter = CliOutput.layerPresenter({
  present: (event) =>
    event._tag === "InvalidInvocation"
      ? Effect.gen(function*() {
        const formatter = yield* CliOutput.Formatter
        yield* Console.error(formatter.formatHelpDoc(event.helpDoc))
        yield* Console.error(formatter.formatErrors(event.errors))
      })
      : CliOutput.defaultPresenter.present(event)
})

/** Runs the command with the process's arguments, setting the exit code. */
export const run = () =>
  Command.run(root, { version: "0.2.0" }).pipe(
    Effect.catch(exitWith),
    Effect.catchDefect((defect) => exitWith(defect)),
    Effect.provide(Layer.mergeAll(
      NodeServices.layer,
      CliOutput.layer(CliOutput.defaultFormatter({ colors: Cli.colourFor(process.stdout) })),
      presenter
    )),
    NodeRuntime.runMain
  )
