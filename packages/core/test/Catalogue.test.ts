import { assert, describe, it } from "@effect/vitest"
import { Catalogue } from "@localrights/core"
import * as fc from "fast-check"

// the definition `fold` is optimised from: it must give the same text for every input
const reference = (s: string): string => s.toLocaleLowerCase("sv").normalize("NFD").replace(/\p{Diacritic}/gu, "")

describe("Catalogue.fold", () => {
  it("lower-cases and removes accents", () => {
    assert.strictEqual(Catalogue.fold("Ålänningar i Växjö ^`´ ÉCOLE"), "alanningar i vaxjo  ecole")
    assert.strictEqual(Catalogue.fold("plain ascii"), "plain ascii")
  })

  it("equals the reference definition for every BMP character, alone and before accents", () => {
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue
      const ch = String.fromCharCode(c)
      for (const text of [ch, `${ch}a`, `${ch}\u0301`, `${ch}\u0327\u0301`, `ö${ch}å`]) {
        if (Catalogue.fold(text) !== reference(text)) assert.fail(`fold differs on ${JSON.stringify(text)}`)
      }
    }
  })

  it("equals the reference definition on any text", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: "grapheme" }),
          fc.string({ unit: "binary" }),
          fc.string({ unit: fc.constantFrom(..."aåäöÅÄÖéÉüñøßæĳǅǈȁ^`´¨·ˆ ΣΩ̈İ\u0301\u0308\u0327x".split("")) }),
          fc.string({ unit: fc.integer({ min: 0, max: 0x2ff }).map((c) => String.fromCharCode(c)) })
        ),
        (s) => Catalogue.fold(s) === reference(s)
      ),
      { numRuns: 2000 }
    )
  })
})
