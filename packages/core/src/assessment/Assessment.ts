/**
 * Assessments of an application or a project plan against one version of a criteria
 * framework: a score and evidence per principle, a deterministic verdict (pass, revise, fail)
 * with the reason per principle, consolidation of several assessors with disagreement flags,
 * the lifecycle decision that follows, and a network view per principle.
 *
 * **Details**
 *
 * Everything here is pure. A principle scored below its minimum asks for revision, below the
 * framework's floor it fails; the verdict is `fail` if any principle fails, else `revise` if any
 * principle is below its minimum or the weighted share is below the framework's overall share,
 * else `pass`. Raising a score can only improve a verdict; the order of principles and of
 * assessors never changes it.
 *
 * @module
 * @group Assessment
 * @since 0.1.0
 */
import { Array as Arr, Effect, Order, Result, Schema } from "effect"
import { CalendarDate } from "../CalendarDate.ts"
import { Version } from "../ChangeLog.ts"
import * as Construct from "../Construct.ts"
import * as Enumeration from "../Enumeration.ts"
import * as CriteriaFramework from "./CriteriaFramework.ts"
import { ActorId, AssessmentId, PartnershipId } from "../Ids.ts"
import type * as Lifecycle from "../partnership/Lifecycle.ts"
import * as LocalizedText from "../LocalizedText.ts"
import type * as Partnership from "../partnership/Partnership.ts"
import * as Refusal from "../Refusal.ts"
import * as EntityStore from "../store/EntityStore.ts"
import type { StoreError } from "../store/DocumentStore.ts"

type Framework = CriteriaFramework.CriteriaFramework
type Lang = LocalizedText.Lang
type Violation = Refusal.Violation

/**
 * What is assessed: a partnership at a stage (its application or its project plan).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Subject = Schema.Struct({ partnership: PartnershipId, stage: CriteriaFramework.Stage })
/**
 * @category models
 * @since 0.1.0
 */
export type Subject = typeof Subject.Type

/**
 * The score of one principle, with the evidence it rests on (required when the score is below
 * the principle's minimum).
 *
 * @category schemas
 * @since 0.1.0
 */
export const Score = Schema.Struct({
  principle: CriteriaFramework.PrincipleId,
  score: Schema.Int,
  evidence: Schema.optionalKey(LocalizedText.LocalizedText)
})
/**
 * @category models
 * @since 0.1.0
 */
export type Score = typeof Score.Type

/**
 * One assessor's assessment. `framework` names the framework version it was made with and
 * keeps it for good; `version` is set by the store.
 *
 * @category schemas
 * @since 0.1.0
 */
export class Assessment extends Schema.Class<Assessment>("@localrights/core/Assessment")({
  id: AssessmentId,
  subject: Subject,
  framework: CriteriaFramework.Ref,
  assessor: ActorId,
  date: CalendarDate,
  scores: Schema.Array(Score),
  notes: Schema.optionalKey(LocalizedText.LocalizedText),
  version: Version
}) {}

/**
 * The JSON form of an assessment, as stored and exchanged.
 *
 * @category models
 * @since 0.1.0
 */
export type Encoded = typeof Assessment.Encoded

/**
 * An assessment from plain values, at version 0 (not yet stored); check it against its
 * framework with {@link check} (`Assessments.record` does).
 *
 * @example
 * ```ts
 * import { Assessment } from "@localrights/core"
 * const assessment = Assessment.make({
 *   id: "lund-application-1",
 *   subject: { partnership: "lund-francistown", stage: "application" },
 *   framework: { id: "skr-rights-based", version: 1 },
 *   assessor: "icld-assessor-1",
 *   date: "2020-11-16",
 *   scores: [{ principle: "participation", score: 3 }]
 * })
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const make = Construct.make(Assessment, "Assessment")

/**
 * Decodes an assessment from untrusted input (JSON); check it against its framework with
 * {@link check}.
 *
 * @category constructors
 * @since 0.1.0
 */
