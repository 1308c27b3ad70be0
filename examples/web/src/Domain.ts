/**
 * What the web app exposes beyond core: the public form of a partnership and of its change
 * log (no personal data), the write request, SDG answers that say which language each text
 * is in, the form every refusal of core is answered in, and the one error the app adds (writes
 * switched off).
 *
 * **Public output and personal data**
 *
 * Actors may be persons. Public endpoints therefore never show an actor id: the public
 * partnership drops `decidedBy` from its decisions and the public change log drops `actor`.
 * Organisations never appear with their contact persons (core's views go through
 * `Organisation.toPublic`). The `reason` of a change is shown: it is written for the record,
 * and core's erasure keeps personal data out of it.
 */
import { ChangeLog, Ids, Lifecycle, LocalizedText, Partnership, Refusal, Sdg } from "@localrights/core"
import { Schema } from "effect"

// ---------------------------------------------------------------------------------------------
// Partnerships, public
// ---------------------------------------------------------------------------------------------

const { decidedBy: _decidedBy, ...publicDecisionFields } = Partnership.Decision.fields

/**
 * The statuses the public sees: from admission to the network on. Partnerships that are only
 * registered, applied for, rejected or withdrawn before admission are internal (their
 * decisions may hold refusal notes), so no public page or API answer shows them.
 */
export const publicStatuses = ["admitted", "matched", "preparation", "implementation", "concluded", "closed"] as const satisfies ReadonlyArray<Partnership.Status>

/** A status the public sees (see {@link publicStatuses}). */
export const PublicStatus = Schema.Literals(publicStatuses).annotate({
  description: "A public status: admitted, matched, preparation, implementation, concluded or closed"
})
export type PublicStatus = typeof PublicStatus.Type

/** Whether the public may see a partnership. */
export const isPublic = (p: { readonly status: Partnership.Status }): boolean =>
  (publicStatuses as ReadonlyArray<string>).includes(p.status)

/** A gate decision without who decided it. */
export const PublicDecision = Schema.Struct(publicDecisionFields)
export type PublicDecision = typeof PublicDecision.Type

/** A partnership as public endpoints show it: every field, decisions without `decidedBy`. */
export const PublicPartnership = Schema.Struct({
  ...Partnership.Partnership.fields,
  decisions: Schema.Array(PublicDecision)
}).annotate({ identifier: "PublicPartnership" })
export type PublicPartnership = typeof PublicPartnership.Type

/** The public form of a partnership. */
export const toPublic = (p: Partnership.Partnership): PublicPartnership => ({
  ...p,
  decisions: p.decisions.map(({ decidedBy: _, ...decision }) => decision)
})

/** Facet counts of a catalogue page, per facet value. */
export const Facets = Schema.Struct({
  status: Schema.Record(Schema.String, Schema.Int),
  country: Schema.Record(Schema.String, Schema.Int),
  sdgGoal: Schema.Record(Schema.String, Schema.Int),
  focusArea: Schema.Record(Schema.String, Schema.Int)
})

/** One page of the catalogue (core's `Catalogue.Page` with public items). */
export const PublicPage = Schema.Struct({
  items: Schema.Array(PublicPartnership),
  next: Schema.optional(Schema.String),
  total: Schema.Int,
  facets: Facets
}).annotate({ identifier: "CataloguePage" })
export type PublicPage = typeof PublicPage.Type

const { actor: _actor, ...publicChangeFields } = ChangeLog.ChangeRecord.fields

/** One entry of a partnership's change log, without the actor. */
export const PublicChange = Schema.Struct(publicChangeFields).annotate({ identifier: "PublicChange" })
export type PublicChange = typeof PublicChange.Type

/** The public form of a change record. */
export const toPublicChange = ({ actor: _, ...record }: ChangeLog.ChangeRecord): PublicChange => record

/** One page of a change log: the entries, the offset of the next page (absent on the last), the total. */
export const HistoryPage = Schema.Struct({
  items: Schema.Array(PublicChange),
  next: Schema.optional(Schema.Int),
  total: Schema.Int
}).annotate({ identifier: "HistoryPage" })
export type HistoryPage = typeof HistoryPage.Type

/** The longest `reason` a write may carry. */
export const maxReasonLength = 1000

// ---------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------

/**
 * A lifecycle command with its change record: who (`actor`), why (`reason`), and the version
 * the caller last read (`expectedVersion`, required: a stale version is refused, never
 * overwritten). In a real deployment `actor` comes from the authenticated user, not the body.
 */
