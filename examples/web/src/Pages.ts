/**
 * Public pages in Swedish (`/sv/…`) and English (`/en/…`), in the site's shell (`Layout.ts`):
 * the catalogue with its search form, facet links and paging; project cards (with their results
 * section when the partnership has goals or reports); networks and their reports with charts
 * (and the results roll-up when a member has results); overdue reports are marked as of
 * today in Europe/Stockholm (`CalendarDate.today`, so `TestClock` sets it in tests); the calendar of events with iCalendar feeds; the training
 * programme; open-data downloads (IATI XML, CSV); the accessibility statement and the privacy
 * page. `/` is the Swedish catalogue (`?lang=en` gives English). Only partnerships from
 * admission on are shown (`Domain.publicStatuses`).
 *
 * Pages ignore query parameters they do not know (`utm_source`, `fbclid`, …); a known one with
 * a bad value gives a 400 page that says which and why, in the page's language.
 */
import {
  CalendarDate,
  CalendarEvent,
  Catalogue,
  Country,
  EventTime,
  ICalendar,
  type LocalizedText,
  Network,
  Partnership,
  Programme,
  Sdg,
  TrainingProgramme,
  Validation,
  View
} from "@localrights/core"
import { CsvRenderer } from "@localrights/render-csv"
import { HtmlRenderer } from "@localrights/render-html"
import { IatiRenderer } from "@localrights/render-iati"
import { IcldCohort2020 } from "@localrights/core/examples"
import { Clock, Effect, Layer, Option, Schema } from "effect"
import { HttpRouter, HttpServerRequest, HttpServerResponse } from "effect/http"
import { LangQuery, SearchQuery } from "./Api.ts"
import * as Cache from "./Cache.ts"
import * as Domain from "./Domain.ts"
import * as ErrorPages from "./ErrorPages.ts"
import * as Forms from "./Forms.ts"
import { escape, type Lang, langs, other, page, paths, plain, rendered, t } from "./Layout.ts"

// ---------------------------------------------------------------------------------------------
// Shared
// ---------------------------------------------------------------------------------------------

const words = {
  search: { sv: "Sök och filtrera", en: "Search and filter" },
  searchText: { sv: "Sökord", en: "Search words" },
  searchHint: { sv: "Titel, projektområde, tema eller beskrivning, på svenska eller engelska", en: "Title, project area, theme or description, in Swedish or English" },
  any: { sv: "Alla", en: "Any" },
  sort: { sv: "Sortera efter", en: "Sort by" },
  sortId: { sv: "Id", en: "Id" },
  sortSv: { sv: "Svensk titel", en: "Swedish title" },
  sortEn: { sv: "Engelsk titel", en: "English title" },
  submit: { sv: "Sök", en: "Search" },
  clear: { sv: "Rensa sökningen", en: "Clear the search" },
  results: { sv: "Resultat", en: "Results" },
  pageOf: { sv: "sida", en: "page" },
  of: { sv: "av", en: "of" },
  paging: { sv: "Sidor", en: "Pages" },
  previous: { sv: "Föregående sida", en: "Previous page" },
  next: { sv: "Nästa sida", en: "Next page" },
  pageN: { sv: "Sida", en: "Page" },
  refine: { sv: "Avgränsa", en: "Narrow down" },
  remove: { sv: "ta bort filtret", en: "remove the filter" },
  none: { sv: "Inga partnerskap matchar sökningen.", en: "No partnership matches the search." },
  badQuery: { sv: "Felaktig sökning", en: "Invalid search" },
  noSuchPartnership: { sv: "Partnerskapet finns inte", en: "No such partnership" },
  noSuchNetwork: { sv: "Nätverket finns inte", en: "No such network" },
  noSuchEvent: { sv: "Evenemanget finns inte", en: "No such event" },
  networkReport: { sv: "Nätverksrapport", en: "Network report" },
  upcoming: { sv: "Kommande", en: "Upcoming" },
  past: { sv: "Tidigare", en: "Past" },
  noEvents: { sv: "Inga evenemang.", en: "No events." },
  cancelled: { sv: "Inställt", en: "Cancelled" },
  icsAll: { sv: "Hela kalendern som iCalendar-fil (.ics)", en: "The whole calendar as an iCalendar file (.ics)" },
  icsOne: { sv: "Lägg till i din kalender (.ics)", en: "Add to your calendar (.ics)" },
  sessions: { sv: "Tillfällen", en: "Sessions" },
  targetRoles: { sv: "Programmet riktar sig till", en: "The programme is aimed at" },
  capacity: { sv: "Platser", en: "Places" },
  enrolled: { sv: "anmälda", en: "enrolled" },
  deadline: { sv: "Sista anmälningsdag", en: "Enrolment deadline" },
  noTraining: { sv: "Inga utbildningsprogram.", en: "No training programmes." },
  downloadsIntro: {
    sv: "Uppgifterna om de offentliga partnerskapen finns som öppna data. Filerna innehåller inga personuppgifter.",
    en: "The data on the public partnerships is available as open data. The files hold no personal data."
  },
  iati: { sv: "IATI 2.03-aktiviteter (XML), båda språken", en: "IATI 2.03 activities (XML), both languages" },
  csv: { sv: "Katalogen som CSV (UTF-8)", en: "The catalogue as CSV (UTF-8)" },
  openapi: { sv: "API-beskrivning (OpenAPI 3.1, JSON)", en: "API description (OpenAPI 3.1, JSON)" },
  networksIntro: { sv: "Nätverken i programmen, med rapport och diagram.", en: "The networks of the programmes, with report and charts." }
} as const satisfies Record<string, LocalizedText.LocalizedText>

