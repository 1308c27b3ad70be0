/**
 * P4: decoding partnership records (JSON objects, as from a store or an HTTP body) into the
 * domain, through the public `Validation.decoderExit`, versus Zod 4 validating the same records
 * with the same rules (id patterns, code lists, SDG target belongs to goal, unique tags, no
 * unknown fields). Goal: median ratio >= 1.5.
 *
 * Rounds (default 10): decode and Zod alternate (A B, B A, …), each timed for 500 ms (times
 * `BENCH_SCALE`, at least 100 ms) after 1 s of warm-up; the ratio is taken per round, on CPU
 * time (the wall-clock ratio is given next to it).
 */
import { Country, Partnership, Sdg, Validation } from "@localrights/core"
import { IcldCohort2020 } from "@localrights/core/examples"
import { Exit, Schema } from "effect"
import { z } from "zod"
import { compareOps, type Measure } from "../Measure.ts"
import { median } from "../lib/stats.ts"

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/)
const text = z.string().min(1)
const localized = z.strictObject({ sv: text.optional(), en: text.optional() }).refine((t) => Object.keys(t).length > 0)
const targetCodes = new Set(Sdg.targets.map((t) => t.code as string))
const countries = new Set(Country.codes as ReadonlyArray<string>)
const tag = z.strictObject({
  goal: z.int().min(1).max(17),
  target: z.string().refine((c) => targetCodes.has(c)).optional(),
  significance: z.enum(["principal", "significant"])
}).refine((t) => t.target === undefined || Sdg.target(t.target)?.goal === t.goal)
export const zodPartnership = z.strictObject({
  id,
  programme: id,
  title: localized,
  swedishPartner: id,
  internationalPartner: id.optional(),
  partnerCountry: z.string().refine((c) => countries.has(c)).optional(),
  associates: z.array(z.strictObject({
    organisation: id,
    role: z.enum(["university", "civil-society", "expert", "other"]),
    description: localized.optional()
  })),
  network: id.optional(),
  status: z.enum(Partnership.Status.literals),
  implementationYear: z.int().min(1).max(10).optional(),
  projectArea: localized.optional(),
  theme: localized.optional(),
  focusAreas: z.array(z.enum(["accessibility", "gender-equality", "culture", "young-people", "minorities", "technical-administration"])),
  sdgTags: z.array(tag).refine((tags) => new Set(tags.map((t) => t.target ?? String(t.goal))).size === tags.length),
  description: localized.optional(),
  goals: z.array(localized),
  decisions: z.array(z.strictObject({
    gate: z.enum(["application-assessment", "preparation-budget", "project-plan-assessment", "full-budget"]),
    outcome: z.enum(["approved", "refused"]),
    decidedBy: z.string().regex(/^\S(.{0,126}\S)?$/),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    evidence: z.discriminatedUnion("_tag", [
      z.strictObject({ _tag: z.literal("Assessments"), framework: z.strictObject({ id, version: z.int().min(1) }), assessments: z.array(id).min(1), verdict: z.enum(["pass", "revise", "fail"]) }),
      z.strictObject({ _tag: z.literal("BudgetEvaluation"), budget: id, budgetVersion: z.int().min(1), rules: id, rulesRevision: z.int().min(1), passed: z.boolean(), violations: z.int().min(0) }),
      z.strictObject({ _tag: z.literal("Override"), justification: localized })
    ]),
    note: localized.optional()
  }).refine((d) => {
    const e = d.evidence
    if (e._tag === "Override") return true
    const assessment = d.gate === "application-assessment" || d.gate === "project-plan-assessment"
    if ((e._tag === "Assessments") !== assessment) return false
    return (e._tag === "Assessments" ? e.verdict === "pass" : e.passed) === (d.outcome === "approved")
  })),
  version: z.int().min(0)
}).superRefine((p, ctx) => {
  // the same invariants as Partnership.invariants
  const at = Partnership.progress(p.status)
  const reached = (n: number) => at !== undefined && at >= n
  const approved = (gate: string) => {
    for (let i = p.decisions.length - 1; i >= 0; i--) if (p.decisions[i]!.gate === gate) return p.decisions[i]!.outcome === "approved"
    return false
  }
  const fail = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message })
  if (reached(2) && p.network === undefined) fail("network", "network-when-admitted")
  if (reached(2) && !approved("application-assessment")) fail("decisions", "approved-application-assessment")
  if (reached(3) && (p.internationalPartner === undefined || p.partnerCountry === undefined)) fail("internationalPartner", "international-partner-when-matched")
  if (at !== undefined && !reached(2) && p.network !== undefined) fail("network", "network-from-admission")
  if (at !== undefined && !reached(3) && p.internationalPartner !== undefined) fail("internationalPartner", "partner-from-matching")
  if (p.partnerCountry !== undefined && p.internationalPartner === undefined && !reached(3)) fail("partnerCountry", "partner-country-with-partner")
  if (reached(4) && !approved("preparation-budget")) fail("decisions", "approved-preparation-budget")
  if (reached(5)) {
    if (!approved("project-plan-assessment")) fail("decisions", "approved-project-plan-assessment")
    if (!approved("full-budget")) fail("decisions", "approved-full-budget")
    if (p.implementationYear === undefined) fail("implementationYear", "implementation-year-when-implementing")
  } else if (at !== undefined && p.implementationYear !== undefined) fail("implementationYear", "implementation-year-when-implementing")
  if (p.status === "rejected" && (p.network !== undefined || p.internationalPartner !== undefined || p.implementationYear !== undefined)) fail("status", "rejected-before-admission")
})

