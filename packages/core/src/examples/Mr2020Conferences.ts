/**
 * SKR's regional conferences *MR 2020* (Kalmar, Umeå, Göteborg, Stockholm, March–April 2020),
 * which were cancelled (Inställt), as SKR's Göteborg page gives them.
 *
 * **Details**
 *
 * Source: SKR, "Inställt: MR 2020 – SKR:s regionala konferenser om mänskliga rättigheter i
 * kommuner och regioner, Göteborg". The day of each conference is unknown (the page says
 * March–April 2020), so each is scheduled to the month only; programme items are known for
 * Göteborg only, without times. Speakers are named as the public programme names them; they
 * are not registrants. Nothing else is filled in: see {@link unknowns}.
 *
 * @module
 * @since 0.1.0
 */
import { Effect } from "effect"
import * as CalendarEvent from "../programme-work/CalendarEvent.ts"
import { Store as CalendarEventStore } from "../programme-work/CalendarEvent.ts"
import type { OrganisationId } from "../Ids.ts"
import type { LocalizedText } from "../LocalizedText.ts"
import * as Organisation from "../partnership/Organisation.ts"
import * as EventTime from "../programme-work/EventTime.ts"
import * as Seed from "../internal/Seed.ts"
import * as Events from "../programme-work/Events.ts"

/**
 * Sveriges Kommuner och Regioner (called Sveriges Kommuner och Landsting, SKL, until 2019).
 *
 * @category models
 * @since 0.1.0
 */
export const skr: Organisation.Organisation = Seed.value(Organisation.make({
  id: "skr",
  kind: "association",
  name: { sv: "Sveriges Kommuner och Regioner (SKR)", en: "Swedish Association of Local Authorities and Regions (SKR)" },
  country: "SE"
}))

const cancellation: CalendarEvent.Cancellation = {
  reason: {
    sv: "Inställt. Sidan hänvisar till hur kurser och konferenser påverkas av det nya coronaviruset.",
    en: "Cancelled. The page refers to how courses and conferences are affected by the new coronavirus."
  }
}

const window = EventTime.approximate("2020-03", "2020-04", {
  sv: "Under mars–april 2020 på fyra platser; dagen per ort är okänd.",
  en: "During March–April 2020 in four places; the day in each city is unknown."
})

const description: LocalizedText = {
  sv: "Regional spridningskonferens om SKR:s arbete med mänskliga rättigheter och rättighetsbaserat arbete som metod, MR i styrning och ledning samt initiativet kring MR-kommuner och regioner, med lärande exempel från kommuner och regioner.",
  en: "Regional dissemination conference on SKR's work on human rights and the rights-based approach as a method, human rights in governance and management, and the initiative on human-rights municipalities and regions, with learning examples from municipalities and regions."
}

/**
 * The programme items of the Göteborg conference, in the page's order; times unknown.
 *
 * @category models
 * @since 0.1.0
 */
