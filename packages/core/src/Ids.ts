/**
 * Branded identifiers. An id is a short slug (`lund-francistown`, `icld-mr-2020`): letters,
 * digits, `.`, `_`, `:` and `-`, starting with a letter or digit, at most 128 characters.
 *
 * @module
 * @group Kernel
 * @since 0.1.0
 */
import { Schema } from "effect"
import type { Exit } from "effect"
import * as Validation from "./Validation.ts"

/**
 * An id of any kind, unbranded: the schema the branded ids below are made of, for modules that
 * declare the id of a kind of their own (`Goal.GoalId`).
 *
 * @category schemas
 * @since 0.2.0
 */
export const IdString = Schema.String.check(
  Schema.isPattern(
    /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/,
    Validation.message({
      sv: "Förväntade ett id: bokstäver, siffror, '.', '_', ':' eller '-', som börjar med en bokstav eller siffra, högst 128 tecken",
      en: "Expected an id: letters, digits, '.', '_', ':' or '-', starting with a letter or digit, at most 128 characters"
    })
  )
)

/**
 * Id of a {@link Partnership}.
 *
 * @category schemas
 * @since 0.1.0
 */
export const PartnershipId = IdString.pipe(Schema.brand("PartnershipId"))
/**
 * @category models
 * @since 0.1.0
 */
export type PartnershipId = typeof PartnershipId.Type

/**
 * Id of an organisation (municipality, region, agency, university, ...).
 *
 * @category schemas
 * @since 0.1.0
 */
export const OrganisationId = IdString.pipe(Schema.brand("OrganisationId"))
/**
 * @category models
 * @since 0.1.0
 */
export type OrganisationId = typeof OrganisationId.Type

/**
 * Id of a programme (for example ICLD's *Kommunala partnerskap för mänskliga rättigheter*).
 *
 * @category schemas
 * @since 0.1.0
 */
export const ProgrammeId = IdString.pipe(Schema.brand("ProgrammeId"))
/**
 * @category models
 * @since 0.1.0
 */
export type ProgrammeId = typeof ProgrammeId.Type

/**
 * Id of a network: a cohort of partnerships inside a programme.
 *
 * @category schemas
 * @since 0.1.0
 */
export const NetworkId = IdString.pipe(Schema.brand("NetworkId"))
/**
 * @category models
 * @since 0.1.0
 */
export type NetworkId = typeof NetworkId.Type

/**
 * Id of a funding rule set (the rules themselves are defined by the funding module).
 *
 * @category schemas
 * @since 0.1.0
 */
export const FundingRuleSetId = IdString.pipe(Schema.brand("FundingRuleSetId"))
/**
 * @category models
 * @since 0.1.0
 */
export type FundingRuleSetId = typeof FundingRuleSetId.Type

/**
 * Id of a criteria framework used to assess applications and project plans.
 *
 * @category schemas
 * @since 0.1.0
 */
export const CriteriaFrameworkId = IdString.pipe(Schema.brand("CriteriaFrameworkId"))
/**
 * @category models
 * @since 0.1.0
 */
export type CriteriaFrameworkId = typeof CriteriaFrameworkId.Type

/**
 * Who did something: a user id, an e-mail-free handle, or a system name (`import`, `demo`).
 *
 * @category schemas
 * @since 0.1.0
 */
export const ActorId = Schema.String.check(
  Schema.isPattern(
    /^\S(.{0,126}\S)?$/,
    Validation.message({
      sv: "Förväntade en aktör: 1 till 128 tecken, utan inledande eller avslutande blanksteg",
      en: "Expected an actor: 1 to 128 characters, no leading or trailing space"
    })
  )
).pipe(Schema.brand("ActorId"))
/**
 * @category models
 * @since 0.1.0
 */
export type ActorId = typeof ActorId.Type

/**
 * Id of a budget (one partnership's preparation-year or full budget).
 *
 * @category schemas
 * @since 0.1.0
 */
export const BudgetId = IdString.pipe(Schema.brand("BudgetId"))
/**
 * @category models
 * @since 0.1.0
 */
export type BudgetId = typeof BudgetId.Type

/**
 * Id of an expenses ledger (the actual costs of one partnership).
 *
 * @category schemas
 * @since 0.1.0
 */
export const LedgerId = IdString.pipe(Schema.brand("LedgerId"))
/**
 * @category models
 * @since 0.1.0
 */
export type LedgerId = typeof LedgerId.Type

/**
 * Id of a disbursement plan (the tranches of one grant).
 *
 * @category schemas
 * @since 0.1.0
 */
