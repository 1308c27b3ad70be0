/**
 * Demo section: Lund ↔ Francistown through the lifecycle, with the change log and a refused
 * transition.
 */
import { Effect } from "effect"
import { CalendarDate, ChangeLog, Ids, Lifecycle, LocalizedText, Partnership, PartnershipStore, Sdg, Workflow } from "@localrights/core"
import { IcldMr2020 } from "@localrights/core/examples"
import { both, heading, line } from "./Print.ts"

const icld = (reason: string) => ChangeLog.change("icld-demo", reason)
const decision = (gate: Partnership.Gate, date: string, reference: string): Lifecycle.Command => ({
  _tag: "RecordDecision",
  decision: { gate, outcome: "approved", decidedBy: "icld-demo" as Ids.ActorId, date: date as CalendarDate.CalendarDate, reference }
})

export const section = Effect.gen(function*() {
  yield* heading("Lund och Francistown genom livscykeln", "Lund and Francistown through the lifecycle")
  const id = IcldMr2020.lundFrancistown.id
  yield* Workflow.register(IcldMr2020.lundFrancistown, icld("Intresseanmälan / expression of interest"))
  yield* Workflow.execute(id, { _tag: "Apply" }, icld("Application submitted"))

  // A refused transition: admission before the application has been assessed.
  const refused = yield* Workflow.execute(id, { _tag: "Admit", network: IcldMr2020.network.id }, icld("Admit"))
    .pipe(Effect.flip)
  yield* line(`Refused as expected: ${refused._tag}`)
  if (refused._tag === "TransitionRefused") {
    yield* line(`[sv] ${refused.explain("sv")}`)
    yield* line(`[en] ${refused.explain("en")}`)
  }

  yield* Workflow.execute(id, decision("application-assessment", "2020-11-30", "demo: application assessed"), icld("Application assessed"))
  yield* Workflow.execute(id, { _tag: "Admit", network: IcldMr2020.network.id }, icld("Admitted to the 2020 network"))
  yield* Workflow.execute(id, { _tag: "Match", internationalPartner: IcldMr2020.francistown.id }, icld("Matched with Francistown City Council"))
  const matched = yield* (yield* PartnershipStore.PartnershipStore).get(id)

  yield* heading("Sammanfattning", "Summary")
  yield* both(matched.title)
  yield* both({
    sv: `Status: ${LocalizedText.text(Partnership.statusNames[matched.status], "sv")} (IATI ActivityStatus ${Partnership.iatiActivityStatus(matched.status)})`,
    en: `Status: ${LocalizedText.text(Partnership.statusNames[matched.status], "en")} (IATI ActivityStatus ${Partnership.iatiActivityStatus(matched.status)})`
  })
  if (matched.projectArea) yield* both(matched.projectArea)
  for (const tag of matched.sdgTags) {
    const goal = Sdg.goal(tag.goal)!
    yield* both({ sv: `Globalt mål: ${Sdg.goalLabel(goal, "sv").text}`, en: `Global goal: ${Sdg.goalLabel(goal, "en").text}` })
  }

  yield* heading("Ändringslogg", "Change log")
  const history = yield* (yield* PartnershipStore.PartnershipStore).history(id)
  for (const r of history) {
    yield* line(`v${r.version} ${r.command.padEnd(16)} ${(r.statusBefore ?? "-").padEnd(19)} → ${(r.statusAfter ?? "-").padEnd(19)} by ${r.actor}: ${r.reason}`)
  }

  // A stale write is refused, never lost.
  const stale = yield* Workflow.execute(id, { _tag: "StartPreparation" }, icld("stale"), { expectedVersion: 1 }).pipe(Effect.flip)
  yield* line(`Stale write refused: ${stale.message}`)
})
