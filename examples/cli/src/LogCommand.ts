/**
 * `localrights log verify` (`Audit.verify`: every record's hash, the links and the chain, every
 * patch and every document; exit 1 naming the first that does not match) and `localrights log
 * export` (`Audit.exportLog`: the log as JSON Lines with the hashes and no personal data, which
 * anyone can check with `npx localrights-verify-log log.jsonl`).
 */
import { Audit } from "@localrights/core"
import { Effect, Option, Stream } from "effect"
import { Command, Flag } from "effect/cli"
import { closeSync, openSync, writeSync } from "node:fs"
import * as Cli from "./Cli.ts"

const parseHead = (text: string) => {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(text.trim())
  return m === null ? undefined : { seq: Number(m[1]), chain: m[2]! }
}

const verify = Command.make(
  "verify",
  {
    expectedHead: Flag.String("expected-head").pipe(
      Flag.withDescription("The head printed by an earlier verification or export (seq:chain): the log must still reach it"),
      Flag.optional
    ),
    json: Cli.jsonFlag
  },
  Effect.fn(function*({ expectedHead, json }) {
    const ctx = yield* Cli.context
    const head = Option.map(expectedHead, parseHead)
    if (Option.isSome(head) && head.value === undefined) {
      return yield* Cli.fail(2, {
        sv: "--expected-head ska vara seq:chain, som verify skriver ut (12:3fa4…).",
        en: "--expected-head must be seq:chain, as verify prints it (12:3fa4…)."
      })
    }
    const result = yield* Audit.verify({ expectedHead: Option.getOrUndefined(head) }).pipe(Cli.withStore(ctx))
    if (json) yield* Cli.printJson(result)
    if (result._tag === "Broken") {
      if (!json) yield* ctx.out(ctx.paint.bad(ctx.t(result.failure.text)))
      process.exitCode = 1
      return
    }
    if (json) return
    yield* ctx.out(ctx.paint.ok(ctx.t({
      sv: `Ändringsloggen stämmer: ${result.records} poster, ${result.documents} dokument.`,
      en: `The change log verifies: ${result.records} records, ${result.documents} documents.`
    })))
    if (result.head !== undefined) {
      yield* ctx.out(ctx.t({ sv: `Huvud (spara utanför databasen): ${result.head.seq}:${result.head.chain}`, en: `Head (keep it outside the database): ${result.head.seq}:${result.head.chain}` }))
    }
  })
).pipe(
  Command.withDescription("Verify the change log: hashes, links, sequence, chain, patches and every document; exit 1 naming the first that does not match"),
  Command.withExamples([
    { command: "localrights log verify", description: "Verify the log of .localrights/data.db" },
    { command: "localrights log verify --expected-head 1042:5d1c…", description: "Also check that the log still reaches a head kept elsewhere" }
  ])
)

const exportLog = Command.make(
  "export",
  {
    out: Flag.String("out").pipe(Flag.withDescription("The file to write (default: standard output)"), Flag.optional)
  },
  Effect.fn(function*({ out }) {
    const ctx = yield* Cli.context
    const fd = Option.isSome(out) ? openSync(out.value, "w") : 1
    let records = 0
    let last = ""
    yield* Audit.exportLog().pipe(
      Stream.runForEach((line) =>
        Effect.sync(() => {
          writeSync(fd, line)
          records++
          last = line
        })
      ),
      Effect.ensuring(Effect.sync(() => fd !== 1 && closeSync(fd))),
      Cli.withStore(ctx)
    )
    const head = last === "" ? undefined : (JSON.parse(last) as { seq?: number; chain?: string })
    const where = Option.getOrElse(out, () => "stdout")
    yield* ctx.note(ctx.t({
      sv: `${records} poster exporterade till ${where}${head?.chain === undefined ? "" : `; huvud ${head.seq}:${head.chain}`}. Kontrollera med: npx localrights-verify-log ${Option.getOrElse(out, () => "log.jsonl")}`,
      en: `${records} records exported to ${where}${head?.chain === undefined ? "" : `; head ${head.seq}:${head.chain}`}. Check with: npx localrights-verify-log ${Option.getOrElse(out, () => "log.jsonl")}`
    }))
  })
).pipe(
  Command.withDescription("Export the change log as JSON Lines (hashes, no personal data) for a third party to verify"),
  Command.withExamples([{ command: "localrights log export --out log.jsonl", description: "Write the log to log.jsonl" }])
)

export const command = Command.make("log").pipe(
  Command.withDescription("The change log: verify it, or export it for others to verify"),
  Command.withSubcommands([verify, exportLog]),
  Command.withExamples([{ command: "localrights log verify", description: "Verify the change log" }])
)
