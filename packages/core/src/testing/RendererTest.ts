/**
 * The contract suite every {@link Renderer.Renderer} adapter runs: each supported view renders
 * in both languages, the same input gives the same bytes, unsupported views are refused with a
 * typed error, contact persons and internal results data (review and return comments,
 * approval notes, evidence, actuals of reports not approved) never appear, and hostile text
 * (script tags, attribute breakers, `javascript:` URLs, Markdown and CSV formula injection,
 * control characters) comes out inert. The fixture's project card, network report and
 * activity file carry results ({@link results}), so every check covers them.
 *
 * @example
 * ```ts
 * import { RendererTest } from "@localrights/core/testing"
 * import { HtmlRenderer } from "@localrights/render-html"
 * RendererTest.suite("html", HtmlRenderer.layer())
 * ```
 *
 * @since 0.1.0
 */
import { assert, describe, it } from "@effect/vitest"
import { Effect, Exit, Layer } from "effect"
import type { CalendarDate } from "../CalendarDate.ts"
import type { CountryCode } from "../Country.ts"
import type { ActorId, NetworkId, OrganisationId, PartnershipId, ProgrammeId } from "../Ids.ts"
import type { Lang } from "../LocalizedText.ts"
import type { CurrencyCode } from "../Money.ts"
import * as CalendarEvent from "../programme-work/CalendarEvent.ts"
import { Network } from "../partnership/Network.ts"
import { Organisation } from "../partnership/Organisation.ts"
import { type Decision, Partnership } from "../partnership/Partnership.ts"
import { Programme } from "../partnership/Programme.ts"
import { Renderer } from "../publishing/Renderer.ts"
import type { GoalNumber, TargetCode } from "../Sdg.ts"
import * as View from "../publishing/View.ts"
import * as Actual from "../results/Actual.ts"
import * as Goal from "../results/Goal.ts"
import * as Indicator from "../results/Indicator.ts"
import * as ProgressReport from "../results/ProgressReport.ts"
import * as ReportingCycle from "../results/ReportingCycle.ts"
import type * as ReportingPeriod from "../results/ReportingPeriod.ts"

/**
 * Hostile texts every renderer must render inert.
 *
 * @category constructors
 * @since 0.1.0
 */
export const payloads: ReadonlyArray<string> = [
  "<script>alert(1)</script>",
  "\"><img src=x onerror=alert(1)>",
  "'><svg onload=alert(1)>",
  "javascript:alert(1)",
  "[klick](javascript:alert(1))",
  "![x](javascript:alert(1))",
  "<a href=\"javascript:alert(1)\">x</a>",
  "</textarea></title><iframe src=//evil.example>",
  "=HYPERLINK(\"http://evil.example\",\"x\")",
  "+1+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(A1:A9)",
  "\t=1+1",
  "| a | b |\n|---|---|\n| c | d |",
  "# heading\n* list\n> quote",
  "]]><x>&amp;",
  "<!-- open comment",
  "ctrl\u0000\u0007\u001b\u000bchars",
  "a\r\nb,\"c\""
]

/**
 * Contact persons of the fixture: personal data that must appear in no output.
 *
 * @category constructors
 * @since 0.1.0
 */
export const personalData: ReadonlyArray<string> = [
  "Testperson Hemligsson",
  "hemligsson@example.se",
  "+46 46 000 00 00",
  "Privat Kontaktsdotter",
  "kontakt.privat@example.org"
]

/**
 * Internal results data of the fixture (a reviewer's comments, return comments, an approval
 * note, evidence references, actuals of a report not approved yet): it must appear in no
 * output.
 *
 * @category constructors
 * @since 0.2.0
 */
export const internalResults: ReadonlyArray<string> = [
  "Granskarens interna anteckning",
  "Reviewer's internal note",
  "närvarolista-hemligsson.pdf",
  "Återsänd: komplettera",
  "Approval note, internal",
  "Inte godkänt utfall 777"
]

