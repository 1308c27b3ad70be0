/**
 * Public pages in Swedish and English, rendered by `@localrights/render-html` from core's view
 * models: the catalogue (`/`, `/sv/`, `/en/`) and a project card (`/partnerships/:id`,
 * `/sv/partnerships/:id`, `/en/partnerships/:id`). Without a language prefix the page takes
 * `?lang=sv|en` (default Swedish). The catalogue takes the same filters as
 * `GET /api/partnerships`, decoded by the same schema.
 */
import { type LocalizedText, Partnership, type Renderer, Validation, View } from "@localrights/core"
import { HtmlRenderer } from "@localrights/render-html"
import { Effect, Layer, Option, Schema } from "effect"
import { HttpRouter, type HttpServerRequest, HttpServerResponse } from "effect/http"
import { LangQuery, SearchQuery } from "./Api.ts"

type Lang = LocalizedText.Lang

/** The page query: the catalogue filters plus `lang`, from URL parameters (repeated or single). */
const decodePageQuery = Validation.decoder(
  Schema.toCodecArrayFromSingle(Schema.toCodecStringTree(Schema.Struct({ ...SearchQuery, ...LangQuery }))),
  "query"
)

const searchParams = (request: HttpServerRequest.HttpServerRequest): URLSearchParams =>
  new URL(request.url, "http://localhost").searchParams

const paramsRecord = (params: URLSearchParams): Record<string, string | Array<string>> => {
  const out: Record<string, string | Array<string>> = {}
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key)
    out[key] = all.length === 1 ? all[0]! : all
  }
  return out
}

/** The language: the path prefix, else `?lang=`, else Swedish. */
const pageLang = (prefix: Lang | undefined, query: { readonly lang?: Lang }): Lang => prefix ?? query.lang ?? "sv"

/** Where pages link to, keeping the current filters (without `lang`, which the path carries). */
const links = (params: URLSearchParams) => (link: HtmlRenderer.Link, lang: Lang): string => {
  const filters = new URLSearchParams(params)
  filters.delete("lang")
  if (link.kind === "catalogue-page") {
    filters.set("cursor", link.cursor)
    return `/${lang}/?${filters}`
  }
  switch (link.view._tag) {
    case "ProjectCard":
      return `/${lang}/partnerships/${encodeURIComponent(link.view.id)}`
    default: {
      const query = filters.toString()
      return query === "" ? `/${lang}/` : `/${lang}/?${query}`
    }
  }
}

const document = (doc: Renderer.Document, status = 200) =>
  HttpServerResponse.text(doc.body, { status, contentType: doc.mediaType })

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" })[c]!)

/** A plain page for what the renderer has no view for: a bad query, an unknown partnership. */
const messagePage = (lang: Lang, status: number, title: string, items: ReadonlyArray<string>) =>
  HttpServerResponse.text(
    `<!DOCTYPE html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title></head>
<body><main id="main"><h1>${escape(title)}</h1>
<ul>${items.map((i) => `<li>${escape(i)}</li>`).join("")}</ul>
<p><a href="/${lang}/">${lang === "sv" ? "Till katalogen" : "To the catalogue"}</a></p></main></body>
</html>
`,
    { status, contentType: "text/html; charset=utf-8" }
  )

const badQuery = (lang: Lang, error: Validation.ValidationError) =>
  messagePage(
    lang,
    400,
    lang === "sv" ? "Felaktig sökning" : "Invalid search",
    error.violations.map((v) => `${v.field}: ${v.text[lang]}${v.value === undefined ? "" : ` (${v.value})`}`)
  )

const catalogue = (prefix: Lang | undefined) => (request: HttpServerRequest.HttpServerRequest) =>
  Effect.gen(function*() {
    const params = searchParams(request)
    const decoded = yield* Effect.result(decodePageQuery(paramsRecord(params)))
    if (decoded._tag === "Failure") {
      return badQuery(pageLang(prefix, { lang: params.get("lang") === "en" ? "en" : "sv" }), decoded.failure)
    }
    const { lang: langParam, ...query } = decoded.success
    const lang = pageLang(prefix, langParam === undefined ? {} : { lang: langParam })
    const page = yield* (yield* Partnership.Store).search(query)
    const view = View.catalogue(page, query, yield* View.loadDirectory)
    return document(yield* HtmlRenderer.make({ href: links(params) }).render(view, lang))
  }).pipe(Effect.orDie)

const card = (prefix: Lang | undefined) => (request: HttpServerRequest.HttpServerRequest) =>
  Effect.gen(function*() {
    const params = searchParams(request)
    const lang = pageLang(prefix, params.get("lang") === "en" ? { lang: "en" } : {})
    const id = (yield* HttpRouter.RouteContext).params.id ?? ""
    const found = yield* (yield* Partnership.Store).find(id)
    if (Option.isNone(found)) {
      return messagePage(lang, 404, lang === "sv" ? "Partnerskapet finns inte" : "No such partnership", [id])
    }
    const view = View.projectCard(found.value, yield* View.loadDirectory)
    return document(yield* HtmlRenderer.make({ href: links(params) }).render(view, lang))
  }).pipe(Effect.orDie)

/** Every page route. Needs the stores. */
export const PageRoutes = Layer.mergeAll(
  HttpRouter.add("GET", "/", catalogue(undefined)),
  HttpRouter.add("GET", "/partnerships/:id", card(undefined)),
  ...(["sv", "en"] as const).flatMap((lang) => [
    // the router treats `/sv` and `/sv/` as one route
    HttpRouter.add("GET", `/${lang}/`, catalogue(lang)),
    HttpRouter.add("GET", `/${lang}/partnerships/:id`, card(lang))
  ])
)