const html = (body: string, status = 200) => HttpServerResponse.text(body, { status, contentType: "text/html; charset=utf-8" })

/** The language of a route: its prefix, or for `/` the `lang` parameter. */
const langFor = (prefix: Lang | undefined, request: HttpServerRequest.HttpServerRequest): Lang =>
  prefix ?? (new URL(request.url, "http://localhost").searchParams.get("lang") === "en" ? "en" : "sv")

const param = (name: string) =>
  Effect.gen(function*() {
    return (yield* HttpRouter.RouteContext).params[name] ?? ""
  })

/** How rendered pages link to each other on this site. */
const href = (link: HtmlRenderer.Link, lang: Lang): string => {
  if (link.kind === "catalogue-page") return paths.catalogue(lang)
  const view = link.view
  switch (view._tag) {
    case "ProjectCard":
      return `/${lang}/partnerships/${encodeURIComponent(view.id)}`
    case "NetworkReport":
      return `/${lang}/networks/${encodeURIComponent(view.network.id)}`
    case "EventPage":
      return `/${lang}/events/${encodeURIComponent(view.event.id)}`
    default:
      return paths.catalogue(lang)
  }
}

const renderer = HtmlRenderer.make({ href })

/** Partnerships the public may see, any number (the store pages them 500 at a time). */
const publicPartnerships = Effect.gen(function*() {
  const store = yield* Partnership.Store
  const out: Array<Partnership.Partnership> = []
  let cursor: string | undefined
  do {
    const page = yield* store.search({ status: Domain.publicStatuses, limit: 500, ...(cursor === undefined ? {} : { cursor }) })
    out.push(...page.items)
    cursor = page.next
  } while (cursor !== undefined)
  return out
})

// ---------------------------------------------------------------------------------------------
// Catalogue
// ---------------------------------------------------------------------------------------------

/** The parameters the catalogue page knows; any other is ignored. */
const known = ["text", "status", "country", "sdgGoal", "sdgTarget", "focusArea", "programme", "network", "sort", "limit"] as const
type Known = (typeof known)[number]

const decodeFilters = Validation.decoder(
  Schema.toCodecArrayFromSingle(Schema.toCodecStringTree(Schema.Struct({ ...SearchQuery, ...LangQuery }))),
  "query"
)

/** The catalogue page's state: the filters as given (strings), the page number. */
interface State {
  readonly values: Partial<Record<Known, string>>
  readonly page: number
}

const defaultSize = 10
const maxPage = 10_000

const stateHref = (lang: Lang, state: State, change: Partial<Record<Known, string | undefined>> & { readonly page?: number }) => {
  const params = new URLSearchParams()
  const values = { ...state.values, ...change }
  for (const key of known) {
    const v = values[key]
    if (v !== undefined && v !== "") params.set(key, v)
  }
  const pageNo = change.page ?? 1
  if (pageNo > 1) params.set("page", String(pageNo))
  const query = params.toString()
  return query === "" ? paths.catalogue(lang) : `${paths.catalogue(lang)}?${query}`
}

/** The cursor after the first `offset` matches: the store is asked 500 at a time. */
const cursorAt = (query: Catalogue.Query, offset: number) =>
  Effect.gen(function*() {
    const store = yield* Partnership.Store
    const sort = query.sort ?? "id"
    let cursor: string | undefined
    let remaining = offset
    while (remaining > 0) {
      const n = Math.min(500, remaining)
      const page = yield* store.search({ ...query, limit: n, ...(cursor === undefined ? {} : { cursor }) })
      const last = page.items[page.items.length - 1]
      if (page.items.length < n || last === undefined) return Option.none<string>()
      cursor = Catalogue.encodeCursor(Catalogue.sortKey(last, sort), last.id)
      remaining -= n
    }
    return Option.some(cursor)
  })

const option = (value: string, label: string, selected: string | undefined) =>
  `<option value="${escape(value)}"${value === (selected ?? "") ? " selected" : ""}>${escape(label)}</option>`

const select = (lang: Lang, name: Known, label: LocalizedText.LocalizedText, options: ReadonlyArray<readonly [string, string]>, selected: string | undefined) =>
  `<div class="field"><label for="q-${name}">${t(label, lang)}</label><select id="q-${name}" name="${name}">${
    option("", textIn(words.any, lang), selected)
  }${options.map(([v, l]) => option(v, l, selected)).join("")}</select></div>`

const textIn = (text: LocalizedText.LocalizedText, lang: Lang) => text[lang] ?? text[other(lang)] ?? ""

const statusOptions = (lang: Lang) => Domain.publicStatuses.map((s) => [s, Partnership.Status.nameOf(s, lang)] as const)
const goalOptions = (lang: Lang) => Sdg.goals.map((g) => [String(g.number), Sdg.goalLabel(g, lang).text] as const)
const focusOptions = (lang: Lang) => Programme.FocusArea.values.map((f) => [f, Programme.FocusArea.nameOf(f, lang)] as const)

