/**
 * Reading records from a file: JSON Lines, a JSON array or CSV, each record with the line it
 * starts on, so that every problem names its line.
 *
 * CSV: the first row names the fields; a name with dots nests (`title.sv`, `amount.minor`); an
 * empty cell is left out; a cell that starts with `[` or `{` is JSON (`sdgTags`,
 * `focusAreas`); the cells of the numeric fields (`year`, `implementationYear`, `minor`,
 * `version`) are numbers. Fields are separated by `,` (or `;` when the header has more of
 * those), quoted with `"`.
 */

/** The formats the import reads. */
export type Format = "jsonl" | "json" | "csv"

/** One record read: its line and value, or its line and why it cannot be read. */
export type Read =
  | { readonly line: number; readonly value: unknown; readonly problem?: undefined }
  | { readonly line: number; readonly problem: { readonly sv: string; readonly en: string }; readonly value?: undefined }

/** The format of a file: by its extension (`.csv`, `.jsonl`, `.ndjson`, `.json`), else by its first character. */
export const formatOf = (file: string, firstChar: string | undefined): Format => {
  const lower = file.toLowerCase()
  if (lower.endsWith(".csv")) return "csv"
  if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) return "jsonl"
  if (firstChar === "[") return "json"
  return "jsonl"
}

// ---------------------------------------------------------------------------------------------
// CSV

/** A CSV row: its cells and the line it starts on. */
export interface Row {
  readonly line: number
  readonly cells: ReadonlyArray<string>
}

/**
 * An incremental CSV parser (RFC 4180: quoted fields may hold separators, quotes as `""` and
 * line breaks): `push` chunks, `end` at the end; each completed row is passed to `onRow`.
 */
export const csvParser = (onRow: (row: Row) => void) => {
  let sep: string | undefined
  let cells: Array<string> = []
  let cell = ""
  let quoted = false
  let afterQuote = false
  let line = 1
  let rowLine = 1
  let pending = ""
  const endCell = () => {
    cells.push(cell)
    cell = ""
    afterQuote = false
  }
  const endRow = () => {
    endCell()
    if (!(cells.length === 1 && cells[0] === "")) onRow({ line: rowLine, cells })
    cells = []
  }
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!
      if (quoted) {
        if (c === "\"") {
          if (text[i + 1] === "\"") {
            cell += "\""
            i++
          } else if (i + 1 === text.length) {
            // a quote at the end of the chunk: decided by the next chunk
            pending = "\""
            return
          } else {
            quoted = false
            afterQuote = true
          }
        } else {
          if (c === "\n") line++
          cell += c
        }
        continue
      }
      if (c === "\"" && cell === "" && !afterQuote) {
        quoted = true
      } else if (c === sep) {
        endCell()
      } else if (c === "\n") {
        endRow()
        line++
        rowLine = line
      } else if (c === "\r") {
        // part of a CRLF line break
      } else {
        cell += c
      }
    }
  }
  return {
    push: (chunk: string) => {
      const text = pending + chunk
      pending = ""
      if (sep === undefined) {
        const nl = text.indexOf("\n")
        if (nl === -1) {
          pending = text
          return
        }
        const header = text.slice(0, nl)
        sep = (header.split(";").length > header.split(",").length) ? ";" : ","
      }
      feed(text)
    },
    end: () => {
      if (sep === undefined) sep = pending.split(";").length > pending.split(",").length ? ";" : ","
      if (pending !== "") {
        const rest = pending
        pending = ""
        if (rest === "\"" && quoted) {
          quoted = false
          afterQuote = true
        } else feed(rest)
      }
      if (cell !== "" || cells.length > 0) endRow()
    }
  }
}

const numeric = new Set(["year", "implementationYear", "minor", "version"])

/** The record of a CSV row under its header (see the module's notes), or why it cannot be read. */
export const csvRecord = (header: ReadonlyArray<string>, row: Row): Read => {
  const out: Record<string, unknown> = {}
  for (let i = 0; i < header.length; i++) {
    const name = header[i]!.trim()
    const raw = row.cells[i]
    if (name === "" || raw === undefined || raw.trim() === "") continue
    const text = raw.trim()
    const path = name.split(".")
    const leaf = path[path.length - 1]!
    let value: unknown = raw
    if (text.startsWith("[") || text.startsWith("{")) {
      try {
        value = JSON.parse(text)
      } catch (e) {
        return {
          line: row.line,
          problem: { sv: `Kolumnen ${name} är inte giltig JSON: ${(e as Error).message}`, en: `Column ${name} is not valid JSON: ${(e as Error).message}` }
        }
      }
    } else if (numeric.has(leaf) && /^-?\d+$/.test(text)) value = Number(text)
    let at = out
    for (const key of path.slice(0, -1)) {
      const next = at[key]
      if (typeof next === "object" && next !== null && !Array.isArray(next)) at = next as Record<string, unknown>
      else at = (at[key] = {}) as Record<string, unknown>
    }
    at[leaf] = value
  }
  if (row.cells.length > header.length && row.cells.slice(header.length).some((c) => c.trim() !== "")) {
    return {
      line: row.line,
      problem: { sv: `Raden har ${row.cells.length} fält, rubriken ${header.length}`, en: `The row has ${row.cells.length} fields, the header ${header.length}` }
    }
  }
  return { line: row.line, value: out }
}

