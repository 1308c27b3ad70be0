/**
 * View models: what a page, a report or an open-data file shows, as plain data built by pure
 * functions from the domain. Renderers (HTML, Markdown, CSV, IATI XML) turn a view into a
 * document; they never read the domain themselves, so every renderer shows the same facts.
 *
 * **Details**
 *
 * Texts stay {@link LocalizedText.LocalizedText} in the view: the renderer picks the language
 * and marks fallbacks. Organisations enter a view through {@link Organisation.toPublic}, and
 * only their public fields are copied: contact persons never reach a view. Results enter
 * through a {@link ResultsInput}, and only what it names public is copied: actuals once their
 * period's report is approved, never review or return comments, evidence or actors.
 *
 * @module
 * @group Publishing
 * @since 0.1.0
 */
import { Effect, Option } from "effect"
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
import { text as localText } from "../LocalizedText.ts"
import * as Money from "../Money.ts"
import type { Network } from "../partnership/Network.ts"
import { Store as NetworkStore } from "../partnership/Network.ts"
import type { StoreError } from "../store/DocumentStore.ts"
import * as Organisation from "../partnership/Organisation.ts"
import * as Partnership from "../partnership/Partnership.ts"
import * as Programme from "../partnership/Programme.ts"
import * as Frameworks from "../assessment/Frameworks.ts"
import * as Actual from "../results/Actual.ts"
import * as Goal from "../results/Goal.ts"
import * as Indicator from "../results/Indicator.ts"
import * as ProgressReport from "../results/ProgressReport.ts"
import * as ReportingCycle from "../results/ReportingCycle.ts"
import * as ReportingPeriod from "../results/ReportingPeriod.ts"
import * as RollUp from "../results/RollUp.ts"
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
  /** The results section (goals, indicators, targets and approved actuals, reports' states), when results were given. */
  readonly results?: PartnershipResults
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
  /**
   * What a value is: a count, money in minor units of `currency`, a score (with the scale's
   * labelled steps, for a qualitative indicator), a quantity in a unit, or a percentage.
   */
  readonly unit:
    | { readonly kind: "count" }
    | { readonly kind: "money"; readonly currency: Money.CurrencyCode }
    | {
      readonly kind: "score"
      readonly max: number
      readonly steps?: ReadonlyArray<{ readonly value: number; readonly label: LocalizedText }>
    }
    | { readonly kind: "quantity"; readonly unit: LocalizedText }
    | { readonly kind: "percent" }
  /** The heading of the row column. */
  readonly rowHeading: LocalizedText
  /** The series, one bar per row each. */
  readonly series: ReadonlyArray<{ readonly key: string; readonly name: LocalizedText }>
  /**
   * The rows: a label and one value per series. Where a series has no value in a row (no
   * target, an actual not reported), `absent` holds the text to show instead at that index;
   * the value there is 0 and no bar is drawn.
   */
  readonly rows: ReadonlyArray<{
    readonly key: string
    readonly label: LocalizedText
    readonly values: ReadonlyArray<number>
    readonly absent?: ReadonlyArray<LocalizedText | undefined>
  }>
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
  /** The roll-up of results, when results were given. */
  readonly results?: NetworkResults
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
  /** The results (IATI `result` elements), when results were given. */
  readonly results?: PartnershipResults
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
  noProgramme: { sv: "Inget program publicerat.", en: "No programme published." },
  results: { sv: "Resultat", en: "Results" },
  goal: { sv: "Mål", en: "Goal" },
  level: { sv: "Nivå", en: "Level" },
  indicator: { sv: "Indikator", en: "Indicator" },
  indicators: { sv: "Indikatorer", en: "Indicators" },
  measure: { sv: "Mäts i", en: "Measured in" },
  scale: { sv: "Skala", en: "Scale" },
  aggregation: { sv: "Sammanräkning", en: "Adds up as" },
  baseline: { sv: "Utgångsvärde", en: "Baseline" },
  target: { sv: "Målvärde", en: "Target" },
  targetVsActual: { sv: "Målvärde och utfall", en: "Target and actual" },
  shareOfTarget: { sv: "Andel av målvärdet", en: "Share of target" },
  onTrackStatus: { sv: "Läge", en: "Progress" },
  onTrack: { sv: "Enligt plan", en: "On track" },
  notOnTrack: { sv: "Inte enligt plan", en: "Not on track" },
  notAssessed: { sv: "Kan inte bedömas än", en: "Not assessed yet" },
  shareOnTrack: { sv: "Andel enligt plan", en: "Share on track" },
  upTo: { sv: "Till och med", en: "Up to" },
  total: { sv: "Totalt", en: "Total" },
  contributesTo: { sv: "Bidrar till", en: "Contributes to" },
  sdgTargets: { sv: "Delmål i Agenda 2030", en: "SDG targets" },
  principles: { sv: "Principer", en: "Principles" },
  disaggregation: { sv: "Uppdelning", en: "Disaggregation" },
  notes: { sv: "Kommentarer till utfallen", en: "Notes on the actuals" },
  reports: { sv: "Lägesrapporter", en: "Progress reports" },
  due: { sv: "Ska lämnas senast", en: "Due" },
  submitted: { sv: "Inlämnad", en: "Submitted" },
  approved: { sv: "Godkänd", en: "Approved" },
  narrative: { sv: "Berättelse", en: "Narrative" },
  finalReport: { sv: "slutrapport", en: "final report" },
  noReport: { sv: "Ingen rapport", en: "No report" },
  outstanding: { sv: "Rapporter som inte är godkända", en: "Reports outstanding" },
  noOutstanding: { sv: "Alla rapporter är godkända.", en: "Every report is approved." },
  overdue: { sv: "Försenad", en: "Overdue" },
  noResults: { sv: "Inga mål eller indikatorer är registrerade än.", en: "No goals or indicators are recorded yet." },
  notReported: { sv: "inte rapporterat", en: "not reported" },
  awaitingApproval: { sv: "väntar på godkänd rapport", en: "awaiting an approved report" },
  noActual: { sv: "inget utfall", en: "no actual" },
  noTarget: { sv: "inget målvärde", en: "no target" },
  illustrative: { sv: "Illustrativa uppgifter: källorna publicerar inga mål eller utfall.", en: "Illustrative data: the sources publish no goals or actuals." },
  periodsReported: { sv: "Rapporterade perioder", en: "Periods reported" },
  publicNote: {
    sv: "Utfall visas när periodens lägesrapport är godkänd.",
    en: "Actuals are shown once the period's progress report is approved."
  }
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
export const projectCard = (p: Partnership.Partnership, dir: Directory, results?: ResultsInput): ProjectCard => {
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
    projectGoals: p.goals,
    ...(results === undefined ? {} : { results: partnershipResults(p, dir, results) })
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
  /** The results framework, for the roll-up of the network's results. */
  readonly results?: ResultsInput
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
    funding,
    ...(input.results === undefined ? {} : { results: networkResults(network, members, dir, input.results) })
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
  /** The results framework: each activity gets its partnership's results (IATI `result`). */
  readonly results?: ResultsInput
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
      policyMarkers: extra.policyMarkers ?? [],
      ...(extra.results !== undefined
        ? { results: extra.results }
        : input.results === undefined
        ? {}
        : { results: partnershipResults(p, input.directory, input.results) })
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
    case "score": {
      const label = unit.steps?.find((s) => s.value === value)?.label
      return `${formatNumber(value, lang)} / ${unit.max}${label === undefined ? "" : ` – ${localText(label, lang)}`}`
    }
    case "quantity":
      return `${formatNumber(value, lang)} ${localText(unit.unit, lang)}`
    case "percent":
      return `${formatNumber(value, lang)} %`
  }
}

