import { assert, describe, it } from "@effect/vitest"
import { type CalendarDate, ChangeLog, Country, type Ids, Lifecycle, LocalizedText, Money, Network, Organisation, Partnership, Programme, Sdg, Validation } from "@localrights/core"
import { IcldCohort2020 } from "@localrights/core/examples"
import { Exit, Schema } from "effect"
import * as Arbitrary from "effect/Arbitrary"
import * as fc from "fast-check"

// Every schema of the domain: encode → decode gives the value back.
const schemas = [
  ["Organisation", Organisation.Organisation],
  ["Programme", Programme.Programme],
  ["Network", Network.Network],
  ["Money", Money.Money],
  ["LocalizedText", LocalizedText.LocalizedText],
  ["Sdg.Tag", Sdg.Tag],
  ["Lifecycle.Command", Lifecycle.Command],
  ["ChangeRecord", ChangeLog.ChangeRecord]
] as const

describe("schemas", () => {
  for (const [name, schema] of schemas) {
    it.prop(`${name}: encode then decode is the identity`, [schema as Schema.Codec<unknown, unknown>], ([value]) => {
      const codec = schema as unknown as Schema.Codec<unknown, unknown>
      const encoded = Schema.encodeSync(codec)(value)
      // through JSON, as a store or an HTTP body would carry it
      const decoded = Schema.decodeUnknownSync(codec)(JSON.parse(JSON.stringify(encoded)))
      assert.deepStrictEqual(decoded, value)
    }, { arbitrary: { runs: 50 } })
  }
})

// Partnerships: the schema arbitrary cannot satisfy "the target belongs to the goal" by chance,
// so tags are drawn from the catalogue and everything else from the schema.
const tagsArbitrary = Arbitrary.schema(
  Schema.Array(Schema.Struct({ target: Sdg.TargetCode, significance: Sdg.Significance })).check(Schema.isMaxLength(4))
).pipe(
  Arbitrary.map((drawn) => {
    const seen = new Set<string>()
    return drawn.filter((t) => !seen.has(t.target) && seen.add(t.target) !== undefined)
      .map((t) => ({ goal: Sdg.target(t.target)!.goal, target: t.target, significance: t.significance }))
  })
)
const lund = Schema.encodeSync(Partnership.Partnership)(IcldCohort2020.lundFrancistown)
const decodePartnership = Validation.decoderExit(Partnership.Partnership, "Partnership")

// The fields of a partnership, without its invariants: drawn freely, most are inconsistent
const PartnershipFields = Schema.Struct(Partnership.Partnership.fields)
type PartnershipFields = typeof PartnershipFields.Type
const fieldsArbitrary = Arbitrary.all([
  Arbitrary.schema(Schema.Struct({ ...Partnership.Partnership.fields, sdgTags: Schema.Array(Schema.Never) })),
  tagsArbitrary
]).pipe(Arbitrary.map(([base, sdgTags]): PartnershipFields => ({ ...base, sdgTags })))

const approved = (gate: Partnership.Gate): Partnership.Decision => ({
  gate,
  outcome: "approved",
  decidedBy: "icld" as Ids.ActorId,
  date: "2020-12-10" as CalendarDate.CalendarDate,
  evidence: { _tag: "Override", justification: { en: "drawn" } }
})

// Drawn fields made consistent (Partnership.invariants): what each status needs is added (the
// network, the partner, approved decisions on the gates passed, the implementation year) and
// what it may not have is removed.
const consistent = (f: PartnershipFields): PartnershipFields => {
  const at = Partnership.progress(f.status)
  const reached = (s: Partnership.Status) => at !== undefined && at >= Partnership.progress(s)!
  const needed = Partnership.gatesPassed(f.status)
  const { network, internationalPartner, partnerCountry, implementationYear, ...rest } = f
  const partner = f.status === "rejected" ? undefined : reached("matched") ? (internationalPartner ?? ("partner" as Ids.OrganisationId)) : internationalPartner
  const country = partner === undefined ? undefined : (partnerCountry ?? ("BW" as Country.CountryCode))
  const year = reached("implementation") ? (implementationYear ?? 1) : at === undefined && f.status !== "rejected" ? implementationYear : undefined
  const net = reached("admitted") ? (network ?? ("net" as Ids.NetworkId)) : network
  return {
    ...rest,
    ...(net === undefined ? {} : { network: net }),
    ...(partner === undefined ? {} : { internationalPartner: partner }),
    ...(country === undefined ? {} : { partnerCountry: country }),
    ...(year === undefined ? {} : { implementationYear: year }),
    decisions: [...f.decisions, ...needed.map(approved)]
  }
}

