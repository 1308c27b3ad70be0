/**
 * `localrights init [--example]`: creates the database (the embedded SQLite file, or the tables
 * in the PostgreSQL database of `--db postgres://…` / `LOCALRIGHTS_PG_URL`) and runs its
 * migrations; running it again changes nothing. `--example` stores core's examples: the ICLD
 * 2020 cohort with Lund ↔ Francistown registered as interest, SKR's MR 2020 conferences and the
 * 2023 strategist programme.
 */
import { ChangeLog, Organisation, Partnerships } from "@localrights/core"
import { IcldCohort2020, Mr2020Conferences, StrategistProgramme2023 } from "@localrights/core/examples"
import { Effect, Option } from "effect"
import { Command, Flag } from "effect/cli"
import * as Cli from "./Cli.ts"

const loadExample = Effect.gen(function*() {
  yield* IcldCohort2020.load
  const partnerships = yield* Partnerships.register(
    IcldCohort2020.lundFrancistown,
    ChangeLog.change("seed", "Interest registered: ICLD project card for Lund and Francistown")
  ).pipe(Effect.as(true), Effect.catchTag("VersionConflict", () => Effect.succeed(false)))
  yield* Mr2020Conferences.load
  yield* StrategistProgramme2023.load
  return partnerships
})

export const command = Command.make(
  "init",
  {
    example: Flag.Boolean("example").pipe(
      Flag.withDescription("Also store core's examples (ICLD 2020 cohort, MR 2020 conferences, 2023 strategist programme)"),
      Flag.withDefault(false)
    )
  },
  Effect.fn(function*({ example }) {
    const ctx = yield* Cli.context
    const target = Cli.targetOf(ctx.db)
    const organisations = yield* Effect.gen(function*() {
      if (example) yield* loadExample
      return (yield* (yield* Organisation.Store).list()).length
    }).pipe(Cli.withStore(ctx, { create: true }))
    yield* ctx.out(ctx.paint.ok(ctx.t({ sv: `Databasen är klar: ${Cli.describeTarget(target)}`, en: `The database is ready: ${Cli.describeTarget(target)}` })))
    if (example) {
      yield* ctx.out(ctx.t({
        sv: `Exemplen är lagrade (${organisations} organisationer): ICLD 2020, MR 2020-konferenserna, strategutbildningen 2023.`,
        en: `The examples are stored (${organisations} organisations): ICLD 2020, the MR 2020 conferences, the 2023 strategist programme.`
      }))
    }
    if (Option.isNone(ctx.db) && target._tag === "sqlite") {
      yield* ctx.note(ctx.paint.faint(ctx.t({ sv: "Andra kommandon använder samma fil; ange en annan med --db.", en: "Other commands use the same file; give another with --db." })))
    }
  })
).pipe(
  Command.withDescription("Create the database (SQLite file or PostgreSQL tables) and run its migrations; --example stores core's examples"),
  Command.withExamples([
    { command: "localrights init", description: "Create .localrights/data.db" },
    { command: "localrights init --example --db demo.db", description: "Create demo.db with the ICLD 2020 example" },
    { command: "localrights init --db postgres://app@db.example.org/localrights", description: "Create the tables in PostgreSQL" }
  ])
)
