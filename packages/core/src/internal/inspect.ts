/**
 * Walking untrusted input without recursion: its nesting depth, unknown fields after a decode,
 * the value at a path, and a short preview of a value. Every function here works with an
 * explicit stack, or recurses only as deep as a schema goes (never as deep as the input), so no
 * input (a JSON array nested 100 000 deep, a cycle, a 10 MB string) can overflow the call stack.
 *
 * @module
 * @since 0.2.0
 */
import type { SchemaAST } from "effect"

/**
 * Whether `input` nests objects and arrays deeper than `limit` (an object or array at the root
 * is depth 1, `[[1]]` is depth 2, a scalar is depth 0). Arrays are walked by index, other
 * objects by their enumerable keys (`for...in`), level by level with one queue: the fast path
 * of every decode, so it allocates nothing but the queue.
 *
 * @category rules
 * @since 0.2.0
 */
export const isDeeperThan = (input: unknown, limit: number): boolean => {
  if (typeof input !== "object" || input === null) return false
  const queue: Array<object> = [input]
  let start = 0
  for (let depth = 1; start < queue.length; depth++) {
    if (depth > limit) return true
    const end = queue.length
    for (let n = start; n < end; n++) {
      const value = queue[n] as Record<string, unknown>
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const child: unknown = value[i]
          if (typeof child === "object" && child !== null) queue.push(child)
        }
      } else {
        for (const key in value) {
          const child = value[key]
          if (typeof child === "object" && child !== null) queue.push(child)
        }
      }
    }
    start = end
  }
  return false
}

/**
 * Where `input` first nests deeper than `limit`, walking as {@link isDeeperThan} does but
 * depth first: the path to the first object or array at depth `limit + 1` (in key order) and
 * that value; `undefined` when the input is not that deep.
 *
 * @category rules
 * @since 0.2.0
 */
export const firstTooDeep = (
  input: unknown,
  limit: number
): { readonly path: ReadonlyArray<PropertyKey>; readonly value: unknown } | undefined => {
  if (typeof input !== "object" || input === null) return undefined
  if (limit < 1) return { path: [], value: input }
  interface Frame {
    readonly value: Record<PropertyKey, unknown>
    readonly keys: ReadonlyArray<PropertyKey>
    i: number
  }
  const keysOf = (value: Record<PropertyKey, unknown>): Array<PropertyKey> => {
    if (Array.isArray(value)) return Array.from(value.keys())
    const keys: Array<PropertyKey> = []
    for (const key in value) keys.push(key)
    return keys
  }
  const frames: Array<Frame> = [{ value: input as Record<PropertyKey, unknown>, keys: keysOf(input as Record<PropertyKey, unknown>), i: 0 }]
  const path: Array<PropertyKey> = []
  while (frames.length > 0) {
    const top = frames[frames.length - 1]!
    if (top.i >= top.keys.length) {
      frames.pop()
      path.pop()
      continue
    }
    const key = top.keys[top.i++]!
    const child = top.value[key]
    if (typeof child !== "object" || child === null) continue
    if (frames.length + 1 > limit) return { path: [...path, key], value: child }
    const value = child as Record<PropertyKey, unknown>
    frames.push({ value, keys: keysOf(value), i: 0 })
    path.push(key)
  }
  return undefined
}

/**
 * Whether some object of `input` has a key that the decoded `output` at the same place lacks:
 * decoding with default options drops unknown keys, so such a key is an unknown field. Parts
 * the decode passed through unchanged (the same object) are skipped. A `true` for an input
 * that is not plain JSON only costs the strict decode that follows it.
 *
 * @category rules
 * @since 0.2.0
 */
export const hasUnknownField = (input: unknown, output: unknown): boolean => afterDecode(input, output, undefined) === "unknown-field"

/**
 * What a decode that succeeded left unchecked: an unknown field, or an input nested deeper than
 * the limit.
 *
 * @category models
 * @since 0.2.0
 */
export type Unchecked = "unknown-field" | "too-deep"

/**
 * What a decode that succeeded left unchecked, found in one walk of `input` beside the decoded
 * `output`: `"unknown-field"` as {@link hasUnknownField} finds it, else `"too-deep"` when
 * `input` nests deeper than `limit` (exactly when {@link isDeeperThan} says so: the parts the
 * walk does not pair with the output, such as values passed through unchanged, are measured
 * with it), else `undefined`. Without a `limit` only unknown fields are looked for.
 *
 * **When to use**
 *
 * After the decode of a schema that cannot recurse, whose work is bounded by the schema
 * whatever the input: one walk then does the depth check and the unknown-field check of a
 * valid input. When it answers `"unknown-field"`, the input's depth is not known yet.
 *
 * @category rules
 * @since 0.2.0
 */