/**
 * The results framework of the fixture: for partnership `p-one`, an overall goal, an
 * individual goal contributing to it, three indicators (persons trained, summed and by gender;
 * a described 1–5 scale; documents, one marked not reported), actuals for three periods, the
 * preparation year's report returned and then approved, implementation year 1 approved and
 * year 2 submitted (its actuals not public yet), and reporting rules from 2021-01-01. Free
 * texts are `text` when given; internal texts are always {@link internalResults}.
 *
 * @category constructors
 * @since 0.2.0
 */
export const results = (text?: string): View.ResultsInput => {
  const t = (sv: string, en: string) => (text === undefined ? { sv, en } : { sv: text, en: text })
  const [reviewSv, reviewEn, evidence, returnText, approvalNote, hidden] = internalResults
  const prep: ReportingPeriod.Period = { phase: "preparation", year: 1 as ReportingPeriod.Period["year"] }
  const impl = (year: number): ReportingPeriod.Period => ({ phase: "implementation", year: year as ReportingPeriod.Period["year"] })
  const overall = new Goal.Goal({
    id: "overall" as Goal.GoalId,
    programme: "programme" as ProgrammeId,
    level: "programme",
    title: t("Inkluderande styrning", "Inclusive governance"),
    description: t("Programmets övergripande mål", "The programme's overall goal"),
    sdgTargets: ["10.2" as TargetCode],
    principles: [],
    contributesTo: [],
    illustrative: true,
    version: 1
  })
  const own = new Goal.Goal({
    id: "p-one-leadership" as Goal.GoalId,
    programme: "programme" as ProgrammeId,
    level: "partnership",
    partnership: "p-one" as PartnershipId,
    title: t("Inkluderande ledarskap", "Inclusive leadership"),
    sdgTargets: ["10.2" as TargetCode, "16.7" as TargetCode],
    principles: [{ framework: "panel" as never, principle: "participation" as never }],
    contributesTo: [overall.id],
    illustrative: true,
    version: 1
  })
  const trained = new Indicator.Indicator({
    id: "trained" as Indicator.IndicatorId,
    goal: own.id,
    title: t("Utbildade tjänstepersoner", "Officials trained"),
    description: t("Antal som gått utbildningen", "How many took the training"),
    measure: { _tag: "Quantitative", unit: "persons", unitName: t("personer", "persons"), aggregation: "sum", ascending: true, iatiMeasure: 1 },
    baseline: { value: 0, date: "2021-01-01" as CalendarDate, comment: t("Ingen utbildning före projektet", "No training before the project") },
    targets: [{ period: prep, value: 5 }, { period: impl(1), value: 20 }, { period: impl(2), value: 20 }, { period: impl(3), value: 20, comment: t("Sista året", "The last year") }],
    disaggregation: ["gender"],
    illustrative: true,
    version: 1
  })
  const maturity = new Indicator.Indicator({
    id: "maturity" as Indicator.IndicatorId,
    goal: own.id,
    title: t("Mognad i delaktighet", "Maturity of participation"),
    measure: {
      _tag: "Qualitative",
      ascending: true,
      iatiMeasure: 4,
      scale: [
        { value: 1, label: t("Ingen struktur", "No structure") },
        { value: 2, label: t("Enstaka samråd", "Occasional consultation") },
        { value: 3, label: t("Regelbundna samråd", "Regular consultation") }
      ]
    },
    baseline: { value: 1, date: "2021-01-01" as CalendarDate },
    targets: [{ period: prep, value: 2 }, { period: impl(1), value: 2 }, { period: impl(2), value: 3 }, { period: impl(3), value: 3 }],
    disaggregation: [],
    illustrative: true,
    version: 1
  })
  const documents = new Indicator.Indicator({
    id: "documents" as Indicator.IndicatorId,
    goal: own.id,
    title: t("Reviderade styrdokument", "Steering documents revised"),
    measure: { _tag: "Quantitative", unit: "documents", unitName: t("dokument", "documents"), aggregation: "sum", ascending: true, iatiMeasure: 1 },
    targets: [{ period: impl(1), value: 1 }, { period: impl(2), value: 2 }],
    disaggregation: [],
    illustrative: true,
    version: 1
  })
  const review = { date: "2022-02-01" as CalendarDate, comment: { sv: reviewSv!, en: reviewEn! } }
  const actual = (ind: Indicator.Indicator, period: ReportingPeriod.Period, result: Actual.Result, extra: Partial<Pick<Actual.Actual, "comment">> = {}, reviewed = true) =>
    new Actual.Actual({
      id: Actual.idOf(ind.id, "p-one", period),
      indicator: ind.id,
      partnership: "p-one" as PartnershipId,
      period,
      result,
      ...extra,
      evidence: [{ document: evidence!, description: { sv: reviewSv!, en: reviewEn! } }],
      entered: "2021-12-10" as CalendarDate,
      ...(reviewed ? { status: "reviewed" as const, reviewed: review } : { status: "entered" as const }),
      version: 1
    })
  const reported = (value: number, disaggregated: Extract<Actual.Result, { _tag: "Reported" }>["disaggregated"] = []) =>
    ({ _tag: "Reported" as const, value, disaggregated })
  const actuals = [
    actual(trained, prep, reported(8, [{ dimension: "gender", category: "women", value: 5 }, { dimension: "gender", category: "men", value: 3 }]), { comment: t("Introduktionsutbildning", "Introductory training") }),
    actual(maturity, prep, reported(2)),
    actual(documents, prep, { _tag: "NotReported", reason: t("Revideras från år 1", "Revised from year 1") }),
    actual(trained, impl(1), reported(22)),
    actual(maturity, impl(1), reported(2)),
    actual(documents, impl(1), reported(1)),
    // submitted, not approved: not public
    actual(trained, impl(2), reported(777), { comment: { sv: hidden!, en: hidden! } }, false)
  ]
  const included = (period: ReportingPeriod.Period) => actuals.filter((a) => a.period.phase === period.phase && a.period.year === period.year).map((a) => ({ actual: a.id, version: a.version }))
  const report = (period: ReportingPeriod.Period, steps: ProgressReport.ProgressReport["steps"], status: ProgressReport.Status) =>
    new ProgressReport.ProgressReport({
      id: ProgressReport.idOf("p-one", period),
      partnership: "p-one" as PartnershipId,
      period,
      final: false,
      narrative: t("Året i korthet", "The year in brief"),
      status,
      steps,
      version: 1
    })
  const reports = [
    report(prep, [
      { _tag: "Submitted", date: "2022-01-31" as CalendarDate, actuals: included(prep) },
      { _tag: "Returned", date: "2022-02-07" as CalendarDate, comments: [{ field: "actuals.documents", text: { sv: returnText!, en: returnText! } }] },
      { _tag: "Submitted", date: "2022-02-11" as CalendarDate, actuals: included(prep) },
      { _tag: "Approved", date: "2022-02-14" as CalendarDate, note: { sv: approvalNote!, en: approvalNote! } }
    ], "approved"),
    report(impl(1), [
      { _tag: "Submitted", date: "2023-02-01" as CalendarDate, actuals: included(impl(1)) },
      { _tag: "Approved", date: "2023-02-20" as CalendarDate }
    ], "approved"),
    report(impl(2), [{ _tag: "Submitted", date: "2024-02-01" as CalendarDate, actuals: included(impl(2)) }], "submitted")
  ]
  const rules = new ReportingCycle.ReportingRules({
    id: "programme" as ProgrammeId,
    start: "2021-01-01" as CalendarDate,
    dueDays: 60,
    finalDueDays: 90,
    remindBefore: [30, 7],
    remindEvery: 14,
    version: 1
  })
  return { goals: [overall, own], indicators: [trained, maturity, documents], actuals, reports, rules }
}

