import { assert, describe, it } from "@effect/vitest"
import { Frameworks, Partnership, Programme, RightsSdgMap, Sdg } from "@localrights/core"
import { IcldCohort2020 } from "@localrights/core/examples"
import { Effect, Schema } from "effect"
import * as fc from "fast-check"

const targetsOf = (kind: string, id: string): ReadonlyArray<string> | undefined =>
  RightsSdgMap.current.entries.find((e) => e.source.kind === kind && e.source.id === id)?.targets

const bare = (fields: Partial<Partnership.Partnership> = {}) =>
  Effect.runSync(Partnership.make({
    id: "p",
    programme: IcldCohort2020.programme.id,
    title: { sv: "Ett partnerskap", en: "A partnership" },
    swedishPartner: "lund",
    ...fields
  }))

describe("RightsSdgMap", () => {
  it("holds the mapping as versioned data that decodes against the official targets", () => {
    const decoded = Schema.decodeUnknownSync(RightsSdgMap.RightsSdgMap)(
      JSON.parse(JSON.stringify(Schema.encodeSync(RightsSdgMap.RightsSdgMap)(RightsSdgMap.v1)))
    )
    assert.deepStrictEqual(decoded, RightsSdgMap.v1)
    assert.strictEqual(RightsSdgMap.current.version, 1)
    assert.strictEqual(RightsSdgMap.version(1), RightsSdgMap.v1)
    assert.isUndefined(RightsSdgMap.version(2))
    assert.deepStrictEqual(targetsOf("principle", "non-discrimination"), ["10.2", "10.3", "16.b"])
    assert.deepStrictEqual(targetsOf("principle", "participation"), ["16.7"])
    assert.deepStrictEqual(targetsOf("principle", "transparency"), ["16.10"])
    assert.deepStrictEqual(targetsOf("principle", "accountability"), ["16.6"])
    assert.deepStrictEqual(targetsOf("focus-area", "gender-equality"), ["5.1", "5.5"])
    assert.deepStrictEqual(targetsOf("focus-area", "young-people"), ["4.7", "8.6"])
    assert.deepStrictEqual(targetsOf("principle", "accessibility"), ["11.2", "11.7"])
    assert.deepStrictEqual(targetsOf("focus-area", "accessibility"), ["11.2", "11.7"])
    // unknown, not guessed
    assert.isUndefined(targetsOf("principle", "best-interests"))
    assert.isUndefined(targetsOf("focus-area", "technical-administration"))
    // every SKR and PANEL principle is mapped
    for (const f of [Frameworks.skr, Frameworks.panel]) {
      for (const p of f.principles) assert.isDefined(targetsOf("principle", p.id), p.id)
    }
  })

  it("suggests tags for Lund ↔ Francistown with the principle and the text that led to them", () => {
    const suggestions = RightsSdgMap.suggest(IcldCohort2020.lundFrancistown)
    assert.deepStrictEqual(suggestions.map((s) => s.target.code), ["16.6", "16.7"])
    const participation = suggestions.find((s) => s.target.code === "16.7")!
    assert.deepStrictEqual(participation.tag, { goal: 16 as Sdg.GoalNumber, target: "16.7" as Sdg.TargetCode, significance: "significant" })
    assert.isFalse(participation.alreadyTagged)
    assert.deepStrictEqual(participation.map, { id: "localrights-rights-sdg", version: 1 })
    const reason = participation.reasons[0]!
    assert.deepStrictEqual(reason.source, { kind: "principle", id: "participation" })
    assert.deepStrictEqual(reason.found, { field: "projectArea", lang: "en", term: "inclusive", excerpt: "Inclusive leadership and governance" })
    assert.include(reason.explanation.sv ?? "", "Principen Delaktighet nämns i projektområdet")
    assert.include(reason.explanation.en ?? "", "16.7 concerns responsive, inclusive, participatory")
  })

  it("suggests from chosen focus areas, and marks targets already tagged", () => {
    const p = bare({ focusAreas: ["gender-equality", "young-people"], sdgTags: [{ goal: 5 as Sdg.GoalNumber, significance: "principal" }] })
    const suggestions = RightsSdgMap.suggest(p)
    assert.deepStrictEqual(suggestions.map((s) => [s.target.code, s.alreadyTagged]), [
      ["4.7", false],
      ["5.1", true],
      ["5.5", true],
      ["8.6", false]
    ])
    assert.strictEqual(suggestions[1]!.reasons[0]!.via, "focus-area")
    assert.include(suggestions[1]!.reasons[0]!.explanation.sv ?? "", "Fokusområdet Jämställdhet är valt")
  })

  it("finds Swedish terms at the start of a word, ignoring case and accents, and puts better-founded targets first", () => {
    const p = bare({
      description: { sv: "Vi stärker BARN OCH UNGAS delaktighet och egenmakt och motverkar diskriminering. Ungefär så." }
    })
    const suggestions = RightsSdgMap.suggest(p)
    assert.deepStrictEqual(suggestions.map((s) => s.target.code), ["10.2", "4.7", "8.6", "10.3", "16.7", "16.b"])
    const young = suggestions.find((s) => s.target.code === "8.6")!
    assert.deepStrictEqual(young.reasons[0]!.found, {
      field: "description",
      lang: "sv",
      term: "unga",
      excerpt: "Vi stärker BARN OCH UNGAS delaktighet och egenmakt och motverkar diskriminering"
    })
    // "transparent" inside another word does not count
    assert.deepStrictEqual(RightsSdgMap.suggest(bare({ description: { en: "nontransparent" } })), [])
  })

  it("shows which rights a set of SDG tags touches", () => {
    const lund = RightsSdgMap.rightsTouched(IcldCohort2020.lundFrancistown.sdgTags)
    assert.deepStrictEqual(lund.map((t) => [t.source.id, t.via.map((v) => `${v.target}/${v.by}`)]), [
      ["non-discrimination", ["10.2/goal", "10.3/goal"]],
      ["empowerment", ["10.2/goal"]],
      ["minorities", ["10.2/goal"]]
    ])
    const touched = RightsSdgMap.rightsTouched([{ goal: 16 as Sdg.GoalNumber, target: "16.10" as Sdg.TargetCode, significance: "significant" }])
    assert.deepStrictEqual<unknown>(touched.map((t) => [t.source.id, t.via]), [
      ["transparency", [{ target: "16.10", by: "target" }]],
      ["privacy", [{ target: "16.10", by: "target" }]]
    ])
    assert.deepStrictEqual(RightsSdgMap.rightsTouched([{ goal: 13 as Sdg.GoalNumber, significance: "significant" }]), [])
  })

  it("every suggested tag touches the rights that suggested it, and suggestions ignore case", () => {
    const words = RightsSdgMap.current.entries.flatMap((e) => [...e.terms.sv, ...e.terms.en])
    fc.assert(
      fc.property(
        fc.subarray([...Programme.FocusArea.literals]),
        fc.array(fc.oneof(fc.constantFrom(...words), fc.constantFrom("and", "och", "the", "kommun", "city")), { maxLength: 8 }),
        (focusAreas, text) => {
          const describe = (s: string) => (s === "" ? {} : { description: { en: s } })
          const p = bare({ focusAreas, ...describe(text.join(" ")) })
          const suggestions = RightsSdgMap.suggest(p)
          for (const s of suggestions) {
            assert.isAbove(s.reasons.length, 0)
            assert.isTrue(Schema.is(Sdg.Tag)(s.tag))
            const touched = RightsSdgMap.rightsTouched([s.tag]).map((t) => `${t.source.kind}:${t.source.id}`)
            for (const r of s.reasons) assert.include(touched, `${r.source.kind}:${r.source.id}`)
          }
          const upper = RightsSdgMap.suggest(bare({ focusAreas, ...describe(text.join(" ").toUpperCase()) }))
          assert.deepStrictEqual(upper.map((s) => s.target.code), suggestions.map((s) => s.target.code))
        }
      ),
      { numRuns: 300 }
    )
  })
})
