/**
 * Drives the `localrights` command as a subprocess (the bundle of the sources, `bundle.ts`), in
 * a temporary folder, with a chosen language and no colour unless asked for. Asynchronous, so
 * that a PGlite server in the test process keeps serving while the command runs, and so that
 * independent cases run at once. `exampleDb` is one database made by `init --example` (plus a
 * contact person) per test file, copied for each case that changes it.
 */
import { type CriteriaFramework, type LocalizedText, Network, Organisation, Partnership, Programme } from "@localrights/core"
import { Generate } from "@localrights/store-sql/testing"
import { Schema } from "effect"
import { spawn } from "node:child_process"
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { built } from "./bundle.ts"

/** The command's entry point: the bundle's `main.js`. */
export const main = join(await built(), "main.js")

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
    const proc = spawn(process.execPath, [main, ...args], {
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
  const command = [process.execPath, main, ...args].map(quote).join(" ")
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

/** The contact person `exampleDb` adds (personal data, for `person` and `log export`). */
export const contact = { name: "Alex Berg", email: "alex@example.org", organisation: "vaxjo" } as const

/**
 * A database made once by `init --example` in `dir` (`example.db`), with the organisation
 * {@link contact} works for imported from CSV; `copy(name)` gives a case its own copy.
 */
export const exampleDb = (dir: string) => {
  let made: Promise<string> | undefined
  const template = () =>
    made ??= (async () => {
      const db = join(dir, "example.db")
      const init = await run({ cwd: dir }, "--db", db, "init", "--example")
      if (init.status !== 0) throw new Error(`init --example failed: ${init.out}`)
      const csv = join(dir, "contact.csv")
      writeFileSync(csv, `id,kind,name.sv,name.en,country,contacts\n${contact.organisation},municipality,Växjö kommun,Växjö Municipality,SE,"[{""name"":""${contact.name}"",""email"":""${contact.email}""}]"\n`)
      const imported = await run({ cwd: dir }, "--db", db, "import", csv, "--kind", "organisations")
      if (imported.status !== 0) throw new Error(`import of the contact failed: ${imported.out}`)
      return db
    })()
  return {
    /** A copy of the example database at `dir/<name>.db`. */
    copy: async (name: string) => {
      const from = await template()
      const to = join(dir, `${name}.db`)
      for (const suffix of ["", "-wal", "-shm"]) if (existsSync(from + suffix)) copyFileSync(from + suffix, to + suffix)
      return to
    }
  }
}

/**
 * Writes a scores file for `assess` into `dir`: one score per principle of `framework`, in its
 * order, with evidence where given, and the other fields of the file (assessor, date, ...).
 */
export const writeScores = (
  dir: string,
  name: string,
  framework: CriteriaFramework.CriteriaFramework,
  values: ReadonlyArray<number>,
  options: { readonly evidence?: Readonly<Record<string, LocalizedText.LocalizedText>>; readonly fields?: Readonly<Record<string, unknown>> } = {}
) => {
  const path = join(dir, name)
  const scores = framework.principles.map((p, i) => ({ principle: p.id, score: values[i], ...(options.evidence?.[p.id] === undefined ? {} : { evidence: options.evidence[p.id] }) }))
  writeFileSync(path, JSON.stringify({ ...options.fields, scores }, null, 2))
  return path
}

/**
 * Writes the input files of generated data with `prefix` into `dir`: `programmes.json` (a
 * JSON array), `organisations.jsonl`, `networks.json`, `partnerships.jsonl` with `n` records
 * (a concluded or closed one has been through all implementation years), and `bad.jsonl`: the
 * same with a line that is not JSON as line 101.
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
  const bad = join(dir, "bad.jsonl")
  writeFileSync(bad, [...lines.slice(0, 100), "{ not json", ...lines.slice(100)].join("\n") + "\n")
  return { records, lines, bad }
}
