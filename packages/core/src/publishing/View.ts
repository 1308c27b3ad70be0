/**
 * View models: what a page, a report or an open-data file shows, as plain data built by pure
 * functions from the domain. Renderers (HTML, Markdown, CSV, IATI XML) turn a view into a
 * document; they never read the domain themselves, so every renderer shows the same facts.
 *
 * **Details**
 *
 * Texts stay {@link LocalizedText.LocalizedText} in the view: the renderer picks the language
 * and marks fallbacks. Organisations enter a view through {@link Organisation.toPublic}, and
 * only their public fields are copied: contact persons never reach a view.
 *
 * @module
 * @group Publishing
 * @since 0.1.0
 */
import { Effect } from "effect"
import * as Assessment from "../assessment/Assessment.ts"
import type * as Budget from "../funding/Budget.ts"
import type { CalendarDate } from "../CalendarDate.ts"
import * as CalendarEvent from "../programme-work/CalendarEvent.ts"
import type * as Catalogue from "../partnership/Catalogue.ts"
import * as CriteriaFramework from "../assessment/CriteriaFramework.ts"
import type * as DisbursementPlan from "../funding/Disbursement.ts"
import type * as Expenses from "../funding/Expenses.ts"
import * as FundingRuleSet from "../funding/FundingRuleSet.ts"
import * as Country from "../Country.ts"
import type { CountryCode } from "../Country.ts"
import type { NetworkId, OrganisationId, PartnershipId, ProgrammeId } from "../Ids.ts"
import type { LocalizedText } from "../LocalizedText.ts"
import * as Money from "../Money.ts"
import type { Network } from "../partnership/Network.ts"
import { Store as NetworkStore } from "../partnership/Network.ts"
import type { StoreError } from "../store/DocumentStore.ts"
import * as Organisation from "../partnership/Organisation.ts"
import * as Partnership from "../partnership/Partnership.ts"
import * as Programme from "../partnership/Programme.ts"
import * as Sdg from "../Sdg.ts"

/**
 * An organisation as public output shows it: no contact persons.
 *
 * @category models
 * @since 0.1.0
 */
export interface OrganisationView {
  /** The organisation's id. */
  readonly id: OrganisationId
  /** Its name. */
  readonly name: LocalizedText
  /** What kind of organisation it is. */
  readonly kind: Organisation.OrganisationKind | "unknown"
  /** Its country, when known. */
  readonly country?: CountryCode
  /** The country's name (English, from the IATI codelist). */
  readonly countryName?: LocalizedText
  /** Its IATI organisation identifier, when it has one. */
  readonly iati?: string
}

/**
 * A goal a partnership is tagged with: `10 – Minskad ojämlikhet` in both languages.
 *
 * @category models
 * @since 0.1.0
 */
export interface GoalView {
  /** The goal number. */
  readonly number: Sdg.GoalNumber
  /** Number and short name, `10 – Reduced inequalities`. */
  readonly label: LocalizedText
  /** The strongest significance among the tags on this goal and its targets. */
  readonly significance: Sdg.Significance
}

/**
 * A target a partnership is tagged with (English title: no Swedish target list exists).
 *
 * @category models
 * @since 0.1.0
 */
export interface TargetView {
  /** The target code, `10.2`. */
  readonly code: Sdg.TargetCode
  /** The goal it belongs to. */
  readonly goal: Sdg.GoalNumber
  /** Its title. */
  readonly title: LocalizedText
  /** How much the partnership works towards it. */
  readonly significance: Sdg.Significance
}

/**
 * An associate organisation with its role.
 *
 * @category models
 * @since 0.1.0
 */
export interface AssociateView {
  /** The organisation. */
  readonly organisation: OrganisationView
  /** Its role. */
  readonly role: LocalizedText
  /** What it does in the partnership. */
  readonly description?: LocalizedText
}

/**
 * A partnership's project card, with the fields ICLD publishes (project area, global goal with
 * number and name, theme, Swedish partner, international partner) and the rest that is public.
 *
 * @category models
 * @since 0.1.0
 */
export interface ProjectCard {
  /** Discriminator. */
  readonly _tag: "ProjectCard"
  /** The partnership id. */
  readonly id: PartnershipId
  /** The title. */
  readonly title: LocalizedText
  /** The programme, when known. */
  readonly programme?: { readonly id: ProgrammeId; readonly name: LocalizedText }
  /** The network, when the partnership has one. */
  readonly network?: { readonly id: NetworkId; readonly name: LocalizedText }
  /** The lifecycle status. */
  readonly status: Partnership.Status
  /** The status's name. */
  readonly statusName: LocalizedText
  /** The implementation year, during implementation. */
  readonly implementationYear?: number
  /** The project area. */
  readonly projectArea?: LocalizedText
  /** The theme. */
  readonly theme?: LocalizedText
  /** The description. */
  readonly description?: LocalizedText
  /** SDG goals (one per goal, also for goals tagged through a target only). */
  readonly goals: ReadonlyArray<GoalView>
  /** SDG targets. */
  readonly targets: ReadonlyArray<TargetView>
  /** The Swedish municipality or region. */
  readonly swedishPartner: OrganisationView
  /** The international partner, when known. */
  readonly internationalPartner?: OrganisationView
  /** The partner country, when known. */
  readonly partnerCountry?: { readonly code: CountryCode; readonly name: LocalizedText }
  /** Universities, civil society and experts taking part. */
  readonly associates: ReadonlyArray<AssociateView>
  /** The functional areas. */
  readonly focusAreas: ReadonlyArray<LocalizedText>
  /** The project's own goals. */
  readonly projectGoals: ReadonlyArray<LocalizedText>
}

/**
 * One chart: rows (categories) by series, with a title, a text alternative and how values read.
 * Renderers draw it (SVG) and always show the same data as a table.
 *
 * @category models
 * @since 0.1.0
 */
export interface Chart {
  /** A stable id, unique on a page (`sdg-coverage`). */
  readonly id: string
  /** The title. */
  readonly title: LocalizedText
  /** A text alternative: what the chart shows, in words. */
  readonly summary: LocalizedText
  /** What a value is: a count, money in minor units of `currency`, or a score. */
  readonly unit: { readonly kind: "count" } | { readonly kind: "money"; readonly currency: Money.CurrencyCode } | {
    readonly kind: "score"
    readonly max: number
  }
  /** The heading of the row column. */
  readonly rowHeading: LocalizedText
  /** The series, one bar per row each. */
  readonly series: ReadonlyArray<{ readonly key: string; readonly name: LocalizedText }>
  /** The rows: a label and one value per series. */
  readonly rows: ReadonlyArray<{ readonly key: string; readonly label: LocalizedText; readonly values: ReadonlyArray<number> }>
}