export const decode = Construct.decode(make)

/**
 * The outcome of an assessment.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Verdict = Enumeration.make({
  pass: { sv: "Godkänd", en: "Pass" },
  revise: { sv: "Behöver revideras", en: "Revise" },
  fail: { sv: "Underkänd", en: "Fail" }
})
/**
 * @category models
 * @since 0.1.0
 */
export type Verdict = typeof Verdict.Type

const rank: Readonly<Record<Verdict, number>> = { fail: 0, revise: 1, pass: 2 }

/**
 * Orders verdicts from worst to best: negative when `a` is worse than `b`.
 *
 * @category rules
 * @since 0.1.0
 */
export const compareVerdicts = (a: Verdict, b: Verdict): number => rank[a] - rank[b]

/**
 * An assessment (the subject) that breaks the rules of its framework, with every violation.
 *
 * @category errors
 * @since 0.1.0
 */
export class AssessmentInvalid extends Refusal.Refusal<AssessmentInvalid>()("AssessmentInvalid") {}

/**
 * The rules a consolidation can break: each is the `rule` of a violation in
 * {@link ConsolidationRefused}.
 *
 * @category schemas
 * @since 0.2.0
 */
export const ConsolidationRule = Schema.Literals(["at-least-one-assessment", "same-subject", "same-framework", "one-per-assessor"])
/**
 * @category models
 * @since 0.2.0
 */
export type ConsolidationRule = typeof ConsolidationRule.Type

/**
 * Assessments that cannot be consolidated (the subject is what they assess,
 * `partnership/stage`): none given, different subjects or framework versions, or one assessor
 * twice; every such violation at once.
 *
 * @category errors
 * @since 0.1.0
 */
export class ConsolidationRefused extends Refusal.Refusal<ConsolidationRefused>()("ConsolidationRefused") {}

const nothingToConsolidate = (subject: string, text: Refusal.Explanation): ConsolidationRefused =>
  new ConsolidationRefused({
    subject: { kind: "assessments", id: subject },
    violations: [Refusal.violation("assessments", "at-least-one-assessment", "0", text)]
  })

/**
 * Checks an assessment against its framework: the same framework version, a framework that
 * applies to the stage, every principle known and scored once, every score on the scale, and
 * evidence for every score below the principle's minimum. Reports every violation.
 *
 * @category rules
 * @since 0.1.0
 */
