import { assert, describe, it } from "@effect/vitest"
import { Audit, AuditLog, ChangeLog, Organisation, Stores } from "@localrights/core"
import { IcldCohort2020 } from "@localrights/core/examples"
import { AuditLogTest } from "@localrights/core/testing"
import canonicalize from "canonicalize"
import { Effect, Option, Stream } from "effect"
import * as fc from "fast-check"
import { execFile } from "node:child_process"
import { createHash, createHmac } from "node:crypto"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"

AuditLogTest.suite("memory", Stores.layerMemory)

const bin = join(import.meta.dirname, "..", "bin", "localrights-verify-log.mjs")
const run = promisify(execFile)
const verifyFile = async (text: string, ...args: Array<string>) => {
  const dir = mkdtempSync(join(tmpdir(), "lr-log-"))
  try {
    writeFileSync(join(dir, "log.jsonl"), text)
    return await run(process.execPath, [bin, join(dir, "log.jsonl"), ...args]).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout })
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe("AuditLog", () => {
  it("hashes as node:crypto does: SHA-256 and HMAC-SHA-256 of UTF-8 text", () => {
    const text = "Lunds kommun – Francistown 😀"
    assert.strictEqual(AuditLog.defaultHashing.sha256(text), createHash("sha256").update(text).digest("hex"))
    assert.strictEqual(AuditLog.defaultHashing.sha256("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    const key = AuditLog.defaultHashing.salt()
    assert.match(key, /^[0-9a-f]{64}$/)
    assert.strictEqual(AuditLog.defaultHashing.hmac(key, text), createHmac("sha256", Buffer.from(key, "hex")).update(text).digest("hex"))
  })

  it("writes canonical JSON (RFC 8785): sorted keys, one number form", () => {
    assert.strictEqual(AuditLog.canonical({ b: [1, 1e21, 0.5, -0], a: "å\n", c: { z: null, y: true } }), `{"a":"å\\n","b":[1,1e+21,0.5,0],"c":{"y":true,"z":null}}`)
  })

  it("writes canonical JSON exactly as the canonicalize package (RFC 8785), for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => AuditLog.canonical(value) === canonicalize(value)),
      { numRuns: 2000 }
    )
    // integer-like keys, which JavaScript enumerates first
    const tricky = { b: 1, "10": [{ "9": null, a: "x" }], "9": 2, a: { z: 1, y: [3, { d: 1, c: 2 }] } }
    assert.strictEqual(AuditLog.canonical(tricky), canonicalize(tricky))
  })

  it("writes prepared data and its log form as canonical and logForm do, for any JSON object", () => {
    const h = AuditLog.defaultHashing
    const salt = h.salt()
    const keys: AuditLog.Keys = { salt, actorSalt: () => salt }
    const decision = fc.record({ gate: fc.string(), decidedBy: fc.string(), "1": fc.jsonValue() }, { requiredKeys: ["decidedBy"] })
    const data = fc.record({
      object: fc.dictionary(fc.string(), fc.jsonValue()),
      decisions: fc.array(decision),
      contacts: fc.array(fc.jsonValue()),
      version: fc.integer()
    }).map(({ object, decisions, contacts, version }) => ({ ...object, decisions, contacts, version }))
    fc.assert(
      fc.property(data, fc.constantFrom("partnership", "organisation", "unknown-kind"), fc.integer({ min: 1 }), (value, kind, version) => {
        const { version: _, ...rest } = value
        const prepared = AuditLog.prepare(kind, value, ["version"])
        return AuditLog.dataText(prepared) === canonicalize(rest) &&
          AuditLog.dataText(prepared, { version }) === canonicalize({ ...rest, version }) &&
          AuditLog.formText(h, kind, prepared, keys, { version }) === canonicalize(AuditLog.logForm(h, kind, { ...rest, version }, keys))
      }),
      { numRuns: 1000 }
    )
  })

  it("hashes a record with a canonical patch given in place of its own", () => {
    const h = AuditLog.defaultHashing
    const draft: ChangeLog.Draft = {
      entity: "organisation",
      id: "lund",
      version: 1,
      at: "2020-12-10T00:00:00.000Z",
      actor: "icld" as ChangeLog.Draft["actor"],
      command: "Create",
      reason: "test",
      actorRef: "hmac-sha256:00",
      patch: [{ op: "add", path: "", value: { b: 1, a: 2 } }],
      dataHash: "00"
    }
    const { patch: _, ...withoutPatch } = draft
    const sealed = AuditLog.seal(h, draft, undefined, undefined)
    const spliced = AuditLog.seal(h, withoutPatch, undefined, undefined, `[{"op":"add","path":"","value":{"a":2,"b":1}}]`)
    assert.strictEqual(spliced.hash, sealed.hash)
    assert.strictEqual(sealed.hash, AuditLog.recordHash(h, sealed))
  })

  it("diffs and applies RFC 6902 patches, the root included", () => {
    const before = { a: [1, 2, 3], b: { c: "x" } }
    const after = { a: [1, 3, 4], b: { c: "y", d: 1 } }
    const patch = AuditLog.diff(before, after)
    assert.deepStrictEqual(Option.getOrThrow(AuditLog.apply(before, patch)), after)
    assert.deepStrictEqual(before, { a: [1, 2, 3], b: { c: "x" } })
    assert.deepStrictEqual(AuditLog.diff(undefined, after), [{ op: "add", path: "", value: after }])
    assert.deepStrictEqual(Option.getOrThrow(AuditLog.apply(undefined, AuditLog.diff(undefined, after))), after)
    assert.isTrue(Option.isNone(AuditLog.apply(before, [{ op: "remove", path: "/nothing" }])))
  })

  it("replaces personal values and actors by salted commitments in the log form", () => {
    const h = AuditLog.defaultHashing
    const salt = h.salt()
    const actorSalt = h.salt()
    const org = { id: "lund", contacts: [{ name: "Alex", email: "alex@lund.example" }], version: 2 }
    const form = AuditLog.logForm(h, "organisation", org, { salt, actorSalt: () => actorSalt }) as typeof org
    assert.strictEqual(form.id, "lund")
    assert.strictEqual(form.contacts[0] as unknown, AuditLog.commit(h, salt, org.contacts[0]))
    assert.notInclude(JSON.stringify(form), "alex")
    const p = { id: "p", decisions: [{ decidedBy: "handlaggare-1", gate: "g" }] }
    assert.deepStrictEqual(AuditLog.actorsIn("partnership", p), ["handlaggare-1"])
    const pf = AuditLog.logForm(h, "partnership", p, { actorSalt: () => actorSalt }) as typeof p
    assert.strictEqual(pf.decisions[0]!.decidedBy, AuditLog.commit(h, actorSalt, "handlaggare-1"))
    // resolved back from what the store still holds
    const known = AuditLog.commitmentsOf(h, "organisation", org, { salt, actorSalt: () => actorSalt })
    assert.deepStrictEqual(AuditLog.resolve("organisation", form, known), org)
    // a kind without personal fields is its data
    assert.strictEqual(AuditLog.logForm(h, "programme", org, { actorSalt: () => undefined }), org)
  })

  it.effect("the command localrights-verify-log checks an export with no database, and names the first bad line", () =>
    Effect.gen(function*() {
      yield* IcldCohort2020.load
      const orgs = yield* Organisation.Store
      const lund = yield* orgs.get("lund")
      yield* orgs.update(new Organisation.Organisation({ ...lund, contacts: [{ name: "Alex", email: "alex@lund.example" }] }), ChangeLog.change("t", "contacts", lund.version))
      const lines = [...(yield* Stream.runCollect(Audit.exportLog()))]
      const verified = yield* Audit.verify()
      assert.strictEqual(verified._tag, "Verified")
      const head = verified._tag === "Verified" ? verified.head! : { seq: 0, chain: "" }
      const ok = yield* Effect.promise(() => verifyFile(lines.join(""), "--head", `${head.seq}:${head.chain}`))
      assert.strictEqual(ok.code, 0, ok.out)
      assert.include(ok.out, `ok: ${lines.length} records`)
      assert.include(ok.out, `head #${head.seq} ${head.chain}`)
      const altered = lines.map((l, i) => (i === 3 ? l.replace(/"reason":"[^"]*"/, `"reason":"altered"`) : l))
      const bad = yield* Effect.promise(() => verifyFile(altered.join("")))
      assert.strictEqual(bad.code, 1)
      assert.include(bad.out, "broken at line 4 #4")
      assert.include(bad.out, "record-hash")
      const gap = yield* Effect.promise(() => verifyFile(lines.filter((_, i) => i !== 1).join("")))
      assert.strictEqual(gap.code, 1)
      assert.include(gap.out, "seq")
      const cut = yield* Effect.promise(() => verifyFile(lines.slice(0, -1).join(""), "--head", `${head.seq}:${head.chain}`))
      assert.strictEqual(cut.code, 1)
      assert.include(cut.out, "expected head")
    }).pipe(Effect.provide(Stores.layerMemory)))
})
