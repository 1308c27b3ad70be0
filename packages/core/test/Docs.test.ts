/**
 * The code in the documentation cannot rot: every ```ts block of the guides (docs/guides/*.md),
 * the package READMEs (packages/*\/README.md, packages/*\/*\/README.md), README.md and
 * CONTRIBUTING.md is type-checked against the workspace's source, and the blocks marked
 * ```ts run are run with Node. A failure names the Markdown file and line.
 *
 * Fences:
 *
 * - ```ts: type-checked (with the repository's compiler options, as a module of its own).
 * - ```ts run: type-checked, then run with `node --conditions=@localrights/source`; it must
 *   exit 0 (no file, network or database outside memory).
 * - ```ts fragment: an excerpt that does not stand alone (part of an object, a sketch of a
 *   port); neither checked nor run. Prefer a complete block with `declare const` for what
 *   the reader supplies.
 *
 * The blocks are written to `out/doc-blocks/<run>/` (ignored by git, removed afterwards),
 * beside a `node_modules/@localrights/*` of links to the workspace packages, so that both the
 * compiler (with the `@localrights/source` condition of tsconfig.base.json) and Node resolve
 * `@localrights/*` to the packages' `src/`. One compiler program checks every block;
 * only the blocks' own diagnostics are asked for, so the workspace is checked only as far as
 * the blocks use it.
 */
import { assert, describe, it } from "@effect/vitest"
import { execFile } from "node:child_process"
import { existsSync, globSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { dirname, join, relative } from "node:path"
import { promisify } from "node:util"
import ts from "typescript"

const root = join(import.meta.dirname, "..", "..", "..")

/** One fenced TypeScript block of a Markdown file. */
interface Block {
  /** The Markdown file, relative to the repository root. */
  readonly doc: string
  /** The line of the opening fence (1-based): block line n is Markdown line `fence + n`. */
  readonly fence: number
  readonly mode: "check" | "run" | "fragment"
  readonly code: string
}

const documents = (): ReadonlyArray<string> =>
  ["docs/guides/*.md", "packages/*/README.md", "packages/*/*/README.md", "README.md", "CONTRIBUTING.md"]
    .flatMap((pattern) => globSync(pattern, { cwd: root }))
    .filter((file) => !file.includes("node_modules"))
    .sort()

const fencePattern = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)\s*(.*)$/

/** The ```ts blocks of one Markdown file (other languages are skipped). */
const blocksOf = (doc: string, text: string): ReadonlyArray<Block> => {
  const lines = text.split(/\r?\n/)
  const blocks: Array<Block> = []
  for (let i = 0; i < lines.length; i++) {
    const open = fencePattern.exec(lines[i]!)
    if (open === null) continue
    const [, indent, fence, lang, info] = open
    let end = i + 1
    while (end < lines.length && !lines[end]!.trimStart().startsWith(fence!)) end++
    if (lang === "ts" || lang === "typescript") {
      const flags = info!.split(/\s+/).filter((f) => f !== "")
      const unknown = flags.filter((f) => f !== "run" && f !== "fragment")
      if (unknown.length > 0) throw new Error(`${doc}:${i + 1}: unknown fence flag ${unknown.join(" ")} (use run or fragment)`)
      const mode = flags.includes("fragment") ? "fragment" : flags.includes("run") ? "run" : "check"
      const code = lines.slice(i + 1, end).map((l) => (l.startsWith(indent!) ? l.slice(indent!.length) : l)).join("\n")
      blocks.push({ doc, fence: i + 1, mode, code: code + "\n" })
    }
    i = end
  }
  return blocks
}

const allBlocks = documents().flatMap((doc) => blocksOf(doc, readFileSync(join(root, doc), "utf8")))

const where = (b: Block, line = 1) => `${b.doc}:${b.fence + line}`

