/**
 * The integrity suite every SQL store runs: a write that walks around the lifecycle is refused
 * with the rule it breaks, and a refused write leaves every table of the database exactly as
 * it was, byte for byte; a bulk import keeps the same rules.
 *
 * @since 0.2.0
 */
import { assert, describe, it } from "@effect/vitest"
import {
  Agreement,
  Agreements,
  Budget,
  Budgets,
  type CalendarDate,
  CalendarEvent,
  ChangeLog,
  Events,
  EventTime,
  Money,
  Organisation,
  Partnership,
  Partnerships,
  type Stores,
  TrainingProgramme,
  Trainings
} from "@localrights/core"
import type { Ids } from "@localrights/core"
import { GovernmentAgreement2014, IcldCohort2020, Mr2020Conferences, StrategistProgramme2023 } from "@localrights/core/examples"
import { Effect, Exit, Layer, Schema, Stream } from "effect"
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

    it.effect("events, training and agreements: random commands and writes around them never store an invalid state, and a refused write changes no byte", () =>
      Effect.gen(function*() {
        yield* IcldCohort2020.load
        const events = yield* CalendarEvent.Store
        const planned = yield* events.create(yield* CalendarEvent.make({
          id: "natverkstraff-prop",
          kind: "network-meeting",
          title: { en: "Network meeting" },
          organiser: IcldCohort2020.icld.id,
          capacity: 2,
          schedule: EventTime.timed("2021-03-10T09:00", "2021-03-10T15:00")
        }), change)
        // a small linear congruential generator: the same sequence on every run and store
        let state = 7
        const next = (n: number) => (state = (state * 1103515245 + 12345) % 2147483648) % n
        const person = (i: number) => ({ name: `Person ${i}`, email: `p${i}@prop.example`, signedUp: "2021-02-01" as CalendarDate.CalendarDate })
        let refusals = 0
        for (let step = 0; step < 40; step++) {
          const current = yield* events.get(planned.id)
          const at = ChangeLog.change("prop", `step ${step}`, current.version)
          const i = next(5)
          const kind = next(7)
          const attempt: Effect.Effect<unknown, unknown, Stores.Stores> = [
            () => Events.openRegistration(current.id, at),
            () => Events.register(current.id, person(i), at),
            () => Events.register(current.id, person(i), at),
            () => Events.unregister(current.id, person(i).email, at),
            () => Events.cancel(current.id, { reason: { en: "prop" } }, step < 30 ? ChangeLog.change("prop", "stale", current.version - 1) : at),
            // around the commands: a seat written directly, a status written directly
            () => events.update({ ...current, seats: [...current.seats, person(10 + step)] }, at),
            () => events.update({ ...current, status: current.status === "planned" ? "open" : "planned" }, at)
          ][kind]!()
          const before = yield* dump
          const outcome = yield* Effect.result(attempt)
          assert.isFalse(kind >= 5 && outcome._tag === "Success", `step ${step}: a write around the commands was stored`)
          if (outcome._tag === "Failure") {
            refusals++
            assert.deepStrictEqual(yield* dump, before, `a refused step ${step} changed the database`)
          }
          // whatever happened, the stored event decodes and keeps its invariants
          const stored = yield* events.get(planned.id)
          assert.isTrue(Exit.isSuccess(Schema.decodeUnknownExit(CalendarEvent.CalendarEvent)(JSON.parse(JSON.stringify(stored)))), `step ${step}`)
        }
        assert.isAbove(refusals, 5)
        const history = yield* events.history(planned.id)
        // every change after the creation came from a command
        assert.deepStrictEqual(history.slice(1).filter((r) => r.command === "UpdateCalendarEvent"), [])
        assert.isAbove(history.length, 3)

        // the bypasses of training and agreements, refused with their rule, changing nothing
        const trainings = yield* TrainingProgramme.Store
        const training = yield* trainings.create({ ...StrategistProgramme2023.programme, organiser: IcldCohort2020.icld.id }, change)
        const agreements = yield* Agreement.Store
        yield* (yield* Organisation.Store).ensure(GovernmentAgreement2014.government, change)
        yield* (yield* Organisation.Store).ensure(Mr2020Conferences.skr, change)
        const agreement = yield* agreements.create(GovernmentAgreement2014.agreement, change)
        const before = yield* dump
        const attempts: ReadonlyArray<readonly [string, Effect.Effect<unknown, unknown, Stores.Stores>, string]> = [
          ["an enrolment written directly", trainings.update({ ...training, enrolments: [{ participant: person(1), attended: [] }] }, ChangeLog.change("x", "y", training.version)), "command-field"],
          ["a training for an organiser that is not stored", trainings.create({ ...training, id: "elsewhere" as Ids.TrainingProgrammeId, organiser: "nobody" as Ids.OrganisationId, version: 0 }, change), "organiser-exists"],
          [
            "a deliverable marked delivered directly",
            agreements.update({ ...agreement, deliverables: agreement.deliverables.map((d, j) => (j === 0 ? { ...d, status: "delivered" as const, evidence: [{ description: { en: "x" } }] } : d)) }, ChangeLog.change("x", "y", agreement.version)),
            "command-field"
          ],
          ["delivered without evidence", Agreements.recordProgress(agreement.id, agreement.deliverables[0]!.key, "delivered", [], ChangeLog.change("x", "y", agreement.version)), "evidence-required"],
          ["a stale enrolment", Trainings.enrol(training.id, person(2), ChangeLog.change("x", "y", training.version + 1)), "VersionConflict"]
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
