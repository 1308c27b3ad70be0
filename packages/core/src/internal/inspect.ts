/**
 * Walking untrusted input without recursion: its nesting depth, unknown fields after a decode,
 * the value at a path, and a short preview of a value. Every function here works with an
 * explicit stack, so no input (a JSON array nested 100 000 deep, a cycle, a 10 MB string) can
 * overflow the call stack.
 *
 * @module
 * @since 0.2.0
 */

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
export const hasUnknownField = (input: unknown, output: unknown): boolean => {
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
