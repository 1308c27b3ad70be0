/**
 * `@localrights/core`: the domain of municipal human-rights partnership programmes as data and
 * pure rules, the ports that stores and renderers implement, and reference data.
 *
 * **Where things are**
 *
 * - The kernel, at the root: ids (`Ids`), text in Swedish and English (`LocalizedText`),
 *   dates (`CalendarDate`), countries (`Country`), money (`Money`), decoding with errors that
 *   name the field (`Validation`), the SDG catalogue (`Sdg`) and the change log (`ChangeLog`).
 * - `@localrights/core/partnership`: organisations, programmes, networks, partnerships, their
 *   lifecycle, the catalogue and expressions of interest.
 * - `@localrights/core/assessment`: criteria frameworks and rights-based assessments.
 * - `@localrights/core/funding`: funding rules, budgets, expenses, exchange rates, disbursement.
 * - `@localrights/core/programme-work`: events, training programmes, agreements, the results
 *   conference, iCalendar.
 * - `@localrights/core/publishing`: view models and the renderer port.
 * - `@localrights/core/store`: the storage ports and personal-data export and erasure.
 *
 * This entry point re-exports every namespace of every area, so
 * `import { Partnership, Budget } from "@localrights/core"` works as well as the area imports.
 *
 * @module
 * @since 0.1.0
 */
export * as Agreement from "./programme-work/Agreement.ts"
export * as Assessment from "./assessment/Assessment.ts"
export * as Assessments from "./assessment/Assessments.ts"
export * as Budget from "./funding/Budget.ts"
export * as Budgets from "./funding/Budgets.ts"
export * as CalendarDate from "./CalendarDate.ts"
export * as CalendarEvent from "./programme-work/CalendarEvent.ts"
export * as Catalogue from "./partnership/Catalogue.ts"
export * as ChangeLog from "./ChangeLog.ts"
export * as Country from "./Country.ts"
export * as CriteriaFramework from "./assessment/CriteriaFramework.ts"
export * as CriteriaFrameworkStore from "./assessment/CriteriaFrameworkStore.ts"
export * as Disbursement from "./funding/Disbursement.ts"
export * as DocumentStore from "./store/DocumentStore.ts"
export * as EntityStore from "./store/EntityStore.ts"
export * as EventTime from "./programme-work/EventTime.ts"
export * as ExchangeRates from "./funding/ExchangeRates.ts"
export * as Expenses from "./funding/Expenses.ts"
export * as Frameworks from "./assessment/Frameworks.ts"
export * as FundingRuleSet from "./funding/FundingRuleSet.ts"
export * as ICalendar from "./programme-work/ICalendar.ts"
export * as Ids from "./Ids.ts"
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
export * as Renderer from "./publishing/Renderer.ts"
export * as ResultsConference from "./programme-work/ResultsConference.ts"
export * as RightsSdgMap from "./assessment/RightsSdgMap.ts"
export * as Sdg from "./Sdg.ts"
export * as Stores from "./store/Stores.ts"
export * as TrainingProgramme from "./programme-work/TrainingProgramme.ts"
export * as Validation from "./Validation.ts"
export * as View from "./publishing/View.ts"