export const afterDecode = (input: unknown, output: unknown, limit: number | undefined): Unchecked | undefined =>
  typeof input === "object" && input !== null ? paired(input, output, 1, limit) : undefined

// The walk of `afterDecode` from an object `input` at `depth`.
const paired = (input: object, output: unknown, depth: number, limit: number | undefined): Unchecked | undefined => {
  if (input === output) return limit !== undefined && isDeeperThan(input, limit - depth + 1) ? "too-deep" : undefined
  // depth first, with the depth of each object beside it
  const inputs: Array<unknown> = [input]
  const outputs: Array<unknown> = [output]
  const depths: Array<number> = [depth]
  while (inputs.length > 0) {
    const i = inputs.pop() as Record<string, unknown>
    const o = outputs.pop()
    const depth = depths.pop()!
    if (limit !== undefined && depth > limit) return "too-deep"
    if (typeof o !== "object" || o === null || (Array.isArray(i) && !Array.isArray(o))) {
      // nothing to compare with: only its depth counts
      if (limit !== undefined && isDeeperThan(i, limit - depth + 1)) return "too-deep"
      continue
    }
    if (Array.isArray(i)) {
      for (let k = 0; k < i.length; k++) {
        const child: unknown = i[k]
        if (typeof child === "object" && child !== null) {
          const out = (o as Array<unknown>)[k]
          if (child !== out) {
            inputs.push(child)
            outputs.push(out)
            depths.push(depth + 1)
          } else if (limit !== undefined && isDeeperThan(child, limit - depth)) return "too-deep"
        }
      }
      continue
    }
    // `values[key]`, not `i[key]`: V8's optimizing compilers (Maglev) can deoptimize over and
    // over on the for...in form of the load (`i[key]`) when few objects of few shapes come by
    // (the fields of one union); a load through another variable is an ordinary keyed load
    const values = i
    for (const key in i) {
      if (!Object.hasOwn(o, key)) return "unknown-field"
      const child = values[key]
      if (typeof child === "object" && child !== null) {
        const out = (o as Record<string, unknown>)[key]
        if (child !== out) {
          inputs.push(child)
          outputs.push(out)
          depths.push(depth + 1)
        } else if (limit !== undefined && isDeeperThan(child, limit - depth)) return "too-deep"
      }
    }
  }
  return undefined
}

// ---------------------------------------------------------------------------------------------
// The same walk, led by the schema
// ---------------------------------------------------------------------------------------------

// Written here rather than left to Effect: its own unknown-field check (`onExcessProperty:
// "error"`, which the JIT-compiled decoder supports) builds a set of the declared fields and a
// list of every key (`Reflect.ownKeys`) for each object of each decode, and refuses symbol keys,
// which the walk beside the output (and so the fast path) has always let through.
//
// How the walk treats the input at one node of a schema, given that the node decoded it:
// - `skip`: the node decodes only to and from primitives, so its input holds no object;
// - `keyed`: a struct whose output has exactly the declared fields the input has, so a field is
//   unknown when it is not declared: a lookup in the fields, built once per schema, instead of a
//   look at the output (a property lookup on objects of many shapes, the slow part of `paired`),
//   and fields whose schema is primitive are not even read;
// - `array` of a plan, and `instance` for a class over its fields;
// - otherwise `paired`, the walk beside the output.
// `output` says whether the plan reads the output at all (only `paired` and `instance` do, and
// their parents to hand it down); a plan that does not is called with `undefined`. A plan
// recurses as deep as the schema, never deeper: the input's depth is counted, not followed.
interface Plan {
  readonly skip: boolean
  readonly output: boolean
  readonly walk: (input: object, output: unknown, depth: number, limit: number | undefined) => Unchecked | undefined
}

const skip: Plan = { skip: true, output: false, walk: () => undefined }
const byOutput: Plan = { skip: false, output: true, walk: paired }

// Values a node of these kinds decodes are never objects (with no encoding in between).
const primitive: ReadonlySet<SchemaAST.AST["_tag"]> = new Set<SchemaAST.AST["_tag"]>([
  "String", "Number", "Boolean", "BigInt", "Symbol", "Literal", "UniqueSymbol", "Enum", "TemplateLiteral", "Null", "Undefined",
  "Void", "Never"
])

