/**
 * Every command of `localrights` but `import` and `assess` (see import.test.ts and
 * assess.test.ts), driven as a subprocess, each case on its own copy of a SQLite file made by
 * `init --example` and the cases at once: valid and invalid input, both languages, exit codes
 * (0 ok, 1 refused or invalid, 2 usage, 3 store unavailable), colour never without a terminal.
 */
import { assert } from "@effect/vitest"
import { afterAll, describe, it } from "vitest"
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { contact, exampleDb, run, tempDir } from "./cli.ts"

const t = tempDir("commands")
afterAll(t.dispose)
const example = exampleDb(t.dir)
/** The command in English and in Swedish on a database of its own. */
const on = (db: string) => ({
  en: (...args: Array<string>) => run({ cwd: t.dir, lang: "en" }, "--db", db, ...args),
  sv: (...args: Array<string>) => run({ cwd: t.dir, lang: "sv" }, "--db", db, ...args)
})
const copy = async (name: string) => on(await example.copy(name))
const file = (name: string, content: unknown) => {
  const path = join(t.dir, name)
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content, null, 2))
  return path
}

const budgetLine = (id: string, kronor: number, category: string, purpose: string) => ({
  id,
  phase: "preparation",
  year: 1,
  category,
  purpose,
  side: "swedish",
  amount: { minor: kronor * 100, currency: "SEK" }
})

