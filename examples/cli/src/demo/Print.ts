/**
 * Output helpers for the demo: headings and bilingual lines.
 */
import { Console, Effect } from "effect"
import { LocalizedText } from "@localrights/core"

/** A section heading in both languages. */
export const heading = (sv: string, en: string) => Console.log(`\n== ${sv} / ${en} ==`)

/** One line per language, each marked with its language. */
export const both = (text: LocalizedText.LocalizedText) =>
  Effect.forEach(["sv", "en"] as const, (lang) => {
    const r = LocalizedText.get(text, lang)
    return Console.log(`  [${lang}] ${r.text}${r.fallback ? ` (${r.lang === "sv" ? "på svenska" : "in English"}, fallback)` : ""}`)
  }, { discard: true })

/** A plain indented line. */
export const line = (text: string) => Console.log(`  ${text}`)