export const check = (assessment: Assessment, framework: Framework): Result.Result<Assessment, AssessmentInvalid> => {
  const violations: Array<Violation> = []
  const fkey = CriteriaFramework.key(framework)
  if (!CriteriaFramework.sameRef(assessment.framework, CriteriaFramework.ref(framework))) {
    violations.push(Refusal.violation("framework", "same-framework", CriteriaFramework.key(assessment.framework), {
      sv: `Bedömningen gjordes med ${CriteriaFramework.key(assessment.framework)}, inte ${fkey}.`,
      en: `The assessment was made with ${CriteriaFramework.key(assessment.framework)}, not ${fkey}.`
    }))
  }
  const stage = assessment.subject.stage
  if (!CriteriaFramework.appliesTo(framework, stage)) {
    violations.push(Refusal.violation("subject.stage", "framework-applies-to-stage", stage, {
      sv: `${fkey} gäller inte för ${CriteriaFramework.Stage.nameOf(stage, "sv").toLowerCase()}.`,
      en: `${fkey} does not apply to the ${CriteriaFramework.Stage.nameOf(stage, "en").toLowerCase()} stage.`
    }))
  }
  const { min, max } = framework.scale
  const scored = new Set<string>()
  assessment.scores.forEach((s, i) => {
    const p = CriteriaFramework.principle(framework, s.principle)
    if (p === undefined) {
      violations.push(Refusal.violation(`scores[${i}].principle`, "known-principle", s.principle, {
        sv: `${fkey} har ingen princip ${s.principle}; principerna är ${framework.principles.map((q) => q.id).join(", ")}.`,
        en: `${fkey} has no principle ${s.principle}; its principles are ${framework.principles.map((q) => q.id).join(", ")}.`
      }))
      return
    }
    if (scored.has(s.principle)) {
      violations.push(Refusal.violation(`scores[${i}].principle`, "principle-scored-once", s.principle, { sv: `Principen ${s.principle} har poängsatts mer än en gång.`, en: `Principle ${s.principle} is scored more than once.` }))
    }
    scored.add(s.principle)
    if (!(Number.isInteger(s.score) && s.score >= min && s.score <= max)) {
      violations.push(Refusal.violation(`scores[${i}].score`, "score-within-scale", String(s.score), {
        sv: `Poängen för ${s.principle} ska vara ett heltal från ${min} till ${max}.`,
        en: `The score of ${s.principle} must be a whole number from ${min} to ${max}.`
      }))
    }
    const minimum = CriteriaFramework.minimumOf(framework, p)
    if (s.score < minimum && s.evidence === undefined) {
      violations.push(Refusal.violation(`scores[${i}].evidence`, "evidence-below-threshold", String(s.score), {
        sv: `Poängen ${s.score} för ${s.principle} ligger under miniminivån ${minimum} och kräver en motivering.`,
        en: `The score ${s.score} of ${s.principle} is below the minimum ${minimum} and needs evidence.`
      }))
    }
  })
  for (const p of framework.principles) {
    if (scored.has(p.id)) continue
    violations.push(Refusal.violation("scores", "every-principle-scored", p.id, { sv: `Principen ${p.id} saknar poäng.`, en: `Principle ${p.id} has no score.` }))
  }
  if (!Arr.isArrayNonEmpty(violations)) return Result.succeed(assessment)
  return Result.fail(new AssessmentInvalid({ subject: { kind: "assessment", id: assessment.id }, violations }))
}

/**
 * The outcome for one principle: its score (a mean when consolidated), minimum, floor, weight,
 * verdict and the reason in both languages.
 *
 * @category models
 * @since 0.1.0
 */
export interface PrincipleOutcome {
  /** The principle. */
  readonly principle: CriteriaFramework.PrincipleId
  /** Its name. */
  readonly name: LocalizedText.LocalizedText
  /** Its weight in the overall share. */
  readonly weight: number
  /** The score: one assessor's, or the mean of several. */
  readonly score: number
  /** Below this score the principle asks for revision. */
  readonly minimum: number
  /** Below this score the principle fails. */
  readonly floor: number
  /** The principle's verdict. */
  readonly verdict: Verdict
  /** Why, in both languages. */
  readonly reason: LocalizedText.LocalizedText
}

/**
 * The verdict of an assessment (or of several, consolidated): overall and per principle.
 *
 * @category models
 * @since 0.1.0
 */
export interface Evaluation {
  /** The framework version it was made with. */
  readonly framework: CriteriaFramework.Ref
  /** The framework's name. */
  readonly frameworkName: LocalizedText.LocalizedText
  /** The overall verdict. */
  readonly verdict: Verdict
  /** The weighted share of the scale reached, 0 to 1. */
  readonly share: number
  /** The share needed to pass. */
  readonly requiredShare: number
  /** Every principle, in the framework's order. */
  readonly principles: ReadonlyArray<PrincipleOutcome>
  /** The principles that do not pass, in the framework's order. */
  readonly failing: ReadonlyArray<PrincipleOutcome>
  /** The overall reason in both languages. */
  readonly reason: LocalizedText.LocalizedText
}

const num = (n: number, lang: Lang): string => {
  const s = String(Math.round(n * 100) / 100)
  return lang === "sv" ? s.replace(".", ",") : s
}
const pct = (share: number, lang: Lang): string => num(Math.round(share * 1000) / 1000 * 100, lang)
const both = (f: (lang: Lang) => string): LocalizedText.LocalizedText => ({ sv: f("sv"), en: f("en") })
const byId: Order.Order<{ readonly id: string }> = Order.mapInput(Order.String, (a) => a.id)

