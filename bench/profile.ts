/**
 * Runs one side of a measure alone under the V8 CPU profiler and prints where its time goes:
 *
 *   node --conditions=@localrights/source bench/profile.ts P4-decode [--top 30]
 *
 * The profile covers the target's work only (started and stopped through `node:inspector`
 * after the modules have loaded and the data is made, so start-up does not show), is written
 * to `out/profiles/<target>.cpuprofile` (open it in Chrome DevTools or summarise it again with
 * `node bench/lib/profile.ts FILE`, which also reads the files of `node --cpu-prof`), and is
 * summarised by self time per package, file and function.
 *
 * Targets: P1-store, P1-raw (the import of P1's rows through the store, and the raw inserts),
 * P4-decode, P4-zod. `BENCH_SCALE` sizes them as in the measures; each runs a few seconds.
 */
import { Exit } from "effect"
import * as fs from "node:fs"
import { Session } from "node:inspector/promises"
import * as path from "node:path"
import { render, summarise, type CpuProfile } from "./lib/profile.ts"
import { emptyDatabase, rawInsert, storeImport } from "./measures/P1.ts"
import { decode, records, zodPartnership } from "./measures/P4.ts"
import { scaled, scaleFrom } from "./lib/stats.ts"
import { chunks, jsonLines, rawRows } from "./lib/stores.ts"

const scale = scaleFrom(process.env["BENCH_SCALE"])
const loop = (fn: (i: number) => void, seconds: number) => {
  const until = performance.now() + seconds * 1000
  let i = 0
  while (performance.now() < until) for (let k = 0; k < 100; k++) fn(i++)
  return i
}

/** A target: its set-up (not profiled) returns the work to profile. */
const targets: Record<string, () => Promise<() => Promise<string>>> = {
  "P1-store": async () => {
    const n = scaled(50_000, scale, 1000)
    const input = chunks(jsonLines(n))
    // one import unprofiled, so the profile shows the warm code
    await storeImport(input, n)
    return async () => {
      const rates: Array<number> = []
      for (let i = 0; i < 3; i++) rates.push(Math.round((await storeImport(input, n)).cpu))
      return `store import of ${n} rows x3: ${rates.join(", ")} rows per CPU second`
    }
  },
  "P1-raw": async () => {
    const n = scaled(50_000, scale, 1000)
    const rows = rawRows(jsonLines(n))
    return async () => {
      const rates: Array<number> = []
      for (let i = 0; i < 3; i++) {
        const db = await emptyDatabase()
        rates.push(Math.round((await rawInsert(db, rows)).cpu))
        db.close()
      }
      return `raw inserts of ${n} rows x3: ${rates.join(", ")} rows per CPU second`
    }
  },
  "P4-decode": async () => {
    const one = (i: number) => {
      if (!Exit.isSuccess(decode(records[i % records.length]))) throw new Error("refused")
    }
    loop(one, 1)
    return async () => `${loop(one, 5 * Math.max(scale, 0.4))} decodes`
  },
  "P4-zod": async () => {
    const one = (i: number) => {
      if (!zodPartnership.safeParse(records[i % records.length]).success) throw new Error("refused")
    }
    loop(one, 1)
    return async () => `${loop(one, 5 * Math.max(scale, 0.4))} zod parses`
  }
}

const name = process.argv[2] ?? ""
const topAt = process.argv.indexOf("--top")
const top = topAt >= 0 ? Number(process.argv[topAt + 1]) : 30
const target = targets[name]
if (!target) {
  console.error(`usage: bench/profile.ts ${Object.keys(targets).join(" | ")} [--top N]`)
  process.exit(2)
}
const work = await target()
const session = new Session()
session.connect()
await session.post("Profiler.enable")
await session.post("Profiler.start")
const said = await work()
const { profile } = await session.post("Profiler.stop")
session.disconnect()
const dir = path.join(import.meta.dirname, "..", "out", "profiles")
fs.mkdirSync(dir, { recursive: true })
const file = path.join(dir, `${name}.cpuprofile`)
fs.writeFileSync(file, JSON.stringify(profile))
console.log(`${said}\nprofile: ${path.relative(process.cwd(), file)}\n`)
console.log(render(summarise(profile as unknown as CpuProfile), top))
