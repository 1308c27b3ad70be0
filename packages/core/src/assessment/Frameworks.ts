/**
 * The built-in criteria frameworks: the UN's PANEL principles, SKR's rights-based approach
 * (rättighetsbaserat arbetssätt) and the general principles of the Convention on the Rights of
 * the Child. They are available without storing them.
 *
 * **Details**
 *
 * The principles are public facts (the PANEL acronym; the six aspects SKR names: participation,
 * non-discrimination, accessibility, transparency, clear accountability and respect for
 * privacy; CRC articles 2, 3, 6 and 12, Swedish law since 1 January 2020). The descriptions and
 * guiding questions are our own wording. The scale (0–4) and the thresholds (each principle at
 * least 2, nothing at 0, a weighted share of at least 50 %) are defaults of this library, not
 * taken from ICLD or SKR: a programme with other rules publishes its own framework.
 *
 * @module
 * @group Assessment
 * @since 0.1.0
 */
import { Option } from "effect"
import { CriteriaFramework } from "./CriteriaFramework.ts"
import type { Principle, PrincipleId, Scale, Thresholds } from "./CriteriaFramework.ts"
import type { CriteriaFrameworkId } from "../Ids.ts"
import type { LocalizedText } from "../LocalizedText.ts"

/**
 * The scale every built-in framework uses: 0 not addressed, 1 insufficient, 2 adequate,
 * 3 good, 4 strong.
 *
 * @category models
 * @since 0.1.0
 */
export const scale: Scale = {
  min: 0,
  max: 4,
  labels: [
    { score: 0, label: { sv: "Saknas", en: "Not addressed" } },
    { score: 1, label: { sv: "Otillräckligt", en: "Insufficient" } },
    { score: 2, label: { sv: "Godtagbart", en: "Adequate" } },
    { score: 3, label: { sv: "Gott", en: "Good" } },
    { score: 4, label: { sv: "Starkt", en: "Strong" } }
  ]
}

/**
 * The thresholds every built-in framework uses: below 2 asks for revision, 0 fails, and the
 * weighted share must reach 50 %.
 *
 * @category models
 * @since 0.1.0
 */
export const thresholds: Thresholds = { principleMinimum: 2, principleFloor: 1, overallShare: 0.5 }

const t = (sv: string, en: string): LocalizedText => ({ sv, en })

const principle = (
  id: string,
  name: LocalizedText,
  description: LocalizedText,
  questions: ReadonlyArray<LocalizedText>,
  source?: LocalizedText
): Principle => ({
  id: id as PrincipleId,
  name,
  description,
  questions,
  weight: 1,
  ...(source !== undefined ? { source } : {})
})

const participation = principle(
  "participation",
  t("Delaktighet", "Participation"),
  t(
    "De som berörs, särskilt de som sällan hörs, kan vara med och påverka hur arbetet planeras, genomförs och följs upp.",
    "The people concerned, above all those rarely heard, can take part in and influence how the work is planned, carried out and followed up."
  ),
  [
    t("Vilka berörs, och hur kommer de till tals i varje skede?", "Who is concerned, and how do they have their say at each stage?"),
    t("Hur påverkar det som kommer fram de beslut som fattas?", "How does what they say change the decisions taken?")
  ]
)

const accountability = principle(
  "accountability",
  t("Ansvarsutkrävande", "Accountability"),
  t(
    "Det är tydligt vem som ansvarar för vad, hur arbetet följs upp och hur den som berörs kan kräva sin rätt eller klaga.",
    "It is clear who is responsible for what, how the work is followed up, and how the people concerned can claim their rights or complain."
  ),
  [
    t("Vem ansvarar för varje del, och hur redovisas resultaten?", "Who is responsible for each part, and how are results reported?"),
    t("Hur kan den som berörs påtala brister och få svar?", "How can the people concerned raise shortcomings and get an answer?")
  ]
)

const nonDiscrimination = (name: LocalizedText, source?: LocalizedText) =>
  principle(
    "non-discrimination",
    name,
    t(
      "Arbetet når alla utan åtskillnad; det tar reda på vilka som riskerar att missgynnas och gör något åt det.",
      "The work reaches everyone without distinction; it finds out who risks being disadvantaged and acts on it."
    ),
    [
      t("Vilka grupper riskerar att missgynnas, och hur vet ni det?", "Which groups risk being disadvantaged, and how do you know?"),
      t("Hur följer ni upp att insatserna når dem?", "How do you check that the work reaches them?")
    ],
    source
  )

/**
 * The UN's PANEL principles for a human-rights-based approach: Participation, Accountability,
 * Non-discrimination and equality, Empowerment, Legality. Applies to applications and project
 * plans.
 *
 * @category models
 * @since 0.1.0
 */
