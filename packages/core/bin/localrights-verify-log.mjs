#!/usr/bin/env node
// localrights-verify-log: checks an exported localrights change log (JSON Lines, one change
// record a line, as `Audit.exportLog` writes it) with no database and no dependency but Node.
//
//   npx localrights-verify-log log.jsonl [--head <seq>:<chain>]
//   cat log.jsonl | npx localrights-verify-log -
//
// For every line, in order: `seq` is the previous line's plus one (a missing number is a
// deleted record); `hash` is the SHA-256 of the canonical JSON (RFC 8785) of the record without
// `hash`, `seq`, `chain` and `actor`; `chain` is the SHA-256 of the canonical JSON of
// { chain: <previous line's chain, or null>, hash, seq }; the record's version follows the
// previous record of its document, and `previous` is that record's hash; its RFC 6902 `patch`,
// applied to the document as the earlier lines built it, gives a document whose canonical JSON
// has the SHA-256 `dataHash`. With --head, the log must end at that seq and chain (the head
// you kept from an earlier export). Exit 0 and "ok …" when every line matches; exit 1 and the
// first line that does not, with the check that failed; exit 2 on bad usage or input.
import { createHash } from "node:crypto"
import { createReadStream } from "node:fs"
import { createInterface } from "node:readline"

const sha256 = (text) => createHash("sha256").update(text, "utf8").digest("hex")

// RFC 8785: sorted keys (UTF-16 code units), ECMAScript number and string forms, no whitespace
const canonical = (v) => {
  if (v === null || typeof v !== "object") return JSON.stringify(v)
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? "null" : canonical(x))).join(",")}]`
  const keys = Object.keys(v).filter((k) => v[k] !== undefined).sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(",")}}`
}

const hashedContent = (record) => {
  const { actor: _a, hash: _h, seq: _s, chain: _c, ...rest } = record
  return rest
}

// RFC 6901 pointers and RFC 6902 operations, on a copy
const tokens = (pointer) => {
  if (pointer === "") return []
  if (!pointer.startsWith("/")) throw new Error(`bad pointer ${pointer}`)
  return pointer.slice(1).split("/").map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~"))
}
const get = (doc, path) => {
  let v = doc
  for (const t of tokens(path)) {
    if (v === null || typeof v !== "object" || !Object.hasOwn(v, t)) throw new Error(`no value at ${path}`)
    v = v[Array.isArray(v) ? Number(t) : t]
  }
  return v
}
const equal = (a, b) => canonical(a) === canonical(b)
const applyOp = (doc, op) => {
  const path = tokens(op.path)
  const value = (v) => structuredClone(v)
  if (op.op === "test") {
    if (!equal(get(doc, op.path), op.value)) throw new Error(`test failed at ${op.path}`)
    return doc
  }
  if (op.op === "move" || op.op === "copy") {
    const moved = value(get(doc, op.from))
    const rest = op.op === "move" ? applyOp(doc, { op: "remove", path: op.from }) : doc
    return applyOp(rest, { op: "add", path: op.path, value: moved })
  }
  if (path.length === 0) {
    if (op.op === "remove") return undefined
    return value(op.value)
  }
  const parent = get(doc, `/${path.slice(0, -1).map((t) => t.replaceAll("~", "~0").replaceAll("/", "~1")).join("/")}`.replace(/^\/$/, ""))
  const last = path[path.length - 1]
  if (parent === null || typeof parent !== "object") throw new Error(`no container at ${op.path}`)
  if (Array.isArray(parent)) {
    const i = last === "-" ? parent.length : Number(last)
    if (!Number.isInteger(i) || i < 0 || i > parent.length || (op.op !== "add" && i >= parent.length)) throw new Error(`bad index at ${op.path}`)
    if (op.op === "add") parent.splice(i, 0, value(op.value))
    else if (op.op === "remove") parent.splice(i, 1)
    else if (op.op === "replace") parent[i] = value(op.value)
    else throw new Error(`unknown op ${op.op}`)
  } else {
    if (op.op !== "add" && !Object.hasOwn(parent, last)) throw new Error(`no value at ${op.path}`)
    if (op.op === "add" || op.op === "replace") parent[last] = value(op.value)
    else if (op.op === "remove") delete parent[last]
    else throw new Error(`unknown op ${op.op}`)
  }
  return doc
}
const applyPatch = (doc, patch) => patch.reduce((d, op) => applyOp(d, op), doc === undefined ? undefined : structuredClone(doc))
const isBaseline = (patch) => patch.length > 0 && patch[0].path === "" && (patch[0].op === "add" || patch[0].op === "replace")

