import { assert, describe, it } from "@effect/vitest"
import { ChangeLog, CriteriaFramework, CriteriaFrameworkStore, Frameworks, LocalizedText, Stores } from "@localrights/core"
import { Effect, Option, Result, Schema } from "effect"
import * as fc from "fast-check"

const change = ChangeLog.change("tester", "test")

// A custom framework as a user would send it (JSON).
const customJson = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: "lund-mr",
  version: 1,
  name: { sv: "Lunds MR-kriterier", en: "Lund's human-rights criteria" },
  appliesTo: ["application"],
  principles: [
    {
      id: "participation",
      name: { sv: "Delaktighet", en: "Participation" },
      description: { sv: "De som berörs får vara med.", en: "Those concerned take part." },
      questions: [{ sv: "Vem hörs?", en: "Who is heard?" }],
      weight: 2
    },
    {
      id: "transparency",
      name: { sv: "Transparens", en: "Transparency" },
      description: { sv: "Besluten är öppna.", en: "Decisions are open." },
      questions: [],
      weight: 1,
      minimum: 3
    }
  ],
  scale: { min: 1, max: 5, labels: [{ score: 1, label: { sv: "Svagt", en: "Weak" } }, { score: 5, label: { sv: "Starkt", en: "Strong" } }] },
  thresholds: { principleMinimum: 3, principleFloor: 2, overallShare: 0.5 },
  ...overrides
})

const decodeFails = (input: unknown) => CriteriaFramework.decode(input).pipe(Effect.flip)

