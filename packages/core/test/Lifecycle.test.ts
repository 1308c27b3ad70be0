import { assert, describe, it } from "@effect/vitest"
import { type CalendarDate, type Ids, Lifecycle, Organisation, Partnership } from "@localrights/core"
import { IcldCohort2020 } from "@localrights/core/examples"
import { Result, Schema } from "effect"
import * as fc from "fast-check"

const approved = (gate: Partnership.Gate, outcome: "approved" | "refused" = "approved"): Partnership.Decision => ({
  gate,
  outcome,
  decidedBy: "tester" as Ids.ActorId,
  date: "2021-01-01" as CalendarDate.CalendarDate,
  evidence: { _tag: "Override", justification: { en: "test" } }
})
const allGates: ReadonlyArray<Partnership.Gate> = ["application-assessment", "preparation-budget", "project-plan-assessment", "full-budget"]

const base = IcldCohort2020.lundFrancistown
// a partnership in `status` with what the status needs (network, partner, the decisions of the
// gates passed, an implementation year), then `fields`
const inStatus = (status: Partnership.Status, fields: Partial<Partnership.Partnership> = {}) => {
  const at = Partnership.progress(status) ?? (status === "withdrawn" ? 5 : 1)
  return new Partnership.Partnership({
    ...base,
    status,
    decisions: Partnership.gatesPassed(Partnership.mainPath[at]!).map((g) => approved(g)),
    ...(at >= 2 ? { network: IcldCohort2020.network.id } : {}),
    ...(at >= 3 ? { internationalPartner: IcldCohort2020.francistown.id, partnerCountry: IcldCohort2020.francistown.country } : {}),
    ...(at >= 5 ? { implementationYear: 1 } : {}),
    ...fields
  })
}

// Facts under which every guard but the status holds.
const permissive: Lifecycle.Facts = {
  programme: IcldCohort2020.programme,
  network: IcldCohort2020.network,
  networkMembers: 0,
  internationalPartner: IcldCohort2020.francistown
}

const commands: ReadonlyArray<Lifecycle.Command> = [
  { _tag: "Apply" },
  { _tag: "Admit", network: IcldCohort2020.network.id },
  { _tag: "Match", internationalPartner: IcldCohort2020.francistown.id },
  { _tag: "StartPreparation" },
  { _tag: "StartImplementation" },
  { _tag: "AdvanceYear" },
  { _tag: "Conclude" },
  { _tag: "Close" },
  { _tag: "Withdraw" },
  { _tag: "Reject" },
  { _tag: "RecordDecision", decision: approved("full-budget") }
]
const statuses = Partnership.Status.literals

const unmetGuards = (r: Result.Result<Partnership.Partnership, Lifecycle.TransitionRefused>) =>
  Result.isFailure(r) ? r.failure.violations.map((v) => v.rule) : []

