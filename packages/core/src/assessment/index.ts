/**
 * Rights-based assessment.
 *
 * Rights-based assessment of applications and project plans: criteria frameworks (the UN's
 * PANEL principles, SKR's rights-based approach, the child-rights general principles, or your
 * own, versioned), assessments with scores and evidence per principle (`Assessment` is pure,
 * `Assessments` records them and their decisions against the stores), and the map from rights
 * principles to the SDG targets they touch (`RightsSdgMap`).
 *
 * @module
 * @since 0.2.0
 */
export * as Assessment from "./Assessment.ts"
export * as Assessments from "./Assessments.ts"
export * as CriteriaFramework from "./CriteriaFramework.ts"
export * as CriteriaFrameworkStore from "./CriteriaFrameworkStore.ts"
export * as Frameworks from "./Frameworks.ts"
export * as RightsSdgMap from "./RightsSdgMap.ts"
