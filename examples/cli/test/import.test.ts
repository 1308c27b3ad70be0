/**
 * `localrights import`, driven as a subprocess: the kinds (organisations, programmes, networks
 * from JSON, JSON Lines and CSV; partnerships through the worker; budgets and expenses), bad
 * records by line in both languages, `--on-invalid abort`, exit codes, the progress bar on a
 * pseudo-terminal (with and without NO_COLOR). The same import into PostgreSQL is in
 * postgres.test.ts. The cases on one database run in order, the others beside them.
 */
import { assert } from "@effect/vitest"
import { execFileSync } from "node:child_process"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, describe, it } from "vitest"
import { run, runInTerminal, tempDir, writeGenerated } from "./cli.ts"

const t = tempDir("import")
afterAll(t.dispose)
const { bad, records } = writeGenerated(t.dir, "cli-", 300)
const at = (name: string) => join(t.dir, name)

const references = async (db: string, env: Record<string, string> = {}) => {
  for (const [file, kind] of [["programmes.json", "programmes"], ["organisations.jsonl", "organisations"], ["networks.json", "networks"]] as const) {
    const r = await run({ cwd: t.dir, env }, "--db", db, "import", at(file), "--kind", kind)
    assert.strictEqual(r.status, 0, r.out)
    assert.match(r.stdout, /records read in .* s: \d+ new, 0 updated, 0 unchanged, 0 rejected\./)
  }
}

const hasScript = (() => {
  try {
    execFileSync("script", ["--version"], { stdio: "ignore" })
    return true
  } catch {
    return false
  }
})()

