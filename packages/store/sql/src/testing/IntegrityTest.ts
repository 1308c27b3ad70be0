/**
 * The integrity suite every SQL store runs: a write that walks around the lifecycle is refused
 * with the rule it breaks, and a refused write leaves every table of the database exactly as
 * it was, byte for byte; a bulk import keeps the same rules.
 *
 * @since 0.2.0
 */
import { assert, describe, it } from "@effect/vitest"
import { Budget, Budgets, ChangeLog, Money, Partnership, Partnerships, type Stores } from "@localrights/core"
import type { Ids } from "@localrights/core"
import { IcldCohort2020 } from "@localrights/core/examples"
import { Effect, Layer, Stream } from "effect"
import * as Client from "effect/sql/SqlClient"
import * as Import from "../Import.ts"
import * as SqlStores from "../SqlStores.ts"

const change = ChangeLog.change("integrity-suite", "integrity suite")
const at = (version: number) => ChangeLog.change("integrity-suite", "integrity suite", version)

/**
 * Every row of every table of the database, as text, in a stable order: what a refused write
 * must leave unchanged.
 *
 * @category constructors
 * @since 0.2.0
 */
export const dump = Effect.gen(function*() {
  const sql = yield* Client.SqlClient
  const tables = yield* sql.onDialectOrElse({
    pg: () => sql.unsafe<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"),
    orElse: () => sql.unsafe<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
  })
  const out: Record<string, ReadonlyArray<string>> = {}
  for (const { name } of tables) {
    const rows = yield* sql.unsafe<Record<string, unknown>>(`SELECT * FROM ${name}`)
    out[name] = rows.map((r) => JSON.stringify(r, (_, v) => (typeof v === "bigint" ? String(v) : v))).sort()
  }
  return out
})

const rules = (e: unknown): ReadonlyArray<string> =>
  typeof e === "object" && e !== null && "violations" in e
    ? (e as { violations: ReadonlyArray<{ rule: string }> }).violations.map((v) => v.rule)
    : [(e as { _tag: string })._tag]

/**
 * Registers the suite under `name`. `fresh` must give an empty database each time it is built.
 *
 * @category constructors
 * @since 0.2.0
 */
