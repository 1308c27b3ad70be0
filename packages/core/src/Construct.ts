/**
 * Constructors from plain values, written once for every entity and value: `X.make(input)`
 * takes the JSON form (strings for ids, dates, currencies and countries; no casts), fills in
 * what has a default, and decodes it with the schema; `X.decode(unknown)` does the same for
 * untrusted input. Both fail with a {@link Validation.ValidationError} naming every field that
 * is wrong, and never throw. Like the kernel's own constructors (`CalendarDate.make`,
 * `Money.make`) they return an `Exit`: an `Effect` that has already run, so `yield*` it in
 * `Effect.gen`, or check it with `Exit.isSuccess` in pure code.
 *
 * **Details**
 *
 * A stored entity's `version` (a {@link ChangeLog.Version} field) defaults to 0: the store sets
 * it. Each entity names its other defaults (empty lists, a starting status) once, in its own
 * `make`. A default that is an object is merged with the given object, one level deep (a given
 * `links: { programme }` keeps the default `partnerships: []`).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Organisation } from "@localrights/core"
 *
 * const lund = Organisation.make({
 *   id: "lund",
 *   kind: "municipality",
 *   name: { sv: "Lunds kommun", en: "Lund Municipality" },
 *   country: "SE"
 * }) // Exit<Organisation, ValidationError>, an Effect
 * ```
 *
 * @module
 * @group Kernel
 * @since 0.2.0
 */
import { type Exit, Predicate, type Schema, type Types } from "effect"
import { Version } from "./ChangeLog.ts"
import * as Validation from "./Validation.ts"

/**
 * A schema with fields: a `Schema.Struct` or a `Schema.Class` (checks allowed).
 *
 * @category models
 * @since 0.2.0
 */
export type Fielded = Schema.Decoder<unknown> & { readonly fields: Schema.Struct.Fields }

/**
 * What `make` takes: the JSON form `E` of the value, where `version` and every field with a
 * default in `D` may be left out (and, for a default that is an object, its fields).
 *
 * @category models
 * @since 0.2.0
 */
export type Input<E, D = {}> = Types.Simplify<
  & Omit<E, Extract<keyof E, "version" | keyof D>>
  & {
    readonly [K in Extract<keyof E, "version" | keyof D>]?: K extends keyof D
      ? D[K] extends ReadonlyArray<unknown> ? E[K]
      : D[K] extends object ? E[K] extends object ? Types.Simplify<Omit<E[K], keyof D[K]> & Partial<Pick<E[K], Extract<keyof E[K], keyof D[K]>>>>
        : E[K]
      : E[K]
      : E[K]
  }
>

/**
 * A constructor built by {@link make}: from plain values to the decoded value, or a
 * {@link Validation.ValidationError}.
 *
 * @category models
 * @since 0.2.0
 */
export type Make<A, In> = (input: In) => Exit.Exit<A, Validation.ValidationError>

/**
 * A decoder built by {@link decode}: from untrusted input to the decoded value, or a
 * {@link Validation.ValidationError}.
 *
 * @category models
 * @since 0.2.0
 */
export type Decode<A> = (input: unknown) => Exit.Exit<A, Validation.ValidationError>

const isPlainObject = (u: unknown): u is Record<string, unknown> =>
  Predicate.isObject(u) && !Array.isArray(u) && Object.getPrototypeOf(u) === Object.prototype

const withDefaults = (defaults: Record<string, unknown>, input: unknown): unknown => {
  if (!isPlainObject(input)) return input
  const out: Record<string, unknown> = { ...defaults, ...input }
  for (const key of Object.keys(defaults)) {
    const d = defaults[key]
    const given = input[key]
    if (isPlainObject(d) && isPlainObject(given)) out[key] = { ...d, ...given }
  }
  return out
}

/**
 * The constructor of a value from plain values: `subject` names it in errors
 * (`Organisation`), `defaults` fills the fields left out. Declare it once per entity:
 * `export const make = Construct.make(Organisation, "Organisation", { contacts: [] })`.
 *
 * @category constructors
 * @since 0.2.0
 */
export const make = <S extends Fielded, const D extends Partial<S["Encoded"]> = {}>(
  schema: S,
  subject: string,
  defaults?: D
): Make<S["Type"], Input<S["Encoded"], D>> => {
  const all: Record<string, unknown> = {
    ...(schema.fields["version"] === Version ? { version: 0 } : {}),
    ...(defaults ?? {})
  }
  const decode = Validation.decoderExit(schema, subject)
  return (input) => decode(withDefaults(all, input))
}

/**
 * The decoder of untrusted input that goes with a constructor built by {@link make}: the same
 * defaults and checks, for input of unknown shape (JSON from a form or a file).
 *
 * @category constructors
 * @since 0.2.0
 */
export const decode = <A>(construct: Make<A, never>): Decode<A> => construct as unknown as Decode<A>
