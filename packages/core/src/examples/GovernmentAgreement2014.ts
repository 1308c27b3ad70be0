/**
 * The agreement between the government and SKL (press release 13 June 2014) to strengthen
 * human-rights work at municipal level: 2014–2017 in stages, SEK 4 million in 2014, a mapping
 * due 1 February 2015, an action plan for June 2015 – June 2017, regular consultations, and the
 * work documented and spread.
 *
 * **Details**
 *
 * Source: Regeringskansliet, press release "Satsning på arbetet med mänskliga rättigheter",
 * 13 June 2014. The status of every deliverable is unknown from the source, so
 * `Agreement.overdue` reports each one past due as overdue with status unknown. The
 * action plan's own due date is not given: the deliverable carries the period the plan covers.
 *
 * @module
 * @since 0.1.0
 */
import { Effect } from "effect"
import * as Agreement from "../programme-work/Agreement.ts"
import type { LocalizedText } from "../LocalizedText.ts"
import * as Money from "../Money.ts"
import * as Organisation from "../partnership/Organisation.ts"
import { skr } from "./Mr2020Conferences.ts"
import * as Seed from "../internal/Seed.ts"

/**
 * The Swedish government (Regeringen; Regeringskansliet for the consultations).
 *
 * @category models
 * @since 0.1.0
 */
export const government: Organisation.Organisation = Seed.value(Organisation.make({
  id: "regeringen",
  kind: "national-government",
  name: { sv: "Regeringen", en: "The Swedish Government" },
  country: "SE"
}))

/**
 * The agreement with its deliverables.
 *
 * @category models
 * @since 0.1.0
 */
export const agreement: Agreement.Agreement = Seed.value(Agreement.make({
  id: "regeringen-skl-2014",
  title: {
    sv: "Överenskommelse mellan regeringen och SKL om mänskliga rättigheter på kommunal nivå",
    en: "Agreement between the government and SKL on human rights at municipal level"
  },
  description: {
    sv: "Att stärka respekten för mänskliga rättigheter och kunskapen om hur de kan omsättas i praktiken inom den kommunala verksamheten.",
    en: "To strengthen respect for human rights and the knowledge of how they can be put into practice in municipal services."
  },
  parties: [
    { name: government.name, organisation: government.id },
    { name: { sv: "Sveriges Kommuner och Landsting (SKL, sedan 2019 SKR)", en: "Swedish Association of Local Authorities and Regions (SKL, SKR since 2019)" }, organisation: skr.id }
  ],
  announced: "2014-06-13",
  period: { start: "2014-01-01", end: "2017-12-31", precision: "year" },
  funding: [{
    year: 2014,
    amount: Money.sek(4_000_000),
    note: { sv: "Totalt avsätter regeringen fyra miljoner kronor under 2014.", en: "In total the government sets aside four million kronor in 2014." }
  }],
  deliverables: [
    {
      key: "kartlaggning",
      title: { sv: "Kartläggning", en: "Mapping" },
      description: {
        sv: "Behovet av stöd och insatser för att omsätta mänskliga rättigheter i praktiken, utifrån internationella granskningsorgans rekommendationer som rör kommuner och landsting.",
        en: "The need for support and measures to put human rights into practice, based on international monitoring bodies' recommendations concerning municipalities and county councils."
      },
      due: { _tag: "By", date: "2015-02-01" },
      status: "unknown",
      evidence: []
    },
    {
      key: "handlingsplan",
      title: { sv: "Handlingsplan juni 2015 – juni 2017", en: "Action plan June 2015 – June 2017" },
      description: {
        sv: "Hur arbetet bedrivs under perioden, med fokus bland annat på utbildnings- och kompetensutvecklingsinsatser och samarbete med Länsstyrelserna, Diskrimineringsombudsmannen, Barnombudsmannen, Myndigheten för delaktighet och det civila samhället.",
        en: "How the work is carried out in the period, focusing among other things on training and competence development and on cooperation with the County Administrative Boards, the Equality Ombudsman, the Children's Ombudsman, the Agency for Participation and civil society."
      },
      due: { _tag: "During", period: { start: "2015-06-01", end: "2017-06-30", precision: "month" } },
      status: "unknown",
      evidence: []
    },
    {
      key: "dokumentation-spridning",
      title: { sv: "Dokumentation och spridning", en: "Documentation and dissemination" },
      description: {
        sv: "SKL ser till att arbetet med att genomföra överenskommelsen dokumenteras och sprids.",
        en: "SKL ensures that the work of implementing the agreement is documented and spread."
      },
      due: { _tag: "During", period: { start: "2014-01-01", end: "2017-12-31", precision: "year" } },
      status: "unknown",
      evidence: []
    }
  ],
  consultationPlan: {
    sv: "Kontinuerliga samråd om arbetet med överenskommelsen mellan SKL och Regeringskansliet.",
    en: "Regular consultations on the agreement's work between SKL and the Government Offices."
  }
}))

/**
 * What the source leaves unknown, in both languages.
 *
 * @category models
 * @since 0.1.0
 */
export const unknowns: ReadonlyArray<LocalizedText> = [
  { sv: "Finansiering för 2015–2017 anges inte.", en: "Funding for 2015–2017 is not stated." },
  { sv: "Leveransernas status och underlag är okända.", en: "The deliverables' status and evidence are unknown." },
  { sv: "Handlingsplanens eget förfallodatum anges inte; perioden är den som planen avser.", en: "The action plan's own due date is not stated; the period is the one the plan covers." },
  { sv: "Datum för samråden är okända.", en: "The dates of the consultations are unknown." }
]

const source = "the government press release of 13 June 2014"

/**
 * Stores the parties and the agreement, each with `ensure`: loading again changes nothing.
 *
 * @category constructors
 * @since 0.1.0
 */
export const load = Effect.gen(function*() {
  yield* Seed.ensureOrganisations([government, skr], source)
  yield* Seed.ensureAll(yield* Agreement.Store, [agreement], source)
})