/**
 * The scores of one assessment per principle (PANEL, the Swedish rights-based principles or
 * the child-rights principles), as plain data.
 *
 * @category models
 * @since 0.1.0
 */
export interface AssessmentInput {
  /** The assessed partnership. */
  readonly partnership: PartnershipId
  /** The criteria framework's name. */
  readonly framework: LocalizedText
  /** The gate or purpose of the assessment, when known. */
  readonly purpose?: LocalizedText
  /** When it was made. */
  readonly date?: CalendarDate
  /** The verdict and why, when the assessment was evaluated against its framework. */
  readonly verdict?: { readonly name: LocalizedText; readonly reason: LocalizedText }
  /** The scale's maximum (bars start at 0). */
  readonly maxScore: number
  /** One score per principle. */
  readonly scores: ReadonlyArray<{
    /** The principle's code (`participation`). */
    readonly principle: string
    /** Its name. */
    readonly name: LocalizedText
    /** The score, 0 to `maxScore`. */
    readonly score: number
    /** The assessor's note. */
    readonly note?: LocalizedText
  }>
}

/**
 * An assessment summary: the scores per principle, their mean and a chart.
 *
 * @category models
 * @since 0.1.0
 */
export interface AssessmentSummary {
  /** Discriminator. */
  readonly _tag: "AssessmentSummary"
  /** The partnership assessed. */
  readonly partnership: { readonly id: PartnershipId; readonly title: LocalizedText }
  /** The assessment. */
  readonly assessment: AssessmentInput
  /** The mean score, rounded to one decimal. */
  readonly mean: number
  /** Scores per principle. */
  readonly chart: Chart
}

/**
 * A partnership's budget against what was spent, per cost category, in one currency.
 *
 * @category models
 * @since 0.1.0
 */
export interface FundingInput {
  /** The partnership. */
  readonly partnership: PartnershipId
  /** The period the figures cover, when known. */
  readonly period?: { readonly start: CalendarDate; readonly end: CalendarDate }
  /** The currency of every amount. */
  readonly currency: Money.CurrencyCode
  /** One line per cost category. */
  readonly lines: ReadonlyArray<{
    /** The category's code (`travel`). */
    readonly category: string
    /** Its name. */
    readonly name: LocalizedText
    /** The approved budget, in minor units. */
    readonly budget: number
    /** What was spent, in minor units. */
    readonly actual: number
  }>
}

/**
 * A funding statement: budget against actual per category, totals and a chart.
 *
 * @category models
 * @since 0.1.0
 */
export interface FundingStatement {
  /** Discriminator. */
  readonly _tag: "FundingStatement"
  /** The partnership. */
  readonly partnership: { readonly id: PartnershipId; readonly title: LocalizedText }
  /** The figures. */
  readonly funding: FundingInput
  /** Total budget and total actual, in minor units. */
  readonly total: { readonly budget: number; readonly actual: number }
  /** Budget against actual per category. */
  readonly chart: Chart
}

/**
 * One page of the partnership catalogue with the filters that produced it and facet counts.
 *
 * @category models
 * @since 0.1.0
 */
export interface CatalogueView {
  /** Discriminator. */
  readonly _tag: "Catalogue"
  /** The page title. */
  readonly title: LocalizedText
  /** The active filters, each named and valued in both languages. */
  readonly filters: ReadonlyArray<{ readonly name: LocalizedText; readonly value: LocalizedText }>
  /** The cards on this page. */
  readonly cards: ReadonlyArray<ProjectCard>
  /** Matches over all pages. */
  readonly total: number
  /** The cursor of the next page, if any. */
  readonly next?: string
  /** Facet counts over all pages. */
  readonly facets: ReadonlyArray<{
    /** The facet's name. */
    readonly name: LocalizedText
    /** Its values with counts. */
    readonly values: ReadonlyArray<{ readonly label: LocalizedText; readonly count: number }>
  }>
}

/**
 * A network report: the partnerships of a network, what is still expected, SDG coverage, and
 * where present assessments and funding, each with a chart.
 *
 * @category models
 * @since 0.1.0
 */
export interface NetworkReport {
  /** Discriminator. */
  readonly _tag: "NetworkReport"
  /** The network. */
  readonly network: { readonly id: NetworkId; readonly name: LocalizedText; readonly started?: CalendarDate }
  /** The programme, when known. */
  readonly programme?: { readonly id: ProgrammeId; readonly name: LocalizedText }
  /** The partnerships' cards. */
  readonly cards: ReadonlyArray<ProjectCard>
  /** Partnerships expected to join. */
  readonly expected: ReadonlyArray<LocalizedText>
  /** Facts the sources leave unknown. */
  readonly unknowns: ReadonlyArray<LocalizedText>
  /** How many partnerships work towards each goal, by significance. */
  readonly sdgCoverage: Chart
  /** Mean score per principle over the network's assessments, when there are any. */
  readonly assessmentScores?: Chart
  /** Budget against actual per partnership, when there are figures (one currency). */
  readonly budgetVsActual?: Chart
  /** The assessments. */
  readonly assessments: ReadonlyArray<AssessmentSummary>
  /** The funding statements. */
  readonly funding: ReadonlyArray<FundingStatement>
}

/**
 * A dated milestone of an activity, in IATI ActivityDateType terms.
 *
 * @category models
 * @since 0.1.0
 */
export interface ActivityDate {
  /** planned-start (1), actual-start (2), planned-end (3), actual-end (4). */
  readonly type: "planned-start" | "actual-start" | "planned-end" | "actual-end"
  /** The date. */
  readonly date: CalendarDate
}

/**
 * A budget for one period (at most a year).
 *
 * @category models
 * @since 0.1.0
 */
export interface BudgetPeriod {
  /** First day. */
  readonly start: CalendarDate
  /** Last day. */
  readonly end: CalendarDate
  /** The amount. */
  readonly value: Money.Money
  /** Indicative (1) or committed (2). */
  readonly status: "indicative" | "committed"
}

