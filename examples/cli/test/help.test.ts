/**
 * `--help` of every command and subcommand, in-process (the same `Command.runWith` the binary
 * runs, without a process per command): each has a description and at least one example that
 * starts with its own command path.
 */
import { assert, describe, it } from "@effect/vitest"
import * as NodeServices from "@effect/platform-node/NodeServices"
import { Effect, Layer } from "effect"
import { CliOutput, Command, type HelpDoc } from "effect/cli"
import { root } from "../src/Root.ts"

const paths = [
  ["init"], ["import"], ["list"], ["show"], ["transition"], ["assess"], ["budget"], ["budget", "check"], ["expense"], ["expense", "add"],
  ["report"], ["report", "network"], ["report", "programme"], ["render"], ["person"], ["person", "export"], ["person", "erase"],
  ["log"], ["log", "verify"], ["log", "export"], ["demo"], []
]

const helpOf = (path: ReadonlyArray<string>) =>
  Effect.gen(function*() {
    let doc: HelpDoc.HelpDoc | undefined
    const capture = CliOutput.layerPresenter({
      present: (event) => Effect.sync(() => void (event._tag === "Help" ? (doc = event.helpDoc) : undefined))
    })
    yield* Command.runWith(root, { version: "test" })([...path, "--help"]).pipe(Effect.provide(Layer.mergeAll(NodeServices.layer, capture)))
    return doc
  })

describe("localrights --help", () => {
  for (const path of paths) {
    it.effect(`localrights ${path.join(" ")} has a description and an example`, () =>
      Effect.gen(function*() {
        const doc = yield* helpOf(path)
        assert.isDefined(doc)
        assert.isNotEmpty(doc!.description)
        assert.isNotEmpty(doc!.examples ?? [])
        for (const e of doc!.examples!) assert.isTrue(e.command.startsWith(["localrights", ...path].join(" ")), e.command)
        // the global flags are there on every command
        assert.includeMembers((doc!.globalFlags ?? []).map((f) => f.name), ["db", "lang", "verbose"])
      }))
  }
})
