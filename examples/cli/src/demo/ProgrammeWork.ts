/**
 * Demo section: programme work around the partnerships: SKR's cancelled MR 2020 conferences
 * (with an iCalendar export), the 2023 strategist programme with its sessions, the 2014
 * agreement's overdue check on today's date, and an expression of interest accepted once and
 * refused the second time.
 */
import { Effect } from "effect"
import { Agreement, CalendarEvent, ChangeLog, EventTime, ICalendar, Interest, LocalizedText, Money } from "@localrights/core"
import { GovernmentAgreement2014, IcldCohort2020, Mr2020Conferences, StrategistProgramme2023 } from "@localrights/core/examples"
import { both, heading, line, refusal } from "./Print.ts"

const langs = ["sv", "en"] as const

export const section = Effect.gen(function*() {
  yield* Mr2020Conferences.load
  yield* StrategistProgramme2023.load
  yield* GovernmentAgreement2014.load

  yield* heading("MR 2020: SKR:s regionala konferenser", "MR 2020: SKR's regional conferences")
  for (const e of Mr2020Conferences.conferences) {
    const v = CalendarEvent.toPublicView(e)
    yield* both({
      sv: `${LocalizedText.text(v.city ?? { sv: "ort okänd" }, "sv")}: ${LocalizedText.text(v.statusName, "sv")}, ${v.when.sv}`,
      en: `${LocalizedText.text(v.city ?? { en: "city unknown" }, "en")}: ${LocalizedText.text(v.statusName, "en")}, ${v.when.en}`
    })
  }
  const goteborg = Mr2020Conferences.conferences.find((e) => e.id === "mr-2020-goteborg")!
  yield* line("Göteborg programme / programpunkter:")
  for (const item of goteborg.programmeItems) {
    const speakers = item.speakers.map((s) => `${s.name ?? "–"} (${LocalizedText.text(s.organisation, "sv")})`).join(", ")
    yield* line(`  • ${LocalizedText.text(item.title, "sv")} / ${LocalizedText.text(item.title, "en")}: ${speakers}`)
  }
  for (const u of Mr2020Conferences.unknowns) yield* both(u)
  const ics = yield* ICalendar.makeNow(Mr2020Conferences.conferences, "sv")
  const cancelled = ics.split("\r\n").filter((l) => l === "STATUS:CANCELLED").length
  yield* line(`iCalendar: ${ics.split("\r\n").length - 1} lines, ${cancelled} × STATUS:CANCELLED`)

  yield* heading("Utbildningsprogram för strateger 2023", "Training programme for strategists 2023")
  const programme = StrategistProgramme2023.programme
  yield* both(programme.title)
  for (const lang of langs) {
    yield* line(`[${lang}] ${programme.targetRoles.map((r) => LocalizedText.text(r.name, lang).split(":")[0]).join(", ")}`)
  }
  for (const s of programme.sessions) {
    yield* both({
      sv: `${LocalizedText.text(s.title, "sv")}: ${EventTime.describe(s.schedule, "sv")}${s.event !== undefined ? ` – ${LocalizedText.text(StrategistProgramme2023.conference2023.title, "sv")}` : ""}`,
      en: `${LocalizedText.text(s.title, "en")}: ${EventTime.describe(s.schedule, "en")}${s.event !== undefined ? ` – ${LocalizedText.text(StrategistProgramme2023.conference2023.title, "en")}` : ""}`
    })
  }
  for (const u of StrategistProgramme2023.unknowns) yield* both(u)

  yield* heading("Överenskommelsen regeringen–SKL 2014", "The government–SKL agreement of 2014")
  const agreement = GovernmentAgreement2014.agreement
  yield* both(agreement.title)
  for (const f of agreement.funding) {
    yield* both({ sv: `${f.year}: ${Money.format(f.amount, "sv")}`, en: `${f.year}: ${Money.format(f.amount, "en")}` })
  }
  const check = yield* Agreement.overdueToday(agreement)
  yield* both({ sv: `Idag (${check.today}): ${check.overdue.length} leveranser förfallna`, en: `Today (${check.today}): ${check.overdue.length} deliverables overdue` })
  for (const o of check.overdue) {
    yield* both({
      sv: `${LocalizedText.text(o.deliverable.title, "sv")}: förföll ${o.due} (${o.daysOverdue} dagar sedan), status ${Agreement.DeliverableStatus.nameOf(o.deliverable.status, "sv").toLowerCase()}`,
      en: `${LocalizedText.text(o.deliverable.title, "en")}: due ${o.due} (${o.daysOverdue} days ago), status ${Agreement.DeliverableStatus.nameOf(o.deliverable.status, "en").toLowerCase()}`
    })
  }
  for (const u of GovernmentAgreement2014.unknowns) yield* both(u)

  yield* heading("Intresseanmälan", "Expression of interest")
  const form = {
    programme: IcldCohort2020.programme.id,
    applicant: { id: "exempelby-demo", kind: "municipality", name: { sv: "Exempelby kommun (demo)", en: "Exempelby Municipality (demo)" } },
    contact: { name: "Demo Kontaktperson", email: "kontakt@exempelby.example" },
    challenge: { sv: "Ungas delaktighet", en: "Young people's participation" },
    focusArea: "young-people",
    consent: true
  }
  const change = ChangeLog.change("demo", "Intresseanmälan via formulär / expression of interest via form")
  const { partnership } = yield* Interest.submit(form, change)
  yield* both({ sv: `${partnership.id}: intresseanmälan registrerad`, en: `${partnership.id}: interest registered` })
  const again = yield* Interest.submit(form, change).pipe(Effect.flip)
  yield* line(`Refused as expected: ${again._tag}`)
  yield* refusal(again)
  const noConsent = yield* Interest.submit({ ...form, applicant: { ...form.applicant, id: "annanby-demo" }, consent: false }, change).pipe(Effect.flip)
  yield* line(`Refused as expected: ${noConsent._tag}`)
  yield* refusal(noConsent)
})
