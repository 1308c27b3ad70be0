/**
 * One invariant check for a partnership, used by every path that writes one: the public
 * store's `create`, `update` and `ensure`, the lifecycle (`Partnerships.execute`) and import.
 *
 * **Details**
 *
 * {@link Partnership.invariants} holds what a partnership must satisfy on its own (decoding
 * checks it); {@link check} adds what needs other entities: the programme, organisations and
 * network it names must exist, the partners must be of the kinds and countries the programme
 * allows, the implementation year within the programme's years. {@link guard} turns the store
 * derived by `EntityStore.make` into the public {@link Partnership.Store}: `create` takes a
 * partnership only at its first status, `update` refuses any change to a lifecycle field, and
 * every write passes {@link check}. Lifecycle commands write through a path that only core's
 * lifecycle holds, so a status or decision never changes outside one.
 *
 * @module
 * @group Partnership
 * @since 0.2.0
 */
import { Array as Arr, Effect, Option } from "effect"
import type * as ChangeLog from "../ChangeLog.ts"
import * as Country from "../Country.ts"
import { type Transitions, transition } from "../internal/transition.ts"
import * as Refusal from "../Refusal.ts"
import * as Validation from "../Validation.ts"
import type { DocumentStore, StoreError } from "../store/DocumentStore.ts"
import type * as EntityStore from "../store/EntityStore.ts"
import { VersionConflict } from "../store/DocumentStore.ts"
import type { Network } from "./Network.ts"
import { Store as NetworkStore } from "./Network.ts"
import type { Organisation } from "./Organisation.ts"
import { Store as OrganisationStore } from "./Organisation.ts"
import * as Partnership from "./Partnership.ts"
import type { Programme } from "./Programme.ts"
import { Store as ProgrammeStore } from "./Programme.ts"

/**
 * What {@link check} needs besides the partnership: its programme, the organisations it names
 * (absent when not stored) and its network.
 *
 * @category models
 * @since 0.2.0
 */
export interface Facts {
  readonly programme: Programme | undefined
  readonly organisations: ReadonlyMap<string, Organisation | undefined>
  readonly network: Network | undefined
}

/**
 * The fields that change only through lifecycle commands.
 *
 * @category rules
 * @since 0.2.0
 */
export const lifecycleFields = [
  "programme",
  "swedishPartner",
  "status",
  "decisions",
  "network",
  "internationalPartner",
  "partnerCountry",
  "implementationYear"
] as const satisfies ReadonlyArray<keyof Partnership.Partnership>

const named = (p: Partnership.Partnership): Array<[field: string, id: string]> => [
  ["swedishPartner", p.swedishPartner],
  ...(p.internationalPartner === undefined ? [] : [["internationalPartner", p.internationalPartner] as [string, string]]),
  ...p.associates.map((a, i): [string, string] => [`associates[${i}].organisation`, a.organisation])
]

const countryName = (code: Country.CountryCode) => `${Country.name(code)} (${code})`

/**
 * Every rule the partnership breaks: its own {@link Partnership.invariants}, and those that
 * need the {@link Facts} (rules `programme-exists`, `organisation-exists`,
 * `eligible-swedish-partner-kind`, `programme-focus-area`, `network-in-programme`,
 * `partner-kind`, `eligible-partner-country`, `partner-country-matches`,
 * `implementation-years`, `final-year`). Pure.
 *
 * @category rules
 * @since 0.2.0
 */
