/**
 * Demo section: a rights-based assessment of Lund's application with SKR's framework, two
 * assessors, a first round that asks for revision and a second that passes, each turned into
 * the decision on the admission gate; then SDG suggestions for the partnership with their
 * explanations, and the rights its SDG tag touches.
 *
 * The scores are illustrative: the public sources publish no assessment.
 *
 * Runs on its own (it registers Lund and submits the application when that has not happened)
 * and after the lifecycle section. `assessLund` is the part the lifecycle walk can call instead
 * of a hand-made decision on the application gate.
 */
import { Effect, Option } from "effect"
import { Assessment, Assessments, CalendarDate, ChangeLog, CriteriaFramework, Frameworks, LocalizedText, Partnership, Partnerships, RightsSdgMap, Sdg } from "@localrights/core"
import { IcldCohort2020 } from "@localrights/core/examples"
import { both, heading, line, onPartnership, refusal } from "./Print.ts"

const lund = IcldCohort2020.lundFrancistown.id
const framework = Frameworks.skr
const icld = (reason: string) => ChangeLog.change("icld-demo", reason)
const text = (sv: string, en: string): LocalizedText.LocalizedText => ({ sv, en })

type Round = ReadonlyArray<{
  readonly assessor: string
  readonly scores: ReadonlyArray<number>
  readonly evidence: Readonly<Record<string, LocalizedText.LocalizedText>>
}>

// Scores in the order of SKR's principles: participation, non-discrimination, accessibility,
// transparency, accountability, privacy.
const firstRound: Round = [
  {
    assessor: "icld-assessor-1",
    scores: [3, 3, 2, 1, 3, 2],
    evidence: {
      transparency: text(
        "Ansökan säger inte hur beslut och resultat görs kända för invånarna.",
        "The application does not say how decisions and results are made known to residents."
      )
    }
  },
  {
    assessor: "icld-assessor-2",
    scores: [3, 2, 2, 1, 2, 1],
    evidence: {
      transparency: text("Ingen plan för öppen redovisning.", "No plan for open reporting."),
      privacy: text(
        "Dialogerna samlar in personuppgifter men ansökan saknar en plan för hur de skyddas.",
        "The dialogues collect personal data but the application has no plan for protecting it."
      )
    }
  }
]

const secondRound: Round = [
  { assessor: "icld-assessor-1", scores: [3, 3, 3, 3, 3, 2], evidence: {} },
  { assessor: "icld-assessor-2", scores: [3, 3, 2, 2, 3, 3], evidence: {} }
]

const record = (round: Round, tag: string, date: string) =>
  Effect.forEach(round, (a) =>
    Assessment.make({
      id: `${lund}-application-${tag}-${a.assessor}`,
      subject: { partnership: lund, stage: "application" },
      framework: CriteriaFramework.ref(framework),
      assessor: a.assessor,
      date,
      scores: framework.principles.map((p, i) => {
        const evidence = a.evidence[p.id]
        return { principle: p.id, score: a.scores[i]!, ...(evidence ? { evidence } : {}) }
      })
    }).pipe(Effect.flatMap((assessment) => Assessments.record(assessment, icld(`Application assessed by ${a.assessor}`)))), { discard: true })

const printConsolidated = (c: Assessment.Consolidated) =>
  Effect.gen(function*() {
    const e = c.evaluation
    yield* line(`${c.assessors.join(", ")} (${CriteriaFramework.key(c.framework)}):`)
    for (const p of c.principles) {
      const outcome = e.principles.find((o) => o.principle === p.principle)!
      const scores = p.scores.map((s) => s.score).join(" ")
      yield* line(
        `  ${p.principle.padEnd(20)} ${scores.padEnd(5)} → ${String(p.mean).padEnd(4)} ${outcome.verdict}${p.disagreement ? "  (disagreement)" : ""}`
      )
      if (outcome.verdict !== "pass") {
        yield* both(outcome.reason)
        for (const ev of p.evidence) yield* both({ sv: `${ev.assessor}: ${LocalizedText.text(ev.evidence, "sv")}`, en: `${ev.assessor}: ${LocalizedText.text(ev.evidence, "en")}` })
      }
    }
    yield* both(e.reason)
  })

