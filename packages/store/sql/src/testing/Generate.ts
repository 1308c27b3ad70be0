/**
 * Random but valid partnerships and catalogue queries for property tests and benchmarks, from a
 * seeded generator: the same seed gives the same data, so a failing case can be replayed.
 *
 * @since 0.1.0
 */
import { ChangeLog, Network, Organisation, Partnership, Programme } from "@localrights/core"
import type { CalendarDate, Catalogue, Country, DocumentStore, EntityStore, Ids, Sdg } from "@localrights/core"
import { IcldCohort2020 } from "@localrights/core/examples"
import { Effect } from "effect"

const statuses: ReadonlyArray<Partnership.Status> = [
  "interest-registered", "applied", "admitted", "matched", "preparation", "implementation", "concluded", "closed", "withdrawn", "rejected"
]
const countries = ["BW", "ZA", "ZM", "KE", "TZ"] as unknown as ReadonlyArray<Country.CountryCode>
const focus: ReadonlyArray<Programme.FocusArea> = ["accessibility", "gender-equality", "culture", "young-people", "minorities", "technical-administration"]
const tags: ReadonlyArray<Sdg.Tag> = [
  { goal: 10 as Sdg.GoalNumber, significance: "principal" },
  { goal: 10 as Sdg.GoalNumber, target: "10.2" as Sdg.TargetCode, significance: "significant" },
  { goal: 5 as Sdg.GoalNumber, significance: "significant" },
  { goal: 16 as Sdg.GoalNumber, target: "16.7" as Sdg.TargetCode, significance: "principal" },
  { goal: 16 as Sdg.GoalNumber, target: "16.b" as Sdg.TargetCode, significance: "significant" },
  { goal: 11 as Sdg.GoalNumber, significance: "principal" }
]
const words = [
  "Delaktighet", "unga", "Tillgänglig", "kollektivtrafik", "Jämställd", "budgetering", "Minoriteters", "rättigheter",
  "Kultur", "för", "alla", "Inkluderande", "ledarskap", "ÖPPENHET", "Participation", "young", "people", "Accessible",
  "transport", "Gender", "budgeting", "Rights", "minorities", "Culture", "everyone", "Inclusive", "leadership", "Zürich",
  "école", "Łódź", "a", "b", "ab"
]

