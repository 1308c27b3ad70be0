/**
 * Every entity store at once, over one {@link DocumentStore.DocumentStore}: each entity
 * declares its store next to its schema (`Organisation.Store`, `Budget.Store`, ...), and
 * {@link layer} derives all of them from {@link all}.
 *
 * @module
 * @group Store
 * @since 0.1.0
 */
import { Effect, Layer } from "effect"
import * as Actual from "../results/Actual.ts"
import * as Agreement from "../programme-work/Agreement.ts"
import * as Assessment from "../assessment/Assessment.ts"
import * as Budget from "../funding/Budget.ts"
import * as CalendarEvent from "../programme-work/CalendarEvent.ts"
import * as Catalogue from "../partnership/Catalogue.ts"
import * as CriteriaFrameworkStore from "../assessment/CriteriaFrameworkStore.ts"
import * as Disbursement from "../funding/Disbursement.ts"
import * as DocumentStore from "./DocumentStore.ts"
import * as EntityStore from "./EntityStore.ts"
import * as Expenses from "../funding/Expenses.ts"
import * as FundingRuleSet from "../funding/FundingRuleSet.ts"
import * as Goal from "../results/Goal.ts"
import * as Indicator from "../results/Indicator.ts"
import * as Integrity from "../partnership/Integrity.ts"
import * as Interest from "../partnership/Interest.ts"
import * as Network from "../partnership/Network.ts"
import * as Organisation from "../partnership/Organisation.ts"
import * as Partnership from "../partnership/Partnership.ts"
import * as Programme from "../partnership/Programme.ts"
import * as ProgressReport from "../results/ProgressReport.ts"
import * as ReportingCycle from "../results/ReportingCycle.ts"
import * as TrainingProgramme from "../programme-work/TrainingProgramme.ts"

/**
 * Every entity store declared with {@link EntityStore.Service}, in one list: {@link layer}
 * builds each from its own `layer`, and a test checks that no store declared in the package is
 * missing here.
 *
 * @category models
 * @since 0.2.0
 */
export const all = [
  Organisation.Store,
  Programme.Store,
  Network.Store,
  Interest.Store,
  FundingRuleSet.Store,
  Budget.Store,
  Expenses.Store,
  Disbursement.Store,
  Assessment.Store,
  CalendarEvent.Store,
  TrainingProgramme.Store,
  Agreement.Store,
  Goal.Store,
  Indicator.Store,
  Actual.Store,
  ProgressReport.Store,
  ReportingCycle.Store
] as const

/**
 * The partnership store derived from the document store: `search` evaluates the query with
 * {@link Catalogue.run} over every partnership (SQL adapters provide their own, with indexes).
 *
 * @category layers
 * @since 0.2.0
 */
export const partnershipLayer: Layer.Layer<Partnership.Store, never, DocumentStore.DocumentStore> = Layer.effect(
  Partnership.Store,
  Effect.gen(function*() {
    const store = yield* EntityStore.make("partnership", Partnership.Partnership)
    return {
      ...(yield* Integrity.guard(store)),
      search: (query: Catalogue.Query) => store.list().pipe(Effect.map((list) => Catalogue.run(list, query)))
    }
  })
)

/**
 * The services {@link layer} provides.
 *
 * @category models
 * @since 0.1.0
 */
export type Stores =
  | Partnership.Store
  | CriteriaFrameworkStore.CriteriaFrameworkStore
  | EntityStore.ServiceOf<typeof all[number]>

/**
 * Every entity store over the {@link DocumentStore.DocumentStore} in context (the document
 * store stays available too).
 *
 * @example
 * ```ts
 * import { DocumentStore, Stores } from "@localrights/core"
 * import { Layer } from "effect"
 * const InMemory = Stores.layer.pipe(Layer.provideMerge(DocumentStore.layerMemory))
 * ```
 *
 * @category layers
 * @since 0.1.0
 */
export const layer: Layer.Layer<Stores, never, DocumentStore.DocumentStore> = Layer.mergeAll(
  partnershipLayer,
  CriteriaFrameworkStore.layer,
  ...all.map((store) => store.layer as Layer.Layer<Stores, never, DocumentStore.DocumentStore>)
)

/**
 * Every entity store in memory, with the in-memory document store: for tests, demos and
 * prototypes.
 *
 * @category layers
 * @since 0.1.0
 */
export const layerMemory: Layer.Layer<Stores | DocumentStore.DocumentStore> = layer.pipe(
  Layer.provideMerge(DocumentStore.layerMemory)
)