const partnershipArbitrary = fieldsArbitrary.pipe(Arbitrary.map((f) => new Partnership.Partnership(consistent(f))))

describe("Partnership schema", () => {
  it.prop("encode then decode is the identity", [partnershipArbitrary], ([value]) => {
    const encoded = Schema.encodeSync(Partnership.Partnership)(value)
    assert.deepStrictEqual(Schema.decodeUnknownSync(Partnership.Partnership)(JSON.parse(JSON.stringify(encoded))), value)
  }, { arbitrary: { runs: 100 } })

  it.prop("decoding accepts exactly the partnerships that keep the invariants, naming every broken rule", [fieldsArbitrary], ([fields]) => {
    const json = JSON.parse(JSON.stringify(Schema.encodeSync(PartnershipFields)(fields)))
    const broken = Partnership.invariants(fields)
    const exit = decodePartnership(json)
    if (broken.length === 0) return assert.isTrue(Exit.isSuccess(exit))
    if (Exit.isSuccess(exit)) return assert.fail(`decoded a partnership that breaks ${broken.map((b) => b.rule).join(", ")}`)
    const error = (exit.cause.reasons[0] as { error: Validation.ValidationError }).error
    assert.sameDeepMembers(error.violations.map((v) => [v.field, v.rule]), broken.map((b) => [Validation.formatPath(b.path), b.rule]))
  }, { arbitrary: { runs: 200 } })

  it("broken invariants name the status in both languages", () => {
    const fields = Schema.decodeUnknownSync(PartnershipFields)({ ...lund, status: "implementation" })
    const texts = Object.fromEntries(Partnership.invariants(fields).map((b) => [b.rule, b.text]))
    assert.deepStrictEqual(texts["network-when-admitted"], { sv: "Läget genomförande kräver ett nätverk.", en: "Status implementation needs a network." })
    assert.deepStrictEqual(texts["implementation-year-when-implementing"], {
      sv: "Läget genomförande kräver ett genomförandeår.",
      en: "Status implementation needs an implementation year."
    })
    assert.deepStrictEqual(texts["approved-full-budget"], {
      sv: "Läget genomförande kräver ett godkänt beslut om budget för hela projektet; inget beslut finns.",
      en: "Status implementation needs an approved full project budget decision; there is none."
    })
    const early = Schema.decodeUnknownSync(PartnershipFields)({ ...lund, status: "applied", implementationYear: 2 })
    assert.deepStrictEqual(Partnership.invariants(early).map((b) => b.text), [{
      sv: "Ett genomförandeår finns först från genomförandet; partnerskapet är i läget ansökan inlämnad.",
      en: "An implementation year exists only from implementation on; the partnership is applied."
    }])
  })
})


const problemsOf = (input: unknown) => {
  const exit = decodePartnership(input)
  assert.isTrue(Exit.isFailure(exit), "expected the input to be refused")
  if (Exit.isSuccess(exit)) return []
  const error = exit.cause.reasons[0]
  assert.strictEqual(error?._tag, "Fail")
  const failure = (error as { error: Validation.ValidationError }).error
  assert.strictEqual(failure._tag, "ValidationError")
  assert.deepStrictEqual(failure.subject, { kind: "Partnership" })
  return failure.violations.map((v) => [v.field, v.value === undefined ? v.text.en : `${v.text.en}, got ${v.value}`] as const)
}

