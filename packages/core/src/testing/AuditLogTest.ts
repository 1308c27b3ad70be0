/**
 * The contract suite of the tamper-evident change log, for every store adapter: each record
 * holds its JSON Patch and data hash, every earlier version of a partnership is rebuilt from
 * its history exactly as it was stored, `Audit.verify` passes on an honest store and names a
 * writer's wrong data hash, the export verifies with no database and names a changed, missing
 * or reordered line, and an erasure leaves the log verifiable with the person's data nowhere
 * in the documents, the log or the export.
 *
 * @example
 * ```ts
 * import { AuditLogTest } from "@localrights/core/testing"
 * import { Stores } from "@localrights/core"
 * AuditLogTest.suite("memory", Stores.layerMemory)
 * ```
 *
 * @since 0.2.0
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Layer, Option, Stream } from "effect"
import type { CalendarDate } from "../CalendarDate.ts"
import * as ChangeLog from "../ChangeLog.ts"
import { IcldCohort2020 } from "../examples/index.ts"
import type { ActorId } from "../Ids.ts"
import * as Organisation from "../partnership/Organisation.ts"
import * as Partnership from "../partnership/Partnership.ts"
import * as CalendarEvent from "../programme-work/CalendarEvent.ts"
import * as Events from "../programme-work/Events.ts"
import * as EventTime from "../programme-work/EventTime.ts"
import * as Audit from "../store/Audit.ts"
import * as AuditLog from "../store/AuditLog.ts"
import { DocumentStore } from "../store/DocumentStore.ts"
import * as EntityStore from "../store/EntityStore.ts"
import * as PersonalData from "../store/PersonalData.ts"
import type * as Stores from "../store/Stores.ts"

const setup = ChangeLog.change("audit-suite", "setup")

// a decision by an actor who may be a person (an override: no evidence to look up here)
const decision = (decidedBy: string): Partnership.Decision =>
  ({
    gate: "application-assessment",
    outcome: "approved",
    decidedBy,
    date: "2020-12-10",
    evidence: { _tag: "Override", justification: { sv: "Prov", en: "Test" } }
  }) as unknown as Partnership.Decision

const exported = Effect.flatMap(Stream.runCollect(Audit.exportLog(7)), (lines) => Effect.succeed([...lines]))

/** Every document and change record of the store as JSON text. */
const everything = Effect.gen(function*() {
  const docs = yield* DocumentStore
  const out: Array<string> = []
  for (const kind of yield* docs.kinds()) {
    for (const doc of yield* docs.list(kind)) {
      out.push(JSON.stringify(doc))
      out.push(JSON.stringify(yield* docs.history(kind, doc.id)))
    }
  }
  out.push(JSON.stringify(yield* docs.log()))
  return out.join("\n")
})

/**
 * Puts a person in every kind of place that holds personal data, over a store with the ICLD
 * 2020 cohort loaded: a contact of Lund (with `other`), the one seat of a network meeting
 * (`other` waits), the actor of both writes, and the one who decided on Lund–Francistown.
 * For erasure tests; an adapter's own suite uses it to scan its rows after an erasure.
 *
 * @category constructors
 * @since 0.2.0
 */
export const holdPerson = (
  person: { readonly name: string; readonly email: string },
  other: { readonly name: string; readonly email: string }
): Effect.Effect<void, unknown, Stores.Stores | DocumentStore> =>
  Effect.gen(function*() {
    const orgs = yield* Organisation.Store
    const lund = yield* orgs.get("lund")
    const asPerson = { actor: person.email as ActorId, reason: "contact update" }
    yield* orgs.update(new Organisation.Organisation({ ...lund, contacts: [person, other] }), { ...asPerson, expectedVersion: lund.version })
    const created = yield* (yield* CalendarEvent.Store).create(yield* CalendarEvent.make({
      id: "natverkstraff-2021",
      kind: "network-meeting",
      title: { sv: "Nätverksträff", en: "Network meeting" },
      organiser: "icld",
      capacity: 1,
      schedule: EventTime.timed("2021-03-10T09:00", "2021-03-10T15:00")
    }), asPerson)
    let version = (yield* Events.openRegistration(created.id, { ...asPerson, expectedVersion: created.version })).version
    for (const p of [person, other]) {
      version = (yield* Events.register(created.id, { ...p, signedUp: "2021-02-01" as CalendarDate }, { ...asPerson, expectedVersion: version })).event.version
    }
    const raw = yield* EntityStore.make("partnership", Partnership.Partnership)
    const p = Option.getOrUndefined(yield* raw.find(IcldCohort2020.lundFrancistown.id)) ?? (yield* raw.create(IcldCohort2020.lundFrancistown, setup))
    yield* raw.update(new Partnership.Partnership({ ...p, decisions: [...p.decisions, decision(person.email)] }), { ...setup, expectedVersion: p.version })
  })

