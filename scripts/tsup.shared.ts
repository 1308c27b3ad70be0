/**
 * Shared tsup configuration for every publishable `@localrights/*` package.
 *
 * A package's `tsup.config.ts`:
 *
 * ```ts
 * import { defineConfig } from "tsup"
 * import { libraryConfig } from "../../scripts/tsup.shared.ts"
 * export default defineConfig(libraryConfig())
 * ```
 *
 * Entry points are read from the package's own `package.json` `exports` map, so the map is
 * the single source of truth: every subpath with a `@localrights/source` condition
 * (`./src/testing/index.ts`) is built to the file its `default` condition names
 * (`./dist/testing/index.js`), with the `.d.ts` beside it (`types`). Subpaths set to `null`
 * (`./internal/*`) and non-code subpaths (`./package.json`) are skipped.
 */
import { existsSync, readFileSync } from "node:fs"
import { isBuiltin } from "node:module"
import { join, posix, resolve } from "node:path"
import type { Options } from "tsup"
import ts from "typescript"

const SOURCE_CONDITION = "@localrights/source"

type EsbuildPlugin = NonNullable<Options["esbuildPlugins"]>[number]

type ExportTarget = string | null | { readonly [condition: string]: ExportTarget }

export interface PackageJson {
  readonly name: string
  readonly exports?: Record<string, ExportTarget>
  readonly dependencies?: Record<string, string>
  readonly peerDependencies?: Record<string, string>
  readonly optionalDependencies?: Record<string, string>
}

const stripDot = (p: string): string => p.replace(/^\.\//, "")

/**
 * Maps output names (`testing/index`) to source files (`src/testing/index.ts`) from the
 * `exports` map. Throws when an exported source file is missing or the map is inconsistent.
 */
export const entriesFromExports = (pkg: PackageJson, packageDir: string): Record<string, string> => {
  const entries: Record<string, string> = {}
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    if (target === null || typeof target !== "object" || subpath.includes("*")) continue
    const source = target[SOURCE_CONDITION]
    const output = target["default"]
    const types = target["types"]
    if (typeof source !== "string") continue
    if (typeof output !== "string" || typeof types !== "string") {
      throw new Error(`${pkg.name}: exports["${subpath}"] needs "types" and "default" next to "${SOURCE_CONDITION}"`)
    }
    const out = stripDot(output)
    if (!out.startsWith("dist/") || !out.endsWith(".js")) {
      throw new Error(`${pkg.name}: exports["${subpath}"].default must point into ./dist and end in .js, got ${output}`)
    }
    const name = out.slice("dist/".length, -".js".length)
    if (stripDot(types) !== `dist/${name}.d.ts`) {
      throw new Error(`${pkg.name}: exports["${subpath}"].types must be ./dist/${name}.d.ts, got ${types}`)
    }
    const src = stripDot(source)
    if (!existsSync(join(packageDir, src))) {
      throw new Error(`${pkg.name}: exports["${subpath}"] points at ${source}, which does not exist`)
    }
    entries[name] = posix.normalize(src)
  }
  if (Object.keys(entries).length === 0) {
    throw new Error(`${pkg.name}: no entry points found in package.json "exports"`)
  }
  return entries
}

/** `@scope/name/deep/path` → `@scope/name`; `name/deep` → `name`. */
const packageNameOf = (specifier: string): string => {
  const parts = specifier.split("/")
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!
}

/**
 * Keeps every bare import (`effect`, `effect/Schema`, `@localrights/core`, `node:sqlite`)
 * external, so no dependency is ever bundled, and fails the build when the package imports
 * something at run time that its `package.json` does not declare in `dependencies`,
 * `peerDependencies` or `optionalDependencies` (a devDependency would be missing for users).
 */
export const externalsGuard = (pkg: PackageJson): EsbuildPlugin => {
  const declared = new Set([
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
    ...Object.keys(pkg.optionalDependencies ?? {})
  ])
  return {
    name: "localrights-externals-guard",
    setup(build) {
      build.onResolve({ filter: /^[^./#]/ }, (args) => {
        if (isBuiltin(args.path) || declared.has(packageNameOf(args.path))) {
          return { path: args.path, external: true }
        }
        return {
          errors: [{
            text: `${pkg.name} imports "${args.path}", but "${packageNameOf(args.path)}" is not in its ` +
              `dependencies or peerDependencies (add it, as an optional peer if only some entry points need it)`
          }]
        }
      })
    }
  }
}

/**
 * Emits one `.d.ts` (plus `.d.ts.map` into the shipped `src/`) per source file into `dist/`
 * with the TypeScript compiler, keeping the directory structure: `src/testing/index.ts` →
 * `dist/testing/index.d.ts`. The whole package is type-checked first; errors fail the build.
 *
 * Why not tsup's `dts: true`: its rollup-plugin-dts bundling drops the value side of a
 * same-named const + type (`export const PartnershipId = …; export type PartnershipId = …`)
 * inside `export * as X` namespaces, the Effect idiom used everywhere here.
 *
 * The `@localrights/source` condition is switched off for this step, so imports of other
 * workspace packages resolve to their built `dist/*.d.ts` (pnpm builds dependencies first).
 */
export const emitDeclarations = (packageDir: string, entries: Record<string, string>): void => {
  const configPath = ts.findConfigFile(packageDir, ts.sys.fileExists, "tsconfig.json")
  if (configPath === undefined) throw new Error(`no tsconfig.json found above ${packageDir}`)
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"))
    }
  })
  if (parsed === undefined) throw new Error(`cannot read ${configPath}`)
  const options: ts.CompilerOptions = {
    ...parsed.options,
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
    declarationMap: true,
    sourceMap: false,
    composite: false,
    incremental: false,
    customConditions: [],
    rootDir: resolve(packageDir, "src"),
    outDir: resolve(packageDir, "dist")
  }
  delete options.tsBuildInfoFile
  const program = ts.createProgram({
    rootNames: Object.values(entries).map((file) => resolve(packageDir, file)),
    options
  })
  const result = program.emit()
  const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics]
  const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error)
  if (errors.length > 0 || result.emitSkipped) {
    const host: ts.FormatDiagnosticsHost = {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => packageDir,
      getNewLine: () => "\n"
    }
    const format = process.stdout.isTTY ? ts.formatDiagnosticsWithColorAndContext : ts.formatDiagnostics
    throw new Error(`declaration emit failed:\n${format(errors, host)}`)
  }
}

/**
 * The tsup options every package uses: ESM only, `.d.ts` next to each file, target Node 24,
 * no dependency bundled (effect stays a peer), undeclared run-time imports fail the build.
 */
export const libraryConfig = (overrides: Options = {}): Options => {
  const packageDir = process.cwd()
  const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as PackageJson
  const entries = entriesFromExports(pkg, packageDir)
  return {
    entry: entries,
    outDir: "dist",
    format: ["esm"],
    platform: "node",
    target: "node24",
    // Declarations come from `tsc` (see `emitDeclarations`), not from tsup's bundler.
    dts: false,
    onSuccess: async () => {
      const started = Date.now()
      emitDeclarations(packageDir, entries)
      console.log(`DTS ${pkg.name}: declarations emitted with tsc in ${Date.now() - started}ms`)
    },
    sourcemap: true,
    clean: true,
    splitting: true,
    treeshake: false,
    // tsup 9 rewrites `node:sqlite` to `sqlite` by default, which fails at run time.
    removeNodeProtocol: false,
    esbuildPlugins: [externalsGuard(pkg)],
    ...overrides
  }
}
