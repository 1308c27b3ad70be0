/**
 * Example data from the public sources, for demos, tests and documentation.
 *
 * @since 0.1.0
 */
export * as IcldMr2020 from "./IcldMr2020.ts"