describe("bad input is a typed error that says what and where", () => {
  it("an unknown JSON field", () => {
    assert.deepStrictEqual(problemsOf({ ...lund, colour: "red" }), [["colour", "Unknown field, got red"]])
  })

  it("an unknown field deep inside valid data", () => {
    assert.deepStrictEqual(problemsOf({ ...lund, title: { sv: "Lund", en: "Lund", fr: "Lund" } }), [["title.fr", "Unknown field, got Lund"]])
    assert.deepStrictEqual(
      problemsOf({ ...lund, associates: [lund.associates[0], { ...lund.associates[1], role: "expert", extra: 1 }] }),
      [["associates[1].extra", "Unknown field, got 1"]]
    )
  })

  it("a wrong type", () => {
    assert.deepStrictEqual(problemsOf({ ...lund, focusAreas: "culture" }), [["focusAreas", "Expected an array, got culture"]])
  })

  it("an unknown SDG target (10.9)", () => {
    const problems = problemsOf({ ...lund, sdgTags: [{ goal: 10, target: "10.9", significance: "principal" }] })
    assert.strictEqual(problems.length, 1)
    assert.strictEqual(problems[0]![0], "sdgTags[0].target")
    assert.include(problems[0]![1], "SDG target code")
  })

  it("a target of another goal", () => {
    const problems = problemsOf({ ...lund, sdgTags: [{ goal: 5, target: "10.2", significance: "principal" }] })
    assert.deepStrictEqual(problems, [["sdgTags[0]", `Expected the target to belong to the tagged goal, got {"goal":5,"target":"10.2","significance":"principal"}`]])
  })

  it("an unknown country", () => {
    const problems = problemsOf({ ...lund, partnerCountry: "XX" })
    assert.strictEqual(problems[0]![0], "partnerCountry")
    assert.include(problems[0]![1], "ISO 3166-1 alpha-2")
  })

  it("negative and fractional money", () => {
    const decode = Validation.decoderExit(Money.Money, "Money")
    for (const [input, path] of [
      [{ minor: -1, currency: "SEK" }, "minor"],
      [{ minor: 1.5, currency: "SEK" }, "minor"],
      [{ minor: 100, currency: "XXX1" }, "currency"]
    ] as const) {
      const exit = decode(input)
      assert.isTrue(Exit.isFailure(exit))
      if (Exit.isFailure(exit)) {
        const error = (exit.cause.reasons[0] as { error: Validation.ValidationError }).error
        assert.strictEqual(error.violations[0].field, path)
      }
    }
  })

  it("reports every problem at once", () => {
    const problems = problemsOf({ ...lund, status: "dreaming", version: -1, title: {} })
    assert.sameMembers(problems.map(([path]) => path), ["status", "version", "title"])
  })

  it("never throws on any JSON, and names a field of the input when it refuses it", () => {
    const fields = Object.keys(lund)
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.jsonValue(), (field, value) => {
        const input = { ...lund, [field]: value }
        const exit = decodePartnership(input)
        if (Exit.isFailure(exit)) {
          const error = (exit.cause.reasons[0] as { error: Validation.ValidationError }).error
          assert.isAbove(error.violations.length, 0)
          for (const v of error.violations) assert.isTrue(v.field.startsWith(field), `${v.field} should start with ${field}`)
        }
      }),
      { numRuns: 500 }
    )
    fc.assert(fc.property(fc.anything(), (value) => {
      decodePartnership(value)
    }), { numRuns: 300 })
  })
})

describe("every domain schema refuses random input with a typed error at the field, never a throw", () => {
  const cases = [
    ["Organisation", Organisation.Organisation, IcldCohort2020.francistown],
    ["Programme", Programme.Programme, IcldCohort2020.programme],
    ["Network", Network.Network, IcldCohort2020.network],
    ["Partnership", Partnership.Partnership, IcldCohort2020.admitted[0]!]
  ] as const
  for (const [subject, schema, example] of cases) {
    it(subject, () => {
      const codec = schema as unknown as Schema.Codec<unknown, unknown>
      const valid = Schema.encodeSync(codec)(example) as Record<string, unknown>
      const decode = Validation.decoderExit(codec, subject)
      assert.isTrue(Exit.isSuccess(decode(valid)))
      fc.assert(
        fc.property(fc.constantFrom(...Object.keys(valid), "unknownField"), fc.jsonValue(), (field, value) => {
          const exit = decode({ ...valid, [field]: value })
          if (Exit.isFailure(exit)) {
            const error = (exit.cause.reasons[0] as { error: Validation.ValidationError }).error
            assert.strictEqual(error._tag, "ValidationError")
            assert.deepStrictEqual(error.subject, { kind: subject })
            for (const v of error.violations) assert.isTrue(v.field.startsWith(field), `${v.field} should start with ${field}`)
          } else {
            assert.notStrictEqual(field, "unknownField")
          }
        }),
        { numRuns: 300 }
      )
    })
  }
})

