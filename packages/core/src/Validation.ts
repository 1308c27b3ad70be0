/**
 * Decoding untrusted input into domain values, with errors that say what was wrong and where.
 *
 * @since 0.1.0
 */
import { Cause, Effect, Exit, Option, Schema, SchemaIssue } from "effect"

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

const options = { errors: "all", onExcessProperty: "error" } as const

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
  const decode = Schema.decodeUnknownExit(schema as Schema.Decoder<S["Type"]>)
  return (input: unknown): Effect.Effect<S["Type"], ValidationError> => {
    const exit = decode(input, options)
    if (Exit.isSuccess(exit)) return Effect.succeed(exit.value)
    return Effect.fail(toValidationError(exit.cause, subject, input))
  }
}

/**
 * Like {@link decoder}, returning an `Exit` synchronously: for hot paths and pure code.
 *
 * @category constructors
 * @since 0.1.0
 */
export const decoderExit = <S extends Schema.Decoder<unknown>>(schema: S, subject: string) => {
  const decode = Schema.decodeUnknownExit(schema as Schema.Decoder<S["Type"]>)
  return (input: unknown): Exit.Exit<S["Type"], ValidationError> => {
    const exit = decode(input, options)
    return Exit.isSuccess(exit) ? Exit.succeed(exit.value) : Exit.fail(toValidationError(exit.cause, subject, input))
  }
}

const toValidationError = (cause: Cause.Cause<Schema.SchemaError>, subject: string, input: unknown): ValidationError => {
  const error = Cause.findErrorOption(cause)
  const problems = Option.isSome(error)
    ? problemsOf(error.value.issue, input)
    : [new Problem({ path: "", message: "Could not decode the input" })]
  return new ValidationError({ subject, problems })
}
