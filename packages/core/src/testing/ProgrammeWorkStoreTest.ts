/**
 * The contract suite for programme work in a store adapter: calendar events, training
 * programmes, agreements and expressions of interest are stored and read back equal with
 * their change log, and erasing a person leaves no trace of them in any stored entity or change
 * record. Every adapter that provides the typed stores runs it.
 *
 * @example
 * ```ts
 * import { ProgrammeWorkStoreTest } from "@localrights/core/testing"
 * import { Stores } from "@localrights/core"
 * ProgrammeWorkStoreTest.suite("memory", Stores.layerMemory)
 * ```
 *
 * @since 0.1.0
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Result } from "effect"
import { Store as AgreementStore } from "../programme-work/Agreement.ts"
import type { CalendarDate } from "../CalendarDate.ts"
import * as CalendarEvent from "../programme-work/CalendarEvent.ts"
import { Store as CalendarEventStore } from "../programme-work/CalendarEvent.ts"
import * as ChangeLog from "../ChangeLog.ts"
import { GovernmentAgreement2014, Mr2020Conferences, StrategistProgramme2023 } from "../examples/index.ts"
import { Store as ExpressionStore } from "../partnership/Interest.ts"
import type { AgreementId, CalendarEventId, ExpressionId, OrganisationId, PartnershipId, ProgrammeId, TrainingProgrammeId } from "../Ids.ts"
import type { Expression } from "../partnership/Interest.ts"
import type { Participant } from "../programme-work/Participant.ts"
import * as PersonalData from "../store/PersonalData.ts"
import * as EventTime from "../programme-work/EventTime.ts"
import type { DocumentStore } from "../store/DocumentStore.ts"
import type { Stores } from "../store/Stores.ts"
import * as TrainingProgramme from "../programme-work/TrainingProgramme.ts"
import { Store as TrainingProgrammeStore } from "../programme-work/TrainingProgramme.ts"

let counter = 0
const unique = (name: string) => `${name}-${Date.now().toString(36)}-${(counter++).toString(36)}`
const change = ChangeLog.change("contract-suite", "contract test")

const person = (tag: string): Participant => ({
  name: `Person ${tag}`,
  email: `${tag}@contract.example`,
  signedUp: "2023-03-01" as CalendarDate
})

const openEvent = (kind: CalendarEvent.Kind, organiser: string, capacity: number, schedule: EventTime.Timed) =>
  Result.getOrThrow(CalendarEvent.openRegistration(Effect.runSync(CalendarEvent.make({
    id: unique(kind),
    kind,
    title: CalendarEvent.Kind.names[kind],
    organiser,
    capacity,
    schedule
  }))))

/**
 * Registers the suite under `name` with vitest. `layer` is built once per test case; ids are
 * unique per run, so suites may share one database.
 *
 * @category constructors
 * @since 0.1.0
 */
export const suite = <E>(name: string, layer: Layer.Layer<Stores | DocumentStore, E>): void => {
  describe(`Programme work stores contract: ${name}`, () => {
    const run = <A, E2>(self: Effect.Effect<A, E2, Stores | DocumentStore>) => self.pipe(Effect.provide(layer))

    it.effect("stores events, training programmes, agreements and expressions and reads them back equal", () =>
      run(Effect.gen(function*() {
        const events = yield* CalendarEventStore
        const goteborg = Mr2020Conferences.conferences.find((e) => e.id === "mr-2020-goteborg")!
        const event = { ...goteborg, id: unique("mr-2020-goteborg") as CalendarEventId }
        assert.deepStrictEqual(yield* events.create(event, change), { ...event, version: 1 })
        assert.deepStrictEqual(yield* events.get(event.id), { ...event, version: 1 })

        const trainings = yield* TrainingProgrammeStore
        const programme = { ...StrategistProgramme2023.programme, id: unique("strateger") as TrainingProgrammeId }
        yield* trainings.create(programme, change)
        assert.deepStrictEqual(yield* trainings.get(programme.id), { ...programme, version: 1 })

        const agreements = yield* AgreementStore
        const agreement = { ...GovernmentAgreement2014.agreement, id: unique("agreement") as AgreementId }
        yield* agreements.create(agreement, change)
        assert.deepStrictEqual(yield* agreements.get(agreement.id), { ...agreement, version: 1 })

        const expressions = yield* ExpressionStore
        const expression: Expression = {
          id: unique("expression") as ExpressionId,
          programme: "icld-mr-2020" as ProgrammeId,
          organisation: "exempelby" as OrganisationId,
          partnership: "exempelby-icld-mr-2020" as PartnershipId,
          contact: { name: "Kim Kontakt", email: "kim@contract.example" },
          challenge: { sv: "Tillgänglighet", en: "Accessibility" },
          focusArea: "accessibility",
          submitted: "2020-10-01" as CalendarDate,
          version: 0
        }
        yield* expressions.create(expression, change)
        assert.deepStrictEqual(yield* expressions.get(expression.id), { ...expression, version: 1 })
      })))

    it.effect("keeps seats, the waiting list and its order, and records status changes", () =>
      run(Effect.gen(function*() {
        const events = yield* CalendarEventStore
        let event = openEvent("network-meeting", "icld", 1, EventTime.timed("2021-03-10T09:00", "2021-03-10T15:00"))
        const stored = yield* events.create(event, change)
        event = stored
        for (const tag of ["a", "b", "c"]) event = Result.getOrThrow(CalendarEvent.register(event, person(unique(tag)))).event
        const updated = yield* events.update(event, ChangeLog.change("contract-suite", "contract test", stored.version))
        const back = yield* events.get(event.id)
        assert.deepStrictEqual(back, updated)
        assert.deepStrictEqual(back.waitingList.map((p) => p.email), event.waitingList.map((p) => p.email))
        const history = yield* events.history(event.id)
        assert.deepStrictEqual(history.map((r) => [r.version, r.statusAfter]), [[1, "open"], [2, "full"]])
      })))

    it.effect("erasing a person leaves no trace in any stored entity or change record", () =>
      run(Effect.gen(function*() {
        const tag = unique("erase-me")
        const target = person(tag)
        const events = yield* CalendarEventStore
        let event = openEvent("training-session", "skr", 1, EventTime.timed("2023-04-18T09:00", "2023-04-18T16:00"))
        const other = person(unique("other"))
        for (const p of [target, other]) event = Result.getOrThrow(CalendarEvent.register(event, p)).event
        yield* events.create(event, change)
        const trainings = yield* TrainingProgrammeStore
        const programme = Result.getOrThrow(
          TrainingProgramme.enrol({ ...StrategistProgramme2023.programme, id: unique("strateger") as TrainingProgrammeId }, target)
        )
        yield* trainings.create(programme, change)

        const erasure = yield* PersonalData.erase({ email: target.email }, ChangeLog.change("contract-suite", unique("case")))
        assert.includeMembers([...erasure.rewritten], [`calendar-event/${event.id}`, `training-programme/${programme.id}`])
        assert.deepStrictEqual(erasure.notifications.map((n) => n.to.email), [other.email])

        const traces = JSON.stringify([
          yield* events.get(event.id),
          yield* events.history(event.id),
          yield* trainings.get(programme.id),
          yield* trainings.history(programme.id)
        ])
        assert.notInclude(traces, tag)
        assert.include(traces, "erasure")
        const found = yield* PersonalData.exportPerson({ email: target.email })
        assert.deepStrictEqual(found.findings, [])
      })))
  })
}
