import { assert, describe, it } from "@effect/vitest"
import { Assessment, Budget, Catalogue, Disbursement, Frameworks, type Ids, Money, Organisation, Partnership, type Sdg, View } from "@localrights/core"
import { IcldCohort2020 } from "@localrights/core/examples"
import { Effect } from "effect"
import * as fc from "fast-check"

const dir = View.directory({
  organisations: IcldCohort2020.organisations,
  programmes: [IcldCohort2020.programme],
  networks: [IcldCohort2020.network]
})

// a consistent partnership in its preparation year: admitted to the network, matched, with the
// approved decisions that led there (taken outside the system: overrides)
const approved = (gate: Partnership.Gate) =>
  Effect.runSync(Partnership.makeDecision({
    gate,
    outcome: "approved",
    decidedBy: "icld",
    date: "2020-12-10",
    evidence: { _tag: "Override", justification: { en: "Decided by the programme board" } }
  }))
const lund = new Partnership.Partnership({
  ...IcldCohort2020.lundFrancistown,
  internationalPartner: "francistown" as Ids.OrganisationId,
  partnerCountry: "BW" as never,
  network: IcldCohort2020.network.id,
  status: "preparation",
  decisions: [approved("application-assessment"), approved("preparation-budget")]
})

describe("View.projectCard", () => {
  it("shows the fields of ICLD's card for Lund and Francistown", () => {
    const card = View.projectCard(lund, dir)
    assert.deepStrictEqual(card.projectArea, { en: "Inclusive leadership and governance" })
    assert.deepStrictEqual(card.goals, [{ number: 10 as Sdg.GoalNumber, label: { sv: "10 – Minskad ojämlikhet", en: "10 – Reduced inequalities" }, significance: "principal" }])
    assert.deepStrictEqual(card.theme, { en: "Human Rights" })
    assert.deepStrictEqual(card.swedishPartner.name, { sv: "Lunds kommun", en: "Lund Municipality" })
    assert.strictEqual(card.internationalPartner?.name.en, "Francistown City Council")
    assert.deepStrictEqual(card.partnerCountry, { code: "BW" as never, name: { en: "Botswana" } })
    assert.deepStrictEqual(card.statusName, { sv: "Förberedelseår", en: "Preparation year" })
    assert.strictEqual(card.associates.length, 3)
  })

  it("an organisation missing from the directory shows as unknown with its id", () => {
    const card = View.projectCard(lund, View.directory({}))
    assert.strictEqual(card.swedishPartner.kind, "unknown")
    assert.deepStrictEqual(card.swedishPartner.name, { sv: "Okänd organisation (lund)", en: "Unknown organisation (lund)" })
  })

  it("never copies contact persons (property)", () => {
    fc.assert(fc.property(fc.stringMatching(/^[A-Z][a-z]{3,12} [A-Z][a-z]{3,12}$/), (name) => {
      const secret = `QQ ${name}`
      const orgs = IcldCohort2020.organisations.map((o) =>
        new Organisation.Organisation({ ...o, contacts: [{ name: secret, email: "qq.secret@example.se" }] })
      )
      const d = View.directory({ organisations: orgs, programmes: [IcldCohort2020.programme], networks: [IcldCohort2020.network] })
      const json = JSON.stringify([View.projectCard(lund, d), View.networkReport({ network: IcldCohort2020.network, partnerships: [lund], directory: d })])
      assert.notInclude(json, secret)
      assert.notInclude(json, "qq.secret@example.se")
    }))
  })

  it("a goal tagged only through a target is listed once, with the strongest significance", () => {
    const p = new Partnership.Partnership({
      ...IcldCohort2020.lundFrancistown,
      sdgTags: [
        { goal: 16 as Sdg.GoalNumber, target: "16.7" as Sdg.TargetCode, significance: "significant" },
        { goal: 16 as Sdg.GoalNumber, target: "16.b" as Sdg.TargetCode, significance: "principal" }
      ]
    })
    const card = View.projectCard(p, dir)
    assert.deepStrictEqual(card.goals.map((g) => [g.number, g.significance]), [[16, "principal"]])
    assert.deepStrictEqual(card.targets.map((t) => t.code), ["16.7", "16.b"])
  })
})

describe("View.catalogue", () => {
  it("names the active filters in both languages and sorts goal facets by number", () => {
    const all = [lund, ...IcldCohort2020.admitted]
    const query: Catalogue.Query = { status: ["admitted"], sdgGoal: 10 as Sdg.GoalNumber, text: "lund" }
    const view = View.catalogue(Catalogue.run(all, {}), query, dir)
    assert.deepStrictEqual(view.filters.map((f) => f.value.sv), ["Antagen till nätverket", "10 – Minskad ojämlikhet", "lund"])
    assert.strictEqual(view.total, 6)
    const goals = view.facets.find((f) => f.name.en === "Global goal")
    assert.deepStrictEqual(goals?.values.map((v) => v.count), [1])
  })
})

