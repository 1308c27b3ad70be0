/**
 * Where the data lives: the embedded SQLite store (`@localrights/store-sqlite`) in a file, or
 * core's in-memory store for tests. Either is seeded with the ICLD 2020 cohort from core's
 * example data when it is empty.
 */
import { ChangeLog, type DocumentStore, Organisation, Partnerships, Stores } from "@localrights/core"
import { IcldCohort2020 } from "@localrights/core/examples"
import { SqliteStore } from "@localrights/store-sqlite"
import { Effect, Layer } from "effect"
import { mkdirSync } from "node:fs"
import { dirname } from "node:path"

/**
 * Stores the ICLD 2020 cohort when the store holds no organisation yet: the organisations,
 * programme, network and the five admitted partnerships (`IcldCohort2020.load`), and Lund ↔
 * Francistown registered as interest (`Partnerships.register`), ready to walk through the lifecycle.
 */
export const seedIfEmpty = Effect.gen(function*() {
  const existing = yield* (yield* Organisation.Store).list({ limit: 1 })
  if (existing.length > 0) return false
  yield* IcldCohort2020.load
  yield* Partnerships.register(
    IcldCohort2020.lundFrancistown,
    ChangeLog.change("seed", "Interest registered: ICLD project card for Lund and Francistown")
  )
  return true
}).pipe(Effect.withSpan("Store.seedIfEmpty"))

const seeded = <E, R>(stores: Layer.Layer<Stores.Stores | DocumentStore.DocumentStore, E, R>) =>
  Layer.effectDiscard(Effect.orDie(seedIfEmpty)).pipe(Layer.provideMerge(stores))

/** Core's in-memory stores, seeded: for tests. Each build starts from the seed. */
export const layerMemory = seeded(Stores.layerMemory)

/** The SQLite stores in a file (its folder is created) or `:memory:`, seeded when empty. */
export const layerSqlite = (filename: string) =>
  seeded(
    Layer.unwrap(Effect.sync(() => {
      if (filename !== ":memory:") mkdirSync(dirname(filename), { recursive: true })
      return SqliteStore.layer({ filename })
    }))
  )