export const panel: CriteriaFramework = new CriteriaFramework({
  id: "panel" as CriteriaFrameworkId,
  version: 1,
  name: t("PANEL-principerna", "The PANEL principles"),
  description: t(
    "FN:s fem principer för ett rättighetsbaserat arbetssätt: delaktighet, ansvarsutkrävande, icke-diskriminering och jämlikhet, egenmakt och legalitet.",
    "The UN's five principles of a human-rights-based approach: participation, accountability, non-discrimination and equality, empowerment and legality."
  ),
  source: t("FN:s rättighetsbaserade arbetssätt (PANEL); formuleringar av localrights.", "The UN human-rights-based approach (PANEL); wording by localrights."),
  appliesTo: ["application", "project-plan"],
  principles: [
    participation,
    accountability,
    nonDiscrimination(t("Icke-diskriminering och jämlikhet", "Non-discrimination and equality")),
    principle(
      "empowerment",
      t("Egenmakt", "Empowerment"),
      t(
        "Rättighetsbärarna känner till sina rättigheter och får stöd att kräva dem; de ansvariga får kunskap och resurser att uppfylla dem.",
        "Rights-holders know their rights and get support to claim them; duty-bearers get the knowledge and means to fulfil them."
      ),
      [
        t("Hur får rättighetsbärarna kunskap om sina rättigheter?", "How do rights-holders learn about their rights?"),
        t("Vilken kompetens behöver de ansvariga, och hur byggs den upp?", "What competence do duty-bearers need, and how is it built?")
      ]
    ),
    principle(
      "legality",
      t("Legalitet", "Legality"),
      t(
        "Arbetet utgår uttryckligen från de mänskliga rättigheterna i lag och i internationella konventioner som landet har anslutit sig till.",
        "The work rests explicitly on human rights in law and in the international conventions the country has joined."
      ),
      [
        t("Vilka rättigheter och konventioner bygger arbetet på?", "Which rights and conventions does the work rest on?"),
        t("Hur syns de i mål, styrdokument och uppföljning?", "How do they show in goals, steering documents and follow-up?")
      ]
    )
  ],
  scale,
  thresholds
})

/**
 * SKR's rights-based approach (rättighetsbaserat arbetssätt) for municipalities and regions:
 * participation, non-discrimination, accessibility, transparency, clear accountability and
 * respect for privacy. Applies to applications and project plans.
 *
 * @category models
 * @since 0.1.0
 */
export const skr: CriteriaFramework = new CriteriaFramework({
  id: "skr-rights-based" as CriteriaFrameworkId,
  version: 1,
  name: t("SKR:s rättighetsbaserade arbetssätt", "SKR's rights-based approach"),
  description: t(
    "Hur kommuner och regioner gör sitt grunduppdrag med respekt för de mänskliga rättigheterna: delaktighet, icke-diskriminering, tillgänglighet, transparens, tydlig ansvarsfördelning och respekt för privatlivet.",
    "How municipalities and regions carry out their basic mission with respect for human rights: participation, non-discrimination, accessibility, transparency, clear accountability and respect for privacy."
  ),
  source: t("SKR:s blogg om mänskliga rättigheter, inlägget om utbildningsprogrammet för strateger: rättighetsbaserat arbetssätt; formuleringar av localrights.", "SKR human-rights blog, post on the training programme for strategists: rights-based approach; wording by localrights."),
  appliesTo: ["application", "project-plan"],
  principles: [
    participation,
    nonDiscrimination(t("Icke-diskriminering", "Non-discrimination")),
    principle(
      "accessibility",
      t("Tillgänglighet", "Accessibility"),
      t(
        "Verksamhet, lokaler och information går att nå och använda för alla, oavsett funktionsförmåga, språk eller var man bor.",
        "Services, premises and information can be reached and used by everyone, whatever their abilities, language or where they live."
      ),
      [
        t("Vilka hinder finns i dag, och hur tas de bort?", "What barriers exist today, and how are they removed?"),
        t("Når informationen fram på de språk och i de format som behövs?", "Does information reach people in the languages and formats needed?")
      ]
    ),
    principle(
      "transparency",
      t("Transparens", "Transparency"),
      t(
        "Beslutsvägar, underlag och resultat är öppna, så att de som berörs kan ta del av dem och förstå dem.",
        "Decision paths, the grounds for decisions and results are open, so that the people concerned can see and understand them."
      ),
      [
        t("Hur kan de som berörs ta del av beslut och underlag?", "How can the people concerned see decisions and their grounds?"),
        t("Hur redovisas resultaten öppet?", "How are results reported openly?")
      ]
    ),
    {
      ...accountability,
      name: t("Tydlig ansvarsfördelning", "Clear accountability")
    },
    principle(
      "privacy",
      t("Respekt för privatlivet", "Respect for privacy"),
      t(
        "Arbetet samlar bara de personuppgifter som behövs, skyddar dem och respekterar den enskildes integritet.",
        "The work collects only the personal data it needs, protects it, and respects each person's integrity."
      ),
      [
        t("Vilka personuppgifter behandlas, och varför?", "Which personal data is processed, and why?"),
        t("Hur skyddas uppgifterna och den enskildes integritet?", "How are the data and each person's integrity protected?")
      ]
    )
  ],
  scale,
  thresholds
})