/**
 * A disbursement: money paid out to the partnership.
 *
 * @category models
 * @since 0.1.0
 */
export interface Disbursement {
  /** The value date. */
  readonly date: CalendarDate
  /** The amount. */
  readonly value: Money.Money
  /** Who received it, when known. */
  readonly receiver?: OrganisationView
}

/**
 * A policy marker (OECD DAC): code (1 gender equality, 3 participatory development/good
 * governance, 11 disability …) and significance (0 not targeted, 1 significant, 2 principal).
 *
 * @category models
 * @since 0.1.0
 */
export interface PolicyMarker {
  /** The PolicyMarker code. */
  readonly code: string
  /** The PolicySignificance code. */
  readonly significance: 0 | 1 | 2 | 3 | 4
}

/**
 * One partnership as an open-data activity: its card plus dates, budgets, disbursements and
 * policy markers.
 *
 * @category models
 * @since 0.1.0
 */
export interface Activity {
  /** The card. */
  readonly card: ProjectCard
  /** The organiser that funds it. */
  readonly funder?: OrganisationView
  /** Dates; IATI needs at least one. */
  readonly dates: ReadonlyArray<ActivityDate>
  /** Budgets per period. */
  readonly budgets: ReadonlyArray<BudgetPeriod>
  /** Disbursements. */
  readonly disbursements: ReadonlyArray<Disbursement>
  /** Policy markers, where marked. */
  readonly policyMarkers: ReadonlyArray<PolicyMarker>
}

/**
 * An open-data file: one activity per partnership.
 *
 * @category models
 * @since 0.1.0
 */
export interface ActivityFile {
  /** Discriminator. */
  readonly _tag: "ActivityFile"
  /** The activities. */
  readonly activities: ReadonlyArray<Activity>
}

/**
 * A calendar event's public page: what, when, where, status (with the reason when cancelled),
 * organiser, seats as counts, and the published programme with its speakers. Registrants and
 * the waiting list are never part of it ({@link CalendarEvent.toPublicView}).
 *
 * @category models
 * @since 0.1.0
 */
export interface EventPage {
  /** Discriminator. */
  readonly _tag: "EventPage"
  /** The event, public fields only. */
  readonly event: CalendarEvent.PublicView
  /** The organiser. */
  readonly organiser: OrganisationView
}

/**
 * Every view.
 *
 * @category models
 * @since 0.1.0
 */
export type View = ProjectCard | CatalogueView | NetworkReport | AssessmentSummary | FundingStatement | EventPage | ActivityFile

/**
 * The kinds of view, by their `_tag`.
 *
 * @category models
 * @since 0.1.0
 */
export type Kind = View["_tag"]

/**
 * Every kind of view.
 *
 * @category constructors
 * @since 0.1.0
 */
export const kinds: ReadonlyArray<Kind> = [
  "ProjectCard",
  "Catalogue",
  "NetworkReport",
  "AssessmentSummary",
  "FundingStatement",
  "EventPage",
  "ActivityFile"
]

/**
 * Where views look up the organisations, programmes and networks that partnerships refer to.
 *
 * @category models
 * @since 0.1.0
 */
export interface Directory {
  /** Organisations by id (public fields only are ever read). */
  readonly organisations: ReadonlyMap<string, Organisation.Organisation>
  /** Programmes by id. */
  readonly programmes: ReadonlyMap<string, Programme.Programme>
  /** Networks by id. */
  readonly networks: ReadonlyMap<string, Network>
}

/**
 * Builds a {@link Directory} from lists.
 *
 * @category constructors
 * @since 0.1.0
 */
export const directory = (input: {
  readonly organisations?: Iterable<Organisation.Organisation>
  readonly programmes?: Iterable<Programme.Programme>
  readonly networks?: Iterable<Network>
}): Directory => ({
  organisations: new Map([...(input.organisations ?? [])].map((o) => [o.id, o])),
  programmes: new Map([...(input.programmes ?? [])].map((p) => [p.id, p])),
  networks: new Map([...(input.networks ?? [])].map((n) => [n.id, n]))
})

/**
 * The {@link Directory} of everything stored: every organisation, programme and network, read
 * from their stores (`Stores.layer` provides them). What a page or report needs before it
 * builds its views.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Partnership, View } from "@localrights/core"
 *
 * const cards = Effect.gen(function*() {
 *   const directory = yield* View.loadDirectory
 *   return (yield* (yield* Partnership.Store).list()).map((p) => View.projectCard(p, directory))
 * })
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const loadDirectory: Effect.Effect<Directory, StoreError, Organisation.Store | Programme.Store | NetworkStore> = Effect.gen(
  function*() {
    const [organisations, programmes, networks] = yield* Effect.all([
      (yield* Organisation.Store).list(),
      (yield* Programme.Store).list(),
      (yield* NetworkStore).list()
    ])
    return directory({ organisations, programmes, networks })
  }
).pipe(Effect.withSpan("View.loadDirectory"))

/**
 * Labels every renderer uses for the fields, headings and markers of the views.
 *
 * @category rendering
 * @since 0.1.0
 */