const args = process.argv.slice(2)
const headAt = args.indexOf("--head")
const headArg = headAt >= 0 ? args[headAt + 1] : undefined
const file = args.find((a, i) => (a === "-" || !a.startsWith("--")) && (headAt < 0 || i !== headAt + 1))
if (file === undefined || args.includes("--help")) {
  console.error("usage: localrights-verify-log <log.jsonl | -> [--head <seq>:<chain>]")
  process.exit(2)
}

const input = file === "-" ? process.stdin : createReadStream(file, "utf8")
input.on("error", (e) => {
  console.error(`cannot read ${file}: ${e.message}`)
  process.exit(2)
})
const lines = createInterface({ input, crlfDelay: Infinity })
const docs = new Map()
let head = undefined
let n = 0
let lineNo = 0
const broken = (record, check, text) => {
  const at = record === undefined ? "" : ` #${record.seq} ${record.entity} ${record.id} v${record.version}`
  console.log(`broken at line ${lineNo}${at}: ${check}: ${text}`)
  process.exit(1)
}
for await (const line of lines) {
  lineNo++
  if (line.trim() === "") continue
  let r
  try {
    r = JSON.parse(line)
  } catch (e) {
    console.error(`line ${lineNo} is not JSON: ${e.message}`)
    process.exit(2)
  }
  const expected = (head?.seq ?? 0) + 1
  if (r.seq !== expected) broken(r, "seq", `expected #${expected}: a record is missing or out of order`)
  if (sha256(canonical(hashedContent(r))) !== r.hash) broken(r, "record-hash", "the record does not match its hash: it was altered")
  if (sha256(canonical({ chain: head?.chain ?? null, hash: r.hash, seq: r.seq })) !== r.chain) broken(r, "chain", "the record does not follow the chain")
  const key = `${r.entity}\u0000${r.id}`
  const last = docs.get(key)
  if (r.version !== (last?.version ?? 0) + 1) broken(r, "version", `does not follow v${last?.version ?? 0}`)
  if (r.previous !== last?.hash) broken(r, "previous", "does not link to the document's previous record")
  let form = undefined
  let known = false
  if (Array.isArray(r.patch) && (last?.known === true || isBaseline(r.patch))) {
    try {
      form = applyPatch(last?.form, r.patch)
    } catch (e) {
      broken(r, "patch", `the patch does not apply: ${e.message}`)
    }
    if (r.dataHash !== undefined && sha256(canonical(form)) !== r.dataHash) broken(r, "patch", "the patch does not lead to the data hash")
    known = true
  }
  docs.set(key, { version: r.version, hash: r.hash, form, known })
  head = { seq: r.seq, chain: r.chain }
  n++
}
if (headArg !== undefined) {
  const [seq, chain] = headArg.split(":")
  if (head?.seq !== Number(seq) || head?.chain !== chain) {
    console.log(`broken: the log ends at #${head?.seq ?? 0} ${head?.chain ?? "(empty)"}, not at the expected head #${seq} ${chain}`)
    process.exit(1)
  }
}
console.log(`ok: ${n} records of ${docs.size} documents; head #${head?.seq ?? 0} ${head?.chain ?? "(empty)"}`)