describe("Lifecycle", () => {
  it("refuses every command from a status it is not allowed from, naming the status guard", () => {
    for (const status of statuses) {
      for (const command of commands) {
        const implementing = (Partnership.progress(status) ?? 5) >= 5 && status !== "rejected"
        const p = inStatus(status, { decisions: allGates.map((g) => approved(g)), ...(implementing ? { implementationYear: 3 } : {}) })
        const result = Lifecycle.apply(p, command, permissive)
        const allowed = Lifecycle.allowedFrom[command._tag].includes(status)
        if (allowed) assert.notInclude(unmetGuards(result), "status", `${command._tag} from ${status}`)
        else assert.deepStrictEqual(unmetGuards(result), ["status"], `${command._tag} from ${status}`)
      }
    }
  })

  it("reaches every status along legal paths", () => {
    const seen = new Set<Partnership.Status>()
    const queue = [inStatus("interest-registered", { decisions: allGates.map((g) => approved(g)) })]
    const visited = new Set<string>()
    while (queue.length > 0) {
      const p = queue.shift()!
      const key = `${p.status}/${p.implementationYear ?? 0}`
      if (visited.has(key)) continue
      visited.add(key)
      seen.add(p.status)
      for (const command of commands) {
        const r = Lifecycle.apply(p, command, permissive)
        if (Result.isSuccess(r)) queue.push(r.success)
      }
    }
    assert.sameMembers([...seen], [...statuses])
  })

  it("walks the ICLD path: preparation year, three implementation years, results, closure", () => {
    let p = inStatus("interest-registered", { decisions: allGates.map((g) => approved(g)) })
    const path: Array<Lifecycle.Command["_tag"]> = ["Apply", "Admit", "Match", "StartPreparation", "StartImplementation", "AdvanceYear", "AdvanceYear", "Conclude", "Close"]
    for (const tag of path) {
      const r = Lifecycle.apply(p, commands.find((c) => c._tag === tag)!, permissive)
      assert.isTrue(Result.isSuccess(r), tag)
      if (Result.isSuccess(r)) p = r.success
    }
    assert.strictEqual(p.status, "closed")
    assert.strictEqual(p.implementationYear, 3)
    assert.strictEqual(p.network, IcldCohort2020.network.id)
    assert.strictEqual(p.internationalPartner, IcldCohort2020.francistown.id)
    assert.strictEqual(p.partnerCountry, "BW")
  })

  it("keeps random command sequences inside the lifecycle, and a refusal changes nothing", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...commands), { maxLength: 30 }),
        fc.subarray([...allGates]),
        (sequence, gates) => {
          let p = inStatus("interest-registered", { decisions: gates.map((g) => approved(g)) })
          for (const command of sequence) {
            const r = Lifecycle.apply(p, command, permissive)
            if (Result.isSuccess(r)) {
              assert.include(Lifecycle.allowedFrom[command._tag], p.status)
              p = r.success
            } else {
              assert.isAbove(r.failure.violations.length, 0)
              assert.strictEqual(r.failure.status, p.status)
            }
            assert.include(statuses, p.status)
            assert.deepStrictEqual(Partnership.invariants(p), [])
            if (p.status === "implementation") assert.isAtMost(p.implementationYear ?? 0, 3)
          }
        }
      ),
      { numRuns: 300 }
    )
  })

  describe("guards", () => {
    it("admission needs a recorded, approved application assessment: no silent pass", () => {
      const none = Lifecycle.apply(inStatus("applied"), commands[1]!, permissive)
      assert.deepStrictEqual(unmetGuards(none), ["application-assessment"])
      const refused = Lifecycle.apply(inStatus("applied", { decisions: [approved("application-assessment", "refused")] }), commands[1]!, permissive)
      assert.deepStrictEqual(unmetGuards(refused), ["application-assessment"])
      if (Result.isFailure(refused)) {
        assert.include(refused.failure.explain("en"), "refusal")
        assert.include(refused.failure.explain("sv"), "avslag")
      }
      // the latest decision counts
      const reversed = Lifecycle.apply(
        inStatus("applied", { decisions: [approved("application-assessment", "refused"), approved("application-assessment")] }),
        commands[1]!,
        permissive
      )
      assert.isTrue(Result.isSuccess(reversed))
    })

    it("admission needs a network of the same programme with room", () => {
      const p = inStatus("applied", { decisions: [approved("application-assessment")] })
      const full = Lifecycle.apply(p, commands[1]!, { ...permissive, networkMembers: 8 })
      assert.deepStrictEqual(unmetGuards(full), ["network-capacity"])
      const unknown = Lifecycle.apply(p, commands[1]!, { ...permissive, network: undefined })
      assert.deepStrictEqual(unmetGuards(unknown), ["network-in-programme"])
    })

    it("a match needs an international municipality in an eligible country", () => {
      const p = inStatus("admitted")
      const swedish = Lifecycle.apply(p, { _tag: "Match", internationalPartner: IcldCohort2020.icld.id }, { ...permissive, internationalPartner: IcldCohort2020.icld })
      assert.deepStrictEqual(unmetGuards(swedish), ["partner-kind", "eligible-partner-country"])
      const kenya = new Organisation.Organisation({ ...IcldCohort2020.francistown, id: "nairobi" as Ids.OrganisationId, country: "KE" as Organisation.Organisation["country"] })
      const r = Lifecycle.apply(p, { _tag: "Match", internationalPartner: kenya.id }, { ...permissive, internationalPartner: kenya })
      assert.deepStrictEqual(unmetGuards(r), ["eligible-partner-country"])
      assert.isTrue(Result.isFailure(r))
      if (Result.isFailure(r)) {
        const v = r.failure.violations[0]
        assert.deepStrictEqual([v.field, v.rule, v.value], ["internationalPartner", "eligible-partner-country", "KE"])
        assert.deepStrictEqual(r.failure.subject, { kind: "partnership", id: p.id })
        assert.strictEqual(r.failure.command, "Match")
        assert.strictEqual(r.failure.status, "admitted")
        // the text names the country, in both languages
        assert.include(r.failure.explain("en"), "Kenya (KE)")
        assert.include(r.failure.explain("sv"), "Kenya (KE)")
        assert.include(r.failure.explain("sv"), "ligger i")
        assert.include(r.failure.explain("en"), "South Africa (ZA), Botswana (BW), Zambia (ZM)")
      }
      // an unknown partner is refused before its kind or country can be checked
      const unknown = Lifecycle.apply(p, { _tag: "Match", internationalPartner: kenya.id }, { ...permissive, internationalPartner: undefined })
      assert.deepStrictEqual(unmetGuards(unknown), ["known-partner"])
    })

    it("each phase needs its decisions, and the years count to three", () => {
      assert.deepStrictEqual(unmetGuards(Lifecycle.apply(inStatus("matched"), { _tag: "StartPreparation" }, permissive)), ["preparation-budget"])
      assert.deepStrictEqual(unmetGuards(Lifecycle.apply(inStatus("preparation"), { _tag: "StartImplementation" }, permissive)), ["project-plan-assessment", "full-budget"])
      assert.deepStrictEqual(unmetGuards(Lifecycle.apply(inStatus("implementation", { implementationYear: 3 }), { _tag: "AdvanceYear" }, permissive)), ["years-remaining"])
      assert.deepStrictEqual(unmetGuards(Lifecycle.apply(inStatus("implementation", { implementationYear: 2 }), { _tag: "Conclude" }, permissive)), ["final-year"])
    })
  })

  it("refuses a command whose result the lifecycle could not reach: a refusal on a gate already passed", () => {
    const admitted = inStatus("admitted")
    const r = Lifecycle.apply(admitted, { _tag: "RecordDecision", decision: approved("application-assessment", "refused") }, permissive)
    assert.deepStrictEqual(unmetGuards(r), ["approved-application-assessment"])
    if (Result.isFailure(r)) assert.include(r.failure.explain("sv"), "avslag")
    // a refusal on a gate still ahead is recorded
    assert.isTrue(Result.isSuccess(Lifecycle.apply(admitted, { _tag: "RecordDecision", decision: approved("preparation-budget", "refused") }, permissive)))
  })

  it("decodes only partnerships the lifecycle can reach, naming every broken invariant", () => {
    const rules = (input: unknown) => {
      const exit = Partnership.decode(input)
      return exit._tag === "Failure" ? JSON.stringify(exit.cause) : "decoded"
    }
    const plain = Schema.encodeSync(Partnership.Partnership)(base)
    assert.strictEqual(rules(plain), "decoded")
    const matched = rules({ ...plain, status: "matched" })
    for (const rule of ["network-when-admitted", "approved-application-assessment", "international-partner-when-matched"]) assert.include(matched, rule)
    assert.include(rules({ ...plain, status: "applied", implementationYear: 2 }), "implementation-year-when-implementing")
    assert.include(rules({ ...plain, status: "implementation" }), "approved-full-budget")
    assert.include(rules({ ...plain, partnerCountry: "BW" }), "partner-country-with-partner")
    // what Admit and Match set is not there before them, and a rejection comes before admission
    assert.include(rules({ ...plain, status: "applied", network: "mr-2020-network" }), "network-from-admission")
    assert.include(rules({ ...plain, internationalPartner: "francistown" }), "partner-from-matching")
    assert.include(rules({ ...plain, status: "rejected", network: "mr-2020-network" }), "rejected-before-admission")
    assert.strictEqual(rules({ ...plain, status: "withdrawn", network: "mr-2020-network" }), "decoded")
    const bareApproval = { gate: "application-assessment", outcome: "approved", decidedBy: "x", date: "2020-12-10", evidence: { _tag: "BudgetEvaluation", budget: "b", budgetVersion: 1, rules: "r", rulesRevision: 1, passed: true, violations: 0 } }
    assert.include(rules({ ...plain, decisions: [bareApproval] }), "evidence-for-gate")
    const against = { ...bareApproval, gate: "full-budget", evidence: { ...bareApproval.evidence, passed: false, violations: 2 } }
    assert.include(rules({ ...plain, decisions: [against] }), "outcome-follows-evidence")
  })

  it("maps every status to an IATI ActivityStatus", () => {
    assert.deepStrictEqual(statuses.map(Partnership.iatiActivityStatus), [1, 1, 1, 1, 2, 2, 3, 4, 5, 5])
  })
})