export const CommandRequest = Schema.Struct({
  command: Lifecycle.Command,
  actor: Ids.ActorId,
  reason: ChangeLog.Change.fields.reason.check(Schema.isMaxLength(maxReasonLength)),
  expectedVersion: ChangeLog.Version
}).annotate({ identifier: "CommandRequest" })
export type CommandRequest = typeof CommandRequest.Type

/**
 * A refusal of core, whichever it is (`TransitionRefused`, `FrameworkInvalid`, ...), as the API
 * answers it: which refusal (`refusal`, core's tag), what was refused (`subject`), every broken
 * rule (`violations[{ field, rule, value, text { sv, en } }]`) and the whole explanation in
 * both languages. Every refusal of core carries these, so the app handles them all alike.
 */
export class Refused extends Schema.TaggedError<Refused>()("Refused", {
  refusal: Schema.String,
  subject: Refusal.Subject,
  violations: Schema.NonEmptyArray(Refusal.Violation),
  explanation: Refusal.Explanation
}) {}

/** Any refusal of core as a {@link Refused}. */
export const refused = (refusal: Refusal.Refusal): Refused =>
  new Refused({
    refusal: refusal._tag,
    subject: refusal.subject,
    violations: refusal.violations,
    explanation: { sv: refusal.explain("sv"), en: refusal.explain("en") }
  })

/** Every refusal in an error channel as a {@link Refused}; other errors pass as they are. */
export const answerRefusals = <E>(error: E): Exclude<E, Refusal.Refusal> | Refused =>
  Refusal.isRefusal(error) ? refused(error) : (error as Exclude<E, Refusal.Refusal>)

/** Writes are switched off in this deployment (`LOCALRIGHTS_WEB_WRITE` is not `1`). */
export class WriteDisabled extends Schema.TaggedError<WriteDisabled>()("WriteDisabled", {
  explanation: LocalizedText.LocalizedText
}) {}

/** The explanation every {@link WriteDisabled} carries. */
export const writeDisabled = new WriteDisabled({
  explanation: {
    sv: "Ändringar är avstängda. Starta med LOCALRIGHTS_WEB_WRITE=1, och bara bakom inloggning.",
    en: "Writes are switched off. Start with LOCALRIGHTS_WEB_WRITE=1, and only behind authentication."
  }
})

// ---------------------------------------------------------------------------------------------
// SDG catalogue
// ---------------------------------------------------------------------------------------------

/** A text in the language asked for, or in the other one with `fallback: true`. */
export const Resolved = Schema.Struct({
  text: Schema.String,
  lang: LocalizedText.Lang,
  fallback: Schema.Boolean
})

/** A target: its code and title (English: no official Swedish list of targets exists). */
export const TargetEntry = Schema.Struct({
  code: Sdg.TargetCode,
  title: Resolved
})

/** A goal with its label, title, where the Swedish text comes from, and its targets. */
export const GoalEntry = Schema.Struct({
  number: Sdg.GoalNumber,
  label: Resolved,
  title: Resolved,
  svSource: Schema.String,
  targets: Schema.Array(TargetEntry)
}).annotate({ identifier: "SdgGoal" })
export type GoalEntry = typeof GoalEntry.Type

/** A goal as listed, in a language. */
export const goalEntry = (goal: Sdg.Goal, lang: LocalizedText.Lang): GoalEntry => ({
  number: goal.number,
  label: Sdg.goalLabel(goal, lang),
  title: LocalizedText.get(goal.title, lang),
  svSource: goal.svSource,
  targets: Sdg.targetsOf(goal.number).map((t) => ({ code: t.code, title: Sdg.targetTitle(t, lang) }))
})

/** A search hit: a goal or a target, with its text in the language the words matched in. */
export const SearchHit = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("goal"), number: Sdg.GoalNumber, label: Resolved }),
  Schema.Struct({ kind: Schema.Literal("target"), code: Sdg.TargetCode, goal: Sdg.GoalNumber, title: Resolved })
]).annotate({ identifier: "SdgSearchHit" })
export type SearchHit = typeof SearchHit.Type

/** A hit of core's `Sdg.search` as the API shows it. */
export const searchHit = (hit: Sdg.SearchHit): SearchHit =>
  hit.kind === "goal"
    ? { kind: "goal", number: hit.goal.number, label: Sdg.goalLabel(hit.goal, hit.lang) }
    : { kind: "target", code: hit.target.code, goal: hit.target.goal, title: Sdg.targetTitle(hit.target, hit.lang) }
