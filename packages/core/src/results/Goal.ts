/**
 * Goals at three levels: the programme's overall goals, a network's goals, and each
 * partnership's individual goals, in Swedish and English, each linked to SDG targets and to
 * rights principles. Participants "strive towards individual goals for themselves, but also
 * contribute to overall goals": an individual goal names the overall (or network) goals it
 * contributes to.
 *
 * **Details**
 *
 * A goal is its own entity referencing the programme, network or partnership by id (the
 * partnership's `goals` texts stay as they are). Decoding checks the goal on its own (a level's
 * owner is named, an individual goal contributes to at least one goal, no duplicates); the
 * {@link Store} also checks what needs other entities: the programme, network and partnership
 * exist and belong together, each goal contributed to is stored, in the same programme and at
 * a higher level, and each principle is one of its framework's.
 *
 * @module
 * @group Results
 * @since 0.2.0
 */
import { Effect, Option, Schema } from "effect"
import * as CriteriaFramework from "../assessment/CriteriaFramework.ts"
import * as CriteriaFrameworkStore from "../assessment/CriteriaFrameworkStore.ts"
import * as Frameworks from "../assessment/Frameworks.ts"
import { Version } from "../ChangeLog.ts"
import * as Construct from "../Construct.ts"
import * as Enumeration from "../Enumeration.ts"
import { CriteriaFrameworkId, IdString, NetworkId, PartnershipId, ProgrammeId } from "../Ids.ts"
import { LocalizedText } from "../LocalizedText.ts"
import { Store as NetworkStore } from "../partnership/Network.ts"
import { Partnership } from "../partnership/Partnership.ts"
import { Store as ProgrammeStore } from "../partnership/Programme.ts"
import * as Refusal from "../Refusal.ts"
import * as Sdg from "../Sdg.ts"
import * as EntityStore from "../store/EntityStore.ts"
import * as Validation from "../Validation.ts"
import * as Guarded from "../internal/guarded.ts"

/**
 * Id of a goal (`icld-mr-2020-inclusion`, `lund-francistown-participation`).
 *
 * @category schemas
 * @since 0.2.0
 */
export const GoalId = IdString.pipe(Schema.brand("GoalId"))
/**
 * @category models
 * @since 0.2.0
 */
export type GoalId = typeof GoalId.Type

/**
 * The level of a goal: the programme's overall goals (övergripande mål), a network's goals, or
 * a partnership's individual goals.
 *
 * @category schemas
 * @since 0.2.0
 */
export const Level = Enumeration.make({
  programme: { sv: "Övergripande mål", en: "Overall goal" },
  network: { sv: "Nätverksmål", en: "Network goal" },
  partnership: { sv: "Individuellt mål", en: "Individual goal" }
})
/**
 * @category models
 * @since 0.2.0
 */
export type Level = typeof Level.Type

const rank: Record<Level, number> = { programme: 0, network: 1, partnership: 2 }

/**
 * A rights principle of a criteria framework (`{ framework: "panel", principle: "participation" }`).
 *
 * @category schemas
 * @since 0.2.0
 */
export const PrincipleRef = Schema.Struct({
  framework: CriteriaFrameworkId,
  principle: CriteriaFramework.PrincipleId
})
/**
 * @category models
 * @since 0.2.0
 */
export type PrincipleRef = typeof PrincipleRef.Type

