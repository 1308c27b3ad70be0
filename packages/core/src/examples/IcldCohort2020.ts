/**
 * ICLD's *Kommunala partnerskap för mänskliga rättigheter* as the public sources give it
 * (announced 1 September 2020; cohort announced 10 December 2020). Nothing beyond the sources
 * is filled in: unknown facts are absent and listed in {@link unknowns}.
 *
 * **Details**
 *
 * Sources: ICLD/SKR MR-bloggen (autumn 2020), ICLD press release of 10 December 2020, ICLD's
 * project page "Lund and Francistown, Botswana". ICLD's card spells the partner
 * "Franscistown City Council"; the city is Francistown.
 *
 * @module
 * @since 0.1.0
 */
import { Effect } from "effect"
import * as ChangeLog from "../ChangeLog.ts"
import * as Seed from "../internal/Seed.ts"
import * as Network from "../partnership/Network.ts"
import * as Organisation from "../partnership/Organisation.ts"
import * as Partnership from "../partnership/Partnership.ts"
import * as Partnerships from "../partnership/Partnerships.ts"
import * as Programme from "../partnership/Programme.ts"

type Organisation = Organisation.Organisation

const org = (id: string, kind: Organisation["kind"], sv: string, en: string, country: "SE" | "BW") =>
  Seed.value(Organisation.make({ id, kind, name: { sv, en }, country }))

/**
 * International Centre for Local Democracy, the organiser.
 *
 * @category models
 * @since 0.1.0
 */
export const icld = org("icld", "agency", "Internationellt Centrum för Lokal Demokrati", "International Centre for Local Democracy", "SE")

/**
 * The six Swedish municipalities admitted by 10 December 2020.
 *
 * @category models
 * @since 0.1.0
 */
export const swedishMunicipalities: ReadonlyArray<Organisation> = [
  org("falun", "municipality", "Falu kommun", "Falun Municipality", "SE"),
  org("bollnas", "municipality", "Bollnäs kommun", "Bollnäs Municipality", "SE"),
  org("ovanaker", "municipality", "Ovanåkers kommun", "Ovanåker Municipality", "SE"),
  org("kungsor", "municipality", "Kungsörs kommun", "Kungsör Municipality", "SE"),
  org("pitea", "municipality", "Piteå kommun", "Piteå Municipality", "SE"),
  org("lund", "municipality", "Lunds kommun", "Lund Municipality", "SE")
]

/**
 * Lund's international partner.
 *
 * @category models
 * @since 0.1.0
 */
export const francistown = org("francistown", "international-municipality", "Francistown City Council", "Francistown City Council", "BW")

/**
 * Organisations named in Lund's project description as support: Lund University, the Raoul
 * Wallenberg Institute, and the University of Botswana (campus in Francistown).
 *
 * @category models
 * @since 0.1.0
 */
export const lundSupport: ReadonlyArray<Organisation> = [
  org("lund-university", "university", "Lunds universitet", "Lund University", "SE"),
  org("rwi", "agency", "Raoul Wallenberginstitutet för mänskliga rättigheter och humanitär rätt", "Raoul Wallenberg Institute of Human Rights and Humanitarian Law", "SE"),
  org("university-of-botswana", "university", "Botswanas universitet", "University of Botswana", "BW")
]

/**
 * Every organisation of the example.
 *
 * @category models
 * @since 0.1.0
 */
export const organisations: ReadonlyArray<Organisation> = [icld, ...swedishMunicipalities, francistown, ...lundSupport]

/**
 * The programme. Network size: the 2020 announcement speaks of three to four municipalities
 * per network, the December cohort placed eight in one network, so the maximum is 8.
 *
 * @category models
 * @since 0.1.0
 */
export const programme: Programme.Programme = Seed.value(Programme.make({
  id: "icld-mr-2020",
  organiser: icld.id,
  kind: "municipal-partnership",
  name: { sv: "Kommunala partnerskap för mänskliga rättigheter", en: "Municipal Partnerships for Human Rights" },
  description: {
    sv: "Svenska kommuner och regioner arbetar tre år med varsin internationell partner i ett nätverk, efter ett förberedelseår, för att systematiskt integrera mänskliga rättigheter.",
    en: "Swedish municipalities and regions work for three years with an international partner each, in a network, after a preparation year, to integrate human rights systematically."
  },
  announced: "2020-09-01",
  phases: { preparationYears: 1, implementationYears: 3 },
  eligibleSwedishPartnerKinds: ["municipality", "region"],
  eligiblePartnerCountries: ["ZA", "BW", "ZM"],
  associateKinds: ["university", "civil-society"],
  networkSize: { min: 3, max: 8 },
  focusAreas: Programme.FocusArea.values,
  fundingRuleSet: "icld-mr-2020",
  criteriaFrameworks: ["skr-rights-based", "panel"]
}))

