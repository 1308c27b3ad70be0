/**
 * The demo: loads the 2020 ICLD cohort into the default store and runs each section in order.
 */
import { Console, Effect } from "effect"
import { Organisation } from "@localrights/core"
import { IcldCohort2020 } from "@localrights/core/examples"
import * as AssessmentSection from "./Assessment.ts"
import * as FundingSection from "./Funding.ts"
import * as LifecycleSection from "./Lifecycle.ts"
import { both, heading } from "./Print.ts"
import * as PublishSection from "./Publish.ts"
import * as ResultsSection from "./Results.ts"
import * as ProgrammeWorkSection from "./ProgrammeWork.ts"

export const run = Effect.gen(function*() {
  yield* heading("Exempeldata: ICLD 2020", "Example data: ICLD 2020")
  yield* IcldCohort2020.load
  yield* both(IcldCohort2020.programme.name)
  yield* Console.log(`  ${IcldCohort2020.organisations.length} organisations, ${IcldCohort2020.admitted.length} admitted partnerships stored`)
  // Every value is stored with `ensure`: loading the same data again writes nothing.
  yield* IcldCohort2020.load
  const lund = yield* (yield* Organisation.Store).history("lund")
  yield* Console.log(`  Loaded again: nothing changed (lund: ${lund.map((r) => `v${r.version} ${r.command}`).join(", ")})`)
  for (const u of IcldCohort2020.unknowns) yield* both(u)
  yield* LifecycleSection.section
  yield* AssessmentSection.section
  yield* FundingSection.section
  yield* LifecycleSection.summary
  yield* ResultsSection.section
  yield* ProgrammeWorkSection.section
  yield* PublishSection.section
})
