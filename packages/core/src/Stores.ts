/**
 * Every typed store at once, over one {@link DocumentStore.DocumentStore}.
 *
 * @since 0.1.0
 */
import { Layer } from "effect"
import * as AgreementStore from "./AgreementStore.ts"
import * as AssessmentStore from "./AssessmentStore.ts"
import * as CalendarEventStore from "./CalendarEventStore.ts"
import * as CriteriaFrameworkStore from "./CriteriaFrameworkStore.ts"
import * as BudgetStore from "./BudgetStore.ts"
import * as DisbursementStore from "./DisbursementStore.ts"
import * as DocumentStore from "./DocumentStore.ts"
import * as ExpenseLedgerStore from "./ExpenseLedgerStore.ts"
import * as FundingRuleSetStore from "./FundingRuleSetStore.ts"
import * as ExpressionStore from "./ExpressionStore.ts"
import * as NetworkStore from "./NetworkStore.ts"
import * as OrganisationStore from "./OrganisationStore.ts"
import * as PartnershipStore from "./PartnershipStore.ts"
import * as ProgrammeStore from "./ProgrammeStore.ts"
import * as TrainingProgrammeStore from "./TrainingProgrammeStore.ts"

/**
 * The services {@link layer} provides.
 *
 * @category models
 * @since 0.1.0
 */
export type Stores =
  | PartnershipStore.PartnershipStore
  | OrganisationStore.OrganisationStore
  | ProgrammeStore.ProgrammeStore
  | NetworkStore.NetworkStore
  | FundingRuleSetStore.FundingRuleSetStore
  | BudgetStore.BudgetStore
  | ExpenseLedgerStore.ExpenseLedgerStore
  | DisbursementStore.DisbursementStore
  | AssessmentStore.AssessmentStore
  | CriteriaFrameworkStore.CriteriaFrameworkStore
  | CalendarEventStore.CalendarEventStore
  | TrainingProgrammeStore.TrainingProgrammeStore
  | AgreementStore.AgreementStore
  | ExpressionStore.ExpressionStore

/**
 * Every typed store over the {@link DocumentStore.DocumentStore} in context (the document
 * store stays available too).
 *
 * @example
 * ```ts
 * import { DocumentStore, Stores } from "@localrights/core"
 * import { Layer } from "effect"
 * const InMemory = Stores.layer.pipe(Layer.provideMerge(DocumentStore.layerMemory))
 * ```
 *
 * @category layers
 * @since 0.1.0
 */
export const layer: Layer.Layer<Stores, never, DocumentStore.DocumentStore> = Layer.mergeAll(
  PartnershipStore.layer,
  OrganisationStore.layer,
  ProgrammeStore.layer,
  NetworkStore.layer,
  FundingRuleSetStore.layer,
  BudgetStore.layer,
  ExpenseLedgerStore.layer,
  DisbursementStore.layer,
  AssessmentStore.layer,
  CriteriaFrameworkStore.layer,
  CalendarEventStore.layer,
  TrainingProgrammeStore.layer,
  AgreementStore.layer,
  ExpressionStore.layer
)

/**
 * Every typed store in memory, with the in-memory document store: for tests, demos and
 * prototypes.
 *
 * @category layers
 * @since 0.1.0
 */
export const layerMemory: Layer.Layer<Stores | DocumentStore.DocumentStore> = layer.pipe(
  Layer.provideMerge(DocumentStore.layerMemory)
)
