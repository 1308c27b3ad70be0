/**
 * `localrights` on PostgreSQL (PGlite behind a socket, or the server at LOCALRIGHTS_PG_URL),
 * driven as a subprocess with the database from `LOCALRIGHTS_PG_URL`: init, the imports,
 * list, a transition, an assessment submitted and its decision recorded, and the change log
 * verified. In order: PGlite serves one session.
 */
import { assert } from "@effect/vitest"
import { Frameworks } from "@localrights/core"
import { Redacted } from "effect"
import { join } from "node:path"
import { afterAll, beforeAll, describe, it } from "vitest"
import * as Pg from "../../../packages/store/postgres/test/pg.ts"
import { run, tempDir, writeGenerated, writeScores } from "./cli.ts"

const t = tempDir("postgres")
afterAll(t.dispose)
const { bad, records } = writeGenerated(t.dir, "cli-", 300)
const at = (name: string) => join(t.dir, name)

describe("localrights on PostgreSQL", () => {
  let pg: Pg.TestDatabase
  let url: string
  beforeAll(async () => {
    pg = await Pg.start()
    const base = pg.config.url === undefined ? "" : Redacted.value(pg.config.url)
    const schema = (pg.config.startupParameters as { search_path?: string } | undefined)?.search_path
    // a server: the run's schema through the connection's options
    url = schema === undefined ? base : `${base}${base.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`
  })
  afterAll(() => pg?.close())

  it("init, import, list, transition, assess, record-decision and log verify against PostgreSQL from LOCALRIGHTS_PG_URL", async () => {
    const env = { LOCALRIGHTS_PG_URL: url, LOCALRIGHTS_PG_POOL: "1" }
    const init = await run({ cwd: t.dir, lang: "en", env }, "init")
    assert.strictEqual(init.status, 0, init.out)
    assert.include(init.stdout, "The database is ready: PostgreSQL postgres://")
    for (const [file, kind] of [["programmes.json", "programmes"], ["organisations.jsonl", "organisations"], ["networks.json", "networks"]] as const) {
      const r = await run({ cwd: t.dir, env }, "import", at(file), "--kind", kind)
      assert.strictEqual(r.status, 0, r.out)
    }
    const imported = await run({ cwd: t.dir, lang: "sv", env }, "import", bad, "--batch-size", "128")
    assert.strictEqual(imported.status, 1, imported.out)
    assert.include(imported.stdout, "300 nya, 0 uppdaterade, 0 oförändrade, 1 avvisade")
    assert.include(imported.stdout, "rad 101: Inte giltig JSON")
    const listed = JSON.parse((await run({ cwd: t.dir, env }, "list", "--json", "--status", "applied", "--limit", "500")).stdout)
    const applied = records.filter((p) => p.status === "applied")
    assert.strictEqual(listed.total, applied.length)
    const id = applied[0]!.id
    const withdrawn = await run({ cwd: t.dir, lang: "en", env }, "transition", id, "withdraw", "--reason", "Withdrawn by the municipality", "--expected-version", "1")
    assert.strictEqual(withdrawn.status, 0, withdrawn.out)
    assert.include(withdrawn.stdout, `${id}: Withdraw, applied → withdrawn (version 2)`)

    // an assessment of another applied partnership: PANEL scores, refused under the programme's
    // first framework (SKR's), recorded under PANEL
    const assessed = applied[1]!.id
    const scores = writeScores(t.dir, "panel.json", Frameworks.panel, [3, 2, 3, 2, 3], { fields: { assessor: "panel-1", date: "2021-02-01" } })
    const underSkr = await run({ cwd: t.dir, lang: "en", env }, "assess", assessed, "--file", scores)
    assert.strictEqual(underSkr.status, 1, underSkr.out)
    assert.include(underSkr.stderr, "skr-rights-based@1 has no principle empowerment")
    const submitted = await run({ cwd: t.dir, lang: "sv", env }, "assess", assessed, "--file", scores, "--framework", "panel", "--submit", "--actor", "panel-1")
    assert.strictEqual(submitted.status, 0, submitted.out)
    assert.include(submitted.stdout, "Bedömningen är sparad (RecordAssessment, version 1).")
    assert.include(submitted.stdout, "Godkänd: alla 5 principer når miniminivån")
    const decided = await run({ cwd: t.dir, lang: "en", env }, "transition", assessed, "record-decision", "--stage", "application", "--reason", "Panel", "--expected-version", "1", "--json")
    assert.strictEqual(decided.status, 0, decided.out)
    assert.strictEqual(JSON.parse(decided.stdout).decision.outcome, "approved")
    assert.strictEqual(JSON.parse(decided.stdout).version, 2)

    const verified = await run({ cwd: t.dir, lang: "en", env }, "log", "verify")
    assert.strictEqual(verified.status, 0, verified.out)
    assert.include(verified.stdout, "The change log verifies:")
  }, 120_000)
})
