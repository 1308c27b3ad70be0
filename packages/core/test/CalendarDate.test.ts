import { assert, describe, it } from "@effect/vitest"
import { CalendarDate, Validation } from "@localrights/core"
import { Exit } from "effect"
import * as fc from "fast-check"

const decode = Validation.decoderExit(CalendarDate.CalendarDate, "CalendarDate")

describe("CalendarDate", () => {
  it("accepts exactly the dates of the Gregorian calendar", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const text = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`
        const date = new Date(Date.UTC(y, m - 1, d))
        const real = m >= 1 && m <= 12 && d >= 1 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
        assert.strictEqual(Exit.isSuccess(decode(text)), real, text)
      }),
      { numRuns: 2000 }
    )
    for (const ok of ["2020-02-29", "2000-02-29", "2020-12-10", "2015-02-01"]) assert.isTrue(Exit.isSuccess(decode(ok)), ok)
    for (const bad of ["1900-02-29", "2021-02-29", "2020-04-31", "2020-1-01", "20200101", "2020-12-10T00:00"]) {
      assert.isTrue(Exit.isFailure(decode(bad)), bad)
    }
  })

  it("orders dates", () => {
    assert.isBelow(CalendarDate.compare("2015-02-01" as CalendarDate.CalendarDate, "2017-06-30" as CalendarDate.CalendarDate), 0)
    assert.strictEqual(CalendarDate.fromEpochMillis(Date.UTC(2020, 11, 10, 23, 59)), "2020-12-10")
  })
})
