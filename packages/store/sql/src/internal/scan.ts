/**
 * Incremental splitting of JSON Lines or a JSON array into record texts with the line each
 * starts on, chunk by chunk, without holding more than the unfinished record, and never more
 * than `maxChars` of it: a longer record is dropped as it arrives and reported by its length.
 */

/**
 * One record's text and the (1-based) line it starts on; or, for a record longer than the
 * limit, no text and its length (at least the limit plus one).
 */
export type RawRecord =
  | { readonly line: number; readonly text: string; readonly tooLong?: undefined }
  | { readonly line: number; readonly text?: undefined; readonly tooLong: number }

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

const lines = (maxChars: number): Scanner => {
  let rest = ""
  let line = 0
  // the length of the current line when it is over the limit (its text is not kept), else 0,
  // and whether what was dropped ends with "\r" (not counted: a CRLF line break)
  let dropped = 0
  let droppedCR = false
  const emit = (text: string, out: Array<RawRecord>) => {
    line++
    if (dropped > 0 || text.length > maxChars + 1) {
      const cr = text === "" ? droppedCR : text.endsWith("\r")
      out.push({ line, tooLong: dropped + text.length - (cr ? 1 : 0) })
      dropped = 0
      return
    }
    const trimmed = text.endsWith("\r") ? text.slice(0, -1) : text
    if (trimmed.length > maxChars) out.push({ line, tooLong: trimmed.length })
    else if (trimmed.trim() !== "") out.push({ line, text: trimmed })
  }
  const keep = (text: string) => {
    if (dropped > 0) dropped += text.length
    else if (text.length > maxChars + 1) {
      dropped = text.length
      rest = ""
    } else rest = text
    if (dropped > 0 && text !== "") droppedCR = text.endsWith("\r")
  }
  return {
    push: (chunk, out) => {
      let start = 0
      let nl = chunk.indexOf("\n")
      if (nl === -1) {
        keep(dropped > 0 ? chunk : rest + chunk)
        return undefined
      }
      emit(dropped > 0 ? chunk.slice(0, nl) : rest + chunk.slice(0, nl), out)
      start = nl + 1
      while ((nl = chunk.indexOf("\n", start)) !== -1) {
        emit(chunk.slice(start, nl), out)
        start = nl + 1
      }
      rest = ""
      keep(chunk.slice(start))
      return undefined
    },
    end: (out) => {
      if (rest !== "" || dropped > 0) emit(rest, out)
      rest = ""
      return undefined
    }
  }
}

const array = (maxChars: number): Scanner => {
  // state: before "[", between elements, inside an element, after "]"
  let state: "start" | "between" | "element" | "done" = "start"
  let line = 1
  let depth = 0
  let inString = false
  let escape = false
  let parts: Array<string> = []
  // characters of the current element so far; over the limit (and some room for the white
  // space before the next "," or "]") its parts are not kept
  let length = 0
  const room = maxChars + 64
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
              const last = chunk.slice(from === -1 ? 0 : from, i)
              length += last.length
              const text = length > room ? undefined : (parts.push(last), parts.join("").trimEnd())
              if (text === undefined || text.length > maxChars) out.push({ line: elementLine, tooLong: text?.length ?? length })
              else out.push({ line: elementLine, text })
              parts = []
              length = 0
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
        length = 0
        expectElement = false
        if (c === 34) inString = true
        else if (c === 123 || c === 91) depth = 1
      }
      if (state === "element") {
        const part = chunk.slice(from === -1 ? 0 : from)
        length += part.length
        if (length > room) parts = []
        else parts.push(part)
      }
      return undefined
    },
    end: () => (state === "done" ? undefined : problem("The JSON array is not closed with ]"))
  }
}

/** A scanner for a format, keeping at most `maxChars` of a record. */
export const scanner = (format: Format, maxChars: number): Scanner => (format === "jsonl" ? lines(maxChars) : array(maxChars))
