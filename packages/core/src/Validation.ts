/**
 * Decoding untrusted input into domain values, with errors that say what was wrong and where.
 *
 * @module
 * @group Kernel
 * @since 0.1.0
 */
import { Cause, Effect, Exit, Option, Schema, SchemaIssue } from "effect"
import type { SchemaAST } from "effect"
import * as SchemaJITCompiler from "effect/schema/SchemaJITCompiler"
import * as Inspect from "./internal/inspect.ts"
import * as Refusal from "./Refusal.ts"

/**
 * Input that does not match the schema of a domain value: a refusal (see {@link Refusal})
 * whose subject names what was decoded (`{ kind: "Partnership" }`) and whose violations list
 * every problem at once, each with its path (`budget.lines[2].amount`), a stable rule id
 * (`type`, `missing`, `unexpected-field`, `literal`, `pattern`, `max-depth`, or the check's
 * own id), the value found, and a text in Swedish and English.
 *
 * @example
 * ```ts
 * import { Organisation, Validation } from "@localrights/core"
 * import { Effect } from "effect"
 *
 * const decode = Validation.decoder(Organisation.Organisation, "Organisation")
 * const program = decode({ id: "lund" }).pipe(
 *   Effect.catchTag("ValidationError", (error) => Effect.succeed(error.explain("sv")))
 * )
 * ```
 *
 * @category errors
 * @since 0.1.0
 */
export class ValidationError extends Refusal.Refusal<ValidationError>()("ValidationError") {}

/**
 * A text in both languages for a check, with an optional stable rule id: what
 * {@link message} takes.
 *
 * @category models
 * @since 0.2.0
 */
export interface Text {
  readonly sv: string
  readonly en: string
}

const TextKey = "~@localrights/core/Validation/text"
const RuleKey = "~@localrights/core/Validation/rule"

/**
 * The annotations that give a check (or a schema) its message in Swedish and English, and
 * optionally its rule id, for {@link ValidationError}. The English text is also Effect's own
 * `message`, so other formatters show it too. Without `rule`, a built-in check keeps its own id
 * (`Schema.isPattern` is `pattern`, `Schema.isGreaterThan` is `greater-than`).
 *
 * @example
 * ```ts
 * import { Validation } from "@localrights/core"
 * import { Schema } from "effect"
 *
 * const MunicipalityCode = Schema.String.check(
 *   Schema.isPattern(/^\d{4}$/, Validation.message({
 *     sv: "Ange en fyrsiffrig kommunkod",
 *     en: "Expected a four-digit Swedish municipality code"
 *   }))
 * )
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const message = (text: Text, rule?: string): { readonly message: string } & Schema.Annotations.Annotations => ({
  message: text.en,
  [TextKey]: { sv: text.sv, en: text.en },
  ...(rule === undefined ? {} : { [RuleKey]: rule })
})

/**
 * The issue a cross-field check (`Schema.makeFilter` returning `{ path, issue }`) reports, with
 * its text in Swedish and English and its rule id: `{ path: ["end"], issue:
 * Validation.invalid({ sv: "Slutet måste komma efter starten", en: "Expected the end after the
 * start" }, "end-after-start") }`. A plain string issue would reach people in English only.
 *
 * @category constructors
 * @since 0.2.0
 */
export const invalid = (text: Text, rule: string): SchemaIssue.InvalidValue => new SchemaIssue.InvalidValue(message(text, rule))

/**
 * Renders a path of keys and indexes as `a.b[2].c`.
 *
 * @category rendering
 * @since 0.1.0
 */
