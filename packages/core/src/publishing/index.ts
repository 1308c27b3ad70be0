/**
 * Publishing: views and renderers.
 *
 * What the public reads: view models built by pure functions from the domain (project cards,
 * catalogue pages, network reports, funding statements, IATI activity files, event pages),
 * always without personal data, and the `Renderer` port that the HTML, Markdown, CSV and IATI
 * packages implement.
 *
 * @module
 * @since 0.2.0
 */
export * as View from "./View.ts"
export * as Renderer from "./Renderer.ts"
