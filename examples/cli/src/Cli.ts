/**
 * What every command shares: the global flags (`--db`, `--lang`, `--verbose`), the language
 * and colour of the output, the store the command runs on, and how a failure becomes one clear
 * line (plus its detail with `--verbose`) and an exit code.
 *
 * Exit codes: 0 ok, 1 refused or invalid input, 2 usage (an unknown command or flag, a missing
 * argument), 3 store unavailable (a database that cannot be opened or reached, or is busy).
 */
import { DocumentStore, Refusal } from "@localrights/core"
import type { PgStore } from "@localrights/store-postgres"
import { SqliteStore } from "@localrights/store-sqlite"
import { Cause, Effect, Layer, Option, Schema } from "effect"
import { Flag, GlobalFlag } from "effect/cli"
import { existsSync, mkdirSync, statSync } from "node:fs"
import { dirname, resolve } from "node:path"

// ---------------------------------------------------------------------------------------------
// Global flags

/** `--db <file>` or `--db postgres://…`: where the data lives. */
export const Db = GlobalFlag.Setting("db")({
  flag: Flag.String("db").pipe(
    Flag.withDescription(
      "The SQLite database file, or a PostgreSQL URL (postgres://…). Default: $LOCALRIGHTS_PG_URL when set, else .localrights/data.db"
    ),
    Flag.optional
  )
})

/** `--lang sv|en`: the language of messages (default from `LANG`). */
export const LangFlag = GlobalFlag.Setting("lang")({
  flag: Flag.Literals("lang", ["sv", "en"]).pipe(
    Flag.withDescription("The language of messages and text output: sv or en (default from LANG: sv_SE.UTF-8 gives sv, anything else en)"),
    Flag.optional
  )
})

/** `--verbose`: the detail of an error, and more progress. */
export const Verbose = GlobalFlag.Setting("verbose")({
  flag: Flag.Boolean("verbose").pipe(Flag.withDescription("Show the detail of an error"), Flag.withDefault(false))
})

export const globalFlags = [Db, LangFlag, Verbose] as const

// ---------------------------------------------------------------------------------------------
// Language and output

export type Lang = "sv" | "en"

/** The language from the environment: `LC_ALL`, `LC_MESSAGES` or `LANG` starting with `sv` gives Swedish. */
export const langFromEnv = (env: NodeJS.ProcessEnv = process.env): Lang => {
  const locale = [env["LC_ALL"], env["LC_MESSAGES"], env["LANG"]].find((v) => v !== undefined && v !== "")
  return locale !== undefined && /^sv([_.@-]|$)/i.test(locale) ? "sv" : "en"
}

/** Whether a stream gets colour: a terminal, and no `NO_COLOR` (any value, as no-color.org says). */
export const colourFor = (stream: { readonly isTTY?: boolean | undefined }, env: NodeJS.ProcessEnv = process.env): boolean =>
  stream.isTTY === true && (env["NO_COLOR"] === undefined || env["NO_COLOR"] === "") && env["TERM"] !== "dumb"

const ansi = (code: string) => (on: boolean) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s)
const red = ansi("31")
const green = ansi("32")
const yellow = ansi("33")
const bold = ansi("1")
const dim = ansi("2")

/** A text in both languages. */
export interface Text {
  readonly sv: string
  readonly en: string
}

/** What a command handler gets: the language, verbosity, and printing on stdout / stderr with colour where allowed. */
export interface Context {
  readonly lang: Lang
  readonly verbose: boolean
  readonly db: Option.Option<string>
  /** A text in the chosen language. */
  readonly t: (text: Text) => string
  /** A line of the command's result on stdout. */
  readonly out: (line: string) => Effect.Effect<void>
  /** A line of progress or a note on stderr. */
  readonly note: (line: string) => Effect.Effect<void>
  /** Colours for stdout. */
  readonly paint: { readonly ok: (s: string) => string; readonly bad: (s: string) => string; readonly warn: (s: string) => string; readonly strong: (s: string) => string; readonly faint: (s: string) => string }
}

const write = (stream: NodeJS.WriteStream, line: string) => Effect.sync(() => void stream.write(`${line}\n`))

/** The context of the running command, from the global flags. */
export const context: Effect.Effect<
  Context,
  never,
  GlobalFlag.Setting.Identifier<"db"> | GlobalFlag.Setting.Identifier<"lang"> | GlobalFlag.Setting.Identifier<"verbose">
> = Effect.gen(function*() {
  const db = yield* Db
  const lang = Option.getOrElse(yield* LangFlag, () => langFromEnv())
  const verbose = yield* Verbose
  const on = colourFor(process.stdout)
  return {
    lang,
    verbose,
    db,
    t: (text) => text[lang],
    out: (line) => write(process.stdout, line),
    note: (line) => write(process.stderr, line),
    paint: { ok: green(on), bad: red(on), warn: yellow(on), strong: bold(on), faint: dim(on) }
  }
})

// ---------------------------------------------------------------------------------------------
// Failures

