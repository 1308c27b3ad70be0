#!/usr/bin/env bash
# Pack check: what we publish is what a user can install and import.
#
#   scripts/pack-check.sh [--no-build] [package-dir ...]
#
# Builds the packages (default: every non-private package under packages/), packs each with
# `pnpm pack`, lints each tarball with publint and attw (offline, see below), installs the
# tarballs plus effect (and the packages' other peer dependencies) into a fresh temporary
# folder with plain npm, then with plain Node 24 (no custom export condition):
#   - imports every subpath in the installed package's "exports" and asserts it has exports,
#   - asserts the files named by "types"/"default" exist and `./internal/*` stays private,
#   - asserts core's area subpaths (`@localrights/core/partnership`, ...) re-export the very
#     namespaces of `@localrights/core` (same classes and tags, not copies), and runs the
#     README examples through the root and through the area subpaths,
#   - type-checks a consumer module against the shipped .d.ts files with tsc (NodeNext).
# Exits non-zero on any failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export EFFECT_VERSION="${EFFECT_VERSION:-4.1.0}"
build=1
dirs=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) dirs+=("$arg") ;;
  esac
done

cd "$ROOT"
if [ "${#dirs[@]}" -eq 0 ]; then
  # Every publishable package: packages/*, packages/store/*, packages/render/*.
  while IFS= read -r pj; do
    dir="$(dirname "$pj")"
    if [ "$(node -p "require('./$pj').private === true")" != "true" ]; then dirs+=("$dir"); fi
  done < <(find packages -mindepth 2 -maxdepth 3 -name package.json -not -path '*/node_modules/*' | sort)
