/**
 * The import of the smaller kinds, record by record through the public entity stores and
 * orchestrators, with the validation every write gets: organisations, programmes and networks
 * (`X.decode`, then create, leave alone when the same, or update at the stored version),
 * budgets (`Budget.decode`, and the partnership must exist) and expenses (`Expenses.record`
 * into the ledger the record names, created when the record names its partnership; an
 * expense id already in the ledger is left alone).
 */
import { Budget, ChangeLog, EntityStore, type ExchangeRates, Expenses, Network, Organisation, Partnership, Programme, type Validation } from "@localrights/core"
import { Data, Effect, Exit, Option } from "effect"
import * as Cli from "../Cli.ts"
import type { Read } from "./Records.ts"

/** The kinds imported here. */
export type Kind = "organisations" | "programmes" | "networks" | "budgets" | "expenses"

/** Counts so far. */
export interface Counts {
  read: number
  created: number
  updated: number
  unchanged: number
  rejected: number
}

/** A record not imported: its line, the id when known, and why. */
export interface Problem {
  readonly line: number
  readonly id?: string | undefined
  readonly reason: { readonly sv: string; readonly en: string }
}

type Outcome = "created" | "updated" | "unchanged"

class Rejected extends Data.TaggedError("Rejected")<{ readonly reason: { readonly sv: string; readonly en: string } }> {}

const decoded = <A>(exit: Exit.Exit<A, Validation.ValidationError>): Effect.Effect<A, Rejected> =>
  Exit.isSuccess(exit) ? Effect.succeed(exit.value) : Effect.fail(rejection(Cli.classify(Exit.isFailure(exit) ? failureOf(exit) : undefined)))

const failureOf = <A, E>(exit: Exit.Exit<A, E>): unknown => {
  if (Exit.isSuccess(exit)) return undefined
  const reason = exit.cause.reasons.find((r) => r._tag === "Fail")
  return reason?._tag === "Fail" ? reason.error : exit.cause
}

const rejection = (f: Cli.Failed) => new Rejected({ reason: { sv: f.sv, en: f.en } })

// create when new, leave alone when the same, update at the stored version when it differs
const upsert = <A extends EntityStore.Versioned>(store: EntityStore.EntityStore<A>, value: A, change: ChangeLog.Change) =>
  Effect.gen(function*() {
    const existing = yield* store.find(value.id)
    if (Option.isNone(existing)) {
      yield* store.create(value, change)
      return "created" as Outcome
    }
    return yield* store.ensure(value, change).pipe(
      Effect.as("unchanged" as Outcome),
      Effect.catchTag("EnsureRefused", () =>
        Effect.as(store.update(value, { ...change, expectedVersion: existing.value.version }), "updated" as Outcome))
    )
  })

/** Imports one record of `kind`; a record the rules refuse is a {@link Rejected}, a store failure fails the import. */
const one = (kind: Kind, value: unknown, change: ChangeLog.Change) =>
  Effect.gen(function*() {
    switch (kind) {
      case "organisations":
        return yield* upsert(yield* Organisation.Store, yield* decoded(Organisation.decode(value)), change)
      case "programmes":
        return yield* upsert(yield* Programme.Store, yield* decoded(Programme.decode(value)), change)
      case "networks":
        return yield* upsert(yield* Network.Store, yield* decoded(Network.decode(value)), change)
      case "budgets": {
        const budget = yield* decoded(Budget.decode(value))
        const partnership = yield* (yield* Partnership.Store).find(budget.partnership)
        if (Option.isNone(partnership)) {
          return yield* new Rejected({ reason: {
            sv: `partnership: Partnerskapet ${budget.partnership} finns inte.`,
            en: `partnership: Partnership ${budget.partnership} does not exist.`
          } })
        }
        return yield* upsert(yield* Budget.Store, budget, change)
      }
      case "expenses": {
        const { ledger: ledgerId, partnership, budget, ...fields } = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>
        if (typeof ledgerId !== "string") {
          return yield* new Rejected({ reason: { sv: "ledger: Posten anger ingen liggare (fältet ledger).", en: "ledger: The record names no ledger (field ledger)." } })
        }
        const entry = yield* decoded(Expenses.decodeEntry(fields))
        const ledgers = yield* Expenses.Store
        let ledger = Option.getOrUndefined(yield* ledgers.find(ledgerId))
        if (ledger === undefined) {
          if (typeof partnership !== "string") {
            return yield* new Rejected({ reason: {
              sv: `ledger: Liggaren ${ledgerId} finns inte; ange partnership (och budget) för att skapa den.`,
              en: `ledger: Ledger ${ledgerId} does not exist; give partnership (and budget) to create it.`
            } })
          }
          if (Option.isNone(yield* (yield* Partnership.Store).find(partnership))) {
            return yield* new Rejected({ reason: { sv: `partnership: Partnerskapet ${partnership} finns inte.`, en: `partnership: Partnership ${partnership} does not exist.` } })
          }
          const made = yield* decoded(Expenses.decodeLedger({ id: ledgerId, partnership, ...(typeof budget === "string" ? { budget } : {}) }))
          ledger = yield* ledgers.create(made, change)
        }
        if (ledger.expenses.some((e) => e.id === entry.id)) return "unchanged" as Outcome
        yield* Expenses.record(ledger.id, entry, { ...change, expectedVersion: ledger.version })
        // a new expense in the ledger
        return "created" as Outcome
      }
    }
  }).pipe(
    // refusals of the rules, a missing rate, a conflict: this record is rejected, the import goes on
    Effect.catch((e) => {
      if (e instanceof Rejected) return Effect.fail(e)
      const f = Cli.classify(e)
      return (e as { _tag?: string })._tag === "StoreError" ? Effect.die(e) : Effect.fail(rejection(f))
    })
  )

/**
 * Imports `records` of `kind`: every record decoded and written, each bad one reported by line
 * (`abort`: the import stops at the first, what was written before it stays). `onProgress`
 * after every record.
 */
export const run = (
  kind: Kind,
  records: ReadonlyArray<Read>,
  options: { readonly change: ChangeLog.Change; readonly abort: boolean; readonly onProgress: (counts: Counts) => void }
): Effect.Effect<
  { readonly counts: Counts; readonly problems: ReadonlyArray<Problem>; readonly aborted: Problem | undefined },
  never,
  | Organisation.Store
  | Programme.Store
  | Network.Store
  | Budget.Store
  | Partnership.Store
  | Expenses.Store
  | ExchangeRates.ExchangeRates
> =>
  Effect.gen(function*() {
    const counts: Counts = { read: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 }
    const problems: Array<Problem> = []
    for (const r of records) {
      counts.read++
      const id = typeof (r.value as { id?: unknown })?.id === "string" ? (r.value as { id: string }).id : undefined
      const outcome = r.problem !== undefined
        ? new Rejected({ reason: r.problem })
        : yield* one(kind, r.value, options.change).pipe(Effect.catch((e) => Effect.succeed(e)))
      if (outcome instanceof Rejected) {
        counts.rejected++
        const problem = { line: r.line, id, reason: outcome.reason }
        if (problems.length < 1000) problems.push(problem)
        options.onProgress(counts)
        if (options.abort) return { counts, problems, aborted: problem }
        continue
      }
      counts[outcome as Outcome]++
      options.onProgress(counts)
    }
    return { counts, problems, aborted: undefined }
  })