/** A tiny seeded pseudo-random generator (mulberry32). */
const random = (seed: number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A random choice source.
 *
 * @category models
 * @since 0.1.0
 */
export interface Source {
  /** An integer from 0 to n - 1. */
  readonly int: (n: number) => number
}

/**
 * A seeded source: the same seed gives the same sequence.
 *
 * @category constructors
 * @since 0.1.0
 */
export const seeded = (seed: number): Source => {
  const next = random(seed)
  return { int: (n) => Math.floor(next() * n) }
}

const pick = <A>(s: Source, xs: ReadonlyArray<A>): A => xs[s.int(xs.length)]!
const phrase = (s: Source) => Array.from({ length: 1 + s.int(4) }, () => pick(s, words)).join(" ")
const subset = <A>(s: Source, xs: ReadonlyArray<A>, max: number) => {
  const out: Array<A> = []
  for (const x of xs) if (out.length < max && s.int(3) === 0) out.push(x)
  return out
}

/**
 * One random, valid partnership with the given id, in one of `programmes` programmes and
 * `networks` networks (ids prefixed with `prefix`).
 *
 * @category constructors
 * @since 0.1.0
 */
export const partnership = (s: Source, id: string, prefix: string, programmes = 3, networks = 4): Partnership.Partnership => {
  const title = s.int(5) === 0 ? { en: phrase(s) } : s.int(6) === 0 ? { sv: phrase(s) } : { sv: phrase(s), en: phrase(s) }
  const country = s.int(4) === 0 ? undefined : pick(s, countries)
  const programme = s.int(programmes)
  // network n belongs to programme n % programmes (see `references`)
  const network = s.int(3) === 0
    ? undefined
    : `${prefix}net${programme + programmes * s.int(Math.max(1, Math.ceil((networks - programme) / programmes)))}` as Ids.NetworkId
  const status = pick(s, statuses)
  // consistent with the lifecycle: what each status needs (Partnership.invariants)
  const at = Partnership.progress(status) ?? (status === "withdrawn" ? s.int(6) : 0)
  const decisions = Partnership.gatesPassed(Partnership.mainPath[at]!).map(override)
  // a network from admission on, a partner from matching on (a withdrawn one: as far as it got)
  const withNetwork = at >= 2 ? network ?? (`${prefix}net${programme}` as Ids.NetworkId) : undefined
  const partnerCountry: Country.CountryCode | undefined = at >= 3 ? country ?? ("BW" as Country.CountryCode) : undefined
  return new Partnership.Partnership({
    id: id as Ids.PartnershipId,
    programme: `${prefix}prog${programme}` as Ids.ProgrammeId,
    title,
    swedishPartner: `${prefix}org${s.int(50)}` as Ids.OrganisationId,
    associates: [],
    focusAreas: subset(s, focus, 2),
    sdgTags: subset(s, tags, 3),
    goals: [],
    decisions,
    ...(s.int(3) === 0 ? { description: { sv: phrase(s), en: phrase(s) } } : {}),
    ...(s.int(4) === 0 ? { theme: { en: phrase(s) } } : {}),
    ...(s.int(4) === 0 ? { projectArea: { sv: phrase(s) } } : {}),
    version: 0,
    status,
    ...(withNetwork !== undefined ? { network: withNetwork } : {}),
    ...(partnerCountry !== undefined ? { partnerCountry, internationalPartner: `${prefix}intl-${partnerCountry}` as Ids.OrganisationId } : {}),
    // concluded and closed after the programme's three implementation years
    ...(at >= 5 ? { implementationYear: at >= 6 && status !== "withdrawn" ? 3 : 1 } : {})
  })
}

const override = (gate: Partnership.Gate): Partnership.Decision => ({
  gate,
  outcome: "approved",
  decidedBy: "generator" as Ids.ActorId,
  date: "2020-12-10" as CalendarDate.CalendarDate,
  evidence: { _tag: "Override", justification: { en: "generated test data" } }
})

/**
 * A random catalogue query over partnerships made by {@link partnership} with `prefix`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const query = (s: Source, prefix: string): Catalogue.Query => {
  const q: { -readonly [K in keyof Catalogue.Query]: Catalogue.Query[K] } = {}
  if (s.int(3) === 0) q.status = subset(s, statuses, 3)
  if (s.int(3) === 0) q.programme = `${prefix}prog${s.int(3)}` as Ids.ProgrammeId
  if (s.int(4) === 0) q.network = `${prefix}net${s.int(4)}` as Ids.NetworkId
  // one of the 50 Swedish partners of `partnership`, or one that has none
  if (s.int(5) === 0) q.swedishPartner = `${prefix}org${s.int(52)}` as Ids.OrganisationId
  if (s.int(4) === 0) q.country = pick(s, countries)
  if (s.int(5) === 0) q.sdgGoal = pick(s, tags).goal
  if (s.int(6) === 0) q.sdgTarget = pick(s, ["10.2", "16.7", "16.b"]) as Sdg.TargetCode
  if (s.int(5) === 0) q.focusArea = pick(s, focus)
  if (s.int(3) === 0) q.text = s.int(4) === 0 ? pick(s, ["  ", "LÓDZ", "rättig", "öppen", "a b", "ECOLE  zurich"]) : phrase(s).slice(0, 3 + s.int(8))
  if (s.int(2) === 0) q.sort = pick(s, ["id", "title-sv", "title-en"] as const)
  if (s.int(2) === 0) q.limit = 1 + s.int(30)
  return q
}

/**
 * The programmes, organisations and networks that partnerships made by {@link partnership}
 * with `prefix` name, so that they pass `Integrity.check`: `programmes` programmes accepting
 * every focus area and partner country used, the 50 Swedish municipalities, one international
 * municipality per country, and network n in programme n % programmes.
 *
 * @category constructors
 * @since 0.2.0
 */
export const references = (prefix: string, programmes = 3, networks = 4) => ({
  programmes: Array.from({ length: programmes }, (_, i) =>
    new Programme.Programme({
      ...IcldCohort2020.programme,
      id: `${prefix}prog${i}` as Ids.ProgrammeId,
      networkSize: { min: 1, max: 1_000_000 },
      eligiblePartnerCountries: [...countries],
      focusAreas: [...focus]
    })),
  organisations: [
    ...Array.from({ length: 50 }, (_, i) =>
      new Organisation.Organisation({ ...IcldCohort2020.swedishMunicipalities[0]!, id: `${prefix}org${i}` as Ids.OrganisationId })),
    ...countries.map((country) =>
      new Organisation.Organisation({ ...IcldCohort2020.francistown, id: `${prefix}intl-${country}` as Ids.OrganisationId, country }))
  ],
  networks: Array.from({ length: networks }, (_, n) =>
    new Network.Network({ ...IcldCohort2020.network, id: `${prefix}net${n}` as Ids.NetworkId, programme: `${prefix}prog${n % programmes}` as Ids.ProgrammeId }))
})

/**
 * Stores {@link references} (with `ensure`: running it again changes nothing).
 *
 * @category constructors
 * @since 0.2.0
 */
export const storeReferences = (
  prefix: string,
  programmes = 3,
  networks = 4
): Effect.Effect<void, EntityStore.EnsureRefused | DocumentStore.StoreError, Programme.Store | Organisation.Store | Network.Store> =>
  Effect.gen(function*() {
    const refs = references(prefix, programmes, networks)
    const change = ChangeLog.change("generator", "references of generated partnerships")
    const programmeStore = yield* Programme.Store
    for (const p of refs.programmes) yield* programmeStore.ensure(p, change)
    const organisationStore = yield* Organisation.Store
    for (const o of refs.organisations) yield* organisationStore.ensure(o, change)
    const networkStore = yield* Network.Store
    for (const n of refs.networks) yield* networkStore.ensure(n, change)
  })