const org = (id: string, kind: Organisation["kind"], sv: string, en: string, country: string, withContacts: boolean) =>
  new Organisation({
    id: id as OrganisationId,
    kind,
    name: { sv, en },
    country: country as CountryCode,
    identifiers: {},
    contacts: withContacts
      ? [
        { name: personalData[0]!, email: personalData[1]!, phone: personalData[2]!, role: { sv: "MR-strateg", en: "Human-rights strategist" } },
        { name: personalData[3]!, email: personalData[4]! }
      ]
      : [],
    version: 1
  })

/**
 * Every view kind, built from a fixture whose free texts are `text` (or ordinary texts when
 * `text` is undefined), with contact persons on every organisation.
 *
 * @category constructors
 * @since 0.1.0
 */
export const views = (text?: string): { readonly [K in View.Kind]: Extract<View.View, { readonly _tag: K }> } => {
  const t = (sv: string, en: string) => (text === undefined ? { sv, en } : { sv: text, en: text })
  const one = (en: string) => (text === undefined ? { en } : { en: text })
  const organisations = [
    org("organiser", "agency", "Organisatören", "The Organiser", "SE", true),
    org("lund", "municipality", "Lunds kommun", "Lund Municipality", "SE", true),
    org("francistown", "international-municipality", "Francistown City Council", "Francistown City Council", "BW", true),
    org("university", "university", "Universitetet", "The University", "SE", true)
  ].map((o) => text === undefined ? o : new Organisation({ ...o, name: { sv: text, en: text } }))
  const programme = new Programme({
    id: "programme" as ProgrammeId,
    organiser: "organiser" as OrganisationId,
    kind: "municipal-partnership",
    name: t("Programmet", "The programme"),
    phases: { preparationYears: 1, implementationYears: 3 },
    eligibleSwedishPartnerKinds: ["municipality", "region"],
    eligiblePartnerCountries: ["BW"] as Array<CountryCode>,
    associateKinds: ["university"],
    networkSize: { min: 3, max: 8 },
    focusAreas: ["accessibility", "young-people"],
    criteriaFrameworks: [],
    version: 1
  })
  const network = new Network({
    id: "network" as NetworkId,
    programme: programme.id,
    name: t("Nätverket", "The network"),
    started: "2020-12-10" as CalendarDate,
    expected: [{ note: t("En kommun till väntas", "One more municipality expected") }],
    version: 1
  })
  // a consistent partnership (see `Partnership.invariants`): from admitted on its network and
  // the approved decisions that led there (taken outside the system: overrides), from matched
  // on its international partner
  const approved = (gate: Decision["gate"]): Decision => ({
    gate,
    outcome: "approved",
    decidedBy: "organiser" as ActorId,
    date: "2020-12-10" as CalendarDate,
    evidence: { _tag: "Override", justification: t("Styrelsebeslut", "Board decision") }
  })
  const partnership = (id: string, status: "admitted" | "implementation", tagged: boolean) =>
    new Partnership({
      id: id as PartnershipId,
      programme: programme.id,
      title: t(`Partnerskap ${id}`, `Partnership ${id}`),
      swedishPartner: "lund" as OrganisationId,
      ...(status === "implementation"
        ? { internationalPartner: "francistown" as OrganisationId, partnerCountry: "BW" as CountryCode, implementationYear: 2 }
        : {}),
      associates: [{ organisation: "university" as OrganisationId, role: "university", description: t("Stöd", "Support") }],
      network: network.id,
      status,
      projectArea: one("Inclusive leadership and governance"),
      theme: one("Human Rights"),
      focusAreas: ["accessibility", "young-people"],
      sdgTags: tagged
        ? [
          { goal: 10 as GoalNumber, significance: "principal" },
          { goal: 10 as GoalNumber, target: "10.2" as TargetCode, significance: "principal" },
          { goal: 16 as GoalNumber, target: "16.7" as TargetCode, significance: "significant" }
        ]
        : [],
      description: t("Beskrivningen", "The description"),
      goals: [t("Ett mål", "A goal")],
      decisions: status === "implementation"
        ? [approved("application-assessment"), approved("preparation-budget"), approved("project-plan-assessment"), approved("full-budget")]
        : [approved("application-assessment")],
      version: 1
    })
  const partnerships = [partnership("p-one", "implementation", true), partnership("p-two", "admitted", false)]
  const dir = View.directory({ organisations, programmes: [programme], networks: [network] })
  const assessment: View.AssessmentInput = {
    partnership: "p-one" as PartnershipId,
    framework: t("Rättighetsbaserat arbetssätt", "Rights-based approach"),
    purpose: t("Projektplan", "Project plan"),
    date: "2021-11-01" as CalendarDate,
    verdict: { name: t("Godkänd", "Pass"), reason: t("Alla principer når miniminivån.", "All principles meet their minimum.") },
    maxScore: 4,
    scores: [
      { principle: "participation", name: t("Delaktighet", "Participation"), score: 3, note: t("Bra", "Good") },
      { principle: "non-discrimination", name: t("Icke-diskriminering", "Non-discrimination"), score: 2 },
      { principle: "transparency", name: t("Transparens", "Transparency"), score: 4 }
    ]
  }
  const funding: View.FundingInput = {
    partnership: "p-one" as PartnershipId,
    period: { start: "2021-01-01" as CalendarDate, end: "2021-12-31" as CalendarDate },
    currency: "SEK" as CurrencyCode,
    lines: [
      { category: "travel", name: t("Resor", "Travel"), budget: 20_000_000, actual: 15_000_050 },
      { category: "lodging", name: t("Logi", "Lodging"), budget: 10_000_000, actual: 12_000_000 }
    ]
  }
  const first = partnerships[0]!
  const framework = results(text)
  const card = View.projectCard(first, dir, framework)
  const registrant = (i: number) => ({ name: personalData[i === 0 ? 0 : 3]!, email: personalData[i === 0 ? 1 : 4]!, signedUp: "2023-03-01" as CalendarDate })
  const event: CalendarEvent.CalendarEvent = {
    ...Effect.runSync(CalendarEvent.make({
      id: "event-one",
      kind: "training-session",
      title: t("Utbildningstillfälle 1", "Training session 1"),
      description: t("Första tillfället", "The first session"),
      organiser: "organiser" as OrganisationId,
      city: t("Lund", "Lund"),
      venue: one("Town hall"),
      schedule: { _tag: "Timed", start: "2023-04-20T09:00" as never, end: "2023-04-20T16:00" as never, timeZone: "Europe/Stockholm" as never },
      capacity: 2,
      registrationDeadline: "2023-04-01" as CalendarDate,
      programmeItems: [{
        time: "09:00",
        title: t("Välkommen", "Welcome"),
        speakers: [{ name: text ?? "Anna Talare", role: t("Moderator", "Moderator"), organisation: t("Organisatören", "The Organiser") }]
      }]
    })),
    status: "full",
    seats: [registrant(0), registrant(1)]
  }
  return {
    ProjectCard: card,
    Catalogue: View.catalogue(
      {
        items: partnerships,
        total: 2,
        next: "cursor-next",
        facets: { status: { implementation: 1, admitted: 1 }, country: { BW: 1 }, sdgGoal: { "10": 1, "16": 1 }, focusArea: { accessibility: 2 } }
      },
      { text: text ?? "ledarskap", sdgGoal: 10 as GoalNumber, country: "BW" as CountryCode },
      dir
    ),
    NetworkReport: View.networkReport({
      network,
      partnerships,
      directory: dir,
      assessments: [assessment],
      funding: [funding],
      unknowns: [t("Okänd uppgift", "Unknown fact")],
      results: framework
    }),
    AssessmentSummary: View.assessmentSummary(assessment, first),
    FundingStatement: View.fundingStatement(funding, first),
    EventPage: View.eventPage(event, dir),
    ActivityFile: View.activityFile({
      partnerships,
      directory: dir,
      results: framework,
      extra: (p) =>
        p.id === first.id
          ? {
            dates: [{ type: "actual-start", date: "2021-01-01" as CalendarDate }, { type: "planned-end", date: "2024-12-31" as CalendarDate }],
            budgets: [{
              start: "2021-01-01" as CalendarDate,
              end: "2021-12-31" as CalendarDate,
              value: { minor: 30_000_000, currency: "SEK" as CurrencyCode },
              status: "committed"
            }],
            disbursements: [{ date: "2021-02-01" as CalendarDate, value: { minor: 15_000_000, currency: "SEK" as CurrencyCode }, receiver: card.swedishPartner }],
            policyMarkers: [{ code: "3", significance: 2 }]
          }
          : {}
    })
  }
}