const searchForm = (lang: Lang, state: State, countries: ReadonlyArray<string>) => {
  const v = state.values
  const sorts = [["id", words.sortId], ["title-sv", words.sortSv], ["title-en", words.sortEn]] as const
  return `<form class="search" method="get" action="${paths.catalogue(lang)}" role="search" aria-labelledby="search-h">
<h2 id="search-h">${t(words.search, lang)}</h2>
<fieldset>
<div class="field wide"><label for="q-text">${t(words.searchText, lang)}</label><p class="hint" id="q-text-hint">${t(words.searchHint, lang)}</p>
<input type="search" id="q-text" name="text" maxlength="200" value="${escape(v.text ?? "")}" aria-describedby="q-text-hint"></div>
${select(lang, "status", View.labels.status, statusOptions(lang), v.status)}
${select(lang, "country", { sv: "Partnerns land", en: "Partner's country" }, countries.map((c) => [c, Country.isCountryCode(c) ? Country.name(c) : c] as const), v.country)}
${select(lang, "sdgGoal", View.labels.globalGoal, goalOptions(lang), v.sdgGoal)}
${select(lang, "focusArea", { sv: "Verksamhetsområde", en: "Focus area" }, focusOptions(lang), v.focusArea)}
<div class="field"><label for="q-sort">${t(words.sort, lang)}</label><select id="q-sort" name="sort">${
    sorts.map(([value, label]) => option(value, textIn(label, lang), v.sort ?? `title-${lang}`)).join("")
  }</select></div>
</fieldset>
${[ "programme", "network", "sdgTarget", "limit" ].map((k) => v[k as Known] === undefined ? "" : `<input type="hidden" name="${k}" value="${escape(v[k as Known]!)}">`).join("")}
<p><button type="submit">${t(words.submit, lang)}</button> <a href="${paths.catalogue(lang)}">${t(words.clear, lang)}</a></p>
</form>`
}

/** A project card in a list: its title as a link and its facts. */
export const cardItem = (card: View.ProjectCard, lang: Lang): string => {
  const id = `card-${card.id.replace(/[^A-Za-z0-9_-]/g, "-")}`
  let facts = `<dl class="facts">`
  for (const f of View.cardFacts(card)) {
    facts += `<dt>${t(f.label, lang)}</dt>${f.values.map((v) => `<dd>${t(v, lang)}</dd>`).join("")}`
  }
  return `<li><article aria-labelledby="${id}"><h3 id="${id}"><a href="/${lang}/partnerships/${encodeURIComponent(card.id)}">${
    t(card.title, lang)
  }</a></h3>${facts}</dl></article></li>`
}

const pageNumbers = (current: number, last: number): Array<number | "gap"> => {
  const wanted = new Set([1, last, current - 2, current - 1, current, current + 1, current + 2].filter((n) => n >= 1 && n <= last))
  const sorted = [...wanted].sort((a, b) => a - b)
  const out: Array<number | "gap"> = []
  sorted.forEach((n, i) => {
    if (i > 0 && n - sorted[i - 1]! > 1) out.push("gap")
    out.push(n)
  })
  return out
}

const paging = (lang: Lang, state: State, last: number) => {
  if (last <= 1) return ""
  const current = state.page
  const items: Array<string> = []
  if (current > 1) items.push(`<li><a href="${escape(stateHref(lang, state, { page: current - 1 }))}" rel="prev">${t(words.previous, lang)}</a></li>`)
  for (const n of pageNumbers(current, last)) {
    if (n === "gap") items.push(`<li><span aria-hidden="true">…</span></li>`)
    else if (n === current) items.push(`<li><a href="${escape(stateHref(lang, state, { page: n }))}" aria-current="page"><span class="visually-hidden">${t(words.pageN, lang)} </span>${n}</a></li>`)
    else items.push(`<li><a href="${escape(stateHref(lang, state, { page: n }))}"><span class="visually-hidden">${t(words.pageN, lang)} </span>${n}</a></li>`)
  }
  if (current < last) items.push(`<li><a href="${escape(stateHref(lang, state, { page: current + 1 }))}" rel="next">${t(words.next, lang)}</a></li>`)
  return `<nav class="paging" aria-label="${plain(words.paging, lang)}"><ul>${items.join("")}</ul></nav>`
}

const facetKeys: Readonly<Record<keyof Catalogue.Facets, Known>> = { status: "status", country: "country", sdgGoal: "sdgGoal", focusArea: "focusArea" }

const facetLabel = (facet: keyof Catalogue.Facets, key: string): LocalizedText.LocalizedText => {
  switch (facet) {
    case "status":
      return (Partnership.Status.names as Readonly<Record<string, LocalizedText.LocalizedText>>)[key] ?? { sv: key, en: key }
    case "country":
      return Country.isCountryCode(key) ? { en: Country.name(key) } : { sv: key, en: key }
    case "sdgGoal": {
      const g = Sdg.goal(Number(key))
      return g === undefined ? { sv: key, en: key } : { sv: Sdg.goalLabel(g, "sv").text, en: Sdg.goalLabel(g, "en").text }
    }
    case "focusArea":
      return (Programme.FocusArea.names as Readonly<Record<string, LocalizedText.LocalizedText>>)[key] ?? { sv: key, en: key }
  }
}

