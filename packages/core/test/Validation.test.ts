import { assert, describe, it } from "@effect/vitest"
import { Budget, CalendarEvent, EventTime, Interest, Money, Organisation, Refusal, Validation } from "@localrights/core"
import { Cause, Effect, Exit, Schema } from "effect"

const nestedArray = (depth: number): unknown => {
  let value: unknown = []
  for (let i = 1; i < depth; i++) value = [value]
  return value
}

const nestedObject = (depth: number): unknown => {
  let value: unknown = {}
  for (let i = 1; i < depth; i++) value = { a: value }
  return value
}

const errorOf = <A>(exit: Exit.Exit<A, Validation.ValidationError>): Validation.ValidationError => {
  if (Exit.isSuccess(exit)) return assert.fail("expected a ValidationError")
  const reason = exit.cause.reasons[0]
  if (reason?._tag !== "Fail") return assert.fail(`expected a failure, got ${Cause.pretty(exit.cause)}`)
  return reason.error
}

const summary = (error: Validation.ValidationError) => error.violations.map((v) => [v.field, v.rule])

const Doc = Schema.Struct({ title: Schema.String, tags: Schema.Array(Schema.String) })

describe("Validation: decoding is total", () => {
  const decodeExit = Validation.decoderExit(Doc, "Doc")
  const decode = Validation.decoder(Doc, "Doc")

  for (const [name, deep] of [["array", nestedArray(100_000)], ["object", nestedObject(100_000)]] as const) {
    it(`a 100 000-deep ${name} is a max-depth ValidationError from decoderExit`, () => {
      const error = errorOf(decodeExit(deep))
      assert.strictEqual(error._tag, "ValidationError")
      assert.isTrue(Refusal.isRefusal(error))
      assert.deepStrictEqual(error.subject, { kind: "Doc" })
      assert.strictEqual(error.violations.length, 1)
      const v = error.violations[0]
      assert.strictEqual(v.rule, "max-depth")
      // the path to the first value at depth 65
      assert.strictEqual(v.field, name === "array" ? "[0]".repeat(64) : Array(64).fill("a").join("."))
      assert.include(v.text.en, "deeper than 64 levels")
      assert.include(v.text.sv, "djupare än 64 nivåer")
      assert.isAtMost(v.value!.length, 80)
    })

    it.effect(`a 100 000-deep ${name} is a max-depth ValidationError from decoder`, () =>
      Effect.gen(function*() {
        const error = yield* Effect.flip(decode(deep))
        assert.deepStrictEqual(summary(error), [[name === "array" ? "[0]".repeat(64) : Array(64).fill("a").join("."), "max-depth"]])
        assert.include(error.message, "64 levels")
      }))

    it.effect(`a 100 000-deep ${name} through Interest.decodeForm is a typed error, not a defect`, () =>
      Effect.gen(function*() {
        const error = yield* Effect.flip(Interest.decodeForm(deep))
        assert.strictEqual(error._tag, "ValidationError")
        assert.strictEqual(error.violations[0].rule, "max-depth")
        // deep inside a field of an otherwise plausible form
        const inField = yield* Effect.flip(Interest.decodeForm({ programme: "icld-mr-2020", challenge: deep }))
        assert.deepStrictEqual(inField.violations.map((v) => v.rule), ["max-depth"])
        assert.isTrue(inField.violations[0].field.startsWith("challenge"))
      }))
  }

  it("the limit is an option; the default fits every document and reports the depth where it was passed", () => {
    assert.strictEqual(Validation.defaultMaxDepth, 64)
    const Any = Schema.Struct({ payload: Schema.Unknown })
    assert.isTrue(Exit.isSuccess(Validation.decoderExit(Any, "Any")({ payload: nestedArray(63) })))
    assert.deepStrictEqual(summary(errorOf(Validation.decoderExit(Any, "Any")({ payload: nestedArray(64) }))), [[
      "payload" + "[0]".repeat(63),
      "max-depth"
    ]])
    const shallow = Validation.decoderExit(Any, "Any", { maxDepth: 3 })
    assert.isTrue(Exit.isSuccess(shallow({ payload: [[]] })))
    const error = errorOf(shallow({ payload: { a: [[1]] } }))
    assert.deepStrictEqual(summary(error), [["payload.a[0]", "max-depth"]])
    assert.include(error.violations[0].text.en, "deeper than 3 levels (level 4 here)")
  })

  it("without a depth limit, deep input still never overflows the stack (unknown-field check, value printer)", () => {
    const Any = Schema.Struct({ payload: Schema.Unknown })
    const unlimited = Validation.decoderExit(Any, "Any", { maxDepth: Number.POSITIVE_INFINITY })
    const deep = nestedObject(100_000)
    assert.isTrue(Exit.isSuccess(unlimited({ payload: deep })))
    const error = errorOf(unlimited({ payload: deep, extra: nestedArray(100_000) }))
    assert.deepStrictEqual(summary(error), [["extra", "unexpected-field"]])
    assert.strictEqual(error.violations[0].value, `${"[".repeat(77)}...`)
  })

  it("input that runs code of its own (a throwing getter) is a ValidationError, not a throw", () => {
    const hostile = Object.defineProperty({ tags: [] }, "title", {
      enumerable: true,
      get: () => {
        throw new Error("boom")
      }
    })
    assert.deepStrictEqual(summary(errorOf(decodeExit(hostile))), [["", "invalid"]])
  })

  it("a cycle is refused at the depth limit instead of looping", () => {
    const cyclic: Record<string, unknown> = { title: "x" }
    cyclic["self"] = cyclic
    assert.deepStrictEqual(errorOf(decodeExit(cyclic)).violations[0].rule, "max-depth")
  })

  it("a 10 MB string, as the input or as a field, is refused quickly with a short value", () => {
    const big = "x".repeat(10_000_000)
    const start = performance.now()
    const root = errorOf(decodeExit(big))
    assert.deepStrictEqual(summary(root), [["", "type"]])
    assert.strictEqual(root.violations[0].value, `${"x".repeat(77)}...`)
    const field = errorOf(decodeExit({ title: 1, tags: [big, 2] }))
    assert.deepStrictEqual(summary(field), [["title", "type"], ["tags[1]", "type"]])
    const form = errorOf(Effect.runSync(Effect.exit(Interest.decodeForm({ programme: big }))))
    assert.strictEqual(form.violations[0].field, "programme")
    assert.isAtMost(form.violations[0].value!.length, 80)
    assert.isAtMost(form.message.length, 2_000)
    assert.isBelow(performance.now() - start, 5_000)
    // valid: a long title is fine
    assert.isTrue(Exit.isSuccess(decodeExit({ title: big, tags: [] })))
  })
})

