/**
 * Checking and exporting a store's change log: {@link verify} walks the whole log in `seq`
 * order and every document, and names the first record or document that does not match;
 * {@link exportLog} streams the log as JSON Lines with the hashes and no personal data, which
 * a third party checks with `npx localrights-verify-log log.jsonl` (or
 * `AuditLog.verifyLines`) and no access to the database.
 *
 * @module
 * @group Store
 * @since 0.2.0
 */
import { Effect, Option, Stream } from "effect"
import type * as ChangeLog from "../ChangeLog.ts"
import * as AuditLog from "./AuditLog.ts"
import { DocumentStore, type StoreError } from "./DocumentStore.ts"

/**
 * Options of {@link verify}.
 *
 * @category models
 * @since 0.2.0
 */
export interface VerifyOptions {
  /** Records read per page (default 1000). */
  readonly pageSize?: number | undefined
  /** Whether every patch is applied and checked against its `dataHash` (default true; memory: every document's log form). */
  readonly patches?: boolean | undefined
  /** The head a previous verification or export returned: the log must end there or later (it is checked when it is the end). */
  readonly expectedHead?: AuditLog.Head | undefined
}

/**
 * The whole change log, in `seq` order, page by page.
 *
 * @category constructors
 * @since 0.2.0
 */
export const records = (pageSize = 1000): Stream.Stream<ChangeLog.Encoded, StoreError, DocumentStore> =>
  Stream.unwrap(Effect.gen(function*() {
    const docs = yield* DocumentStore
    return Stream.paginate(0, (after: number) =>
      Effect.map(docs.log({ after, limit: pageSize }), (page) => {
        const last = page[page.length - 1]
        return [page, page.length < pageSize || last === undefined ? Option.none() : Option.some(last.seq)] as const
      }))
  }))

/**
 * Verifies the store's change log: every record's hash, its link to the previous record of its
 * document, the sequence (a missing number is a deleted record) and the chain, every patch
 * against its `dataHash`, then every document against its latest record (its data's log form,
 * its version) and every record's document. The first that does not match is the result's
 * failure, never an error.
 *
 * @example
 * ```ts
 * import { Audit, Stores } from "@localrights/core"
 * import { Effect } from "effect"
 * const program = Effect.map(Audit.verify(), (v) => (v._tag === "Verified" ? `ok, ${v.records} records` : v.failure.text.en))
 * Effect.runPromise(program.pipe(Effect.provide(Stores.layerMemory))).then(console.log)
 * ```
 *
 * @category services
 * @since 0.2.0
 */
export const verify = Effect.fn("Audit.verify")(function*(
  options: VerifyOptions = {}
): Effect.fn.Return<AuditLog.Verification, StoreError, DocumentStore> {
  const docs = yield* DocumentStore
  const hashing = docs.hashing ?? AuditLog.defaultHashing
  const verifier = new AuditLog.Verifier(hashing, { patches: options.patches !== false })
  const pageSize = Math.max(1, options.pageSize ?? 1000)
  let after = 0
  while (true) {
    const page = yield* docs.log({ after, limit: pageSize })
    for (const record of page) {
      const failed = verifier.push(record)
      if (failed !== undefined) return { _tag: "Broken", failure: failed }
    }
    if (page.length < pageSize) break
    after = page[page.length - 1]!.seq
  }
  for (const kind of yield* docs.kinds()) {
    let cursor: string | undefined = undefined
    while (true) {
      const list: ReadonlyArray<{ readonly id: string; readonly version: number; readonly data: unknown; readonly salt?: string | undefined }> =
        yield* docs.list(kind, { after: cursor, limit: pageSize })
      for (const doc of list) {
        const names = AuditLog.actorsIn(kind, doc.data)
        const salts = names.length === 0 ? new Map<string, string>() : yield* docs.actorSalts(names, false)
        let dataHash: string
        try {
          dataHash = hashing.sha256(AuditLog.canonical(AuditLog.logForm(hashing, kind, doc.data, { salt: doc.salt, actorSalt: (a) => salts.get(a) })))
        } catch {
          // a person without the document's salt, or an actor without a salt: not what was logged
          dataHash = ""
        }
        const failed = verifier.document(kind, doc.id, doc.version, dataHash)
        if (failed !== undefined) return { _tag: "Broken", failure: failed }
      }
      if (list.length < pageSize) break
      cursor = list[list.length - 1]!.id
    }
  }
  return verifier.finish({ expectedHead: options.expectedHead })
})

/**
 * The change log as JSON Lines, one record a line in `seq` order ({@link AuditLog.exportLine}:
 * the hashed content with `hash`, `seq` and `chain`, no clear actor), each line ending in `\n`.
 *
 * @category rendering
 * @since 0.2.0
 */
export const exportLog = (pageSize = 1000): Stream.Stream<string, StoreError, DocumentStore> =>
  Stream.map(records(pageSize), (r) => `${AuditLog.exportLine(r)}\n`)

/**
 * Pseudonymises an actor across the change log (see `DocumentStore.pseudonymise`); returns the
 * records rewritten. `PersonalData.erase` does it for a person who is also an actor.
 *
 * @category services
 * @since 0.2.0
 */
export const pseudonymise = Effect.fn("Audit.pseudonymise")(function*(
  actor: string,
  pseudonym: string
): Effect.fn.Return<number, StoreError, DocumentStore> {
  return yield* (yield* DocumentStore).pseudonymise(actor, pseudonym)
})