const facetNames: Readonly<Record<keyof Catalogue.Facets, LocalizedText.LocalizedText>> = {
  status: View.labels.status,
  country: { sv: "Partnerns land", en: "Partner's country" },
  sdgGoal: View.labels.globalGoal,
  focusArea: { sv: "Verksamhetsområde", en: "Focus area" }
}

const facets = (lang: Lang, state: State, counts: Catalogue.Facets) => {
  let out = `<h2>${t(words.refine, lang)}</h2>`
  for (const facet of ["status", "country", "sdgGoal", "focusArea"] as const) {
    const key = facetKeys[facet]
    const values = Object.keys(counts[facet]).sort(facet === "sdgGoal" ? (a, b) => Number(a) - Number(b) : undefined)
    if (values.length === 0) continue
    const active = state.values[key]
    out += `<h3>${t(facetNames[facet], lang)}</h3><ul class="facet-list">${
      values.map((v) => {
        const label = `${t(facetLabel(facet, v), lang)} (${counts[facet][v]})`
        return v === active
          ? `<li><a href="${escape(stateHref(lang, state, { [key]: v }))}" aria-current="true">${label}</a> <a href="${escape(stateHref(lang, state, { [key]: undefined }))}">(${t(words.remove, lang)})</a></li>`
          : `<li><a href="${escape(stateHref(lang, state, { [key]: v }))}">${label}</a></li>`
      }).join("")
    }</ul>`
  }
  return out
}

const badQuery = (lang: Lang, url: string, error: Validation.ValidationError) =>
  ErrorPages.htmlPage(url, 400, words.badQuery, error.violations.map((v) => `${v.field}: ${v.text[lang]}${v.value === undefined ? "" : ` (${v.value})`}`))

const pageViolation = (value: string) =>
  new Validation.ValidationError({
    subject: { kind: "query" },
    violations: [{
      field: "page",
      rule: "page-number",
      value,
      text: { sv: `Förväntade ett sidnummer från 1 till ${maxPage}`, en: `Expected a page number from 1 to ${maxPage}` }
    }]
  } as never)

const catalogue = (prefix: Lang | undefined) => (request: HttpServerRequest.HttpServerRequest) =>
  Effect.gen(function*() {
    const lang = langFor(prefix, request)
    const params = new URL(request.url, "http://localhost").searchParams
    const values: Partial<Record<Known, string>> = {}
    const record: Record<string, string> = {}
    for (const key of known) {
      const v = params.get(key)?.trim()
      if (v !== undefined && v !== "") {
        values[key] = v
        record[key] = v
      }
    }
    const pageText = params.get("page")?.trim() ?? ""
    const pageNo = pageText === "" ? 1 : Number(pageText)
    if (!Number.isInteger(pageNo) || pageNo < 1 || pageNo > maxPage) return badQuery(lang, request.url, pageViolation(pageText))
    const decoded = yield* Effect.result(decodeFilters(record))
    if (decoded._tag === "Failure") return badQuery(lang, request.url, decoded.failure)
    const { lang: _lang, limit, ...filters } = decoded.success
    const size = limit ?? defaultSize
    const query: Catalogue.Query = {
      ...filters,
      status: filters.status ?? Domain.publicStatuses,
      sort: filters.sort ?? `title-${lang}`,
      limit: size
    }
    const state: State = { values, page: pageNo }
    const cursor = yield* cursorAt(query, (pageNo - 1) * size)
    const store = yield* Partnership.Store
    const result = Option.isNone(cursor)
      ? yield* store.search({ ...query, limit: 1 }).pipe(Effect.map((p) => ({ ...p, items: [], next: undefined })))
      : yield* store.search({ ...query, ...(cursor.value === undefined ? {} : { cursor: cursor.value }) })
    const all = yield* store.search({ status: Domain.publicStatuses, limit: 1 })
    const dir = yield* View.loadDirectory
    const view = View.catalogue(result, query, dir)
    const last = Math.max(1, Math.ceil(result.total / size))
    const countries = [...new Set([...Object.keys(all.facets.country), ...(values.country === undefined ? [] : [values.country])])].sort()
    let content = searchForm(lang, state, countries)
    content += `<h2 id="results-h">${t(words.results, lang)}</h2><p>${result.total} ${t(View.labels.matches, lang)}${
      result.total > 0 ? `, ${t(words.pageOf, lang)} ${Math.min(pageNo, last)} ${t(words.of, lang)} ${last}` : ""
    }</p>`
    content += view.cards.length === 0 ? `<p>${t(words.none, lang)}</p>` : `<ul class="cards">${view.cards.map((c) => cardItem(c, lang)).join("")}</ul>`
    content += paging(lang, state, last)
    content += facets(lang, state, result.facets)
    const query2 = new URLSearchParams(stateHref(lang, state, { page: pageNo }).split("?")[1] ?? "").toString()
    return html(page({ lang, title: View.labels.catalogue, alternate: query2 === "" ? "/" : `/?${query2}`, section: "catalogue", content }))
  })

// ---------------------------------------------------------------------------------------------
// Cards and networks
// ---------------------------------------------------------------------------------------------

/**
 * What the results views of a programme read, with today (Europe/Stockholm, from `Clock`) as
 * the day overdue reports are judged on.
 */
const resultsOf = (programme: string) =>
  Effect.gen(function*() {
    const input = yield* View.loadResults(programme)
    return { ...input, today: yield* CalendarDate.today }
  })

