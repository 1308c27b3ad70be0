/**
 * Where the data lives: PostgreSQL (`@localrights/store-postgres`) when a URL is given, the
 * embedded SQLite store (`@localrights/store-sqlite`) in a file by default, or core's in-memory
 * store for tests. Each is seeded from core's examples when it holds no organisation yet; with
 * `results: true` the seed includes the illustrative results framework of Lund ↔ Francistown.
 */
import { ChangeLog, type DocumentStore, Organisation, Partnerships, Stores } from "@localrights/core"
import { IcldCohort2020, LundFrancistownResults, Mr2020Conferences, StrategistProgramme2023 } from "@localrights/core/examples"
import { PgStore } from "@localrights/store-postgres"
import { SqliteStore } from "@localrights/store-sqlite"
import { Effect, Layer } from "effect"
import { mkdirSync } from "node:fs"
import { dirname } from "node:path"

/** What goes into the seed beyond the cohort, the conferences and the strategist programme. */
export interface SeedOptions {
  /**
   * Lund ↔ Francistown in its preparation year with the illustrative results framework (goals,
   * indicators, reporting rules, disbursement plan: `LundFrancistownResults.load`) and its
   * preparation-year report through the whole cycle, returned, resubmitted and approved, with
   * the next tranche released (`LundFrancistownResults.cycle`), instead of registered as
   * interest. Default `false`.
   */
  readonly results?: boolean | undefined
}

/**
 * Stores core's examples when the store holds no organisation yet: the ICLD 2020 cohort (the
 * organisations, programme, network and the five admitted partnerships, `IcldCohort2020.load`),
 * SKR's cancelled MR 2020 conferences, and the 2023 strategist programme with its conference.
 * Lund ↔ Francistown is registered as interest (`Partnerships.register`, not public until
 * admitted), or with `results` in its preparation year with its results (see {@link SeedOptions}).
 */
export const seedIfEmpty = Effect.fn("Store.seedIfEmpty")(function*(options: SeedOptions = {}) {
  const existing = yield* (yield* Organisation.Store).list({ limit: 1 })
  if (existing.length > 0) return false
  yield* IcldCohort2020.load
  if (options.results === true) {
    yield* LundFrancistownResults.load
    yield* LundFrancistownResults.cycle
  } else {
    yield* Partnerships.register(
      IcldCohort2020.lundFrancistown,
      ChangeLog.change("seed", "Interest registered: ICLD project card for Lund and Francistown")
    )
  }
  yield* Mr2020Conferences.load
  yield* StrategistProgramme2023.load
  return true
})

/** What the app runs on: every store of core, over one document store. */
export type Services = Stores.Stores | DocumentStore.DocumentStore

const seeded = <E, R>(stores: Layer.Layer<Services, E, R>, options: SeedOptions) =>
  Layer.effectDiscard(Effect.orDie(seedIfEmpty(options))).pipe(Layer.provideMerge(stores))

/** Core's in-memory stores, seeded as `options` say: for tests. Each build starts from the seed. */
export const memory = (options: SeedOptions = {}): Layer.Layer<Services> => seeded(Stores.layerMemory, options)

/** Core's in-memory stores with the default seed: for tests. */
export const layerMemory: Layer.Layer<Services> = memory()

/** The SQLite stores in a file (its folder is created) or `:memory:`, seeded when empty. */
export const layerSqlite = (filename: string, options: SeedOptions = {}): Layer.Layer<Services, DocumentStore.StoreError> =>
  seeded(
    Layer.unwrap(Effect.sync(() => {
      if (filename !== ":memory:") mkdirSync(dirname(filename), { recursive: true })
      return SqliteStore.layer({ filename })
    })),
    options
  )

/** The PostgreSQL stores at `url` (`postgres://user@host:5432/db`), migrated and seeded when empty. */
export const layerPostgres = (
  url: string,
  options: { readonly maxConnections?: number } & SeedOptions = {}
): Layer.Layer<Services, DocumentStore.StoreError> => {
  const { results, ...pg } = options
  return seeded(PgStore.layerUrl(url, pg), { results })
}