export const labels = {
  projectArea: { sv: "Projektområde", en: "Project area" },
  globalGoal: { sv: "Globalt mål", en: "Global goal" },
  targets: { sv: "Delmål", en: "Targets" },
  theme: { sv: "Tema", en: "Theme" },
  swedishPartner: { sv: "Svensk partner", en: "Swedish partner" },
  internationalPartner: { sv: "Internationell partner", en: "International partner" },
  partnerCountry: { sv: "Partnerland", en: "Partner country" },
  status: { sv: "Status", en: "Status" },
  implementationYear: { sv: "Genomförandeår", en: "Implementation year" },
  programme: { sv: "Program", en: "Programme" },
  network: { sv: "Nätverk", en: "Network" },
  associates: { sv: "Medverkande organisationer", en: "Taking part" },
  focusAreas: { sv: "Verksamhetsområden", en: "Focus areas" },
  projectGoals: { sv: "Projektets mål", en: "Project goals" },
  description: { sv: "Beskrivning", en: "Description" },
  unknown: { sv: "Okänt", en: "Unknown" },
  partnerships: { sv: "Partnerskap", en: "Partnerships" },
  filters: { sv: "Aktiva filter", en: "Active filters" },
  noFilters: { sv: "Inga filter", en: "No filters" },
  facets: { sv: "Fördelning", en: "Breakdown" },
  total: { sv: "Totalt", en: "Total" },
  matches: { sv: "träffar", en: "matches" },
  nextPage: { sv: "Nästa sida", en: "Next page" },
  expected: { sv: "Väntas tillkomma", en: "Expected to join" },
  unknowns: { sv: "Okänt i källorna", en: "Unknown in the sources" },
  started: { sv: "Startade", en: "Started" },
  charts: { sv: "Diagram", en: "Charts" },
  data: { sv: "Data", en: "Data" },
  assessments: { sv: "Bedömningar", en: "Assessments" },
  assessment: { sv: "Bedömning", en: "Assessment" },
  framework: { sv: "Kriterieramverk", en: "Criteria framework" },
  purpose: { sv: "Syfte", en: "Purpose" },
  date: { sv: "Datum", en: "Date" },
  principle: { sv: "Princip", en: "Principle" },
  score: { sv: "Poäng", en: "Score" },
  note: { sv: "Kommentar", en: "Note" },
  mean: { sv: "Medelvärde", en: "Mean" },
  verdict: { sv: "Utlåtande", en: "Verdict" },
  funding: { sv: "Finansiering", en: "Funding" },
  fundingStatement: { sv: "Budget och utfall", en: "Budget and actual" },
  category: { sv: "Kostnadsslag", en: "Cost category" },
  budget: { sv: "Budget", en: "Budget" },
  actual: { sv: "Utfall", en: "Actual" },
  difference: { sv: "Avvikelse", en: "Difference" },
  period: { sv: "Period", en: "Period" },
  id: { sv: "Id", en: "Id" },
  title: { sv: "Titel", en: "Title" },
  currency: { sv: "Valuta", en: "Currency" },
  skip: { sv: "Hoppa till innehållet", en: "Skip to content" },
  otherLanguage: { sv: "In English", en: "På svenska" },
  inEnglish: { sv: "på engelska", en: "in English" },
  inSwedish: { sv: "på svenska", en: "in Swedish" },
  catalogue: { sv: "Partnerskapskatalog", en: "Partnership catalogue" },
  networkReport: { sv: "Nätverksrapport", en: "Network report" },
  activities: { sv: "Aktiviteter (öppna data)", en: "Activities (open data)" },
  site: { sv: "Kommunala partnerskap för mänskliga rättigheter", en: "Municipal partnerships for human rights" },
  event: { sv: "Evenemang", en: "Event" },
  kind: { sv: "Typ", en: "Kind" },
  when: { sv: "När", en: "When" },
  city: { sv: "Ort", en: "City" },
  venue: { sv: "Plats", en: "Venue" },
  organiser: { sv: "Arrangör", en: "Organiser" },
  seats: { sv: "Platser", en: "Seats" },
  registrationDeadline: { sv: "Sista anmälningsdag", en: "Registration deadline" },
  cancelled: { sv: "Inställt", en: "Cancelled" },
  programmeItems: { sv: "Program", en: "Programme" },
  time: { sv: "Tid", en: "Time" },
  item: { sv: "Punkt", en: "Item" },
  speakers: { sv: "Medverkande", en: "Speakers" },
  noProgramme: { sv: "Inget program publicerat.", en: "No programme published." }
} as const satisfies Record<string, { readonly sv: string; readonly en: string }>

const unknownOrganisation = (id: OrganisationId): OrganisationView => ({
  id,
  name: { sv: `Okänd organisation (${id})`, en: `Unknown organisation (${id})` },
  kind: "unknown"
})

const countryName = (code: CountryCode): LocalizedText => ({ en: Country.name(code) })

/**
 * The public view of an organisation: id, name, kind, country and IATI identifier. Contact
 * persons are dropped ({@link Organisation.toPublic}) and never copied.
 *
 * @category constructors
 * @since 0.1.0
 */
export const organisation = (org: Organisation.Organisation): OrganisationView => {
  const pub = Organisation.toPublic(org)
  return {
    id: pub.id,
    name: pub.name,
    kind: pub.kind,
    country: pub.country,
    countryName: countryName(pub.country),
    ...(pub.identifiers.iati === undefined ? {} : { iati: pub.identifiers.iati })
  }
}

const lookup = (dir: Directory, id: OrganisationId): OrganisationView => {
  const org = dir.organisations.get(id)
  return org === undefined ? unknownOrganisation(id) : organisation(org)
}

const goalLabel = (g: Sdg.Goal): LocalizedText => ({ sv: `${g.number} – ${g.short.sv}`, en: `${g.number} – ${g.short.en}` })

const strongest = (a: Sdg.Significance, b: Sdg.Significance): Sdg.Significance =>
  a === "principal" || b === "principal" ? "principal" : "significant"

/**
 * The project card of a partnership, looking up its organisations, programme and network.
 * An organisation missing from the directory shows as unknown with its id.
 *
 * @category constructors
 * @since 0.1.0
 */
export const projectCard = (p: Partnership.Partnership, dir: Directory): ProjectCard => {
  const goals = new Map<number, Sdg.Significance>()
  const targets: Array<TargetView> = []
  for (const tag of p.sdgTags) {
    const before = goals.get(tag.goal)
    goals.set(tag.goal, before === undefined ? tag.significance : strongest(before, tag.significance))
    if (tag.target !== undefined) {
      const t = Sdg.target(tag.target)
      if (t !== undefined) targets.push({ code: t.code, goal: t.goal, title: t.title, significance: tag.significance })
    }
  }
  const goalViews: Array<GoalView> = [...goals.entries()]
    .sort((a, b) => a[0] - b[0])
    .flatMap(([n, significance]) => {
      const g = Sdg.goal(n)
      return g === undefined ? [] : [{ number: g.number, label: goalLabel(g), significance }]
    })
  const programme = dir.programmes.get(p.programme)
  const network = p.network === undefined ? undefined : dir.networks.get(p.network)
  const international = p.internationalPartner === undefined ? undefined : lookup(dir, p.internationalPartner)
  const country = p.partnerCountry ?? (international?.kind !== "unknown" && international?.country !== "SE" ? international?.country : undefined)
  return {
    _tag: "ProjectCard",
    id: p.id,
    title: p.title,
    ...(programme === undefined ? {} : { programme: { id: programme.id, name: programme.name } }),
    ...(network === undefined ? {} : { network: { id: network.id, name: network.name } }),
    status: p.status,
    statusName: Partnership.Status.names[p.status],
    ...(p.implementationYear === undefined ? {} : { implementationYear: p.implementationYear }),
    ...(p.projectArea === undefined ? {} : { projectArea: p.projectArea }),
    ...(p.theme === undefined ? {} : { theme: p.theme }),
    ...(p.description === undefined ? {} : { description: p.description }),
    goals: goalViews,
    targets,
    swedishPartner: lookup(dir, p.swedishPartner),
    ...(international === undefined ? {} : { internationalPartner: international }),
    ...(country === undefined ? {} : { partnerCountry: { code: country, name: countryName(country) } }),
    associates: p.associates.map((a) => ({
      organisation: lookup(dir, a.organisation),
      role: Partnership.AssociateRole.names[a.role],
      ...(a.description === undefined ? {} : { description: a.description })
    })),
    focusAreas: p.focusAreas.map((f) => Programme.FocusArea.names[f]),
    projectGoals: p.goals
  }
}

