/**
 * Shared set-up of the store benchmarks (P1, P2, P3, P8): seeded partnerships as JSON Lines, and
 * the raw insert of the same rows the store writes (the baseline of P1 and P2).
 */
import { Partnership } from "@localrights/core"
import { Effect, Schema } from "effect"
import { SqlStores } from "../../packages/store/sql/src/index.ts"
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
  readonly record: string
  readonly index: ReturnType<typeof indexRow> & {}
}

/** Precomputes {@link RawRows} from JSON Lines (outside the timed part of a baseline). */
export const rawRows = (lines: ReadonlyArray<string>): Array<RawRows> =>
  lines.map((line) => {
    const data = { ...JSON.parse(line), version: 1 }
    return {
      id: data.id,
      data: JSON.stringify(data),
      record: JSON.stringify({ entity: "partnership", id: data.id, version: 1, at: new Date().toISOString(), actor: "bench", command: "Import", reason: "bench", statusAfter: data.status }),
      index: indexRow(data)!
    }
  })

/** Splits text into chunks as a file stream would deliver them. */
export const chunks = (lines: ReadonlyArray<string>, size = 64 * 1024): Array<string> => {
  const text = lines.join("\n") + "\n"
  const out: Array<string> = []
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size))
  return out
}

export { median, percentile } from "./stats.ts"
