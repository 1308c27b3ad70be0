import { assert, describe, it } from "@effect/vitest"
import { type CalendarDate, CalendarEvent, ChangeLog, DocumentStore, Events, EventTime, Interest, Organisation, type Participant, PersonalData, Stores, Trainings } from "@localrights/core"
import { IcldCohort2020, Mr2020Conferences, StrategistProgramme2023 } from "@localrights/core/examples"
import { Effect, Schema, SchemaTransformation } from "effect"

const seed = ChangeLog.change("tester", "setup")
const signedUp = "2023-03-01" as CalendarDate.CalendarDate
const alex: Participant.Participant = { name: "Alex Andersson", email: "alex.andersson@lund.example", organisation: "Lunds kommun", signedUp }
const robin: Participant.Participant = { name: "Robin Berg", email: "robin.berg@falun.example", signedUp }
const kinds = ["organisation", "calendar-event", "training-programme", "interest-expression", "partnership", "programme", "network", "agreement"]

// Alex is an organisation contact, holds the only seat at a network meeting (Robin waits),
// is enrolled in the strategist programme and is the contact of an expression of interest.
const setup = Effect.gen(function*() {
  yield* IcldCohort2020.load
  yield* Mr2020Conferences.load
  yield* StrategistProgramme2023.load
  const orgs = yield* Organisation.Store
  const lund = yield* orgs.get("lund")
  yield* orgs.update(new Organisation.Organisation({ ...lund, contacts: [{ name: alex.name, email: "Alex.Andersson@lund.example" }] }), { ...seed, expectedVersion: lund.version })
  const events = yield* CalendarEvent.Store
  const meeting = yield* events.create(yield* CalendarEvent.make({
    id: "natverkstraff-2021",
    kind: "network-meeting",
    title: { sv: "Nätverksträff", en: "Network meeting" },
    organiser: "icld",
    capacity: 1,
    schedule: EventTime.timed("2021-03-10T09:00", "2021-03-10T15:00")
  }), seed)
  let version = (yield* Events.openRegistration(meeting.id, { ...seed, expectedVersion: meeting.version })).version
  for (const p of [alex, robin]) version = (yield* Events.register(meeting.id, p, { ...seed, expectedVersion: version })).event.version
  yield* Trainings.enrol(StrategistProgramme2023.programme.id, alex, { ...seed, expectedVersion: 1 })
  yield* Interest.submit({
    programme: IcldCohort2020.programme.id,
    applicant: { id: "exempelby", kind: "municipality", name: { sv: "Exempelby kommun" } },
    contact: { name: alex.name, email: alex.email },
    challenge: { sv: "Tillgänglighet" },
    focusArea: "accessibility",
    consent: true
  }, ChangeLog.change("tester", "form"))
})

const everything = Effect.gen(function*() {
  const docs = yield* DocumentStore.DocumentStore
  const out: Array<string> = []
  for (const kind of kinds) {
    for (const doc of yield* docs.list(kind)) {
      out.push(JSON.stringify(doc.data))
      out.push(JSON.stringify(yield* docs.history(kind, doc.id)))
    }
  }
  return out.join("\n").toLowerCase()
})

