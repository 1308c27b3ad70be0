/**
 * `/docs`: an API reference of our own, generated from the same OpenAPI document as
 * `/openapi.json` (`OpenApi.fromApi`), as a plain page of the site: headings per group and
 * endpoint, tables of parameters and answers, no scripts. It replaces Scalar, whose page failed
 * six axe rules and weighed 3.2 MB. The chrome is in Swedish (`/sv/docs`) or English (`/docs`,
 * `/en/docs`); the descriptions come from the API definition, in English, marked as such.
 */
import { Effect, Layer } from "effect"
import { HttpRouter, HttpServerResponse } from "effect/http"
import { OpenApi } from "effect/http-api"
import { Api } from "./Api.ts"
import { escape, type Lang, page, t } from "./Layout.ts"

const spec = OpenApi.fromApi(Api)

const words = {
  title: { sv: "API-dokumentation", en: "API reference" },
  intro: {
    sv: "JSON-API:et över de offentliga partnerskapen och FN:s globala mål. Hela beskrivningen finns som OpenAPI 3.1:",
    en: "The JSON API over the public partnerships and the UN Sustainable Development Goals. The full description is available as OpenAPI 3.1:"
  },
  parameters: { sv: "Parametrar", en: "Parameters" },
  name: { sv: "Namn", en: "Name" },
  where: { sv: "Var", en: "In" },
  required: { sv: "Krävs", en: "Required" },
  type: { sv: "Typ", en: "Type" },
  description: { sv: "Beskrivning", en: "Description" },
  body: { sv: "Innehåll i anropet", en: "Request body" },
  answers: { sv: "Svar", en: "Responses" },
  status: { sv: "Status", en: "Status" },
  yes: { sv: "ja", en: "yes" },
  no: { sv: "nej", en: "no" },
  writes: {
    sv: "Skrivande anrop är avstängda om inte servern startas med LOCALRIGHTS_WEB_WRITE=1, och tar bara Content-Type application/json, högst 64 KiB och högst 32 nivåers nästling.",
    en: "Writes are off unless the server is started with LOCALRIGHTS_WEB_WRITE=1, and take only Content-Type application/json, at most 64 KiB and at most 32 levels of nesting."
  }
} as const

/** A schema in a few words: its `$ref` name, type, enumeration or description. */
const describeSchema = (schema: unknown): string => {
  if (typeof schema !== "object" || schema === null) return ""
  const s = schema as Record<string, unknown>
  if (typeof s["$ref"] === "string") return s["$ref"].split("/").pop() ?? ""
  if (Array.isArray(s["enum"])) return (s["enum"] as Array<unknown>).map(String).join(" | ")
  if (Array.isArray(s["anyOf"])) return (s["anyOf"] as Array<unknown>).map(describeSchema).filter((x) => x !== "").join(" | ")
  if (s["type"] === "array") return `array of ${describeSchema(s["items"]) || "values"}`
  if (typeof s["type"] === "string") return s["type"]
  return ""
}

const en = (text: string | undefined) => (text === undefined || text === "" ? "" : `<span lang="en">${escape(text)}</span>`)

const slug = (s: string) => s.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "")

const render = (lang: Lang): string => {
  let content = `<p>${t(words.intro, lang)} <a href="/openapi.json">/openapi.json</a>.</p><p>${t(words.writes, lang)}</p>`
  const byTag = new Map<string, Array<{ path: string; method: string; op: OpenApi.OpenAPISpecOperation }>>()
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of ["get", "post", "put", "patch", "delete"] as const) {
      const op = (item as Record<string, OpenApi.OpenAPISpecOperation | undefined>)[method]
      if (op === undefined) continue
      const tag = op.tags[0]
      const list = byTag.get(tag) ?? []
      list.push({ path, method, op })
      byTag.set(tag, list)
    }
  }
  for (const [tag, ops] of byTag) {
    content += `<h2 id="${slug(tag)}">${escape(tag)}</h2>`
    for (const { method, op, path } of ops) {
      const id = slug(`${method}-${path}`)
      content += `<section aria-labelledby="${id}"><h3 id="${id}"><code>${method.toUpperCase()} ${escape(path)}</code></h3>`
      if (op.description !== undefined) content += `<p>${en(op.description)}</p>`
      if (op.parameters.length > 0) {
        content += `<table><caption>${t(words.parameters, lang)}</caption><thead><tr><th scope="col">${t(words.name, lang)}</th><th scope="col">${
          t(words.where, lang)
        }</th><th scope="col">${t(words.required, lang)}</th><th scope="col">${t(words.type, lang)}</th></tr></thead><tbody>${
          op.parameters.map((p) =>
            `<tr><th scope="row"><code>${escape(p.name)}</code></th><td>${p.in}</td><td>${t(p.required ? words.yes : words.no, lang)}</td><td>${
              en(describeSchema(p.schema) + (p.description === undefined ? "" : ` – ${p.description}`))
            }</td></tr>`
          ).join("")
        }</tbody></table>`
      }
      if (op.requestBody !== undefined) {
        const body = op.requestBody as { content?: Record<string, { schema?: unknown }> }
        content += `<p>${t(words.body, lang)}: ${
          Object.entries(body.content ?? {}).map(([type, c]) => `<code>${escape(type)}</code> ${en(describeSchema(c.schema))}`).join(", ")
        }</p>`
      }
      content += `<table><caption>${t(words.answers, lang)}</caption><thead><tr><th scope="col">${t(words.status, lang)}</th><th scope="col">${
        t(words.description, lang)
      }</th></tr></thead><tbody>${
        Object.entries(op.responses).map(([status, r]) => {
          const response = r as { description?: string; content?: Record<string, { schema?: unknown }> }
          const schemas = Object.values(response.content ?? {}).map((c) => describeSchema(c.schema)).filter((x) => x !== "")
          return `<tr><th scope="row">${escape(status)}</th><td>${en([response.description, ...schemas].filter((x) => x !== undefined && x !== "").join(": "))}</td></tr>`
        }).join("")
      }</tbody></table></section>`
    }
  }
  return page({ lang, title: words.title, alternate: "/docs", content })
}

const pages = { sv: render("sv"), en: render("en") }

const respond = (lang: Lang) => Effect.succeed(HttpServerResponse.text(pages[lang], { contentType: "text/html; charset=utf-8" }))

/** `/docs` (English), `/en/docs` and `/sv/docs`. */
export const DocsRoutes = Layer.mergeAll(
  HttpRouter.add("GET", "/docs", respond("en")),
  HttpRouter.add("GET", "/en/docs", respond("en")),
  HttpRouter.add("GET", "/sv/docs", respond("sv"))
)