const principleReason = (
  framework: Framework,
  name: LocalizedText.LocalizedText,
  o: { readonly score: number; readonly minimum: number; readonly floor: number; readonly verdict: Verdict }
): LocalizedText.LocalizedText =>
  both((lang) => {
    const n = LocalizedText.text(name, lang)
    const s = num(o.score, lang)
    const max = framework.scale.max
    if (lang === "sv") {
      return o.verdict === "pass"
        ? `${n}: ${s} av ${max}, når miniminivån ${o.minimum}.`
        : o.verdict === "revise"
        ? `${n}: ${s} av ${max}, under miniminivån ${o.minimum}; behöver revideras.`
        : `${n}: ${s} av ${max}, under golvet ${o.floor}; underkänd.`
    }
    return o.verdict === "pass"
      ? `${n}: ${s} of ${max}, meets the minimum ${o.minimum}.`
      : o.verdict === "revise"
      ? `${n}: ${s} of ${max}, below the minimum ${o.minimum}; needs revision.`
      : `${n}: ${s} of ${max}, below the floor ${o.floor}; fails.`
  })

/**
 * The weighted share of the scale reached, 0 to 1: Σ weight × (score − min) over
 * Σ weight × (max − min), summed in principle-id order so that the order of principles never
 * changes the result. A principle without a score counts as the scale's minimum.
 *
 * @category rules
 * @since 0.1.0
 */
export const weightedShare = (framework: Framework, scores: Readonly<Record<string, number>>): number => {
  const { min, max } = framework.scale
  let reached = 0
  let possible = 0
  for (const p of [...framework.principles].sort(byId)) {
    reached += p.weight * ((scores[p.id] ?? min) - min)
    possible += p.weight * (max - min)
  }
  return possible === 0 ? 0 : reached / possible
}

/**
 * The verdict for complete scores (principle id → score; a mean is allowed). Use
 * {@link verdict} for an assessment, which checks it first.
 *
 * @category rules
 * @since 0.1.0
 */
export const evaluate = (framework: Framework, scores: Readonly<Record<string, number>>): Evaluation => {
  const floor = framework.thresholds.principleFloor
  const principles: Array<PrincipleOutcome> = framework.principles.map((p) => {
    const score = scores[p.id] ?? framework.scale.min
    const minimum = CriteriaFramework.minimumOf(framework, p)
    const verdict: Verdict = score < floor ? "fail" : score < minimum ? "revise" : "pass"
    const o = { score, minimum, floor, verdict }
    return { principle: p.id, name: p.name, weight: p.weight, ...o, reason: principleReason(framework, p.name, o) }
  })
  const share = weightedShare(framework, scores)
  const requiredShare = framework.thresholds.overallShare
  const failing = principles.filter((p) => p.verdict !== "pass")
  const lowShare = share < requiredShare
  const verdict: Verdict = failing.some((p) => p.verdict === "fail")
    ? "fail"
    : failing.length > 0 || lowShare
    ? "revise"
    : "pass"
  const names = (ps: ReadonlyArray<PrincipleOutcome>, lang: Lang) => ps.map((p) => LocalizedText.text(p.name, lang)).join(", ")
  const reason = both((lang) => {
    const sv = lang === "sv"
    const shareText = sv
      ? `viktad andel ${pct(share, lang)} % (krav ${pct(requiredShare, lang)} %)`
      : `weighted share ${pct(share, lang)} % (required ${pct(requiredShare, lang)} %)`
    if (verdict === "pass") {
      return sv
        ? `Godkänd: alla ${principles.length} principer når miniminivån; ${shareText}.`
        : `Pass: all ${principles.length} principles meet their minimum; ${shareText}.`
    }
    const parts: Array<string> = []
    const failed = failing.filter((p) => p.verdict === "fail")
    const revise = failing.filter((p) => p.verdict === "revise")
    if (failed.length > 0) parts.push(sv ? `under golvet: ${names(failed, lang)}` : `below the floor: ${names(failed, lang)}`)
    if (revise.length > 0) parts.push(sv ? `under miniminivån: ${names(revise, lang)}` : `below the minimum: ${names(revise, lang)}`)
    if (lowShare) parts.push(sv ? `${shareText} för låg` : `${shareText} too low`)
    else parts.push(shareText)
    return `${Verdict.nameOf(verdict, lang)}: ${parts.join("; ")}.`
  })
  return {
    framework: CriteriaFramework.ref(framework),
    frameworkName: framework.name,
    verdict,
    share,
    requiredShare,
    principles,
    failing,
    reason
  }
}

