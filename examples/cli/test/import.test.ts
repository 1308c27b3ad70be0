import { assert, describe, it } from "@effect/vitest"
import { Partnership } from "@localrights/core"
import { Generate } from "@localrights/store-sql/testing"
import { SqliteStore } from "@localrights/store-sqlite"
import { Effect, Schema } from "effect"
import { spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { afterAll } from "vitest"

const main = join(import.meta.dirname, "..", "src", "main.ts")
const dir = mkdtempSync(join(tmpdir(), "lr-cli-import-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const encode = Schema.encodeSync(Partnership.Partnership)
const s = Generate.seeded(5)
// a concluded or closed partnership has been through all the programme's implementation years
// (rule final-year; Generate gives every partnership from implementation on year 1)
const records = Array.from({ length: 300 }, (_, i) => Generate.partnership(s, `cli-${String(i).padStart(4, "0")}`, "cli-"))
  .map((p) => p.status === "concluded" || p.status === "closed" ? new Partnership.Partnership({ ...p, implementationYear: 3 }) : p)
const file = join(dir, "partnerships.jsonl")
writeFileSync(file, [...records.slice(0, 100).map((p) => JSON.stringify(encode(p))), "{ not json", ...records.slice(100).map((p) => JSON.stringify(encode(p)))].join("\n") + "\n")
const valid = join(dir, "valid.jsonl")
writeFileSync(valid, records.map((p) => JSON.stringify(encode(p))).join("\n") + "\n")

// the programmes, organisations and networks the records name: an import refuses a record whose
// references do not exist
const withReferences = (db: string) => {
  mkdirSync(dirname(db), { recursive: true })
  return Generate.storeReferences("cli-").pipe(Effect.provide(SqliteStore.layer({ filename: db })))
}

const cli = (...args: Array<string>) => {
  const r = spawnSync(process.execPath, ["--conditions=@localrights/source", main, ...args], { encoding: "utf8" })
  return { status: r.status, out: r.stdout + r.stderr }
}

describe("localrights import", () => {
  it.effect("imports a file into a new database, reports the bad line in sv and en, and a re-run changes nothing", () =>
    Effect.gen(function*() {
      const db = join(dir, "new", "data.db")
      yield* withReferences(db)
      const first = cli("import", file, "--db", db, "--batch-size", "64")
      assert.strictEqual(first.status, 0, first.out)
      assert.include(first.out, "301 poster lästa")
      assert.include(first.out, "301 records read")
      assert.include(first.out, "300 new, 0 updated, 0 unchanged, 1 rejected")
      assert.include(first.out, "rad 101: Inte giltig JSON")
      assert.include(first.out, "line 101: Not valid JSON")
      const stored = yield* Effect.gen(function*() {
        return yield* (yield* Partnership.Store).list()
      }).pipe(Effect.provide(SqliteStore.layer({ filename: db })))
      assert.deepStrictEqual(stored, records.map((p) => new Partnership.Partnership({ ...p, version: 1 })))
      const again = cli("import", file, "--db", db)
      assert.strictEqual(again.status, 0, again.out)
      assert.include(again.out, "0 new, 0 updated, 300 unchanged, 1 rejected")
    }), { timeout: 60_000 })

  it.effect("stops at the bad line with --on-invalid abort and exits with 1; a missing file is refused", () =>
    Effect.gen(function*() {
      const db = join(dir, "abort.db")
      yield* withReferences(db)
      const aborted = cli("import", file, "--db", db, "--on-invalid", "abort", "--batch-size", "50")
      assert.strictEqual(aborted.status, 1, aborted.out)
      assert.include(aborted.out, "Importen avbröts på rad 101")
      assert.include(aborted.out, "Import aborted at line 101")
      assert.include(aborted.out, "100 new and 0 updated partnerships before it are stored")
      const missing = cli("import", join(dir, "nothing.jsonl"), "--db", db)
      assert.notStrictEqual(missing.status, 0)
      assert.include(missing.out, "Path does not exist")
    }), 60_000)

  it("refuses every record of a database without their programme and organisations, naming the rule", () => {
    const db = join(dir, "empty", "data.db")
    const refused = cli("import", valid, "--db", db)
    assert.strictEqual(refused.status, 0, refused.out)
    assert.include(refused.out, "300 records read")
    assert.include(refused.out, "0 new, 0 updated, 0 unchanged, 300 rejected")
    assert.include(refused.out, `line 1 (${records[0]!.id}): programme: Programme ${records[0]!.programme} does not exist.`)
    assert.include(refused.out, `rad 1 (${records[0]!.id}): programme: Programmet ${records[0]!.programme} finns inte.`)
    assert.include(refused.out, `swedishPartner: Organisation ${records[0]!.swedishPartner} does not exist.`)
  }, 60_000)
})
