/**
 * Shared set-up of the store benchmarks (P1, P2, P3, P8): seeded partnerships as JSON Lines, and
 * the raw insert of the same rows the store writes (the baseline of P1 and P2).
 */
import { AuditLog, type ChangeLog, Partnership } from "@localrights/core"
import { Effect, Schema } from "effect"
import { SqlStores } from "../../packages/store/sql/src/index.ts"
import { nodeHashing } from "../../packages/store/sql/src/internal/hashing.ts"
import { indexRow } from "../../packages/store/sql/src/internal/partnershipIndex.ts"
import { Generate } from "../../packages/store/sql/src/testing/index.ts"

const encode = Schema.encodeSync(Partnership.Partnership)

/**
 * Stores the programmes, organisations and networks that {@link jsonLines} records with
 * `prefix` name (an import checks that they exist), through the stores over the `SqlClient` in
 * context. Not timed by the measures.
 */
export const storeReferences = (prefix = "bench-") =>
  Generate.storeReferences(prefix, 20, 200).pipe(Effect.provide(SqlStores.layer))

/** `n` seeded partnerships as JSON Lines (one string per line). */
export const jsonLines = (n: number, seed = 1, prefix = "bench-"): Array<string> => {
  const s = Generate.seeded(seed)
  const out: Array<string> = []
  for (let i = 0; i < n; i++) out.push(JSON.stringify(encode(Generate.partnership(s, `${prefix}${String(i).padStart(7, "0")}`, prefix, 20, 200))))
  return out
}

/** The rows the store writes for one partnership, precomputed: what a hand-written loader would insert. */
export interface RawRows {
  readonly id: string
  readonly data: string
  /** The change record's JSON without its patch, sealed as the store seals it (hashes, `seq`, `chain`). */
  readonly record: string
  /** The change record's columns beside it: its place in the log, its hash and its patch (the whole log form at creation). */
  readonly seq: number
  readonly hash: string
  readonly patch: string
  readonly index: ReturnType<typeof indexRow> & {}
}

/**
 * Precomputes {@link RawRows} from JSON Lines (outside the timed part of a baseline): the change
 * rows with the same functions the store's import uses (log form, canonical JSON, seal), so a
 * baseline writes rows of the same size as the store's.
 */
export const rawRows = (lines: ReadonlyArray<string>): Array<RawRows> => {
  const salt = nodeHashing.salt()
  const keys: AuditLog.Keys = { actorSalt: () => salt }
  const actorRef = AuditLog.commit(nodeHashing, salt, "bench")
  const at = new Date().toISOString()
  let head: AuditLog.Head | undefined
  return lines.map((line) => {
    const data = { ...JSON.parse(line), version: 1 }
    const text = AuditLog.canonical(AuditLog.logForm(nodeHashing, "partnership", data, keys))
    const patch = `[{"op":"add","path":"","value":${text}}]`
    const draft: ChangeLog.Draft = {
      entity: "partnership",
      id: data.id,
      version: 1,
      at,
      actor: "bench" as ChangeLog.Draft["actor"],
      command: "Import",
      reason: "bench",
      statusAfter: data.status,
      actorRef,
      dataHash: nodeHashing.sha256(text)
    }
    const sealed = AuditLog.seal(nodeHashing, draft, undefined, head, patch)
    head = { seq: sealed.seq, chain: sealed.chain }
    const { patch: _, ...record } = sealed
    return { id: data.id, data: JSON.stringify(data), record: JSON.stringify(record), seq: sealed.seq, hash: sealed.hash, patch, index: indexRow(data)! }
  })
}

/** Splits text into chunks as a file stream would deliver them. */
export const chunks = (lines: ReadonlyArray<string>, size = 64 * 1024): Array<string> => {
  const text = lines.join("\n") + "\n"
  const out: Array<string> = []
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size))
  return out
}

export { median, percentile } from "./stats.ts"