/**
 * The four general principles of the UN Convention on the Rights of the Child (Swedish law
 * since 1 January 2020): non-discrimination (art. 2), the best interests of the child
 * (art. 3), life, survival and development (art. 6), and the right to be heard (art. 12).
 * Applies to applications and project plans.
 *
 * @category models
 * @since 0.1.0
 */
export const childRights: CriteriaFramework = new CriteriaFramework({
  id: "crc-general-principles" as CriteriaFrameworkId,
  version: 1,
  name: t("Barnkonventionens grundprinciper", "General principles of the Convention on the Rights of the Child"),
  description: t(
    "De fyra grundprinciperna i FN:s konvention om barnets rättigheter, som är svensk lag sedan 1 januari 2020.",
    "The four general principles of the UN Convention on the Rights of the Child, Swedish law since 1 January 2020."
  ),
  source: t("FN:s konvention om barnets rättigheter, artiklarna 2, 3, 6 och 12; formuleringar av localrights.", "UN Convention on the Rights of the Child, articles 2, 3, 6 and 12; wording by localrights."),
  appliesTo: ["application", "project-plan"],
  principles: [
    nonDiscrimination(t("Icke-diskriminering (art. 2)", "Non-discrimination (art. 2)"), t("Barnkonventionen art. 2", "CRC art. 2")),
    principle(
      "best-interests",
      t("Barnets bästa (art. 3)", "Best interests of the child (art. 3)"),
      t(
        "Barnets bästa bedöms och väger tungt i varje beslut som rör barn.",
        "The best interests of the child are assessed and weigh heavily in every decision that concerns children."
      ),
      [
        t("Hur bedöms barnets bästa, och av vem?", "How are the child's best interests assessed, and by whom?"),
        t("Hur syns bedömningen i besluten?", "How does the assessment show in the decisions?")
      ],
      t("Barnkonventionen art. 3", "CRC art. 3")
    ),
    principle(
      "life-development",
      t("Liv, överlevnad och utveckling (art. 6)", "Life, survival and development (art. 6)"),
      t(
        "Arbetet bidrar till att barn kan leva, överleva och utvecklas så långt det är möjligt.",
        "The work helps children live, survive and develop to the fullest extent possible."
      ),
      [
        t("Hur påverkar arbetet barns hälsa, trygghet och utveckling?", "How does the work affect children's health, safety and development?")
      ],
      t("Barnkonventionen art. 6", "CRC art. 6")
    ),
    principle(
      "participation",
      t("Rätt att uttrycka sin åsikt och bli hörd (art. 12)", "Right to express views and be heard (art. 12)"),
      t(
        "Barn får uttrycka sina åsikter i frågor som rör dem, och åsikterna tas på allvar efter ålder och mognad.",
        "Children can express their views on matters that concern them, and their views are given due weight according to age and maturity."
      ),
      [
        t("Hur får barn och unga komma till tals, på sina villkor?", "How do children and young people have their say, on their own terms?"),
        t("Hur får de veta vad deras åsikter ledde till?", "How do they learn what their views led to?")
      ],
      t("Barnkonventionen art. 12", "CRC art. 12")
    )
  ],
  scale,
  thresholds
})

/**
 * Every built-in framework.
 *
 * @category models
 * @since 0.1.0
 */
export const builtIns: ReadonlyArray<CriteriaFramework> = [panel, skr, childRights]

/**
 * The newest built-in framework with that id, if any (`CriteriaFramework.resolve` finds one
 * version).
 *
 * @category rules
 * @since 0.2.0
 */
export const findBuiltIn = (id: string): Option.Option<CriteriaFramework> =>
  Option.fromUndefinedOr(builtIns.filter((f) => f.id === id).sort((a, b) => b.version - a.version)[0])

/**
 * Whether an id belongs to a built-in framework (custom frameworks may not reuse it).
 *
 * @category guards
 * @since 0.1.0
 */
export const isBuiltIn = (id: string): boolean => builtIns.some((f) => f.id === id)
