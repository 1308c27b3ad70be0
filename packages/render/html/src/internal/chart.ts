/**
 * SVG bar charts for {@link View.Chart}: horizontal bars, one group per row, one bar per
 * series. Series differ by colour and by pattern (solid, hatched), each bar carries its value
 * as text, and a legend names the series, so nothing is told by colour alone. The figure's
 * text alternative is the chart's summary; the data follows as a table.
 */
import { LocalizedText, View } from "@localrights/core"
import { escape, idSafe } from "./escape.ts"

type Lang = LocalizedText.Lang

const colours = ["#1f4e79", "#8a3b00", "#2d5f2e"] as const

const width = 640
const labelWidth = 230
const valueWidth = 130
const barHeight = 16
const gap = 4
const groupGap = 14
const top = 34

const truncate = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s)

/** Text in `lang` for SVG: marked with `lang` when it fell back. */
const svgText = (text: LocalizedText.LocalizedText, lang: Lang, max: number): string => {
  const r = LocalizedText.get(text, lang)
  const body = escape(truncate(r.text, max))
  return r.fallback ? `<tspan lang="${r.lang}">${body}</tspan>` : body
}

/** The SVG of a chart. */
export const svg = (chart: View.Chart, lang: Lang): string => {
  const id = idSafe(chart.id)
  const n = chart.series.length
  const groupHeight = n * barHeight + (n - 1) * gap
  const height = top + chart.rows.length * (groupHeight + groupGap) + 8
  const max = chart.unit.kind === "score"
    ? chart.unit.max
    : Math.max(1, ...chart.rows.flatMap((r) => r.values))
  const plot = width - labelWidth - valueWidth
  // a qualitative scale's step labels are in the table; the bar says `2 / 5`
  const short: View.Chart = chart.unit.kind === "score" ? { ...chart, unit: { kind: "score", max: chart.unit.max } } : chart
  let out = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false">`
  out += `<title id="${id}-title">${svgText(chart.title, lang, 200)}</title><desc id="${id}-desc">${svgText(chart.summary, lang, 2000)}</desc>`
  out += `<defs><pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><rect width="3" height="6" fill="${colours[1]}"/></pattern></defs>`
  // Legend: swatch + name per series.
  let x = labelWidth
  chart.series.forEach((s, i) => {
    out += `<rect x="${x}" y="8" width="14" height="14" fill="${fill(id, i)}" stroke="${colours[i % colours.length]}" stroke-width="1.5"/>`
    const name = svgText(s.name, lang, 30)
    out += `<text x="${x + 20}" y="20" class="legend">${name}</text>`
    x += 20 + Math.min(30, LocalizedText.text(s.name, lang).length) * 7.5 + 24
  })
  chart.rows.forEach((row, r) => {
    const y0 = top + r * (groupHeight + groupGap)
    out += `<text x="${labelWidth - 8}" y="${y0 + groupHeight / 2 + 4}" text-anchor="end">${svgText(row.label, lang, 34)}</text>`
    row.values.forEach((value, i) => {
      const y = y0 + i * (barHeight + gap)
      const absent = row.absent?.[i]
      if (absent !== undefined) {
        // no value: no bar, the reason in words
        out += `<text x="${labelWidth + 6}" y="${y + barHeight - 4}" font-style="italic">${svgText(absent, lang, 40)}</text>`
        return
      }
      const w = Math.max(value > 0 ? 2 : 0, Math.round((Math.max(0, value) / max) * plot))
      out += `<rect x="${labelWidth}" y="${y}" width="${w}" height="${barHeight}" fill="${fill(id, i)}" stroke="${colours[i % colours.length]}" stroke-width="1.5"/>`
      out += `<text x="${labelWidth + w + 6}" y="${y + barHeight - 4}">${escape(View.formatValue(short, value, lang))}</text>`
    })
  })
  out += `<line x1="${labelWidth}" y1="${top - 4}" x2="${labelWidth}" y2="${height - 8}" stroke="#1a1a1a" stroke-width="1"/>`
  return `${out}</svg>`
}

const fill = (id: string, i: number) => (i % 2 === 1 ? `url(#${id}-hatch)` : colours[i % colours.length]!)