export const suite = <E>(name: string, fresh: Layer.Layer<Client.SqlClient, E>): void => {
  const stores = SqlStores.layer.pipe(Layer.provideMerge(fresh))
  describe(`SQL store integrity: ${name}`, () => {
    it.effect("refuses every write around the lifecycle with its rule, and a refused write changes no byte of the database", () =>
      Effect.gen(function*() {
        yield* IcldCohort2020.load
        const store = yield* Partnership.Store
        const lund = yield* Partnerships.register(IcldCohort2020.lundFrancistown, change)
        const applied = yield* Partnerships.execute(lund.id, { _tag: "Apply" }, at(lund.version))
        const before = yield* dump
        const attempts: ReadonlyArray<readonly [string, Effect.Effect<unknown, unknown, Stores.Stores>, string]> = [
          ["update to closed", store.update(new Partnership.Partnership({ ...applied, status: "closed" }, { disableChecks: true }), at(applied.version)), "lifecycle-field"],
          ["update adding a decision", store.update(new Partnership.Partnership({ ...applied, decisions: IcldCohort2020.admitted[0]!.decisions }), at(applied.version)), "lifecycle-field"],
          ["create at admitted", store.create(new Partnership.Partnership({ ...IcldCohort2020.admitted[0]!, id: "admitted-copy" as Ids.PartnershipId }), change), "initial-status"],
          [
            "create in a programme that does not exist",
            store.create(new Partnership.Partnership({ ...IcldCohort2020.lundFrancistown, id: "orphan" as Ids.PartnershipId, programme: "nowhere" as Ids.ProgrammeId }), change),
            "programme-exists"
          ],
          ["admit without an approved assessment", Partnerships.execute(lund.id, { _tag: "Admit", network: IcldCohort2020.network.id }, at(applied.version)), "application-assessment"],
          [
            "a bare decision",
            Partnerships.execute(lund.id, {
              _tag: "RecordDecision",
              decision: { gate: "application-assessment", outcome: "approved", decidedBy: "x", date: "2020-12-10", evidence: { _tag: "Override", justification: { en: "no" } } }
            }, at(applied.version)),
            "decision-evidence"
          ],
          ["a stale version", Partnerships.execute(lund.id, { _tag: "Withdraw" }, at(lund.version)), "VersionConflict"],
          ["no version", Partnerships.execute(lund.id, { _tag: "Withdraw" }, change as ChangeLog.Update), "VersionConflict"],
          [
            "a budget decision on a budget that is not stored",
            Budgets.decide(
              new Budget.Budget({ id: "lund-prep" as Ids.BudgetId, partnership: lund.id, scope: "preparation", currency: "SEK" as Money.CurrencyCode, lines: [], version: 1 }),
              {},
              at(applied.version)
            ),
            "NotFound"
          ]
        ]
        for (const [what, attempt, rule] of attempts) {
          const error = yield* Effect.flip(attempt)
          assert.include(rules(error), rule, what)
          assert.deepStrictEqual(yield* dump, before, `${what} changed the database`)
        }
      }).pipe(Effect.provide(stores)))

    it.effect("import refuses records that break the invariants or name what does not exist, by line, and writes none of them", () =>
      Effect.gen(function*() {
        yield* IcldCohort2020.load
        const store = yield* Partnership.Store
        const encode = (p: Record<string, unknown>) => JSON.stringify(p)
        const base = { ...JSON.parse(JSON.stringify(IcldCohort2020.lundFrancistown)), associates: [] } as Record<string, unknown>
        const lines = [
          encode({ ...base, id: "good-1" }),
          // implementation year 3 with no decisions
          encode({ ...base, id: "bad-year", status: "implementation", implementationYear: 3 }),
          // a programme and an organisation that do not exist
          encode({ ...base, id: "bad-refs", programme: "no-programme", swedishPartner: "no-org" }),
          encode({ ...base, id: "good-2" })
        ].join("\n")
        const before = yield* store.list()
        const report = yield* Import.partnerships(Stream.make(lines), { change })
        assert.deepStrictEqual([report.created, report.rejected], [2, 2])
        assert.deepStrictEqual(report.problems.map((p) => p.line), [2, 3])
        assert.include(report.problems[0]!.reason, "approved")
        assert.include(report.problems[1]!.reason, "no-programme")
        assert.include(report.problems[1]!.reasonSv, "finns inte")
        const after = yield* store.list()
        assert.deepStrictEqual(after.map((p) => p.id).filter((id) => !before.some((b) => b.id === id)).sort(), ["good-1", "good-2"])

        // aborting: the first bad record is named, even when a later one is not JSON at all
        const aborting = [encode({ ...base, id: "abort-1" }), encode({ ...base, id: "abort-2", programme: "no-programme" }), "{ not json"].join("\n")
        const aborted = yield* Import.partnerships(Stream.make(aborting), { change, onInvalid: "abort" }).pipe(Effect.flip)
        assert.deepStrictEqual(aborted._tag === "ImportAborted" ? aborted.line : aborted._tag, 2)
        const last = yield* Import.partnerships(Stream.make(aborting.split("\n").slice(0, 2).join("\n")), { change, onInvalid: "abort" }).pipe(Effect.flip)
        assert.deepStrictEqual(last._tag === "ImportAborted" ? [last.line, last.reason.includes("no-programme")] : last._tag, [2, true])
        // the batch that held the bad record is not written
        assert.isFalse((yield* store.list()).some((p) => p.id === "abort-1"))
      }).pipe(Effect.provide(stores)))
  })
}