/**
 * The verdict of one assessment, after {@link check}.
 *
 * @example
 * ```ts
 * import { Assessment, Frameworks } from "@localrights/core"
 * declare const assessment: Assessment.Assessment
 * const result = Assessment.verdict(assessment, Frameworks.skr) // Result<Evaluation, AssessmentInvalid>
 * ```
 *
 * @category rules
 * @since 0.1.0
 */
export const verdict = (assessment: Assessment, framework: Framework): Result.Result<Evaluation, AssessmentInvalid> =>
  Result.map(check(assessment, framework), (a) => evaluate(framework, scoresOf(a)))

const scoresOf = (a: Assessment): Record<string, number> => Object.fromEntries(a.scores.map((s) => [s.principle, s.score]))

/**
 * The scores of one principle across assessors, consolidated.
 *
 * @category models
 * @since 0.1.0
 */
export interface ConsolidatedPrinciple {
  /** The principle. */
  readonly principle: CriteriaFramework.PrincipleId
  /** Each assessor's score, by assessor. */
  readonly scores: ReadonlyArray<{ readonly assessor: ActorId; readonly score: number }>
  /** The mean score, which the verdict uses. */
  readonly mean: number
  /** The lowest score. */
  readonly min: number
  /** The highest score. */
  readonly max: number
  /** `max − min`, in scale points. */
  readonly spread: number
  /** Whether the assessors disagree: a spread of {@link disagreementSpread} points or more. */
  readonly disagreement: boolean
  /** The evidence each assessor gave, by assessor. */
  readonly evidence: ReadonlyArray<{ readonly assessor: ActorId; readonly evidence: LocalizedText.LocalizedText }>
}

/**
 * Several assessors' assessments of one subject, consolidated: per principle the mean score,
 * the spread and a disagreement flag, and the verdict over the means.
 *
 * @category models
 * @since 0.1.0
 */
export interface Consolidated {
  /** What was assessed. */
  readonly subject: Subject
  /** The framework version used. */
  readonly framework: CriteriaFramework.Ref
  /** The assessment ids, sorted. */
  readonly assessments: ReadonlyArray<AssessmentId>
  /** The assessors, sorted. */
  readonly assessors: ReadonlyArray<ActorId>
  /** Every principle, in the framework's order. */
  readonly principles: ReadonlyArray<ConsolidatedPrinciple>
  /** The principles the assessors disagree on, in the framework's order. */
  readonly disagreements: ReadonlyArray<CriteriaFramework.PrincipleId>
  /** The verdict over the mean scores. */
  readonly evaluation: Evaluation
}

/**
 * A spread of this many scale points or more between assessors is a disagreement.
 *
 * @category rules
 * @since 0.1.0
 */
export const disagreementSpread = 2

const subjectKey = (s: Subject) => `${s.partnership}/${s.stage}`
const compareStrings = Order.String