describe("PersonalData", () => {
  it.effect("exports everything held about one person, across every store", () =>
    Effect.gen(function*() {
      yield* setup
      const byEmail = yield* PersonalData.exportPerson({ email: "ALEX.ANDERSSON@lund.example" })
      assert.sameMembers(byEmail.findings.map((f) => f._tag), ["OrganisationContact", "EventRegistration", "TrainingEnrolment", "InterestExpression"])
      const registration = byEmail.findings.find((f) => f._tag === "EventRegistration")
      assert.isTrue(registration?._tag === "EventRegistration" && registration.place === "seat")
      const speaker = yield* PersonalData.exportPerson({ name: "anna jacobson" })
      assert.deepStrictEqual(speaker.findings.map((f) => f._tag), ["EventSpeaker"])
      const nobody = yield* PersonalData.exportPerson({ email: "nobody@example.org" })
      assert.deepStrictEqual(nobody.findings, [])
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("erases the person everywhere, promotes the next in line, and keeps the name out of the change log", () =>
    Effect.gen(function*() {
      yield* setup
      assert.include(yield* everything, "alex.andersson@lund.example")
      const erasure = yield* PersonalData.erase({ email: alex.email, name: alex.name }, ChangeLog.change("dpo", "ärende 2026-17"))
      assert.sameMembers([...erasure.rewritten], [
        "organisation/lund",
        "calendar-event/natverkstraff-2021",
        "training-programme/skr-mr-strateger-2023",
        "interest-expression/exempelby-icld-mr-2020"
      ])
      assert.deepStrictEqual(erasure.notifications.map((n) => [n.kind, n.to.email]), [["promoted", robin.email]])
      const after = yield* PersonalData.exportPerson({ email: alex.email, name: alex.name })
      assert.deepStrictEqual(after.findings, [])
      const all = yield* everything
      assert.notInclude(all, "alex")
      assert.notInclude(all, "andersson")
      const meeting = yield* (yield* CalendarEvent.Store).get("natverkstraff-2021")
      assert.deepStrictEqual(meeting.seats.map((p) => p.name), [robin.name])
      const history = yield* (yield* Organisation.Store).history("lund")
      assert.strictEqual(history.at(-1)?.reason, "erasure: personal data removed (ärende 2026-17)")
      // the rest of the data stays
      assert.strictEqual((yield* (yield* Organisation.Store).get("lund")).name.sv, "Lunds kommun")
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("erases a speaker's name from a programme but keeps the organisation", () =>
    Effect.gen(function*() {
      yield* setup
      yield* PersonalData.erase({ name: "Ulrika Dagård" }, ChangeLog.change("dpo", "2026-18"))
      const goteborg = yield* (yield* CalendarEvent.Store).get("mr-2020-goteborg")
      const speakers = goteborg.programmeItems.flatMap((i) => i.speakers)
      assert.isFalse(speakers.some((s) => s.name === "Ulrika Dagård"))
      assert.isTrue(speakers.some((s) => s.organisation.sv === "Lunds kommun"))
      assert.notInclude(yield* everything, "dagård")
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("refuses a reason that would put the person in the change log, and an empty request", () =>
    Effect.gen(function*() {
      yield* setup
      const refused = yield* PersonalData.erase({ email: alex.email, name: alex.name }, ChangeLog.change("dpo", "request from Alex Andersson")).pipe(Effect.flip)
      assert.strictEqual(refused._tag, "ErasureRefused")
      if (refused._tag === "ErasureRefused") {
        assert.deepStrictEqual(refused.violations.map((v) => [v.field, v.rule]), [["reason", "no-personal-data-in-log"]])
        // the refusal itself carries no personal data
        assert.notInclude(JSON.stringify(refused), "Alex")
        assert.notInclude(refused.explain("sv") + refused.explain("en"), "Alex")
      }
      const empty = yield* PersonalData.exportPerson({}).pipe(Effect.flip)
      assert.strictEqual(empty._tag, "ValidationError")
      if (empty._tag === "ValidationError") assert.deepStrictEqual(empty.violations.map((v) => v.field), ["email"])
      assert.include(yield* everything, "alex.andersson@lund.example")
    }).pipe(Effect.provide(Stores.layerMemory)))

  const Word = Schema.Array(Schema.Literals(["a", "B", "å", "Ä", "ö", "O", "-", " "])).check(Schema.isMinLength(1)).pipe(
    Schema.decodeTo(Schema.String, SchemaTransformation.transform({ decode: (xs) => xs.join(""), encode: (s) => [...s] as Array<never> }))
  )
  const norm = (s: string) => s.trim().toLowerCase()

  it.prop("matches by e-mail or name, ignoring case and surrounding space, never across fields", [Word, Word], ([a, b]) => {
    assert.isTrue(PersonalData.matches({ name: a }, { name: ` ${a.toUpperCase()} ` }))
    assert.isTrue(PersonalData.matches({ email: a }, { name: "x", email: a.toUpperCase() }))
    assert.isFalse(PersonalData.matches({ email: a }, { name: a }))
    assert.strictEqual(PersonalData.matches({ name: a }, { name: b }), norm(a) === norm(b))
  })
})
