/**
 * `pnpm bench [ID ...]`: runs every measure in bench/measures (or the ids given) and writes
 * bench/results/latest.json as a list of { id, name, value, unit, baseline, ratio }.
 */
import * as fs from "node:fs"
import * as path from "node:path"
import type { Measure } from "./Measure.ts"

const dir = path.join(import.meta.dirname, "measures")
const only = new Set(process.argv.slice(2).map((s) => s.toUpperCase()))
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".ts")).sort()
const rows: Array<Record<string, unknown>> = []
for (const file of files) {
  const { measure } = (await import(path.join(dir, file))) as { measure: Measure }
  if (only.size > 0 && !only.has(measure.id.toUpperCase())) continue
  process.stdout.write(`${measure.id} ${measure.name} ... `)
  const r = await measure.run()
  const ratio = r.baseline === null || r.baseline === 0 ? null : r.value / r.baseline
  rows.push({
    id: measure.id,
    name: measure.name,
    value: Number(r.value.toPrecision(6)),
    unit: measure.unit,
    baseline: r.baseline === null ? null : Number(r.baseline.toPrecision(6)),
    baselineName: r.baselineName ?? null,
    ratio: ratio === null ? null : Number(ratio.toFixed(3)),
    better: measure.better,
    goal: measure.goal,
    ...(r.details ? { details: r.details } : {})
  })
  console.log(`${r.value.toPrecision(4)} ${measure.unit}${ratio === null ? "" : ` (ratio ${ratio.toFixed(2)} vs ${r.baselineName})`}; goal ${measure.goal}`)
}
const out = path.join(import.meta.dirname, "results")
fs.mkdirSync(out, { recursive: true })
// Keep results of measures not run this time, so `pnpm bench P5` does not erase P4.
const file = path.join(out, "latest.json")
const previous: Array<Record<string, unknown>> = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : []
const merged = [...previous.filter((p) => !rows.some((r) => r["id"] === p["id"])), ...rows]
  .sort((a, b) => String(a["id"]).localeCompare(String(b["id"])))
fs.writeFileSync(file, JSON.stringify(merged, null, 2) + "\n")
console.log(`wrote ${path.relative(process.cwd(), file)}`)
