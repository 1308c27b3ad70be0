/**
 * The store of calendar events, with versions and change log. Derived from the primitive
 * {@link DocumentStore.DocumentStore} by {@link layer}, so every adapter stores them.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer } from "effect"
import { CalendarEvent } from "./CalendarEvent.ts"
import type { DocumentStore } from "./DocumentStore.ts"
import * as EntityStore from "./EntityStore.ts"

/**
 * The store of calendar events.
 *
 * @category services
 * @since 0.1.0
 */
export class CalendarEventStore extends Context.Service<CalendarEventStore, EntityStore.EntityStore<CalendarEvent>>()(
  "@localrights/core/CalendarEventStore"
) {}

/**
 * Builds the store over the {@link DocumentStore.DocumentStore} in context.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make: Effect.Effect<CalendarEventStore["Service"], never, DocumentStore> = EntityStore.make("calendar-event", CalendarEvent)

/**
 * The store as a layer over the {@link DocumentStore.DocumentStore} in context.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer: Layer.Layer<CalendarEventStore, never, DocumentStore> = Layer.effect(CalendarEventStore, make)
