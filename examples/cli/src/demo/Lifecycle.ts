/**
 * Demo sections: Lund ↔ Francistown through the lifecycle. `section` walks from the expression
 * of interest to the match, with the rights-based assessment opening the admission gate;
 * `summary` (after the funding section has approved the preparation budget) starts the
 * preparation year and prints the summary and the change log.
 */
import { Effect } from "effect"
import { ChangeLog, Partnership, Partnerships, Sdg } from "@localrights/core"
import { IcldCohort2020 } from "@localrights/core/examples"
import { assessLund } from "./Assessment.ts"
import { both, heading, line, onPartnership, refusal } from "./Print.ts"

const icld = (reason: string) => ChangeLog.change("icld-demo", reason)
const id = IcldCohort2020.lundFrancistown.id
const onLund = (reason: string) => onPartnership(id, reason)

export const section = Effect.gen(function*() {
  yield* heading("Lund och Francistown genom livscykeln", "Lund and Francistown through the lifecycle")
  yield* Partnerships.register(IcldCohort2020.lundFrancistown, icld("Intresseanmälan / expression of interest"))
  yield* Partnerships.execute(id, { _tag: "Apply" }, yield* onLund("Application submitted"))

  // A refused transition: admission before the application has been assessed.
  const refused = yield* Partnerships.execute(id, { _tag: "Admit", network: IcldCohort2020.network.id }, yield* onLund("Admit"))
    .pipe(Effect.flip)
  yield* line(`Refused as expected: ${refused._tag}`)
  yield* refusal(refused)

  // The application is assessed against SKR's rights-based approach: the first round asks for
  // revision (admission stays refused, naming the principles), the second passes.
  yield* assessLund
  yield* Partnerships.execute(id, { _tag: "Admit", network: IcldCohort2020.network.id }, yield* onLund("Admitted to the 2020 network"))
  yield* Partnerships.execute(id, { _tag: "Match", internationalPartner: IcldCohort2020.francistown.id }, yield* onLund("Matched with Francistown City Council"))
  yield* line("Admitted to the network and matched with Francistown City Council (Botswana).")
})

export const summary = Effect.gen(function*() {
  yield* heading("Lund börjar förberedelseåret", "Lund starts the preparation year")
  // the funding section has recorded the approved preparation budget
  yield* Partnerships.execute(id, { _tag: "StartPreparation" }, yield* onLund("Preparation budget approved; preparation year starts"))
  const matched = yield* (yield* Partnership.Store).get(id)

  yield* heading("Sammanfattning", "Summary")
  yield* both(matched.title)
  yield* both({
    sv: `Status: ${Partnership.Status.nameOf(matched.status, "sv")} (IATI ActivityStatus ${Partnership.iatiActivityStatus(matched.status)})`,
    en: `Status: ${Partnership.Status.nameOf(matched.status, "en")} (IATI ActivityStatus ${Partnership.iatiActivityStatus(matched.status)})`
  })
  if (matched.projectArea) yield* both(matched.projectArea)
  for (const tag of matched.sdgTags) {
    const goal = Sdg.goal(tag.goal)!
    yield* both({ sv: `Globalt mål: ${Sdg.goalLabel(goal, "sv").text}`, en: `Global goal: ${Sdg.goalLabel(goal, "en").text}` })
  }

  yield* heading("Ändringslogg", "Change log")
  const history = yield* (yield* Partnership.Store).history(id)
  for (const r of history) {
    yield* line(`v${String(r.version).padEnd(2)} ${r.command.padEnd(19)} ${(r.statusBefore ?? "-").padEnd(19)} → ${(r.statusAfter ?? "-").padEnd(19)} by ${r.actor}: ${r.reason}`)
  }

  // A stale write is refused, never lost.
  const stale = yield* Partnerships.execute(id, { _tag: "Withdraw" }, ChangeLog.change("icld-demo", "stale", 1)).pipe(Effect.flip)
  yield* line(`Stale write refused: ${stale.message}`)
})
