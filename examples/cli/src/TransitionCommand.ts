/**
 * `localrights transition <id> <command> --reason … --expected-version N`: one lifecycle
 * command on a stored partnership through `Partnerships.execute`, which checks every guard
 * and records the command in the change log. The expected version is the one `show` printed:
 * a partnership changed since is refused (exit 1), never overwritten.
 */
import { ChangeLog, type Lifecycle, Partnership, Partnerships } from "@localrights/core"
import { Effect, Option } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import * as Cli from "./Cli.ts"

const commands = {
  "apply": "Apply",
  "admit": "Admit",
  "match": "Match",
  "start-preparation": "StartPreparation",
  "start-implementation": "StartImplementation",
  "advance-year": "AdvanceYear",
  "conclude": "Conclude",
  "close": "Close",
  "withdraw": "Withdraw",
  "reject": "Reject"
} as const
type Name = keyof typeof commands

export const command = Command.make(
  "transition",
  {
    id: Argument.String("id").pipe(Argument.withDescription("The partnership's id")),
    name: Argument.Literals("command", Object.keys(commands) as Array<Name>).pipe(Argument.withDescription("The lifecycle command")),
    reason: Flag.String("reason").pipe(Flag.withDescription("Why: goes into the change log")),
    expectedVersion: Flag.Int("expected-version").pipe(Flag.withDescription("The version you read (localrights show <id>): a partnership changed since is refused")),
    network: Flag.String("network").pipe(Flag.withDescription("admit: the network the partnership joins"), Flag.optional),
    partner: Flag.String("partner").pipe(Flag.withDescription("match: the international partner (organisation id)"), Flag.optional),
    actor: Cli.actorFlag,
    json: Cli.jsonFlag
  },
  Effect.fn(function*({ actor, expectedVersion, id, json, name, network, partner, reason }) {
    const ctx = yield* Cli.context
    const tag = commands[name]
    const missing = (flag: string): Cli.Failed =>
      Cli.fail(2, { sv: `${name} kräver --${flag}.`, en: `${name} needs --${flag}.` })
    let input: Lifecycle.CommandInput
    if (tag === "Admit") {
      if (Option.isNone(network)) return yield* missing("network")
      input = { _tag: "Admit", network: network.value }
    } else if (tag === "Match") {
      if (Option.isNone(partner)) return yield* missing("partner")
      input = { _tag: "Match", internationalPartner: partner.value }
    } else input = { _tag: tag }
    const { after, before } = yield* Effect.gen(function*() {
      const before = yield* (yield* Partnership.Store).get(id)
      const after = yield* Partnerships.execute(id, input, ChangeLog.change(Cli.actorOf(actor), reason, expectedVersion))
      return { before, after }
    }).pipe(Cli.withStore(ctx))
    if (json) return yield* Cli.printJson({ id, command: tag, statusBefore: before.status, statusAfter: after.status, version: after.version })
    yield* ctx.out(ctx.paint.ok(ctx.t({
      sv: `${id}: ${tag}, ${Partnership.Status.nameOf(before.status, "sv").toLowerCase()} → ${Partnership.Status.nameOf(after.status, "sv").toLowerCase()} (version ${after.version})`,
      en: `${id}: ${tag}, ${Partnership.Status.nameOf(before.status, "en").toLowerCase()} → ${Partnership.Status.nameOf(after.status, "en").toLowerCase()} (version ${after.version})`
    })))
  })
).pipe(
  Command.withDescription(
    "Run a lifecycle command on a partnership (apply, admit, match, start-preparation, start-implementation, advance-year, conclude, close, withdraw, reject) with its reason and the version you read"
  ),
  Command.withExamples([
    { command: "localrights transition lund-francistown apply --reason \"Application received\" --expected-version 1", description: "Record an application" },
    { command: "localrights transition lund-mr-2020 match --partner francistown --reason \"Matched\" --expected-version 4", description: "Match with a partner" }
  ])
)
