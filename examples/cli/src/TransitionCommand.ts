/**
 * `localrights transition <id> <command> --reason … --expected-version N`: one lifecycle
 * command on a stored partnership through `Partnerships.execute`, which checks every guard
 * and records the command in the change log. The expected version is the one `show` printed:
 * a partnership changed since is refused (exit 1), never overwritten.
 *
 * `record-decision --stage application|project-plan` records the decision on the stage's gate
 * (`application-assessment`, `project-plan-assessment`) from the assessments recorded with
 * `localrights assess … --submit` (`Assessments.recordDecision`): consolidated over every
 * assessor's latest assessment (or `--assessments`), approved only on a pass, the assessments
 * as its evidence. `admit` and `start-implementation` then pass that gate, or are refused
 * quoting the decision's note.
 */
import { Assessments, CalendarDate, ChangeLog, CriteriaFramework, type Lifecycle, LocalizedText, Partnership, Partnerships } from "@localrights/core"
import { Effect, Option, Schema } from "effect"
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
  "reject": "Reject",
  "record-decision": "RecordDecision"
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
    stage: Flag.Literals("stage", CriteriaFramework.Stage.values as ReadonlyArray<CriteriaFramework.Stage>).pipe(
      Flag.withDescription("record-decision: the stage whose assessments decide its gate (application or project-plan)"),
      Flag.optional
    ),
    assessments: Flag.String("assessments").pipe(
      Flag.withDescription("record-decision: the assessment ids to consolidate, comma-separated (default: every assessor's latest)"),
      Flag.optional
    ),
    date: Flag.String("date").pipe(Flag.withDescription("record-decision: the date of the decision, YYYY-MM-DD (default today)"), Flag.optional),
    actor: Cli.actorFlag,
    json: Cli.jsonFlag
  },
  Effect.fn(function*({ actor, assessments, date, expectedVersion, id, json, name, network, partner, reason, stage }) {
    const ctx = yield* Cli.context
    const tag = commands[name]
    const missing = (flag: string): Cli.Failed =>
      Cli.fail(2, { sv: `${name} kräver --${flag}.`, en: `${name} needs --${flag}.` })
    const change = ChangeLog.change(Cli.actorOf(actor), reason, expectedVersion)
    if (tag === "RecordDecision") {
      if (Option.isNone(stage)) return yield* missing("stage")
      const decided = yield* Effect.gen(function*() {
        const day = yield* CalendarDate.make(Option.getOrUndefined(date) ?? (yield* CalendarDate.today))
        const chosen = Option.map(assessments, (s) => s.split(",").map((x) => x.trim()).filter((x) => x !== ""))
        return yield* Assessments.recordDecision(id, { stage: stage.value, date: day, assessments: Option.getOrUndefined(chosen) }, change)
      }).pipe(Cli.withStore(ctx))
      const after = decided.partnership
      const decision = after.decisions[after.decisions.length - 1]!
      if (json) {
        return yield* Cli.printJson({ id, command: tag, decision: Schema.encodeSync(Partnership.Decision)(decision), status: after.status, version: after.version })
      }
      const gate = (lang: Cli.Lang) => Partnership.Gate.nameOf(decision.gate, lang).toLowerCase()
      const outcome = (lang: Cli.Lang) => Partnership.Outcome.nameOf(decision.outcome, lang).toLowerCase()
      const paint = decision.outcome === "approved" ? ctx.paint.ok : ctx.paint.warn
      yield* ctx.out(paint(ctx.t({
        sv: `${id}: RecordDecision, ${gate("sv")}: ${outcome("sv")} (version ${after.version})`,
        en: `${id}: RecordDecision, ${gate("en")}: ${outcome("en")} (version ${after.version})`
      })))
      yield* ctx.out(`  ${ctx.t(Partnership.describeEvidence(decision.evidence))}`)
      if (decision.note !== undefined) yield* ctx.out(`  ${LocalizedText.text(decision.note, ctx.lang)}`)
      return
    }
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
      const after = yield* Partnerships.execute(id, input, change)
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
    "Run a lifecycle command on a partnership (apply, admit, match, start-preparation, start-implementation, advance-year, conclude, close, withdraw, reject, record-decision) with its reason and the version you read"
  ),
  Command.withExamples([
    { command: "localrights transition lund-francistown apply --reason \"Application received\" --expected-version 1", description: "Record an application" },
    { command: "localrights transition lund-mr-2020 match --partner francistown --reason \"Matched\" --expected-version 4", description: "Match with a partner" },
    {
      command: "localrights transition lund-francistown record-decision --stage application --reason \"Panel 2020-11-30\" --expected-version 2",
      description: "Record the decision on the application gate from the submitted assessments (localrights assess)"
    }
  ])
)
