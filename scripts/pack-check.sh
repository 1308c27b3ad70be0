#!/usr/bin/env bash
# Pack check: what we publish is what a user can install and import.
#
#   scripts/pack-check.sh [--no-build] [package-dir ...]
#
# Builds the packages (default: every non-private package under packages/), packs each with
# `pnpm pack`, installs the tarballs plus effect (and the packages' other peer dependencies)
# into a fresh temporary folder with plain npm,
# then with plain Node 24 (no custom export condition):
#   - imports every subpath in the installed package's "exports" and asserts it has exports,
#   - asserts the files named by "types"/"default" exist and `./internal/*` stays private,
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
    -h|--help) sed -n '2,13p' "${BASH_SOURCE[0]}"; exit 0 ;;
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

names=()
for dir in "${dirs[@]}"; do
  name="$(node -p "require('./$dir/package.json').name")"
  names+=("$name")
  if [ "$build" = 1 ]; then
    echo "pack-check: building $name"
    pnpm --filter "./$dir" run build >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
  fi
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
import { ChangeLog, PartnershipStore, Stores, View, Workflow } from "@localrights/core"
import { IcldMr2020 } from "@localrights/core/examples"
import { Effect } from "effect"

const names = new Set(process.argv.slice(2))
const walk = Effect.gen(function*() {
  yield* IcldMr2020.load
  yield* Workflow.register(IcldMr2020.lundFrancistown, ChangeLog.change("me", "Expression of interest"))
  const applied = yield* Workflow.execute("lund-francistown", { _tag: "Apply" }, ChangeLog.change("me", "Application in"))
  assert.equal(applied.status, "applied")
  assert.equal(applied.version, 2)
  const page = yield* (yield* PartnershipStore.PartnershipStore).search({ programme: "icld-mr-2020" })
  assert.equal(page.total, 6)
})
await Effect.runPromise(walk.pipe(Effect.provide(Stores.layerMemory)))
console.log("pack-check: core README example ok (memory store)")
if (names.has("@localrights/store-sqlite")) {
  const { SqliteStore } = await import("@localrights/store-sqlite")
  await Effect.runPromise(walk.pipe(Effect.provide(SqliteStore.layerMemory)))
  console.log("pack-check: core README example ok (SQLite store)")
}
if (names.has("@localrights/render-html")) {
  const { HtmlRenderer } = await import("@localrights/render-html")
  const dir = View.directory({ organisations: IcldMr2020.organisations, programmes: [IcldMr2020.programme] })
  const page = Effect.runSync(HtmlRenderer.make().render(View.projectCard(IcldMr2020.lundFrancistown, dir), "sv"))
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