const plans = new WeakMap<SchemaAST.AST, Plan>()

const planOf = (ast: SchemaAST.AST): Plan => {
  const known = plans.get(ast)
  if (known !== undefined) return known
  // a placeholder while the node's children are planned; a schema that reaches itself again
  // (only through a suspend, which is planned as `paired`) does not get here
  plans.set(ast, byOutput)
  const plan = makePlan(ast)
  plans.set(ast, plan)
  return plan
}

const fieldsOf = (ast: SchemaAST.AST): ReadonlyMap<string, Plan> | undefined => {
  // a struct with fields and nothing else: its output has the declared fields the input has
  // (read with `in`, as for...in lists them), neither renamed nor dropped. `__proto__` is read
  // as an own key only, and a symbol is never listed by for...in: such structs are `paired`.
  if (ast._tag !== "Objects" || ast.encoding !== undefined || ast.indexSignatures.length > 0) return undefined
  const properties = ast.propertySignatures
  if (
    properties.length === 0 ||
    properties.some((p) => p.type.encoding !== undefined || typeof p.name === "symbol" || p.name === "__proto__")
  ) return undefined
  return new Map(properties.map((p) => [String(p.name), planOf(p.type)]))
}

const keyed = (fields: ReadonlyMap<string, Plan>): Plan => {
  const output = [...fields.values()].some((p) => p.output)
  return {
    skip: false,
    output,
    walk: (input, o, depth, limit) => {
      if (limit !== undefined && depth > limit) return "too-deep"
      const i = input as Record<string, unknown>
      const values = i // see `paired`
      for (const key in i) {
        const plan = fields.get(key)
        if (plan === undefined) return "unknown-field"
        if (plan.skip) continue
        const child = values[key]
        if (typeof child === "object" && child !== null) {
          const found = plan.walk(child, plan.output ? (o as Record<string, unknown> | undefined)?.[key] : undefined, depth + 1, limit)
          if (found !== undefined) return found
        }
      }
      return undefined
    }
  }
}

const makePlan = (ast: SchemaAST.AST): Plan => {
  if (ast.encoding !== undefined) {
    // a class over its fields (`Schema.Class`): the fields decoded the input, the instance
    // holds their values. The input's keys are compared with the instance, as `paired` does,
    // and each field's value is walked by its plan beside the instance's value (which is the
    // field's decoded value unless the class's own constructor replaces it)
    const to = ast.encoding.length === 1 ? ast.encoding[0]!.to : undefined
    const fields = ast._tag === "Declaration" && to !== undefined && ast.typeParameters[0] === to ? fieldsOf(to) : undefined
    return fields === undefined ? byOutput : instance(fields)
  }
  if (primitive.has(ast._tag)) return skip
  switch (ast._tag) {
    case "Union":
      return ast.types.every((t) => planOf(t).skip) ? skip : byOutput
    case "Arrays":
      return ast.elements.length === 0 && ast.rest.length === 1 ? array(planOf(ast.rest[0]!)) : byOutput
    case "Objects": {
      const fields = fieldsOf(ast)
      return fields === undefined ? byOutput : keyed(fields)
    }
    default:
      return byOutput
  }
}

const array = (element: Plan): Plan => ({
  skip: false,
  output: element.output,
  walk: (input, o, depth, limit) => {
    if (limit !== undefined && depth > limit) return "too-deep"
    if (element.skip) return undefined
    const i = input as ReadonlyArray<unknown>
    for (let k = 0; k < i.length; k++) {
      const child = i[k]
      if (typeof child === "object" && child !== null) {
        const found = element.walk(child, element.output ? (o as ReadonlyArray<unknown> | undefined)?.[k] : undefined, depth + 1, limit)
        if (found !== undefined) return found
      }
    }
    return undefined
  }
})

const instance = (fields: ReadonlyMap<string, Plan>): Plan => ({
  skip: false,
  output: true,
  walk: (input, o, depth, limit) => {
    if (typeof o !== "object" || o === null || input === o) return paired(input, o, depth, limit)
    if (limit !== undefined && depth > limit) return "too-deep"
    const i = input as Record<string, unknown>
    const values = i // see `paired`
    for (const key in i) {
      if (!Object.hasOwn(o, key)) return "unknown-field"
      const plan = fields.get(key)
      // the fields decoded the input, so a field of a primitive schema holds no object
      if (plan?.skip === true) continue
      const child = values[key]
      if (typeof child === "object" && child !== null) {
        const out = (o as Record<string, unknown>)[key]
        const found = plan === undefined || child === out
          ? paired(child, out, depth + 1, limit)
          : plan.walk(child, out, depth + 1, limit)
        if (found !== undefined) return found
      }
    }
    return undefined
  }
})

