/**
 * Builds the `localrights` command into two files, `main.js` and `Run.js` (the command's
 * thread), with every dependency inlined and the sources read through the
 * `@localrights/source` condition: the command the tests drive. One bundle starts in about
 * half the CPU time of the sources, which Node resolves, strips and compiles module by module
 * (some 400 of them).
 *
 * The bundle is kept in the temporary folder under a key of the sources' sizes and times and
 * the lockfile's, so that the test files of one run (and later runs on unchanged sources) build
 * it once; two test files building at once each write their own folder and the first rename
 * wins. `node examples/cli/test/bundle.ts <folder>` writes it into a folder of your choice.
 */
import { createHash } from "node:crypto"
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { build } from "tsup"

const cli = resolve(import.meta.dirname, "..")
const root = resolve(cli, "..", "..")

const banner = "import { createRequire as __lrCreateRequire } from \"node:module\"; const require = __lrCreateRequire(import.meta.url);"

/** Writes the bundle of the command into `outDir`. */
export const bundle = (outDir: string) =>
  build({
    entry: { main: join(cli, "src", "main.ts"), Run: join(cli, "src", "Run.ts") },
    format: ["esm"],
    platform: "node",
    target: "node24",
    outDir,
    bundle: true,
    splitting: false,
    noExternal: [/.*/],
    removeNodeProtocol: false,
    silent: true,
    dts: false,
    sourcemap: false,
    config: false,
    // CommonJS dependencies (the PostgreSQL driver) call `require`
    esbuildOptions: (options) => {
      options.conditions = ["@localrights/source"]
      options.banner = { js: banner }
    }
  })

// the sources the bundle is built from: the command's and the packages'
const sourceDirs = () => [
  join(cli, "src"),
  ...readdirSync(join(root, "packages"), { withFileTypes: true }).filter((d) => d.isDirectory()).flatMap((d) => {
    const dir = join(root, "packages", d.name)
    return existsSync(join(dir, "src")) ? [join(dir, "src")] : readdirSync(dir).map((sub) => join(dir, sub, "src")).filter((s) => existsSync(s))
  })
]

const walk = (dir: string, hash: ReturnType<typeof createHash>) => {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) walk(path, hash)
    else {
      const s = statSync(path)
      hash.update(`${path}\0${s.size}\0${s.mtimeMs}\n`)
    }
  }
}

const key = () => {
  const hash = createHash("sha256")
  for (const dir of sourceDirs()) walk(dir, hash)
  hash.update(String(statSync(join(root, "pnpm-lock.yaml")).mtimeMs))
  return hash.digest("hex").slice(0, 16)
}

/** The folder of the bundle of the current sources, built when there is none yet. */
export const built = async (): Promise<string> => {
  const dir = join(tmpdir(), `lr-cli-bundle-${key()}`)
  if (existsSync(join(dir, "Run.js"))) return dir
  const staging = mkdtempSync(`${dir}.tmp-`)
  await bundle(staging)
  try {
    renameSync(staging, dir)
  } catch {
    // another test file was first
    rmSync(staging, { recursive: true, force: true })
  }
  // bundles of older sources go (after a day: a run of other sources may be using one)
  for (const name of readdirSync(tmpdir())) {
    const path = join(tmpdir(), name)
    if (name.startsWith("lr-cli-bundle-") && path !== dir && Date.now() - statSync(path).mtimeMs > 86_400_000) rmSync(path, { recursive: true, force: true })
  }
  return dir
}

if (import.meta.main) {
  const out = resolve(process.argv[2] ?? join(cli, "dist"))
  await bundle(out)
  process.stdout.write(`${join(out, "main.js")}\n`)
}
