/**
 * What `render` and `report` publish, read from the store: the partnerships from admission on
 * (expressions of interest, applications and refused ones are not public), the directory of
 * organisations, programmes and networks, the latest assessment round per partnership and
 * stage, budget against actual per ledger, the disbursement plans, the calendar events.
 * Contact persons never reach a view.
 */
import { Assessment, Budget, type CalendarDate, CalendarEvent, Disbursement, Expenses, Frameworks, Partnership, View } from "@localrights/core"
import { Effect } from "effect"

const unpublished: ReadonlyArray<Partnership.Status> = ["interest-registered", "applied", "rejected"]

export const load = Effect.gen(function*() {
  const partnerships = (yield* (yield* Partnership.Store).list()).filter((p) => !unpublished.includes(p.status))
  const directory = yield* View.loadDirectory

  // assessments: per partnership and stage, the latest round (all assessors on its date)
  const groups = new Map<string, Array<Assessment.Assessment>>()
  for (const a of yield* (yield* Assessment.Store).list()) {
    const key = `${a.subject.partnership}/${a.subject.stage}/${a.framework.id}/${a.framework.version}`
    groups.set(key, [...(groups.get(key) ?? []), a])
  }
  const assessments = [...groups.values()].flatMap((group) => {
    const latest = group.map((a) => a.date).sort().at(-1)
    const round = group.filter((a) => a.date === latest)
    const framework = Frameworks.builtIns.find((f) => f.id === round[0]!.framework.id && f.version === round[0]!.framework.version)
    return framework === undefined ? [] : [View.assessmentInput(round, framework)]
  })

  // budget against actual, from each ledger and the budget it follows
  const budgets = yield* (yield* Budget.Store).list()
  const funding = (yield* (yield* Expenses.Store).list()).flatMap((ledger) => {
    const budget = budgets.find((b) => b.id === ledger.budget) ?? budgets.find((b) => b.partnership === ledger.partnership)
    if (budget === undefined) return []
    const report = Expenses.compare(budget, ledger)
    return report._tag === "Success" ? [View.fundingInput(ledger.partnership, report.success)] : []
  })
  const plans = yield* (yield* Disbursement.Store).list()
  const events = yield* (yield* CalendarEvent.Store).list()
  return { partnerships, directory, assessments, funding, budgets, plans, events }
})

export type Published = Effect.Success<typeof load>

/** The IATI activity file: budgets and disbursements dated from the approved preparation-budget decision. */
export const activityFile = (p: Published) =>
  View.activityFile({
    partnerships: p.partnerships,
    directory: p.directory,
    extra: (partnership) => {
      const decided = Partnership.latestDecision(partnership, "preparation-budget")
      const start = decided?.outcome === "approved" ? decided.date : undefined
      if (start === undefined) return {}
      const budget = p.budgets.filter((b) => b.partnership === partnership.id).sort((a, b) => (a.scope === "full" ? -1 : b.scope === "full" ? 1 : 0))[0]
      const plan = p.plans.find((x) => x.partnership === partnership.id)
      const funding = View.activityFunding({
        ...(budget === undefined ? {} : { budget }),
        ...(plan === undefined ? {} : { plan }),
        preparationStart: start as CalendarDate.CalendarDate,
        committed: true,
        receiver: View.projectCard(partnership, p.directory).swedishPartner
      })
      return { ...funding, dates: [{ type: "planned-start", date: start }] }
    }
  })

/** A network's report. */
export const networkReport = (p: Published, network: View.Directory["networks"] extends ReadonlyMap<string, infer N> ? N : never) =>
  View.networkReport({ network, partnerships: p.partnerships, directory: p.directory, assessments: p.assessments, funding: p.funding })