/**
 * Consolidates the assessments of one subject made with one framework version by different
 * assessors. The result does not depend on the order of the assessments.
 *
 * **Details**
 *
 * The verdict uses the mean score per principle. A spread of two or more points on a principle
 * is flagged as a disagreement; it does not change the verdict by itself, so that a panel can
 * see it and talk it through.
 *
 * @category rules
 * @since 0.1.0
 */
export const consolidate = (
  framework: Framework,
  assessments: ReadonlyArray<Assessment>
): Result.Result<Consolidated, AssessmentInvalid | ConsolidationRefused> => {
  const sorted = [...assessments].sort((a, b) => compareStrings(a.assessor, b.assessor) || compareStrings(a.id, b.id))
  const first = sorted[0]
  if (first === undefined) {
    return Result.fail(nothingToConsolidate("(none)", {
      sv: "Det finns ingen bedömning att sammanställa.",
      en: "There is no assessment to consolidate."
    }))
  }
  const subject = subjectKey(first.subject)
  const violations: Array<Violation> = []
  const push = (field: string, rule: ConsolidationRule, value: string, text: Refusal.Explanation) =>
    violations.push(Refusal.violation(field, rule, value, text))
  for (const a of sorted) {
    if (subjectKey(a.subject) !== subject) {
      const other = subjectKey(a.subject)
      push(`assessments[${a.id}].subject`, "same-subject", other, {
        sv: `Bedömningarna gäller olika saker: ${subject} och ${other} (${a.id}).`,
        en: `The assessments are of different subjects: ${subject} and ${other} (${a.id}).`
      })
    }
    if (!CriteriaFramework.sameRef(a.framework, CriteriaFramework.ref(framework))) {
      const k = CriteriaFramework.key(a.framework)
      push(`assessments[${a.id}].framework`, "same-framework", k, {
        sv: `Bedömningen ${a.id} gjordes med ${k}, inte ${CriteriaFramework.key(framework)}.`,
        en: `Assessment ${a.id} was made with ${k}, not ${CriteriaFramework.key(framework)}.`
      })
    }
  }
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.assessor === sorted[i - 1]!.assessor) {
      const who = sorted[i]!.assessor
      push(`assessments[${sorted[i]!.id}].assessor`, "one-per-assessor", who, {
        sv: `${who} har gjort mer än en bedömning; ta med den senaste.`,
        en: `${who} made more than one assessment; include the latest only.`
      })
    }
  }
  if (Arr.isArrayNonEmpty(violations)) {
    return Result.fail(new ConsolidationRefused({ subject: { kind: "assessments", id: subject }, violations }))
  }
  for (const a of sorted) {
    const checked = check(a, framework)
    if (Result.isFailure(checked)) return Result.fail(checked.failure)
  }
  const principles: Array<ConsolidatedPrinciple> = framework.principles.map((p) => {
    const scores = sorted.map((a) => ({ assessor: a.assessor, score: a.scores.find((s) => s.principle === p.id)!.score }))
    const values = scores.map((s) => s.score).sort((x, y) => x - y)
    const min = values[0]!
    const max = values[values.length - 1]!
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length
    const evidence = sorted.flatMap((a) => {
      const e = a.scores.find((s) => s.principle === p.id)?.evidence
      return e === undefined ? [] : [{ assessor: a.assessor, evidence: e }]
    })
    return { principle: p.id, scores, mean, min, max, spread: max - min, disagreement: max - min >= disagreementSpread, evidence }
  })
  return Result.succeed({
    subject: first.subject,
    framework: CriteriaFramework.ref(framework),
    assessments: sorted.map((a) => a.id).sort(compareStrings),
    assessors: sorted.map((a) => a.assessor),
    principles,
    disagreements: principles.filter((p) => p.disagreement).map((p) => p.principle),
    evaluation: evaluate(framework, Object.fromEntries(principles.map((p) => [p.principle, p.mean])))
  })
}

/**
 * The lifecycle gate an assessment of a stage decides: `application-assessment` for an
 * application, `project-plan-assessment` for a project plan.
 *
 * @category rules
 * @since 0.1.0
 */