const decide = (date: string) =>
  Effect.gen(function*() {
    const { consolidated, partnership } = yield* Assessments.recordDecision(
      lund,
      { stage: "application", date: yield* CalendarDate.make(date) },
      yield* onPartnership(lund, "Decision on the application assessment")
    )
    yield* printConsolidated(consolidated)
    const decision = partnership.decisions[partnership.decisions.length - 1]!
    yield* line(`Decision ${decision.date}: ${decision.outcome} (${Partnership.describeEvidence(decision.evidence).en})`)
    if (decision.note) yield* both(decision.note)
    return partnership
  })

/**
 * Lund's application assessed in two rounds (revise, then pass), each recorded as the decision
 * on the `application-assessment` gate. Needs Lund registered and not yet ended.
 */
export const assessLund = Effect.gen(function*() {
  yield* heading("Rättighetsbaserad bedömning av Lunds ansökan", "Rights-based assessment of Lund's application")
  yield* line("Illustrative scores: the public sources publish no assessment.")
  yield* both(text(
    `Ramverk: ${LocalizedText.text(framework.name, "sv")}, skala ${framework.scale.min}–${framework.scale.max}, minst ${framework.thresholds.principleMinimum} per princip, viktad andel minst ${framework.thresholds.overallShare * 100} %.`,
    `Framework: ${LocalizedText.text(framework.name, "en")}, scale ${framework.scale.min}–${framework.scale.max}, at least ${framework.thresholds.principleMinimum} per principle, weighted share at least ${framework.thresholds.overallShare * 100} %.`
  ))

  yield* line("")
  yield* both(text("Omgång 1: två bedömare", "Round 1: two assessors"))
  yield* record(firstRound, "1", "2020-11-16")
  const refused = yield* decide("2020-11-20")
  if (refused.status === "applied") {
    const admit = yield* Partnerships.execute(lund, { _tag: "Admit", network: IcldCohort2020.network.id }, yield* onPartnership(lund, "Admit")).pipe(Effect.flip)
    yield* line("Admission refused:")
    yield* refusal(admit)
  }

  yield* line("")
  yield* both(text("Omgång 2: den reviderade ansökan", "Round 2: the revised application"))
  yield* record(secondRound, "2", "2020-11-27")
  return yield* decide("2020-11-30")
})

export const section = Effect.gen(function*() {
  const partnerships = yield* Partnership.Store
  if (Option.isNone(yield* partnerships.find(lund))) {
    yield* Partnerships.register(IcldCohort2020.lundFrancistown, icld("Intresseanmälan / expression of interest"))
    yield* Partnerships.execute(lund, { _tag: "Apply" }, yield* onPartnership(lund, "Application submitted"))
  }
  const earlier = yield* (yield* Assessment.Store).forSubject(lund, "application")
  // the lifecycle walk assesses Lund first; run on its own, this section does it here
  if (earlier.length === 0) yield* assessLund

  yield* heading("Globala mål: förslag med förklaring", "SDGs: suggestions with explanations")
  const partnership = yield* partnerships.get(lund)
  for (const s of RightsSdgMap.suggest(partnership)) {
    const title = Sdg.targetTitle(s.target, "en").text
    yield* line(`${s.target.code}${s.alreadyTagged ? " (already tagged)" : ""}: ${title.length > 90 ? `${title.slice(0, 87)}...` : title}`)
    for (const r of s.reasons) yield* both(r.explanation)
  }
  yield* heading("Rättigheter som partnerskapets globala mål berör", "Rights the partnership's SDG tags touch")
  for (const t of RightsSdgMap.rightsTouched(partnership.sdgTags)) {
    const via = t.via.map((v) => `${v.target}${v.by === "goal" ? " (via goal)" : ""}`).join(", ")
    yield* both({ sv: `${LocalizedText.text(t.name, "sv")}: ${via}`, en: `${LocalizedText.text(t.name, "en")}: ${via}` })
  }
  yield* line(`(${RightsSdgMap.current.id} v${RightsSdgMap.current.version})`)
})
