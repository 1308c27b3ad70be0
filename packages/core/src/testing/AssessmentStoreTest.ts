/**
 * The contract suite for assessments in a store adapter: assessments and published criteria
 * framework versions (stored under keys such as `lund-mr@2`) are read back equal with their
 * change log, old framework versions stay as they were, and a version is published only once.
 * Every adapter that provides the typed stores runs it.
 *
 * @example
 * ```ts
 * import { AssessmentStoreTest } from "@localrights/core/testing"
 * import { Stores } from "@localrights/core"
 * AssessmentStoreTest.suite("memory", Stores.layerMemory)
 * ```
 *
 * @since 0.1.0
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, type Layer } from "effect"
import * as Assessment from "../assessment/Assessment.ts"
import { Store as AssessmentStore } from "../assessment/Assessment.ts"
import * as ChangeLog from "../ChangeLog.ts"
import * as CriteriaFramework from "../assessment/CriteriaFramework.ts"
import { CriteriaFrameworkStore } from "../assessment/CriteriaFrameworkStore.ts"
import * as Frameworks from "../assessment/Frameworks.ts"
import type { CriteriaFrameworkId } from "../Ids.ts"
import type { Stores } from "../store/Stores.ts"

let counter = 0
const unique = (name: string) => `${name}-${Date.now().toString(36)}-${(counter++).toString(36)}`
const change = ChangeLog.change("contract-suite", "contract test")

const assessment = (partnership: string, assessor: string, date: string, values: ReadonlyArray<number>) =>
  Effect.runSync(Assessment.make({
    id: unique(`assessment-${assessor}`),
    subject: { partnership, stage: "application" },
    framework: CriteriaFramework.ref(Frameworks.skr),
    assessor,
    date,
    scores: Frameworks.skr.principles.map((p, i) => ({
      principle: p.id,
      score: values[i]!,
      ...(values[i]! < 2 ? { evidence: { sv: `Motivering för ${p.id} – åäö`, en: `Evidence for ${p.id}` } } : {})
    })),
    notes: { sv: "Anteckning", en: "Note" }
  }))

/**
 * Registers the suite under `name` with vitest. `layer` is built once per test case; ids are
 * unique per run, so suites may share one database.
 *
 * @category constructors
 * @since 0.1.0
 */
export const suite = <E>(name: string, layer: Layer.Layer<Stores, E>): void => {
  describe(`Assessment stores contract: ${name}`, () => {
    const run = <A, E2>(self: Effect.Effect<A, E2, Stores>) => self.pipe(Effect.provide(layer))

    it.effect("stores assessments and reads them back equal, per subject in date order", () =>
      run(Effect.gen(function*() {
        const store = yield* AssessmentStore
        const partnership = unique("partnership")
        const later = assessment(partnership, "b", "2020-12-01", [3, 3, 2, 1, 3, 2])
        const earlier = assessment(partnership, "a", "2020-11-20", [3, 3, 3, 3, 3, 3])
        yield* store.create(later, change)
        yield* store.create(earlier, change)
        yield* store.create(assessment(unique("other"), "a", "2020-11-01", [2, 2, 2, 2, 2, 2]), change)
        assert.deepStrictEqual(yield* store.get(later.id), new Assessment.Assessment({ ...later, version: 1 }))
        assert.deepStrictEqual((yield* store.forSubject(partnership)).map((a) => a.id), [earlier.id, later.id])
        assert.deepStrictEqual(yield* store.forSubject(partnership, "project-plan"), [])
        const history = yield* store.history(later.id)
        assert.deepStrictEqual(history.map((r) => [r.version, r.command, r.actor]), [[1, "CreateAssessment", "contract-suite"]])
      })))

    it.effect("publishes framework versions once, under id@version, and keeps old versions unchanged", () =>
      run(Effect.gen(function*() {
        const frameworks = yield* CriteriaFrameworkStore
        const id = unique("custom") as CriteriaFrameworkId
        const v1 = new CriteriaFramework.CriteriaFramework({
          ...Frameworks.skr,
          id,
          version: 1,
          name: { sv: "Egna kriterier – åäö" },
          fallbackLanguage: "sv",
          principles: [
            { ...Frameworks.skr.principles[0]!, weight: 0.75, minimum: 3 },
            ...Frameworks.skr.principles.slice(1)
          ],
          thresholds: { ...Frameworks.thresholds, overallShare: 0.55 }
        })
        const v2 = new CriteriaFramework.CriteriaFramework({ ...v1, version: 2, thresholds: { ...v1.thresholds, overallShare: 0.7 } })
        assert.deepStrictEqual(yield* frameworks.publish(v1, change), v1)
        yield* frameworks.publish(v2, change)
        assert.deepStrictEqual(yield* frameworks.get({ id, version: 1 }), v1)
        assert.deepStrictEqual(yield* frameworks.get({ id, version: 2 }), v2)
        assert.deepStrictEqual((yield* frameworks.versions(id)).map((f) => f.version), [1, 2])
        const again = yield* frameworks.publish(v2, change).pipe(Effect.flip)
        assert.strictEqual(again._tag, "FrameworkInvalid")
        const missing = yield* frameworks.get({ id, version: 3 }).pipe(Effect.flip)
        assert.strictEqual(missing._tag, "FrameworkNotFound")
      })))
  })
}
