/**
 * Incremental splitting of JSON Lines or a JSON array into record texts with the line each
 * starts on, chunk by chunk, without holding more than the unfinished record.
 */

/** One record's text and the (1-based) line it starts on. */
export interface RawRecord {
  readonly line: number
  readonly text: string
}

/** A text that cannot be split into records (a JSON array that is not one). */
export interface ScanProblem {
  readonly line: number
  readonly reason: string
}

/** The format of an input. */
export type Format = "jsonl" | "json-array"

/** A scanner: `push` a chunk, get the completed records; `end` returns the rest. */
export interface Scanner {
  readonly push: (chunk: string, out: Array<RawRecord>) => ScanProblem | undefined
  readonly end: (out: Array<RawRecord>) => ScanProblem | undefined
}

const lines = (): Scanner => {
  let rest = ""
  let line = 0
  const emit = (text: string, out: Array<RawRecord>) => {
    line++
    const trimmed = text.endsWith("\r") ? text.slice(0, -1) : text
    if (trimmed.trim() !== "") out.push({ line, text: trimmed })
  }
  return {
    push: (chunk, out) => {
      let start = 0
      let nl = chunk.indexOf("\n")
      if (nl === -1) {
        rest += chunk
        return undefined
      }
      emit(rest + chunk.slice(0, nl), out)
      start = nl + 1
      while ((nl = chunk.indexOf("\n", start)) !== -1) {
        emit(chunk.slice(start, nl), out)
        start = nl + 1
      }
      rest = chunk.slice(start)
      return undefined
    },
    end: (out) => {
      if (rest !== "") emit(rest, out)
      rest = ""
      return undefined
    }
  }
}

const array = (): Scanner => {
  // state: before "[", between elements, inside an element, after "]"
  let state: "start" | "between" | "element" | "done" = "start"
  let line = 1
  let depth = 0
  let inString = false
  let escape = false
  let parts: Array<string> = []
  let elementLine = 0
  let expectElement = true
  const problem = (reason: string): ScanProblem => ({ line, reason })
  return {
    push: (chunk, out) => {
      let from = -1
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk.charCodeAt(i)
        if (state === "element") {
          if (inString) {
            if (escape) escape = false
            else if (c === 92) escape = true
            else if (c === 34) inString = false
            else if (c === 10) line++
            continue
          }
          if (c === 34) inString = true
          else if (c === 123 || c === 91) depth++
          else if (c === 125 || c === 93 || (c === 44 && depth === 0)) {
            if (depth === 0) {
              // the element ends before this "," or "]"
              parts.push(chunk.slice(from === -1 ? 0 : from, i))
              out.push({ line: elementLine, text: parts.join("") })
              parts = []
              from = -1
              state = c === 93 ? "done" : "between"
              expectElement = c === 44
              continue
            }
            depth--
          } else if (c === 10) line++
          continue
        }
        if (c === 10) {
          line++
          continue
        }
        if (c === 32 || c === 9 || c === 13) continue
        if (state === "start") {
          if (c !== 91) return problem("Expected a JSON array starting with [")
          state = "between"
          expectElement = true
          continue
        }
        if (state === "done") return problem("Unexpected text after the closing ]")
        // between elements
        if (c === 93) {
          state = "done"
          continue
        }
        if (c === 44) {
          if (expectElement) return problem("Unexpected , in the array")
          expectElement = true
          continue
        }
        if (!expectElement) return problem("Expected , or ] between elements")
        state = "element"
        elementLine = line
        from = i
        depth = 0
        expectElement = false
        if (c === 34) inString = true
        else if (c === 123 || c === 91) depth = 1
      }
      if (state === "element") parts.push(chunk.slice(from === -1 ? 0 : from))
      return undefined
    },
    end: () => (state === "done" ? undefined : problem("The JSON array is not closed with ]"))
  }
}

/** A scanner for a format. */
export const scanner = (format: Format): Scanner => (format === "jsonl" ? lines() : array())