/** Whether a partnership has results to show: an individual goal or a progress report. */
const hasResults = (input: View.ResultsInput, partnership: string) =>
  input.goals.some((g) => g.partnership === partnership) || input.reports.some((r) => r.partnership === partnership)

/** The project card of a public partnership, with its results section when it has results; else a 404 page. */
export const projectPage = (lang: Lang, id: string, url: string) =>
  Effect.gen(function*() {
    const found = yield* (yield* Partnership.Store).find(id)
    if (Option.isNone(found) || !Domain.isPublic(found.value)) {
      return ErrorPages.htmlPage(url, 404, words.noSuchPartnership, [id])
    }
    const p = found.value
    const results = yield* resultsOf(p.programme)
    const view = View.projectCard(p, yield* View.loadDirectory, hasResults(results, p.id) ? results : undefined)
    const doc = yield* renderer.render(view, lang)
    const more = p.network === undefined
      ? ""
      : `<p><a href="/${lang}/networks/${encodeURIComponent(p.network)}">${t(words.networkReport, lang)}</a></p>`
    return html(page({ lang, title: view.title, alternate: `/partnerships/${encodeURIComponent(id)}`, section: "catalogue", content: rendered(doc.body) + more }))
  })

const card = (prefix: Lang | undefined) => (request: HttpServerRequest.HttpServerRequest) =>
  Effect.flatMap(param("id"), (id) => projectPage(langFor(prefix, request), id, request.url))

const networks = (lang: Lang) =>
  Effect.gen(function*() {
    const all = yield* (yield* Network.Store).list({ limit: 500 })
    const items = all.map((n) =>
      `<li><a href="/${lang}/networks/${encodeURIComponent(n.id)}">${t(n.name, lang)}</a>${n.started === undefined ? "" : ` (${escape(n.started)})`}</li>`
    ).join("")
    return html(page({ lang, title: { sv: "Nätverk", en: "Networks" }, alternate: "/networks", section: "networks", content: `<p>${t(words.networksIntro, lang)}</p><ul>${items}</ul>` }))
  })

/** A network's report, with the results roll-up when any member has results; else a 404 page. */
export const networkPage = (lang: Lang, id: string, url: string) =>
  Effect.gen(function*() {
    const found = yield* (yield* Network.Store).find(id)
    if (Option.isNone(found)) return ErrorPages.htmlPage(url, 404, words.noSuchNetwork, [id])
    const members = (yield* publicPartnerships).filter((p) => p.network === found.value.id)
    const results = yield* resultsOf(found.value.programme)
    const view = View.networkReport({
      network: found.value,
      partnerships: members,
      directory: yield* View.loadDirectory,
      ...(found.value.id === IcldCohort2020.network.id ? { unknowns: IcldCohort2020.unknowns } : {}),
      ...(members.some((p) => hasResults(results, p.id)) ? { results } : {})
    })
    const doc = yield* renderer.render(view, lang)
    return html(page({ lang, title: view.network.name, alternate: `/networks/${encodeURIComponent(id)}`, section: "networks", content: rendered(doc.body) }))
  })

const networkReport = (lang: Lang) => (request: HttpServerRequest.HttpServerRequest) =>
  Effect.flatMap(param("id"), (id) => networkPage(lang, id, request.url))

// ---------------------------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------------------------

const allEvents = Effect.gen(function*() {
  return yield* (yield* CalendarEvent.Store).list({ limit: 1000 })
})

const eventItem = (e: CalendarEvent.CalendarEvent, lang: Lang) => {
  const v = CalendarEvent.toPublicView(e)
  const cancelled = e.status === "cancelled"
  return `<li><article aria-labelledby="ev-${escape(e.id)}"><h3 id="ev-${escape(e.id)}"><a href="/${lang}/events/${encodeURIComponent(e.id)}">${t(e.title, lang)}</a>${
    cancelled ? ` <strong class="status">${t(words.cancelled, lang)}</strong>` : ""
  }</h3><dl class="facts"><dt>${t(View.labels.when, lang)}</dt><dd>${t(v.when, lang)}</dd>${
    e.city === undefined ? "" : `<dt>${t(View.labels.city, lang)}</dt><dd>${t(e.city, lang)}</dd>`
  }<dt>${t(View.labels.status, lang)}</dt><dd>${t(v.statusName, lang)}</dd></dl></article></li>`
}

const calendar = (lang: Lang) =>
  Effect.gen(function*() {
    const now = yield* Clock.currentTimeMillis
    const events = [...(yield* allEvents)].sort((a, b) => EventTime.earliestMillis(a.schedule) - EventTime.earliestMillis(b.schedule))
    const upcoming = events.filter((e) => EventTime.latestMillis(e.schedule) >= now)
    const past = events.filter((e) => EventTime.latestMillis(e.schedule) < now).reverse()
    const list = (es: ReadonlyArray<CalendarEvent.CalendarEvent>) =>
      es.length === 0 ? `<p>${t(words.noEvents, lang)}</p>` : `<ul class="events">${es.map((e) => eventItem(e, lang)).join("")}</ul>`
    const content = `<p><a href="/${lang}/calendar.ics">${t(words.icsAll, lang)}</a></p>` +
      `<h2>${t(words.upcoming, lang)}</h2>${list(upcoming)}<h2>${t(words.past, lang)}</h2>${list(past)}`
    return html(page({ lang, title: { sv: "Kalender", en: "Calendar" }, alternate: "/calendar", section: "calendar", content }))
  })

