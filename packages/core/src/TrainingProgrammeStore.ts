/**
 * The store of training programmes, with versions and change log. Derived from the primitive
 * {@link DocumentStore.DocumentStore} by {@link layer}, so every adapter stores them.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer } from "effect"
import { TrainingProgramme } from "./TrainingProgramme.ts"
import type { DocumentStore } from "./DocumentStore.ts"
import * as EntityStore from "./EntityStore.ts"

/**
 * The store of training programmes.
 *
 * @category services
 * @since 0.1.0
 */
export class TrainingProgrammeStore extends Context.Service<TrainingProgrammeStore, EntityStore.EntityStore<TrainingProgramme>>()(
  "@localrights/core/TrainingProgrammeStore"
) {}

/**
 * Builds the store over the {@link DocumentStore.DocumentStore} in context.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make: Effect.Effect<TrainingProgrammeStore["Service"], never, DocumentStore> = EntityStore.make("training-programme", TrainingProgramme)

/**
 * The store as a layer over the {@link DocumentStore.DocumentStore} in context.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer: Layer.Layer<TrainingProgrammeStore, never, DocumentStore> = Layer.effect(TrainingProgrammeStore, make)