/**
 * {@link afterDecode} for the input and output of one schema, led by the schema: a struct's
 * keys are looked up in the fields it declares (a map built once per schema) instead of in the
 * decoded value, and fields whose schema holds no object (strings, numbers, literals) are not
 * read. Same answers as {@link afterDecode} for any input the schema decoded into that output;
 * parts the plan cannot follow (unions of objects, records, tuples, values passed through,
 * transformations) are walked beside the output as {@link afterDecode} walks them.
 *
 * @category rules
 * @since 0.2.0
 */
export const afterDecodeOf = (
  ast: SchemaAST.AST
): ((input: unknown, output: unknown, limit: number | undefined) => Unchecked | undefined) => {
  const plan = planOf(ast)
  return (input, output, limit) => {
    if (typeof input !== "object" || input === null) return undefined
    return plan.skip ? paired(input, output, 1, limit) : plan.walk(input, output, 1, limit)
  }
}

/**
 * Marks a key or index that is not in the input.
 *
 * @category models
 * @since 0.2.0
 */
export const missing: unique symbol = Symbol.for("@localrights/core/internal/inspect/missing")

/**
 * The value at `path` in `input`, or {@link missing}.
 *
 * @category rules
 * @since 0.2.0
 */
export const valueAt = (input: unknown, path: ReadonlyArray<PropertyKey>): unknown => {
  let current = input
  for (const key of path) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, key)) return missing
    current = (current as Record<PropertyKey, unknown>)[key]
  }
  return current
}

const cut = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 3)}...` : text)

// A piece of punctuation on the work stack of `preview`, told apart from the values to write.
class Punctuation {
  readonly text: string
  constructor(text: string) {
    this.text = text
  }
}

const isSkipped = (u: unknown): boolean => typeof u === "undefined" || typeof u === "function" || typeof u === "symbol"

/**
 * A short preview of a value, at most `max` characters: a string as it is, anything else as
 * JSON (written iteratively and only as far as it is shown, so a 10 MB string or a value
 * nested 100 000 deep costs no more than a short one).
 *
 * @category rendering
 * @since 0.2.0
 */
export const preview = (value: unknown, max = 80): string => {
  if (typeof value === "string") return cut(value, max)
  // Work items, the next one last: values to write and punctuation.
  const stack: Array<unknown> = [value]
  let out = ""
  while (stack.length > 0 && out.length <= max) {
    let v = stack.pop()
    if (v instanceof Punctuation) {
      out += v.text
      continue
    }
    if (v !== null && typeof v === "object" && !Array.isArray(v) && typeof (v as { toJSON?: unknown }).toJSON === "function") {
      try {
        v = (v as { toJSON: () => unknown }).toJSON()
      } catch {
        v = String(v)
      }
    }
    if (v === null) out += "null"
    else if (typeof v === "string") out += JSON.stringify(cut(v, max))
    else if (typeof v === "number") out += Number.isFinite(v) ? String(v) : "null"
    else if (typeof v === "boolean") out += String(v)
    else if (typeof v === "bigint") out += `${v}n`
    else if (isSkipped(v)) out += "undefined"
    else if (Array.isArray(v)) {
      // at most `max` elements can show
      const n = Math.min(v.length, max)
      out += "["
      stack.push(new Punctuation(v.length > n ? ",...]" : "]"))
      for (let i = n - 1; i >= 0; i--) {
        stack.push(isSkipped(v[i]) ? null : v[i])
        if (i > 0) stack.push(new Punctuation(","))
      }
    } else {
      const o = v as Record<string, unknown>
      const entries: Array<unknown> = []
      for (const key in o) {
        if (!Object.hasOwn(o, key) || isSkipped(o[key])) continue
        entries.push(new Punctuation(`${entries.length === 0 ? "" : ","}${JSON.stringify(cut(key, max))}:`), o[key])
        if (entries.length >= 2 * max) break
      }
      out += "{"
      stack.push(new Punctuation("}"))
      for (let i = entries.length - 1; i >= 0; i--) stack.push(entries[i])
    }
  }
  return cut(out, max)
}