const ics = (body: string, name: string) =>
  HttpServerResponse.text(body, {
    contentType: "text/calendar; charset=utf-8",
    headers: { "content-disposition": `attachment; filename="${name}"` }
  })

const calendarFeed = (lang: Lang) =>
  Effect.gen(function*() {
    const events = yield* allEvents
    return ics(yield* ICalendar.makeNow(events, lang), `calendar.${lang}.ics`)
  })

/** The event page, with the registration form when registration is open. */
export const eventPage = (lang: Lang, id: string, url: string, form?: Forms.Rendered) =>
  Effect.gen(function*() {
    const found = yield* (yield* CalendarEvent.Store).find(id)
    if (Option.isNone(found)) return ErrorPages.htmlPage(url, 404, words.noSuchEvent, [id])
    const e = found.value
    const doc = yield* renderer.render(View.eventPage(e, yield* View.loadDirectory), lang)
    const today = yield* CalendarDate.todayIn(e.schedule.timeZone)
    const content = rendered(doc.body) +
      `<p><a href="/${lang}/events/${encodeURIComponent(e.id)}/calendar.ics">${t(words.icsOne, lang)}</a></p>` +
      Forms.registrationSection(lang, e, today, form)
    return html(page({ lang, title: e.title, alternate: `/events/${encodeURIComponent(e.id)}`, section: "calendar", content }), form?.status ?? 200)
  })

const eventFeed = (lang: Lang) => (request: HttpServerRequest.HttpServerRequest) =>
  Effect.gen(function*() {
    const id = yield* param("id")
    const found = yield* (yield* CalendarEvent.Store).find(id)
    if (Option.isNone(found)) return ErrorPages.htmlPage(request.url, 404, words.noSuchEvent, [id])
    return ics(yield* ICalendar.makeNow([found.value], lang), `event-${found.value.id}.${lang}.ics`)
  })

// ---------------------------------------------------------------------------------------------
// Training
// ---------------------------------------------------------------------------------------------

/** The training programmes, each with its enrolment form. */
export const training = (lang: Lang, form?: Forms.Rendered & { readonly programme: string }) =>
  Effect.gen(function*() {
    const all = yield* (yield* TrainingProgramme.Store).list({ limit: 100 })
    const today = yield* CalendarDate.today
    const sections = all.map((p) => {
      const s = TrainingProgramme.summary(p)
      let out = `<section aria-labelledby="tp-${escape(p.id)}"><h2 id="tp-${escape(p.id)}">${t(p.title, lang)}</h2>`
      if (p.description !== undefined) out += `<p>${t(p.description, lang)}</p>`
      out += `<h3>${t(words.sessions, lang)}</h3><ul>${
        p.sessions.map((x) => `<li>${t(x.title, lang)}: ${escape(EventTime.describe(x.schedule, lang))}</li>`).join("")
      }</ul>`
      if (p.targetRoles.length > 0) out += `<h3>${t(words.targetRoles, lang)}</h3><ul>${p.targetRoles.map((r) => `<li>${t(r.name, lang)}</li>`).join("")}</ul>`
      out += `<dl class="facts">`
      if (p.capacity !== undefined) out += `<dt>${t(words.capacity, lang)}</dt><dd>${s.enrolled} ${t(words.enrolled, lang)} / ${p.capacity}</dd>`
      if (p.enrolmentDeadline !== undefined) out += `<dt>${t(words.deadline, lang)}</dt><dd>${escape(p.enrolmentDeadline)}</dd>`
      out += `</dl>`
      out += Forms.enrolmentSection(lang, p, today, form?.programme === p.id ? form : undefined)
      return `${out}</section>`
    })
    const content = sections.length === 0 ? `<p>${t(words.noTraining, lang)}</p>` : sections.join("")
    return html(page({ lang, title: { sv: "Utbildningsprogram", en: "Training programmes" }, alternate: "/training", section: "training", content }), form?.status ?? 200)
  })

// ---------------------------------------------------------------------------------------------
// Downloads
// ---------------------------------------------------------------------------------------------

const iati = IatiRenderer.make({ reportingOrg: { ref: "XX-EXAMPLE-ICLD", type: "10", name: IcldCohort2020.icld.name } })
const csv = CsvRenderer.make({ byteOrderMark: true })

/** A page of one section whose path is the section's name (`/sv/downloads`, `/en/privacy`). */
const sectionPage = (lang: Lang, section: "downloads" | "accessibility" | "privacy", title: LocalizedText.LocalizedText, content: string) =>
  html(page({ lang, title, alternate: `/${section}`, section, content }))

const downloads = (lang: Lang) =>
  sectionPage(lang, "downloads", { sv: "Öppna data", en: "Open data" },
    `<p>${t(words.downloadsIntro, lang)}</p><ul>` +
      `<li><a href="/downloads/activities.xml" download>${t(words.iati, lang)}</a></li>` +
      `<li><a href="/downloads/catalogue.${lang}.csv" download>${t(words.csv, lang)}</a></li>` +
      `<li><a href="/${lang}/calendar.ics">${t(words.icsAll, lang)}</a></li>` +
      `<li><a href="/openapi.json">${t(words.openapi, lang)}</a></li></ul>`)

