/**
 * Contract suites for adapters. Each suite registers vitest cases; run it from an adapter's
 * test file with the adapter's layer.
 *
 * @since 0.1.0
 */
export * as DocumentStoreTest from "./DocumentStoreTest.ts"
export * as PartnershipStoreTest from "./PartnershipStoreTest.ts"
export * as RendererTest from "./RendererTest.ts"
export * as ProgrammeWorkStoreTest from "./ProgrammeWorkStoreTest.ts"
export * as AssessmentStoreTest from "./AssessmentStoreTest.ts"
export * as AuditLogTest from "./AuditLogTest.ts"