const filterNames = {
  status: labels.status,
  programme: labels.programme,
  network: labels.network,
  country: labels.partnerCountry,
  sdgGoal: labels.globalGoal,
  sdgTarget: { sv: "Delmål", en: "Target" },
  focusArea: { sv: "Verksamhetsområde", en: "Focus area" },
  text: { sv: "Fritext", en: "Text" }
} as const

const plain = (s: string): LocalizedText => ({ sv: s, en: s })

const goalName = (key: string): LocalizedText => {
  const g = Sdg.goal(Number(key))
  return g === undefined ? plain(key) : goalLabel(g)
}

const statusName = (key: string): LocalizedText =>
  (Partnership.Status.names as Readonly<Record<string, LocalizedText>>)[key] ?? plain(key)

const focusName = (key: string): LocalizedText =>
  (Programme.FocusArea.names as Readonly<Record<string, LocalizedText>>)[key] ?? plain(key)

const joined = (texts: ReadonlyArray<LocalizedText>, separator = ", "): LocalizedText => ({
  sv: texts.map((t) => t.sv ?? t.en ?? "").join(separator),
  en: texts.map((t) => t.en ?? t.sv ?? "").join(separator)
})

/**
 * The catalogue view of one page: cards, the active filters in words, and facet counts.
 *
 * @category constructors
 * @since 0.1.0
 */
export const catalogue = (
  page: Catalogue.Page,
  query: Catalogue.Query,
  dir: Directory,
  title: LocalizedText = labels.catalogue
): CatalogueView => {
  const filters: Array<{ name: LocalizedText; value: LocalizedText }> = []
  if (query.status !== undefined) filters.push({ name: filterNames.status, value: joined(query.status.map(statusName)) })
  if (query.programme !== undefined) {
    filters.push({ name: filterNames.programme, value: dir.programmes.get(query.programme)?.name ?? plain(query.programme) })
  }
  if (query.network !== undefined) {
    filters.push({ name: filterNames.network, value: dir.networks.get(query.network)?.name ?? plain(query.network) })
  }
  if (query.country !== undefined) filters.push({ name: filterNames.country, value: countryName(query.country) })
  if (query.sdgGoal !== undefined) filters.push({ name: filterNames.sdgGoal, value: goalName(String(query.sdgGoal)) })
  if (query.sdgTarget !== undefined) filters.push({ name: filterNames.sdgTarget, value: plain(query.sdgTarget) })
  if (query.focusArea !== undefined) filters.push({ name: filterNames.focusArea, value: focusName(query.focusArea) })
  if (query.text !== undefined && query.text.trim() !== "") filters.push({ name: filterNames.text, value: plain(query.text) })
  const facet = (name: LocalizedText, counts: Readonly<Record<string, number>>, label: (key: string) => LocalizedText, numeric = false) => ({
    name,
    values: Object.keys(counts)
      .sort(numeric ? (a, b) => Number(a) - Number(b) : undefined)
      .map((key) => ({ label: label(key), count: counts[key] ?? 0 }))
  })
  return {
    _tag: "Catalogue",
    title,
    filters,
    cards: page.items.map((p) => projectCard(p, dir)),
    total: page.total,
    ...(page.next === undefined ? {} : { next: page.next }),
    facets: [
      facet(filterNames.status, page.facets.status, statusName),
      facet(filterNames.country, page.facets.country, (c) => (Country.isCountryCode(c) ? countryName(c) : plain(c))),
      facet(filterNames.sdgGoal, page.facets.sdgGoal, goalName, true),
      facet(filterNames.focusArea, page.facets.focusArea, focusName)
    ].filter((f) => f.values.length > 0)
  }
}

const round1 = (n: number): number => Math.round(n * 10) / 10

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

/**
 * The summary of one assessment: scores per principle, their mean, and a chart.
 *
 * @category constructors
 * @since 0.1.0
 */
export const assessmentSummary = (assessment: AssessmentInput, partnership: Partnership.Partnership): AssessmentSummary => {
  const scores = assessment.scores
  const mean = scores.length === 0 ? 0 : round1(scores.reduce((s, x) => s + x.score, 0) / scores.length)
  return {
    _tag: "AssessmentSummary",
    partnership: { id: partnership.id, title: partnership.title },
    assessment,
    mean,
    chart: {
      id: `assessment-${partnership.id}`,
      title: { sv: "Poäng per princip", en: "Score per principle" },
      summary: {
        sv: `${count(scores.length, "princip", "principer")} bedömda på en skala 0–${assessment.maxScore}; medelvärde ${String(mean).replace(".", ",")}.`,
        en: `${count(scores.length, "principle", "principles")} assessed on a scale of 0–${assessment.maxScore}; mean ${mean}.`
      },
      unit: { kind: "score", max: assessment.maxScore },
      rowHeading: labels.principle,
      series: [{ key: "score", name: labels.score }],
      rows: scores.map((s) => ({ key: s.principle, label: s.name, values: [s.score] }))
    }
  }
}

const budgetSeries = [{ key: "budget", name: labels.budget }, { key: "actual", name: labels.actual }]

/**
 * The funding statement of one partnership: budget against actual per category, with totals.
 *
 * @category constructors
 * @since 0.1.0
 */