/**
 * A number in words: at most two decimals, a decimal comma in Swedish (`2,5`), a point in
 * English (`2.5`).
 *
 * @category rendering
 * @since 0.2.0
 */
export const formatNumber = (value: number, lang: "sv" | "en"): string => {
  const s = String(Math.round(value * 100) / 100)
  return lang === "sv" ? s.replace(".", ",") : s
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

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

/**
 * What the results views read: the goals, indicators, actuals and progress reports (of the
 * programme or more: each view picks its own), the programme's reporting rules (to date the
 * periods; IATI periods need dates), and the period the totals count up to.
 *
 * **Details**
 *
 * What is public, and so the only thing a results view copies: goals (level, text, SDG
 * targets, principles, the goals they contribute to), indicators (text, measure, unit or
 * scale, baseline, targets per period), and per period the actual (value, disaggregation,
 * the partnership's comment, or "not reported" with its reason) **once the period's progress
 * report is approved**, each report's status and dates and the narrative of an approved
 * report. What is not: actuals of periods whose report is a draft, submitted or returned (they
 * may still change), the programme's review of an actual and its comment, the comments a
 * report was returned with, the approval note, the evidence (document references such as
 * attendance lists, which name people), the financial part (the funding statement shows
 * budget against actual), and anyone who entered or reviewed anything (actors stay in the
 * change log).
 *
 * @category models
 * @since 0.2.0
 */
export interface ResultsInput {
  /** Goals at every level (overall goals are looked up for the goals contributed to). */
  readonly goals: ReadonlyArray<Goal.Goal>
  /** Indicators of those goals. */
  readonly indicators: ReadonlyArray<Indicator.Indicator>
  /** Actuals (only those of approved reports are shown). */
  readonly actuals: ReadonlyArray<Actual.Actual>
  /** Progress reports. */
  readonly reports: ReadonlyArray<ProgressReport.ProgressReport>
  /** The programme's reporting rules: date the periods and give due dates. */
  readonly rules?: ReportingCycle.ReportingRules | undefined
  /**
   * Totals and on-track status count up to this period. Default: the latest period with an
   * approved report (of the partnership; for a network, of any of its partnerships), so that
   * targets are set against actuals that are public. Report states and reports outstanding
   * count up to the latest period reached (or this one, when later).
   */
  readonly asOf?: ReportingPeriod.Period | undefined
  /**
   * The day overdue reports are judged on: a report whose due date has passed on this day and
   * that the partnership has not handed in (no report, a draft, or returned and not
   * resubmitted: {@link ReportingCycle.overdue}) is marked overdue. Views never read the
   * clock: without a day, nothing is marked. Callers pass today (`CalendarDate.today`), tests a
   * fixed date.
   */
  readonly today?: CalendarDate | undefined
}

/**
 * A reporting period as results views show it: its key, its name and, when the reporting
 * rules are known, its first and last day.
 *
 * @category models
 * @since 0.2.0
 */
export interface PeriodView {
  /** The period. */
  readonly period: ReportingPeriod.Period
  /** Its key, `implementation-1`. */
  readonly key: string
  /** Its name, `Genomförandeår 1` / `Implementation year 1`. */
  readonly name: LocalizedText
  /** Its first day, when the reporting rules are known. */
  readonly start?: CalendarDate
  /** Its last day, when the reporting rules are known. */
  readonly end?: CalendarDate
  /** Its report's due date, when the reporting rules are known. */
  readonly due?: CalendarDate
}

/**
 * Why a period shows no actual value: marked not reported (with the reason), its report not
 * approved yet, or nothing reported.
 *
 * @category models
 * @since 0.2.0
 */
export type Missing = "not-reported" | "not-approved" | "none"

/**
 * One indicator in one period: target, the public actual (or why there is none), and whether
 * the actual meets the target.
 *
 * @category models
 * @since 0.2.0
 */
export interface IndicatorPeriodView {
  /** The period. */
  readonly period: PeriodView
  /** The target, when there is one for the period. */
  readonly target?: number
  /** The target in words (`20 persons`, `3 / 5 – Regular consultation`). */
  readonly targetText?: LocalizedText
  /** The actual, when reported and its report approved. */
  readonly actual?: number
  /** The actual in words. */
  readonly actualText?: LocalizedText
  /** Why there is no actual, when there is none. */
  readonly missing?: Missing
  /** What `missing` says, in words. */
  readonly missingText?: LocalizedText
  /** The reason the partnership gave for not reporting. */
  readonly notReported?: LocalizedText
  /** The partnership's comment on its actual. */
  readonly comment?: LocalizedText
  /** The actual per category (`Kvinnor: 5`). */
  readonly disaggregated: ReadonlyArray<{ readonly dimension: LocalizedText; readonly category: LocalizedText; readonly value: number }>
  /** Whether the actual meets the period's target (absent when either is missing). */
  readonly onTrack?: boolean
}

/**
 * An indicator with its baseline, target and actual per period, the total up to the
 * `asOf` period and a chart of target against actual.
 *
 * @category models
 * @since 0.2.0
 */
export interface IndicatorView {
  /** The indicator's id. */
  readonly id: Indicator.IndicatorId
  /** Its title. */
  readonly title: LocalizedText
  /** Its description. */
  readonly description?: LocalizedText
  /** Quantitative (a unit) or qualitative (a described scale). */
  readonly kind: "quantitative" | "qualitative"
  /** How it is measured: the unit's name, or the scale (`1–5`). */
  readonly measureText: LocalizedText
  /** The unit code (quantitative). */
  readonly unit?: string
  /** The scale's steps (qualitative; empty otherwise). */
  readonly scale: ReadonlyArray<{ readonly value: number; readonly label: LocalizedText }>
  /** The IATI IndicatorMeasure code. */
  readonly iatiMeasure: Indicator.IatiMeasure
  /** Whether higher is better. */
  readonly ascending: boolean
  /** How actuals add up over periods. */
  readonly aggregation: Indicator.Aggregation
  /** Its name. */
  readonly aggregationName: LocalizedText
  /** The disaggregation dimensions' names. */
  readonly disaggregation: ReadonlyArray<LocalizedText>
  /** The baseline, when there is one. */
  readonly baseline?: { readonly value: number; readonly text: LocalizedText; readonly date: CalendarDate; readonly comment?: LocalizedText }
  /** Target and actual per period (every period with a target, and every period up to `asOf`). */
  readonly periods: ReadonlyArray<IndicatorPeriodView>
  /** Targets and approved actuals added up to `asOf` (`RollUp.row`), and whether that is on track. */
  readonly total: {
    readonly asOf: PeriodView
    readonly target?: number
    readonly targetText?: LocalizedText
    readonly actual?: number
    readonly actualText?: LocalizedText
    readonly onTrack?: boolean
  }
  /** Target against actual per period. */
  readonly chart: Chart
  /** Example data the sources do not publish. */
  readonly illustrative: boolean
}

/**
 * A reference to a goal: id, level and title.
 *
 * @category models
 * @since 0.2.0
 */
export interface GoalRef {
  /** The goal's id. */
  readonly id: Goal.GoalId
  /** Its level. */
  readonly level: Goal.Level
  /** The level's name. */
  readonly levelName: LocalizedText
  /** Its title. */
  readonly title: LocalizedText
}

/**
 * A goal of the results framework with its links and indicators.
 *
 * @category models
 * @since 0.2.0
 */
export interface ResultGoalView extends GoalRef {
  /** Its description. */
  readonly description?: LocalizedText
  /** SDG targets, with their titles. */
  readonly sdgTargets: ReadonlyArray<{ readonly code: string; readonly title: LocalizedText }>
  /** Rights principles, named (`PANEL: Delaktighet`). */
  readonly principles: ReadonlyArray<{ readonly framework: string; readonly principle: string; readonly name: LocalizedText }>
  /** The goals it contributes to. */
  readonly contributesTo: ReadonlyArray<GoalRef>
  /** Its indicators. */
  readonly indicators: ReadonlyArray<IndicatorView>
  /** Example data the sources do not publish. */
  readonly illustrative: boolean
}

/**
 * Where the progress report of one period is: its status (none when there is no report),
 * due date, the latest submission and the approval, and an approved report's narrative.
 * Return comments and approval notes are not public and never copied.
 *
 * @category models
 * @since 0.2.0
 */
export interface ReportStateView {
  /** The period. */
  readonly period: PeriodView
  /** Whether it is the final report. */
  readonly final: boolean
  /** The status; absent when there is no report. */
  readonly status?: ProgressReport.Status
  /** The status's name (`Ingen rapport` when there is none). */
  readonly statusName: LocalizedText
  /** The due date (the report's, else the reporting rules'). */
  readonly due?: CalendarDate
  /** When it was last submitted. */
  readonly submitted?: CalendarDate
  /** When it was approved. */
  readonly approved?: CalendarDate
  /** The narrative of an approved report. */
  readonly narrative?: LocalizedText
  /** Days past the due date, when the report is overdue on {@link ResultsInput.today}. */
  readonly daysOverdue?: number
  /** That in words (`Försenad, 31 dagar` / `Overdue by 31 days`). */
  readonly overdueText?: LocalizedText
}

/**
 * The results section of a partnership: its individual goals with their indicators, the
 * reports' states, and a summary in words.
 *
 * @category models
 * @since 0.2.0
 */
export interface PartnershipResults {
  /** The partnership. */
  readonly partnership: PartnershipId
  /** Totals count up to this period. */
  readonly asOf: PeriodView
  /** Every period of the programme's phases. */
  readonly periods: ReadonlyArray<PeriodView>
  /** The partnership's individual goals. */
  readonly goals: ReadonlyArray<ResultGoalView>
  /** One state per period up to the latest period reached (and every later period with a report). */
  readonly reports: ReadonlyArray<ReportStateView>
  /** How many of those reports are overdue on {@link ResultsInput.today} (0 without a day). */
  readonly overdue: number
  /** The day overdue was judged on, when one was given. */
  readonly today?: CalendarDate
  /** What the section shows, in words. */
  readonly summary: LocalizedText
  /** Whether any goal or indicator is example data. */
  readonly illustrative: boolean
}

/**
 * One row of a network's roll-up: an indicator of one partnership, target against actual up
 * to `asOf`, the actual as a share of the target, and whether it is on track.
 *
 * @category models
 * @since 0.2.0
 */
export interface RollUpRowView {
  /** The indicator. */
  readonly indicator: { readonly id: Indicator.IndicatorId; readonly title: LocalizedText; readonly measureText: LocalizedText }
  /** The goal the indicator belongs to. */
  readonly goal: GoalRef
  /** The partnership. */
  readonly partnership: { readonly id: string; readonly title: LocalizedText }
  /** The target up to `asOf`. */
  readonly target?: number
  /** In words. */
  readonly targetText?: LocalizedText
  /** The approved actuals up to `asOf`, added up. */
  readonly actual?: number
  /** In words. */
  readonly actualText?: LocalizedText
  /** The actual as a percentage of the target (rounded), when both are there and the target is not 0. */
  readonly percent?: number
  /** How many periods have an approved value. */
  readonly reported: number
  /** Whether it is on track. */
  readonly onTrack?: boolean
}

/**
 * One overall goal in a network's roll-up, with its contributing rows, the share on track
 * and a chart of each row's actual against its target.
 *
 * @category models
 * @since 0.2.0
 */
export interface RollUpGoalView {
  /** The overall goal. */
  readonly goal: GoalRef & {
    readonly description?: LocalizedText
    readonly sdgTargets: ReadonlyArray<{ readonly code: string; readonly title: LocalizedText }>
    readonly illustrative: boolean
  }
  /** The contributing rows. */
  readonly rows: ReadonlyArray<RollUpRowView>
  /** Rows on track. */
  readonly onTrack: number
  /** Rows with both a target and an actual. */
  readonly assessed: number
  /** `onTrack / assessed`, when any row is assessed. */
  readonly share?: number
  /** The share on track in words. */
  readonly shareText: LocalizedText
  /** Per row: the target (100 %) and the actual as a percentage of it. */
  readonly chart: Chart
}

/**
 * The results of a network: the roll-up ({@link RollUp.make}) of the programme's overall
 * goals over the network's partnerships, from approved actuals, and the reports outstanding.
 *
 * @category models
 * @since 0.2.0
 */
export interface NetworkResults {
  /** Totals count up to this period. */
  readonly asOf: PeriodView
  /** The overall goals. */
  readonly goals: ReadonlyArray<RollUpGoalView>
  /** Per partnership, the reports not approved for a period up to the one it has reached (`RollUp.outstanding`). */
  readonly outstanding: ReadonlyArray<{
    readonly partnership: { readonly id: string; readonly title: LocalizedText }
    readonly period: PeriodView
    readonly status?: ProgressReport.Status
    readonly statusName: LocalizedText
    /** Days past the due date, when the report is overdue on {@link ResultsInput.today}. */
    readonly daysOverdue?: number
    /** That in words. */
    readonly overdueText?: LocalizedText
  }>
  /** How many of the reports outstanding are overdue on {@link ResultsInput.today} (0 without a day). */
  readonly overdue: number
  /** The day overdue was judged on, when one was given. */
  readonly today?: CalendarDate
  /** What the roll-up shows, in words. */
  readonly summary: LocalizedText
  /** Whether any goal or indicator is example data. */
  readonly illustrative: boolean
}

const defaultPhases: Programme.Phases = { preparationYears: 1, implementationYears: 3 }

const both = (f: (lang: "sv" | "en") => string): LocalizedText => ({ sv: f("sv"), en: f("en") })

const tx = (t: LocalizedText, lang: "sv" | "en") => localText(t, lang)

const periodViews = (phases: Programme.Phases, rules: ReportingCycle.ReportingRules | undefined): ReadonlyArray<PeriodView> => {
  const schedule = rules === undefined ? [] : ReportingCycle.schedule(rules, phases)
  return ReportingPeriod.of(phases).map((period) => {
    const d = schedule.find((x) => ReportingPeriod.equals(x.period, period))
    const name = both((lang) => {
      const n = ReportingPeriod.name(period, lang)
      return n.charAt(0).toLocaleUpperCase(lang) + n.slice(1)
    })
    return {
      period,
      key: ReportingPeriod.key(period),
      name,
      ...(d === undefined ? {} : { start: d.start, end: d.end, due: d.due })
    }
  })
}

const periodView = (all: ReadonlyArray<PeriodView>, p: ReportingPeriod.Period): PeriodView =>
  all.find((x) => ReportingPeriod.equals(x.period, p)) ??
    { period: p, key: ReportingPeriod.key(p), name: both((lang) => ReportingPeriod.name(p, lang)) }

/** The latest period with an approved report of any of the partnerships (the first period when none has one). */
const latestApproved = (
  phases: Programme.Phases,
  partnerships: ReadonlyArray<string>,
  reports: ReadonlyArray<Pick<ProgressReport.ProgressReport, "partnership" | "period" | "status">>
): ReportingPeriod.Period => {
  const all = ReportingPeriod.of(phases)
  const done = all.filter((p) => reports.some((r) => r.status === "approved" && partnerships.includes(r.partnership) && ReportingPeriod.equals(r.period, p)))
  return done[done.length - 1] ?? all[0] ?? { phase: "preparation", year: 1 as ReportingPeriod.Period["year"] }
}

const later = (a: ReportingPeriod.Period | undefined, b: ReportingPeriod.Period) =>
  a !== undefined && ReportingPeriod.order(a) >= ReportingPeriod.order(b) ? a : b

/** The latest period any of the partnerships has reached (none when none has reached any). */
const latestReached = (
  phases: Programme.Phases,
  partnerships: ReadonlyArray<Pick<Partnership.Partnership, "status" | "implementationYear">>
): ReportingPeriod.Period | undefined => {
  const reached = ReportingPeriod.of(phases).filter((p) => partnerships.some((x) => ReportingPeriod.reached(x, p)))
  return reached[reached.length - 1]
}

/**
 * The actuals the public may see: those of periods whose progress report is approved.
 *
 * @category rules
 * @since 0.2.0
 */
export const publicActuals = (
  actuals: ReadonlyArray<Actual.Actual>,
  reports: ReadonlyArray<Pick<ProgressReport.ProgressReport, "partnership" | "period" | "status">>
): ReadonlyArray<Actual.Actual> => {
  const approved = new Set(reports.filter((r) => r.status === "approved").map((r) => `${r.partnership}:${ReportingPeriod.key(r.period)}`))
  return actuals.filter((a) => approved.has(`${a.partnership}:${ReportingPeriod.key(a.period)}`))
}

const measureText = (ind: Indicator.Indicator): LocalizedText => {
  const m = ind.measure
  if (m._tag === "Quantitative") return m.unitName
  const max = m.scale[m.scale.length - 1]!.value
  return both((lang) => `${lang === "sv" ? "skala" : "scale"} ${m.scale[0].value}–${max}`)
}

const chartUnit = (ind: Indicator.Indicator): Chart["unit"] => {
  const m = ind.measure
  return m._tag === "Quantitative"
    ? { kind: "quantity", unit: m.unitName }
    : { kind: "score", max: m.scale[m.scale.length - 1]!.value, steps: m.scale.map((s) => ({ value: s.value, label: s.label })) }
}

const valueText = (unit: Chart["unit"], value: number): LocalizedText =>
  both((lang) => formatValue({ unit } as Chart, value, lang))

const goalRef = (g: Goal.Goal): GoalRef => ({ id: g.id, level: g.level, levelName: Goal.Level.names[g.level], title: g.title })

const sdgTargetViews = (codes: ReadonlyArray<string>) =>
  codes.map((code) => ({ code, title: Sdg.target(code)?.title ?? plain(code) }))

const principleName = (framework: string, principle: string): LocalizedText => {
  const f = Frameworks.findBuiltIn(framework)
  const found = f._tag === "Some" ? f.value.principles.find((p) => p.id === principle) : undefined
  if (f._tag === "None" || found === undefined) return plain(`${framework}/${principle}`)
  const fw = f.value.name
  return both((lang) => `${tx(fw, lang)}: ${tx(found.name, lang)}`)
}

const onTrackText = (onTrack: boolean | undefined): LocalizedText =>
  onTrack === undefined ? labels.notAssessed : onTrack ? labels.onTrack : labels.notOnTrack

const missingText: Record<Missing, LocalizedText> = {
  "not-reported": labels.notReported,
  "not-approved": labels.awaitingApproval,
  none: labels.noActual
}

const indicatorView = (
  ind: Indicator.Indicator,
  partnership: string,
  ctx: {
    readonly periods: ReadonlyArray<PeriodView>
    readonly asOf: ReportingPeriod.Period
    readonly actuals: ReadonlyArray<Actual.Actual>
    readonly published: ReadonlyArray<Actual.Actual>
  }
): IndicatorView => {
  const unit = chartUnit(ind)
  const asOfOrder = ReportingPeriod.order(ctx.asOf)
  const periods: Array<IndicatorPeriodView> = ctx.periods.flatMap((pv): Array<IndicatorPeriodView> => {
    const target = ind.targets.find((t) => ReportingPeriod.equals(t.period, pv.period))?.value
    const reached = ReportingPeriod.order(pv.period) <= asOfOrder
    const pub = ctx.published.find((a) => a.indicator === ind.id && a.partnership === partnership && ReportingPeriod.equals(a.period, pv.period))
    if (target === undefined && !reached && pub === undefined) return []
    const entered = ctx.actuals.some((a) => a.indicator === ind.id && a.partnership === partnership && ReportingPeriod.equals(a.period, pv.period))
    const base = {
      period: pv,
      ...(target === undefined ? {} : { target, targetText: valueText(unit, target) })
    }
    if (pub === undefined) {
      const missing: Missing = entered ? "not-approved" : "none"
      return [{ ...base, missing, missingText: missingText[missing], disaggregated: [] }]
    }
    const comment = pub.comment === undefined ? {} : { comment: pub.comment }
    if (pub.result._tag === "NotReported") {
      return [{ ...base, missing: "not-reported" as const, missingText: labels.notReported, notReported: pub.result.reason, ...comment, disaggregated: [] }]
    }
    const actual = pub.result.value
    const disaggregated = pub.result.disaggregated.map((d) => ({
      dimension: Indicator.Dimension.names[d.dimension],
      category: (Indicator.categories[d.dimension].names as Readonly<Record<string, LocalizedText>>)[d.category] ?? plain(d.category),
      value: d.value
    }))
    return [{
      ...base,
      actual,
      actualText: valueText(unit, actual),
      ...comment,
      disaggregated,
      ...(target === undefined ? {} : { onTrack: Indicator.onTrack(ind, target, actual) })
    }]
  })
  const row = RollUp.row(ind, partnership, ctx.published, ctx.asOf)
  const asOf = periodView(ctx.periods, ctx.asOf)
  const total = {
    asOf,
    ...(row.target === undefined ? {} : { target: row.target, targetText: valueText(unit, row.target) }),
    ...(row.actual === undefined ? {} : { actual: row.actual, actualText: valueText(unit, row.actual) }),
    ...(row.onTrack === undefined ? {} : { onTrack: row.onTrack })
  }
  const m = ind.measure
  const chart: Chart = {
    id: `results-${partnership}-${ind.id}`,
    title: both((lang) => `${labels.targetVsActual[lang]}: ${tx(ind.title, lang)}`),
    summary: both((lang) => {
      const sv = lang === "sv"
      const parts = periods.map((p) => {
        const target = p.targetText === undefined ? labels.noTarget[lang] : tx(p.targetText, lang)
        const actual = p.actualText === undefined
          ? tx(p.missingText ?? labels.noActual, lang)
          : `${sv ? "utfall" : "actual"} ${tx(p.actualText, lang)}`
        const status = p.onTrack === undefined ? "" : ` (${(p.onTrack ? labels.onTrack : labels.notOnTrack)[lang].toLowerCase()})`
        return sv ? `${tx(p.period.name, lang)}: målvärde ${target}, ${actual}${status}` : `${tx(p.period.name, lang)}: target ${target}, ${actual}${status}`
      })
      const upTo = ReportingPeriod.name(ctx.asOf, lang)
      const totalText = total.targetText === undefined || total.actualText === undefined
        ? sv ? ` Till och med ${upTo} kan läget inte bedömas än.` : ` Up to ${upTo}, progress cannot be assessed yet.`
        : sv
        ? ` Till och med ${upTo}: ${tx(total.actualText, lang)} mot målvärdet ${tx(total.targetText, lang)}, ${(total.onTrack ? labels.onTrack : labels.notOnTrack).sv.toLowerCase()}.`
        : ` Up to ${upTo}: ${tx(total.actualText, lang)} against a target of ${tx(total.targetText, lang)}, ${(total.onTrack ? labels.onTrack : labels.notOnTrack).en.toLowerCase()}.`
      return `${tx(ind.title, lang)} (${tx(measureText(ind), lang)}). ${parts.join("; ")}.${totalText}`
    }),
    unit,
    rowHeading: labels.period,
    series: [{ key: "target", name: labels.target }, { key: "actual", name: labels.actual }],
    rows: periods.map((p) => ({
      key: p.period.key,
      label: p.period.name,
      values: [p.target ?? 0, p.actual ?? 0],
      ...(p.target === undefined || p.actual === undefined
        ? { absent: [p.target === undefined ? labels.noTarget : undefined, p.actual === undefined ? p.missingText ?? labels.noActual : undefined] }
        : {})
    }))
  }
  return {
    id: ind.id,
    title: ind.title,
    ...(ind.description === undefined ? {} : { description: ind.description }),
    kind: m._tag === "Quantitative" ? "quantitative" : "qualitative",
    measureText: measureText(ind),
    ...(m._tag === "Quantitative" ? { unit: m.unit } : {}),
    scale: m._tag === "Qualitative" ? m.scale.map((s) => ({ value: s.value, label: s.label })) : [],
    iatiMeasure: m.iatiMeasure,
    ascending: m.ascending,
    aggregation: Indicator.aggregationOf(ind),
    aggregationName: Indicator.Aggregation.names[Indicator.aggregationOf(ind)],
    disaggregation: ind.disaggregation.map((d) => Indicator.Dimension.names[d]),
    ...(ind.baseline === undefined ? {} : {
      baseline: {
        value: ind.baseline.value,
        text: valueText(unit, ind.baseline.value),
        date: ind.baseline.date,
        ...(ind.baseline.comment === undefined ? {} : { comment: ind.baseline.comment })
      }
    }),
    periods,
    total,
    chart,
    illustrative: ind.illustrative === true
  }
}

/**
 * Days overdue per period key of a partnership's reports on `input.today`, by
 * `ReportingCycle.overdue` over the reporting rules' schedule (none without a day or rules).
 */
const overdueDays = (partnership: string, phases: Programme.Phases, input: ResultsInput): ReadonlyMap<string, number> =>
  input.today === undefined || input.rules === undefined
    ? new Map()
    : new Map(
      ReportingCycle.overdue(partnership, ReportingCycle.schedule(input.rules, phases), input.reports, input.today)
        .map((o) => [ReportingPeriod.key(o.period), o.daysOverdue])
    )

const overdueFields = (days: number | undefined): { readonly daysOverdue?: number; readonly overdueText?: LocalizedText } =>
  days === undefined ? {} : {
    daysOverdue: days,
    overdueText: { sv: `${labels.overdue.sv}, ${count(days, "dag", "dagar")}`, en: `${labels.overdue.en} by ${count(days, "day", "days")}` }
  }

const todayField = (input: ResultsInput) => (input.today === undefined ? {} : { today: input.today })

/** `; 1 försenad den 2026-12-02` / `; 1 overdue on 2026-12-02` for a summary, when a day was given. */
const overdueSentence = (overdue: number, today: CalendarDate | undefined): LocalizedText =>
  today === undefined ? { sv: "", en: "" } : { sv: `; ${count(overdue, "försenad", "försenade")} den ${today}`, en: `; ${overdue} overdue on ${today}` }

const reportStates = (
  partnership: string,
  periods: ReadonlyArray<PeriodView>,
  phases: Programme.Phases,
  asOf: ReportingPeriod.Period,
  reports: ReadonlyArray<ProgressReport.ProgressReport>,
  late: ReadonlyMap<string, number>
): ReadonlyArray<ReportStateView> =>
  periods.flatMap((pv): Array<ReportStateView> => {
    const r = reports.find((x) => x.partnership === partnership && ReportingPeriod.equals(x.period, pv.period))
    if (r === undefined && ReportingPeriod.order(pv.period) > ReportingPeriod.order(asOf)) return []
    const final = ReportingPeriod.isFinal(phases, pv.period)
    const overdue = overdueFields(late.get(pv.key))
    if (r === undefined) return [{ period: pv, final, statusName: labels.noReport, ...(pv.due === undefined ? {} : { due: pv.due }), ...overdue }]
    const due = r.due ?? pv.due
    const submitted = ProgressReport.lastSubmission(r)?.date
    const approved = r.status === "approved" ? r.steps.findLast((s) => s._tag === "Approved")?.date : undefined
    return [{
      period: pv,
      final,
      status: r.status,
      statusName: ProgressReport.Status.names[r.status],
      ...(due === undefined ? {} : { due }),
      ...(submitted === undefined ? {} : { submitted }),
      ...(approved === undefined ? {} : { approved }),
      ...(r.status === "approved" && r.narrative !== undefined ? { narrative: r.narrative } : {}),
      ...overdue
    }]
  })

/**
 * The results section of a partnership: its individual goals with their indicators (target
 * and approved actual per period, totals up to `asOf` and a chart each) and its reports'
 * states. Only public data is copied (see {@link ResultsInput}).
 *
 * @category constructors
 * @since 0.2.0
 */
export const partnershipResults = (p: Partnership.Partnership, dir: Directory, input: ResultsInput): PartnershipResults => {
  const phases = dir.programmes.get(p.programme)?.phases ?? defaultPhases
  const periods = periodViews(phases, input.rules)
  const asOf = input.asOf ?? latestApproved(phases, [p.id], input.reports)
  const reportsUpTo = later(latestReached(phases, [p]), asOf)
  const published = publicActuals(input.actuals, input.reports)
  const byId = new Map(input.goals.map((g) => [g.id as string, g]))
  const goals: Array<ResultGoalView> = input.goals
    .filter((g) => g.level === "partnership" && g.partnership === p.id)
    .map((g) => ({
      ...goalRef(g),
      ...(g.description === undefined ? {} : { description: g.description }),
      sdgTargets: sdgTargetViews(g.sdgTargets),
      principles: g.principles.map((x) => ({ framework: x.framework, principle: x.principle, name: principleName(x.framework, x.principle) })),
      contributesTo: g.contributesTo.flatMap((id) => {
        const to = byId.get(id)
        return to === undefined ? [] : [goalRef(to)]
      }),
      indicators: input.indicators
        .filter((i) => i.goal === g.id)
        .map((i) => indicatorView(i, p.id, { periods, asOf, actuals: input.actuals, published })),
      illustrative: g.illustrative === true
    }))
  const indicators = goals.flatMap((g) => g.indicators)
  const assessed = indicators.filter((i) => i.total.onTrack !== undefined).length
  const onTrack = indicators.filter((i) => i.total.onTrack === true).length
  const reports = reportStates(p.id, periods, phases, reportsUpTo, input.reports, overdueDays(p.id, phases, input))
  const approved = reports.filter((r) => r.status === "approved").length
  const overdue = reports.filter((r) => r.daysOverdue !== undefined).length
  const upTo = periodView(periods, asOf)
  const late = overdueSentence(overdue, input.today)
  return {
    partnership: p.id,
    asOf: upTo,
    periods,
    goals,
    reports,
    overdue,
    ...todayField(input),
    summary: {
      sv: `${count(goals.length, "mål", "mål")} med ${count(indicators.length, "indikator", "indikatorer")}; till och med ${ReportingPeriod.name(asOf, "sv")} är ${onTrack} av ${assessed} bedömda indikatorer enligt plan; ${approved} av ${reports.length} lägesrapporter godkända${late.sv}.`,
      en: `${count(goals.length, "goal", "goals")} with ${count(indicators.length, "indicator", "indicators")}; up to ${ReportingPeriod.name(asOf, "en")}, ${onTrack} of ${assessed} assessed indicators on track; ${approved} of ${reports.length} progress reports approved${late.en}.`
    },
    illustrative: goals.some((g) => g.illustrative || g.indicators.some((i) => i.illustrative))
  }
}

/**
 * The results of a network: {@link RollUp.make} over the network's partnerships and the
 * programme's overall goals, from approved actuals only, with each goal's rows, the share on
 * track, a chart, and the reports outstanding.
 *
 * @category constructors
 * @since 0.2.0
 */
export const networkResults = (
  network: Network,
  partnerships: ReadonlyArray<Partnership.Partnership>,
  dir: Directory,
  input: ResultsInput
): NetworkResults => {
  const members = partnerships.filter((p) => p.network === network.id)
  const phases = dir.programmes.get(network.programme)?.phases ?? defaultPhases
  const periods = periodViews(phases, input.rules)
  const asOf = input.asOf ?? latestApproved(phases, members.map((p) => p.id), input.reports)
  const rollUp = RollUp.make({
    scope: { _tag: "Network", programme: network.programme, network: network.id },
    asOf,
    phases,
    goals: input.goals,
    indicators: input.indicators,
    actuals: publicActuals(input.actuals, input.reports),
    partnerships: members,
    reports: input.reports
  })
  const titles = new Map(members.map((p) => [p.id as string, p.title]))
  const titleOf = (id: string) => ({ id, title: titles.get(id) ?? plain(id) })
  const goalsById = new Map(input.goals.map((g) => [g.id as string, g]))
  const goals = rollUp.goals.map((gr): RollUpGoalView => {
    const rows = gr.rows.map((r): RollUpRowView => {
      const unit = chartUnit(r.indicator)
      const owner = goalsById.get(r.goal)
      const percent = r.target === undefined || r.actual === undefined || r.target === 0 ? undefined : Math.round((r.actual / r.target) * 100)
      return {
        indicator: { id: r.indicator.id, title: r.indicator.title, measureText: measureText(r.indicator) },
        goal: owner === undefined ? { id: r.goal as Goal.GoalId, level: "partnership", levelName: Goal.Level.names.partnership, title: plain(r.goal) } : goalRef(owner),
        partnership: titleOf(r.partnership),
        ...(r.target === undefined ? {} : { target: r.target, targetText: valueText(unit, r.target) }),
        ...(r.actual === undefined ? {} : { actual: r.actual, actualText: valueText(unit, r.actual) }),
        ...(percent === undefined ? {} : { percent }),
        reported: r.reported,
        ...(r.onTrack === undefined ? {} : { onTrack: r.onTrack })
      }
    })
    const shareText = gr.share === undefined
      ? labels.notAssessed
      : both((lang) => lang === "sv" ? `${gr.onTrack} av ${gr.assessed} (${Math.round(gr.share! * 100)} %)` : `${gr.onTrack} of ${gr.assessed} (${Math.round(gr.share! * 100)} %)`)
    const label = (r: RollUpRowView) => both((lang) => `${tx(r.indicator.title, lang)} – ${tx(r.partnership.title, lang)}`)
    const chart: Chart = {
      id: `results-goal-${gr.goal.id}`,
      title: both((lang) => `${labels.shareOfTarget[lang]}: ${tx(gr.goal.title, lang)}`),
      summary: both((lang) => {
        const sv = lang === "sv"
        const head = sv
          ? `${count(rows.length, "indikator", "indikatorer")} bidrar till målet; till och med ${ReportingPeriod.name(asOf, lang)} är ${gr.onTrack} av ${gr.assessed} bedömda enligt plan.`
          : `${count(rows.length, "indicator", "indicators")} contribute to the goal; up to ${ReportingPeriod.name(asOf, lang)}, ${gr.onTrack} of ${gr.assessed} assessed are on track.`
        const each = rows.map((r) => {
          const status = tx(onTrackText(r.onTrack), lang).toLowerCase()
          const actual = r.actualText === undefined ? labels.noActual[lang] : tx(r.actualText, lang)
          const target = r.targetText === undefined ? labels.noTarget[lang] : tx(r.targetText, lang)
          return sv
            ? ` ${tx(label(r), lang)}: utfall ${actual} mot målvärdet ${target}${r.percent === undefined ? "" : ` (${r.percent} %)`}, ${status}.`
            : ` ${tx(label(r), lang)}: actual ${actual} against a target of ${target}${r.percent === undefined ? "" : ` (${r.percent} %)`}, ${status}.`
        })
        return head + each.join("")
      }),
      unit: { kind: "percent" },
      rowHeading: labels.indicator,
      series: [{ key: "target", name: labels.target }, { key: "actual", name: labels.actual }],
      rows: rows.map((r) => ({
        key: `${r.indicator.id}-${r.partnership.id}`,
        label: label(r),
        values: [r.target === undefined ? 0 : 100, r.percent ?? 0],
        ...(r.target === undefined || r.percent === undefined
          ? { absent: [r.target === undefined ? labels.noTarget : undefined, r.percent === undefined ? (r.actual === undefined ? labels.noActual : labels.noTarget) : undefined] }
          : {})
      }))
    }
    const g = gr.goal
    return {
      goal: {
        ...goalRef(g),
        ...(g.description === undefined ? {} : { description: g.description }),
        sdgTargets: sdgTargetViews(g.sdgTargets),
        illustrative: g.illustrative === true
      },
      rows,
      onTrack: gr.onTrack,
      assessed: gr.assessed,
      ...(gr.share === undefined ? {} : { share: gr.share }),
      shareText,
      chart
    }
  })
  // each partnership's reports up to the period it has reached (none before it starts preparing)
  const inScope = new Set(RollUp.partnershipsIn(rollUp.scope, members))
  const outstanding = members.filter((p) => inScope.has(p.id)).flatMap((p) => {
    const reached = latestReached(phases, [p])
    if (reached === undefined) return []
    const late = overdueDays(p.id, phases, input)
    return RollUp.outstanding({ asOf: reached, phases, reports: input.reports }, [p.id]).map((o) => ({
      partnership: titleOf(o.partnership),
      period: periodView(periods, o.period),
      ...(o.status === undefined ? {} : { status: o.status }),
      statusName: o.status === undefined ? labels.noReport : ProgressReport.Status.names[o.status],
      ...overdueFields(late.get(ReportingPeriod.key(o.period)))
    }))
  })
  const overdue = outstanding.filter((o) => o.daysOverdue !== undefined).length
  const late = overdueSentence(overdue, input.today)
  const assessed = goals.reduce((s, g) => s + g.assessed, 0)
  const onTrack = goals.reduce((s, g) => s + g.onTrack, 0)
  return {
    asOf: periodView(periods, asOf),
    goals,
    outstanding,
    overdue,
    ...todayField(input),
    summary: {
      sv: `${count(goals.length, "övergripande mål", "övergripande mål")}; till och med ${ReportingPeriod.name(asOf, "sv")} är ${onTrack} av ${assessed} bedömda indikatorer enligt plan; ${outstanding.length === 1 ? "1 lägesrapport är inte godkänd" : `${outstanding.length} lägesrapporter är inte godkända`}${late.sv}.`,
      en: `${count(goals.length, "overall goal", "overall goals")}; up to ${ReportingPeriod.name(asOf, "en")}, ${onTrack} of ${assessed} assessed indicators on track; ${count(outstanding.length, "progress report is", "progress reports are")} not approved${late.en}.`
    },
    illustrative: goals.some((g) => g.goal.illustrative) || input.indicators.some((i) => i.illustrative === true && goals.some((g) => g.rows.some((r) => r.indicator.id === i.id)))
  }
}

/**
 * The on-track status in words: on track, not on track, or not assessed yet.
 *
 * @category rendering
 * @since 0.2.0
 */
export const onTrackName = onTrackText

/**
 * The facts of an indicator in display order, each with its label: measure, adds up as,
 * disaggregation, baseline, total up to `asOf` and its status.
 *
 * @category rendering
 * @since 0.2.0
 */
export const indicatorFacts = (ind: IndicatorView): ReadonlyArray<{ readonly label: LocalizedText; readonly values: ReadonlyArray<LocalizedText> }> => {
  const facts: Array<{ label: LocalizedText; values: ReadonlyArray<LocalizedText> }> = []
  facts.push({ label: labels.measure, values: [ind.measureText] })
  if (ind.scale.length > 0) facts.push({ label: labels.scale, values: ind.scale.map((s) => both((lang) => `${s.value} – ${tx(s.label, lang)}`)) })
  facts.push({ label: labels.aggregation, values: [ind.aggregationName] })
  if (ind.disaggregation.length > 0) facts.push({ label: labels.disaggregation, values: ind.disaggregation })
  if (ind.baseline !== undefined) {
    const b = ind.baseline
    facts.push({ label: labels.baseline, values: [both((lang) => `${tx(b.text, lang)} (${b.date})`), ...(b.comment === undefined ? [] : [b.comment])] })
  }
  const t = ind.total
  facts.push({
    label: both((lang) => `${labels.upTo[lang]} ${tx(t.asOf.name, lang).toLowerCase()}`),
    values: [
      both((lang) =>
        `${labels.target[lang]}: ${t.targetText === undefined ? labels.noTarget[lang] : tx(t.targetText, lang)}; ${labels.actual[lang]}: ${
          t.actualText === undefined ? labels.noActual[lang] : tx(t.actualText, lang)
        }`
      ),
      onTrackText(t.onTrack)
    ]
  })
  return facts
}

/**
 * The facts of a results goal in display order: level, goals contributed to, SDG targets,
 * principles. Absent facts are left out.
 *
 * @category rendering
 * @since 0.2.0
 */
export const goalFacts = (goal: ResultGoalView): ReadonlyArray<{ readonly label: LocalizedText; readonly values: ReadonlyArray<LocalizedText> }> => {
  const facts: Array<{ label: LocalizedText; values: ReadonlyArray<LocalizedText> }> = [{ label: labels.level, values: [goal.levelName] }]
  if (goal.contributesTo.length > 0) facts.push({ label: labels.contributesTo, values: goal.contributesTo.map((g) => g.title) })
  if (goal.sdgTargets.length > 0) facts.push({ label: labels.sdgTargets, values: goal.sdgTargets.map((t) => mapText(t.title, (s) => `${t.code} ${s}`)) })
  if (goal.principles.length > 0) facts.push({ label: labels.principles, values: goal.principles.map((p) => p.name) })
  return facts
}

/**
 * The notes of an indicator's periods, in words: the partnership's comments, the reasons
 * for not reporting and the disaggregated values.
 *
 * @category rendering
 * @since 0.2.0
 */
export const periodNotes = (ind: IndicatorView): ReadonlyArray<LocalizedText> =>
  ind.periods.flatMap((p) => {
    const out: Array<LocalizedText> = []
    if (p.notReported !== undefined) {
      const reason = p.notReported
      out.push(both((lang) => `${tx(p.period.name, lang)}, ${labels.notReported[lang]}: ${tx(reason, lang)}`))
    }
    if (p.disaggregated.length > 0) {
      out.push(both((lang) => `${tx(p.period.name, lang)}, ${labels.disaggregation[lang].toLowerCase()}: ${p.disaggregated.map((d) => `${tx(d.category, lang)} ${formatNumber(d.value, lang)}`).join(", ")}`))
    }
    if (p.comment !== undefined) {
      const comment = p.comment
      out.push(both((lang) => `${tx(p.period.name, lang)}: ${tx(comment, lang)}`))
    }
    return out
  })

/**
 * The {@link ResultsInput} of everything stored for a programme: its goals, their indicators,
 * the actuals and reports of its partnerships, and its reporting rules.
 *
 * @category constructors
 * @since 0.2.0
 */
export const loadResults = (
  programme: string
): Effect.Effect<ResultsInput, StoreError, Goal.Store | Indicator.Store | Actual.Store | ProgressReport.Store | ReportingCycle.Store> =>
  Effect.gen(function*() {
    const goals = (yield* (yield* Goal.Store).list()).filter((g) => g.programme === programme)
    const ids = new Set(goals.map((g) => g.id as string))
    const indicators = (yield* (yield* Indicator.Store).list()).filter((i) => ids.has(i.goal))
    const indicatorIds = new Set(indicators.map((i) => i.id as string))
    const actuals = (yield* (yield* Actual.Store).list()).filter((a) => indicatorIds.has(a.indicator))
    const reports = yield* (yield* ProgressReport.Store).list()
    const rules = Option.getOrUndefined(yield* (yield* ReportingCycle.Store).find(programme))
    return { goals, indicators, actuals, reports, ...(rules === undefined ? {} : { rules }) }
  }).pipe(Effect.withSpan("View.loadResults"))