export const DisbursementPlanId = IdString.pipe(Schema.brand("DisbursementPlanId"))
/**
 * @category models
 * @since 0.1.0
 */
export type DisbursementPlanId = typeof DisbursementPlanId.Type

/**
 * Id of a calendar event (a conference, training session, network meeting, exchange trip).
 *
 * @category schemas
 * @since 0.1.0
 */
export const CalendarEventId = IdString.pipe(Schema.brand("CalendarEventId"))
/**
 * @category models
 * @since 0.1.0
 */
export type CalendarEventId = typeof CalendarEventId.Type

/**
 * Id of a training programme (a series of sessions with enrolment for the whole programme).
 *
 * @category schemas
 * @since 0.1.0
 */
export const TrainingProgrammeId = IdString.pipe(Schema.brand("TrainingProgrammeId"))
/**
 * @category models
 * @since 0.1.0
 */
export type TrainingProgrammeId = typeof TrainingProgrammeId.Type

/**
 * Id of an agreement (for example the 2014 agreement between the government and SKL).
 *
 * @category schemas
 * @since 0.1.0
 */
export const AgreementId = IdString.pipe(Schema.brand("AgreementId"))
/**
 * @category models
 * @since 0.1.0
 */
export type AgreementId = typeof AgreementId.Type

/**
 * Id of an expression of interest (intresseanmälan).
 *
 * @category schemas
 * @since 0.1.0
 */
export const ExpressionId = IdString.pipe(Schema.brand("ExpressionId"))
/**
 * @category models
 * @since 0.1.0
 */
export type ExpressionId = typeof ExpressionId.Type

/**
 * Id of an assessment of an application or a project plan against a criteria framework.
 *
 * @category schemas
 * @since 0.1.0
 */
export const AssessmentId = IdString.pipe(Schema.brand("AssessmentId"))
/**
 * @category models
 * @since 0.1.0
 */
export type AssessmentId = typeof AssessmentId.Type

const constructor = <S extends Schema.Decoder<string>>(schema: S, kind: string) =>
  Validation.decoderExit(schema, kind) as (id: string) => Exit.Exit<S["Type"], Validation.ValidationError>

/**
 * Ids from plain strings, checked, one constructor per kind of id: a `ValidationError` (rule
 * `pattern`, subject the id's kind) unless the string is a valid id. Each returns an `Exit`:
 * yield it in `Effect.gen`, or check it synchronously.
 *
 * @example
 * ```ts
 * import { Ids } from "@localrights/core"
 * import { Effect } from "effect"
 *
 * Ids.make.organisation(" lund") // Exit.fail(ValidationError): rule pattern
 *
 * const program = Effect.gen(function*() {
 *   const lund = yield* Ids.make.organisation("lund") // OrganisationId
 *   const partnership = yield* Ids.make.partnership("lund-francistown") // PartnershipId
 *   return { lund, partnership }
 * })
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const make = {
  /** A {@link PartnershipId}. */
  partnership: constructor(PartnershipId, "PartnershipId"),
  /** An {@link OrganisationId}. */
  organisation: constructor(OrganisationId, "OrganisationId"),
  /** A {@link ProgrammeId}. */
  programme: constructor(ProgrammeId, "ProgrammeId"),
  /** A {@link NetworkId}. */
  network: constructor(NetworkId, "NetworkId"),
  /** A {@link FundingRuleSetId}. */
  fundingRuleSet: constructor(FundingRuleSetId, "FundingRuleSetId"),
  /** A {@link CriteriaFrameworkId}. */
  criteriaFramework: constructor(CriteriaFrameworkId, "CriteriaFrameworkId"),
  /** An {@link ActorId} (1 to 128 characters, no leading or trailing space). */
  actor: constructor(ActorId, "ActorId"),
  /** A {@link BudgetId}. */
  budget: constructor(BudgetId, "BudgetId"),
  /** A {@link LedgerId}. */
  ledger: constructor(LedgerId, "LedgerId"),
  /** A {@link DisbursementPlanId}. */
  disbursementPlan: constructor(DisbursementPlanId, "DisbursementPlanId"),
  /** A {@link CalendarEventId}. */
  calendarEvent: constructor(CalendarEventId, "CalendarEventId"),
  /** A {@link TrainingProgrammeId}. */
  trainingProgramme: constructor(TrainingProgrammeId, "TrainingProgrammeId"),
  /** An {@link AgreementId}. */
  agreement: constructor(AgreementId, "AgreementId"),
  /** An {@link ExpressionId}. */
  expression: constructor(ExpressionId, "ExpressionId"),
  /** An {@link AssessmentId}. */
  assessment: constructor(AssessmentId, "AssessmentId")
} as const
