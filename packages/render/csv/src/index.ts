/**
 * `@localrights/render-csv`: RFC 4180 CSV of the catalogue and of budgets.
 *
 * @module
 * @since 0.1.0
 */
export * as CsvRenderer from "./CsvRenderer.ts"
