#!/usr/bin/env node
/**
 * The `localrights` command.
 */
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as NodeServices from "@effect/platform-node/NodeServices"
import { Effect, Layer } from "effect"
import { Command } from "effect/cli"
import { SqliteStore } from "@localrights/store-sqlite"
import * as Demo from "./demo/Demo.ts"
import * as ImportCommand from "./ImportCommand.ts"

const demo = Command.make("demo", {}, () => Demo.run.pipe(Effect.provide(SqliteStore.layerMemory))).pipe(
  Command.withDescription("Load the ICLD 2020 example and walk it through the library (Swedish and English)")
)

const root = Command.make("localrights").pipe(
  Command.withDescription("Municipal human-rights partnership programmes"),
  Command.withSubcommands([demo, ImportCommand.command])
)

Command.run(root, { version: "0.1.0" }).pipe(
  Effect.provide(Layer.mergeAll(NodeServices.layer)),
  NodeRuntime.runMain
)
