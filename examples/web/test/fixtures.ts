/**
 * Test data on top of the seed: twelve more admitted partnerships (illustrative, not from any
 * source) with goals and focus areas, so the catalogue has facets to follow and pages to turn;
 * an open network meeting in 2099 with one seat, so the second registrant goes on the waiting
 * list; and an open strategist programme in 2099 with two places. Not a test file.
 */
import { CalendarEvent, ChangeLog, Events, EventTime, Network, Partnership, Partnerships, TrainingProgramme } from "@localrights/core"
import { IcldCohort2020, StrategistProgramme2023 } from "@localrights/core/examples"
import { Effect, Layer } from "effect"
import * as Store from "../src/Store.ts"

/** The open event's id. */
export const openEvent = "natverksmote-2099"
/** The open training programme's id. */
export const openTraining = "mr-strateger-2099"
/** How many public partnerships the fixtures hold (the seed's five and twelve more). */
export const publicCount = 17

const change = ChangeLog.change("test-fixture", "Test data")

const extra = Effect.gen(function*() {
  const template = IcldCohort2020.admitted[0]!
  // a network holds at most 8 partnerships: two more networks of six
  for (const k of [1, 2]) {
    yield* (yield* Network.Store).create(
      yield* Network.make({
        id: `exempel-natverk-${k}`,
        programme: IcldCohort2020.programme.id,
        name: { sv: `Exempelnätverk ${k}`, en: `Example network ${k}` },
        started: "2099-01-15"
      }),
      change
    )
  }
  for (let i = 1; i <= 12; i++) {
    const n = String(i).padStart(2, "0")
    // stored as core stores an admitted partnership: through the lifecycle (`Partnerships.establish`)
    yield* Partnerships.establish(
      yield* Partnership.make({
        ...template,
        id: `exempel-${n}`,
        network: `exempel-natverk-${i <= 6 ? 1 : 2}`,
        title: { sv: `Exempelpartnerskap ${n}`, en: `Example partnership ${n}` },
        sdgTags: [{ goal: i % 3 === 0 ? 5 : 10, significance: "principal" }],
        focusAreas: [i % 2 === 0 ? "culture" : "accessibility"],
        version: 0
      }),
      change
    )
  }
  const planned = yield* (yield* CalendarEvent.Store).create(
    yield* CalendarEvent.make({
      id: openEvent,
      kind: "network-meeting",
      title: { sv: "Nätverksmöte 2099", en: "Network meeting 2099" },
      organiser: IcldCohort2020.icld.id,
      city: { sv: "Lund", en: "Lund" },
      schedule: EventTime.timed("2099-05-04T09:00", "2099-05-04T16:00"),
      capacity: 1,
      registrationDeadline: "2099-04-30"
    }),
    change
  )
  yield* Events.openRegistration(planned.id, { ...change, expectedVersion: planned.version })
  const template2 = StrategistProgramme2023.programme
  yield* (yield* TrainingProgramme.Store).create(
    yield* TrainingProgramme.make({
      ...template2,
      id: openTraining,
      title: { sv: "Strategutbildning 2099", en: "Strategist training 2099" },
      capacity: 2,
      enrolmentDeadline: "2099-03-01",
      sessions: template2.sessions.map((s) => ({ ...s, schedule: EventTime.approximate("2099-04", "2099-09") })),
      enrolments: [],
      version: 0
    }),
    change
  )
})

/** The seeded memory store with the test data. */
export const store = Layer.effectDiscard(Effect.orDie(extra)).pipe(Layer.provideMerge(Store.layerMemory))