describe.concurrent("localrights import (SQLite)", () => {
  const db = at("data.db")

  describe("on one database", { concurrent: false }, () => {
    it("imports the references, then partnerships with a bad line reported in sv and en (exit 1); a re-run changes nothing", async () => {
      await references(db)
      const first = await run({ cwd: t.dir, lang: "en" }, "--db", db, "import", bad, "--batch-size", "64")
      assert.strictEqual(first.status, 1, first.out)
      assert.include(first.stdout, "301 records read")
      assert.include(first.stdout, "300 new, 0 updated, 0 unchanged, 1 rejected")
      assert.include(first.stdout, "line 101: Not valid JSON")
      assert.notInclude(first.out, "\u001b[", "no colour and no bar without a terminal")
      const again = await run({ cwd: t.dir, lang: "sv" }, "--db", db, "import", at("partnerships.jsonl"), "--verbose")
      assert.strictEqual(again.status, 0, again.out)
      assert.include(again.stdout, "300 poster lästa")
      assert.include(again.stdout, "0 nya, 0 uppdaterade, 300 oförändrade, 0 avvisade")
      assert.match(again.stderr, /100% 300 lästa/, "plain progress lines with --verbose")
      const listed = JSON.parse((await run({ cwd: t.dir }, "--db", db, "list", "--json", "--limit", "500")).stdout)
      assert.strictEqual(listed.total, 300)
      assert.deepStrictEqual(listed.items.map((p: { id: string }) => p.id), records.map((p) => p.id))
    }, 90_000)

    it("reads CSV: organisations with nested and JSON cells, partnerships keeping the CSV line of a bad row, budgets a row per line", async () => {
      const orgs = at("orgs.csv")
      writeFileSync(orgs, "id;kind;name.sv;name.en;country;identifiers.municipalityCode\nvaxjo;municipality;Växjö kommun;Växjö Municipality;SE;0780\nbad;planet;X;X;SE;\n")
      const o = await run({ cwd: t.dir, lang: "en" }, "--db", db, "import", orgs, "--kind", "organisations")
      assert.strictEqual(o.status, 1, o.out)
      assert.include(o.stdout, "2 records read")
      assert.include(o.stdout, "1 new, 0 updated, 0 unchanged, 1 rejected")
      assert.include(o.stdout, "line 3 (bad): Organisation: kind: Expected one of")
      const p = records[0]!
      const csv = at("partnerships.csv")
      writeFileSync(
        csv,
        "id,programme,title.sv,title.en,swedishPartner,status,associates,focusAreas,sdgTags,goals,decisions\n" +
          `csv-1,${p.programme},"Titel, med komma","Title, with a comma",${p.swedishPartner},interest-registered,[],[],[],[],[]\n` +
          `csv-2,${p.programme},"Två\nrader",Two lines,${p.swedishPartner},interest-registered,[],[],[],[],[]\n` +
          `csv-3,${p.programme},X,X,${p.swedishPartner},dreaming,[],[],[],[],[]\n`
      )
      const c = await run({ cwd: t.dir, lang: "sv" }, "--db", db, "import", csv)
      assert.strictEqual(c.status, 1, c.out)
      assert.include(c.stdout, "2 nya, 0 uppdaterade, 0 oförändrade, 1 avvisade")
      assert.match(c.stdout, /rad 5 \(csv-3\): .*status/)
      const shown = JSON.parse((await run({ cwd: t.dir }, "--db", db, "show", "csv-2", "--json")).stdout)
      assert.strictEqual(shown.title.sv, "Två\nrader")
      const budgets = at("budgets.csv")
      writeFileSync(
        budgets,
        "id,partnership,scope,currency,line.id,line.phase,line.year,line.category,line.purpose,line.side,line.amount.minor\n" +
          "b1,csv-1,preparation,SEK,travel,preparation,1,travel,exchange-trip,swedish,11000000\n" +
          "b1,csv-1,preparation,SEK,lodging,preparation,1,accommodation,exchange-trip,swedish,5000000\n" +
          "b2,nobody,preparation,SEK,travel,preparation,1,travel,exchange-trip,swedish,100\n"
      )
      const b = await run({ cwd: t.dir, lang: "en" }, "--db", db, "import", budgets, "--kind", "budgets")
      assert.strictEqual(b.status, 1, b.out)
      assert.include(b.stdout, "2 records read")
      assert.include(b.stdout, "1 new, 0 updated, 0 unchanged, 1 rejected")
      assert.include(b.stdout, "line 4 (b2): partnership: Partnership nobody does not exist.")
      const expenses = at("expenses.jsonl")
      writeFileSync(expenses, [
        { ledger: "csv-1-ledger", partnership: "csv-1", budget: "b1", id: "e1", date: "2021-03-15", phase: "preparation", year: 1, category: "travel", purpose: "exchange-trip", side: "swedish", amount: { minor: 250000, currency: "SEK" } },
        { ledger: "csv-1-ledger", id: "e2", date: "2021-03-16", phase: "preparation", year: 1, category: "travel", purpose: "exchange-trip", side: "swedish", amount: { minor: 1000, currency: "ZAR" } }
      ].map((x) => JSON.stringify(x)).join("\n"))
      const e = await run({ cwd: t.dir, lang: "en" }, "--db", db, "import", expenses, "--kind", "expenses")
      assert.strictEqual(e.status, 1, e.out)
      assert.include(e.stdout, "1 new, 0 updated, 0 unchanged, 1 rejected")
      assert.include(e.stdout, "line 2 (e2): No exchange rate ZAR→SEK for 2021-03-16")
    }, 90_000)

    it.skipIf(!hasScript)("shows a progress bar on a terminal, in colour unless NO_COLOR is set", async () => {
      const coloured = await runInTerminal({ cwd: t.dir, lang: "en" }, "--db", db, "import", at("partnerships.jsonl"), "--batch-size", "100")
      assert.strictEqual(coloured.status, 0, coloured.out)
      assert.match(coloured.out, /\[#+-*\] +\d+% (\u001b\[0m)?\d+ read/)
      assert.include(coloured.out, "\u001b[36m[")
      assert.include(coloured.out, "\u001b[32m300 records read")
      const plain = await runInTerminal({ cwd: t.dir, lang: "sv", env: { NO_COLOR: "1" } }, "--db", db, "import", at("partnerships.jsonl"), "--batch-size", "100")
      assert.strictEqual(plain.status, 0, plain.out)
      assert.match(plain.out, /\[#+-*\] +\d+% \d+ lästa/)
      assert.notMatch(plain.out, /\u001b\[\d+m/, "no colour with NO_COLOR")
    }, 60_000)
  })

  it("stops at the bad line with --on-invalid abort (exit 1); refuses records without their references, naming the rule", async () => {
    const empty = at("empty.db")
    const aborted = await run({ cwd: t.dir, lang: "sv" }, "--db", empty, "import", bad, "--on-invalid", "abort", "--batch-size", "50")
    assert.strictEqual(aborted.status, 1, aborted.out)
    assert.include(aborted.stdout, "Importen avbröts på rad 1: programme: Programmet cli-prog")
    const refused = await run({ cwd: t.dir, lang: "en" }, "--db", empty, "import", at("partnerships.jsonl"))
    assert.strictEqual(refused.status, 1, refused.out)
    assert.include(refused.stdout, "0 new, 0 updated, 0 unchanged, 300 rejected")
    assert.include(refused.stdout, `line 1 (${records[0]!.id}): programme: Programme ${records[0]!.programme} does not exist.`)
    const missing = await run({ cwd: t.dir }, "--db", empty, "import", at("nothing.jsonl"))
    assert.strictEqual(missing.status, 2, missing.out)
  }, 60_000)
})
