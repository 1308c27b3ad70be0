/**
 * The test suite every SQL store runs on top of the core contract suites: migrations and
 * upgrades, catalogue queries against `Catalogue.run` as a property, 100 concurrent writers,
 * bulk import, and driver errors as typed errors.
 *
 * @since 0.1.0
 */
export * as SqlStoreTest from "./SqlStoreTest.ts"
export * as Generate from "./Generate.ts"