export const gateOf = (stage: CriteriaFramework.Stage): Partnership.Gate =>
  stage === "application" ? "application-assessment" : "project-plan-assessment"

/**
 * Who decides and when.
 *
 * @category models
 * @since 0.1.0
 */
export interface DecisionOptions {
  /** Who records the decision. */
  readonly decidedBy: ActorId
  /** The date of the decision. */
  readonly date: CalendarDate
}

/**
 * The decision that a consolidated assessment leads to: approved only on `pass`, refused
 * otherwise; the evidence names the assessments, the framework version and the verdict, the note lists the
 * principles that do not pass (and any disagreement) in both languages.
 *
 * @category rules
 * @since 0.1.0
 */
export const decision = (consolidated: Consolidated, options: DecisionOptions): Partnership.Decision => {
  const e = consolidated.evaluation
  const fkey = CriteriaFramework.key(e.framework)
  const disagreements = e.principles.filter((p) => consolidated.disagreements.includes(p.principle))
  const note = both((lang) => {
    const sv = lang === "sv"
    const fname = `${LocalizedText.text(e.frameworkName, lang)} (${fkey})`
    const n = consolidated.assessors.length
    const head = e.verdict === "pass"
      ? (sv ? `Godkänd enligt ${fname}, ${n} bedömare.` : `Approved under ${fname}, ${n} assessor${n === 1 ? "" : "s"}.`)
      : `${Verdict.nameOf(e.verdict, lang)} ${sv ? "enligt" : "under"} ${fname}: ${
        e.failing.length > 0
          ? e.failing.map((p) =>
            sv
              ? `${LocalizedText.text(p.name, lang)} (${num(p.score, lang)}, minst ${p.minimum})`
              : `${LocalizedText.text(p.name, lang)} (${num(p.score, lang)}, minimum ${p.minimum})`
          ).join(", ")
          : (sv ? "för låg viktad andel" : "weighted share too low")
      }.`
    const share = sv
      ? ` Viktad andel ${pct(e.share, lang)} % (krav ${pct(e.requiredShare, lang)} %).`
      : ` Weighted share ${pct(e.share, lang)} % (required ${pct(e.requiredShare, lang)} %).`
    const disagree = disagreements.length === 0
      ? ""
      : sv
      ? ` Bedömarna är oeniga om: ${disagreements.map((p) => LocalizedText.text(p.name, lang)).join(", ")}.`
      : ` The assessors disagree on: ${disagreements.map((p) => LocalizedText.text(p.name, lang)).join(", ")}.`
    return head + share + disagree
  })
  return {
    gate: gateOf(consolidated.subject.stage),
    outcome: e.verdict === "pass" ? "approved" : "refused",
    decidedBy: options.decidedBy,
    date: options.date,
    evidence: {
      _tag: "Assessments",
      framework: consolidated.framework,
      assessments: consolidated.assessments as unknown as readonly [AssessmentId, ...Array<AssessmentId>],
      verdict: e.verdict
    },
    note
  }
}

/**
 * The `RecordDecision` command for {@link decision}, ready for `Partnerships.execute`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const decisionCommand = (consolidated: Consolidated, options: DecisionOptions): Lifecycle.RecordDecision => ({
  _tag: "RecordDecision",
  decision: decision(consolidated, options)
})

/**
 * One principle across a network's partnerships.
 *
 * @category models
 * @since 0.1.0
 */
