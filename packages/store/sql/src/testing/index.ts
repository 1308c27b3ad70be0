/**
 * The test suite every SQL store runs on top of the core contract suites: migrations and
 * upgrades, catalogue queries against `Catalogue.run` as a property, 100 concurrent writers,
 * bulk import, and driver errors as typed errors; and the crash test of the bulk import (a
 * child process killed mid-import, again and again).
 *
 * @since 0.1.0
 */
export * as SqlStoreTest from "./SqlStoreTest.ts"
export * as IntegrityTest from "./IntegrityTest.ts"
export * as ResultsTest from "./ResultsTest.ts"
export * as Generate from "./Generate.ts"
export * as CrashTest from "./CrashTest.ts"
