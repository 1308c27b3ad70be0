/**
 * Example data from the public sources, for demos, tests and documentation.
 *
 * @module
 * @since 0.1.0
 */
export * as IcldCohort2020 from "./IcldCohort2020.ts"
export * as Mr2020Conferences from "./Mr2020Conferences.ts"
export * as StrategistProgramme2023 from "./StrategistProgramme2023.ts"
export * as GovernmentAgreement2014 from "./GovernmentAgreement2014.ts"
export * as LundFrancistownResults from "./LundFrancistownResults.ts"