describe.concurrent("localrights commands (SQLite)", { timeout: 120_000 }, () => {
  it("init creates the database with the examples, in either language; a second run changes nothing", async () => {
    const db = join(t.dir, "init.db")
    const { en, sv } = on(db)
    const first = await en("init", "--example")
    assert.strictEqual(first.status, 0, first.out)
    assert.include(first.stdout, `The database is ready: SQLite ${db}`)
    assert.include(first.stdout, "The examples are stored (12 organisations)")
    assert.notInclude(first.out, "\u001b[", "no colour without a terminal")
    const again = await sv("init", "--example")
    assert.strictEqual(again.status, 0, again.out)
    assert.include(again.stdout, "Databasen är klar")
    assert.include(again.stdout, "Exemplen är lagrade (12 organisationer)")
  })

  it("--help prints on stdout with exit 0; usage errors go to stderr with exit 2; --lang overrides LANG", async () => {
    const { en, sv } = await copy("usage")
    const help = await run({ cwd: t.dir }, "transition", "--help")
    assert.strictEqual(help.status, 0, help.out)
    assert.include(help.stdout, "EXAMPLES")
    const badFlag = await en("list", "--bogus")
    assert.strictEqual(badFlag.status, 2, badFlag.out)
    assert.include(badFlag.stderr, "Unrecognized flag: --bogus")
    assert.strictEqual(badFlag.stdout, "")
    const missing = await sv("--lang", "en", "transition", "lund-francistown", "admit", "--reason", "x", "--expected-version", "1")
    assert.strictEqual(missing.status, 2, missing.out)
    assert.include(missing.stderr, "error: admit needs --network.")
  })

  it("a missing database file, a file that is not a database, or an unreachable PostgreSQL is exit code 3", async () => {
    const other = (lang: "sv" | "en", ...args: Array<string>) => run({ cwd: t.dir, lang }, ...args)
    const none = await other("sv", "--db", join(t.dir, "nothing.db"), "list")
    assert.strictEqual(none.status, 3, none.out)
    assert.include(none.stderr, "fel: Ingen databas i")
    const notDb = file("not-a-db.db", "this is not a database, just text that goes on and on ".repeat(100))
    const broken = await other("en", "--db", notDb, "list", "--verbose")
    assert.strictEqual(broken.status, 3, broken.out)
    assert.include(broken.stderr, "error: The database cannot be")
    assert.match(broken.stderr, /not a database|file is not/i, "the detail with --verbose")
    const pg = await other("en", "--db", "postgres://nobody@127.0.0.1:1/none", "list")
    assert.strictEqual(pg.status, 3, pg.out)
    assert.include(pg.stderr, "error: The database cannot be reached or opened.")
    assert.include(pg.stderr, "(details with --verbose)")
  }, 60_000)

  it("list filters the catalogue (text and JSON); an unknown status is refused naming the field", async () => {
    const { en, sv } = await copy("list")
    const all = await en("list")
    assert.strictEqual(all.status, 0, all.out)
    assert.include(all.stdout, "falun-mr-2020")
    assert.include(all.stdout, "6 of 6 partnerships")
    const admitted = await sv("list", "--status", "admitted", "--json", "--limit", "2")
    assert.strictEqual(admitted.status, 0, admitted.out)
    const page = JSON.parse(admitted.stdout)
    assert.strictEqual(page.total, 5)
    assert.strictEqual(page.items.length, 2)
    assert.isString(page.next)
    assert.deepStrictEqual(page.facets.status, { admitted: 5 })
    const bad = await sv("list", "--status", "dreaming")
    assert.strictEqual(bad.status, 1, bad.out)
    assert.include(bad.stderr, "fel: CatalogueQuery: status[0]:")
  })

  it("show prints a partnership with its version and history; an unknown id is exit 1", async () => {
    const { en, sv } = await copy("show")
    const shown = await en("show", "lund-francistown", "--history")
    assert.strictEqual(shown.status, 0, shown.out)
    assert.include(shown.stdout, "Lund and Francistown, Botswana (lund-francistown)")
    assert.include(shown.stdout, "Interest registered")
    assert.include(shown.stdout, "RegisterInterest")
    const json = JSON.parse((await en("show", "lund-francistown", "--json")).stdout)
    assert.strictEqual(json.version, 1)
    const missing = await sv("show", "nobody")
    assert.strictEqual(missing.status, 1, missing.out)
    assert.include(missing.stderr, "fel: partnership nobody finns inte.")
  })

  it("transition runs a lifecycle command at the expected version; a stale version and a refused guard are exit 1", async () => {
    const { en, sv } = await copy("transition")
    const applied = await en("transition", "lund-francistown", "apply", "--reason", "Application received", "--expected-version", "1", "--actor", "icld")
    assert.strictEqual(applied.status, 0, applied.out)
    assert.include(applied.stdout, "lund-francistown: Apply, interest registered → applied (version 2)")
    const stale = await en("transition", "lund-francistown", "withdraw", "--reason", "x", "--expected-version", "1")
    assert.strictEqual(stale.status, 1, stale.out)
    assert.include(stale.stderr, "expected version 1, stored 2")
    const refused = await sv("transition", "lund-francistown", "conclude", "--reason", "x", "--expected-version", "2")
    assert.strictEqual(refused.status, 1, refused.out)
    assert.include(refused.stderr, "fel: partnership lund-francistown: status: Conclude kan bara göras från")
  })

  it("budget check explains every violation, or the headroom; an invalid budget names its fields", async () => {
    const { en, sv } = await copy("budget")
    const ok = file("budget-ok.json", {
      id: "lund-prep",
      partnership: "lund-francistown",
      scope: "preparation",
      currency: "SEK",
      lines: [budgetLine("travel", 110_000, "travel", "exchange-trip"), budgetLine("lodging", 50_000, "accommodation", "exchange-trip")]
    })
    const passed = await en("budget", "check", ok)
    assert.strictEqual(passed.status, 0, passed.out)
    assert.include(passed.stdout, "The budget keeps the funding rules.")
    assert.include(passed.stdout, "left of")
    const over = file("budget-over.json", {
      id: "lund-prep-over",
      partnership: "lund-francistown",
      scope: "preparation",
      currency: "SEK",
      lines: [budgetLine("travel", 290_000, "travel", "exchange-trip"), budgetLine("laptops", 25_000, "equipment", "project-activity")]
    })
    const failed = await sv("budget", "check", over, "--rules", "icld-mr-2020")
    assert.strictEqual(failed.status, 1, failed.out)
    assert.include(failed.stdout, "Budgeten bryter mot finansieringsreglerna: 2 avvikelser.")
    assert.include(failed.stdout, "laptops")
    const json = JSON.parse((await en("budget", "check", over, "--rules", "icld-mr-2020", "--json")).stdout)
    assert.strictEqual(json._tag, "Failed")
    assert.strictEqual(json.violations.length, 2)
    const invalid = file("budget-invalid.json", { id: "x", partnership: "lund-francistown", scope: "preparation", currency: "SEK", lines: [{ ...budgetLine("a", 1, "travel", "exchange-trip"), year: 0, category: "yachts" }] })
    const refused = await en("budget", "check", invalid, "--rules", "icld-mr-2020")
    assert.strictEqual(refused.status, 1, refused.out)
    assert.include(refused.stderr, "lines[0].year")
    assert.include(refused.stderr, "lines[0].category")
  })

  it("expense add records a cost in a new ledger, converts BWP with a rate table, and refuses a missing rate", async () => {
    const { en, sv } = await copy("expense")
    const rates = file("rates.json", [{ from: "BWP", to: "SEK", date: "2021-03-15", rate: "0.78" }])
    const common = ["--ledger", "falun-ledger", "--date", "2021-03-15", "--phase", "preparation", "--year", "1", "--category", "accommodation", "--purpose", "exchange-trip", "--side", "international"]
    const first = await en("expense", "add", ...common, "--partnership", "falun-mr-2020", "--id", "hotel-1", "--amount", "4500", "--currency", "BWP", "--rates", rates)
    assert.strictEqual(first.status, 0, first.out)
    assert.include(first.stdout, "Expense hotel-1 is recorded in falun-ledger")
    assert.include(first.stdout, "rate 0.78 on 2021-03-15")
    const sek = await sv("expense", "add", ...common, "--id", "taxi-1", "--amount", "350.50", "--expected-version", "2")
    assert.strictEqual(sek.status, 0, sek.out)
    assert.include(sek.stdout, "Utgiften taxi-1 är bokförd i falun-ledger")
    const noRate = await en("expense", "add", ...common, "--id", "hotel-2", "--amount", "100", "--currency", "ZAR")
    assert.strictEqual(noRate.status, 1, noRate.out)
    assert.include(noRate.stderr, "No exchange rate ZAR→SEK for 2021-03-15")
    const noLedger = await en("expense", "add", ...common.map((x) => (x === "falun-ledger" ? "nowhere" : x)), "--id", "x", "--amount", "1")
    assert.strictEqual(noLedger.status, 1, noLedger.out)
    assert.include(noLedger.stderr, "give --partnership to create it")
  })

  it("report network and programme as text, JSON and HTML; an unknown network is exit 1", async () => {
    const { en, sv } = await copy("report")
    const text = await en("report", "network", "icld-mr-2020-network")
    assert.strictEqual(text.status, 0, text.out)
    assert.include(text.stdout, "Municipal Partnerships for Human Rights network 2020")
    assert.include(text.stdout, "falun-mr-2020")
    const json = JSON.parse((await en("report", "network", "icld-mr-2020-network", "--format", "json")).stdout)
    assert.strictEqual(json._tag, "NetworkReport")
    assert.strictEqual(json.cards.length, 5)
    const html = join(t.dir, "network.html")
    const page = await sv("report", "network", "icld-mr-2020-network", "--format", "html", "--out", html)
    assert.strictEqual(page.status, 0, page.out)
    assert.include(readFileSync(html, "utf8"), "<html lang=\"sv\"")
    const programme = await sv("report", "programme", "icld-mr-2020")
    assert.strictEqual(programme.status, 0, programme.out)
    assert.include(programme.stdout, "Partnerskap: 6")
    assert.include(programme.stdout, "antagen till nätverket 5")
    const none = await en("report", "network", "nowhere")
    assert.strictEqual(none.status, 1, none.out)
    assert.include(none.stderr, "error: Network nowhere does not exist.")
  })

  it("render writes html, md, csv, iati and ics into a folder; iati needs the reporting organisation", async () => {
    const { en, sv } = await copy("render")
    const out = join(t.dir, "site")
    const r = await en("render", "html", "md", "csv", "iati", "ics", "--out", out, "--iati-org", "XX-EXAMPLE-ICLD")
    assert.strictEqual(r.status, 0, r.out)
    const files = readdirSync(out)
    for (const name of ["catalogue.sv.html", "catalogue.en.md", "catalogue.sv.csv", "falun-mr-2020.en.html", "network-icld-mr-2020-network.sv.html", "activities.xml", "events.sv.ics"]) {
      assert.include(files, name)
    }
    assert.include(readFileSync(join(out, "activities.xml"), "utf8"), "XX-EXAMPLE-ICLD")
    assert.include(readFileSync(join(out, "events.en.ics"), "utf8"), "BEGIN:VCALENDAR")
    const noOrg = await sv("render", "iati", "--out", join(t.dir, "iati"))
    assert.strictEqual(noOrg.status, 1, noOrg.out)
    assert.include(noOrg.stderr, "ange --iati-org")
    const bad = await en("render", "pdf")
    assert.strictEqual(bad.status, 2, bad.out)
  })

  it("person export finds a contact person; erase refuses a reason naming them, then erases them", async () => {
    const { en, sv } = await copy("person")
    const exported = await en("person", "export", "--email", contact.email)
    assert.strictEqual(exported.status, 0, exported.out)
    const found = JSON.parse(exported.stdout)
    assert.strictEqual(found.findings.length, 1)
    assert.strictEqual(found.findings[0].organisation, contact.organisation)
    const refused = await sv("person", "erase", "--email", contact.email, "--reason", `request from ${contact.email}`)
    assert.strictEqual(refused.status, 1, refused.out)
    assert.include(refused.stderr, "fel: erasure: reason: Anledningen får inte innehålla personens namn eller e-postadress")
    const erased = await en("person", "erase", "--email", contact.email, "--reason", "case 2026-17", "--actor", "dpo")
    assert.strictEqual(erased.status, 0, erased.out)
    assert.include(erased.stdout, "The person is erased from 1 entities")
    assert.include(erased.stdout, `organisation/${contact.organisation}`)
    assert.strictEqual(JSON.parse((await en("person", "export", "--email", contact.email)).stdout).findings.length, 0)
    const nobody = await en("person", "export")
    assert.strictEqual(nobody.status, 1, nobody.out)
    assert.include(nobody.stderr, "Expected an e-mail address or a name")
  })

  it("log verify checks the whole log; log export writes it as JSON Lines; an altered document is named (exit 1)", async () => {
    const db = await example.copy("log")
    const { en, sv } = on(db)
    const verified = await en("log", "verify")
    assert.strictEqual(verified.status, 0, verified.out)
    assert.include(verified.stdout, "The change log verifies:")
    const head = /Head \(keep it outside the database\): (\d+:[0-9a-f]{64})/.exec(verified.stdout)![1]!
    assert.strictEqual((await sv("log", "verify", "--expected-head", head)).status, 0)
    const out = join(t.dir, "log.jsonl")
    const exported = await en("log", "export", "--out", out)
    assert.strictEqual(exported.status, 0, exported.out)
    const lines = readFileSync(out, "utf8").trim().split("\n")
    assert.strictEqual(`${JSON.parse(lines.at(-1)!).seq}:${JSON.parse(lines.at(-1)!).chain}`, head)
    assert.notInclude(readFileSync(out, "utf8"), contact.email, "the contact person in the database is not in the log")
    assert.notInclude(readFileSync(out, "utf8"), contact.name)
    const badHead = await en("log", "verify", "--expected-head", "nonsense")
    assert.strictEqual(badHead.status, 2, badHead.out)
    // alter a document behind the store's back
    const { DatabaseSync } = await import("node:sqlite")
    const raw = new DatabaseSync(db)
    raw.prepare("UPDATE documents SET data = json_set(data, '$.name.en', 'Tampered') WHERE kind = 'organisation' AND id = 'lund'").run()
    raw.close()
    const broken = await sv("log", "verify")
    assert.strictEqual(broken.status, 1, broken.out)
    assert.include(broken.stdout, "Dokumentet organisation lund")
    assert.isTrue(existsSync(out))
  })
})