describe("View.networkReport", () => {
  it("counts SDG coverage over the network's partnerships only", () => {
    // a partnership in no network (not admitted yet), with the same goal as Lund's
    const outsider = new Partnership.Partnership({ ...IcldCohort2020.lundFrancistown, id: "outside" as Ids.PartnershipId })
    assert.deepStrictEqual(outsider.sdgTags, lund.sdgTags)
    const report = View.networkReport({ network: IcldCohort2020.network, partnerships: [lund, outsider, ...IcldCohort2020.admitted], directory: dir })
    assert.strictEqual(report.cards.length, 6)
    assert.deepStrictEqual(report.sdgCoverage.rows, [{ key: "10", label: { sv: "10 – Minskad ojämlikhet", en: "10 – Reduced inequalities" }, values: [1, 0] }])
    assert.include(report.sdgCoverage.summary.en ?? "", "5 partnerships have no global goal recorded")
    assert.strictEqual(report.expected.length, 2)
    assert.isUndefined(report.budgetVsActual)
    assert.isUndefined(report.assessmentScores)
  })

  it("charts budget against actual only when every statement is in one currency", () => {
    const line = { category: "travel", name: { sv: "Resor", en: "Travel" }, budget: 100, actual: 50 }
    const sek = { partnership: lund.id, currency: "SEK" as Money.CurrencyCode, lines: [line] }
    const one = View.networkReport({ network: IcldCohort2020.network, partnerships: [lund], directory: dir, funding: [sek] })
    assert.deepStrictEqual(one.budgetVsActual?.rows[0]?.values, [100, 50])
    const p2 = new Partnership.Partnership({ ...lund, id: "p2" as Ids.PartnershipId })
    const mixed = View.networkReport({
      network: IcldCohort2020.network,
      partnerships: [lund, p2],
      directory: dir,
      funding: [sek, { ...sek, partnership: p2.id, currency: "EUR" as Money.CurrencyCode }]
    })
    assert.isUndefined(mixed.budgetVsActual)
    assert.strictEqual(mixed.funding.length, 2)
  })
})

describe("View.assessmentInput", () => {
  it("takes principle names, scores, evidence and verdict from the framework", () => {
    const a = Effect.runSync(Assessment.make({
      id: "a1",
      subject: { partnership: lund.id, stage: "project-plan" },
      framework: { id: Frameworks.panel.id, version: Frameworks.panel.version },
      assessor: "assessor-1",
      date: "2021-11-01",
      scores: Frameworks.panel.principles.map((p, i) => ({
        principle: p.id,
        score: i === 0 ? 1 : 3,
        ...(i === 0 ? { evidence: { sv: "Svagt underlag", en: "Weak evidence" } } : {})
      }))
    }))
    const input = View.assessmentInput(a, Frameworks.panel)
    assert.strictEqual(input.scores.length, Frameworks.panel.principles.length)
    assert.deepStrictEqual(input.scores[0]?.note, { sv: "Svagt underlag", en: "Weak evidence" })
    assert.deepStrictEqual(input.purpose, { sv: "Projektplan", en: "Project plan" })
    assert.strictEqual(input.maxScore, Frameworks.panel.scale.max)
    assert.isDefined(input.verdict)
    const summary = View.assessmentSummary(input, lund)
    assert.strictEqual(summary.chart.rows.length, input.scores.length)
  })
})

describe("View.activityFunding", () => {
  it("dates budget periods from the start of the preparation year, one year each", () => {
    const SEK = "SEK" as Money.CurrencyCode
    const line = (id: string, phase: "preparation" | "implementation", year: number, kronor: number) => ({
      id,
      phase,
      year,
      category: "travel" as const,
      purpose: "exchange-trip" as const,
      side: "swedish" as const,
      amount: Money.sek(kronor)
    })
    const budget = new Budget.Budget({
      id: "b1" as never,
      partnership: lund.id,
      scope: "full",
      currency: SEK,
      lines: [line("l1", "preparation", 1, 200_000), line("l2", "preparation", 1, 100_000), line("l3", "implementation", 2, 500_000)],
      version: 1
    })
    const plan = new Disbursement.Plan({
      id: "d1" as never,
      partnership: lund.id,
      granted: Money.sek(300_000),
      tranches: [
        { period: { phase: "preparation", year: 1 }, amount: Money.sek(150_000), released: "2021-02-01" as never },
        { period: { phase: "implementation", year: 1 }, amount: Money.sek(150_000) }
      ],
      version: 1
    })
    const f = View.activityFunding({ budget, plan, preparationStart: "2021-01-01" as never, committed: true })
    assert.deepStrictEqual(f.budgets.map((b) => [b.start, b.end, b.value.minor, b.status]), [
      ["2021-01-01", "2021-12-31", 30_000_000, "committed"],
      ["2023-01-01", "2023-12-31", 50_000_000, "committed"]
    ])
    assert.deepStrictEqual(f.disbursements.map((d) => [d.date, d.value.minor]), [["2021-02-01", 15_000_000]])
  })
})

describe("View.activityFile", () => {
  it("falls back to the network's start as the planned start date", () => {
    const file = View.activityFile({ partnerships: IcldCohort2020.admitted, directory: dir })
    assert.deepStrictEqual(file.activities[0]?.dates, [{ type: "planned-start", date: "2020-12-10" as never }])
    assert.strictEqual(file.activities[0]?.funder?.id, "icld")
  })
})