describe("LocalizedText", () => {
  it("falls back to the other language and says so", () => {
    assert.deepStrictEqual(LocalizedText.get({ en: "Human Rights" }, "sv"), { text: "Human Rights", lang: "en", fallback: true })
    assert.deepStrictEqual(LocalizedText.get({ sv: "Mänskliga rättigheter", en: "Human Rights" }, "sv"), {
      text: "Mänskliga rättigheter",
      lang: "sv",
      fallback: false
    })
  })

  it("refuses a text in no language", () => {
    const exit = Validation.decoderExit(LocalizedText.LocalizedText, "LocalizedText")({})
    assert.isTrue(Exit.isFailure(exit))
    if (Exit.isFailure(exit)) {
      const error = (exit.cause.reasons[0] as { error: Validation.ValidationError }).error
      assert.deepStrictEqual(error.violations.map((v) => [v.field, v.rule, v.text]), [["", "min-properties", {
        sv: "Förväntade en text på minst ett språk (sv eller en)",
        en: "Expected a text in at least one language (sv or en)"
      }]])
    }
  })

  // LocalizedText as it was written before its check got a predicate of its own
  const Text = Schema.String.check(Schema.isNonEmpty(Validation.message({ sv: "Förväntade en text som inte är tom", en: "Expected a non-empty text" })))
  const Before = Schema.Struct({ sv: Schema.optionalKey(Text), en: Schema.optionalKey(Text) }).check(
    Schema.isMinProperties(1, Validation.message({
      sv: "Förväntade en text på minst ett språk (sv eller en)",
      en: "Expected a text in at least one language (sv or en)"
    }))
  )
  const answer = (exit: Exit.Exit<unknown, Validation.ValidationError>) =>
    Exit.isSuccess(exit)
      ? { value: exit.value }
      : { violations: (exit.cause.reasons[0] as { error: Validation.ValidationError }).error.violations.map((v) => [v.field, v.rule, v.value, v.text]) }
  const text = fc.oneof(fc.string(), fc.constant(""), fc.integer(), fc.constant(undefined))
  const inputs = fc.oneof(
    fc.record({ sv: text, en: text, other: fc.jsonValue() }, { requiredKeys: [] }),
    fc.anything()
  )

  it("its check refuses exactly what Schema.isMinProperties(1) did, with the same rule and texts", () => {
    const now = Validation.decoderExit(LocalizedText.LocalizedText, "LocalizedText")
    const before = Validation.decoderExit(Before, "LocalizedText")
    const isNow = Schema.is(LocalizedText.LocalizedText)
    const isBefore = Schema.is(Before)
    fc.assert(fc.property(inputs, (input) => {
      assert.deepStrictEqual(answer(now(input)), answer(before(input)))
      // `is` runs the check on the input itself, unknown keys and all
      assert.strictEqual(isNow(input), isBefore(input))
    }), { numRuns: 2000 })
    // objects whose keys are not sv or en: inherited, symbols, non-enumerable
    const odd = [
      Object.create({ sv: "ärvd" }),
      { [Symbol.for("sv")]: "symbol" },
      Object.defineProperty({}, "sv", { value: "dold", enumerable: false }),
      Object.defineProperty({}, "x", { value: 1, enumerable: false }),
      { x: 1 }
    ]
    for (const input of odd) {
      assert.deepStrictEqual(answer(now(input)), answer(before(input)))
      assert.strictEqual(isNow(input), isBefore(input))
    }
  })

  it("its JSON Schema is the same as with Schema.isMinProperties(1)", () => {
    assert.deepStrictEqual(Schema.toJsonSchemaDocument(LocalizedText.LocalizedText), Schema.toJsonSchemaDocument(Before))
  })
})

describe("Country and Money", () => {
  it("knows the partner countries and formats money per language", () => {
    assert.strictEqual(Country.name(Country.BW), "Botswana")
    assert.isFalse(Country.isCountryCode("XX"))
    assert.strictEqual(Money.format(Money.sek(300_000), "sv"), "300\u00a0000,00\u00a0SEK")
    assert.strictEqual(Money.format(Money.sek(300_000), "en"), "SEK\u00a0300,000.00")
  })
})
