/**
 * `localrights assess` and the decision it leads to (`transition … record-decision`), driven as
 * a subprocess on copies of a SQLite file made by `init --example`, the cases at once: a draft
 * explained per principle and stored nothing, a submission consolidated over the assessors, the
 * decision on the application gate that admission then needs, every broken rule of an invalid
 * assessment at once, both languages, exit codes. The same on PostgreSQL is in
 * postgres.test.ts.
 */
import { assert } from "@effect/vitest"
import { Frameworks } from "@localrights/core"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll, describe, it } from "vitest"
import { exampleDb, run, tempDir, writeScores } from "./cli.ts"

const t = tempDir("assess")
afterAll(t.dispose)
const example = exampleDb(t.dir)
const on = async (name: string) => {
  const db = await example.copy(name)
  return {
    en: (...args: Array<string>) => run({ cwd: t.dir, lang: "en" }, "--db", db, ...args),
    sv: (...args: Array<string>) => run({ cwd: t.dir, lang: "sv" }, "--db", db, ...args)
  }
}
const lund = "lund-francistown"

// SKR's principles in order: participation, non-discrimination, accessibility, transparency,
// accountability, privacy (scale 0–4, minimum 2)
const noPlan = { sv: "Ingen plan för öppen redovisning.", en: "No plan for open reporting." }
const revise = writeScores(t.dir, "revise.json", Frameworks.skr, [3, 3, 2, 1, 3, 2], {
  evidence: { transparency: noPlan },
  fields: { assessor: "icld-assessor-1", date: "2020-11-16" }
})
const pass = (assessor: string, date: string) =>
  writeScores(t.dir, `pass-${assessor}-${date}.json`, Frameworks.skr, [3, 3, 3, 3, 3, 2], { fields: { assessor, date } })

