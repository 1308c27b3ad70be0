import { assert, describe, it } from "@effect/vitest"
import { Budget, CalendarEvent, EventTime, Interest, Money, Organisation, Partnership, Refusal, Validation } from "@localrights/core"
import { IcldCohort2020 } from "@localrights/core/examples"
import { Cause, Effect, Exit, Schema } from "effect"
import * as Arbitrary from "effect/Arbitrary"
import * as fc from "fast-check"
import * as Inspect from "../src/internal/inspect.ts"

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

// ---------------------------------------------------------------------------------------------
// The fast path against the decoder it replaced
// ---------------------------------------------------------------------------------------------

// The unknown-field walk as it was: beside the decoded value, with no schema.
const oldHasUnknownField = (input: unknown, output: unknown): boolean => {
  if (typeof input !== "object" || input === null || input === output) return false
  const inputs: Array<unknown> = [input]
  const outputs: Array<unknown> = [output]
  while (inputs.length > 0) {
    const i = inputs.pop() as Record<string, unknown>
    const o = outputs.pop()
    if (typeof o !== "object" || o === null) continue
    if (Array.isArray(i)) {
      if (!Array.isArray(o)) continue
      for (let k = 0; k < i.length; k++) {
        const child: unknown = i[k]
        if (typeof child === "object" && child !== null && child !== o[k]) {
          inputs.push(child)
          outputs.push(o[k])
        }
      }
      continue
    }
    for (const key in i) {
      if (!Object.hasOwn(o, key)) return true
      const child = i[key]
      if (typeof child === "object" && child !== null) {
        const out = (o as Record<string, unknown>)[key]
        if (child !== out) {
          inputs.push(child)
          outputs.push(out)
        }
      }
    }
  }
  return false
}

// `Validation.decoderExit` as it was: the depth first, then the default decode and the walk
// above, then the strict decode.
const oldDecoderExit = (schema: Schema.Decoder<unknown>, subject: string, limit = Validation.defaultMaxDepth) => {
  const decode = Schema.decodeUnknownExit(schema)
  const refusal = (violations: ReadonlyArray<Refusal.Violation>) =>
    Exit.fail(new Validation.ValidationError({ subject: { kind: subject }, violations: violations as [Refusal.Violation] }))
  const undecodable = () => refusal([new Refusal.Violation({ field: "", rule: "invalid", text: { sv: "Kunde inte avkoda indata", en: "Could not decode the input" } })])
  return (input: unknown): Exit.Exit<unknown, Validation.ValidationError> => {
    try {
      if (Inspect.isDeeperThan(input, limit)) {
        const at = Inspect.firstTooDeep(input, limit)
        return refusal([new Refusal.Violation({
          field: Validation.formatPath(at?.path ?? []),
          rule: "max-depth",
          ...(at === undefined ? {} : { value: Inspect.preview(at.value) }),
          text: {
            sv: `Indata är nästlade djupare än ${limit} nivåer (nivå ${limit + 1} här)`,
            en: `The input nests deeper than ${limit} levels (level ${limit + 1} here)`
          }
        })])
      }
      const fast = decode(input)
      if (Exit.isSuccess(fast) && !oldHasUnknownField(input, fast.value)) return Exit.succeed(fast.value)
      const exit = decode(input, { errors: "all", onExcessProperty: "error" })
      if (Exit.isSuccess(exit)) return Exit.succeed(exit.value)
      const error = Cause.findErrorOption(exit.cause)
      return error._tag === "Some" ? refusal(Validation.violationsOf(error.value.issue, input)) : undecodable()
    } catch {
      return undecodable()
    }
  }
}

// What a decode answers, comparable with deepStrictEqual: the value, or every violation.
const outcome = (exit: Exit.Exit<unknown, Validation.ValidationError>) =>
  Exit.isSuccess(exit)
    ? { value: exit.value }
    : { violations: errorOf(exit).violations.map((v) => ({ field: v.field, rule: v.rule, value: v.value, text: v.text })) }

const sameAsBefore = (schema: Schema.Decoder<unknown>, limit?: number) => {
  const now = Validation.decoderExit(schema, "Subject", limit === undefined ? undefined : { maxDepth: limit })
  const before = oldDecoderExit(schema, "Subject", limit)
  return (input: unknown) => assert.deepStrictEqual(outcome(now(input)), outcome(before(input)))
}

