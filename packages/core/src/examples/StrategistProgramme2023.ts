/**
 * SKR's 2023 training programme for human-rights strategists: three sessions from April 2023,
 * the last at a larger human-rights conference SKR arranges in August or September 2023.
 *
 * **Details**
 *
 * Source: SKR's MR blog, "Strategiskt arbete med mänskliga rättigheter i kommuner och
 * regioner". Session days, the second session's month, places, capacity, the enrolment
 * deadline and a completion criterion are not given: sessions are scheduled to the month only
 * and the rest is absent (see {@link unknowns}). SKR had run the programme three times before.
 *
 * @module
 * @since 0.1.0
 */
import { Effect } from "effect"
import * as CalendarEvent from "../programme-work/CalendarEvent.ts"
import type { LocalizedText } from "../LocalizedText.ts"
import * as EventTime from "../programme-work/EventTime.ts"
import * as TrainingProgramme from "../programme-work/TrainingProgramme.ts"
import { skr } from "./Mr2020Conferences.ts"
import * as Seed from "../internal/Seed.ts"

/**
 * The larger human-rights conference SKR arranges in August or September 2023, where the last
 * session takes place. Planned, as the source announces it; place unknown.
 *
 * @category models
 * @since 0.1.0
 */
export const conference2023: CalendarEvent.CalendarEvent = Seed.value(CalendarEvent.make({
  id: "skr-mr-konferens-2023",
  kind: "conference",
  title: { sv: "SKR:s större MR-konferens 2023", en: "SKR's larger human-rights conference 2023" },
  organiser: skr.id,
  schedule: EventTime.approximate("2023-08", "2023-09", {
    sv: "I augusti eller september 2023.",
    en: "In August or September 2023."
  }),
  links: { trainingProgramme: "skr-mr-strateger-2023" }
}))

/**
 * The programme, with its three sessions and target roles; nobody enrolled.
 *
 * @category models
 * @since 0.1.0
 */
export const programme: TrainingProgramme.TrainingProgramme = Seed.value(TrainingProgramme.make({
  id: "skr-mr-strateger-2023",
  organiser: skr.id,
  title: { sv: "Utbildningsprogram för strateger inom mänskliga rättigheter", en: "Training programme for human-rights strategists" },
  description: {
    sv: "Kunskapspåfyllnad om mänskliga rättigheter och rättighetsbaserat arbetssätt, kompetens i att genomföra utbildningsinsatser i den egna organisationen, och samtal och utbyte med kollegor i andra delar av landet.",
    en: "Knowledge of human rights and the rights-based approach, skills to run training on human rights in one's own organisation, and conversation and exchange with colleagues elsewhere in the country."
  },
  targetRoles: [
    { key: "mr-strateg", name: { sv: "MR-strateg eller människorättsstrateg", en: "Human-rights strategist" } },
    { key: "hallbarhetsstrateg", name: { sv: "Hållbarhetsstrateg", en: "Sustainability strategist" } },
    { key: "folkhalsostrateg", name: { sv: "Folkhälsostrateg", en: "Public-health strategist" } },
    { key: "barnrattssamordnare", name: { sv: "Barnrättssamordnare", en: "Child-rights coordinator" } },
    { key: "integrationssamordnare", name: { sv: "Integrationssamordnare", en: "Integration coordinator" } },
    {
      key: "liknande",
      name: {
        sv: "Liknande: strateg eller utvecklingsledare i kommun eller region med uppdrag att stärka arbetet med mänskliga rättigheter",
        en: "Similar: a strategist or development lead in a municipality or region tasked with strengthening human-rights work"
      }
    }
  ],
  sessions: [
    {
      key: "tillfalle-1",
      title: { sv: "Tillfälle 1", en: "Session 1" },
      schedule: EventTime.approximate("2023-04", "2023-04", { sv: "Start i april 2023.", en: "Starts in April 2023." })
    },
    {
      key: "tillfalle-2",
      title: { sv: "Tillfälle 2", en: "Session 2" },
      schedule: EventTime.approximate("2023-04", "2023-09", { sv: "Datum okänt.", en: "Date unknown." })
    },
    {
      key: "tillfalle-3",
      title: { sv: "Tillfälle 3 (avslutande träff)", en: "Session 3 (closing meeting)" },
      schedule: EventTime.approximate("2023-08", "2023-09", {
        sv: "I samband med SKR:s större MR-konferens i augusti eller september 2023.",
        en: "At SKR's larger human-rights conference in August or September 2023."
      }),
      event: conference2023.id
    }
  ]
}))

/**
 * What the source leaves unknown, in both languages.
 *
 * @category models
 * @since 0.1.0
 */
export const unknowns: ReadonlyArray<LocalizedText> = [
  { sv: "Exakta datum och platser för tillfällena är okända; tillfälle 2 är inte daterat alls.", en: "Exact dates and places of the sessions are unknown; session 2 is not dated at all." },
  { sv: "Kapacitet, sista anmälningsdag och krav för att slutföra programmet anges inte (biblioteket räknar då alla tillfällen).", en: "Capacity, enrolment deadline and completion requirement are not stated (the library then counts every session)." },
  { sv: "Konferensens ort och exakta datum är okända.", en: "The conference's city and exact date are unknown." }
]

const source = "SKR's MR blog (strategist programme 2023)"

/**
 * Stores SKR, the 2023 conference and the programme, each with `ensure`: loading again changes
 * nothing.
 *
 * @category constructors
 * @since 0.1.0
 */
export const load = Effect.gen(function*() {
  yield* Seed.ensureOrganisations([skr], source)
  yield* Seed.ensureAll(yield* CalendarEvent.Store, [conference2023], source)
  yield* Seed.ensureAll(yield* TrainingProgramme.Store, [programme], source)
})
