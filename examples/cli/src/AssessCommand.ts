/**
 * `localrights assess <partnership> --file scores.json [--submit]`: one assessor's rights-based
 * assessment of a partnership's application or project plan, from a file of scores per
 * principle with their evidence. Without `--submit` it is a draft: checked against its criteria
 * framework (`Assessment.verdict`) and its verdict explained per principle, nothing stored. With
 * `--submit` it is recorded (`Assessments.record`, command `RecordAssessment`, by `--actor`),
 * and the consolidated verdict of every assessor's latest assessment is printed. The decision
 * on the lifecycle gate is then `localrights transition <id> record-decision --stage …`.
 *
 * An assessment that breaks its framework's rules (a principle unknown, unscored or scored
 * twice, a score off the scale, a low score without evidence, a framework not of the programme)
 * is refused with every broken rule (exit 1). A verdict of revise or fail is not a refusal:
 * exit 0, the verdict in the text and in `--json`.
 */
import { Assessment, Assessments, CalendarDate, ChangeLog, CriteriaFramework, CriteriaFrameworkStore, LocalizedText, Partnership, Programme } from "@localrights/core"
import { Effect, Option, Result, Schema } from "effect"
import { Argument, Command, Flag } from "effect/cli"
import { readFileSync } from "node:fs"
import * as Cli from "./Cli.ts"

/** What a scores file may hold besides `scores`; a flag wins over the file. */
interface ScoresFile {
  readonly id?: unknown
  readonly stage?: unknown
  readonly framework?: unknown
  readonly assessor?: unknown
  readonly date?: unknown
  readonly scores?: unknown
  readonly notes?: unknown
}

const readScores = (file: string) =>
  Effect.gen(function*() {
    const json = yield* Effect.try({
      try: () => JSON.parse(readFileSync(file, "utf8")) as unknown,
      catch: (e) => Cli.fail(1, { sv: `${file} är inte giltig JSON: ${(e as Error).message}`, en: `${file} is not valid JSON: ${(e as Error).message}` })
    })
    if (typeof json !== "object" || json === null || Array.isArray(json)) {
      return yield* Cli.fail(1, {
        sv: `${file} ska vara ett JSON-objekt med "scores": [{ "principle", "score", "evidence" }].`,
        en: `${file} must be a JSON object with "scores": [{ "principle", "score", "evidence" }].`
      })
    }
    return json as ScoresFile
  })

const encodeAssessment = Schema.encodeSync(Assessment.Assessment)

/** The consolidated verdict after a submission, or why the assessments cannot be consolidated. */
type Consolidation = Result.Result<Assessment.Consolidated, Assessment.ConsolidationRefused | Assessment.AssessmentInvalid>

const stages = CriteriaFramework.Stage.values as ReadonlyArray<CriteriaFramework.Stage>

/**
 * The framework version: `id@version`, or `id` for its newest version, or `{ id, version }` from
 * the file; else the newest version of the programme's first framework.
 */
const frameworkOf = (spec: unknown, programme: Programme.Programme) =>
  Effect.gen(function*() {
    const frameworks = yield* CriteriaFrameworkStore.CriteriaFrameworkStore
    if (typeof spec === "string") {
      const at = /^(.+)@(\d+)$/.exec(spec)
      return at === null ? yield* frameworks.latest(spec) : yield* frameworks.get({ id: at[1]!, version: Number(at[2]) })
    }
    if (typeof spec === "object" && spec !== null) {
      const { id, version } = spec as { id?: unknown; version?: unknown }
      if (typeof id === "string" && typeof version === "number") return yield* frameworks.get({ id, version })
      return yield* Cli.fail(1, { sv: "framework i filen ska vara { \"id\", \"version\" } eller \"id@version\".", en: "framework in the file must be { \"id\", \"version\" } or \"id@version\"." })
    }
    const first = programme.criteriaFrameworks[0]
    if (first === undefined) {
      return yield* Cli.fail(1, {
        sv: `Programmet ${programme.id} anger inget bedömningsramverk: ange --framework (till exempel skr-rights-based).`,
        en: `Programme ${programme.id} names no criteria framework: give --framework (for example skr-rights-based).`
      })
    }
    return yield* frameworks.latest(first)
  })