describe("CriteriaFramework", () => {
  it("ships the three built-in frameworks, valid and complete in both languages", () => {
    const ids = (f: CriteriaFramework.CriteriaFramework) => f.principles.map((p) => p.id)
    assert.deepStrictEqual(ids(Frameworks.panel), ["participation", "accountability", "non-discrimination", "empowerment", "legality"])
    assert.deepStrictEqual(ids(Frameworks.skr), ["participation", "non-discrimination", "accessibility", "transparency", "accountability", "privacy"])
    assert.deepStrictEqual(ids(Frameworks.childRights), ["non-discrimination", "best-interests", "life-development", "participation"])
    for (const f of Frameworks.builtIns) {
      assert.isTrue(Result.isSuccess(CriteriaFramework.validate(f)), CriteriaFramework.key(f))
      assert.isUndefined(f.fallbackLanguage)
      assert.deepStrictEqual([...f.appliesTo], ["application", "project-plan"])
      for (const p of f.principles) assert.isTrue(p.questions.length > 0 && LocalizedText.isComplete(p.description))
    }
    assert.deepStrictEqual(Frameworks.childRights.principles.map((p) => p.source?.en), ["CRC art. 2", "CRC art. 3", "CRC art. 6", "CRC art. 12"])
  })

  // through JSON, as a store or an HTTP body carries it (JSON turns -0 into 0, so compare JSON forms)
  it.prop("encode then decode is the identity", [CriteriaFramework.CriteriaFramework], ([value]) => {
    const encode = Schema.encodeSync(CriteriaFramework.CriteriaFramework)
    const json = JSON.parse(JSON.stringify(encode(value)))
    assert.deepStrictEqual(encode(Schema.decodeUnknownSync(CriteriaFramework.CriteriaFramework)(json)), json)
  }, { arbitrary: { runs: 30 } })

  it.effect("decodes a custom framework given as data", () =>
    Effect.gen(function*() {
      const f = yield* CriteriaFramework.decode(customJson())
      assert.strictEqual(CriteriaFramework.key(f), "lund-mr@1")
      assert.strictEqual(CriteriaFramework.minimumOf(f, f.principles[1]!), 3)
      assert.deepStrictEqual(CriteriaFramework.scoreLabel(f, 5), { sv: "Starkt", en: "Strong" })
      assert.deepStrictEqual(CriteriaFramework.scoreLabel(f, 3), { sv: "3", en: "3" })
    }))

  it.effect("refuses duplicate principle ids, naming the field and the rule", () =>
    Effect.gen(function*() {
      const base = customJson()
      const principles = base.principles as Array<Record<string, unknown>>
      const error = yield* decodeFails({ ...base, principles: [principles[0], { ...principles[1], id: "participation" }] })
      assert.strictEqual(error._tag, "FrameworkInvalid")
      if (error._tag !== "FrameworkInvalid") return
      assert.deepStrictEqual(error.violations.map((v) => [v.field, v.rule, v.value]), [["principles[1].id", "unique-principle-ids", "participation"]])
      assert.include(error.explain("sv"), "förekommer mer än en gång")
    }))

  it.effect("refuses a weight of 0 at the weight's path", () =>
    Effect.gen(function*() {
      const base = customJson()
      const principles = base.principles as Array<Record<string, unknown>>
      const error = yield* decodeFails({ ...base, principles: [{ ...principles[0], weight: 0 }, principles[1]] })
      assert.strictEqual(error._tag, "ValidationError")
      if (error._tag === "ValidationError") assert.deepStrictEqual(error.violations.map((v) => v.field), ["principles[0].weight"])
    }))

  it.effect("refuses thresholds outside the scale and a floor above the minimum", () =>
    Effect.gen(function*() {
      const error = yield* decodeFails(customJson({ thresholds: { principleMinimum: 6, principleFloor: 4, overallShare: 0.5 } }))
      assert.strictEqual(error._tag, "FrameworkInvalid")
      if (error._tag !== "FrameworkInvalid") return
      assert.deepStrictEqual(error.violations.map((v) => [v.field, v.rule]), [
        ["thresholds.principleMinimum", "threshold-within-scale"],
        ["thresholds.principleFloor", "floor-at-most-minimum"]
      ])
      const base = customJson()
      const principles = base.principles as Array<Record<string, unknown>>
      const own = yield* decodeFails({ ...base, principles: [principles[0], { ...principles[1], minimum: 0 }] })
      assert.strictEqual(own._tag, "FrameworkInvalid")
      if (own._tag === "FrameworkInvalid") {
        assert.deepStrictEqual(own.violations.map((v) => [v.field, v.rule]), [
          ["principles[1].minimum", "threshold-within-scale"],
          ["thresholds.principleFloor", "floor-at-most-minimum"]
        ])
      }
      const share = yield* decodeFails(customJson({ thresholds: { principleMinimum: 3, principleFloor: 2, overallShare: 1.5 } }))
      assert.strictEqual(share._tag, "ValidationError")
      if (share._tag === "ValidationError") assert.deepStrictEqual(share.violations.map((v) => v.field), ["thresholds.overallShare"])
    }))

  it.effect("needs both languages, or every text in the declared fallback language", () =>
    Effect.gen(function*() {
      const svOnly = customJson({ name: { sv: "Lunds MR-kriterier" } })
      const error = yield* decodeFails(svOnly)
      assert.strictEqual(error._tag, "FrameworkInvalid")
      if (error._tag === "FrameworkInvalid") {
        assert.deepStrictEqual(error.violations.map((v) => [v.field, v.rule]), [["name.en", "both-languages"]])
      }
      const withFallback = yield* CriteriaFramework.decode({ ...svOnly, fallbackLanguage: "sv" })
      assert.strictEqual(withFallback.fallbackLanguage, "sv")
      const wrongFallback = yield* decodeFails({ ...svOnly, fallbackLanguage: "en" })
      assert.strictEqual(wrongFallback._tag, "FrameworkInvalid")
      if (wrongFallback._tag === "FrameworkInvalid") {
        assert.deepStrictEqual(wrongFallback.violations.map((v) => [v.field, v.rule]), [["name.en", "fallback-language"]])
      }
    }))

  it("reports a threshold violation exactly when a threshold lies off the scale", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 5 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: -8, max: 12 }),
        (min, width, minimum) => {
          const max = min + width
          const f = new CriteriaFramework.CriteriaFramework({
            ...Frameworks.panel,
            scale: { min, max, labels: [] },
            thresholds: { principleMinimum: minimum, principleFloor: Math.min(minimum, min), overallShare: 0.5 }
          })
          const result = CriteriaFramework.validate(f)
          const flagged = Result.isFailure(result) &&
            result.failure.violations.some((v) => v.field === "thresholds.principleMinimum" && v.rule === "threshold-within-scale")
          assert.strictEqual(flagged, minimum < min || minimum > max)
        }
      )
    )
  })

  it("resolves a version, or names what is missing", () => {
    const found = CriteriaFramework.resolve(Frameworks.builtIns, { id: "panel", version: 1 })
    assert.isTrue(Result.isSuccess(found))
    const version = CriteriaFramework.resolve(Frameworks.builtIns, { id: "panel", version: 7 })
    assert.isTrue(Result.isFailure(version))
    if (Result.isFailure(version)) {
      const [v] = version.failure.violations
      assert.deepStrictEqual([v.field, v.rule, v.value], ["framework.version", "framework-version-exists", "7"])
      assert.deepStrictEqual(version.failure.subject, { kind: "criteria-framework", id: "panel@7" })
      assert.deepStrictEqual(version.failure.known, [1])
      assert.include(version.failure.explain("sv"), "version 7")
    }
    const id = CriteriaFramework.resolve(Frameworks.builtIns, { id: "nope", version: 1 })
    if (Result.isFailure(id)) assert.strictEqual(id.failure.violations[0].field, "framework.id")
    else assert.fail("expected FrameworkNotFound")
  })

  it("finds a built-in framework by id", () => {
    assert.deepStrictEqual(Frameworks.findBuiltIn("panel"), Option.some(Frameworks.panel))
    assert.isTrue(Option.isNone(Frameworks.findBuiltIn("lund-mr")))
    assert.isTrue(Frameworks.isBuiltIn("skr-rights-based"))
    assert.isFalse(Frameworks.isBuiltIn("lund-mr"))
  })
})