// A JSON value with one change at one of its containers: an unknown field, a field removed, a
// value replaced, a value nested deep, an empty object.
type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [k: string]: Json }
const containers = (value: unknown): Array<Record<string, unknown> | Array<unknown>> => {
  const out: Array<Record<string, unknown> | Array<unknown>> = []
  const stack = [value]
  while (stack.length > 0) {
    const v = stack.pop()
    if (typeof v !== "object" || v === null) continue
    out.push(v as Record<string, unknown>)
    for (const child of Object.values(v)) stack.push(child)
  }
  return out
}
const nested = (depth: number, leaf: Json): Json => {
  let value = leaf
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value }
  return value
}
const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom("add", "remove", "replace", "deep", "empty", "none"),
  key: fc.oneof(fc.constantFrom("sv", "en", "extra", "__proto__", "0", "_tag", "title", "id"), fc.string()),
  value: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  depth: fc.integer({ min: 1, max: 80 })
})
const mutate = (value: unknown, m: typeof mutation extends fc.Arbitrary<infer A> ? A : never): unknown => {
  const copy: unknown = JSON.parse(JSON.stringify(value))
  const all = containers(copy)
  if (all.length === 0 || m.kind === "none") return copy
  const target = all[m.at % all.length]!
  const keys = Object.keys(target)
  // an array's elements only (never its length); an own `__proto__` for an object, as JSON.parse makes it
  const existing = keys.length > 0 ? keys[m.at % keys.length]! : Array.isArray(target) ? "0" : m.key
  const set = (key: string, v: unknown) =>
    Array.isArray(target)
      ? (target[Number(key)] = v)
      : Object.defineProperty(target, key, { value: v, enumerable: true, writable: true, configurable: true })
  switch (m.kind) {
    case "add":
      set(Array.isArray(target) ? String(target.length) : m.key, m.value)
      break
    case "remove":
      if (Array.isArray(target)) target.pop()
      else delete target[existing]
      break
    case "replace":
      set(existing, m.value)
      break
    case "deep":
      set(existing, nested(m.depth, m.value))
      break
    case "empty":
      set(existing, {})
      break
  }
  return copy
}