const controlChars = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/

/**
 * What makes a document unsafe for its media type, or `undefined` when it is inert.
 *
 * **Details**
 *
 * HTML and XML: a `script`, `iframe`, `img`, `object` or `embed` element, an `on…` event
 * attribute, a `javascript:` URL in an attribute, an element the payload opened (`<x>`),
 * control characters. Markdown: raw HTML elements, links to `javascript:`, a table row whose
 * unescaped pipes differ from its header, a payload line that became a heading, list or quote.
 * CSV: rows of different width, a text cell that a spreadsheet reads as a formula.
 *
 * @category rules
 * @since 0.1.0
 */
export const unsafe = (doc: { readonly mediaType: string; readonly body: string }): string | undefined => {
  const body = doc.body
  if (controlChars.test(body)) return "control characters"
  const type = doc.mediaType.split(";")[0]!.trim()
  if (type === "text/html" || type.endsWith("xml")) {
    if (/<(script|iframe|img|object|embed|textarea|x)\b/i.test(body)) return "an injected element"
    if (/<[a-z][^>]*\son[a-z]+\s*=/i.test(body)) return "an event-handler attribute"
    if (/(href|src|action|formaction|xlink:href)\s*=\s*["']?\s*javascript:/i.test(body)) return "a javascript: URL"
    if (/<!--(?![\s\S]*?-->)/.test(body)) return "an unclosed comment"
    return undefined
  }
  if (type === "text/markdown") {
    if (/<(script|iframe|img|svg|a|object|embed|textarea|x)\b/i.test(body)) return "raw HTML"
    if (/\]\(\s*javascript:/i.test(body)) return "a javascript: link"
    if (/^(#{1,6} heading|\* list|> quote)/m.test(body)) return "a payload turned into Markdown structure"
    if (/<!--/.test(body)) return "a raw HTML comment"
    const lines = body.split("\n")
    let width = -1
    for (const line of lines) {
      if (!line.startsWith("|")) {
        width = -1
        continue
      }
      const pipes = (line.match(/(?<!\\)\|/g) ?? []).length
      if (width === -1) width = pipes
      else if (pipes !== width) return `a table row with ${pipes - 1} cells instead of ${width - 1}: ${line}`
    }
    return undefined
  }
  if (type === "text/csv") {
    const rows = parseCsv(body)
    if (rows === undefined) return "malformed CSV"
    const width = rows[0]?.length ?? 0
    for (const row of rows) {
      if (row.length !== width) return `a row with ${row.length} cells instead of ${width}`
      for (const cell of row) {
        if (/^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell)) return `a formula cell: ${cell}`
      }
    }
    return undefined
  }
  return `unknown media type ${doc.mediaType}`
}

/**
 * Parses RFC 4180 CSV (CRLF between records, a CRLF after the last one allowed), or returns
 * `undefined` when it is malformed.
 *
 * @category rules
 * @since 0.1.0
 */
export const parseCsv = (text: string): ReadonlyArray<ReadonlyArray<string>> | undefined => {
  const rows: Array<Array<string>> = []
  let row: Array<string> = []
  let i = 0
  const n = text.length
  if (n === 0) return []
  while (i <= n) {
    let cell = ""
    if (text[i] === "\"") {
      i++
      for (;;) {
        if (i >= n) return undefined
        if (text[i] === "\"") {
          if (text[i + 1] === "\"") {
            cell += "\""
            i += 2
          } else {
            i++
            break
          }
        } else cell += text[i++]
      }
    } else {
      while (i < n && text[i] !== "," && text[i] !== "\r" && text[i] !== "\n") {
        if (text[i] === "\"") return undefined
        cell += text[i++]
      }
    }
    row.push(cell)
    if (i >= n) {
      rows.push(row)
      break
    }
    if (text[i] === ",") {
      i++
      continue
    }
    if (text[i] === "\r" && text[i + 1] === "\n") {
      rows.push(row)
      row = []
      i += 2
      if (i === n) break
      continue
    }
    return undefined
  }
  return rows
}

const langs: ReadonlyArray<Lang> = ["sv", "en"]

/**
 * Registers the suite under `name` with vitest.
 *
 * @category constructors
 * @since 0.1.0
 */
export const suite = <E>(name: string, layer: Layer.Layer<Renderer, E>): void => {
  describe(`Renderer contract: ${name}`, () => {
    const run = <A, E2>(self: Effect.Effect<A, E2, Renderer>) => self.pipe(Effect.provide(layer))

    it.effect("supports at least one view kind", () =>
      run(Effect.gen(function*() {
        const renderer = yield* Renderer
        assert.isAbove(renderer.supports.length, 0)
      })))

    it.effect("renders every supported view in sv and en, deterministically", () =>
      run(Effect.gen(function*() {
        const renderer = yield* Renderer
        for (const kind of renderer.supports) {
          for (const lang of langs) {
            const a = yield* renderer.render(views()[kind], lang)
            const b = yield* renderer.render(views()[kind], lang)
            assert.isAbove(a.body.length, 0, `${kind} ${lang} is empty`)
            assert.strictEqual(a.body, b.body, `${kind} ${lang} differs between two renderings`)
            assert.strictEqual(a.fileName, b.fileName)
            assert.isTrue(a.mediaType.includes("charset=utf-8"), `${kind}: media type ${a.mediaType} names no charset`)
            assert.isUndefined(unsafe(a), `${kind} ${lang}: ${unsafe(a)}`)
          }
        }
      })))

    it.effect("refuses unsupported views with RenderError unsupported-view", () =>
      run(Effect.gen(function*() {
        const renderer = yield* Renderer
        for (const kind of View.kinds.filter((k) => !renderer.supports.includes(k))) {
          const exit = yield* Effect.exit(renderer.render(views()[kind], "sv"))
          assert.isTrue(Exit.isFailure(exit), `${kind} should be refused`)
          if (Exit.isFailure(exit)) {
            const error = exit.cause.reasons.find((r) => r._tag === "Fail")
            assert.strictEqual(error?._tag === "Fail" ? (error.error as { reason?: string }).reason : undefined, "unsupported-view")
          }
        }
      })))

    it.effect("never shows contact persons or internal results data", () =>
      run(Effect.gen(function*() {
        const renderer = yield* Renderer
        for (const kind of renderer.supports) {
          for (const lang of langs) {
            const doc = yield* renderer.render(views()[kind], lang)
            for (const secret of personalData) {
              assert.isFalse(doc.body.includes(secret), `${kind} ${lang} shows personal data: ${secret}`)
            }
            for (const secret of internalResults) {
              assert.isFalse(doc.body.includes(secret), `${kind} ${lang} shows internal results data: ${secret}`)
            }
          }
        }
      })))

    it.effect("renders the results sections of project cards and activity files", () =>
      run(Effect.gen(function*() {
        const renderer = yield* Renderer
        const all = views()
        assert.isDefined(all.ProjectCard.results, "the fixture's card has results")
        assert.isDefined(all.NetworkReport.results, "the fixture's network report has results")
        const { results: _card, ...card } = all.ProjectCard
        const without = {
          ProjectCard: card,
          ActivityFile: { ...all.ActivityFile, activities: all.ActivityFile.activities.map(({ results: _r, ...a }) => a) }
        }
        for (const kind of (["ProjectCard", "ActivityFile"] as const).filter((k) => renderer.supports.includes(k))) {
          for (const lang of langs) {
            const a = yield* renderer.render(all[kind], lang)
            const b = yield* renderer.render(without[kind], lang)
            assert.notStrictEqual(a.body, b.body, `${kind} ${lang}: the results do not show`)
          }
        }
      })))

    it.effect("renders hostile text inert", () =>
      run(Effect.gen(function*() {
        const renderer = yield* Renderer
        for (const payload of payloads) {
          for (const kind of renderer.supports) {
            for (const lang of langs) {
              const doc = yield* renderer.render(views(payload)[kind], lang)
              const problem = unsafe(doc)
              assert.isUndefined(problem, `${kind} ${lang} with payload ${JSON.stringify(payload)}: ${problem}`)
            }
          }
        }
      })))
  })
}