export const check = (p: Partnership.Partnership, facts: Facts): Array<Refusal.Violation> => {
  const out: Array<Refusal.Violation> = Partnership.invariants(p).map((b) =>
    Refusal.violation(Validation.formatPath(b.path), b.rule, b.value, b.text)
  )
  const programme = facts.programme
  if (programme === undefined) {
    out.push(Refusal.violation("programme", "programme-exists", p.programme, {
      sv: `Programmet ${p.programme} finns inte.`,
      en: `Programme ${p.programme} does not exist.`
    }))
  }
  for (const [field, id] of named(p)) {
    if (facts.organisations.get(id) !== undefined) continue
    out.push(Refusal.violation(field, "organisation-exists", id, {
      sv: `Organisationen ${id} finns inte.`,
      en: `Organisation ${id} does not exist.`
    }))
  }
  if (programme === undefined) return out
  const swedish = facts.organisations.get(p.swedishPartner)
  if (swedish !== undefined && !programme.eligibleSwedishPartnerKinds.includes(swedish.kind)) {
    out.push(Refusal.violation("swedishPartner", "eligible-swedish-partner-kind", swedish.id, {
      sv: `${swedish.id} är av typen ${swedish.kind}; programmet tar emot ${programme.eligibleSwedishPartnerKinds.join(", ")}.`,
      en: `${swedish.id} is a ${swedish.kind}; the programme accepts ${programme.eligibleSwedishPartnerKinds.join(", ")}.`
    }))
  }
  p.focusAreas.forEach((area, i) => {
    if (programme.focusAreas.includes(area)) return
    out.push(Refusal.violation(`focusAreas[${i}]`, "programme-focus-area", area, {
      sv: `Fokusområdet ${area} ingår inte i programmet ${programme.id}.`,
      en: `Focus area ${area} is not part of programme ${programme.id}.`
    }))
  })
  if (p.network !== undefined && (facts.network === undefined || facts.network.programme !== p.programme)) {
    out.push(Refusal.violation("network", "network-in-programme", p.network, {
      sv: `Nätverket ${p.network} finns inte i programmet ${p.programme}.`,
      en: `Network ${p.network} is not part of programme ${p.programme}.`
    }))
  }
  const partner = p.internationalPartner === undefined ? undefined : facts.organisations.get(p.internationalPartner)
  if (partner !== undefined) {
    if (partner.kind !== "international-municipality") {
      out.push(Refusal.violation("internationalPartner", "partner-kind", partner.kind, {
        sv: `${partner.id} är inte en internationell kommun (typ: ${partner.kind}).`,
        en: `${partner.id} is not an international municipality (kind: ${partner.kind}).`
      }))
    }
    if (!programme.eligiblePartnerCountries.includes(partner.country)) {
      const list = programme.eligiblePartnerCountries.map(countryName).join(", ")
      out.push(Refusal.violation("internationalPartner", "eligible-partner-country", partner.country, {
        sv: `${partner.id} ligger i ${countryName(partner.country)}; programmet ${programme.id} tillåter partner i ${list}.`,
        en: `${partner.id} is in ${countryName(partner.country)}; programme ${programme.id} allows partners in ${list}.`
      }))
    }
    if (p.partnerCountry !== undefined && p.partnerCountry !== partner.country) {
      out.push(Refusal.violation("partnerCountry", "partner-country-matches", p.partnerCountry, {
        sv: `Partnerlandet ${p.partnerCountry} är inte ${partner.id}s land (${partner.country}).`,
        en: `Partner country ${p.partnerCountry} is not the country of ${partner.id} (${partner.country}).`
      }))
    }
  }
  const years = programme.phases.implementationYears
  if (p.implementationYear !== undefined && p.implementationYear > years) {
    out.push(Refusal.violation("implementationYear", "implementation-years", p.implementationYear, {
      sv: `Programmet ${programme.id} har ${years} genomförandeår; år ${p.implementationYear} finns inte.`,
      en: `Programme ${programme.id} has ${years} implementation years; there is no year ${p.implementationYear}.`
    }))
  }
  if ((p.status === "concluded" || p.status === "closed") && p.implementationYear !== undefined && p.implementationYear < years) {
    out.push(Refusal.violation("implementationYear", "final-year", p.implementationYear, {
      sv: `Ett avslutat partnerskap har gått igenom alla ${years} genomförandeår; det här är i år ${p.implementationYear}.`,
      en: `A concluded partnership has been through all ${years} implementation years; this one is in year ${p.implementationYear}.`
    }))
  }
  return out
}

/**
 * Reads the {@link Facts} of a partnership from the stores.
 *
 * @category services
 * @since 0.2.0
 */
export const loadFacts = Effect.fn("Integrity.loadFacts")(function*(
  p: Partnership.Partnership
): Effect.fn.Return<Facts, StoreError, ProgrammeStore | OrganisationStore | NetworkStore> {
  const programme = Option.getOrUndefined(yield* (yield* ProgrammeStore).find(p.programme))
  const orgs = yield* OrganisationStore
  const organisations = new Map<string, Organisation | undefined>()
  for (const [, id] of named(p)) {
    if (!organisations.has(id)) organisations.set(id, Option.getOrUndefined(yield* orgs.find(id)))
  }
  const network = p.network === undefined ? undefined : Option.getOrUndefined(yield* (yield* NetworkStore).find(p.network))
  return { programme, organisations, network }
})