describe("Validation: the fast path refuses exactly what the decoder before it did", () => {
  const lund = Schema.encodeSync(Partnership.Partnership)(IcldCohort2020.lundFrancistown)
  const admitted = Schema.encodeSync(Partnership.Partnership)(IcldCohort2020.admitted[0]!)
  const records = [lund, admitted, ...IcldCohort2020.admitted.map((p) => Schema.encodeSync(Partnership.Partnership)(p))]

  it("partnerships with one change anywhere: the same value or the same violations", () => {
    const same = sameAsBefore(Partnership.Partnership as unknown as Schema.Decoder<unknown>)
    fc.assert(fc.property(fc.constantFrom(...records), mutation, (record, m) => same(mutate(record, m))), { numRuns: 1500 })
  })

  it("partnerships with a small depth limit, so that valid records are too deep", () => {
    for (const limit of [1, 2, 3, 4, 5]) {
      const same = sameAsBefore(Partnership.Partnership as unknown as Schema.Decoder<unknown>, limit)
      fc.assert(fc.property(fc.constantFrom(...records), mutation, (record, m) => same(mutate(record, m))), { numRuns: 150 })
    }
  })

  it("explicit cases: an unknown field at depth, an empty text, too-deep input in a known or an unknown field", () => {
    const same = sameAsBefore(Partnership.Partnership as unknown as Schema.Decoder<unknown>)
    const decode = Validation.decoderExit(Partnership.Partnership, "Partnership")
    const decision = { gate: "application-assessment", outcome: "approved", decidedBy: "icld", date: "2020-12-10", evidence: { _tag: "Override", justification: { en: "x" } } }
    const cases: ReadonlyArray<readonly [unknown, ReadonlyArray<readonly [string, string]>]> = [
      [{ ...lund, title: { sv: "Lund", de: "Lund" } }, [["title.de", "unexpected-field"]]],
      [{ ...lund, title: {} }, [["title", "min-properties"]]],
      [{ ...lund, goals: [{ en: "a" }, {}] }, [["goals[1]", "min-properties"]]],
      [{ ...lund, associates: [{ organisation: "rwi", role: "expert", description: { en: "x", fr: "y" } }] }, [["associates[0].description.fr", "unexpected-field"]]],
      [{ ...admitted, decisions: [{ ...decision, evidence: { ...decision.evidence, justification: { en: "x", extra: 1 } } }] }, [["decisions[0].evidence.justification.extra", "unexpected-field"]]],
      [{ ...admitted, decisions: [{ ...decision, evidence: { ...decision.evidence, extra: 1 } }] }, [["decisions[0].evidence.extra", "unexpected-field"]]],
      [{ ...lund, sdgTags: [{ goal: 10, significance: "principal", weight: 1 }] }, [["sdgTags[0].weight", "unexpected-field"]]],
      [{ ...lund, extra: nestedArray(100) }, [["extra" + "[0]".repeat(63), "max-depth"]]],
      [{ ...lund, title: nestedObject(100) }, [["title" + ".a".repeat(63), "max-depth"]]],
      [{ ...lund, goals: nestedArray(70) }, [["goals" + "[0]".repeat(63), "max-depth"]]]
    ]
    for (const [input, expected] of cases) {
      same(input)
      assert.deepStrictEqual(summary(errorOf(decode(input))), expected.map(([f, r]) => [f, r]))
    }
  })

  it("input that is not plain JSON: inherited, non-enumerable and symbol keys, a prototype of its own, getters", () => {
    const same = sameAsBefore(Partnership.Partnership as unknown as Schema.Decoder<unknown>)
    const inherited = Object.assign(Object.create({ colour: "red" }), lund)
    const inheritedField = Object.assign(Object.create({ network: "net" }), lund)
    const hidden = Object.defineProperty({ ...lund }, "colour", { value: "red", enumerable: false })
    const hiddenDeep = Object.defineProperty({ ...lund }, "extra", { value: nestedArray(100), enumerable: false })
    const symbol = { ...lund, [Symbol.for("colour")]: "red" }
    const title = Object.defineProperty({ ...lund }, "title", { enumerable: true, get: () => ({ en: "Lund" }) })
    const throwing = Object.defineProperty({ ...lund }, "colour", { enumerable: true, get: () => { throw new Error("boom") } })
    for (const input of [inherited, inheritedField, hidden, hiddenDeep, symbol, title, throwing]) same(input)
  })

  // Schemas of other shapes: unions of structs, records, tuples, classes, values passed through,
  // an empty struct, a recursive schema.
  class Point extends Schema.Class<Point>("Point")({ x: Schema.Number, label: Schema.optionalKey(Schema.Struct({ en: Schema.String })) }) {}
  interface Tree { readonly value: number; readonly children: ReadonlyArray<Tree> }
  const Tree: Schema.Codec<Tree> = Schema.Struct({ value: Schema.Number, children: Schema.Array(Schema.suspend((): Schema.Codec<Tree> => Tree)) })
  const shapes = [
    ["union of structs", Schema.Struct({ shape: Schema.Union([Schema.Struct({ kind: Schema.Literal("a"), a: Schema.Struct({ n: Schema.Number }) }), Schema.Struct({ kind: Schema.Literal("b"), b: Schema.Array(Schema.String) })]) })],
    ["record", Schema.Struct({ byKey: Schema.Record(Schema.String, Schema.Struct({ n: Schema.Number })) })],
    ["tuple", Schema.Struct({ pair: Schema.Tuple([Schema.String, Schema.Struct({ n: Schema.Number })]) })],
    ["class", Schema.Struct({ points: Schema.Array(Point) })],
    ["class at the root", Point],
    ["unknown", Schema.Struct({ payload: Schema.Unknown, list: Schema.Array(Schema.Unknown) })],
    ["empty struct", Schema.Struct({ meta: Schema.Struct({}) })],
    ["transformation", Schema.Struct({ n: Schema.NumberFromString, when: Schema.optionalKey(Schema.Struct({ at: Schema.String })) })],
    ["recursive", Tree],
    ["values passed through inside a union and a tuple", Schema.Struct({
      u: Schema.Union([Schema.Struct({ kind: Schema.Literal("a"), items: Schema.Array(Schema.Unknown) }), Schema.Struct({ kind: Schema.Literal("b") })]),
      t: Schema.Tuple([Schema.Unknown, Schema.String])
    })],
    ["arrays of primitives inside structs", Schema.Struct({ a: Schema.Struct({ b: Schema.Array(Schema.String), c: Schema.Array(Schema.Array(Schema.Literals(["x", "y"]))) }) })]
  ] as const
  for (const [name, schema] of shapes) {
    it(`${name}: random and mutated input gives the same answer`, () => {
      const codec = schema as unknown as Schema.Codec<unknown, unknown>
      for (const limit of [undefined, 1, 2, 3]) {
        const same = sameAsBefore(codec, limit)
        const valid = Effect.runSync(Arbitrary.sampleEffect(Arbitrary.schema(codec), { count: 50, seed: name }))
          .map((v) => Schema.encodeSync(codec)(v))
        fc.assert(fc.property(fc.constantFrom(...valid), mutation, (value, m) => same(mutate(value, m))), { numRuns: 200 })
        fc.assert(fc.property(fc.jsonValue(), (value) => same(value)), { numRuns: 50 })
      }
    })
  }
})
