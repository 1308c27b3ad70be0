/**
 * Drives the `localrights` command as a subprocess (the sources, with the `@localrights/source`
 * condition), in a temporary folder, with a chosen language and no colour unless asked for.
 * Asynchronous, so that a PGlite server in the test process keeps serving while the command runs.
 */
import { Network, Organisation, Partnership, Programme } from "@localrights/core"
import { Generate } from "@localrights/store-sql/testing"
import { Schema } from "effect"
import { spawn } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

export const main = join(import.meta.dirname, "..", "src", "main.ts")

export interface Result {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
  /** stdout and stderr together. */
  readonly out: string
}

export interface Options {
  readonly cwd: string
  readonly lang?: "sv" | "en"
  readonly env?: Readonly<Record<string, string | undefined>>
}

const baseEnv = (options: Options): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: options.lang === "sv" ? "sv_SE.UTF-8" : "en_GB.UTF-8" }
  delete env["LC_ALL"]
  delete env["LC_MESSAGES"]
  delete env["NO_COLOR"]
  delete env["LOCALRIGHTS_PG_URL"]
  delete env["FORCE_COLOR"]
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k]
    else env[k] = v
  }
  return env
}

/** Runs `localrights ...args`. */
export const run = (options: Options, ...args: Array<string>): Promise<Result> =>
  new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["--conditions=@localrights/source", main, ...args], {
      cwd: options.cwd,
      env: baseEnv(options),
      stdio: ["ignore", "pipe", "pipe"]
    })
    let stdout = ""
    let stderr = ""
    proc.stdout.on("data", (d: Buffer) => (stdout += d.toString()))
    proc.stderr.on("data", (d: Buffer) => (stderr += d.toString()))
    proc.on("error", reject)
    proc.on("close", (status) => resolve({ status, stdout, stderr, out: stdout + stderr }))
  })

/** Runs `localrights ...args` in a pseudo-terminal (util-linux `script`): what a person at a terminal sees. */
export const runInTerminal = (options: Options, ...args: Array<string>): Promise<Result> => {
  const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`
  const command = [process.execPath, "--conditions=@localrights/source", main, ...args].map(quote).join(" ")
  return new Promise((resolve, reject) => {
    const proc = spawn("script", ["-qec", command, "/dev/null"], { cwd: options.cwd, env: baseEnv(options), stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    proc.stdout.on("data", (d: Buffer) => (stdout += d.toString()))
    proc.stderr.on("data", (d: Buffer) => (stdout += d.toString()))
    proc.on("error", reject)
    proc.on("close", (status) => resolve({ status, stdout, stderr: "", out: stdout }))
  })
}

/** A temporary folder, removed by `dispose`. */
export const tempDir = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `lr-cli-${name}-`))
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) }
}

/**
 * Writes the input files of generated data with `prefix` into `dir`: `programmes.json` (a
 * JSON array), `organisations.jsonl`, `networks.json`, and `partnerships.jsonl` with `n`
 * records (a concluded or closed one has been through all implementation years).
 */
export const writeGenerated = (dir: string, prefix: string, n: number) => {
  const refs = Generate.references(prefix, 3, 4)
  writeFileSync(join(dir, "programmes.json"), JSON.stringify(refs.programmes.map((p) => Schema.encodeSync(Programme.Programme)(p)), null, 2))
  writeFileSync(join(dir, "organisations.jsonl"), refs.organisations.map((o) => JSON.stringify(Schema.encodeSync(Organisation.Organisation)(o))).join("\n") + "\n")
  writeFileSync(join(dir, "networks.json"), JSON.stringify(refs.networks.map((x) => Schema.encodeSync(Network.Network)(x))))
  const s = Generate.seeded(5)
  const records = Array.from({ length: n }, (_, i) => Generate.partnership(s, `${prefix}${String(i).padStart(4, "0")}`, prefix))
    .map((p) => (p.status === "concluded" || p.status === "closed" ? new Partnership.Partnership({ ...p, implementationYear: 3 }) : p))
  const lines = records.map((p) => JSON.stringify(Schema.encodeSync(Partnership.Partnership)(p)))
  writeFileSync(join(dir, "partnerships.jsonl"), lines.join("\n") + "\n")
  return { records, lines }
}