const goalChecks = Schema.makeFilter<{
  readonly id: string
  readonly level: Level
  readonly network?: string
  readonly partnership?: string
  readonly sdgTargets: ReadonlyArray<string>
  readonly principles: ReadonlyArray<PrincipleRef>
  readonly contributesTo: ReadonlyArray<string>
}>((g) => {
  const issues: Array<Schema.FilterIssue> = []
  if (g.level === "network" && g.network === undefined) {
    issues.push({ path: ["network"], issue: Validation.invalid({ sv: "Ett nätverksmål anger sitt nätverk", en: "A network goal names its network" }, "owner-named") })
  }
  if (g.level === "partnership" && g.partnership === undefined) {
    issues.push({ path: ["partnership"], issue: Validation.invalid({ sv: "Ett individuellt mål anger sitt partnerskap", en: "An individual goal names its partnership" }, "owner-named") })
  }
  if (g.level === "programme" && (g.network !== undefined || g.partnership !== undefined)) {
    issues.push({ path: [g.network !== undefined ? "network" : "partnership"], issue: Validation.invalid({ sv: "Ett övergripande mål hör till programmet, inte till ett nätverk eller partnerskap", en: "An overall goal belongs to the programme, not to a network or partnership" }, "owner-level") })
  }
  if (g.level === "network" && g.partnership !== undefined) {
    issues.push({ path: ["partnership"], issue: Validation.invalid({ sv: "Ett nätverksmål hör inte till ett partnerskap", en: "A network goal does not belong to a partnership" }, "owner-level") })
  }
  if (g.level === "programme" && g.contributesTo.length > 0) {
    issues.push({ path: ["contributesTo"], issue: Validation.invalid({ sv: "Ett övergripande mål bidrar inte till andra mål", en: "An overall goal contributes to no other goal" }, "contributes-upwards") })
  }
  if (g.level === "partnership" && g.contributesTo.length === 0) {
    issues.push({ path: ["contributesTo"], issue: Validation.invalid({ sv: "Ett individuellt mål bidrar till minst ett övergripande mål eller nätverksmål", en: "An individual goal contributes to at least one overall or network goal" }, "contributes-to-overall") })
  }
  const seen = new Set<string>()
  g.contributesTo.forEach((id, i) => {
    if (id === g.id) issues.push({ path: ["contributesTo", i], issue: Validation.invalid({ sv: "Ett mål bidrar inte till sig självt", en: "A goal does not contribute to itself" }, "not-itself") })
    if (seen.has(id)) issues.push({ path: ["contributesTo", i], issue: Validation.invalid({ sv: `Målet ${id} anges två gånger`, en: `Goal ${id} is listed twice` }, "unique") })
    seen.add(id)
  })
  const targets = new Set<string>()
  g.sdgTargets.forEach((t, i) => {
    if (targets.has(t)) issues.push({ path: ["sdgTargets", i], issue: Validation.invalid({ sv: `Delmålet ${t} anges två gånger`, en: `Target ${t} is listed twice` }, "unique") })
    targets.add(t)
  })
  const principles = new Set<string>()
  g.principles.forEach((p, i) => {
    const k = `${p.framework}/${p.principle}`
    if (principles.has(k)) issues.push({ path: ["principles", i], issue: Validation.invalid({ sv: `Principen ${k} anges två gånger`, en: `Principle ${k} is listed twice` }, "unique") })
    principles.add(k)
  })
  return issues
})

/**
 * A goal: its level and owner (the programme always; the network or partnership at those
 * levels), its text, the SDG targets and rights principles it is linked to, and the goals it
 * contributes to.
 *
 * @category schemas
 * @since 0.2.0
 */
export class Goal extends Schema.Class<Goal>("@localrights/core/Goal")(
  Schema.Struct({
    id: GoalId,
    programme: ProgrammeId,
    level: Level,
    network: Schema.optionalKey(NetworkId),
    partnership: Schema.optionalKey(PartnershipId),
    title: LocalizedText,
    description: Schema.optionalKey(LocalizedText),
    /** SDG targets (`10.2`, `16.7`) the goal works towards. */
    sdgTargets: Schema.Array(Sdg.TargetCode),
    /** Rights principles the goal puts into practice. */
    principles: Schema.Array(PrincipleRef),
    /** The higher-level goals (overall or network) this goal contributes to. */
    contributesTo: Schema.Array(GoalId),
    /** Marks example data that the sources do not publish. */
    illustrative: Schema.optionalKey(Schema.Boolean),
    version: Version
  }).check(goalChecks)
) {}

/**
 * A goal from plain values, at version 0 (not yet stored): no SDG targets, principles or
 * contributions unless given.
 *
 * @example
 * ```ts
 * import { Goal } from "@localrights/core"
 * const overall = Goal.make({
 *   id: "icld-mr-2020-participation",
 *   programme: "icld-mr-2020",
 *   level: "programme",
 *   title: { sv: "Fler invånare deltar i beslut", en: "More residents take part in decisions" },
 *   sdgTargets: ["16.7"]
 * })
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const make = Construct.make(Goal, "Goal", { sdgTargets: [], principles: [], contributesTo: [] })

/**
 * A goal from untrusted input, with the defaults of {@link make}.
 *
 * @category constructors
 * @since 0.2.0
 */
export const decode = Construct.decode(make)

/**
 * A goal write that breaks a rule needing other entities (rules `programme-exists`,
 * `network-in-programme`, `partnership-in-programme`, `goal-exists`, `contributes-upwards`,
 * `principle-exists`): every broken rule, each naming its field. Nothing was written.
 *
 * @category errors
 * @since 0.2.0
 */
export class GoalInvalid extends Refusal.Refusal<GoalInvalid>()("GoalInvalid") {}

/**
 * What {@link check} needs: the programme's existence, the network and partnership named, the
 * goals contributed to, and the criteria frameworks of the principles named (absent when not
 * stored).
 *
 * @category models
 * @since 0.2.0
 */
export interface Facts {
  readonly programmeExists: boolean
  readonly network?: { readonly id: string; readonly programme: string } | undefined
  readonly partnership?: { readonly id: string; readonly programme: string; readonly network?: string | undefined } | undefined
  readonly goals: ReadonlyMap<string, Goal | undefined>
  readonly frameworks: ReadonlyMap<string, CriteriaFramework.CriteriaFramework | undefined>
}

/**
 * Every rule the goal breaks against the {@link Facts} (pure).
 *
 * @category rules
 * @since 0.2.0
 */
