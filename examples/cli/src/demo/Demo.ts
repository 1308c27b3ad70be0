/**
 * The demo: loads the 2020 ICLD cohort into the default store and runs each section in order.
 */
import { Console, Effect } from "effect"
import { IcldMr2020 } from "@localrights/core/examples"
import * as AssessmentSection from "./Assessment.ts"
import * as FundingSection from "./Funding.ts"
import * as LifecycleSection from "./Lifecycle.ts"
import { both, heading } from "./Print.ts"
import * as PublishSection from "./Publish.ts"
import * as ProgrammeWorkSection from "./ProgrammeWork.ts"

export const run = Effect.gen(function*() {
  yield* heading("Exempeldata: ICLD 2020", "Example data: ICLD 2020")
  yield* IcldMr2020.load
  yield* both(IcldMr2020.programme.name)
  yield* Console.log(`  ${IcldMr2020.organisations.length} organisations, ${IcldMr2020.admitted.length} admitted partnerships stored`)
  for (const u of IcldMr2020.unknowns) yield* both(u)
  yield* LifecycleSection.section
  yield* AssessmentSection.section
  yield* FundingSection.section
  yield* LifecycleSection.summary
  yield* ProgrammeWorkSection.section
  yield* PublishSection.section
})
