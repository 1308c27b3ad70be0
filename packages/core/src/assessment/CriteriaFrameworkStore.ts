/**
 * The store of custom criteria frameworks and their versions. Each version is stored once,
 * under the key `id@version`, and never changed; the built-in frameworks ({@link Frameworks})
 * are answered without being stored.
 *
 * @module
 * @group Assessment
 * @since 0.1.0
 */
import { Array as Arr, Context, Effect, Layer, Option, Result, Schema } from "effect"
import { Version } from "../ChangeLog.ts"
import type * as ChangeLog from "../ChangeLog.ts"
import * as CriteriaFramework from "./CriteriaFramework.ts"
import * as Refusal from "../Refusal.ts"
import type { DocumentStore, StoreError, VersionConflict } from "../store/DocumentStore.ts"
import * as EntityStore from "../store/EntityStore.ts"
import * as Frameworks from "./Frameworks.ts"

/**
 * A published framework version as stored: `id` is the key `id@version`, `version` the stored
 * record's version (always 1: a published version is never updated).
 *
 * @category schemas
 * @since 0.1.0
 */
export class Published extends Schema.Class<Published>("@localrights/core/CriteriaFrameworkStore/Published")({
  id: Schema.String,
  framework: CriteriaFramework.CriteriaFramework,
  version: Version
}) {}

/**
 * The store of criteria frameworks.
 *
 * @category services
 * @since 0.1.0
 */
export class CriteriaFrameworkStore extends Context.Service<CriteriaFrameworkStore, {
  /**
   * Publishes a custom framework version (the subject): valid, not a built-in id, newer than
   * every stored version of its id; every broken rule at once. The change says who and why.
   */
  readonly publish: (
    framework: CriteriaFramework.CriteriaFramework,
    change: ChangeLog.Change
  ) => Effect.Effect<CriteriaFramework.CriteriaFramework, CriteriaFramework.FrameworkInvalid | VersionConflict | StoreError>
  /** One framework version, built-in or stored. */
  readonly get: (
    ref: { readonly id: string; readonly version: number }
  ) => Effect.Effect<CriteriaFramework.CriteriaFramework, CriteriaFramework.FrameworkNotFound | StoreError>
  /** The newest version of a framework. */
  readonly latest: (id: string) => Effect.Effect<CriteriaFramework.CriteriaFramework, CriteriaFramework.FrameworkNotFound | StoreError>
  /** Every version of a framework, oldest first. */
  readonly versions: (id: string) => Effect.Effect<ReadonlyArray<CriteriaFramework.CriteriaFramework>, StoreError>
  /** Every framework version, built-ins first, then stored ones by id and version. */
  readonly list: Effect.Effect<ReadonlyArray<CriteriaFramework.CriteriaFramework>, StoreError>
}>()("@localrights/core/CriteriaFrameworkStore") {}

const byIdVersion = (a: CriteriaFramework.CriteriaFramework, b: CriteriaFramework.CriteriaFramework) =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : a.version - b.version

/**
 * Builds the store over the {@link DocumentStore.DocumentStore} in context (entity kind
 * `criteria-framework`).
 *
 * @category constructors
 * @since 0.1.0
 */
export const make: Effect.Effect<CriteriaFrameworkStore["Service"], never, DocumentStore> = Effect.gen(function*() {
  const store = yield* EntityStore.make("criteria-framework", Published)
  const stored = store.list().pipe(Effect.map((all) => all.map((p) => p.framework).sort(byIdVersion)))
  const versions = (id: string) =>
    Frameworks.isBuiltIn(id)
      ? Effect.succeed(Frameworks.builtIns.filter((f) => f.id === id))
      : stored.pipe(Effect.map((all) => all.filter((f) => f.id === id)))

  const publish = Effect.fn("CriteriaFrameworkStore.publish")(function*(
    framework: CriteriaFramework.CriteriaFramework,
    change: ChangeLog.Change
  ) {
    const checked = CriteriaFramework.validate(framework)
    const violations: Array<Refusal.Violation> = Result.isFailure(checked) ? [...checked.failure.violations] : []
    if (Frameworks.isBuiltIn(framework.id)) {
      violations.push(Refusal.violation("id", "not-built-in", framework.id, {
        sv: `${framework.id} är ett inbyggt ramverk; ge det egna ramverket ett eget id.`,
        en: `${framework.id} is a built-in framework; give your framework an id of its own.`
      }))
    } else {
      const existing = yield* versions(framework.id)
      const newest = existing[existing.length - 1]
      if (newest !== undefined && framework.version <= newest.version) {
        violations.push(Refusal.violation("version", "newer-version", framework.version, {
          sv: `${framework.id} finns redan i version ${newest.version}; en ny version måste ha ett högre nummer.`,
          en: `${framework.id} already exists in version ${newest.version}; a new version needs a higher number.`
        }))
      }
    }
    if (Arr.isArrayNonEmpty(violations)) {
      return yield* new CriteriaFramework.FrameworkInvalid({
        subject: { kind: "criteria-framework", id: CriteriaFramework.key(framework) },
        violations
      })
    }
    const saved = yield* store.create(
      new Published({ id: CriteriaFramework.key(framework), framework, version: 0 }),
      change,
      { command: "PublishCriteriaFramework" }
    )
    return saved.framework
  })

  const get = Effect.fn("CriteriaFrameworkStore.get")(function*(ref: { readonly id: string; readonly version: number }) {
    if (Frameworks.isBuiltIn(ref.id)) return yield* Effect.fromResult(CriteriaFramework.resolve(Frameworks.builtIns, ref))
    const found = yield* store.find(CriteriaFramework.key(ref))
    if (Option.isSome(found)) return found.value.framework
    return yield* Effect.fromResult(CriteriaFramework.resolve(yield* versions(ref.id), ref))
  })

  const latest = Effect.fn("CriteriaFrameworkStore.latest")(function*(id: string) {
    const all = yield* versions(id)
    const newest = all[all.length - 1]
    if (newest !== undefined) return newest
    return yield* CriteriaFramework.notFound({ id }, [])
  })

  return {
    publish,
    get,
    latest,
    versions,
    list: stored.pipe(Effect.map((s) => [...Frameworks.builtIns, ...s]))
  }
})

/**
 * The store as a layer over the {@link DocumentStore.DocumentStore} in context.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer: Layer.Layer<CriteriaFrameworkStore, never, DocumentStore> = Layer.effect(CriteriaFrameworkStore, make)