export const goteborgProgramme: ReadonlyArray<CalendarEvent.ProgrammeItem> = [
  {
    title: { sv: "Västra Götalandsregionens metodiska arbete med mänskliga rättigheter", en: "Västra Götaland Region's methodical work on human rights" },
    description: {
      sv: "Verktyg för rättighetsbaserat arbetssätt och planen \"För varje människa\": tillgänglighet, systematisk dialog med medborgarna och nollvision för tvångsåtgärder inom psykiatrin.",
      en: "Tools for the rights-based approach and the plan \"För varje människa\": accessibility, systematic dialogue with citizens and a zero vision for coercive measures in psychiatry."
    },
    speakers: [{
      name: "Anna Jacobson",
      role: {
        sv: "Enhetschef för mänskliga rättigheter och folkhälsa, avdelningen för social hållbarhet",
        en: "Head of unit for human rights and public health, department of social sustainability"
      },
      organisation: { sv: "Västra Götalandsregionen", en: "Västra Götaland Region" }
    }]
  },
  {
    title: { sv: "Mölndals stads kompetensutvecklingsprogram", en: "Mölndal's competence development programme" },
    description: {
      sv: "En enhet inom kultur- och fritidsförvaltningen om folkhälsa, ungas delaktighet, trygghet i bostadsområden och att implementera Barnkonventionen.",
      en: "A unit of the culture and leisure administration on public health, young people's participation, safety in residential areas and implementing the Convention on the Rights of the Child."
    },
    speakers: [{ organisation: { sv: "Mölndals stad", en: "City of Mölndal" } }]
  },
  {
    title: { sv: "Lund: första svenska MR-kommun (augusti 2018)", en: "Lund: Sweden's first human-rights municipality (August 2018)" },
    description: { sv: "Erfarenheter från omställningsarbetet.", en: "Experience from the transition." },
    speakers: [{
      name: "Ulrika Dagård",
      role: { sv: "Projektledare för omställningen", en: "Project lead of the transition" },
      organisation: { sv: "Lunds kommun", en: "Lund Municipality" },
      organisationId: "lund" as OrganisationId
    }]
  },
  {
    title: { sv: "Internationell spaning: Human Rights Cities", en: "International outlook: Human Rights Cities" },
    description: {
      sv: "Den globala rörelsen Human Rights Cities, och en uppdatering om svenska kommuner och regioners MR-arbete utifrån SKR:s kartläggning våren 2020.",
      en: "The global Human Rights Cities movement, and an update on Swedish municipalities' and regions' human-rights work from SKR's mapping in spring 2020."
    },
    speakers: [{
      name: "Gabriella Fredriksson",
      organisation: { sv: "Raoul Wallenberginstitutet", en: "Raoul Wallenberg Institute" },
      organisationId: "rwi" as OrganisationId
    }]
  },
  {
    title: { sv: "ICLD:s kommunala partnerskap", en: "ICLD's municipal partnerships" },
    description: {
      sv: "Kommunala partnerskapsprogrammet och inspirerande samarbeten om mänskliga rättigheter.",
      en: "The Municipal Partnership Programme and inspiring collaborations on human rights."
    },
    speakers: [{
      organisation: { sv: "Internationellt Centrum för Lokal Demokrati (ICLD)", en: "International Centre for Local Democracy (ICLD)" },
      organisationId: "icld" as OrganisationId
    }]
  }
]

const conference = (city: string, citySv: string, cityEn: string, programmeItems: ReadonlyArray<CalendarEvent.ProgrammeItem>) =>
  Seed.value(CalendarEvent.make({
    id: `mr-2020-${city}`,
    kind: "regional-conference",
    title: {
      sv: `MR 2020 – SKR:s regionala konferenser om mänskliga rättigheter i kommuner och regioner, ${citySv}`,
      en: `MR 2020 – SKR's regional conferences on human rights in municipalities and regions, ${cityEn}`
    },
    description,
    organiser: skr.id,
    city: { sv: citySv, en: cityEn },
    schedule: window,
    programmeItems,
    status: "cancelled",
    cancellation
  }))

/**
 * The four conferences, cancelled.
 *
 * @category models
 * @since 0.1.0
 */
export const conferences: ReadonlyArray<CalendarEvent.CalendarEvent> = [
  conference("kalmar", "Kalmar", "Kalmar", []),
  conference("umea", "Umeå", "Umeå", []),
  conference("goteborg", "Göteborg", "Gothenburg", goteborgProgramme),
  conference("stockholm", "Stockholm", "Stockholm", [])
]

/**
 * What the source leaves unknown, in both languages.
 *
 * @category models
 * @since 0.1.0
 */
export const unknowns: ReadonlyArray<LocalizedText> = [
  { sv: "Datum, tider och lokaler för de fyra konferenserna är okända (mars–april 2020).", en: "Dates, times and venues of the four conferences are unknown (March–April 2020)." },
  { sv: "Programmet är bara känt för Göteborg; Kalmar, Umeå och Stockholm är okända.", en: "The programme is known for Göteborg only; Kalmar, Umeå and Stockholm are unknown." },
  { sv: "När konferenserna ställdes in och deras kapacitet är okänt.", en: "When the conferences were cancelled, and their capacity, is unknown." }
]

const source = "SKR's MR 2020 page"

/**
 * Stores SKR and the four conferences: each is created planned and cancelled with
 * `Events.cancel` (both recorded in its history); loading again changes nothing.
 *
 * @category constructors
 * @since 0.1.0
 */
export const load = Effect.gen(function*() {
  yield* Seed.ensureOrganisations([skr], source)
  const store = yield* CalendarEventStore
  yield* Effect.forEach(conferences, (c) => {
    const { cancellation: _, ...planned } = c
    return Seed.establish(store, c, { ...planned, status: "planned" }, (created, change) => Events.cancel(created.id, cancellation, change(created)), source)
  }, { discard: true })
})