describe("CriteriaFrameworkStore", () => {
  it.effect("publishes custom versions, keeps old ones unchanged and answers built-ins", () =>
    Effect.gen(function*() {
      const store = yield* CriteriaFrameworkStore.CriteriaFrameworkStore
      const v1 = yield* CriteriaFramework.decode(customJson())
      const v2 = new CriteriaFramework.CriteriaFramework({ ...v1, version: 2, thresholds: { ...v1.thresholds, overallShare: 0.9 } })
      yield* store.publish(v1, change)
      yield* store.publish(v2, change)
      assert.deepStrictEqual(yield* store.get({ id: "lund-mr", version: 1 }), v1)
      assert.strictEqual((yield* store.latest("lund-mr")).version, 2)
      assert.deepStrictEqual((yield* store.versions("lund-mr")).map((f) => f.version), [1, 2])
      assert.deepStrictEqual(yield* store.get({ id: "panel", version: 1 }), Frameworks.panel)
      assert.deepStrictEqual((yield* store.list).map(CriteriaFramework.key), [
        "panel@1",
        "skr-rights-based@1",
        "crc-general-principles@1",
        "lund-mr@1",
        "lund-mr@2"
      ])

      const again = yield* store.publish(v1, change).pipe(Effect.flip)
      assert.strictEqual(again._tag, "FrameworkInvalid")
      if (again._tag === "FrameworkInvalid") assert.deepStrictEqual(again.violations.map((v) => [v.field, v.rule]), [["version", "newer-version"]])
      const builtIn = yield* store.publish(new CriteriaFramework.CriteriaFramework({ ...Frameworks.panel, version: 2 }), change).pipe(Effect.flip)
      if (builtIn._tag === "FrameworkInvalid") assert.deepStrictEqual(builtIn.violations.map((v) => v.rule), ["not-built-in"])
      else assert.fail("expected FrameworkInvalid")
      // an invalid framework that is also not newer: every broken rule at once
      const twice = new CriteriaFramework.CriteriaFramework({ ...v1, principles: [...v1.principles, v1.principles[0]] })
      const both = yield* store.publish(twice, change).pipe(Effect.flip)
      if (both._tag === "FrameworkInvalid") assert.deepStrictEqual(both.violations.map((v) => v.rule), ["unique-principle-ids", "newer-version"])
      else assert.fail("expected FrameworkInvalid")

      const missing = yield* store.get({ id: "lund-mr", version: 3 }).pipe(Effect.flip)
      assert.strictEqual(missing._tag, "FrameworkNotFound")
      if (missing._tag === "FrameworkNotFound") assert.deepStrictEqual(missing.known, [1, 2])
      const unknown = yield* store.latest("nope").pipe(Effect.flip)
      if (unknown._tag === "FrameworkNotFound") assert.strictEqual(unknown.violations[0].field, "framework.id")
      else assert.fail("expected FrameworkNotFound")
    }).pipe(Effect.provide(Stores.layerMemory)))
})