export const check = (g: Goal, facts: Facts): Array<Refusal.Violation> => {
  const out: Array<Refusal.Violation> = []
  if (!facts.programmeExists) {
    out.push(Refusal.violation("programme", "programme-exists", g.programme, { sv: `Programmet ${g.programme} finns inte.`, en: `Programme ${g.programme} does not exist.` }))
  }
  if (g.network !== undefined && (facts.network === undefined || facts.network.programme !== g.programme)) {
    out.push(Refusal.violation("network", "network-in-programme", g.network, { sv: `Nätverket ${g.network} finns inte i programmet ${g.programme}.`, en: `Network ${g.network} is not part of programme ${g.programme}.` }))
  }
  if (g.partnership !== undefined) {
    const p = facts.partnership
    if (p === undefined || p.programme !== g.programme) {
      out.push(Refusal.violation("partnership", "partnership-in-programme", g.partnership, { sv: `Partnerskapet ${g.partnership} finns inte i programmet ${g.programme}.`, en: `Partnership ${g.partnership} is not part of programme ${g.programme}.` }))
    }
  }
  g.contributesTo.forEach((id, i) => {
    const to = facts.goals.get(id)
    const field = `contributesTo[${i}]`
    if (to === undefined || to.programme !== g.programme) {
      out.push(Refusal.violation(field, "goal-exists", id, { sv: `Målet ${id} finns inte i programmet ${g.programme}.`, en: `Goal ${id} does not exist in programme ${g.programme}.` }))
    } else if (rank[to.level] >= rank[g.level] || (to.level === "network" && g.partnership !== undefined && facts.partnership?.network !== to.network)) {
      out.push(Refusal.violation(field, "contributes-upwards", `${id} (${to.level})`, {
        sv: `Ett ${Level.nameOf(g.level, "sv").toLowerCase()} bidrar till ett mål på högre nivå (i sitt eget nätverk); ${id} är ett ${Level.nameOf(to.level, "sv").toLowerCase()}.`,
        en: `A ${Level.nameOf(g.level, "en").toLowerCase()} contributes to a goal at a higher level (in its own network); ${id} is a ${Level.nameOf(to.level, "en").toLowerCase()}.`
      }))
    }
  })
  g.principles.forEach((ref, i) => {
    const framework = facts.frameworks.get(ref.framework)
    if (framework !== undefined && framework.principles.some((p) => p.id === ref.principle)) return
    out.push(Refusal.violation(`principles[${i}]`, "principle-exists", `${ref.framework}/${ref.principle}`, {
      sv: framework === undefined ? `Kriterieramverket ${ref.framework} finns inte.` : `Principen ${ref.principle} finns inte i ${ref.framework}.`,
      en: framework === undefined ? `Criteria framework ${ref.framework} does not exist.` : `Principle ${ref.principle} is not part of ${ref.framework}.`
    }))
  })
  return out
}

const guard: Guarded.Guard<Goal, GoalInvalid> = {
  check: Effect.gen(function*() {
    const programmes = yield* ProgrammeStore.make
    const networks = yield* NetworkStore.make
    const partnerships = yield* EntityStore.make("partnership", Partnership)
    const frameworks = yield* CriteriaFrameworkStore.make
    const goals = yield* EntityStore.make("goal", Goal)
    return (g: Goal) =>
      Effect.gen(function*() {
        const programmeExists = Option.isSome(yield* programmes.find(g.programme))
        const network = g.network === undefined ? undefined : Option.getOrUndefined(yield* networks.find(g.network))
        const partnership = g.partnership === undefined ? undefined : Option.getOrUndefined(yield* partnerships.find(g.partnership))
        const goalMap = new Map<string, Goal | undefined>()
        for (const id of g.contributesTo) goalMap.set(id, Option.getOrUndefined(yield* goals.find(id)))
        const frameworkMap = new Map<string, CriteriaFramework.CriteriaFramework | undefined>()
        for (const { framework: id } of g.principles) {
          if (frameworkMap.has(id)) continue
          const builtIn = Option.getOrUndefined(Frameworks.findBuiltIn(id))
          const stored = builtIn ?? (yield* frameworks.latest(id).pipe(Effect.catchTag("FrameworkNotFound", () => Effect.succeed(undefined))))
          frameworkMap.set(id, stored)
        }
        return check(g, { programmeExists, network, partnership, goals: goalMap, frameworks: frameworkMap })
      })
  }),
  refuse: (g, violations) => new GoalInvalid({ subject: { kind: "goal", id: g.id }, violations }),
  commandFields: [],
  commandsIn: "Reports",
  initial: () => []
}

/**
 * The store of goals, with versions and change log; every write passes {@link check}, and a
 * refused write changes nothing (`GoalInvalid`). `Stores.layer` includes it.
 *
 * @category services
 * @since 0.2.0
 */
export class Store extends Guarded.service(EntityStore.Service<Store>()("goal", Goal), guard) {}
