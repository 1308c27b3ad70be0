/**
 * `localrights person export` (the right of access: everything held about one person, as JSON,
 * through `PersonalData.exportPerson`) and `localrights person erase` (the right to erasure:
 * `PersonalData.erase`, recorded in the change log without whose data it was).
 */
import { ChangeLog, PersonalData } from "@localrights/core"
import { Effect, Option } from "effect"
import { Command, Flag } from "effect/cli"
import { writeFileSync } from "node:fs"
import * as Cli from "./Cli.ts"

const personFlags = {
  email: Flag.String("email").pipe(Flag.withDescription("The person's e-mail address"), Flag.optional),
  name: Flag.String("name").pipe(Flag.withDescription("The person's name"), Flag.optional),
  asActor: Flag.String("as-actor").pipe(Flag.withDescription("The actor id the person acts under in the change log, when it is neither the e-mail nor the name"), Flag.optional)
}

const personOf = (flags: { readonly email: Option.Option<string>; readonly name: Option.Option<string>; readonly asActor: Option.Option<string> }) => ({
  ...Option.match(flags.email, { onNone: () => ({}), onSome: (email) => ({ email }) }),
  ...Option.match(flags.name, { onNone: () => ({}), onSome: (name) => ({ name }) }),
  ...Option.match(flags.asActor, { onNone: () => ({}), onSome: (actor) => ({ actor }) })
})

const exportPerson = Command.make(
  "export",
  {
    ...personFlags,
    out: Flag.String("out").pipe(Flag.withDescription("The file to write (default: standard output)"), Flag.optional)
  },
  Effect.fn(function*(flags) {
    const ctx = yield* Cli.context
    const found = yield* PersonalData.exportPerson(personOf(flags)).pipe(Cli.withStore(ctx))
    const json = `${JSON.stringify(found, null, 2)}\n`
    if (Option.isSome(flags.out)) writeFileSync(flags.out.value, json)
    else process.stdout.write(json)
    yield* ctx.note(ctx.t({
      sv: `${found.findings.length} uppgifter om personen funna${Option.isSome(flags.out) ? `, skrivna till ${flags.out.value}` : ""}.`,
      en: `${found.findings.length} findings about the person${Option.isSome(flags.out) ? `, written to ${flags.out.value}` : ""}.`
    }))
  })
).pipe(
  Command.withDescription("Export everything held about one person (contacts, registrations, enrolments, expressions of interest) as JSON"),
  Command.withExamples([{ command: "localrights person export --email alex@example.org --out alex.json", description: "The right of access" }])
)

const erase = Command.make(
  "erase",
  {
    ...personFlags,
    reason: Flag.String("reason").pipe(Flag.withDescription("The case, such as \"ärende 2026-17\": goes into the change log, so never the person's name or e-mail")),
    actor: Cli.actorFlag,
    json: Cli.jsonFlag
  },
  Effect.fn(function*(flags) {
    const ctx = yield* Cli.context
    const erasure = yield* PersonalData.erase(personOf(flags), ChangeLog.change(Cli.actorOf(flags.actor), flags.reason)).pipe(Cli.withStore(ctx))
    if (flags.json) return yield* Cli.printJson(erasure)
    yield* ctx.out(ctx.paint.ok(ctx.t({
      sv: `Personen är raderad ur ${erasure.rewritten.length} poster; ${erasure.pseudonymised} ändringsposter visar nu en pseudonym.`,
      en: `The person is erased from ${erasure.rewritten.length} entities; ${erasure.pseudonymised} change records now show a pseudonym.`
    })))
    for (const r of erasure.rewritten) yield* ctx.out(`  ${r}`)
    for (const n of erasure.notifications) {
      yield* ctx.out(ctx.t({ sv: `  Meddela: ${n.to.email} har fått en plats (${n.event}).`, en: `  Notify: ${n.to.email} got a seat (${n.event}).` }))
    }
  })
).pipe(
  Command.withDescription("Erase one person from every store; the change log records the erasure and its case, never whose data it was"),
  Command.withExamples([{ command: "localrights person erase --email alex@example.org --reason \"ärende 2026-17\"", description: "The right to erasure" }])
)

export const command = Command.make("person").pipe(
  Command.withDescription("Personal data: export what is held about a person, or erase it"),
  Command.withSubcommands([exportPerson, erase]),
  Command.withExamples([{ command: "localrights person export --email alex@example.org", description: "Everything held about alex@example.org" }])
)