const activities = Effect.gen(function*() {
  const doc = yield* iati.render(View.activityFile({ partnerships: yield* publicPartnerships, directory: yield* View.loadDirectory }), "sv")
  return HttpServerResponse.text(doc.body, { contentType: "application/xml; charset=utf-8", headers: { "content-disposition": `attachment; filename="${doc.fileName}"` } })
})

const catalogueCsv = (lang: Lang) =>
  Effect.gen(function*() {
    const all = yield* publicPartnerships
    const store = yield* Partnership.Store
    const facetsPage = yield* store.search({ status: Domain.publicStatuses, limit: 1 })
    const view = View.catalogue({ ...facetsPage, items: all, next: undefined }, { status: Domain.publicStatuses }, yield* View.loadDirectory)
    const doc = yield* csv.render(view, lang)
    return HttpServerResponse.text(doc.body, { contentType: "text/csv; charset=utf-8", headers: { "content-disposition": `attachment; filename="${doc.fileName}"` } })
  })

// ---------------------------------------------------------------------------------------------
// Accessibility statement and privacy
// ---------------------------------------------------------------------------------------------

const accessibility = (lang: Lang) =>
  sectionPage(lang, "accessibility", { sv: "Tillgänglighetsredogörelse", en: "Accessibility statement" },
    lang === "sv"
      ? `<p>Den här webbplatsen är ett exempel som följer med biblioteket localrights. Den som driver en webbplats byggd på exemplet ansvarar för sin egen tillgänglighetsredogörelse enligt lagen (2018:1937) om tillgänglighet till digital offentlig service; den här texten visar vad en sådan innehåller.</p>
<h2>Hur tillgänglig är webbplatsen?</h2>
<p>Webbplatsen är byggd för att uppfylla WCAG 2.2 nivå AA. Sidorna testas automatiskt med axe-core i Chromium, i 1280 och 320 pixlars bredd, och med enbart tangentbord. Alla formulär fungerar utan JavaScript, felmeddelanden visas vid det fält de gäller, och sidorna kan förstoras till 400 procent utan vågrät rullning.</p>
<h2>Kända brister</h2>
<ul><li>Länders namn finns bara på engelska och visas som engelsk text på de svenska sidorna.</li><li>Diagrammen är bilder med textalternativ; samma uppgifter finns i tabellen under varje diagram.</li></ul>
<h2>Kontakta oss</h2>
<p>Om du upptäcker brister eller behöver innehåll i ett annat format, kontakta den som driver webbplatsen. Är du inte nöjd med svaret kan du anmäla det till Myndigheten för digital förvaltning (Digg), som är tillsynsmyndighet.</p>
<h2>Hur vi testat webbplatsen</h2>
<p>Automatiska tester med axe-core och tangentbordstester körs vid varje ändring av koden.</p>`
      : `<p>This site is an example that comes with the localrights library. Whoever runs a site built on the example is responsible for its own accessibility statement under the Swedish Act (2018:1937) on accessibility to digital public services; this text shows what one contains.</p>
<h2>How accessible is the site?</h2>
<p>The site is built to meet WCAG 2.2 level AA. Its pages are tested automatically with axe-core in Chromium, at 1280 and 320 pixels wide, and with the keyboard only. Every form works without JavaScript, error messages appear next to the field they concern, and pages can be zoomed to 400 per cent without horizontal scrolling.</p>
<h2>Known shortcomings</h2>
<ul><li>Country names exist in English only and are shown as English text on the Swedish pages.</li><li>Charts are images with a text alternative; the same data is in the table under each chart.</li></ul>
<h2>Contact</h2>
<p>If you find a shortcoming or need content in another format, contact whoever runs the site. If you are not satisfied with the answer, you can report it to the Agency for Digital Government (Digg), the supervisory authority.</p>
<h2>How we tested the site</h2>
<p>Automated tests with axe-core and keyboard tests run on every change to the code.</p>`)

const privacy = (lang: Lang) =>
  sectionPage(lang, "privacy", { sv: "Personuppgifter", en: "Personal data" },
    lang === "sv"
      ? `<p>Webbplatsen sätter inga kakor och använder inga skript, ingen analys och inga resurser från andra webbplatser.</p>
<h2>Intresseanmälan</h2>
<p>När en kommun eller region anmäler intresse sparas kontaktpersonens namn, e-postadress och eventuellt telefonnummer, men bara om kontaktpersonen samtycker. Uppgifterna används för att handlägga intresseanmälan och visas aldrig på en offentlig sida eller i API:et. Samtycket kan återkallas; då raderas kontaktuppgifterna.</p>
<h2>Anmälan till evenemang och utbildning</h2>
<p>Vid anmälan sparas namn, e-postadress, organisation och (för utbildningen) roll, för att hantera platser och väntelista. Offentliga sidor visar bara antalet anmälda, aldrig vem.</p>
<h2>Serverloggar</h2>
<p>Servern loggar en rad per förfrågan: metod, sökväg, svarskod och svarstid. IP-adresser sparas bara i minnet, för att begränsa antalet formulär per klient, och glöms efter tio minuter.</p>`
      : `<p>The site sets no cookies and uses no scripts, no analytics and no resources from other sites.</p>
<h2>Expression of interest</h2>
<p>When a municipality or region expresses interest, the contact person's name, e-mail address and any phone number are stored, only with the contact person's consent. They are used to handle the expression of interest and never appear on a public page or in the API. Consent can be withdrawn; the contact details are then erased.</p>
<h2>Registration for events and training</h2>
<p>A registration stores name, e-mail address, organisation and (for the training) role, to manage places and the waiting list. Public pages show only how many have registered, never who.</p>
<h2>Server logs</h2>
<p>The server logs one line per request: method, path, status and time taken. IP addresses are kept in memory only, to limit the number of forms per client, and forgotten after ten minutes.</p>`)

