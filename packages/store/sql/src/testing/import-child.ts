/**
 * The child program of the bulk-import crash test (`CrashTest` in
 * `@localrights/store-sql/testing`), apart from the suites so that the child loads no test
 * runner.
 *
 * @since 0.1.0
 */
export * as ImportChild from "./ImportChild.ts"
