/**
 * Partnerships and who is in them.
 *
 * The programme and its partnerships: organisations (Swedish municipalities and regions, their
 * international partners, universities, civil society), programmes with their phases and
 * rules, networks (cohorts), partnerships, the lifecycle that moves a partnership from
 * expression of interest (`Interest`) through application, admission, matching, preparation
 * year and implementation to its conclusion (`Lifecycle` is the pure state machine,
 * `Partnerships` runs it against the stores), and the public catalogue (`Catalogue`).
 *
 * @module
 * @since 0.2.0
 */
export * as Organisation from "./Organisation.ts"
export * as Programme from "./Programme.ts"
export * as Network from "./Network.ts"
export * as Partnership from "./Partnership.ts"
export * as Lifecycle from "./Lifecycle.ts"
export * as Partnerships from "./Partnerships.ts"
export * as Integrity from "./Integrity.ts"
export * as Catalogue from "./Catalogue.ts"
export * as Interest from "./Interest.ts"
