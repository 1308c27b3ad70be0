/**
 * The renderer port: turns a {@link View.View} into a document (HTML page, Markdown, CSV, IATI
 * XML) in one language. An adapter supplies one pure function per view kind it supports;
 * {@link make} derives the service, refuses unsupported views with a typed error, and turns an
 * unexpected defect into a {@link RenderError}.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer, Schema } from "effect"
import type { Lang } from "./LocalizedText.ts"
import * as View from "./View.ts"

/**
 * A rendered document: its media type, a suggested file name, and the text.
 *
 * @category models
 * @since 0.1.0
 */
export interface Document {
  /** The media type, with charset (`text/html; charset=utf-8`). */
  readonly mediaType: string
  /** A suggested file name (`lund-francistown.sv.html`). */
  readonly fileName: string
  /** The document's text. */
  readonly body: string
}

/**
 * Why rendering failed: the renderer does not support the view, the view lacks something the
 * format requires (an IATI activity date), or the renderer failed unexpectedly.
 *
 * @category errors
 * @since 0.1.0
 */
export const RenderErrorReason = Schema.Literals(["unsupported-view", "invalid-input", "failed"])

/**
 * A rendering failure, with the renderer, the view kind and what went wrong.
 *
 * @category errors
 * @since 0.1.0
 */
export class RenderError extends Schema.TaggedError<RenderError>()("RenderError", {
  renderer: Schema.String,
  view: Schema.String,
  reason: RenderErrorReason,
  detail: Schema.String,
  cause: Schema.optionalKey(Schema.Defect())
}) {
  /** @since 0.1.0 */
  override get message(): string {
    return `${this.renderer} could not render ${this.view} (${this.reason}): ${this.detail}`
  }
}

/**
 * The renderer service.
 *
 * @category services
 * @since 0.1.0
 */
export class Renderer extends Context.Service<Renderer, {
  /** The renderer's name (`html`). */
  readonly name: string
  /** The view kinds it renders. */
  readonly supports: ReadonlyArray<View.Kind>
  /** Renders a view in a language. */
  readonly render: (view: View.View, lang: Lang) => Effect.Effect<Document, RenderError>
}>()("@localrights/core/Renderer") {}

/**
 * What one view-kind handler returns: the body, or a refusal with a reason in words.
 *
 * @category models
 * @since 0.1.0
 */
export type Output = string | { readonly invalid: string }

/**
 * The primitives an adapter supplies: a name, a media type, a file extension and one pure
 * function per supported view kind.
 *
 * @category models
 * @since 0.1.0
 */
export interface Primitives {
  /** The renderer's name. */
  readonly name: string
  /** The media type of every document. */
  readonly mediaType: string
  /** The file extension, without dot (`html`). */
  readonly extension: string
  /** One function per supported view kind. */
  readonly views: { readonly [K in View.Kind]?: (view: Extract<View.View, { readonly _tag: K }>, lang: Lang) => Output }
}

/**
 * The file name a view gets: `catalogue.sv.html`, `lund-francistown.en.md`,
 * `network-<id>.sv.html`, `assessment-<id>`, `funding-<id>`, `activities.xml` (one file, both
 * languages inside).
 *
 * @category rendering
 * @since 0.1.0
 */
export const fileName = (view: View.View, lang: Lang | undefined, extension: string): string => {
  const base = (() => {
    switch (view._tag) {
      case "ProjectCard":
        return view.id
      case "Catalogue":
        return "catalogue"
      case "NetworkReport":
        return `network-${view.network.id}`
      case "AssessmentSummary":
        return `assessment-${view.partnership.id}`
      case "FundingStatement":
        return `funding-${view.partnership.id}`
      case "ActivityFile":
        return "activities"
    }
  })()
  return lang === undefined ? `${base}.${extension}` : `${base}.${lang}.${extension}`
}

/**
 * Builds the service from an adapter's primitives.
 *
 * @category constructors
 * @since 0.1.0
 */
export const make = (primitives: Primitives): Renderer["Service"] => {
  const supports = View.kinds.filter((k) => primitives.views[k] !== undefined)
  const render = Effect.fn("Renderer.render")(function*(view: View.View, lang: Lang) {
    const handler = primitives.views[view._tag] as ((v: View.View, l: Lang) => Output) | undefined
    if (handler === undefined) {
      return yield* new RenderError({
        renderer: primitives.name,
        view: view._tag,
        reason: "unsupported-view",
        detail: `supported: ${supports.join(", ")}`
      })
    }
    const out = yield* Effect.try({
      try: () => handler(view, lang),
      catch: (cause) =>
        new RenderError({ renderer: primitives.name, view: view._tag, reason: "failed", detail: String(cause), cause })
    })
    if (typeof out !== "string") {
      return yield* new RenderError({ renderer: primitives.name, view: view._tag, reason: "invalid-input", detail: out.invalid })
    }
    return {
      mediaType: primitives.mediaType,
      fileName: fileName(view, view._tag === "ActivityFile" ? undefined : lang, primitives.extension),
      body: out
    }
  })
  return { name: primitives.name, supports, render }
}

/**
 * The service as a layer, from an adapter's primitives.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer = (primitives: Primitives): Layer.Layer<Renderer> => Layer.succeed(Renderer, make(primitives))