export const fundingStatement = (funding: FundingInput, partnership: Partnership.Partnership): FundingStatement => {
  const budget = funding.lines.reduce((s, l) => s + l.budget, 0)
  const actual = funding.lines.reduce((s, l) => s + l.actual, 0)
  const percent = budget === 0 ? 0 : Math.round((actual / budget) * 100)
  return {
    _tag: "FundingStatement",
    partnership: { id: partnership.id, title: partnership.title },
    funding,
    total: { budget, actual },
    chart: {
      id: `funding-${partnership.id}`,
      title: { sv: "Budget och utfall per kostnadsslag", en: "Budget and actual per cost category" },
      summary: {
        sv: `${funding.lines.length} kostnadsslag; utfallet är ${percent} procent av budgeten.`,
        en: `${count(funding.lines.length, "cost category", "cost categories")}; actual spending is ${percent} per cent of the budget.`
      },
      unit: { kind: "money", currency: funding.currency },
      rowHeading: labels.category,
      series: budgetSeries,
      rows: funding.lines.map((l) => ({ key: l.category, label: l.name, values: [l.budget, l.actual] }))
    }
  }
}

/**
 * The network report: the network's partnerships, SDG coverage, and (when given) assessments
 * and funding statements with their charts. Budget against actual is charted when every
 * statement is in the same currency.
 *
 * @category constructors
 * @since 0.1.0
 */
export const networkReport = (input: {
  readonly network: Network
  readonly partnerships: ReadonlyArray<Partnership.Partnership>
  readonly directory: Directory
  readonly assessments?: ReadonlyArray<AssessmentInput>
  readonly funding?: ReadonlyArray<FundingInput>
  readonly unknowns?: ReadonlyArray<LocalizedText>
}): NetworkReport => {
  const { directory: dir, network } = input
  const members = input.partnerships.filter((p) => p.network === network.id)
  const byId = new Map(members.map((p) => [p.id, p]))
  const cards = members.map((p) => projectCard(p, dir))
  const coverage = new Map<number, [number, number]>()
  for (const card of cards) {
    for (const g of card.goals) {
      const c = coverage.get(g.number) ?? [0, 0]
      c[g.significance === "principal" ? 0 : 1]++
      coverage.set(g.number, c)
    }
  }
  const untagged = cards.filter((c) => c.goals.length === 0).length
  const goalRows = [...coverage.entries()].sort((a, b) => a[0] - b[0])
  const sdgCoverage: Chart = {
    id: "sdg-coverage",
    title: { sv: "Globala mål i nätverket", en: "Global goals across the network" },
    summary: {
      sv: `${cards.length} partnerskap; ${goalRows.length} globala mål har minst ett partnerskap; ${untagged} partnerskap saknar uppgift om globalt mål.` +
        goalRows.map(([n, [p, s]]) => ` Mål ${n}: ${p} huvudsyfte, ${s} delsyfte.`).join(""),
      en: `${count(cards.length, "partnership", "partnerships")}; ${goalRows.length === 1 ? "1 global goal has" : `${goalRows.length} global goals have`} at least one partnership; ${untagged === 1 ? "1 partnership has" : `${untagged} partnerships have`} no global goal recorded.` +
        goalRows.map(([n, [p, s]]) => ` Goal ${n}: ${p} principal, ${s} significant.`).join("")
    },
    unit: { kind: "count" },
    rowHeading: labels.globalGoal,
    series: [
      { key: "principal", name: { sv: "Huvudsyfte", en: "Principal" } },
      { key: "significant", name: { sv: "Delsyfte", en: "Significant" } }
    ],
    rows: goalRows.map(([n, [p, s]]) => ({ key: String(n), label: goalName(String(n)), values: [p, s] }))
  }
  const assessments = (input.assessments ?? []).flatMap((a) => {
    const p = byId.get(a.partnership)
    return p === undefined ? [] : [assessmentSummary(a, p)]
  })
  const funding = (input.funding ?? []).flatMap((f) => {
    const p = byId.get(f.partnership)
    return p === undefined ? [] : [fundingStatement(f, p)]
  })
  let assessmentScores: Chart | undefined
  if (assessments.length > 0) {
    const sums = new Map<string, { name: LocalizedText; total: number; n: number }>()
    for (const a of assessments) {
      for (const s of a.assessment.scores) {
        const e = sums.get(s.principle) ?? { name: s.name, total: 0, n: 0 }
        e.total += s.score
        e.n++
        sums.set(s.principle, e)
      }
    }
    const max = Math.max(...assessments.map((a) => a.assessment.maxScore))
    assessmentScores = {
      id: "assessment-scores",
      title: { sv: "Medelpoäng per princip i nätverket", en: "Mean score per principle across the network" },
      summary: {
        sv: `${count(assessments.length, "bedömning", "bedömningar")}, skala 0–${max}.` +
          [...sums.values()].map((e) => ` ${e.name.sv ?? e.name.en}: ${String(round1(e.total / e.n)).replace(".", ",")}.`).join(""),
        en: `${count(assessments.length, "assessment", "assessments")}, scale 0–${max}.` +
          [...sums.values()].map((e) => ` ${e.name.en ?? e.name.sv}: ${round1(e.total / e.n)}.`).join("")
      },
      unit: { kind: "score", max },
      rowHeading: labels.principle,
      series: [{ key: "mean", name: labels.mean }],
      rows: [...sums.entries()].map(([key, e]) => ({ key, label: e.name, values: [round1(e.total / e.n)] }))
    }
  }
  let budgetVsActual: Chart | undefined
  const currencies = new Set(funding.map((f) => f.funding.currency))
  const currency = [...currencies][0]
  if (currency !== undefined && currencies.size === 1) {
    const budget = funding.reduce((s, f) => s + f.total.budget, 0)
    const actual = funding.reduce((s, f) => s + f.total.actual, 0)
    budgetVsActual = {
      id: "budget-vs-actual",
      title: { sv: "Budget och utfall per partnerskap", en: "Budget and actual per partnership" },
      summary: {
        sv: `${funding.length} partnerskap med ekonomisk redovisning; utfallet är ${budget === 0 ? 0 : Math.round((actual / budget) * 100)} procent av den sammanlagda budgeten.`,
        en: `${count(funding.length, "partnership", "partnerships")} with financial reports; actual spending is ${budget === 0 ? 0 : Math.round((actual / budget) * 100)} per cent of the combined budget.`
      },
      unit: { kind: "money", currency },
      rowHeading: labels.partnerships,
      series: budgetSeries,
      rows: funding.map((f) => ({ key: f.partnership.id, label: f.partnership.title, values: [f.total.budget, f.total.actual] }))
    }
  }
  const programme = dir.programmes.get(network.programme)
  return {
    _tag: "NetworkReport",
    network: { id: network.id, name: network.name, ...(network.started === undefined ? {} : { started: network.started }) },
    ...(programme === undefined ? {} : { programme: { id: programme.id, name: programme.name } }),
    cards,
    expected: network.expected.map((e) => e.note),
    unknowns: input.unknowns ?? [],
    sdgCoverage,
    ...(assessmentScores === undefined ? {} : { assessmentScores }),
    ...(budgetVsActual === undefined ? {} : { budgetVsActual }),
    assessments,
    funding
  }
}

