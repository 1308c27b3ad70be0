/**
 * The change log's hashing with `node:crypto`: the same SHA-256 and HMAC-SHA-256 as core's
 * portable `AuditLog.defaultHashing`, several times faster (the SQL stores run on Node only).
 *
 * `crypto.hash` is the one-shot SHA-256 (about 3× cheaper than `createHash` per call), and an
 * HMAC key is turned into a `KeyObject` once per salt: `createHmac` with a raw key buffer
 * spends most of its time importing the key (18.7 µs against 3.0 µs per call, profiled in
 * benchmark P1). The few salts of a run (one per actor, one per document with persons) are
 * kept, at most `maxKeys` of them.
 */
import type { AuditLog } from "@localrights/core"
import { createHmac, createSecretKey, hash, type KeyObject, randomBytes } from "node:crypto"

const maxKeys = 10_000
const keys = new Map<string, KeyObject>()
const keyOf = (keyHex: string): KeyObject => {
  let key = keys.get(keyHex)
  if (key === undefined) {
    if (keys.size >= maxKeys) keys.clear()
    key = createSecretKey(Buffer.from(keyHex, "hex"))
    keys.set(keyHex, key)
  }
  return key
}

export const nodeHashing: AuditLog.Hashing = {
  sha256: (text) => hash("sha256", text, "hex"),
  hmac: (keyHex, text) => createHmac("sha256", keyOf(keyHex)).update(text, "utf8").digest("hex"),
  salt: () => randomBytes(32).toString("hex")
}
