import { assert, describe, it } from "@effect/vitest"
import { ChangeLog, Interest, Organisation, Partnership, Stores } from "@localrights/core"
import { IcldCohort2020 } from "@localrights/core/examples"
import { Effect, Exit } from "effect"
import { problemPaths as paths } from "./problemPaths.ts"

const change = ChangeLog.change("tester", "Intresseanmälan via formulär")

const form = (id = "exempelby", overrides: Record<string, unknown> = {}) => ({
  programme: IcldCohort2020.programme.id,
  applicant: { id, kind: "municipality", name: { sv: "Exempelby kommun", en: "Exempelby Municipality" } },
  contact: { name: "Kim Kontakt", email: "kim.kontakt@exempelby.example", role: { sv: "MR-strateg" } },
  challenge: { sv: "Ungas delaktighet i kommunens beslut" },
  focusArea: "young-people",
  consent: true,
  ...overrides
})

const decodeExit = (input: unknown) => Effect.runSync(Effect.exit(Interest.decodeForm(input)))

describe("InterestForm", () => {
  it("refuses a form without consent, naming consent", () => {
    assert.deepStrictEqual(paths(decodeExit(form("exempelby", { consent: false }))), ["consent"])
    const { consent: _, ...without } = form()
    assert.deepStrictEqual(paths(decodeExit(without)), ["consent"])
  })

  it("refuses bad fields with their paths", () => {
    const exit = decodeExit(form("exempelby", {
      applicant: { id: "exempelby", kind: "university", name: {} },
      contact: { name: "Kim", email: "not-an-address" },
      focusArea: "sports"
    }))
    assert.sameMembers(paths(exit), ["applicant.kind", "applicant.name", "contact.email", "focusArea"])
  })

  it.prop("accepts every well-formed form with consent", [Interest.Form], ([value]) => {
    assert.isTrue(Exit.isSuccess(decodeExit(value)))
  }, { arbitrary: { runs: 50 } })

  it.effect("creates the partnership as interest-registered and keeps the contact in the expression only", () =>
    Effect.gen(function*() {
      yield* IcldCohort2020.load
      const { expression, partnership } = yield* Interest.submit(form(), change)
      assert.strictEqual(partnership.status, "interest-registered")
      assert.deepStrictEqual(partnership.focusAreas, ["young-people"])
      assert.strictEqual(partnership.swedishPartner, "exempelby")
      assert.notInclude(JSON.stringify(partnership), "Kim")
      const org = yield* (yield* Organisation.Store).get("exempelby")
      assert.deepStrictEqual(org.contacts, [])
      const stored = yield* (yield* Interest.Store).get(expression.id)
      assert.strictEqual(stored.contact?.name, "Kim Kontakt")
      const history = yield* (yield* Partnership.Store).history(partnership.id)
      assert.deepStrictEqual(history.map((r) => r.command), ["RegisterInterest"])
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("refuses a second expression from the same organisation for the same programme", () =>
    Effect.gen(function*() {
      yield* IcldCohort2020.load
      yield* Interest.submit(form(), change)
      const again = yield* Interest.submit(form("exempelby", { contact: { name: "Someone Else" } }), change).pipe(Effect.flip)
      assert.strictEqual(again._tag, "DuplicateExpression")
      if (again._tag === "DuplicateExpression") {
        assert.deepStrictEqual(again.violations.map((v) => [v.field, v.rule]), [["applicant.id", "one-expression-per-programme"]])
        assert.strictEqual(again.existing, "exempelby-icld-mr-2020")
      }
      // Falun already takes part under another partnership id
      const falun = yield* Interest.submit(form("falun"), change).pipe(Effect.flip)
      assert.strictEqual(falun._tag, "DuplicateExpression")
      if (falun._tag === "DuplicateExpression") assert.strictEqual(falun.existing, "falun-mr-2020")
      assert.strictEqual((yield* (yield* Interest.Store).list()).length, 1)
    }).pipe(Effect.provide(Stores.layerMemory)))

  it.effect("refuses an unknown programme before storing anything", () =>
    Effect.gen(function*() {
      yield* IcldCohort2020.load
      const missing = yield* Interest.submit(form("exempelby", { programme: "no-such-programme" }), change).pipe(Effect.flip)
      assert.strictEqual(missing._tag, "NotFound")
      const org = yield* (yield* Organisation.Store).find("exempelby")
      assert.isTrue(org._tag === "None")
    }).pipe(Effect.provide(Stores.layerMemory)))
})