// ---------------------------------------------------------------------------------------------
// Whole files (the smaller kinds: organisations, programmes, networks, budgets, expenses)

const notJson = (line: number, e: unknown): Read => ({
  line,
  problem: { sv: `Inte giltig JSON: ${(e as Error).message}`, en: `Not valid JSON: ${(e as Error).message}` }
})

/** The line each top-level element of a JSON array starts on. */
const elementLines = (text: string): Array<number> => {
  const lines: Array<number> = []
  let line = 1
  let depth = 0
  let inString = false
  let expecting = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === "\n") line++
    if (inString) {
      if (c === "\\") i++
      else if (c === "\"") inString = false
      continue
    }
    if (c === " " || c === "\t" || c === "\r" || c === "\n") continue
    if (depth === 1 && expecting && c !== "]") {
      lines.push(line)
      expecting = false
    }
    if (c === "\"") inString = true
    else if (c === "[" || c === "{") {
      depth++
      if (depth === 1) expecting = true
    } else if (c === "]" || c === "}") depth--
    else if (c === "," && depth === 1) expecting = true
  }
  return lines
}

/** Every record of a file's text in one of the formats. */
export const readAll = (text: string, format: Format): Array<Read> => {
  if (format === "jsonl") {
    const out: Array<Read> = []
    text.split("\n").forEach((raw, i) => {
      const t = raw.trim()
      if (t === "") return
      try {
        out.push({ line: i + 1, value: JSON.parse(t) })
      } catch (e) {
        out.push(notJson(i + 1, e))
      }
    })
    return out
  }
  if (format === "json") {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch (e) {
      return [notJson(1, e)]
    }
    if (!Array.isArray(parsed)) {
      return [{ line: 1, problem: { sv: "Texten är inte en JSON-lista av poster", en: "The text is not a JSON array of records" } }]
    }
    const lines = elementLines(text)
    return parsed.map((value, i) => ({ line: lines[i] ?? 1, value }))
  }
  const rows: Array<Row> = []
  const parser = csvParser((row) => rows.push(row))
  parser.push(text)
  parser.end()
  const [header, ...body] = rows
  if (header === undefined) return []
  return body.map((row) => csvRecord(header.cells, row))
}

/**
 * The records of a CSV file of budgets: a row per budget line, the budget's own fields (`id`,
 * `partnership`, `scope`, `currency`, `note.*`) and the line's under `line.` (`line.id`,
 * `line.phase`, `line.year`, `line.category`, `line.purpose`, `line.side`, `line.funding`,
 * `line.amount.minor`, `line.amount.currency` (default: the budget's), `line.description.*`).
 * Consecutive rows with the same budget id are one budget, at the line of its first row.
 */
export const groupBudgetRows = (reads: ReadonlyArray<Read>): Array<Read> => {
  const out: Array<Read> = []
  let current: { line: number; id: unknown; budget: Record<string, unknown>; lines: Array<unknown> } | undefined
  const flush = () => {
    if (current !== undefined) out.push({ line: current.line, value: { ...current.budget, lines: current.lines } })
    current = undefined
  }
  for (const r of reads) {
    if (r.problem !== undefined) {
      out.push(r)
      continue
    }
    const { line: budgetLine, ...budget } = r.value as Record<string, unknown>
    if (current === undefined || current.id !== budget["id"]) {
      flush()
      current = { line: r.line, id: budget["id"], budget, lines: [] }
    }
    if (budgetLine !== undefined && typeof budgetLine === "object") {
      const l = budgetLine as Record<string, unknown>
      const amount = l["amount"] as Record<string, unknown> | undefined
      current.lines.push(amount !== undefined && amount["currency"] === undefined ? { ...l, amount: { ...amount, currency: budget["currency"] } } : l)
    }
  }
  flush()
  return out
}
