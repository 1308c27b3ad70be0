import { assert, describe, it } from "@effect/vitest"
import { type CalendarDate, type Participant, Stores, TrainingProgramme, Validation } from "@localrights/core"
import { StrategistProgramme2023 } from "@localrights/core/examples"
import { Effect, Exit, Result, Schema } from "effect"
import { problemPaths as paths } from "./problemPaths.ts"

const person = (i: number, signedUp = "2023-03-01"): Participant.Participant => ({
  name: `Strateg ${i}`,
  email: `strateg${i}@kommun.example`,
  role: { sv: "MR-strateg" },
  signedUp: signedUp as CalendarDate.CalendarDate
})

const programme = StrategistProgramme2023.programme
const decode = Validation.decoderExit(TrainingProgramme.TrainingProgramme, "TrainingProgramme")

describe("TrainingProgramme", () => {
  it("the 2023 strategist programme: three sessions, six target roles, the last at the MR conference", () => {
    assert.isTrue(Exit.isSuccess(decode(programme)))
    assert.deepStrictEqual(programme.sessions.map((s) => s.schedule._tag), ["Approximate", "Approximate", "Approximate"])
    assert.strictEqual(programme.sessions[2]?.event, StrategistProgramme2023.conference2023.id)
    assert.deepStrictEqual(programme.targetRoles.map((r) => r.key), [
      "mr-strateg",
      "hallbarhetsstrateg",
      "folkhalsostrateg",
      "barnrattssamordnare",
      "integrationssamordnare",
      "liknande"
    ])
    assert.strictEqual(TrainingProgramme.sessionsToComplete(programme), 3)
  })

  it("enrols for the whole programme, records attendance per session, and completes", () => {
    let t = Result.getOrThrow(TrainingProgramme.enrol(programme, person(1)))
    t = Result.getOrThrow(TrainingProgramme.enrol(t, person(2)))
    for (const s of ["tillfalle-3", "tillfalle-1", "tillfalle-2", "tillfalle-1"]) t = Result.getOrThrow(TrainingProgramme.recordAttendance(t, "STRATEG1@kommun.example", s))
    t = Result.getOrThrow(TrainingProgramme.recordAttendance(t, person(2).email, "tillfalle-1"))
    assert.deepStrictEqual(t.enrolments[0]?.attended, ["tillfalle-1", "tillfalle-2", "tillfalle-3"])
    assert.deepStrictEqual(TrainingProgramme.summary(t), {
      enrolled: 2,
      completed: 1,
      attendance: [{ session: "tillfalle-1", attended: 2 }, { session: "tillfalle-2", attended: 1 }, { session: "tillfalle-3", attended: 1 }]
    })
    assert.notInclude(JSON.stringify(TrainingProgramme.toPublicView(t)), "kommun.example")
    assert.isTrue(Exit.isSuccess(decode(t)))
  })

  it("refuses with the field named: deadline, full, twice, unknown session, not enrolled", () => {
    const limited = { ...programme, capacity: 1, enrolmentDeadline: "2023-03-31" as CalendarDate.CalendarDate }
    const late = TrainingProgramme.enrol(limited, person(1, "2023-04-01"))
    assert.isTrue(Result.isFailure(late) && late.failure.violations[0].field === "signedUp" && late.failure.violations[0].rule === "deadline")
    const one = Result.getOrThrow(TrainingProgramme.enrol(limited, person(1)))
    const twice = TrainingProgramme.enrol(one, { ...person(1), name: "Other" })
    assert.isTrue(Result.isFailure(twice) && twice.failure.violations[0].field === "email" && twice.failure.violations[0].rule === "already-enrolled")
    const full = TrainingProgramme.enrol(one, person(2))
    assert.isTrue(Result.isFailure(full) && full.failure.violations[0].field === "capacity" && full.failure.violations[0].rule === "full")
    const session = TrainingProgramme.recordAttendance(one, person(1).email, "tillfalle-9")
    assert.isTrue(Result.isFailure(session) && session.failure.violations[0].field === "session")
    const nobody = TrainingProgramme.recordAttendance(one, person(2).email, "tillfalle-1")
    assert.isTrue(Result.isFailure(nobody) && nobody.failure.violations[0].field === "email" && nobody.failure.violations[0].rule === "not-enrolled")
  })

  it("reports every broken rule at once, without personal data", () => {
    const limited = { ...programme, capacity: 1, enrolmentDeadline: "2023-03-31" as CalendarDate.CalendarDate }
    const one = Result.getOrThrow(TrainingProgramme.enrol(limited, person(1)))
    const r = TrainingProgramme.enrol(one, person(1, "2023-04-01"))
    assert.isTrue(Result.isFailure(r))
    if (Result.isFailure(r)) {
      assert.deepStrictEqual(r.failure.violations.map((v) => v.rule), ["deadline", "already-enrolled", "full"])
      assert.deepStrictEqual(r.failure.subject, { kind: "training-programme", id: programme.id })
      assert.notInclude(JSON.stringify(r.failure), person(1).email)
    }
    const both = TrainingProgramme.recordAttendance(one, person(2).email, "tillfalle-9")
    assert.isTrue(Result.isFailure(both) && both.failure.violations.length === 2)
  })

  it("refuses bad programmes with field paths", () => {
    assert.include(paths(decode({ ...programme, completionSessions: 4 })), "completionSessions")
    assert.include(paths(decode({ ...programme, sessions: [] })), "sessions")
    assert.include(paths(decode({ ...programme, enrolments: [{ participant: person(1), attended: ["tillfalle-7"] }] })), "enrolments[0].attended")
    assert.include(paths(decode({ ...programme, enrolments: [{ participant: { ...person(1), email: "nope" }, attended: [] }] })), "enrolments[0].participant.email")
  })

  it.prop(
    "completion is exactly: attended at least the threshold",
    [Schema.Array(Schema.Literals(["tillfalle-1", "tillfalle-2", "tillfalle-3"])), Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 3 }))],
    ([sessions, threshold]) => {
      let t: TrainingProgramme.TrainingProgramme = { ...programme, completionSessions: threshold }
      t = Result.getOrThrow(TrainingProgramme.enrol(t, person(1)))
      for (const s of sessions) t = Result.getOrThrow(TrainingProgramme.recordAttendance(t, person(1).email, s))
      const distinct = new Set(sessions).size
      assert.strictEqual(t.enrolments[0]!.attended.length, distinct)
      assert.strictEqual(TrainingProgramme.isCompleted(t, t.enrolments[0]!), distinct >= threshold)
    }
  )

  it.effect("is stored with the conference it ends at", () =>
    Effect.gen(function*() {
      yield* StrategistProgramme2023.load
      const stored = yield* (yield* TrainingProgramme.Store).get(programme.id)
      assert.deepStrictEqual(stored, { ...programme, version: 1 })
    }).pipe(Effect.provide(Stores.layerMemory)))
})
