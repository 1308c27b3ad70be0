/**
 * The renderer port: turns a {@link View.View} into a document (HTML page, Markdown, CSV, IATI
 * XML) in one language. An adapter supplies the view kinds it supports and one pure function;
 * {@link make} derives the service, refuses unsupported views with a typed error, and turns an
 * unexpected defect into a {@link RenderError}.
 *
 * @module
 * @group Publishing
 * @since 0.1.0
 */
import { Context, Effect, Layer, Schema } from "effect"
import type { Lang } from "../LocalizedText.ts"
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
 * The primitives an adapter supplies: a name, a media type, a file extension, the view kinds
 * it supports and one pure function over them.
 *
 * @category models
 * @since 0.1.0
 */
export interface Primitives<K extends View.Kind = View.Kind> {
  /** The renderer's name. */
  readonly name: string
  /** The media type of every document. */
  readonly mediaType: string
  /** The file extension, without dot (`html`). */
  readonly extension: string
  /** The view kinds it renders. */
  readonly supports: ReadonlyArray<K>
  /** Renders a supported view in a language: the body, or why the view cannot be rendered. */
  readonly render: (view: Extract<View.View, { readonly _tag: K }>, lang: Lang) => Output
}

/**
 * The file name a view gets: `catalogue.sv.html`, `lund-francistown.en.md`,
 * `network-<id>.sv.html`, `assessment-<id>`, `funding-<id>`, `event-<id>`, `activities.xml` (one file, both
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
      case "EventPage":
        return `event-${view.event.id}`
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
export const make = <K extends View.Kind>(primitives: Primitives<K>): Renderer["Service"] => {
  const supports: ReadonlyArray<View.Kind> = View.kinds.filter((k) => (primitives.supports as ReadonlyArray<View.Kind>).includes(k))
  const handler = primitives.render as (v: View.View, l: Lang) => Output
  // A hot path (a site renders thousands of cards): no span per call, no generator.
  const render = (view: View.View, lang: Lang): Effect.Effect<Document, RenderError> =>
    Effect.suspend(() => {
      if (!supports.includes(view._tag)) {
        return Effect.fail(
          new RenderError({ renderer: primitives.name, view: view._tag, reason: "unsupported-view", detail: `supported: ${supports.join(", ")}` })
        )
      }
      let out: Output
      try {
        out = handler(view, lang)
      } catch (cause) {
        return Effect.fail(new RenderError({ renderer: primitives.name, view: view._tag, reason: "failed", detail: String(cause), cause }))
      }
      if (typeof out !== "string") {
        return Effect.fail(new RenderError({ renderer: primitives.name, view: view._tag, reason: "invalid-input", detail: out.invalid }))
      }
      return Effect.succeed({
        mediaType: primitives.mediaType,
        fileName: fileName(view, view._tag === "ActivityFile" ? undefined : lang, primitives.extension),
        body: out
      })
    })
  return { name: primitives.name, supports, render }
}

/**
 * The service as a layer, from an adapter's primitives.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer = <K extends View.Kind>(primitives: Primitives<K>): Layer.Layer<Renderer> => Layer.succeed(Renderer, make(primitives))
