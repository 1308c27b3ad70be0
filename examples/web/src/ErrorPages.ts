/**
 * Error answers: styled HTML pages in the page's language (the path prefix, else `?lang=`,
 * else Swedish), JSON under `/api/`. The security headers are added by the front door
 * (`Guard.ts`) like on every other answer.
 */
import type { LocalizedText } from "@localrights/core"
import { HttpServerResponse } from "effect/http"
import { escape, type Lang, page, t } from "./Layout.ts"

/** The language of a request's page: the path prefix, else `?lang=en`, else Swedish. */
export const langOf = (url: string): Lang => {
  if (url.startsWith("/en/") || url === "/en" || url.startsWith("/en?")) return "en"
  if (url.startsWith("/sv/") || url === "/sv" || url.startsWith("/sv?")) return "sv"
  return /[?&]lang=en(&|$)/.test(url) ? "en" : "sv"
}

/** The path of a URL without its language prefix and query, for the language switch. */
const unprefixed = (url: string): string => {
  const path = url.split("?")[0]!
  const rest = path.replace(/^\/(sv|en)(?=\/|$)/, "")
  return rest === "" ? "/" : rest
}

/** Why a request was refused, both languages. */
export const reasons = {
  "cross-site": {
    title: { sv: "Förfrågan kom från en annan webbplats", en: "The request came from another site" },
    text: {
      sv: "Formulär på den här webbplatsen kan bara skickas från webbplatsen själv.",
      en: "Forms on this site can only be sent from the site itself."
    }
  },
  "too-large": {
    title: { sv: "För mycket data", en: "Too much data" },
    text: { sv: "Förfrågan är större än 64 KiB och lästes inte.", en: "The request is larger than 64 KiB and was not read." }
  },
  "media-type": {
    title: { sv: "Fel innehållstyp", en: "Wrong content type" },
    text: {
      sv: "Skicka formulär som application/x-www-form-urlencoded och API-anrop som application/json.",
      en: "Send forms as application/x-www-form-urlencoded and API calls as application/json."
    }
  },
  "too-deep": {
    title: { sv: "För djupt nästlad JSON", en: "JSON nested too deep" },
    text: { sv: "JSON-data får vara nästlad högst 32 nivåer.", en: "JSON may be nested at most 32 levels deep." }
  },
  "unreadable": {
    title: { sv: "Förfrågan kunde inte läsas", en: "The request could not be read" },
    text: { sv: "Innehållet i förfrågan kunde inte läsas.", en: "The body of the request could not be read." }
  },
  "rate": {
    title: { sv: "För många försök", en: "Too many attempts" },
    text: {
      sv: "Du har skickat formulär många gånger på kort tid. Vänta en stund och försök igen.",
      en: "You have sent forms many times in a short while. Wait a moment and try again."
    }
  },
  "not-found": {
    title: { sv: "Sidan finns inte", en: "Page not found" },
    text: { sv: "Det finns ingen sida på den här adressen.", en: "There is no page at this address." }
  },
  "server": {
    title: { sv: "Något gick fel", en: "Something went wrong" },
    text: {
      sv: "Ett fel uppstod på servern. Felet är loggat; försök igen om en stund.",
      en: "An error occurred on the server. It has been logged; try again in a while."
    }
  }
} as const satisfies Record<string, { readonly title: LocalizedText.LocalizedText; readonly text: LocalizedText.LocalizedText }>

/** A reason a request was refused. */
export type Reason = keyof typeof reasons

const tags: Record<Reason, string> = {
  "cross-site": "CrossSiteRequest",
  "too-large": "BodyTooLarge",
  "media-type": "UnsupportedMediaType",
  "too-deep": "JsonTooDeep",
  "unreadable": "UnreadableBody",
  "rate": "RateLimited",
  "not-found": "RouteNotFound",
  "server": "InternalServerError"
}

const back = { sv: "Till startsidan", en: "To the front page" }

/** An HTML error page: a title, lines of explanation, and a way back. */
export const htmlPage = (url: string, status: number, title: LocalizedText.LocalizedText, lines: ReadonlyArray<LocalizedText.LocalizedText | string>) => {
  const lang = langOf(url)
  const items = lines.map((l) => `<p>${typeof l === "string" ? escape(l) : t(l, lang)}</p>`).join("\n")
  return HttpServerResponse.text(
    page({
      lang,
      title,
      alternate: unprefixed(url),
      content: `${items}\n<p><a href="/${lang}/">${t(back, lang)}</a></p>`
    }),
    { status, contentType: "text/html; charset=utf-8", headers: { "cache-control": "no-store" } }
  )
}

/** A refusal for `path`: JSON under `/api/`, else an HTML page. */
export const refusal = (url: string, status: number, reason: Reason) => {
  const r = reasons[reason]
  if (url.startsWith("/api/") || url === "/openapi.json") {
    return HttpServerResponse.jsonUnsafe({ _tag: tags[reason], explanation: r.text }, { status, headers: { "cache-control": "no-store" } })
  }
  return htmlPage(url, status, r.title, [r.text])
}

/** 404 for a URL. */
export const notFound = (url: string) => refusal(url, 404, "not-found")

/** 500 for a URL. */
export const serverError = (url: string) => refusal(url, 500, "server")