export const formatPath = (path: ReadonlyArray<PropertyKey>): string => {
  let out = ""
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`
    else out += out === "" ? String(key) : `.${String(key)}`
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// From a Schema issue to violations
// ---------------------------------------------------------------------------------------------

interface Found {
  readonly rule: string
  readonly text: Text
}

const textOf = (annotations: Schema.Annotations.Annotations | undefined): Text | undefined => {
  const text = annotations?.[TextKey]
  return typeof text === "object" && text !== null ? (text as Text) : undefined
}

const ruleOf = (annotations: Schema.Annotations.Annotations | undefined): string | undefined => {
  const rule = annotations?.[RuleKey]
  return typeof rule === "string" ? rule : undefined
}

// `effect/schema/isGreaterThanOrEqualTo` is `greater-than-or-equal-to`
const builtInRule = (id: unknown): string | undefined =>
  typeof id === "string" && id.startsWith("effect/schema/is")
    ? id.slice("effect/schema/is".length).replace(/[A-Z]/g, (c, i: number) => `${i === 0 ? "" : "-"}${c.toLowerCase()}`)
    : undefined

type Payload = Readonly<Record<string, unknown>> | null | undefined

// What a built-in check expects, in Swedish, from its representation (the English comes from
// the check's own `expected`).
const expectedSv = (id: string | undefined, p: Payload): string | undefined => {
  switch (id) {
    case "int":
      return "ett heltal"
    case "finite":
      return "ett ändligt tal"
    case "greater-than":
      return `ett värde större än ${p?.["exclusiveMinimum"]}`
    case "greater-than-or-equal-to":
      return `ett värde på minst ${p?.["minimum"]}`
    case "less-than":
      return `ett värde mindre än ${p?.["exclusiveMaximum"]}`
    case "less-than-or-equal-to":
      return `ett värde på högst ${p?.["maximum"]}`
    case "between":
      return `ett värde från ${p?.["minimum"] ?? p?.["exclusiveMinimum"]} till ${p?.["maximum"] ?? p?.["exclusiveMaximum"]}`
    case "min-length":
      return `en längd på minst ${p?.["minLength"]}`
    case "max-length":
      return `en längd på högst ${p?.["maxLength"]}`
    case "min-properties":
      return `minst ${p?.["minProperties"]} fält`
    case "max-properties":
      return `högst ${p?.["maxProperties"]} fält`
    case "pattern":
      return `en text som matchar mönstret ${p?.["source"]}`
    case "u-u-i-d":
      return "ett UUID"
    case "trimmed":
      return "en text utan inledande eller avslutande blanksteg"
    case "unique":
      return "en lista utan dubbletter"
    default:
      return undefined
  }
}

const fromFilter = (filter: SchemaAST.Filter<unknown> | SchemaAST.FilterGroup<unknown>): Found | undefined => {
  const annotations = filter.annotations
  const representation = annotations?.["representation"] as { readonly id?: unknown; readonly payload?: Payload } | undefined
  const builtIn = builtInRule(representation?.id)
  const rule = ruleOf(annotations) ?? (builtIn === "u-u-i-d" ? "uuid" : builtIn) ?? "check"
  const text = textOf(annotations)
  if (text !== undefined) return { rule, text }
  const message = annotations?.["message"]
  if (typeof message === "string") return { rule, text: { sv: message, en: message } }
  const expected = annotations?.["expected"]
  if (typeof expected === "string") {
    const sv = expectedSv(builtIn, representation?.payload)
    return { rule, text: { sv: `Förväntade ${sv ?? expected}`, en: `Expected ${expected}` } }
  }
  if (filter._tag === "FilterGroup") {
    for (const check of filter.checks) {
      const found = fromFilter(check)
      if (found !== undefined) return found
    }
  }
  return undefined
}

// The expected type of a schema node, in both languages, for a wrong type.
const expectedOf = (ast: SchemaAST.AST): Text => {
  const identifier = ast.annotations?.["identifier"]
  if (typeof identifier === "string") return { sv: identifier, en: identifier }
  switch (ast._tag) {
    case "String":
      return { sv: "en text (sträng)", en: "a string" }
    case "Number":
      return { sv: "ett tal", en: "a number" }
    case "Boolean":
      return { sv: "ett sanningsvärde (true eller false)", en: "a boolean (true or false)" }
    case "BigInt":
      return { sv: "ett stort heltal (bigint)", en: "a bigint" }
    case "Arrays":
      return { sv: "en lista", en: "an array" }
    case "Objects":
    case "ObjectKeyword":
      return { sv: "ett objekt", en: "an object" }
    case "Null":
      return { sv: "null", en: "null" }
    case "Undefined":
    case "Void":
      return { sv: "inget värde", en: "no value" }
    case "Literal": {
      const literal = showLiteral(ast.literal)
      return { sv: literal, en: literal }
    }
    case "TemplateLiteral":
      return { sv: "en text i rätt form", en: "a string of the right form" }
    case "Never":
      return { sv: "inget värde alls", en: "no value at all" }
    default: {
      const expected = ast.annotations?.["expected"]
      return typeof expected === "string" ? { sv: expected, en: expected } : { sv: "ett giltigt värde", en: "a valid value" }
    }
  }
}

const literalsOf = (ast: SchemaAST.AST): ReadonlyArray<unknown> | undefined => {
  if (ast._tag === "Literal") return [ast.literal]
  if (ast._tag !== "Union") return undefined
  const out: Array<unknown> = []
  for (const member of ast.types) {
    const literals = literalsOf(member)
    if (literals === undefined) return undefined
    out.push(...literals)
  }
  return out
}

const showLiteral = (value: unknown): string => Inspect.preview(typeof value === "string" ? JSON.stringify(value) : value, 40)

const listed = (values: ReadonlyArray<unknown>): string => {
  const shown = values.slice(0, 12).map(showLiteral).join(", ")
  return values.length > 12 ? `${shown}, ... (${values.length} in all)` : shown
}

// What an issue without a check's text says, by the kind of issue.
const fromLeaf = (issue: SchemaIssue.Issue): Found => {
  switch (issue._tag) {
    case "MissingKey":
      return { rule: "missing", text: { sv: "Obligatoriskt fält saknas", en: "Missing required field" } }
    case "UnexpectedKey":
      return { rule: "unexpected-field", text: { sv: "Okänt fält", en: "Unknown field" } }
    case "InvalidType":
    case "AnyOf": {
      const own = textOf(issue.ast.annotations)
      const literals = literalsOf(issue.ast)
      const rule = ruleOf(issue.ast.annotations) ?? (literals !== undefined ? "literal" : issue._tag === "AnyOf" ? "union" : "type")
      if (own !== undefined) return { rule, text: own }
      const expected = issue.ast.annotations?.["expected"]
      if (typeof expected === "string") return { rule, text: { sv: `Förväntade ${expected}`, en: `Expected ${expected}` } }
      if (literals !== undefined) {
        return literals.length === 1
          ? { rule, text: { sv: `Förväntade ${listed(literals)}`, en: `Expected ${listed(literals)}` } }
          : { rule, text: { sv: `Förväntade ett av: ${listed(literals)}`, en: `Expected one of: ${listed(literals)}` } }
      }
      if (issue.ast._tag === "Union") {
        const options: Array<Text> = []
        for (const member of issue.ast.types) {
          const e = expectedOf(member)
          if (!options.some((o) => o.en === e.en)) options.push(e)
        }
        return {
          rule,
          text: {
            sv: `Förväntade ${options.map((o) => o.sv).join(" eller ")}`,
            en: `Expected ${options.map((o) => o.en).join(" or ")}`
          }
        }
      }
      const e = expectedOf(issue.ast)
      return { rule, text: { sv: `Förväntade ${e.sv}`, en: `Expected ${e.en}` } }
    }
    case "OneOf":
      return {
        rule: "one-of",
        text: { sv: "Förväntade att exakt ett alternativ passar", en: "Expected exactly one member to match" }
      }
    case "Forbidden":
      return { rule: "forbidden", text: { sv: "Otillåten åtgärd", en: "Forbidden operation" } }
    case "InvalidValue": {
      const own = textOf(issue.annotations)
      if (own !== undefined) return { rule: ruleOf(issue.annotations) ?? "invalid", text: own }
      const m = issue.annotations?.["message"]
      return typeof m === "string"
        ? { rule: "invalid", text: { sv: m, en: m } }
        : { rule: "invalid", text: { sv: "Ogiltigt värde", en: "Invalid value" } }
    }
    default:
      return { rule: "invalid", text: { sv: "Ogiltigt värde", en: "Invalid value" } }
  }
}

/**
 * Turns a Schema issue into the violations carried by {@link ValidationError}: one per
 * problem, with its path, rule id, the value found in `input` at that path and a text in
 * both languages (a check's own {@link message}, else a text by the kind of issue).
 *
 * @category constructors
 * @since 0.2.0
 */
export const violationsOf = (issue: SchemaIssue.Issue, input: unknown): readonly [Refusal.Violation, ...Array<Refusal.Violation>] => {
  const out: Array<Refusal.Violation> = []
  // The issue tree is as deep as the schema and the (depth-checked) input: an explicit stack
  // all the same. The outermost check with a text names every problem below it.
  const stack: Array<{ readonly issue: SchemaIssue.Issue; readonly path: ReadonlyArray<PropertyKey>; readonly found: Found | undefined }> = [
    { issue, path: [], found: undefined }
  ]
  while (stack.length > 0) {
    const { found, issue, path } = stack.pop()!
    switch (issue._tag) {
      case "Filter":
        stack.push({ issue: issue.issue, path, found: found ?? fromFilter(issue.filter) })
        continue
      case "Encoding":
        stack.push({ issue: issue.issue, path, found })
        continue
      case "Pointer":
        stack.push({ issue: issue.issue, path: [...path, ...issue.path], found })
        continue
      case "Composite":
        for (let i = issue.issues.length - 1; i >= 0; i--) stack.push({ issue: issue.issues[i]!, path, found })
        continue
      case "AnyOf":
        if (issue.issues.length > 0) {
          for (let i = issue.issues.length - 1; i >= 0; i--) stack.push({ issue: issue.issues[i]!, path, found })
          continue
        }
    }
    const { rule, text } = found ?? fromLeaf(issue)
    const value = issue._tag === "MissingKey" ? Inspect.missing : Inspect.valueAt(input, path)
    out.push(
      new Refusal.Violation({
        field: formatPath(path),
        rule,
        ...(value === Inspect.missing ? {} : { value: Inspect.preview(value) }),
        text: { sv: text.sv, en: text.en }
      })
    )
  }
  return out.length > 0 ? (out as unknown as readonly [Refusal.Violation, ...Array<Refusal.Violation>]) : [undecodable()]
}

// What is left to say when the input could not be decoded at all (a getter that throws, a
// decode that dies): a violation at the root.
const undecodable = (): Refusal.Violation =>
  new Refusal.Violation({ field: "", rule: "invalid", text: { sv: "Kunde inte avkoda indata", en: "Could not decode the input" } })

// ---------------------------------------------------------------------------------------------
// Decoders
// ---------------------------------------------------------------------------------------------

/**
 * How deep a value may nest (arrays and objects) by default: 64 levels. Every document of
 * this package fits in a fraction of it (a partnership nests 4 deep); a deeper input is
 * refused with rule `max-depth` before it is decoded.
 *
 * @category rules
 * @since 0.2.0
 */
export const defaultMaxDepth = 64

/**
 * Options of {@link decoder} and {@link decoderExit}.
 *
 * @category models
 * @since 0.2.0
 */
export interface Options {
  /** How deep the input may nest (a container at the root is depth 1); {@link defaultMaxDepth} unless given. */
  readonly maxDepth?: number | undefined
}

const strict = { errors: "all", onExcessProperty: "error" } as const

// Effect 4's JIT compiler generates a decoder per schema (about 9x the interpreted speed here,
// same errors and paths). Where code generation is not allowed (a strict CSP) it falls back to
// the interpreter by itself.
const compile = (schema: Schema.Top) => SchemaJITCompiler.enable(schema.ast)

const tooDeep = (subject: string, input: unknown, limit: number): ValidationError => {
  const at = Inspect.firstTooDeep(input, limit)
  return new ValidationError({
    subject: { kind: subject },
    violations: [
      new Refusal.Violation({
        field: formatPath(at?.path ?? []),
        rule: "max-depth",
        ...(at === undefined ? {} : { value: Inspect.preview(at.value) }),
        text: {
          sv: `Indata är nästlade djupare än ${limit} nivåer (nivå ${limit + 1} här)`,
          en: `The input nests deeper than ${limit} levels (level ${limit + 1} here)`
        }
      })
    ]
  })
}

/**
 * A decoder for `schema` that reports every problem at once, refuses unknown fields and
 * input nested deeper than `options.maxDepth` (64), and fails with a {@link ValidationError}
 * whose subject is `{ kind: subject }`. It never throws and never dies, whatever the input.
 * Build it once and reuse it: the schema is compiled on first use.
 *
 * @example
 * ```ts
 * import { Partnership, Validation } from "@localrights/core"
 * const decode = Validation.decoder(Partnership.Partnership, "Partnership")
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const decoder = <S extends Schema.Decoder<unknown>>(schema: S, subject: string, options?: Options) => {
  const decode = decoderExit(schema, subject, options)
  return (input: unknown): Effect.Effect<S["Type"], ValidationError> => decode(input)
}

// Whether decoding with `ast` can recurse into the input without bound: only through a
// `Suspend` (a recursive schema). Any other schema reads the input only as deep as the schema
// itself goes, so its decode costs the same on a 100 000-deep input as on a shallow one (a
// declaration's own parser could do more, but whatever it throws or dies of still meets the
// depth check before anything is said). Effect exposes no such fact about an AST, hence this
// walk (over the schema, not the input).
const canRecurse = (ast: SchemaAST.AST): boolean => {
  const seen = new Set<SchemaAST.AST>()
  const stack: Array<SchemaAST.AST> = [ast]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (seen.has(node)) continue
    seen.add(node)
    if (node.encoding !== undefined) for (const link of node.encoding) stack.push(link.to)
    switch (node._tag) {
      case "Suspend":
        return true
      case "Declaration":
        stack.push(...node.typeParameters)
        break
      case "TemplateLiteral":
        stack.push(...node.parts)
        break
      case "Arrays":
        stack.push(...node.elements, ...node.rest)
        break
      case "Objects":
        for (const property of node.propertySignatures) stack.push(property.type)
        for (const index of node.indexSignatures) stack.push(index.parameter, index.type)
        break
      case "Union":
        stack.push(...node.types)
        break
    }
  }
  return false
}

