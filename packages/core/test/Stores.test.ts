/**
 * Drift between the entity stores the package declares and the ones `Stores` provides: every
 * store class declared with `EntityStore.Service` (found by walking every namespace that
 * `@localrights/core` exports, by its statics `kind`, `schema` and `layer`) must be listed in
 * `Stores.all` and provided by `Stores.layerMemory`, and no two stores may share a kind.
 * Adding an entity is one file and one line in `Stores.all`; this test fails when the line is
 * missing.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Core from "@localrights/core"
import { Stores } from "@localrights/core"
import { Context, Effect, Layer, Option, Predicate, Schema } from "effect"
import { globSync, readFileSync } from "node:fs"
import { join } from "node:path"

interface Declared {
  /** Where it is exported: `Organisation.Store`. */
  readonly path: string
  readonly store: Context.Key<unknown, { readonly kind: string }> & { readonly kind: string }
}

// what `EntityStore.Service` returns: a service key with the statics kind, schema and layer
const isEntityStore = (value: unknown): value is Declared["store"] =>
  Context.isKey(value) &&
  Predicate.isString((value as { kind?: unknown }).kind) &&
  Schema.isSchema((value as { schema?: unknown }).schema) &&
  Layer.isLayer((value as { layer?: unknown }).layer)

const declared: ReadonlyArray<Declared> = Object.entries(Core).flatMap(([namespace, members]) =>
  Object.entries(members as Record<string, unknown>).flatMap(([name, value]) =>
    isEntityStore(value) ? [{ path: `${namespace}.${name}`, store: value }] : []
  )
)

// every store's service key: under `@localrights/core/store/` (stores declared by hand too,
// such as `Partnership.Store`, whose `search` the SQL adapters replace) or named `…Store`
const storeKeys: ReadonlyArray<readonly [string, Context.Key<unknown, unknown>]> = Object.entries(Core).flatMap(([namespace, members]) =>
  Object.entries(members as Record<string, unknown>).flatMap(([name, value]) =>
    Context.isKey(value) && (value.key.startsWith("@localrights/core/store/") || value.key.endsWith("Store"))
      ? [[`${namespace}.${name}`, value as Context.Key<unknown, unknown>] as const]
      : []
  )
)

describe("Stores", () => {
  it("finds the entity stores declared in the package's namespaces", () => {
    assert.isAbove(declared.length, 10)
    assert.include(declared.map((d) => d.path), "Organisation.Store")
    // each store once (a namespace re-exporting another's store would count it twice)
    assert.strictEqual(new Set(declared.map((d) => d.store)).size, declared.length, declared.map((d) => d.path).join(", "))
  })

  it("every EntityStore.Service declared in src/ is exported from @localrights/core", () => {
    const src = join(import.meta.dirname, "..", "src")
    const declarations = globSync("**/*.ts", { cwd: src })
      .filter((file) => !file.startsWith("testing/") && !file.startsWith("examples/"))
      .flatMap((file) =>
        readFileSync(join(src, file), "utf8").split("\n").flatMap((line, i) =>
          // not in a comment (the JSDoc example of EntityStore.Service)
          /^\s*(\*|\/\/)/.test(line) || !/\bEntityStore\.Service</.test(line) ? [] : [`src/${file}:${i + 1}`]
        )
      )
    assert.strictEqual(
      declarations.length,
      declared.length,
      `EntityStore.Service declarations:\n${declarations.join("\n")}\nexported stores: ${declared.map((d) => d.path).join(", ")}`
    )
  })

  it("Stores.all lists every declared entity store, and nothing else", () => {
    const all: ReadonlyArray<unknown> = Stores.all
    const missing = declared.filter((d) => !all.includes(d.store)).map((d) => `${d.path} (kind ${d.store.kind})`)
    assert.deepStrictEqual(missing, [], `declared with EntityStore.Service but not in Stores.all: ${missing.join(", ")}`)
    const unknown = Stores.all.filter((s) => !declared.some((d) => d.store === s)).map((s) => s.kind)
    assert.deepStrictEqual(unknown, [], `in Stores.all but not exported from any namespace of @localrights/core: ${unknown.join(", ")}`)
  })

  it("no two entity stores share a kind", () => {
    const kinds = new Map<string, Array<string>>()
    for (const d of declared) kinds.set(d.store.kind, [...(kinds.get(d.store.kind) ?? []), d.path])
    const shared = [...kinds].filter(([, paths]) => paths.length > 1).map(([kind, paths]) => `${kind}: ${paths.join(", ")}`)
    assert.deepStrictEqual(shared, [], `kinds stored by more than one store: ${shared.join("; ")}`)
  })

  it.effect("Stores.layerMemory provides every store, each under its own kind", () =>
    Effect.gen(function*() {
      const context = yield* Layer.build(Stores.layerMemory)
      const kinds = new Map<string, string>()
      for (const [path, key] of storeKeys) {
        const service = Context.getOption(context, key)
        assert.isTrue(Option.isSome(service), `${path} (${key.key}) is not provided by Stores.layerMemory`)
        const kind = Option.isSome(service) ? (service.value as { kind?: unknown }).kind : undefined
        if (!Predicate.isString(kind)) continue
        assert.isFalse(kinds.has(kind), `${path} and ${kinds.get(kind)} both store kind ${kind}`)
        kinds.set(kind, path)
      }
      for (const { path, store } of declared) {
        assert.strictEqual(kinds.get(store.kind), path, `${path} is provided with kind ${store.kind}`)
      }
    }).pipe(Effect.scoped))
})