// ---------------------------------------------------------------------------------------------
// Routes
// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// Forms
// ---------------------------------------------------------------------------------------------

const noStore = (response: HttpServerResponse.HttpServerResponse) => HttpServerResponse.setHeader(response, "cache-control", "no-store")

const interestPage = (lang: Lang, form?: Forms.Rendered) =>
  Effect.map(Forms.interestContent(lang, form), (content) =>
    html(page({ lang, title: { sv: "Intresseanmälan", en: "Expression of interest" }, alternate: "/interest", section: "interest", content }), form?.status ?? 200))

/** The page after a successful post: the message for the person, and the way on. */
const confirmation = (lang: Lang, outcome: Extract<Forms.Outcome, { readonly _tag: "Done" }>, back: string, alternate: string) =>
  html(page({
    lang,
    title: outcome.title,
    alternate,
    content: `<p class="notice" role="status">${t(outcome.message, lang)}</p><p><a href="${escape(back)}">${t({ sv: "Tillbaka", en: "Back" }, lang)}</a></p>`
  }))

/** A post: the body (read and bounded by the front door), then the outcome as a page; a write bumps the site version. */
const posted = <R>(
  handle: (body: string) => Effect.Effect<Forms.Outcome, unknown, R>,
  onDone: (outcome: Extract<Forms.Outcome, { readonly _tag: "Done" }>) => HttpServerResponse.HttpServerResponse,
  onInvalid: (form: Forms.Rendered) => Effect.Effect<HttpServerResponse.HttpServerResponse, unknown, R>
) =>
(request: HttpServerRequest.HttpServerRequest) =>
  Effect.gen(function*() {
    const outcome = yield* handle(yield* request.text)
    if (outcome._tag === "Done") {
      yield* (yield* Cache.SiteVersion).bump
      return noStore(onDone(outcome))
    }
    return noStore(yield* onInvalid(outcome.form))
  })

/** Every page route, the downloads and the feeds. Needs the stores and `SiteVersion` (for the forms). */
export const PageRoutes = Layer.mergeAll(
  HttpRouter.add("GET", "/", catalogue(undefined)),
  HttpRouter.add("GET", "/partnerships/:id", card(undefined)),
  HttpRouter.add("GET", "/downloads/activities.xml", activities),
  ...langs.flatMap((lang) => [
    // the router treats `/sv` and `/sv/` as one route
    HttpRouter.add("GET", `/${lang}/`, catalogue(lang)),
    HttpRouter.add("GET", `/${lang}/partnerships/:id`, card(lang)),
    HttpRouter.add("GET", `/${lang}/networks`, networks(lang)),
    HttpRouter.add("GET", `/${lang}/networks/:id`, networkReport(lang)),
    HttpRouter.add("GET", `/${lang}/calendar`, calendar(lang)),
    HttpRouter.add("GET", `/${lang}/calendar.ics`, calendarFeed(lang)),
    HttpRouter.add("GET", `/${lang}/events/:id`, (request) => Effect.flatMap(param("id"), (id) => eventPage(lang, id, request.url))),
    HttpRouter.add("GET", `/${lang}/events/:id/calendar.ics`, eventFeed(lang)),
    HttpRouter.add("GET", `/${lang}/training`, training(lang)),
    HttpRouter.add("GET", `/${lang}/interest`, interestPage(lang)),
    HttpRouter.add("POST", `/${lang}/interest`, posted((body) => Forms.submitInterest(lang, body), (o) => confirmation(lang, o, paths.catalogue(lang), "/"), (f) => interestPage(lang, f))),
    HttpRouter.add("POST", `/${lang}/events/:id/register`, (request) =>
      Effect.flatMap(param("id"), (id) =>
        posted(
          (body) => Forms.register(id, body),
          (o) => confirmation(lang, o, `/${lang}/events/${encodeURIComponent(id)}`, `/events/${encodeURIComponent(id)}`),
          (f) => eventPage(lang, id, request.url, f)
        )(request))),
    HttpRouter.add("POST", `/${lang}/training/:id/enrol`, (request) =>
      Effect.flatMap(param("id"), (id) =>
        posted(
          (body) => Forms.enrol(id, body),
          (o) => confirmation(lang, o, paths.training(lang), "/training"),
          (f) => training(lang, { ...f, programme: id })
        )(request))),
    HttpRouter.add("GET", `/${lang}/downloads`, downloads(lang)),
    HttpRouter.add("GET", `/downloads/catalogue.${lang}.csv`, catalogueCsv(lang)),
    HttpRouter.add("GET", `/${lang}/accessibility`, accessibility(lang)),
    HttpRouter.add("GET", `/${lang}/privacy`, privacy(lang))
  ])
)

