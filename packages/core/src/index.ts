/**
 * `@localrights/core`: the domain of municipal human-rights partnership programmes as data and
 * pure rules, the ports that stores and renderers implement, and reference data.
 *
 * **Where things are**
 *
 * - The kernel, at the root: ids (`Ids`), text in Swedish and English (`LocalizedText`),
 *   dates (`CalendarDate`), countries (`Country`), money (`Money`), decoding with errors that
 *   name the field (`Validation`), constructors from plain values (`Construct`), enumerations
 *   (`Enumeration`), the SDG catalogue (`Sdg`) and the change log (`ChangeLog`).
 * - `@localrights/core/partnership`: organisations, programmes, networks, partnerships, their
 *   lifecycle, the catalogue and expressions of interest.
 * - `@localrights/core/assessment`: criteria frameworks and rights-based assessments.
 * - `@localrights/core/funding`: funding rules, budgets, expenses, exchange rates, disbursement.
 * - `@localrights/core/programme-work`: events, training programmes, agreements, the results
 *   conference, iCalendar.
 * - Results (from this entry point): goals, indicators, actuals, progress reports, the
 *   reporting cycle and the roll-up.
 * - `@localrights/core/publishing`: view models and the renderer port.
 * - `@localrights/core/store`: the storage ports and personal-data export and erasure.
 *
 * This entry point re-exports every namespace of every area, so
 * `import { Partnership, Budget } from "@localrights/core"` works as well as the area imports.
 *
 * @groupDescription Kernel
 * The small kernel every area builds on: ids (`Ids`), text in Swedish and English
 * (`LocalizedText`), calendar dates (`CalendarDate`), countries (`Country`), money in minor units
 * (`Money`), decoding with errors that name the field (`Validation`), constructors from plain
 * values for every entity (`Construct`: `X.make`, `X.decode`), enumerations with their names
 * (`Enumeration`), the one refusal shape (`Refusal`), the SDG catalogue (`Sdg`) and the change
 * log (`ChangeLog`). Imported from `@localrights/core`.
 *
 * @groupDescription Partnership
 * The programme and its partnerships: organisations (Swedish municipalities and regions, their
 * international partners, universities, civil society), programmes with their phases and
 * rules, networks (cohorts), partnerships, the lifecycle that moves a partnership from
 * expression of interest (`Interest`) through application, admission, matching, preparation
 * year and implementation to its conclusion (`Lifecycle` is the pure state machine,
 * `Partnerships` runs it against the stores, `Integrity` is the one invariant check every
 * write passes), and the public catalogue (`Catalogue`).
 * Also imported from `@localrights/core/partnership`.
 *
 * @groupDescription Assessment
 * Rights-based assessment of applications and project plans: criteria frameworks (the UN's
 * PANEL principles, SKR's rights-based approach, the child-rights general principles, or your
 * own, versioned), assessments with scores and evidence per principle (`Assessment` is pure,
 * `Assessments` records them and their decisions against the stores), and the map from rights
 * principles to the SDG targets they touch (`RightsSdgMap`).
 * Also imported from `@localrights/core/assessment`.
 *
 * @groupDescription Funding
 * Money under fixed rules: funding rule sets (caps per phase, year and programme, eligible
 * costs, shares), budgets checked against them (`Budget` is pure, `Budgets` turns a check into
 * a lifecycle decision against the stores), the expense ledger in any currency with exchange
 * rates on the value date (`Expenses`, `ExchangeRates`), and disbursement in tranches
 * (`Disbursement`).
 * Also imported from `@localrights/core/funding`.
 *
 * @groupDescription Results
 * The results framework: goals at programme, network and partnership level linked to SDG
 * targets and rights principles (`Goal`), indicators with baselines, targets per period and
 * aggregation rules (`Indicator`), reporting periods that follow the phases
 * (`ReportingPeriod`), actuals per indicator and period (`Actual`), progress reports whose
 * approval releases the next tranche and concludes a partnership (`ProgressReport` is pure,
 * `Reports` runs the commands against the stores), due dates, overdue reports and reminders
 * (`ReportingCycle`), and the roll-up per network and programme (`RollUp`).
 *
 * @groupDescription Programme work
 * The work around a programme: calendar events (conferences, regional conferences, network
 * meetings) and when they take place (`EventTime`), participants and registrations, training
 * programmes with sessions and enrolment, agreements with deliverables and due dates, the
 * results conference that concludes partnerships, and iCalendar export.
 * Also imported from `@localrights/core/programme-work`.
 *
 * @groupDescription Publishing
 * What the public reads: view models built by pure functions from the domain (project cards,
 * catalogue pages, network reports, funding statements, IATI activity files, event pages),
 * always without personal data, and the `Renderer` port that the HTML, Markdown, CSV and IATI
 * packages implement.
 * Also imported from `@localrights/core/publishing`.
 *
 * @groupDescription Store
 * Storage: the primitive `DocumentStore` port an adapter implements (read, versioned write with
 * its change record, list, history), `EntityStore` that derives a typed store per entity from
 * it, `Stores` that provides every entity store at once, and `PersonalData` for export and
 * erasure of one person's data across every store.
 * Also imported from `@localrights/core/store`.
 *
 * @module
 * @since 0.1.0
 */