/** Exit code of a failure: 1 refused or invalid input, 2 usage, 3 store unavailable. */
export type Code = 1 | 2 | 3

/**
 * A command failed: the exit code, one line in each language, and the detail shown with
 * `--verbose`.
 */
export class Failed extends Schema.TaggedError<Failed>()("Failed", {
  code: Schema.Literals([1, 2, 3]),
  sv: Schema.String,
  en: Schema.String,
  detail: Schema.optionalKey(Schema.String)
}) {}

/** A failure from a text. */
export const fail = (code: Code, text: Text, detail?: string): Failed =>
  new Failed({ code, sv: text.sv, en: text.en, ...(detail === undefined ? {} : { detail }) })

const isStoreError = (u: unknown): u is DocumentStore.StoreError => (u as { _tag?: unknown })?._tag === "StoreError"

const causeText = (u: unknown): string | undefined => {
  const cause = (u as { cause?: unknown })?.cause
  if (cause === undefined) return undefined
  if (cause instanceof Error) return cause.message
  return String((cause as { message?: unknown })?.message ?? cause)
}

/** Whether a store error means the store cannot be used now: it cannot be reached, or it is busy. */
export const isUnavailable = (e: DocumentStore.StoreError): boolean => e.reason === "connection" || e.reason === "busy"

/**
 * Any error of a command as a {@link Failed}: a refusal with its every violation, a store error
 * (exit 3 when the store cannot be reached or is busy), a missing entity, a version conflict,
 * anything else by its message.
 */
export const classify = (error: unknown): Failed => {
  if (error instanceof Failed) return error
  if (Refusal.isRefusal(error)) {
    return new Failed({ code: 1, sv: error.explain("sv"), en: error.explain("en"), detail: `${error._tag}: ${error.violations.map((v) => `${v.field || "(subject)"} [${v.rule}]${v.value === undefined ? "" : ` = ${v.value}`}`).join("; ")}` })
  }
  const tag = (error as { _tag?: unknown })?._tag
  if (isStoreError(error)) {
    const unavailable = isUnavailable(error)
    const detail = [error.message, causeText(error)].filter((x) => x !== undefined).join("\n  cause: ")
    return unavailable
      ? fail(3, {
        sv: error.reason === "busy" ? "Databasen är upptagen; försök igen om en stund." : "Databasen kan inte nås eller öppnas.",
        en: error.reason === "busy" ? "The database is busy; try again in a moment." : "The database cannot be reached or opened."
      }, detail)
      : fail(1, { sv: `Databasfel (${error.reason}) i ${error.method}.`, en: `Database error (${error.reason}) in ${error.method}.` }, detail)
  }
  if (tag === "NotFound") {
    const e = error as { kind: string; id: string }
    return fail(1, { sv: `${e.kind} ${e.id} finns inte.`, en: `${e.kind} ${e.id} does not exist.` })
  }
  if (tag === "VersionConflict") {
    const e = error as { kind: string; id: string; expected: number; actual: number; message: string }
    return fail(1, e.expected === 0
      ? { sv: `${e.kind} ${e.id} finns redan (version ${e.actual}).`, en: `${e.kind} ${e.id} already exists (version ${e.actual}).` }
      : {
        sv: `${e.kind} ${e.id} har ändrats av någon annan: förväntad version ${e.expected}, lagrad ${e.actual}. Läs det igen och försök på nytt.`,
        en: `${e.kind} ${e.id} was changed by someone else: expected version ${e.expected}, stored ${e.actual}. Read it again and retry.`
      })
  }
  if (tag === "MissingRate") {
    const e = error as { from: string; to: string; date: string; maxAgeDays: number }
    return fail(1, {
      sv: `Ingen växelkurs ${e.from}→${e.to} för ${e.date} (högst ${e.maxAgeDays} dagar gammal); ange en kurstabell med --rates.`,
      en: `No exchange rate ${e.from}→${e.to} for ${e.date} (at most ${e.maxAgeDays} days old); give a rate table with --rates.`
    })
  }
  const message = (error as { message?: unknown })?.message
  const text = typeof message === "string" && message !== "" ? message : String(error)
  return fail(1, { sv: text, en: text }, typeof tag === "string" ? `${tag}${causeText(error) === undefined ? "" : `: ${causeText(error)}`}` : undefined)
}

/** Prints a failure on stderr: one line (`fel:` / `error:`), its detail with `--verbose`. */
export const report = (failed: Failed, lang: Lang, verbose: boolean) =>
  Effect.sync(() => {
    const on = colourFor(process.stderr)
    const head = red(on)(lang === "sv" ? "fel:" : "error:")
    process.stderr.write(`${head} ${failed[lang]}\n`)
    if (verbose && failed.detail !== undefined) process.stderr.write(`${dim(on)(failed.detail)}\n`)
    else if (!verbose && failed.detail !== undefined && failed.code === 3) {
      process.stderr.write(`${dim(on)(lang === "sv" ? "(detaljer med --verbose)" : "(details with --verbose)")}\n`)
    }
  })

// ---------------------------------------------------------------------------------------------
// The store