/**
 * Registers the suite under `name` with vitest. `layer` must give an empty store each time it
 * is built (verification covers the whole store).
 *
 * @category constructors
 * @since 0.2.0
 */
export const suite = <E>(name: string, layer: Layer.Layer<Stores.Stores | DocumentStore, E>): void => {
  describe(`AuditLog contract: ${name}`, () => {
    const run = <A, E2>(self: Effect.Effect<A, E2, Stores.Stores | DocumentStore>) => self.pipe(Effect.provide(layer))

    it.effect("records the change as a JSON Patch of the log form, with the data hash", () =>
      run(Effect.gen(function*() {
        const docs = yield* DocumentStore
        const hashing = docs.hashing ?? AuditLog.defaultHashing
        const orgs = yield* Organisation.Store
        const lund = yield* orgs.create(IcldCohort2020.organisations.find((o) => o.id === "lund")!, setup)
        yield* orgs.update(new Organisation.Organisation({ ...lund, name: { sv: "Lunds kommun", en: "City of Lund" } }), { ...setup, expectedVersion: 1 })
        const [created, updated] = yield* docs.history("organisation", "lund")
        const stored = Option.getOrThrow(yield* docs.read("organisation", "lund"))
        assert.deepStrictEqual(created!.patch?.map((o) => [o.op, o.path]), [["add", ""]])
        assert.isUndefined(created!.previous)
        assert.deepStrictEqual(
          updated!.patch?.map((o) => [o.op, o.path]).sort(),
          [["replace", "/name/en"], ["replace", "/version"]]
        )
        assert.strictEqual(updated!.previous, created!.hash)
        const salts = yield* docs.actorSalts(["audit-suite"], false)
        const form = AuditLog.logForm(hashing, "organisation", stored.data, { salt: stored.salt, actorSalt: (a) => salts.get(a) })
        assert.strictEqual(updated!.dataHash, hashing.sha256(AuditLog.canonical(form)))
        assert.strictEqual(updated!.actorRef, AuditLog.commit(hashing, salts.get("audit-suite")!, "audit-suite"))
      })))

    it.effect("rebuilds every earlier version of a partnership as it was stored then", () =>
      run(Effect.gen(function*() {
        const docs = yield* DocumentStore
        // the low-level store: random descriptive and lifecycle-field changes, not the lifecycle
        const store = yield* EntityStore.make("partnership", Partnership.Partnership)
        let p = yield* store.create(IcldCohort2020.lundFrancistown, setup)
        const stored: Array<unknown> = [undefined, Option.getOrThrow(yield* docs.read("partnership", p.id)).data]
        const steps: ReadonlyArray<(p: Partnership.Partnership) => Partnership.Partnership> = [
          (p) => new Partnership.Partnership({ ...p, title: { sv: "Inkluderande ledarskap", en: "Inclusive leadership" } }),
          (p) =>
            new Partnership.Partnership({
              ...p,
              decisions: [...p.decisions, decision("handlaggare-1")]
            }),
          (p) => new Partnership.Partnership({ ...p, title: { sv: "Ledarskap", en: "Leadership" }, description: undefined } as never),
          (p) => new Partnership.Partnership({ ...p, decisions: p.decisions.slice(1) }),
          (p) => new Partnership.Partnership({ ...p, description: { sv: "Ny beskrivning", en: "New description" } })
        ]
        for (const step of steps) {
          const next = yield* Effect.try(() => step(p)).pipe(Effect.orElseSucceed(() => p))
          p = yield* store.update(next, { ...setup, expectedVersion: p.version })
          stored.push(Option.getOrThrow(yield* docs.read("partnership", p.id)).data)
        }
        const history = yield* docs.history("partnership", p.id)
        assert.strictEqual(history.length, steps.length + 1)
        for (let v = 1; v <= history.length; v++) {
          assert.deepStrictEqual(Option.getOrThrow(yield* store.versionAt(p.id, v)), stored[v], `version ${v}`)
        }
        assert.isTrue(Option.isNone(yield* store.versionAt(p.id, history.length + 1)))
        assert.isTrue(Option.isNone(AuditLog.rebuild(history, 0)))
      })))

    it.effect("verifies an honest store and names a document whose data does not match its latest record", () =>
      run(Effect.gen(function*() {
        yield* IcldCohort2020.load
        const docs = yield* DocumentStore
        const verified = yield* Audit.verify({ pageSize: 5 })
        assert.strictEqual(verified._tag, "Verified")
        const log = yield* docs.log()
        if (verified._tag === "Verified") {
          assert.strictEqual(verified.records, log.length)
          assert.deepStrictEqual(verified.head, { seq: log.length, chain: log[log.length - 1]!.chain })
          // the head kept from before: still the end
          assert.strictEqual((yield* Audit.verify({ expectedHead: verified.head }))._tag, "Verified")
        }
        // a writer that records a data hash not of the data it stores
        const doc = Option.getOrThrow(yield* docs.read("organisation", "lund"))
        const [last] = (yield* docs.history("organisation", "lund")).slice(-1)
        const { previous: _p, hash: _h, seq: _s, chain: _c, ...draft } = last!
        yield* docs.write({
          kind: "organisation",
          id: "lund",
          expectedVersion: doc.version,
          data: { ...(doc.data as object), version: doc.version + 1, name: { sv: "Ändrat", en: "Altered" } },
          ...(doc.salt !== undefined ? { salt: doc.salt } : {}),
          record: { ...draft, version: doc.version + 1, patch: [] }
        })
        const broken = yield* Audit.verify()
        assert.strictEqual(broken._tag, "Broken")
        if (broken._tag === "Broken") {
          assert.strictEqual(broken.failure.check, "data")
          assert.strictEqual(broken.failure.kind, "organisation")
          assert.strictEqual(broken.failure.id, "lund")
          assert.strictEqual(broken.failure.version, doc.version + 1)
          assert.include(broken.failure.text.en, "organisation lund")
          assert.include(broken.failure.text.sv, "organisation lund")
        }
      })))

    it.effect("exports JSON Lines that verify with no database, and names a changed, missing or reordered line", () =>
      run(Effect.gen(function*() {
        yield* IcldCohort2020.load
        const lines = yield* exported
        const log = yield* (yield* DocumentStore).log()
        assert.strictEqual(lines.length, log.length)
        assert.isTrue(lines.every((l) => l.endsWith("\n") && !l.includes("\"actor\":")))
        const ok = AuditLog.verifyLines(lines)
        assert.strictEqual(ok._tag, "Verified")
        const check = (changed: ReadonlyArray<string>) => {
          const v = AuditLog.verifyLines(changed)
          return v._tag === "Broken" ? [v.failure.check, v.failure.seq] : [v._tag]
        }
        const third = JSON.parse(lines[2]!)
        assert.deepStrictEqual(check(lines.map((l, i) => (i === 2 ? JSON.stringify({ ...third, reason: "rewritten" }) : l))), ["record-hash", 3])
        assert.deepStrictEqual(check(lines.filter((_, i) => i !== 4)), ["seq", 6])
        assert.deepStrictEqual(check([lines[1]!, lines[0]!, ...lines.slice(2)]), ["seq", 2])
        // a consistent forgery of one record (hash recomputed) still breaks the chain
        const forged = { ...third, reason: "rewritten" }
        forged.hash = AuditLog.recordHash(AuditLog.defaultHashing, forged)
        assert.deepStrictEqual(check(lines.map((l, i) => (i === 2 ? JSON.stringify(forged) : l))), ["chain", 3])
        // the end of the log is checked against a head kept from before
        if (ok._tag === "Verified") {
          const cut = AuditLog.verifyLines(lines.slice(0, -1), { expectedHead: ok.head! })
          assert.strictEqual(cut._tag === "Broken" ? cut.failure.check : cut._tag, "head")
        }
      })))

    it.effect("an erasure keeps the log verifiable, and the person's data appears nowhere", () =>
      run(Effect.gen(function*() {
        yield* IcldCohort2020.load
        const alex = { name: "Alex Andersson", email: "alex.andersson@lund.example" }
        const robin = { name: "Robin Berg", email: "robin.berg@falun.example" }
        const orgs = yield* Organisation.Store
        const lund = yield* orgs.get("lund")
        yield* holdPerson(alex, robin)
        assert.strictEqual((yield* Audit.verify())._tag, "Verified")
        assert.include((yield* everything).toLowerCase(), "alex.andersson@lund.example")
        // before the erasure, the organisation's earlier versions show the contacts themselves
        const contactsAt = (v: number) =>
          Effect.map(orgs.versionAt("lund", v), (o) => (Option.getOrThrow(o) as { contacts: ReadonlyArray<unknown> }).contacts)
        assert.deepStrictEqual(yield* contactsAt(lund.version + 1), [alex, robin])

        const erasure = yield* PersonalData.erase(alex, ChangeLog.change("dpo", "ärende 2026-17"))
        assert.isAbove(erasure.pseudonymised, 0)
        const verified = yield* Audit.verify()
        assert.deepStrictEqual(verified._tag === "Broken" ? verified.failure : verified._tag, "Verified")
        const text = [yield* everything, ...(yield* exported)].join("\n").toLowerCase()
        for (const needle of ["alex.andersson", "alex andersson"]) assert.notInclude(text, needle)
        // Robin is still there, and the export still verifies with no database
        assert.include(text, "robin.berg@falun.example")
        assert.strictEqual(AuditLog.verifyLines(yield* exported)._tag, "Verified")
        // versions before the erasure: the old salt is gone, so contacts are commitments only
        const before = yield* contactsAt(lund.version + 1)
        assert.strictEqual(before.length, 2)
        for (const c of before) assert.match(c as string, /^hmac-sha256:[0-9a-f]{64}$/)
        assert.deepStrictEqual(yield* contactsAt(lund.version + 2), [robin])
      })))
  })
}
