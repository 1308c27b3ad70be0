/**
 * Decoding untrusted input into domain values, with errors that say what was wrong and where.
 *
 * @module
 * @group Kernel
 * @since 0.1.0
 */
import { Cause, Effect, Exit, Option, Schema, SchemaIssue } from "effect"
import * as SchemaJITCompiler from "effect/schema/SchemaJITCompiler"

/**
 * One problem found in an input: the field path (`budget.lines[2].amount`), what was expected,
 * and the value that was found when it is short enough to show.
 *
 * @category models
 * @since 0.1.0
 */
export class Problem extends Schema.Class<Problem>("@localrights/core/Validation/Problem")({
  path: Schema.String,
  message: Schema.String,
  /** The value found at the path, as JSON, cut to 80 characters; absent when the key was missing. */
  actual: Schema.optionalKey(Schema.String)
}) {}

/**
 * Input that does not match the schema of a domain value. `subject` names what was decoded
 * (`Partnership`, `Organisation`), `problems` lists every field that failed, each with its path.
 *
 * @category errors
 * @since 0.1.0
 */
export class ValidationError extends Schema.TaggedError<ValidationError>()("ValidationError", {
  subject: Schema.String,
  problems: Schema.Array(Problem)
}) {
  /** @since 0.1.0 */
  override get message(): string {
    return `Invalid ${this.subject}: ${
      this.problems.map((p) => `${p.path || "(root)"}: ${p.message}${p.actual === undefined ? "" : `, got ${p.actual}`}`).join("; ")
    }`
  }
}

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

const formatter = SchemaIssue.makeFormatterStandardSchemaV1()

/**
 * Turns a Schema issue into the list of problems carried by {@link ValidationError}.
 *
 * @category constructors
 * @since 0.1.0
 */
export const problemsOf = (issue: SchemaIssue.Issue, input: unknown): Array<Problem> =>
  formatter(issue).issues.map((i) => {
    const path = (i.path ?? []).map((p) => (typeof p === "object" && p !== null ? p.key : p))
    const actual = show(valueAt(input, path))
    return new Problem({ path: formatPath(path), message: i.message, ...(actual === undefined ? {} : { actual }) })
  })

const missing = Symbol("missing")

const valueAt = (input: unknown, path: ReadonlyArray<PropertyKey>): unknown => {
  let current = input
  for (const key of path) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, key)) return missing
    current = (current as Record<PropertyKey, unknown>)[key]
  }
  return current
}

const show = (value: unknown): string | undefined => {
  if (value === missing) return undefined
  let json: string | undefined
  try {
    json = JSON.stringify(value)
  } catch {
    json = undefined
  }
  const text = json ?? String(value)
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

const strict = { errors: "all", onExcessProperty: "error" } as const

// Effect 4's JIT compiler generates a decoder per schema (about 9x the interpreted speed here,
// same errors and paths). Where code generation is not allowed (a strict CSP) it falls back to
// the interpreter by itself.
const compile = (schema: Schema.Top) => SchemaJITCompiler.enable(schema.ast)

/**
 * A decoder for `schema` that reports every problem at once, refuses unknown fields, and fails
 * with a {@link ValidationError} naming `subject`. Build it once and reuse it: the schema is
 * compiled on first use.
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
export const decoder = <S extends Schema.Decoder<unknown>>(schema: S, subject: string) => {
  const decode = decoderExit(schema, subject)
  return (input: unknown): Effect.Effect<S["Type"], ValidationError> => {
    const exit = decode(input)
    return Exit.isSuccess(exit) ? Effect.succeed(exit.value) : Effect.fail(Option.getOrThrow(Cause.findErrorOption(exit.cause)))
  }
}

/**
 * Like {@link decoder}, returning an `Exit` synchronously: for hot paths and pure code.
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
 * @category constructors
 * @since 0.1.0
 */
export const decoderExit = <S extends Schema.Decoder<unknown>>(schema: S, subject: string) => {
  compile(schema)
  const decode = Schema.decodeUnknownExit(schema as Schema.Decoder<S["Type"]>)
  return (input: unknown): Exit.Exit<S["Type"], ValidationError> => {
    const fast = decode(input)
    if (Exit.isSuccess(fast) && !hasUnknownField(input, fast.value)) return Exit.succeed(fast.value)
    const exit = decode(input, strict)
    return Exit.isSuccess(exit)
      ? Exit.succeed(exit.value)
      : Exit.fail(toValidationError(exit.cause, subject, input))
  }
}

const isPlainObject = (u: unknown): u is Record<string, unknown> => {
  if (u === null || typeof u !== "object") return false
  const proto = Object.getPrototypeOf(u)
  return proto === Object.prototype || proto === null
}

// Whether some plain object of `input` has a key that the decoded `output` at the same place
// does not have: decoding with default options drops unknown keys, so that is an unknown field.
const hasUnknownField = (input: unknown, output: unknown): boolean => {
  if (input === null || typeof input !== "object") return false
  if (Array.isArray(input)) {
    if (!Array.isArray(output)) return false
    for (let i = 0; i < input.length; i++) if (hasUnknownField(input[i], output[i])) return true
    return false
  }
  if (!isPlainObject(input) || output === null || typeof output !== "object") return false
  for (const key in input) {
    if (!Object.hasOwn(output, key)) return true
    if (hasUnknownField(input[key], (output as Record<string, unknown>)[key])) return true
  }
  return false
}

const toValidationError = (cause: Cause.Cause<Schema.SchemaError>, subject: string, input: unknown): ValidationError => {
  const error = Cause.findErrorOption(cause)
  const problems = Option.isSome(error)
    ? problemsOf(error.value.issue, input)
    : [new Problem({ path: "", message: "Could not decode the input" })]
  return new ValidationError({ subject, problems })
}
