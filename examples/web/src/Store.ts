/**
 * Where the data lives: PostgreSQL (`@localrights/store-postgres`) when a URL is given, the
 * embedded SQLite store (`@localrights/store-sqlite`) in a file by default, or core's in-memory
 * store for tests. Each is seeded from core's examples when it holds no organisation yet.
 */
import { ChangeLog, type DocumentStore, Organisation, Partnerships, Stores } from "@localrights/core"
import { IcldCohort2020, Mr2020Conferences, StrategistProgramme2023 } from "@localrights/core/examples"
import { PgStore } from "@localrights/store-postgres"
import { SqliteStore } from "@localrights/store-sqlite"
import { Effect, Layer } from "effect"
import { mkdirSync } from "node:fs"
import { dirname } from "node:path"

/**
 * Stores core's examples when the store holds no organisation yet: the ICLD 2020 cohort (the
 * organisations, programme, network and the five admitted partnerships, `IcldCohort2020.load`)
 * with Lund ↔ Francistown registered as interest (`Partnerships.register`, not public until
 * admitted), SKR's cancelled MR 2020 conferences, and the 2023 strategist programme with its
 * conference.
 */
export const seedIfEmpty = Effect.gen(function*() {
  const existing = yield* (yield* Organisation.Store).list({ limit: 1 })
  if (existing.length > 0) return false
  yield* IcldCohort2020.load
  yield* Partnerships.register(
    IcldCohort2020.lundFrancistown,
    ChangeLog.change("seed", "Interest registered: ICLD project card for Lund and Francistown")
  )
  yield* Mr2020Conferences.load
  yield* StrategistProgramme2023.load
  return true
}).pipe(Effect.withSpan("Store.seedIfEmpty"))

/** What the app runs on: every store of core, over one document store. */
export type Services = Stores.Stores | DocumentStore.DocumentStore

const seeded = <E, R>(stores: Layer.Layer<Services, E, R>) =>
  Layer.effectDiscard(Effect.orDie(seedIfEmpty)).pipe(Layer.provideMerge(stores))

/** Core's in-memory stores, seeded: for tests. Each build starts from the seed. */
export const layerMemory: Layer.Layer<Services> = seeded(Stores.layerMemory)

/** The SQLite stores in a file (its folder is created) or `:memory:`, seeded when empty. */
export const layerSqlite = (filename: string): Layer.Layer<Services, DocumentStore.StoreError> =>
  seeded(
    Layer.unwrap(Effect.sync(() => {
      if (filename !== ":memory:") mkdirSync(dirname(filename), { recursive: true })
      return SqliteStore.layer({ filename })
    }))
  )

/** The PostgreSQL stores at `url` (`postgres://user@host:5432/db`), migrated and seeded when empty. */
export const layerPostgres = (url: string, options: { readonly maxConnections?: number } = {}): Layer.Layer<Services, DocumentStore.StoreError> =>
  seeded(PgStore.layerUrl(url, options))