fi
[ "${#dirs[@]}" -gt 0 ] || { echo "pack-check: no packages to check" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/localrights-pack.XXXXXX")"
cleanup() { if [ "${KEEP_PACK_DIR:-}" = "" ]; then rm -rf "$work"; else echo "pack-check: kept $work"; fi; }
trap cleanup EXIT
mkdir -p "$work/tarballs" "$work/consumer"

if [ "$build" = 1 ]; then
  # One recursive run, so pnpm builds in dependency order (store-sql before store-postgres,
  # whose declarations are emitted against store-sql's dist/), whatever order the dirs are in.
  filters=()
  for dir in "${dirs[@]}"; do filters+=(--filter "./$dir"); done
  echo "pack-check: building ${#dirs[@]} package(s)"
  pnpm -r "${filters[@]}" run build >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
fi

names=()
for dir in "${dirs[@]}"; do
  name="$(node -p "require('./$dir/package.json').name")"
  names+=("$name")
  echo "pack-check: packing $name"
  (cd "$dir" && pnpm pack --pack-destination "$work/tarballs" >/dev/null)
done

tarballs=("$work"/tarballs/*.tgz)
for t in "${tarballs[@]}"; do
  echo "pack-check: $(basename "$t"): $(tar -tzf "$t" | wc -l) files, $(du -k "$t" | cut -f1) KiB"
  if tar -tzf "$t" | grep -qE '(^|/)(test|node_modules)/|\.test\.ts$|tsup\.config\.ts$'; then
    echo "pack-check: $(basename "$t") ships test files or configs:" >&2
    tar -tzf "$t" | grep -E '(^|/)(test|node_modules)/|\.test\.ts$|tsup\.config\.ts$' >&2
    exit 1
  fi
  # every package says "license": "MIT"; the text itself must ship with it
  # (grep reads the whole list: with pipefail, `tar | grep -q` fails when grep stops early)
  if ! tar -tzf "$t" | grep -x 'package/LICENSE' >/dev/null; then
    echo "pack-check: $(basename "$t") has no LICENSE file" >&2
    exit 1
  fi
done

# Lint the tarballs themselves (what the registry would receive), offline:
#   - publint: package.json against the files in the tarball ("exports", "types", "files",
#     "sideEffects", module format of each file); --strict makes its warnings errors too.
#   - attw (Are the Types Wrong?): what TypeScript resolves for every subpath in "exports",
#     and whether the types match the JavaScript. `--profile esm-only`: these packages are
#     ESM only ("type": "module", no "require" condition, Node >= 24), so `node10` and
#     `node16` from CommonJS cannot resolve them by design and are not errors; `node16`
#     (from ESM) and `bundler` must be clean. `--no-definitely-typed`: never look up @types
#     packages on the registry (our packages ship their own .d.ts), so nothing is downloaded.
#     attw reads the .tgz that pnpm packed (not `attw --pack`, which would run `npm pack` and
#     leave `workspace:^` ranges in the manifest).
for t in "${tarballs[@]}"; do
  # (suggestions fail too: publint must have nothing to say)
  if ! "$ROOT/node_modules/.bin/publint" run --strict "$t" >"$work/publint.log" 2>&1 \
    || ! grep -q "All good!" "$work/publint.log"; then
    echo "pack-check: publint: $(basename "$t"):" >&2
    cat "$work/publint.log" >&2
    exit 1
  fi
  if ! "$ROOT/node_modules/.bin/attw" "$t" --profile esm-only --no-definitely-typed --format table-flipped \
    --no-emoji --no-color >"$work/attw.log" 2>&1; then
    echo "pack-check: attw: $(basename "$t"):" >&2
    cat "$work/attw.log" >&2
    exit 1
  fi
  echo "pack-check: $(basename "$t"): publint ok, attw ok (esm-only)"
done

# What a user installs next to our packages: effect, plus every (optional) peer dependency
# outside @localrights/*, at the version the workspace pins in devDependencies (so
# `@localrights/core/testing` finds vitest and @effect/vitest), and @types/node.
mapfile -t peers < <(node -e '
  const specs = new Map([["effect", process.env.EFFECT_VERSION]])
  for (const dir of process.argv.slice(1)) {
    const p = require(require("node:path").resolve(dir, "package.json"))
    for (const [name, range] of Object.entries(p.peerDependencies ?? {})) {
      if (name.startsWith("@localrights/") || specs.has(name)) continue
      specs.set(name, p.devDependencies?.[name] ?? range)
    }
  }
  // The consumer type check below runs on Node types, as a Node user would.
  specs.set("@types/node", require(process.cwd() + "/package.json").devDependencies?.["@types/node"] ?? "24")
  for (const [name, spec] of specs) console.log(`${name}@${spec}`)' "${dirs[@]}")

cd "$work/consumer"
printf '{ "name": "pack-check-consumer", "private": true, "type": "module" }\n' >package.json
echo "pack-check: npm install ${#tarballs[@]} tarball(s) + ${peers[*]}"
npm install --no-audit --no-fund --loglevel=error "${tarballs[@]}" "${peers[@]}" >"$work/npm.log" 2>&1 \
  || { cat "$work/npm.log" >&2; exit 1; }

# Runtime check with plain Node: no `@localrights/source` condition, so dist/ is used.
cat >check.mjs <<'EOF'
import assert from "node:assert/strict"
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"

const require = createRequire(import.meta.url)
const isNamespace = (v) =>
  v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype &&
  Object.values(Object.getOwnPropertyDescriptors(v)).every((d) => typeof d.get === "function")
const names = process.argv.slice(2)
const typeImports = []
for (const name of names) {
  const pkgDir = dirname(require.resolve(`${name}/package.json`))
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"))
  let checked = 0
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    if (target === null || typeof target !== "object" || subpath.includes("*")) continue
    const spec = subpath === "." ? name : `${name}/${subpath.slice(2)}`
    for (const condition of ["types", "default"]) {
      assert.ok(typeof target[condition] === "string", `${spec}: missing "${condition}" condition`)
      assert.ok(existsSync(join(pkgDir, target[condition])), `${spec}: ${target[condition]} is not in the tarball`)
    }
    const mod = await import(spec)
    const keys = Object.keys(mod)
    assert.ok(keys.length > 0, `${spec}: imported, but has no exports`)
    console.log(`pack-check: import("${spec}") ok: ${keys.slice(0, 8).join(", ")}${keys.length > 8 ? ", …" : ""}`)
    // Every runtime export (and every member of a re-exported namespace, `export * as X`)
    // must be declared as a value in the .d.ts too.
    const paths = []
    for (const key of keys) {
      paths.push([key])
      if (isNamespace(mod[key])) for (const member of Object.keys(mod[key])) paths.push([key, member])
    }
    typeImports.push({ spec, paths })
    checked++
  }
  assert.ok(checked > 0, `${name}: no importable subpath in "exports"`)
  if (Object.hasOwn(pkg.exports ?? {}, "./internal/*")) {
    await assert.rejects(import(`${name}/internal/anything`), { code: "ERR_PACKAGE_PATH_NOT_EXPORTED" })
  }
}
// Consumer module for the type check below: touches every runtime export through the types.
const lines = typeImports.flatMap(({ spec, paths }, i) => [
  `import * as m${i} from "${spec}"`,
  ...paths.map((p, j) => `export const v${i}_${j}: unknown = m${i}${p.map((k) => `[${JSON.stringify(k)}]`).join("")}`)
])
writeFileSync("types-check.mts", lines.join("\n") + "\n")
EOF
node check.mjs "${names[@]}"

# Run the packages' README examples from the tarballs: importing is not enough (a module
# cycle in the bundle shows only when a layer is built).
cat >smoke.mjs <<'EOF'
import assert from "node:assert/strict"
import * as core from "@localrights/core"
import { ChangeLog, Partnership, Partnerships, Stores, View } from "@localrights/core"
import { IcldCohort2020 } from "@localrights/core/examples"
import * as partnership from "@localrights/core/partnership"
import * as store from "@localrights/core/store"
import { Effect } from "effect"
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"

const names = new Set(process.argv.slice(2))

// Core's area subpaths re-export the root's namespaces: every member is the very value the
// root exports (one copy of each class and service tag in the bundle, whichever path a user
// imports), and no namespace is in two areas.
const require = createRequire(import.meta.url)
const corePkg = JSON.parse(readFileSync(require.resolve("@localrights/core/package.json"), "utf8"))
const areas = Object.keys(corePkg.exports).filter((s) => s !== "." && !s.includes("*") && !/^\.\/(testing|examples|package\.json)$/.test(s))
assert.ok(areas.includes("./partnership") && areas.includes("./store"), `core's area subpaths: ${areas.join(", ")}`)
const inArea = new Map()
for (const subpath of areas) {
  const spec = `@localrights/core/${subpath.slice(2)}`
  const area = await import(spec)
  for (const [name, ns] of Object.entries(area)) {
    assert.ok(name in core, `${spec} exports ${name}, which @localrights/core does not`)
    assert.ok(!inArea.has(name), `${name} is in ${inArea.get(name)} and ${spec}`)
    inArea.set(name, spec)
    for (const member of Object.keys(core[name])) {
      assert.ok(ns[member] === core[name][member], `${spec}: ${name}.${member} is not the value @localrights/core exports`)
    }
  }
  console.log(`pack-check: ${spec}: ${Object.keys(area).length} namespaces, the same values as @localrights/core`)
}

// The core README example, through the root and through the area subpaths.
const walk = (P, PS) =>
  Effect.gen(function*() {
    yield* IcldCohort2020.load
    yield* PS.register(IcldCohort2020.lundFrancistown, ChangeLog.change("me", "Expression of interest"))
    const applied = yield* PS.execute("lund-francistown", { _tag: "Apply" }, ChangeLog.change("me", "Application in", 1))
    assert.equal(applied.status, "applied")
    assert.equal(applied.version, 2)
    const page = yield* (yield* P.Store).search({ programme: "icld-mr-2020" })
    assert.equal(page.total, 6)
  })
await Effect.runPromise(walk(Partnership, Partnerships).pipe(Effect.provide(Stores.layerMemory)))
console.log("pack-check: core README example ok (memory store)")
await Effect.runPromise(walk(partnership.Partnership, partnership.Partnerships).pipe(Effect.provide(store.Stores.layerMemory)))
console.log("pack-check: core README example ok (through @localrights/core/partnership and /store)")
if (names.has("@localrights/store-sqlite")) {
  const { SqliteStore } = await import("@localrights/store-sqlite")
  await Effect.runPromise(walk(Partnership, Partnerships).pipe(Effect.provide(SqliteStore.layerMemory)))
  console.log("pack-check: core README example ok (SQLite store)")
}
if (names.has("@localrights/render-html")) {
  const { HtmlRenderer } = await import("@localrights/render-html")
  const dir = View.directory({ organisations: IcldCohort2020.organisations, programmes: [IcldCohort2020.programme] })
  const page = Effect.runSync(HtmlRenderer.make().render(View.projectCard(IcldCohort2020.lundFrancistown, dir), "sv"))
  assert.match(page.body, /Minskad ojämlikhet/)
  console.log("pack-check: render-html README example ok")
}
EOF
node smoke.mjs "${names[@]}"

# Type check with the repo's TypeScript against the shipped .d.ts (skipLibCheck off, so
# broken declaration files fail here).
cat >tsconfig.json <<'EOF'
{
  "compilerOptions": {
    "target": "ES2024",
    "lib": ["ES2024", "DOM", "DOM.Iterable"],
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "strict": true,
    "exactOptionalPropertyTypes": true,
    "skipLibCheck": false,
    "noEmit": true,
    "types": ["node"]
  },
  "files": ["types-check.mts"]
}
EOF
"$ROOT/node_modules/.bin/tsc" -p tsconfig.json
echo "pack-check: types ok"
echo "pack-check: OK (${names[*]})"
