/**
 * The store of assessments, with versions and change log. Derived from the primitive
 * {@link DocumentStore.DocumentStore} by {@link layer}; an adapter may also provide it directly.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer } from "effect"
import { Assessment } from "./Assessment.ts"
import type { Stage } from "./CriteriaFramework.ts"
import type { DocumentStore, StoreError } from "./DocumentStore.ts"
import * as EntityStore from "./EntityStore.ts"

/**
 * The store of assessments.
 *
 * @category services
 * @since 0.1.0
 */
export class AssessmentStore extends Context.Service<AssessmentStore, EntityStore.EntityStore<Assessment> & {
  /** The assessments of one partnership, optionally of one stage, oldest first (by date, then id). */
  readonly forSubject: (partnership: string, stage?: Stage) => Effect.Effect<ReadonlyArray<Assessment>, StoreError>
}>()("@localrights/core/AssessmentStore") {}

/**
 * Builds the store over the {@link DocumentStore.DocumentStore} in context (entity kind
 * `assessment`). `forSubject` reads every assessment: right for the in-memory store and small
 * data; SQL adapters may answer it with an index.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make: Effect.Effect<AssessmentStore["Service"], never, DocumentStore> = Effect.gen(function*() {
  const store = yield* EntityStore.make("assessment", Assessment)
  return {
    ...store,
    forSubject: (partnership, stage) =>
      store.list().pipe(
        Effect.map((all) =>
          all
            .filter((a) => a.subject.partnership === partnership && (stage === undefined || a.subject.stage === stage))
            .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        )
      )
  }
})

/**
 * The store as a layer over the {@link DocumentStore.DocumentStore} in context.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer: Layer.Layer<AssessmentStore, never, DocumentStore> = Layer.effect(AssessmentStore, make)
