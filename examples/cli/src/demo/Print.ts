/**
 * Output helpers for the demo: headings and bilingual lines.
 */
import { Console, Effect } from "effect"
import { ChangeLog, LocalizedText, Partnership, Refusal } from "@localrights/core"

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

/**
 * An error the demo expects: a refusal of core (any of them) explained in both languages with
 * `explain(lang)`, anything else by its message.
 */
export const refusal = (error: { readonly message: string }) =>
  Refusal.isRefusal(error)
    ? Effect.forEach(["sv", "en"] as const, (lang) => line(`[${lang}] ${error.explain(lang).replaceAll("\n", "\n       ")}`), { discard: true })
    : line(error.message)

/** A change by the demo to a stored partnership, stating the version just read. */
export const onPartnership = (id: string, reason: string) =>
  Effect.gen(function*() {
    const current = yield* (yield* Partnership.Store).get(id)
    return ChangeLog.change("icld-demo", reason, current.version)
  })