/**
 * Like {@link decoder}, returning an `Exit` synchronously: for hot paths and pure code. An
 * `Exit` is an `Effect` that has already run, so it can be yielded in `Effect.gen` as well as
 * checked with `Exit.isSuccess`; the kernel's `make` constructors return one.
 *
 * **Details**
 *
 * Valid input takes a fast path: the JIT-compiled decoder with default options, then a check
 * that no object of the input carries a field the decoded value lacks (an unknown field). Any
 * failure is decoded again in strict mode with every problem collected, so the error is the
 * same as a strict decode gives. The unknown-field check compares the input with the decoded
 * value field by field, which holds for schemas whose encoded and decoded sides use the same
 * field names (every schema of this package).
 *
 * The input's depth is checked without recursion, and an input deeper than the limit is
 * refused with `max-depth` whatever else is wrong with it. For a recursive schema (one with a
 * `Schema.suspend`) the check comes first, before anything is decoded. Any other schema reads
 * the input no deeper than the schema goes, so the fast decode runs first and the depth is
 * measured in the same walk as the unknown-field check; a failure measures it before anything
 * else is said. The answer is the same either way.
 *
 * @category constructors
 * @since 0.1.0
 */
export const decoderExit = <S extends Schema.Decoder<unknown>>(schema: S, subject: string, options?: Options) => {
  compile(schema)
  const limit = options?.maxDepth ?? defaultMaxDepth
  const decode = Schema.decodeUnknownExit(schema as Schema.Decoder<S["Type"]>)
  const bounded = !canRecurse(schema.ast)
  const unchecked = bounded ? Inspect.afterDecodeOf(schema.ast) : undefined
  const slow = (input: unknown, fast: Exit.Exit<S["Type"], Schema.SchemaError> | undefined): Exit.Exit<S["Type"], ValidationError> => {
    if (Inspect.isDeeperThan(input, limit)) return Exit.fail(tooDeep(subject, input, limit))
    if (fast === undefined) {
      fast = decode(input)
      if (Exit.isSuccess(fast) && !Inspect.hasUnknownField(input, fast.value)) return fast as Exit.Exit<S["Type"], never>
    }
    const exit = decode(input, strict)
    return Exit.isSuccess(exit)
      ? Exit.succeed(exit.value)
      : Exit.fail(toValidationError(exit.cause, subject, input))
  }
  return (input: unknown): Exit.Exit<S["Type"], ValidationError> => {
    try {
      if (unchecked === undefined) return slow(input, undefined)
      const fast = decode(input)
      if (Exit.isSuccess(fast)) {
        const found = unchecked(input, fast.value, limit)
        if (found === undefined) return fast as Exit.Exit<S["Type"], never>
        if (found === "too-deep") return Exit.fail(tooDeep(subject, input, limit))
      }
      return slow(input, fast)
    } catch {
      // only input that runs code of its own (a getter, a proxy) gets here; a deep one is
      // still refused for its depth, as when the depth is checked first
      try {
        if (bounded && Inspect.isDeeperThan(input, limit)) return Exit.fail(tooDeep(subject, input, limit))
      } catch {
        // the depth cannot be measured either
      }
      return Exit.fail(new ValidationError({ subject: { kind: subject }, violations: [undecodable()] }))
    }
  }
}

const toValidationError = (cause: Cause.Cause<Schema.SchemaError>, subject: string, input: unknown): ValidationError => {
  const error = Cause.findErrorOption(cause)
  return new ValidationError({
    subject: { kind: subject },
    violations: Option.isSome(error) ? violationsOf(error.value.issue, input) : [undecodable()]
  })
}
