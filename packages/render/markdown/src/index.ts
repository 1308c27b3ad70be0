/**
 * `@localrights/render-markdown`: the views as GitHub-flavoured Markdown.
 *
 * @module
 * @since 0.1.0
 */
export * as MarkdownRenderer from "./MarkdownRenderer.ts"
