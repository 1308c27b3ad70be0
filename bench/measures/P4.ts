/**
 * P4: decoding partnership records (JSON objects, as from a store or an HTTP body) into the
 * domain, through the public `Validation.decoderExit`, versus Zod 4 validating the same records
 * with the same rules (id patterns, code lists, SDG target belongs to goal, unique tags, no
 * unknown fields). Goal: ratio >= 1.0.
 */
import { Country, Partnership, Sdg, Validation } from "@localrights/core"
import { IcldCohort2020 } from "@localrights/core/examples"
import { Exit, Schema } from "effect"
import { z } from "zod"
import { compare, type Measure } from "../Measure.ts"

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
const zodPartnership = z.strictObject({
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
    reference: text.optional(),
    note: localized.optional()
  })),
  version: z.int().min(0)
})

const base = Schema.encodeSync(Partnership.Partnership)(IcldCohort2020.lundFrancistown)
const records = Array.from({ length: 1000 }, (_, i) => ({
  ...base,
  id: `p-${i}`,
  status: Partnership.Status.literals[i % 6],
  version: i % 7,
  ...(i % 2 === 0 ? { partnerCountry: ["BW", "ZA", "ZM"][i % 3], internationalPartner: `intl-${i}` } : {}),
  focusAreas: [["accessibility", "culture", "minorities"][i % 3]],
  sdgTags: [{ goal: 10, significance: "principal" }, { goal: 16, target: "16.7", significance: "significant" }],
  decisions: [{ gate: "application-assessment", outcome: "approved", decidedBy: "icld", date: "2020-12-10" }]
}))

const decode = Validation.decoderExit(Partnership.Partnership, "Partnership")

export const measure: Measure = {
  id: "P4",
  name: "domain decode of partnership records vs Zod 4",
  unit: "records/s",
  better: "higher",
  goal: "ratio >= 1.0",
  run: async () => {
    // both must accept every record, or the comparison is meaningless
    for (const r of records) {
      if (!Exit.isSuccess(decode(r))) throw new Error(`Effect refused ${r.id}`)
      if (!zodPartnership.safeParse(r).success) throw new Error(`Zod refused ${r.id}`)
    }
    let i = 0
    let j = 0
    const result = compare(
      () => {
        decode(records[i++ % records.length])
      },
      () => {
        zodPartnership.safeParse(records[j++ % records.length])
      }
    )
    return { ...result, baselineName: "zod 4 safeParse", details: { records: records.length } }
  }
}