/** Where the data lives: a SQLite file (or `:memory:`), or a PostgreSQL URL. */
export type Target =
  | { readonly _tag: "sqlite"; readonly file: string }
  | { readonly _tag: "postgres"; readonly url: string }

/** The default database file, relative to the working directory. */
export const defaultFile = ".localrights/data.db"

const isPgUrl = (s: string) => /^postgres(ql)?:\/\//i.test(s)

/** The target of `--db`, else `LOCALRIGHTS_PG_URL`, else the default file. */
export const targetOf = (db: Option.Option<string>, env: NodeJS.ProcessEnv = process.env): Target => {
  if (Option.isSome(db)) return isPgUrl(db.value) ? { _tag: "postgres", url: db.value } : { _tag: "sqlite", file: db.value }
  const url = env["LOCALRIGHTS_PG_URL"]
  if (url !== undefined && url !== "") return { _tag: "postgres", url }
  return { _tag: "sqlite", file: defaultFile }
}

/** The target in words, with a password hidden. */
export const describeTarget = (target: Target): string =>
  target._tag === "sqlite"
    ? `SQLite ${target.file === ":memory:" ? target.file : resolve(target.file)}`
    : `PostgreSQL ${target.url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@")}`

/** The services a command runs on. */
export type Services = SqliteStore.Services | PgStore.Services

const poolSize = () => {
  const n = Number(process.env["LOCALRIGHTS_PG_POOL"] ?? "")
  return Number.isInteger(n) && n > 0 ? n : 4
}

/**
 * The store layer of a target. A SQLite file must exist unless `create` (then its folder is
 * created too); opening or migrating it, or connecting to PostgreSQL, failing is a failure
 * with exit code 3.
 */
export const storeLayer = (target: Target, options: { readonly create: boolean }) =>
  Layer.unwrap(Effect.gen(function*() {
    if (target._tag === "postgres") {
      // loaded only for PostgreSQL: the driver is not needed otherwise
      const { PgStore } = yield* Effect.promise(() => import("@localrights/store-postgres"))
      return PgStore.layerUrl(target.url, { maxConnections: poolSize() }) as Layer.Layer<Services, DocumentStore.StoreError>
    }
    const file = target.file
    if (file !== ":memory:") {
      if (!existsSync(file)) {
        if (!options.create) {
          return yield* fail(3, {
            sv: `Ingen databas i ${resolve(file)}: skapa den med \`localrights init --db ${file}\`.`,
            en: `No database at ${resolve(file)}: create it with \`localrights init --db ${file}\`.`
          })
        }
        try {
          mkdirSync(dirname(file), { recursive: true })
        } catch (e) {
          return yield* fail(3, { sv: `Mappen för ${resolve(file)} kan inte skapas.`, en: `The folder of ${resolve(file)} cannot be created.` }, String(e))
        }
      } else if (statSync(file).isDirectory()) {
        return yield* fail(3, { sv: `${resolve(file)} är en mapp, inte en databasfil.`, en: `${resolve(file)} is a folder, not a database file.` })
      }
    }
    return SqliteStore.layer({ filename: file }) as Layer.Layer<Services, DocumentStore.StoreError>
  })).pipe(
    // whatever keeps the store from opening (a file that is not a database, a failed migration):
    // the store is unavailable
    Layer.catchCause((cause) => {
      const e = Cause.squash(cause)
      return Layer.effectDiscard(Effect.fail(e instanceof Failed ? e : unavailable(e))) as unknown as Layer.Layer<Services, Failed>
    })
  )

const unavailable = (e: unknown): Failed => {
  const c = classify(e)
  return c.code === 3 ? c : fail(3, { sv: "Databasen kan inte öppnas.", en: "The database cannot be opened." }, c.detail ?? c.en)
}

/** Runs `self` on the store of the context's target. */
export const withStore = (ctx: Context, options: { readonly create?: boolean } = {}) =>
<A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E | Failed, Exclude<R, Services>> =>
  Effect.provide(self, storeLayer(targetOf(ctx.db), { create: options.create ?? false })) as Effect.Effect<A, E | Failed, Exclude<R, Services>>

// ---------------------------------------------------------------------------------------------
// Small shared helpers

/** Who acts: `--actor`, else `LOCALRIGHTS_ACTOR`, else `cli`. */
export const actorOf = (flag: Option.Option<string>): string =>
  Option.getOrElse(flag, () => process.env["LOCALRIGHTS_ACTOR"] || "cli")

/** The `--actor` flag. */
export const actorFlag = Flag.String("actor").pipe(
  Flag.withDescription("Who acts: goes into the change log (default $LOCALRIGHTS_ACTOR, else cli)"),
  Flag.optional
)

/** The `--json` flag. */
export const jsonFlag = Flag.Boolean("json").pipe(Flag.withDescription("Print JSON for scripts instead of text"), Flag.withDefault(false))

/** Prints a value as JSON on stdout. */
export const printJson = (value: unknown) => Effect.sync(() => void process.stdout.write(`${JSON.stringify(value, null, 2)}\n`))