describe("Validation: ValidationError is a refusal with one violation per problem, in both languages", () => {
  it("names the path, rule and value of every problem at once", () => {
    const Shape = Schema.Struct({
      id: Schema.String.check(Schema.isPattern(/^[a-z]+$/)),
      kind: Schema.Literals(["municipality", "region"]),
      count: Schema.Int,
      either: Schema.Union([Schema.String, Schema.Number]),
      nested: Schema.Struct({ list: Schema.Array(Schema.Number) })
    })
    const error = errorOf(Validation.decoderExit(Shape, "Shape")({ id: "Lund", kind: "town", count: 1.5, either: true, nested: { list: [1, "2"] }, colour: "red" }))
    assert.deepStrictEqual(error.violations.map((v) => [v.field, v.rule, v.value]), [
      ["colour", "unexpected-field", "red"],
      ["id", "pattern", "Lund"],
      ["kind", "literal", "town"],
      ["count", "int", "1.5"],
      ["either", "union", "true"],
      ["nested.list[1]", "type", "2"]
    ])
    const texts = Object.fromEntries(error.violations.map((v) => [v.field, v.text]))
    assert.deepStrictEqual(texts["colour"], { sv: "Okänt fält", en: "Unknown field" })
    assert.deepStrictEqual(texts["kind"], { sv: "Förväntade ett av: \"municipality\", \"region\"", en: "Expected one of: \"municipality\", \"region\"" })
    assert.deepStrictEqual(texts["count"], { sv: "Förväntade ett heltal", en: "Expected an integer" })
    assert.deepStrictEqual(texts["either"], { sv: "Förväntade en text (sträng) eller ett tal", en: "Expected a string or a number" })
    assert.deepStrictEqual(texts["nested.list[1]"], { sv: "Förväntade ett tal", en: "Expected a number" })
    assert.include(texts["id"]!.en, "matching the RegExp")
    assert.include(texts["id"]!.sv, "matchar mönstret")

    const missing = errorOf(Validation.decoderExit(Shape, "Shape")({ id: "lund" }))
    assert.deepStrictEqual(missing.violations.map((v) => [v.field, v.rule, v.value, v.text.sv]), [
      ["kind", "missing", undefined, "Obligatoriskt fält saknas"],
      ["count", "missing", undefined, "Obligatoriskt fält saknas"],
      ["either", "missing", undefined, "Obligatoriskt fält saknas"],
      ["nested", "missing", undefined, "Obligatoriskt fält saknas"]
    ])
  })

  it("a check's own message comes in Swedish and English, with its rule", () => {
    const Code = Schema.String.check(
      Schema.isPattern(/^\d{4}$/, Validation.message({ sv: "Ange fyra siffror", en: "Expected four digits" })),
      Schema.makeFilter((s: string) => s !== "0000", Validation.message({ sv: "Inte 0000", en: "Not 0000" }, "not-zero"))
    )
    const decode = Validation.decoderExit(Schema.Struct({ code: Code }), "Code")
    assert.deepStrictEqual(errorOf(decode({ code: "12a" })).violations.map((v) => [v.rule, v.text]), [["pattern", { sv: "Ange fyra siffror", en: "Expected four digits" }]])
    assert.deepStrictEqual(errorOf(decode({ code: "0000" })).violations.map((v) => [v.rule, v.text]), [["not-zero", { sv: "Inte 0000", en: "Not 0000" }]])
    // Effect's own formatters see the English text
    assert.strictEqual(Validation.message({ sv: "Hej", en: "Hello" }).message, "Hello")
  })

  it.effect("a bad Organisation gives violations with paths and texts in both languages", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(Organisation.decode({
        id: " lund",
        kind: "city",
        name: { sv: "" },
        country: "XX",
        identifiers: { municipalityCode: "12", organisationNumber: "2120001124" },
        contacts: [{ name: "Anna", email: "anna(at)lund.se", phone: "x" }]
      }))
      assert.deepStrictEqual(error.subject, { kind: "Organisation" })
      const byField = Object.fromEntries(error.violations.map((v) => [v.field, v]))
      assert.includeMembers(Object.keys(byField), [
        "id",
        "kind",
        "name.sv",
        "country",
        "identifiers.municipalityCode",
        "identifiers.organisationNumber",
        "contacts[0].email",
        "contacts[0].phone"
      ])
      assert.strictEqual(byField["country"]!.rule, "codelist")
      assert.strictEqual(byField["country"]!.value, "XX")
      assert.include(byField["country"]!.text.sv, "landskod")
      assert.include(byField["country"]!.text.en, "ISO 3166-1 alpha-2")
      assert.deepStrictEqual(byField["identifiers.organisationNumber"]!.text, {
        sv: "Förväntade ett svenskt organisationsnummer NNNNNN-NNNN",
        en: "Expected a Swedish organisation number NNNNNN-NNNN"
      })
      assert.deepStrictEqual(byField["contacts[0].email"]!.text, { sv: "Förväntade en e-postadress", en: "Expected an e-mail address" })
      assert.deepStrictEqual(byField["name.sv"]!.text, { sv: "Förväntade en text som inte är tom", en: "Expected a non-empty text" })
      for (const v of error.violations) {
        assert.isAbove(v.text.sv.length, 0, v.field)
        assert.isAbove(v.text.en.length, 0, v.field)
      }
      assert.include(error.explain("sv"), "identifiers.municipalityCode: Förväntade en fyrsiffrig svensk kommunkod")
      assert.include(error.explain("en"), "identifiers.municipalityCode: Expected a four-digit Swedish municipality code")
    }))

  it.effect("a bad Interest form gives violations with paths and texts in both languages", () =>
    Effect.gen(function*() {
      const error = yield* Effect.flip(Interest.decodeForm({
        programme: "icld-mr-2020",
        applicant: { id: "lund", kind: "municipality", name: { sv: "Lund" }, municipalityCode: "Lund" },
        contact: { name: "Anna", email: "nope" },
        challenge: {},
        focusArea: "weather",
        consent: false,
        newsletter: true
      }))
      assert.deepStrictEqual(error.subject, { kind: "InterestForm" })
      assert.deepStrictEqual(error.violations.map((v) => [v.field, v.rule]).sort(), [
        ["applicant.municipalityCode", "pattern"],
        ["challenge", "min-properties"],
        ["consent", "consent"],
        ["contact.email", "pattern"],
        ["focusArea", "literal"],
        ["newsletter", "unexpected-field"]
      ])
      const consent = error.violations.find((v) => v.field === "consent")!
      assert.deepStrictEqual(consent.text, {
        sv: "Samtycke till att personuppgifter lagras krävs",
        en: "Consent to store personal data is required"
      })
      assert.strictEqual(consent.value, "false")
      const challenge = error.violations.find((v) => v.field === "challenge")!
      assert.deepStrictEqual(challenge.text, {
        sv: "Förväntade en text på minst ett språk (sv eller en)",
        en: "Expected a text in at least one language (sv or en)"
      })
      assert.include(error.explain("sv"), "newsletter: Okänt fält")
    }))

  it.effect("cross-field checks explain themselves in both languages, with a rule of their own", () =>
    Effect.gen(function*() {
      const line = { id: "travel", phase: "preparation", year: 1, category: "travel", purpose: "exchange-trip", side: "swedish", amount: Money.sek(1) } as const
      const budget = yield* Budget.make({ id: "b", partnership: "p", scope: "preparation", currency: "SEK", lines: [line, line] }).pipe(Effect.flip)
      assert.deepStrictEqual(budget.violations.map((v) => [v.field, v.rule, v.value]), [["lines[1].id", "unique-id", "travel"]])
      assert.deepStrictEqual(budget.violations[0]!.text, { sv: "Rad-id travel förekommer två gånger", en: "Duplicate line id travel" })
      const event = yield* CalendarEvent.make({
        id: "e", kind: "conference", title: { en: "MR 2020" }, organiser: "skr", status: "cancelled",
        schedule: EventTime.timed("2020-03-10T09:00", "2020-03-10T16:00")
      }).pipe(Effect.flip)
      const cancellation = event.violations.find((v) => v.field === "cancellation")!
      assert.strictEqual(cancellation.rule, "cancellation-when-cancelled")
      assert.notStrictEqual(cancellation.text.sv, cancellation.text.en)
    }))
})