const mark = (ctx: Cli.Context, verdict: Assessment.Verdict) =>
  verdict === "pass" ? ctx.paint.ok("✓") : verdict === "revise" ? ctx.paint.warn("!") : ctx.paint.bad("✗")

const printEvaluation = (ctx: Cli.Context, assessment: Assessment.Assessment, evaluation: Assessment.Evaluation) =>
  Effect.gen(function*() {
    for (const p of evaluation.principles) {
      yield* ctx.out(`  ${mark(ctx, p.verdict)} ${LocalizedText.text(p.reason, ctx.lang)}`)
      const evidence = assessment.scores.find((s) => s.principle === p.principle)?.evidence
      if (evidence !== undefined) yield* ctx.out(ctx.paint.faint(`      ${ctx.t({ sv: "underlag", en: "evidence" })}: ${LocalizedText.text(evidence, ctx.lang)}`))
    }
    const paint = evaluation.verdict === "pass" ? ctx.paint.ok : evaluation.verdict === "revise" ? ctx.paint.warn : ctx.paint.bad
    yield* ctx.out(paint(LocalizedText.text(evaluation.reason, ctx.lang)))
  })

export const command = Command.make(
  "assess",
  {
    partnership: Argument.String("partnership").pipe(Argument.withDescription("The partnership's id")),
    file: Flag.File("file", { mustExist: true }).pipe(
      Flag.withDescription("A JSON file: { \"scores\": [{ \"principle\", \"score\", \"evidence\": { \"sv\", \"en\" } }] }, optionally with stage, framework, assessor, date, notes and id")
    ),
    stage: Flag.Literals("stage", stages).pipe(Flag.withDescription("What is assessed: application or project-plan (default: the file's, else application)"), Flag.optional),
    framework: Flag.String("framework").pipe(
      Flag.withDescription("The criteria framework: id@version, or id for its newest version (default: the file's, else the programme's first)"),
      Flag.optional
    ),
    submit: Flag.Boolean("submit").pipe(Flag.withDescription("Record the assessment (RecordAssessment); without it, a draft: checked and explained, nothing stored"), Flag.withDefault(false)),
    reason: Flag.String("reason").pipe(Flag.withDescription("With --submit: why, for the change log (default: the stage and the assessor)"), Flag.optional),
    actor: Cli.actorFlag,
    json: Cli.jsonFlag
  },
  Effect.fn(function*({ actor, file, framework, json, partnership, reason, stage, submit }) {
    const ctx = yield* Cli.context
    const input = yield* readScores(file)
    const who = Cli.actorOf(actor)
    const result = yield* Effect.gen(function*() {
      const subject = yield* (yield* Partnership.Store).get(partnership)
      const programme = yield* (yield* Programme.Store).get(subject.programme)
      const f = yield* frameworkOf(Option.getOrUndefined(framework) ?? input.framework, programme)
      const assessor = typeof input.assessor === "string" ? input.assessor : who
      const date = typeof input.date === "string" ? input.date : yield* CalendarDate.today
      const chosen = Option.getOrUndefined(stage) ?? input.stage ?? "application"
      const assessment = yield* Assessment.make({
        id: typeof input.id === "string" ? input.id : `${partnership}-${String(chosen)}-${assessor}-${date}`.replace(/[^A-Za-z0-9._:-]+/g, "-").slice(0, 128),
        subject: { partnership, stage: chosen as CriteriaFramework.Stage },
        framework: CriteriaFramework.ref(f),
        assessor,
        date,
        scores: input.scores as ReadonlyArray<Assessment.Score>,
        ...(input.notes === undefined ? {} : { notes: input.notes as LocalizedText.LocalizedText })
      })
      const evaluation = yield* Effect.fromResult(Assessment.verdict(assessment, f))
      if (!submit) return { assessment, evaluation, consolidated: undefined, partnershipVersion: subject.version }
      const recorded = yield* Assessments.record(
        assessment,
        ChangeLog.change(who, Option.getOrElse(reason, () => `${CriteriaFramework.Stage.nameOf(assessment.subject.stage, "en")} assessed by ${assessment.assessor}`))
      )
      // recorded either way: assessments that cannot be consolidated (other framework versions)
      // are said, not a failure of this command
      const consolidated = yield* Assessments.consolidated(partnership, recorded.subject.stage).pipe(
        Effect.map((c): Consolidation => Result.succeed(c)),
        Effect.catchTags({
          ConsolidationRefused: (e) => Effect.succeed<Consolidation>(Result.fail(e)),
          AssessmentInvalid: (e) => Effect.succeed<Consolidation>(Result.fail(e))
        })
      )
      return { assessment: recorded, evaluation, consolidated, partnershipVersion: subject.version }
    }).pipe(Cli.withStore(ctx))
    const { assessment, evaluation, partnershipVersion } = result
    const consolidation = result.consolidated
    const stageName = (lang: Cli.Lang) => CriteriaFramework.Stage.nameOf(assessment.subject.stage, lang).toLowerCase()
    if (json) {
      return yield* Cli.printJson({
        assessment: encodeAssessment(assessment),
        recorded: submit,
        evaluation,
        ...(consolidation === undefined
          ? {}
          : Result.isSuccess(consolidation)
          ? { consolidated: consolidation.success }
          : { consolidationRefused: { sv: consolidation.failure.explain("sv"), en: consolidation.failure.explain("en") } })
      })
    }
    const fname = `${LocalizedText.text(evaluation.frameworkName, ctx.lang)} (${CriteriaFramework.key(evaluation.framework)})`
    yield* ctx.out(ctx.paint.strong(ctx.t({
      sv: `Bedömning ${assessment.id} av ${partnership} (${stageName("sv")}) enligt ${fname}, bedömare ${assessment.assessor}`,
      en: `Assessment ${assessment.id} of ${partnership} (${stageName("en")}) under ${fname}, assessor ${assessment.assessor}`
    })))
    yield* printEvaluation(ctx, assessment, evaluation)
    if (consolidation === undefined) {
      return yield* ctx.out(ctx.paint.faint(ctx.t({ sv: "Utkast: inget har sparats; spara bedömningen med --submit.", en: "Draft: nothing is stored; record the assessment with --submit." })))
    }
    yield* ctx.out(ctx.paint.ok(ctx.t({ sv: `Bedömningen är sparad (RecordAssessment, version ${assessment.version}).`, en: `The assessment is recorded (RecordAssessment, version ${assessment.version}).` })))
    if (Result.isFailure(consolidation)) return yield* ctx.out(ctx.paint.warn(consolidation.failure.explain(ctx.lang)))
    const consolidated = consolidation.success
    const n = consolidated.assessors.length
    yield* ctx.out(ctx.t({
      sv: `Sammanställt över ${n} bedömare (${consolidated.assessors.join(", ")}): ${LocalizedText.text(consolidated.evaluation.reason, "sv")}`,
      en: `Consolidated over ${n} assessor${n === 1 ? "" : "s"} (${consolidated.assessors.join(", ")}): ${LocalizedText.text(consolidated.evaluation.reason, "en")}`
    }))
    if (consolidated.disagreements.length > 0) {
      yield* ctx.out(ctx.paint.warn(ctx.t({
        sv: `Bedömarna är oeniga om: ${consolidated.disagreements.join(", ")}.`,
        en: `The assessors disagree on: ${consolidated.disagreements.join(", ")}.`
      })))
    }
    const next = `localrights transition ${partnership} record-decision --stage ${assessment.subject.stage} --reason "…" --expected-version ${partnershipVersion}`
    yield* ctx.out(ctx.paint.faint(ctx.t({ sv: `Beslutet på grinden: ${next}`, en: `The decision on the gate: ${next}` })))
  })
).pipe(
  Command.withDescription(
    "Assess a partnership's application or project plan with a rights-based criteria framework: the verdict explained per principle (a draft), or recorded with --submit; every broken rule refused (exit 1)"
  ),
  Command.withExamples([
    { command: "localrights assess lund-francistown --file scores.json", description: "A draft: the verdict per principle, nothing stored" },
    { command: "localrights assess lund-francistown --file scores.json --submit --actor icld-assessor-1", description: "Record the assessment and print the consolidated verdict" }
  ])
)
