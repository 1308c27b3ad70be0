/**
 * `@localrights/render-html`: accessible, bilingual HTML pages with SVG charts.
 *
 * @module
 * @since 0.1.0
 */
export * as HtmlRenderer from "./HtmlRenderer.ts"