const base = Schema.encodeSync(Partnership.Partnership)(IcldCohort2020.lundFrancistown)
// consistent records in the first six statuses: what each status needs (network, partner,
// the decisions of the gates passed, an implementation year)
export const records = Array.from({ length: 1000 }, (_, i) => {
  const status = Partnership.Status.literals[i % 6]!
  const at = i % 6
  return {
    ...base,
    id: `p-${i}`,
    status,
    version: i % 7,
    ...(at >= 2 ? { network: `net-${i % 4}` } : {}),
    ...(at >= 3 ? { partnerCountry: ["BW", "ZA", "ZM"][i % 3], internationalPartner: `intl-${i}` } : {}),
    ...(at >= 5 ? { implementationYear: 1 + (i % 3) } : {}),
    focusAreas: [["accessibility", "culture", "minorities"][i % 3]],
    sdgTags: [{ goal: 10, significance: "principal" }, { goal: 16, target: "16.7", significance: "significant" }],
    decisions: Partnership.gatesPassed(status).map((gate) => ({
      gate,
      outcome: "approved",
      decidedBy: "icld",
      date: "2020-12-10",
      evidence: { _tag: "Override", justification: { en: "decided outside the system" } }
    }))
  }
})

export const decode = Validation.decoderExit(Partnership.Partnership, "Partnership")

export const measure: Measure = {
  id: "P4",
  name: "domain decode of partnership records vs Zod 4",
  run: async ({ rounds = 10, scale }) => {
    // both must accept every record, or the comparison is meaningless
    for (const r of records) {
      if (!Exit.isSuccess(decode(r))) throw new Error(`Effect refused ${r.id}`)
      if (!zodPartnership.safeParse(r).success) throw new Error(`Zod refused ${r.id}`)
    }
    let i = 0
    let j = 0
    const subject = () => {
      decode(records[i++ % records.length])
    }
    const baseline = () => {
      zodPartnership.safeParse(records[j++ % records.length])
    }
    const ms = Math.max(100, 500 * scale)
    const r = await compareOps(subject, baseline, { rounds, ms })
    return {
      figures: [
        { name: "ratio decode / zod", unit: "×", better: "higher", rounds: r.ratio, goals: [{ on: "median", op: ">=", bound: 1.5 }] },
        { name: "ratio, wall clock", unit: "×", better: "higher", rounds: r.wallRatio },
        { name: "decode (Validation.decoderExit)", unit: "records/s", better: "higher", rounds: r.subject.cpu },
        { name: "zod 4 safeParse", unit: "records/s", better: "higher", rounds: r.baseline.cpu }
      ],
      details: {
        records: records.length,
        msPerSide: ms,
        baseline: "zod 4 safeParse with the same rules",
        clock: "records per CPU second of the process (process.cpuUsage)",
        decodeWallRecordsPerSecond: Math.round(median(r.subject.wall)),
        zodWallRecordsPerSecond: Math.round(median(r.baseline.wall))
      }
    }
  }
}
