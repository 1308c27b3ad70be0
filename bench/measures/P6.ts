/**
 * P6: HTML project cards rendered per second: a complete, escaped, accessible page for the
 * Lund–Francistown card (with goals, targets, associates, fallback markers), through the public
 * `Renderer` service (`HtmlRenderer.make().render`, run with `Effect.runSync`). Goal: >= 20 000/s.
 *
 * No baseline: the goal is absolute. For scale, the details give the pure `HtmlRenderer.render`
 * (no Effect) and a plain template literal of a few of the same facts without escaping,
 * fallback markers or page frame (not a fair competitor: it does a fraction of the work).
 *
 * Rounds (default 10): the renderer and the template literal alternate (A B, B A, …), 500 ms
 * each (times `BENCH_SCALE`, at least 100 ms) after 1 s of warm-up; the headline is the median
 * cards per CPU second.
 */
import { Effect } from "effect"
import { LocalizedText, Partnership, type Sdg, View } from "@localrights/core"
import { IcldCohort2020 } from "@localrights/core/examples"
// The bench resolves workspace packages from the root; render-html is not a root dependency.
import { HtmlRenderer } from "../../packages/render/html/src/index.ts"
import { compareOps, opsPerSecond, type Measure } from "../Measure.ts"
import { median } from "../lib/stats.ts"

const dir = View.directory({ organisations: IcldCohort2020.organisations, programmes: [IcldCohort2020.programme], networks: [IcldCohort2020.network] })
const card = View.projectCard(
  new Partnership.Partnership({
    ...IcldCohort2020.lundFrancistown,
    internationalPartner: IcldCohort2020.francistown.id,
    partnerCountry: IcldCohort2020.francistown.country,
    network: IcldCohort2020.network.id,
    decisions: Partnership.gatesPassed("implementation").map((gate) => ({
      gate,
      outcome: "approved" as const,
      decidedBy: IcldCohort2020.icld.id as unknown as Partnership.Decision["decidedBy"],
      date: "2020-12-10" as Partnership.Decision["date"],
      evidence: { _tag: "Override" as const, justification: { en: "decided outside the system" } }
    })),
    sdgTags: [
      { goal: 10 as Sdg.GoalNumber, significance: "principal" },
      { goal: 10 as Sdg.GoalNumber, target: "10.2" as Sdg.TargetCode, significance: "principal" },
      { goal: 16 as Sdg.GoalNumber, target: "16.7" as Sdg.TargetCode, significance: "significant" }
    ],
    status: "implementation",
    implementationYear: 2
  }),
  dir
)

const html = HtmlRenderer.make()
let sink = 0
const subject = () => {
  sink += Effect.runSync(html.render(card, "sv")).body.length
}
const plain = () => {
  const l = "sv" as const
  const txt = (t: LocalizedText.LocalizedText) => LocalizedText.text(t, l)
  sink += (`<!DOCTYPE html><html lang="sv"><body><h1>${txt(card.title)}</h1><dl><dt>Projektområde</dt><dd>${txt(card.projectArea!)}</dd>` +
    `<dt>Globalt mål</dt>${card.goals.map((g) => `<dd>${txt(g.label)}</dd>`).join("")}<dt>Tema</dt><dd>${txt(card.theme!)}</dd>` +
    `<dt>Svensk partner</dt><dd>${txt(card.swedishPartner.name)}</dd><dt>Internationell partner</dt><dd>${txt(card.internationalPartner!.name)}</dd></dl>` +
    `<p>${txt(card.description!)}</p></body></html>`).length
}

export const measure: Measure = {
  id: "P6",
  name: "HTML project cards rendered",
  run: async ({ rounds = 10, scale }) => {
    // Rendering must be deterministic: the same card gives the same bytes every time.
    if (Effect.runSync(html.render(card, "sv")).body !== Effect.runSync(html.render(card, "sv")).body) throw new Error("non-deterministic output")
    const ms = Math.max(100, 500 * scale)
    const r = await compareOps(subject, plain, { rounds, ms })
    const pure = opsPerSecond(() => {
      sink += HtmlRenderer.render(card, "en").length
    }, ms * 2, ms / 2)
    return {
      figures: [
        { name: "HtmlRenderer via Renderer", unit: "cards/s", better: "higher", rounds: r.subject.cpu, goals: [{ on: "median", op: ">=", bound: 20_000 }] },
        { name: "unescaped template literal", unit: "cards/s", better: "higher", rounds: r.baseline.cpu }
      ],
      details: {
        clock: "cards per CPU second of the process (process.cpuUsage)",
        wallCardsPerSecond: Math.round(median(r.subject.wall)),
        pureRenderPerSecond: Math.round(pure.cpu), pageBytes: Effect.runSync(html.render(card, "sv")).body.length, msPerSide: ms,
        sink: sink % 7
      }
    }
  }
}
