/**
 * P6: HTML project cards rendered per second: a complete, escaped, accessible page for the
 * Lund–Francistown card (with goals, targets, associates, fallback markers), through the public
 * `Renderer` service (`HtmlRenderer.make().render`, run with `Effect.runSync`). Goal: >= 20 000/s.
 *
 * No baseline: the goal is absolute. For scale, the details give the pure `HtmlRenderer.render`
 * (no Effect) and a plain template literal of a few of the same facts without escaping,
 * fallback markers or page frame (not a fair competitor: it does a fraction of the work).
 */
import { Effect } from "effect"
import { LocalizedText, Partnership, type Sdg, View } from "@localrights/core"
import { IcldCohort2020 } from "@localrights/core/examples"
// The bench resolves workspace packages from the root; render-html is not a root dependency.
import { HtmlRenderer } from "../../packages/render/html/src/index.ts"
import { compare, opsPerSecond, type Measure } from "../Measure.ts"

const dir = View.directory({ organisations: IcldCohort2020.organisations, programmes: [IcldCohort2020.programme], networks: [IcldCohort2020.network] })
const card = View.projectCard(
  new Partnership.Partnership({
    ...IcldCohort2020.lundFrancistown,
    internationalPartner: IcldCohort2020.francistown.id,
    network: IcldCohort2020.network.id,
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
  unit: "cards/s",
  better: "higher",
  goal: ">= 20000 cards/s",
  run: async () => {
    const r = compare(subject, plain)
    // Rendering must be deterministic: the same card gives the same bytes every time.
    if (Effect.runSync(html.render(card, "sv")).body !== Effect.runSync(html.render(card, "sv")).body) throw new Error("non-deterministic output")
    const pure = opsPerSecond(() => {
      sink += HtmlRenderer.render(card, "en").length
    }, 1000)
    return {
      value: r.value,
      baseline: null,
      details: { pureRenderPerSecond: Math.round(pure), unescapedTemplateLiteralPerSecond: Math.round(r.baseline), pageBytes: Effect.runSync(html.render(card, "sv")).body.length, sink: sink % 7 }
    }
  }
}
