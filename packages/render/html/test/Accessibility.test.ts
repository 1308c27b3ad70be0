/**
 * axe-core in a real Chromium over every rendered page, in both languages: 0 violations of
 * WCAG 2.0/2.1/2.2 A and AA rules. Needs Debian's `chromium` (installed by `.ci/run`); without
 * it the suite is skipped with a warning locally and fails on CI.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { RendererTest } from "@localrights/core/testing"
import { HtmlRenderer } from "@localrights/render-html"
import { Effect } from "effect"
import { chromium, type BrowserContext } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
const available = existsSync(executablePath)
if (!available && process.env.CI === undefined) {
  console.warn(`\n!!! Accessibility tests SKIPPED: no Chromium at ${executablePath} (apt-get install chromium). On CI this fails.\n`)
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8")
const html = HtmlRenderer.make()
// Every page at a desktop width and at 320 CSS px (WCAG 2.2 1.4.10 Reflow); the project card
// and network report carry the results sections (goals, indicators, charts, report states).
const widths = [1280, 320] as const
const pages = widths.flatMap((width) =>
  (["sv", "en"] as const).flatMap((lang) =>
    (["ordinary", "hostile"] as const).flatMap((variant) => {
      const views = variant === "ordinary" ? RendererTest.views() : RendererTest.views("<b>\"Fet\" & 'farlig'</b> javascript:alert(1)")
      return html.supports.map((kind) => ({ name: `${kind} ${lang} ${variant} ${width}px`, lang, width, view: views[kind] }))
    })
  )
)

interface AxeResult {
  readonly violations: ReadonlyArray<{ readonly id: string; readonly impact: string; readonly help: string; readonly nodes: ReadonlyArray<{ readonly target: unknown; readonly failureSummary?: string }> }>
}

describe.skipIf(!available && process.env.CI === undefined)("HtmlRenderer accessibility (axe-core in Chromium)", () => {
  let browser: BrowserContext
  let userDataDir: string
  beforeAll(async () => {
    if (!available) throw new Error(`CI: Chromium missing at ${executablePath}`)
    userDataDir = mkdtempSync(join(tmpdir(), "localrights-axe-"))
    // A fresh profile per run: playwright takes it as the persistent context's user data dir.
    browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    })
  })
  afterAll(async () => {
    await browser?.close()
    if (userDataDir !== undefined) rmSync(userDataDir, { recursive: true, force: true })
  })

  it.each(pages)("$name: 0 violations", async ({ view, lang, name, width }) => {
    const doc = await Effect.runPromise(html.render(view, lang))
    const page = await browser.newPage()
    await page.setViewportSize({ width, height: 900 })
    const external: Array<string> = []
    page.on("request", (r) => {
      if (!r.url().startsWith("data:") && r.url() !== "about:blank") external.push(r.url())
    })
    try {
      await page.setContent(doc.body, { waitUntil: "load" })
      await page.addScriptTag({ content: axeSource })
      const result = await page.evaluate(() =>
        (globalThis as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe.run({
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] }
        })
      ) as AxeResult
      const report = result.violations.map((v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary ?? ""}`).join("\n")}`
      )
      expect(report, `${name}\n${report.join("\n")}`).toEqual([])
      expect(external, "no external requests").toEqual([])
      if (view._tag === "ProjectCard" || view._tag === "NetworkReport") {
        // the results sections are there, with their charts and tables
        expect(doc.body).toContain(`id="results-h"`)
        expect(doc.body).toMatch(/<svg [^>]*role="img" aria-labelledby="results-/)
      }
      if (process.env.LOCALRIGHTS_SCREENSHOT !== undefined && name.includes("ordinary")) {
        await page.screenshot({ path: join(process.env.LOCALRIGHTS_SCREENSHOT, `${name.replace(/ /g, "-")}.png`), fullPage: true })
      }
    } finally {
      await page.close()
    }
  })
})