/**
 * The open-data file of a set of partnerships. Per partnership, `extra` may give dates,
 * budgets, disbursements and policy markers; without dates, the network's start date is used
 * as the planned start (IATI needs one date) and, failing that, the date of the first decision.
 *
 * @category constructors
 * @since 0.1.0
 */
export const activityFile = (input: {
  readonly partnerships: ReadonlyArray<Partnership.Partnership>
  readonly directory: Directory
  readonly extra?: (p: Partnership.Partnership) => Partial<Omit<Activity, "card" | "funder">>
}): ActivityFile => ({
  _tag: "ActivityFile",
  activities: input.partnerships.map((p) => {
    const extra = input.extra?.(p) ?? {}
    const card = projectCard(p, input.directory)
    const programme = input.directory.programmes.get(p.programme)
    const started = p.network === undefined ? undefined : input.directory.networks.get(p.network)?.started
    const fallbackDate = started ?? p.decisions[0]?.date
    const dates = extra.dates ?? (fallbackDate === undefined ? [] : [{ type: "planned-start" as const, date: fallbackDate }])
    return {
      card,
      ...(programme === undefined ? {} : { funder: lookup(input.directory, programme.organiser) }),
      dates,
      budgets: extra.budgets ?? [],
      disbursements: extra.disbursements ?? [],
      policyMarkers: extra.policyMarkers ?? []
    }
  })
})

/**
 * A chart value in words: a count, money (`300 000,00 SEK`) or a score (`3 / 4`).
 *
 * @category rendering
 * @since 0.1.0
 */
export const formatValue = (chart: Chart, value: number, lang: "sv" | "en"): string => {
  const unit = chart.unit
  switch (unit.kind) {
    case "count":
      return String(value)
    case "money":
      return Money.format({ minor: value, currency: unit.currency }, lang)
    case "score":
      return `${lang === "sv" ? String(value).replace(".", ",") : String(value)} / ${unit.max}`
  }
}

/**
 * The facts of a project card in display order, each with its label: project area, global
 * goal, targets, theme, Swedish partner, international partner, partner country, status,
 * programme, network, focus areas, associates. Absent facts are left out.
 *
 * @category rendering
 * @since 0.1.0
 */
export const cardFacts = (card: ProjectCard): ReadonlyArray<{ readonly label: LocalizedText; readonly values: ReadonlyArray<LocalizedText> }> => {
  const facts: Array<{ label: LocalizedText; values: ReadonlyArray<LocalizedText> }> = []
  const add = (label: LocalizedText, values: ReadonlyArray<LocalizedText>) => {
    if (values.length > 0) facts.push({ label, values })
  }
  add(labels.projectArea, card.projectArea === undefined ? [] : [card.projectArea])
  add(labels.globalGoal, card.goals.map((g) => g.label))
  add(labels.targets, card.targets.map((t) => mapText(t.title, (s) => `${t.code} ${s}`)))
  add(labels.theme, card.theme === undefined ? [] : [card.theme])
  add(labels.swedishPartner, [card.swedishPartner.name])
  add(labels.internationalPartner, card.internationalPartner === undefined ? [] : [card.internationalPartner.name])
  add(labels.partnerCountry, card.partnerCountry === undefined ? [] : [card.partnerCountry.name])
  add(labels.status, [card.implementationYear === undefined ? card.statusName : {
    sv: `${card.statusName.sv ?? ""}, år ${card.implementationYear}`,
    en: `${card.statusName.en ?? ""}, year ${card.implementationYear}`
  }])
  add(labels.programme, card.programme === undefined ? [] : [card.programme.name])
  add(labels.network, card.network === undefined ? [] : [card.network.name])
  add(labels.focusAreas, card.focusAreas)
  add(labels.associates, card.associates.map((a) => joinParts(a.organisation.name, a.role)))
  return facts
}

const mapText = (text: LocalizedText, f: (s: string, lang: "sv" | "en") => string): LocalizedText => {
  const out: { sv?: string; en?: string } = {}
  if (text.sv !== undefined) out.sv = f(text.sv, "sv")
  if (text.en !== undefined) out.en = f(text.en, "en")
  return out as LocalizedText
}

const joinParts = (name: LocalizedText, role: LocalizedText): LocalizedText =>
  mapText(name, (s, lang) => `${s} (${lang === "sv" ? role.sv ?? role.en ?? "" : role.en ?? role.sv ?? ""})`)

/**
 * The {@link AssessmentInput} of an assessment, or of several assessors' assessments of the
 * same subject (their mean per principle, as consolidation does), evaluated against the
 * framework: principle names and scores in the framework's order, evidence as notes, the
 * verdict and its reason. The date is the latest assessment's.
 *
 * @category constructors
 * @since 0.1.0
 */