const refuse = (p: Partnership.Partnership, violations: ReadonlyArray<Refusal.Violation>) =>
  Arr.isReadonlyArrayNonEmpty(violations)
    ? Effect.fail(new Partnership.PartnershipInvalid({ subject: { kind: "partnership", id: p.id }, violations }))
    : Effect.void

const initialViolations = (p: Partnership.Partnership): Array<Refusal.Violation> => {
  const out: Array<Refusal.Violation> = []
  if (p.status !== "interest-registered" || p.decisions.length > 0 || p.network !== undefined || p.internationalPartner !== undefined) {
    out.push(Refusal.violation("status", "initial-status", p.status, {
      sv: "Ett nytt partnerskap börjar i läget intresseanmälan, utan beslut, nätverk eller internationell partner; senare lägen nås med livscykelns kommandon (Partnerships.execute) eller en import.",
      en: "A new partnership starts as interest-registered, with no decisions, network or international partner; later statuses are reached through lifecycle commands (Partnerships.execute) or an import."
    }))
  }
  if (p.version !== 0) {
    out.push(Refusal.violation("version", "new-partnership", p.version, {
      sv: "En ny registrering har version 0 (använd Partnership.make).",
      en: "A new registration is at version 0 (use Partnership.make)."
    }))
  }
  return out
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * The public partnership store over one derived by `EntityStore.make` (what adapters do:
 * `Stores.partnershipLayer`, `SqlPartnershipStore`): `create` and `ensure` take a partnership
 * only at its first status, `update` refuses a change to any of the {@link lifecycleFields},
 * and every write passes {@link check}; `PartnershipInvalid` names every broken rule and
 * nothing is written. The lifecycle writes through a path of its own that the result keeps
 * but does not offer.
 *
 * @category constructors
 * @since 0.2.0
 */
export const guard = <S extends EntityStore.EntityStore<Partnership.Partnership>>(base: S) =>
  Effect.gen(function*() {
    const programmes = yield* ProgrammeStore.make
    const organisations = yield* OrganisationStore.make
    const networks = yield* NetworkStore.make
    const facts = (p: Partnership.Partnership) =>
      loadFacts(p).pipe(
        Effect.provideService(ProgrammeStore, programmes),
        Effect.provideService(OrganisationStore, organisations),
        Effect.provideService(NetworkStore, networks)
      )
    const checked = (p: Partnership.Partnership, extra: ReadonlyArray<Refusal.Violation>) =>
      Effect.flatMap(facts(p), (f) => refuse(p, [...extra, ...check(p, f)]))

    const create = (value: Partnership.Partnership, change: ChangeLog.Change, recorded?: EntityStore.Recorded) =>
      Effect.andThen(checked(value, initialViolations(value)), base.create(value, change, recorded))

    const update = (value: Partnership.Partnership, change: ChangeLog.Update) =>
      Effect.gen(function*() {
        const current = yield* base.find(value.id)
        if (Option.isNone(current) || current.value.version !== change.expectedVersion) {
          return yield* new VersionConflict({
            kind: "partnership",
            id: value.id,
            expected: typeof change.expectedVersion === "number" ? change.expectedVersion : -1,
            actual: Option.isNone(current) ? 0 : current.value.version
          })
        }
        const changed = lifecycleFields.filter((f) => !same(current.value[f], value[f]))
        yield* checked(value, changed.map((f) =>
          Refusal.violation(f, "lifecycle-field", value[f], {
            sv: `${f} ändras bara med livscykelns kommandon (Partnerships.execute), inte med en uppdatering.`,
            en: `${f} changes only through lifecycle commands (Partnerships.execute), not through an update.`
          })
        ))
        return yield* base.update(value, change)
      })

    const ensure = (value: Partnership.Partnership, change: ChangeLog.Change) =>
      Effect.gen(function*() {
        // a stored partnership is compared, never rewritten; a new one is checked as `create` is
        if (Option.isNone(yield* base.find(value.id))) yield* checked(value, initialViolations(value))
        return yield* base.ensure(value, change)
      })

    const transitions: Transitions = { [transition]: (value, change, recorded) => base.update(value, change, recorded) }
    return { ...base, create, update, ensure, ...transitions }
  }) as Effect.Effect<
    Omit<S, "create" | "update" | "ensure"> & Pick<Partnership.Store["Service"], "create" | "update" | "ensure">,
    never,
    DocumentStore
  >
