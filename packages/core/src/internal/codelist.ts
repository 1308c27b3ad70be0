/**
 * A string schema checked against a codelist (rule `codelist`): the shared body of
 * `Country.CountryCode` and `Money.CurrencyCode`. JSON Schema lists the codes as an `enum`;
 * generated test data draws from the codelist.
 */
import { Schema } from "effect"
import * as Validation from "../Validation.ts"

const escape = (code: string): string => code.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

export const codelist = (
  codes: ReadonlyArray<string>,
  text: { readonly sv: string; readonly en: string }
) => {
  const known: ReadonlySet<string> = new Set(codes)
  return Schema.String.check(
    Schema.makeFilter((code: string) => known.has(code), {
      ...Validation.message(text, "codelist"),
      expected: text.en.replace(/^Expected /, ""),
      toJsonSchema: () => ({ enum: [...codes] }),
      arbitraryConstraint: { patterns: [{ source: `^(?:${codes.map(escape).join("|")})$`, flags: "" }] }
    })
  )
}
