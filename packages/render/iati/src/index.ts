/**
 * `@localrights/render-iati`: IATI 2.03 activity XML, one activity per partnership.
 *
 * @module
 * @since 0.1.0
 */
export * as IatiRenderer from "./IatiRenderer.ts"