export interface NetworkPrinciple {
  /** The principle. */
  readonly principle: CriteriaFramework.PrincipleId
  /** Its name. */
  readonly name: LocalizedText.LocalizedText
  /** Its minimum score. */
  readonly minimum: number
  /** Each partnership's consolidated (mean) score, by partnership id. */
  readonly partnerships: ReadonlyArray<{ readonly partnership: PartnershipId; readonly score: number }>
  /** How many partnerships have each score, lowest score first. */
  readonly distribution: ReadonlyArray<{ readonly score: number; readonly count: number }>
  /** The mean over the partnerships (undefined when none is assessed). */
  readonly mean: number | undefined
  /** The lowest score (undefined when none is assessed). */
  readonly min: number | undefined
  /** The highest score (undefined when none is assessed). */
  readonly max: number | undefined
  /** How many partnerships score below the minimum. */
  readonly belowMinimum: number
}

/**
 * A network's partnerships per principle, and its weakest principles.
 *
 * @category models
 * @since 0.1.0
 */
export interface NetworkView {
  /** The framework version the view is over. */
  readonly framework: CriteriaFramework.Ref
  /** How many partnerships are counted. */
  readonly partnerships: number
  /** How many consolidated assessments were left out because they use another framework version. */
  readonly skipped: number
  /** Every principle, in the framework's order. */
  readonly principles: ReadonlyArray<NetworkPrinciple>
  /** The weakest principles: lowest mean first (ties by id), at most `weakest` of them. */
  readonly weakest: ReadonlyArray<NetworkPrinciple>
}

/**
 * The network view over consolidated assessments of a network's partnerships: per principle
 * the distribution of scores and how many are below the minimum, and the weakest principles.
 * Only assessments made with `framework`'s version count.
 *
 * @category rules
 * @since 0.1.0
 */
export const networkView = (
  framework: Framework,
  consolidated: ReadonlyArray<Consolidated>,
  options?: { readonly weakest?: number }
): NetworkView => {
  const fref = CriteriaFramework.ref(framework)
  const counted = consolidated
    .filter((c) => CriteriaFramework.sameRef(c.framework, fref))
    .sort((a, b) => compareStrings(a.subject.partnership, b.subject.partnership))
  const principles: Array<NetworkPrinciple> = framework.principles.map((p) => {
    const minimum = CriteriaFramework.minimumOf(framework, p)
    const partnerships = counted.map((c) => ({
      partnership: c.subject.partnership,
      score: c.principles.find((q) => q.principle === p.id)!.mean
    }))
    const values = partnerships.map((x) => x.score).sort((a, b) => a - b)
    const counts = new Map<number, number>()
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
    return {
      principle: p.id,
      name: p.name,
      minimum,
      partnerships,
      distribution: [...counts].map(([score, count]) => ({ score, count })),
      mean: values.length === 0 ? undefined : values.reduce((s, v) => s + v, 0) / values.length,
      min: values[0],
      max: values[values.length - 1],
      belowMinimum: values.filter((v) => v < minimum).length
    }
  })
  const weakest = principles
    .filter((p) => p.mean !== undefined)
    .sort((a, b) => a.mean! - b.mean! || compareStrings(a.principle, b.principle))
    .slice(0, options?.weakest ?? 3)
  return { framework: fref, partnerships: counted.length, skipped: consolidated.length - counted.length, principles, weakest }
}

/**
 * The store of assessments, with versions and change log: `Store.layer` derives it from the
 * document store (`Stores.layer` includes it); an adapter may provide it directly.
 * `forSubject` reads every assessment there: right for the in-memory store and small data; SQL
 * adapters may answer it with an index.
 *
 * @category services
 * @since 0.2.0
 */
export class Store extends EntityStore.Service<Store>()("assessment", Assessment, (store) => ({
  /** The assessments of one partnership, optionally of one stage, oldest first (by date, then id). */
  forSubject: (partnership: string, stage?: CriteriaFramework.Stage): Effect.Effect<ReadonlyArray<Assessment>, StoreError> =>
    store.list().pipe(
      Effect.map((all) =>
        all
          .filter((a) => a.subject.partnership === partnership && (stage === undefined || a.subject.stage === stage))
          .sort(Order.combine(Order.mapInput(Order.String, (a: Assessment) => a.date), byId))
      )
    )
})) {}
