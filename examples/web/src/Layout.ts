/**
 * The site's page shell: one layout for every HTML page (catalogue, cards, reports, calendar,
 * forms, error pages), with a skip link, a site navigation, a language switch, and a footer
 * with the accessibility statement and the privacy page. Pages that `@localrights/render-html`
 * renders (project card, network report, event page) are shown inside this shell: their main
 * content is taken from the rendered document and its stylesheet is kept, with the site's own
 * rules after it (reflow at 320 px: no fixed-width label column, tables and charts that shrink).
 */
import { LocalizedText, View } from "@localrights/core"
import { HtmlRenderer } from "@localrights/render-html"

/** A language of the site. */
export type Lang = LocalizedText.Lang

/** Both languages, Swedish first. */
export const langs: ReadonlyArray<Lang> = ["sv", "en"]

/** The other language. */
export const other = (lang: Lang): Lang => (lang === "sv" ? "en" : "sv")

const entities: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }
const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g

/** Escapes text for element content and quoted attributes; drops control characters. */
export const escape = (s: string): string => s.replace(control, "").replace(/[&<>"']/g, (c) => entities[c]!)

/** A text in `lang`; a fallback to the other language carries its own `lang` and a marker. */
export const t = (text: LocalizedText.LocalizedText, lang: Lang): string => {
  const r = LocalizedText.get(text, lang)
  if (!r.fallback) return escape(r.text)
  const marker = r.lang === "en" ? View.labels.inEnglish : View.labels.inSwedish
  return `<span lang="${r.lang}">${escape(r.text)}</span> <span class="fallback">(${marker[lang]})</span>`
}

/** A text where markup is not allowed (`<title>`, attributes). */
export const plain = (text: LocalizedText.LocalizedText, lang: Lang): string => escape(LocalizedText.text(text, lang))

/** Words of the site chrome, both languages. */
export const words = {
  site: View.labels.site,
  skip: View.labels.skip,
  siteNav: { sv: "Webbplats", en: "Site" },
  footerNav: { sv: "Om webbplatsen", en: "About this site" },
  catalogue: { sv: "Katalog", en: "Catalogue" },
  networks: { sv: "Nätverk", en: "Networks" },
  calendar: { sv: "Kalender", en: "Calendar" },
  training: { sv: "Utbildning", en: "Training" },
  interest: { sv: "Intresseanmälan", en: "Expression of interest" },
  downloads: { sv: "Öppna data", en: "Open data" },
  accessibility: { sv: "Tillgänglighetsredogörelse", en: "Accessibility statement" },
  privacy: { sv: "Personuppgifter", en: "Personal data" },
  api: { sv: "API-dokumentation", en: "API documentation" },
  otherLanguage: View.labels.otherLanguage
} as const satisfies Record<string, LocalizedText.LocalizedText>

/** Where the navigation points, per language. */
export const paths = {
  catalogue: (lang: Lang) => `/${lang}/`,
  networks: (lang: Lang) => `/${lang}/networks`,
  calendar: (lang: Lang) => `/${lang}/calendar`,
  training: (lang: Lang) => `/${lang}/training`,
  interest: (lang: Lang) => `/${lang}/interest`,
  downloads: (lang: Lang) => `/${lang}/downloads`,
  accessibility: (lang: Lang) => `/${lang}/accessibility`,
  privacy: (lang: Lang) => `/${lang}/privacy`
} as const

type Section = keyof typeof paths

/** The renderer's stylesheet, taken once from a rendered page. */
const rendererCss = (() => {
  const html = HtmlRenderer.render({ _tag: "Catalogue", title: View.labels.catalogue, filters: [], cards: [], total: 0, facets: [] }, "sv")
  return /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? ""
})()

/** The site's rules, after the renderer's: reflow at 320 px, forms, paging, notices. */
const siteCss = `
html{-webkit-text-size-adjust:100%}
body{overflow-wrap:break-word}
main{min-width:0}
header nav ul,footer nav ul{flex-wrap:wrap;gap:.5rem 1.25rem}
footer nav ul{list-style:none;display:flex;margin:0;padding:0}
dl.facts{grid-template-columns:minmax(0,max-content) minmax(0,1fr)}
dl.facts dt,dl.facts dd{min-width:0;overflow-wrap:anywhere}
@media (max-width:34rem){dl.facts{grid-template-columns:minmax(0,1fr)}dl.facts dd{grid-column:1;margin-bottom:.25rem}}
table{min-width:0;max-width:100%}
th,td{overflow-wrap:anywhere}
.scroll table{max-width:none}
.scroll th,.scroll td{overflow-wrap:normal}
svg{max-width:100%;height:auto}
.search{border:1px solid #767676;border-radius:4px;padding:1rem;margin:0 0 1.5rem}
.search fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:1rem}
.field{display:flex;flex-direction:column;gap:.25rem;min-width:0;flex:1 1 12rem;margin:0 0 1rem}
.search .field{margin:0}
.field.wide{flex-basis:100%}
label,legend{font-weight:700}
.hint{font-weight:400;color:#4a4a4a;margin:0}
input[type=text],input[type=email],input[type=tel],input[type=search],select,textarea{font:inherit;padding:.4rem;border:1px solid #4a4a4a;border-radius:3px;max-width:100%;width:100%;background:#fff;color:#1a1a1a}
textarea{min-height:6rem}
input:focus-visible,select:focus-visible,textarea:focus-visible,button:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}
fieldset.choice{border:1px solid #767676;border-radius:4px;padding:.5rem 1rem;margin:0 0 1rem;min-width:0}
.choice label{font-weight:400}
.check{display:flex;gap:.5rem;align-items:flex-start}
.check input{margin-top:.3rem;flex:none}
.check label{font-weight:400}
button{font:inherit;font-weight:700;padding:.5rem 1.25rem;border:2px solid #0b4a8b;border-radius:4px;background:#0b4a8b;color:#fff;cursor:pointer}
button:hover{background:#062c54}
.error{color:#a30000;font-weight:700;margin:0}
[aria-invalid=true]{border:2px solid #a30000}
.errors{border:2px solid #a30000;border-radius:4px;padding:.5rem 1rem;margin:0 0 1.5rem}
.errors h2{margin-top:.25rem;border:0}
.notice{border:2px solid #1f4e79;border-radius:4px;padding:.5rem 1rem;margin:0 0 1.5rem}
.facet-list{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1rem}
.facet-list a[aria-current=true]{font-weight:700}
.paging ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.paging a,.paging span{display:inline-block;padding:.25rem .6rem;border:1px solid #767676;border-radius:3px}
.paging [aria-current=page]{background:#1f4e79;color:#fff;border-color:#1f4e79}
.events{list-style:none;padding:0;display:grid;gap:1rem}
.events>li{border:1px solid #767676;border-radius:4px;padding:1rem}
.events h3{margin-top:0}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`

/** The stylesheet of every page. */
export const css = rendererCss + siteCss

/** What a page needs from the layout. */
export interface PageOptions {
  readonly lang: Lang
  readonly title: LocalizedText.LocalizedText
  /** The same page in the other language (for the language switch), without the prefix. */
  readonly alternate: string
  /** The section to mark as current in the navigation. */
  readonly section?: Section | undefined
  /** The page's main content, after the `h1`. */
  readonly content: string
}

const nav = (lang: Lang, current: Section | undefined, sections: ReadonlyArray<Section>) =>
  sections.map((s) =>
    `<li><a href="${paths[s](lang)}"${s === current ? " aria-current=\"page\"" : ""}>${t(words[s], lang)}</a></li>`
  ).join("")

/** A whole HTML page in the site's shell. */
export const page = (o: PageOptions): string => {
  const alt = other(o.lang)
  const altHref = `/${alt}${o.alternate}`
  return `<!DOCTYPE html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${plain(o.title, o.lang)} – ${plain(words.site, o.lang)}</title>
<link rel="alternate" hreflang="${alt}" href="${escape(altHref)}">
<style>${css}</style>
</head>
<body>
<a class="skip" href="#main">${t(words.skip, o.lang)}</a>
<header>
<p>${t(words.site, o.lang)}</p>
<nav aria-label="${plain(words.siteNav, o.lang)}"><ul>${
    nav(o.lang, o.section, ["catalogue", "networks", "calendar", "training", "interest", "downloads"])
  }<li><a href="${escape(altHref)}" lang="${alt}" hreflang="${alt}">${escape(words.otherLanguage[o.lang])}</a></li></ul></nav>
</header>
<main id="main">
<h1>${t(o.title, o.lang)}</h1>
${o.content}
</main>
<footer><nav aria-label="${plain(words.footerNav, o.lang)}"><ul>${
    nav(o.lang, o.section, ["accessibility", "privacy"])
  }<li><a href="/${o.lang}/docs">${t(words.api, o.lang)}</a></li></ul></nav><p>${t(words.site, o.lang)}</p></footer>
</body>
</html>
`
}

/**
 * The main content of a page rendered by `@localrights/render-html`, without its `h1` (the
 * shell writes the title), so it can be shown inside {@link page}.
 */
export const rendered = (html: string): string => {
  const start = html.indexOf("<main id=\"main\">")
  const end = html.lastIndexOf("</main>")
  if (start < 0 || end < 0) return ""
  const main = html.slice(start + "<main id=\"main\">".length, end)
  return main.replace(/^\s*<h1>[\s\S]*?<\/h1>\s*/, "")
}