/**
 * The network of the 2020 cohort, with the two municipalities still expected on 10 December 2020.
 *
 * @category models
 * @since 0.1.0
 */
export const network: Network.Network = Seed.value(Network.make({
  id: "icld-mr-2020-network",
  programme: programme.id,
  name: { sv: "Nätverket Kommunala partnerskap för mänskliga rättigheter 2020", en: "Municipal Partnerships for Human Rights network 2020" },
  started: "2020-12-10",
  expected: [
    { note: { sv: "Ytterligare en svensk kommun väntades bli klar inom kort (okänd).", en: "One more Swedish municipality was expected shortly (unknown)." } },
    { note: { sv: "Ytterligare en svensk kommun väntades bli klar inom kort (okänd).", en: "One more Swedish municipality was expected shortly (unknown)." } }
  ]
}))

const admissionDecision = {
  gate: "application-assessment",
  outcome: "approved",
  decidedBy: "icld",
  date: "2020-12-10",
  evidence: {
    _tag: "Override",
    justification: {
      sv: "ICLD:s pressmeddelande 2020-12-10: ansökningarna inlämnade och antagna till nätverket",
      en: "ICLD press release 2020-12-10: applications submitted and admitted to the network"
    }
  }
} as const

/**
 * Lund ↔ Francistown as registered interest: the facts of ICLD's project card. The demo walks
 * it through the lifecycle.
 *
 * @category models
 * @since 0.1.0
 */
export const lundFrancistown: Partnership.Partnership = Seed.value(Partnership.make({
  id: "lund-francistown",
  programme: programme.id,
  title: { sv: "Lund och Francistown, Botswana", en: "Lund and Francistown, Botswana" },
  swedishPartner: "lund",
  associates: [
    { organisation: "lund-university", role: "university" },
    { organisation: "rwi", role: "expert" },
    { organisation: "university-of-botswana", role: "university" }
  ],
  projectArea: { en: "Inclusive leadership and governance" },
  theme: { en: "Human Rights" },
  sdgTags: [{ goal: 10, significance: "principal" }],
  description: {
    en: "Lund, Sweden's first human-rights city (council decision 2018), and Francistown City Council work on inclusive leadership and governance: new structures, processes, methods of evaluation and steering documents for sustainable change."
  }
}))

/**
 * The five other admitted municipalities, admitted to the network by 10 December 2020 and
 * matched with partners in South Africa, Botswana or Zambia whom the sources do not name: they
 * are stored as admitted, awaiting a known partner.
 *
 * @category models
 * @since 0.1.0
 */
export const admitted: ReadonlyArray<Partnership.Partnership> = swedishMunicipalities
  .filter((m) => m.id !== "lund")
  .map((m) =>
    Seed.value(Partnership.make({
      id: `${m.id}-mr-2020`,
      programme: programme.id,
      title: { sv: `${m.name.sv} – partner i Södra Afrika (okänd)`, en: `${m.name.en} – partner in Southern Africa (unknown)` },
      swedishPartner: m.id,
      theme: { en: "Human Rights" },
      status: "admitted",
      network: network.id,
      decisions: [admissionDecision]
    }))
  )

/**
 * What the sources leave unknown, in both languages.
 *
 * @category models
 * @since 0.1.0
 */
export const unknowns: ReadonlyArray<{ readonly sv: string; readonly en: string }> = [
  { sv: "Partnerkommunerna för Falun, Bollnäs, Ovanåker, Kungsör och Piteå namnges inte.", en: "The partner municipalities of Falun, Bollnäs, Ovanåker, Kungsör and Piteå are not named." },
  { sv: "De två kommuner som väntades tillkomma namnges inte.", en: "The two municipalities expected to join are not named." },
  { sv: "Projektområden och globala mål är bara kända för Lund.", en: "Project areas and global goals are known for Lund only." }
]

const source = "the ICLD 2020 sources"

/**
 * Stores the organisations, the programme, the network and the five admitted partnerships (Lund's
 * is left to the caller, to walk through the lifecycle), each with `ensure`: loading again
 * changes nothing.
 *
 * @category constructors
 * @since 0.1.0
 */
export const load = Effect.gen(function*() {
  yield* Seed.ensureAll(yield* Organisation.Store, organisations, source)
  yield* Seed.ensureAll(yield* Programme.Store, [programme], source)
  yield* Seed.ensureAll(yield* Network.Store, [network], source)
  for (const p of admitted) yield* Partnerships.establish(p, ChangeLog.change("icld", `seed: ${source}`))
})
