/**
 * The contract suite for programme work in a store adapter: calendar events, training
 * programmes, agreements and expressions of interest are stored and read back equal with
 * their change log; registrations, enrolments and deliverables' progress change only through
 * the commands (`Events`, `Trainings`, `Agreements`), and a write around them is refused with
 * nothing written; erasing a person leaves no trace of them in any stored entity or change
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
import * as Agreements from "../programme-work/Agreements.ts"
import * as Events from "../programme-work/Events.ts"
import { GovernmentAgreement2014, IcldCohort2020, Mr2020Conferences, StrategistProgramme2023 } from "../examples/index.ts"
import { Store as OrganisationStore } from "../partnership/Organisation.ts"
import * as Trainings from "../programme-work/Trainings.ts"
import { Store as ExpressionStore } from "../partnership/Interest.ts"
import type { AgreementId, CalendarEventId, ExpressionId, OrganisationId, PartnershipId, ProgrammeId, TrainingProgrammeId } from "../Ids.ts"
import type { Expression } from "../partnership/Interest.ts"
import type { Participant } from "../programme-work/Participant.ts"
import * as PersonalData from "../store/PersonalData.ts"
import * as EventTime from "../programme-work/EventTime.ts"
import type { DocumentStore } from "../store/DocumentStore.ts"
import type { Stores } from "../store/Stores.ts"
import * as Agreement from "../programme-work/Agreement.ts"
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

// the organisers and parties the examples name
const organisations = Effect.flatMap(OrganisationStore, (store) =>
  Effect.forEach([IcldCohort2020.icld, Mr2020Conferences.skr, GovernmentAgreement2014.government], (o) => store.ensure(o, change), { discard: true }))

// a stored event with registration open (created planned, then opened by the command)
const openEvent = (kind: CalendarEvent.Kind, organiser: string, capacity: number, schedule: EventTime.Timed) =>
  Effect.gen(function*() {
    yield* organisations
    const created = yield* (yield* CalendarEventStore).create(Effect.runSync(CalendarEvent.make({
      id: unique(kind),
      kind,
      title: CalendarEvent.Kind.names[kind],
      organiser,
      capacity,
      schedule
    })), change)
    return yield* Events.openRegistration(created.id, { ...change, expectedVersion: created.version })
  })

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
        yield* organisations
        const events = yield* CalendarEventStore
        const { cancellation: _, ...goteborg } = Mr2020Conferences.conferences.find((e) => e.id === "mr-2020-goteborg")!
        const event: CalendarEvent.CalendarEvent = { ...goteborg, status: "planned", id: unique("mr-2020-goteborg") as CalendarEventId }
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

    it.effect("refuses a new entity past its first status or naming an organiser that is not stored, writing nothing", () =>
      run(Effect.gen(function*() {
        yield* organisations
        const events = yield* CalendarEventStore
        const cancelled = { ...Mr2020Conferences.conferences[0]!, id: unique("cancelled") as CalendarEventId }
        const early = yield* Effect.flip(events.create(cancelled, change))
        assert.strictEqual(early._tag, "EventRefused")
        assert.deepStrictEqual(early._tag === "EventRefused" ? early.violations.map((v) => [v.field, v.rule]) : [], [["status", "initial-status"]])
        const { cancellation: _, ...planned } = cancelled
        const stranger = yield* Effect.flip(events.create({ ...planned, status: "planned", organiser: "nobody" as OrganisationId }, change))
        assert.deepStrictEqual(stranger._tag === "EventRefused" ? stranger.violations.map((v) => [v.field, v.rule, v.value]) : [], [["organiser", "organiser-exists", "nobody"]])
        assert.isTrue((yield* events.find(cancelled.id))._tag === "None")

        const trainings = yield* TrainingProgrammeStore
        const enrolled = Result.getOrThrow(TrainingProgramme.enrol({ ...StrategistProgramme2023.programme, id: unique("strateger") as TrainingProgrammeId }, person(unique("p"))))
        const withPeople = yield* Effect.flip(trainings.create(enrolled, change))
        assert.deepStrictEqual(withPeople._tag === "TrainingRefused" ? withPeople.violations.map((v) => [v.field, v.rule]) : [], [["enrolments", "initial-status"]])
        assert.isTrue((yield* trainings.find(enrolled.id))._tag === "None")

        const agreements = yield* AgreementStore
        const agreement = { ...GovernmentAgreement2014.agreement, id: unique("agreement") as AgreementId }
        const delivered = Result.getOrThrow(Agreement.recordProgress(agreement, "kartlaggning", "delivered", [{ description: { en: "Published" } }]))
        const claimed = yield* Effect.flip(agreements.create(delivered, change))
        assert.deepStrictEqual(claimed._tag === "AgreementRefused" ? claimed.violations.map((v) => [v.field, v.rule]) : [], [["deliverables[0].status", "initial-status"]])
        assert.isTrue((yield* agreements.find(agreement.id))._tag === "None")
      })))

    it.effect("changes registrations, enrolments and deliverables only through the commands, each recorded", () =>
      run(Effect.gen(function*() {
        const events = yield* CalendarEventStore
        const opened = yield* openEvent("network-meeting", "icld", 1, EventTime.timed("2021-03-10T09:00", "2021-03-10T15:00"))
        const bypass = Result.getOrThrow(CalendarEvent.register(opened, person(unique("x")))).event
        const refused = yield* Effect.flip(events.update(bypass, ChangeLog.change("contract-suite", "around the command", opened.version)))
        assert.deepStrictEqual(refused._tag === "EventRefused" ? refused.violations.map((v) => [v.field, v.rule]) : [], [["status", "command-field"], ["seats", "command-field"]])
        assert.deepStrictEqual(yield* events.get(opened.id), opened)
        // a stale version is refused by the command too
        const stale = yield* Effect.flip(Events.register(opened.id, person(unique("y")), { ...change, expectedVersion: opened.version - 1 }))
        assert.strictEqual(stale._tag, "VersionConflict")
        // a plain update of what is not the commands' still works
        const retitled = yield* events.update({ ...opened, title: { sv: "Nätverksträff", en: "Network meeting" } }, { ...change, expectedVersion: opened.version })
        assert.strictEqual(retitled.version, opened.version + 1)

        const trainings = yield* TrainingProgrammeStore
        const programme = yield* trainings.create({ ...StrategistProgramme2023.programme, id: unique("strateger") as TrainingProgrammeId }, change)
        const someone = person(unique("t"))
        const around = yield* Effect.flip(trainings.update(Result.getOrThrow(TrainingProgramme.enrol(programme, someone)), { ...change, expectedVersion: programme.version }))
        assert.deepStrictEqual(around._tag === "TrainingRefused" ? around.violations.map((v) => [v.field, v.rule]) : [], [["enrolments", "command-field"]])
        const enrolled = yield* Trainings.enrol(programme.id, someone, { ...change, expectedVersion: programme.version })
        const session = programme.sessions[0]!.key
        const attended = yield* Trainings.recordAttendance(programme.id, someone.email, session, { ...change, expectedVersion: enrolled.version })
        assert.deepStrictEqual(attended.enrolments.map((e) => e.attended), [[session]])
        assert.deepStrictEqual((yield* trainings.history(programme.id)).map((r) => r.command), ["CreateTrainingProgramme", "EnrolInTraining", "RecordAttendance"])

        yield* organisations
        const agreements = yield* AgreementStore
        const agreement = yield* agreements.create({ ...GovernmentAgreement2014.agreement, id: unique("agreement") as AgreementId }, change)
        const evidence = [{ description: { sv: "Publicerad", en: "Published" } }]
        const claimed = Result.getOrThrow(Agreement.recordProgress(agreement, "kartlaggning", "delivered", evidence))
        const claim = yield* Effect.flip(agreements.update(claimed, { ...change, expectedVersion: agreement.version }))
        assert.deepStrictEqual(claim._tag === "AgreementRefused" ? claim.violations.map((v) => [v.field, v.rule]) : [], [["deliverables[0].status", "command-field"]])
        const noEvidence = yield* Effect.flip(Agreements.recordProgress(agreement.id, "kartlaggning", "delivered", [], { ...change, expectedVersion: agreement.version }))
        assert.deepStrictEqual(noEvidence._tag === "AgreementRefused" ? noEvidence.violations.map((v) => v.rule) : [], ["evidence-required"])
        const delivered = yield* Agreements.recordProgress(agreement.id, "kartlaggning", "delivered", evidence, { ...change, expectedVersion: agreement.version })
        assert.strictEqual(delivered.deliverables[0]?.status, "delivered")
        assert.deepStrictEqual((yield* agreements.history(agreement.id)).map((r) => r.command), ["CreateAgreement", "RecordDeliverableProgress"])
      })))

    it.effect("keeps seats, the waiting list and its order, and records status changes", () =>
      run(Effect.gen(function*() {
        const events = yield* CalendarEventStore
        let event = yield* openEvent("network-meeting", "icld", 1, EventTime.timed("2021-03-10T09:00", "2021-03-10T15:00"))
        const people = ["a", "b", "c"].map((tag) => person(unique(tag)))
        for (const p of people) event = (yield* Events.register(event.id, p, { ...change, expectedVersion: event.version })).event
        const back = yield* events.get(event.id)
        assert.deepStrictEqual(back, event)
        assert.deepStrictEqual(back.waitingList.map((p) => p.email), people.slice(1).map((p) => p.email))
        const history = yield* events.history(event.id)
        assert.deepStrictEqual(history.map((r) => [r.version, r.command, r.statusAfter]), [
          [1, "CreateCalendarEvent", "planned"],
          [2, "OpenRegistration", "open"],
          [3, "RegisterForEvent", "full"],
          [4, "RegisterForEvent", "full"],
          [5, "RegisterForEvent", "full"]
        ])
      })))

    it.effect("erasing a person leaves no trace in any stored entity or change record", () =>
      run(Effect.gen(function*() {
        const tag = unique("erase-me")
        const target = person(tag)
        const events = yield* CalendarEventStore
        let event = yield* openEvent("training-session", "skr", 1, EventTime.timed("2023-04-18T09:00", "2023-04-18T16:00"))
        const other = person(unique("other"))
        for (const p of [target, other]) event = (yield* Events.register(event.id, p, { ...change, expectedVersion: event.version })).event
        const trainings = yield* TrainingProgrammeStore
        const programme = yield* trainings.create({ ...StrategistProgramme2023.programme, id: unique("strateger") as TrainingProgrammeId }, change)
        yield* Trainings.enrol(programme.id, target, { ...change, expectedVersion: programme.version })

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