export const assessmentInput = (
  assessments: Assessment.Assessment | ReadonlyArray<Assessment.Assessment>,
  framework: CriteriaFramework.CriteriaFramework
): AssessmentInput => {
  const list: ReadonlyArray<Assessment.Assessment> = Array.isArray(assessments) ? assessments : [assessments as Assessment.Assessment]
  const first = list[0]!
  const sums = new Map<string, { total: number; n: number }>()
  const evidence = new Map<string, Array<LocalizedText>>()
  for (const a of list) {
    for (const s of a.scores) {
      const e = sums.get(s.principle) ?? { total: 0, n: 0 }
      e.total += s.score
      e.n++
      sums.set(s.principle, e)
      if (s.evidence !== undefined) evidence.set(s.principle, [...(evidence.get(s.principle) ?? []), s.evidence])
    }
  }
  const scores: Record<string, number> = {}
  for (const [k, e] of sums) scores[k] = round1(e.total / e.n)
  const evaluation = Assessment.evaluate(framework, scores)
  const date = list.map((a) => a.date).sort().at(-1)!
  return {
    partnership: first.subject.partnership,
    framework: framework.name,
    purpose: CriteriaFramework.Stage.names[first.subject.stage],
    date,
    verdict: { name: Assessment.Verdict.names[evaluation.verdict], reason: evaluation.reason },
    maxScore: framework.scale.max,
    scores: evaluation.principles.map((p) => {
      const notes = evidence.get(p.principle)
      return {
        principle: p.principle,
        name: p.name,
        score: p.score,
        ...(notes === undefined ? {} : { note: notes.length === 1 ? notes[0]! : joined(notes, " ") })
      }
    })
  }
}

const capitalised = (t: LocalizedText): LocalizedText => mapText(t, (s) => s.charAt(0).toLocaleUpperCase("sv") + s.slice(1))

/**
 * The {@link FundingInput} of a budget-against-actual report ({@link Expenses.compare}): one
 * line per phase and cost category, in SEK.
 *
 * @category constructors
 * @since 0.1.0
 */
export const fundingInput = (partnership: PartnershipId, report: Expenses.Report): FundingInput => ({
  partnership,
  currency: "SEK" as Money.CurrencyCode,
  lines: report.rows.map((r) => ({
    category: `${r.phase}/${r.category}`,
    name: capitalised(mapText(FundingRuleSet.CostCategory.names[r.category], (c, lang) =>
      `${c}, ${FundingRuleSet.Phase.nameOf(r.phase, lang)}`)),
    budget: r.budgeted.minor,
    actual: r.actual.minor
  }))
})

const addYears = (date: CalendarDate, years: number): CalendarDate => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number]
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10) as CalendarDate
}

const dayBefore = (date: CalendarDate): CalendarDate => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10) as CalendarDate
}

/**
 * Budgets per period and disbursements of a partnership for its {@link Activity}: a
 * {@link Budget.Budget}'s lines summed per period (phase and year), dated from the first day of
 * the preparation year, one year each; released tranches of a {@link DisbursementPlan.Plan} as
 * disbursements to `receiver`. `committed` marks the budgets approved (status 2), otherwise
 * they are indicative (1).
 *
 * @category constructors
 * @since 0.1.0
 */
export const activityFunding = (input: {
  readonly budget?: Budget.Budget
  readonly plan?: DisbursementPlan.Plan
  readonly preparationStart: CalendarDate
  readonly preparationYears?: number
  readonly committed?: boolean
  readonly receiver?: OrganisationView
}): Pick<Activity, "budgets" | "disbursements"> => {
  const prep = input.preparationYears ?? 1
  const offset = (phase: FundingRuleSet.Phase, year: number) => (phase === "preparation" ? year - 1 : prep + year - 1)
  const sums = new Map<number, number>()
  for (const line of input.budget?.lines ?? []) {
    const k = offset(line.phase, line.year)
    sums.set(k, (sums.get(k) ?? 0) + line.amount.minor)
  }
  const currency = input.budget?.currency
  const budgets: Array<BudgetPeriod> = currency === undefined ? [] : [...sums.entries()].sort((a, b) => a[0] - b[0]).map(([k, minor]) => ({
    start: addYears(input.preparationStart, k),
    end: dayBefore(addYears(input.preparationStart, k + 1)),
    value: { minor, currency },
    status: input.committed === true ? "committed" : "indicative"
  }))
  const disbursements: Array<Disbursement> = (input.plan?.tranches ?? []).flatMap((t) =>
    t.released === undefined ? [] : [{ date: t.released, value: t.amount, ...(input.receiver === undefined ? {} : { receiver: input.receiver }) }]
  )
  return { budgets, disbursements }
}

/**
 * The public page of a calendar event, with its organiser looked up in the directory.
 *
 * @category constructors
 * @since 0.1.0
 */
export const eventPage = (event: CalendarEvent.CalendarEvent, dir: Directory): EventPage => ({
  _tag: "EventPage",
  event: CalendarEvent.toPublicView(event),
  organiser: lookup(dir, event.organiser)
})

/**
 * The facts of an event page in display order, each with its label: kind, when, city, venue,
 * status, organiser, seats, registration deadline. Renderers show a cancellation's reason
 * prominently, above the facts.
 *
 * @category rendering
 * @since 0.1.0
 */
export const eventFacts = (page: EventPage): ReadonlyArray<{ readonly label: LocalizedText; readonly values: ReadonlyArray<LocalizedText> }> => {
  const e = page.event
  const facts: Array<{ label: LocalizedText; values: ReadonlyArray<LocalizedText> }> = [
    { label: labels.kind, values: [e.kindName] },
    { label: labels.when, values: [e.when] }
  ]
  if (e.city !== undefined) facts.push({ label: labels.city, values: [e.city] })
  if (e.venue !== undefined) facts.push({ label: labels.venue, values: [e.venue] })
  facts.push({ label: labels.status, values: [e.statusName] })
  facts.push({ label: labels.organiser, values: [page.organiser.name] })
  if (e.capacity !== undefined) {
    facts.push({ label: labels.seats, values: [{ sv: `${e.seatsTaken} av ${e.capacity} bokade`, en: `${e.seatsTaken} of ${e.capacity} taken` }] })
  }
  if (e.registrationDeadline !== undefined) facts.push({ label: labels.registrationDeadline, values: [plain(e.registrationDeadline)] })
  return facts
}

/**
 * A speaker as one line: name, role, organisation (the parts the programme gives).
 *
 * @category rendering
 * @since 0.1.0
 */
export const speakerLine = (s: CalendarEvent.Speaker): LocalizedText =>
  mapText(s.organisation, (org, lang) =>
    [s.name, s.role === undefined ? undefined : lang === "sv" ? s.role.sv ?? s.role.en : s.role.en ?? s.role.sv, org]
      .filter((x) => x !== undefined)
      .join(", "))