// a run's folder: the blocks, a package.json making them ES modules, and links to the packages
const prepare = () => {
  const dir = join(root, "out", "doc-blocks", `${process.pid}-${Date.now().toString(36)}`)
  mkdirSync(join(dir, "node_modules", "@localrights"), { recursive: true })
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "doc-blocks", private: true, type: "module" }))
  for (const pj of globSync("packages/**/package.json", { cwd: root }).filter((p) => !p.includes("node_modules"))) {
    const name = (JSON.parse(readFileSync(join(root, pj), "utf8")) as { name: string }).name
    const link = join(dir, "node_modules", ...name.split("/"))
    if (!existsSync(link)) symlinkSync(join(root, dirname(pj)), link, "dir")
  }
  const files = new Map<string, Block>()
  for (const b of allBlocks) {
    if (b.mode === "fragment") continue
    const file = join(dir, b.doc.replace(/[/.]/g, "_"), `line-${b.fence}.ts`)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, b.code)
    files.set(file, b)
  }
  return { dir, files }
}

const compilerOptions = (): ts.CompilerOptions => {
  const configPath = join(root, "tsconfig.base.json")
  const config = ts.readConfigFile(configPath, ts.sys.readFile)
  if (config.error !== undefined) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, "\n"))
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root, undefined, configPath)
  return {
    ...parsed.options,
    noEmit: true,
    declaration: false,
    sourceMap: false,
    // every block is a module of its own, with or without imports
    moduleDetection: ts.ModuleDetectionKind.Force
  }
}

const exec = promisify(execFile)

describe("documentation code blocks", () => {
  it("finds the blocks, each marked check, run or fragment", () => {
    assert.isAbove(allBlocks.length, 10)
    assert.isAbove(allBlocks.filter((b) => b.mode === "run").length, 3)
    assert.deepStrictEqual(blocksOf("x.md", "a\n```ts run\nconst a = 1\n```\n```sh\nls\n```\n```ts\nb\n```\n").map((b) => [b.fence, b.mode, b.code]), [
      [2, "run", "const a = 1\n"],
      [8, "check", "b\n"]
    ])
  })

  it("type-checks every block and runs the ```ts run blocks with Node", async () => {
    const { dir, files } = prepare()
    try {
      const program = ts.createProgram({ rootNames: [...files.keys()], options: compilerOptions() })
      const problems: Array<string> = []
      for (const [file, block] of files) {
        const source = program.getSourceFile(file)!
        const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
        for (const d of diagnostics) {
          const line = d.start === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line
          problems.push(`${where(block, line + 1)}: TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`)
        }
      }
      // only blocks that type-check are run (two at a time: the machines have two cores)
      const runnable = [...files].filter(([, b]) => b.mode === "run" && !problems.some((p) => p.startsWith(`${b.doc}:`) && isIn(p, b)))
      const queue = [...runnable]
      const worker = async () => {
        for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
          const [file, block] = next
          try {
            await exec(process.execPath, ["--conditions=@localrights/source", file], { cwd: dir, timeout: 60_000 })
          } catch (error) {
            const e = error as { stderr?: string; stdout?: string; message: string }
            const output = `${e.stderr ?? ""}`.trim() || e.message
            // the first stack frame in the block gives the line
            const frame = new RegExp(`${escape(relative(dir, file))}:(\\d+)`).exec(output)
            const line = frame === null ? 1 : Number(frame[1])
            problems.push(`${where(block, line)}: running the block failed:\n${indentText(output.split("\n").slice(0, 20).join("\n"))}`)
          }
        }
      }
      await Promise.all([worker(), worker()])
      if (problems.length > 0) assert.fail(`${problems.length} problem(s) in the documentation's code:\n${problems.join("\n")}`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 240_000)
})

const isIn = (problem: string, b: Block) => {
  const line = Number(problem.slice(b.doc.length + 1).split(":")[0])
  return line > b.fence && line <= b.fence + b.code.split("\n").length
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
const indentText = (s: string) => s.split("\n").map((l) => `    ${l}`).join("\n")
