import { spawnSync } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { assert, describe, it } from "@effect/vitest"
import { View } from "@localrights/core"
import { RendererTest } from "@localrights/core/testing"
import { Effect, Exit } from "effect"
import { IatiRenderer } from "@localrights/render-iati"
import { afterAll } from "vitest"

const config: IatiRenderer.Config = {
  reportingOrg: { ref: "XM-EXAMPLE-ORG", type: "10", name: { sv: "Organisatören", en: "The Organiser" } }
}

RendererTest.suite("iati", IatiRenderer.layer(config))

const schema = fileURLToPath(new URL("./schema/iati-activities-schema.xsd", import.meta.url))
const xmllint = spawnSync("xmllint", ["--version"]).status === 0
if (!xmllint && process.env.CI === undefined) console.warn("\n!!! IATI schema validation SKIPPED: xmllint missing (apt-get install libxml2-utils). On CI this fails.\n")
const dir = mkdtempSync(join(tmpdir(), "localrights-iati-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let n = 0

/** Validates against the official 2.03 XSD; returns xmllint's complaint, or undefined when valid. */
const validate = (xml: string): string | undefined => {
  const file = join(dir, `doc-${n++}.xml`)
  writeFileSync(file, xml)
  const r = spawnSync("xmllint", ["--noout", "--schema", schema, file], { encoding: "utf8" })
  return r.status === 0 ? undefined : r.stderr
}

const iati = IatiRenderer.make(config)
const views = RendererTest.views()

describe.skipIf(!xmllint && process.env.CI === undefined)("IatiRenderer against the IATI 2.03 XSD", () => {
  it("xmllint is there (CI)", () => {
    assert.isTrue(xmllint, "xmllint missing: apt-get install libxml2-utils")
  })

  it.effect("the fixture validates, in both languages", () =>
    Effect.gen(function*() {
      for (const lang of ["sv", "en"] as const) {
        const doc = yield* iati.render(views.ActivityFile, lang)
        assert.isUndefined(validate(doc.body))
      }
    }))

  it.effect("every hostile payload still validates", () =>
    Effect.gen(function*() {
      for (const payload of RendererTest.payloads) {
        const doc = yield* iati.render(RendererTest.views(payload).ActivityFile, "en")
        assert.isUndefined(validate(doc.body), JSON.stringify(payload))
      }
    }))

  it("the validator rejects a broken document (the check can fail)", () => {
    assert.isDefined(validate(`<?xml version="1.0"?><iati-activities version="2.03"><iati-activity><title/></iati-activity></iati-activities>`))
  })
})

describe("IatiRenderer", () => {
  it.effect("writes identifier, organisations, narratives, status, dates, country, sector, SDG tags, markers, budget, disbursement", () =>
    Effect.gen(function*() {
      const { body, fileName } = yield* iati.render(views.ActivityFile, "sv")
      assert.strictEqual(fileName, "activities.xml")
      assert.include(body, "<iati-identifier>XM-EXAMPLE-ORG-p-one</iati-identifier>")
      assert.include(body, "<reporting-org ref=\"XM-EXAMPLE-ORG\" type=\"10\">")
      assert.include(body, "<participating-org role=\"1\" type=\"10\">")
      assert.include(body, "<participating-org role=\"4\" type=\"11\">\n      <narrative xml:lang=\"sv\">Lunds kommun</narrative>\n      <narrative xml:lang=\"en\">Lund Municipality</narrative>")
      assert.include(body, "<participating-org role=\"4\" type=\"80\">")
      assert.include(body, "<title>\n      <narrative xml:lang=\"sv\">Partnerskap p-one</narrative>\n      <narrative xml:lang=\"en\">Partnership p-one</narrative>")
      assert.include(body, "<activity-status code=\"2\"/>")
      assert.include(body, "<activity-date type=\"2\" iso-date=\"2021-01-01\"/>")
      assert.include(body, "<recipient-country code=\"BW\" percentage=\"100\"/>")
      assert.include(body, "<sector vocabulary=\"1\" code=\"15160\" percentage=\"100\"/>")
      assert.include(body, "<tag vocabulary=\"2\" code=\"10\">")
      assert.include(body, "<tag vocabulary=\"3\" code=\"10.2\">")
      assert.include(body, "<policy-marker vocabulary=\"1\" code=\"3\" significance=\"2\"/>")
      assert.include(body, "<value currency=\"SEK\" value-date=\"2021-01-01\">300000.00</value>")
      assert.include(body, "<transaction-type code=\"3\"/>")
      // The admitted partnership without dates gets the network's start as planned start.
      assert.include(body, "<iati-identifier>XM-EXAMPLE-ORG-p-two</iati-identifier>")
      assert.include(body, "<activity-date type=\"1\" iso-date=\"2020-12-10\"/>")
      assert.include(body, "<activity-status code=\"1\"/>")
      assert.notInclude(body, "contact-info")
    }))

  it.effect("writes results: one result per goal, indicators with measure, baseline, dated periods with target and approved actual", () =>
    Effect.gen(function*() {
      const { body } = yield* iati.render(views.ActivityFile, "en")
      const result = body.slice(body.indexOf("<result "), body.lastIndexOf("</result>") + 9)
      assert.include(result, `<result type="2">\n      <title>\n        <narrative xml:lang="sv">Inkluderande ledarskap</narrative>\n        <narrative xml:lang="en">Inclusive leadership</narrative>`)
      assert.include(result, `<indicator measure="1" ascending="1">`)
      assert.include(result, `<indicator measure="4" ascending="1">`)
      assert.include(result, `<baseline year="2021" iso-date="2021-01-01" value="0">\n          <comment>\n            <narrative xml:lang="sv">Ingen utbildning före projektet</narrative>`)
      assert.include(result, `<period-start iso-date="2021-01-01"/>\n          <period-end iso-date="2021-12-31"/>\n          <target value="5"/>\n          <actual value="8">\n            <dimension name="Gender" value="Women"/>\n            <dimension name="Gender" value="Men"/>\n            <comment>`)
      // the not-reported reason, and no actual of implementation year 2 (its report is only submitted)
      assert.include(result, `<narrative xml:lang="en">not reported: Revised from year 1</narrative>`)
      assert.include(result, `<period-start iso-date="2023-01-01"/>\n          <period-end iso-date="2023-12-31"/>\n          <target value="20"/>\n        </period>`)
      assert.notInclude(result, "777")
      // results come last in an activity, as the XSD orders them
      assert.isAbove(body.indexOf("<result "), body.indexOf("</transaction>"))
      if (xmllint) assert.isUndefined(validate(body))
    }))

  it.effect("a qualitative (measure 5) indicator carries its step labels as comments, not values; validates", () =>
    Effect.gen(function*() {
      const activity = views.ActivityFile.activities[0]!
      const r = activity.results!
      const goals = r.goals.map((g) => ({ ...g, indicators: g.indicators.map((i) => (i.kind === "qualitative" ? { ...i, iatiMeasure: 5 as const } : i)) }))
      const file: View.ActivityFile = { _tag: "ActivityFile", activities: [{ ...activity, results: { ...r, goals } }] }
      const { body } = yield* iati.render(file, "sv")
      assert.include(body, `<indicator measure="5" ascending="1">`)
      assert.include(body, `<narrative xml:lang="en">2 / 3 – Occasional consultation</narrative>`)
      if (xmllint) assert.isUndefined(validate(body))
    }))

  it.effect("sectors and organisation types are configurable", () =>
    Effect.gen(function*() {
      const custom = IatiRenderer.make({ ...config, sectors: [{ vocabulary: "1", code: "15150", percentage: 60 }, { vocabulary: "1", code: "15112", percentage: 40 }], organisationType: () => "90" })
      const { body } = yield* custom.render(views.ActivityFile, "en")
      assert.include(body, "<sector vocabulary=\"1\" code=\"15150\" percentage=\"60\"/>")
      assert.notInclude(body, "15160")
      assert.notInclude(body, "type=\"11\"")
      if (xmllint) assert.isUndefined(validate(body))
    }))

  it.effect("an activity without any date is refused with RenderError invalid-input", () =>
    Effect.gen(function*() {
      const file: View.ActivityFile = { _tag: "ActivityFile", activities: [{ ...views.ActivityFile.activities[0]!, dates: [] }] }
      const exit = yield* Effect.exit(iati.render(file, "en"))
      assert.isTrue(Exit.isFailure(exit))
      const error = yield* Effect.flip(iati.render(file, "en"))
      assert.strictEqual(error.reason, "invalid-input")
      assert.include(error.detail, "p-one")
    }))

  it("escape drops characters XML forbids and escapes markup", () => {
    assert.strictEqual(IatiRenderer.escape("a\u0000<b>&\"'\ud800"), "a&lt;b&gt;&amp;&quot;&apos;")
  })
})