export * as Actual from "./results/Actual.ts"
export * as Agreement from "./programme-work/Agreement.ts"
export * as Agreements from "./programme-work/Agreements.ts"
export * as Assessment from "./assessment/Assessment.ts"
export * as Assessments from "./assessment/Assessments.ts"
export * as Audit from "./store/Audit.ts"
export * as AuditLog from "./store/AuditLog.ts"
export * as Budget from "./funding/Budget.ts"
export * as Budgets from "./funding/Budgets.ts"
export * as CalendarDate from "./CalendarDate.ts"
export * as CalendarEvent from "./programme-work/CalendarEvent.ts"
export * as Catalogue from "./partnership/Catalogue.ts"
export * as ChangeLog from "./ChangeLog.ts"
export * as Construct from "./Construct.ts"
export * as Country from "./Country.ts"
export * as CriteriaFramework from "./assessment/CriteriaFramework.ts"
export * as CriteriaFrameworkStore from "./assessment/CriteriaFrameworkStore.ts"
export * as Disbursement from "./funding/Disbursement.ts"
export * as DocumentStore from "./store/DocumentStore.ts"
export * as EntityStore from "./store/EntityStore.ts"
export * as Enumeration from "./Enumeration.ts"
export * as Events from "./programme-work/Events.ts"
export * as EventTime from "./programme-work/EventTime.ts"
export * as ExchangeRates from "./funding/ExchangeRates.ts"
export * as Expenses from "./funding/Expenses.ts"
export * as Frameworks from "./assessment/Frameworks.ts"
export * as FundingRuleSet from "./funding/FundingRuleSet.ts"
export * as Goal from "./results/Goal.ts"
export * as ICalendar from "./programme-work/ICalendar.ts"
export * as Ids from "./Ids.ts"
export * as Indicator from "./results/Indicator.ts"
export * as Integrity from "./partnership/Integrity.ts"
export * as Interest from "./partnership/Interest.ts"
export * as Lifecycle from "./partnership/Lifecycle.ts"
export * as LocalizedText from "./LocalizedText.ts"
export * as Money from "./Money.ts"
export * as Refusal from "./Refusal.ts"
export * as Network from "./partnership/Network.ts"
export * as Organisation from "./partnership/Organisation.ts"
export * as Participant from "./programme-work/Participant.ts"
export * as Partnership from "./partnership/Partnership.ts"
export * as Partnerships from "./partnership/Partnerships.ts"
export * as PersonalData from "./store/PersonalData.ts"
export * as Programme from "./partnership/Programme.ts"
export * as ProgressReport from "./results/ProgressReport.ts"
export * as Renderer from "./publishing/Renderer.ts"
export * as ReportingCycle from "./results/ReportingCycle.ts"
export * as ReportingPeriod from "./results/ReportingPeriod.ts"
export * as Reports from "./results/Reports.ts"
export * as ResultsConference from "./programme-work/ResultsConference.ts"
export * as RightsSdgMap from "./assessment/RightsSdgMap.ts"
export * as RollUp from "./results/RollUp.ts"
export * as Sdg from "./Sdg.ts"
export * as Stores from "./store/Stores.ts"
export * as TrainingProgramme from "./programme-work/TrainingProgramme.ts"
export * as Trainings from "./programme-work/Trainings.ts"
export * as Validation from "./Validation.ts"
export * as View from "./publishing/View.ts"