describe.concurrent("localrights assess (SQLite)", { timeout: 120_000 }, () => {
  it("a draft explains the verdict per principle and stores nothing; --submit records it and consolidates the assessors", async () => {
    const { en, sv } = await on("submit")
    const draft = await en("assess", lund, "--file", revise)
    assert.strictEqual(draft.status, 0, draft.out)
    assert.include(draft.stdout, `Assessment ${lund}-application-icld-assessor-1-2020-11-16 of ${lund} (application) under SKR's rights-based approach (skr-rights-based@1), assessor icld-assessor-1`)
    assert.include(draft.stdout, "✓ Participation: 3 of 4, meets the minimum 2.")
    assert.include(draft.stdout, "! Transparency: 1 of 4, below the minimum 2; needs revision.")
    assert.include(draft.stdout, "evidence: No plan for open reporting.")
    assert.include(draft.stdout, "Revise: below the minimum: Transparency; weighted share 58.3 % (required 50 %).")
    assert.include(draft.stdout, "Draft: nothing is stored")
    assert.notInclude(draft.out, "\u001b[", "no colour without a terminal")
    const json = JSON.parse((await en("assess", lund, "--file", revise, "--json")).stdout)
    assert.strictEqual(json.recorded, false)
    assert.strictEqual(json.evaluation.verdict, "revise")
    assert.deepStrictEqual(json.evaluation.failing.map((p: { principle: string }) => p.principle), ["transparency"])
    assert.strictEqual(json.assessment.subject.partnership, lund)

    const first = await sv("assess", lund, "--file", revise, "--submit", "--actor", "icld-assessor-1")
    assert.strictEqual(first.status, 0, first.out)
    assert.include(first.stdout, "! Transparens: 1 av 4, under miniminivån 2; behöver revideras.")
    assert.include(first.stdout, "underlag: Ingen plan för öppen redovisning.")
    assert.include(first.stdout, "Bedömningen är sparad (RecordAssessment, version 1).")
    assert.include(first.stdout, "Sammanställt över 1 bedömare (icld-assessor-1): Behöver revideras")
    assert.include(first.stdout, `localrights transition ${lund} record-decision --stage application`)
    const second = await en("assess", lund, "--file", pass("icld-assessor-2", "2020-11-17"), "--submit", "--json")
    assert.strictEqual(second.status, 0, second.out)
    const submitted = JSON.parse(second.stdout)
    assert.strictEqual(submitted.recorded, true)
    assert.strictEqual(submitted.evaluation.verdict, "pass")
    assert.deepStrictEqual(submitted.consolidated.assessors, ["icld-assessor-1", "icld-assessor-2"])
    // the means: transparency (1 + 3) / 2 = 2 meets the minimum; the assessors are 2 points apart
    assert.strictEqual(submitted.consolidated.evaluation.verdict, "pass")
    assert.deepStrictEqual(submitted.consolidated.disagreements, ["transparency"])
    const again = await en("assess", lund, "--file", revise, "--submit")
    assert.strictEqual(again.status, 1, again.out)
    assert.include(again.stderr, `error: assessment ${lund}-application-icld-assessor-1-2020-11-16 already exists (version 1).`)
  })

  it("record-decision turns the submitted assessments into the gate's decision: admission refused on revise, admitted after a passing round", async () => {
    const { en, sv } = await on("decide")
    assert.strictEqual((await en("transition", lund, "apply", "--reason", "Application received", "--expected-version", "1")).status, 0)
    assert.strictEqual((await en("assess", lund, "--file", revise, "--submit")).status, 0)
    const refused = await en("transition", lund, "record-decision", "--stage", "application", "--date", "2020-11-20", "--reason", "Panel", "--expected-version", "2", "--actor", "icld")
    assert.strictEqual(refused.status, 0, refused.out)
    assert.include(refused.stdout, `${lund}: RecordDecision, application assessment: refused (version 3)`)
    assert.include(refused.stdout, `Assessments ${lund}-application-icld-assessor-1-2020-11-16; skr-rights-based@1: revise`)
    assert.include(refused.stdout, "Revise under SKR's rights-based approach (skr-rights-based@1): Transparency (1, minimum 2).")
    const blocked = await sv("transition", lund, "admit", "--network", "icld-mr-2020-network", "--reason", "Admitted", "--expected-version", "3")
    assert.strictEqual(blocked.status, 1, blocked.out)
    assert.include(blocked.stderr, "Transparens (1, minst 2)", "the refusal quotes the decision's note")

    // the revised application: the same assessor again, the latest assessment counts
    assert.strictEqual((await en("assess", lund, "--file", pass("icld-assessor-1", "2020-11-27"), "--submit")).status, 0)
    const approved = await sv("transition", lund, "record-decision", "--stage", "application", "--date", "2020-11-30", "--reason", "Panel", "--expected-version", "3", "--json")
    assert.strictEqual(approved.status, 0, approved.out)
    const decided = JSON.parse(approved.stdout)
    assert.strictEqual(decided.decision.outcome, "approved")
    assert.deepStrictEqual(decided.decision.evidence, {
      _tag: "Assessments",
      framework: { id: "skr-rights-based", version: 1 },
      assessments: [`${lund}-application-icld-assessor-1-2020-11-27`],
      verdict: "pass"
    })
    const admitted = await en("transition", lund, "admit", "--network", "icld-mr-2020-network", "--reason", "Admitted", "--expected-version", "4")
    assert.strictEqual(admitted.status, 0, admitted.out)
    assert.include(admitted.stdout, `${lund}: Admit, applied → admitted to the network (version 5)`)
    const shown = await sv("show", lund)
    assert.include(shown.stdout, "2020-11-30  Bedömning av ansökan: Godkänt")
  })

  it("an invalid assessment is refused with every broken rule, in either language (exit 1)", async () => {
    const { en, sv } = await on("invalid")
    const bad = join(t.dir, "bad.json")
    writeFileSync(bad, JSON.stringify({ scores: [{ principle: "participation", score: 7 }, { principle: "courage", score: 2 }, { principle: "transparency", score: 0 }] }))
    const refused = await en("assess", lund, "--file", bad)
    assert.strictEqual(refused.status, 1, refused.out)
    assert.strictEqual(refused.stdout, "")
    for (const line of [
      "scores[0].score: The score of participation must be a whole number from 0 to 4.",
      "scores[1].principle: skr-rights-based@1 has no principle courage",
      "scores[2].evidence: The score 0 of transparency is below the minimum 2 and needs evidence.",
      "scores: Principle non-discrimination has no score.",
      "scores: Principle privacy has no score."
    ]) assert.include(refused.stderr, line)
    const panel = await sv("assess", lund, "--file", bad, "--framework", "panel@1", "--verbose")
    assert.strictEqual(panel.status, 1, panel.out)
    assert.include(panel.stderr, "scores[2].principle: panel@1 har ingen princip transparency")
    assert.include(panel.stderr, "scores: Principen legality saknar poäng.")
    assert.include(panel.stderr, "AssessmentInvalid: scores[0].score [score-within-scale] = 7", "the rules with --verbose")
    // a framework the programme does not assess with: refused when submitted
    const crc = writeScores(t.dir, "crc.json", Frameworks.childRights, Frameworks.childRights.principles.map(() => 3))
    const other = await en("assess", lund, "--file", crc, "--framework", "crc-general-principles", "--submit")
    assert.strictEqual(other.status, 1, other.out)
    assert.include(other.stderr, "Programme icld-mr-2020 assesses with skr-rights-based, panel, not crc-general-principles.")
    const shape = join(t.dir, "shape.json")
    writeFileSync(shape, JSON.stringify({ scores: [{ principle: "participation", score: "high" }], date: "30 November", stage: "later" }))
    const typed = await en("assess", lund, "--file", shape)
    assert.strictEqual(typed.status, 1, typed.out)
    assert.include(typed.stderr, "scores[0].score")
    assert.include(typed.stderr, "date")
    assert.include(typed.stderr, "subject.stage")
  })

  it("input that is not an assessment, an unknown framework or partnership, and usage errors", async () => {
    const { en, sv } = await on("errors")
    const notJson = join(t.dir, "not.json")
    writeFileSync(notJson, "{ scores: ")
    const broken = await sv("assess", lund, "--file", notJson)
    assert.strictEqual(broken.status, 1, broken.out)
    assert.include(broken.stderr, `fel: ${notJson} är inte giltig JSON`)
    const list = join(t.dir, "list.json")
    writeFileSync(list, "[]")
    const array = await en("assess", lund, "--file", list)
    assert.strictEqual(array.status, 1, array.out)
    assert.include(array.stderr, "must be a JSON object with \"scores\"")
    const unknown = await en("assess", lund, "--file", revise, "--framework", "nothing")
    assert.strictEqual(unknown.status, 1, unknown.out)
    assert.include(unknown.stderr, "nothing")
    const nobody = await sv("assess", "nobody", "--file", revise)
    assert.strictEqual(nobody.status, 1, nobody.out)
    assert.include(nobody.stderr, "fel: partnership nobody finns inte.")
    const noFile = await en("assess", lund)
    assert.strictEqual(noFile.status, 2, noFile.out)
    const badStage = await en("assess", lund, "--file", revise, "--stage", "later")
    assert.strictEqual(badStage.status, 2, badStage.out)
    const noStage = await en("transition", lund, "record-decision", "--reason", "x", "--expected-version", "1")
    assert.strictEqual(noStage.status, 2, noStage.out)
    assert.include(noStage.stderr, "error: record-decision needs --stage.")
    const nothing = await en("transition", "falun-mr-2020", "record-decision", "--stage", "application", "--reason", "x", "--expected-version", "1")
    assert.strictEqual(nothing.status, 1, nothing.out)
    assert.include(nothing.stderr, "There is no assessment of falun-mr-2020 (application).")
  })
})
