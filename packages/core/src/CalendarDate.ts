/**
 * Calendar dates (`2020-12-10`) without a time of day, for decisions, periods and due dates.
 *
 * @module
 * @group Kernel
 * @since 0.1.0
 */
import { Clock, Effect, Order, Schema } from "effect"
import type { Exit } from "effect"
import * as Validation from "./Validation.ts"

const shape = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

const isValidDate = (s: string): boolean => {
  if (!shape.test(s)) return false
  const day = Number(s.slice(8, 10))
  if (day <= 28) return true
  const month = Number(s.slice(5, 7))
  if (month === 2) {
    const year = Number(s.slice(0, 4))
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
    return day <= (leap ? 29 : 28)
  }
  return day <= 30 || [1, 3, 5, 7, 8, 10, 12].includes(month)
}

/**
 * An ISO 8601 calendar date, `YYYY-MM-DD`, that exists in the Gregorian calendar.
 *
 * @category schemas
 * @since 0.1.0
 */
export const CalendarDate = Schema.String.check(
  Schema.makeFilter(
    isValidDate,
    Validation.message({ sv: "Förväntade ett datum som ÅÅÅÅ-MM-DD", en: "Expected a calendar date as YYYY-MM-DD" }, "calendar-date")
  )
).pipe(Schema.brand("CalendarDate"))
/**
 * @category models
 * @since 0.1.0
 */
export type CalendarDate = typeof CalendarDate.Type

/**
 * A date from a plain string, checked: a `ValidationError` (rule `calendar-date`) unless it is
 * `YYYY-MM-DD` and exists in the Gregorian calendar. Like every kernel `make`, it returns an
 * `Exit`: yield it in `Effect.gen`, or check it synchronously.
 *
 * @example
 * ```ts
 * import { CalendarDate } from "@localrights/core"
 * import { Effect, Exit } from "effect"
 *
 * const decided = CalendarDate.make("2020-12-10") // Exit.succeed("2020-12-10")
 * Exit.isFailure(CalendarDate.make("2021-02-29")) // true: rule calendar-date
 *
 * const program = Effect.gen(function*() {
 *   const date = yield* CalendarDate.make("2020-12-10")
 *   return date
 * })
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const make: (date: string) => Exit.Exit<CalendarDate, Validation.ValidationError> = Validation.decoderExit(
  CalendarDate,
  "CalendarDate"
)

/**
 * The time zone "today" is reckoned in unless told otherwise: `Europe/Stockholm`.
 *
 * @category rules
 * @since 0.2.0
 */
export const defaultTimeZone = "Europe/Stockholm"

const formats = new Map<string, Intl.DateTimeFormat>()

/**
 * The calendar date of an instant (epoch milliseconds) in a time zone, Europe/Stockholm by
 * default: `2020-12-31T23:30:00Z` is `2021-01-01` in Stockholm. This is the one rule for what
 * day it is; {@link today} applies it to the `Clock`.
 *
 * @example
 * ```ts
 * import { CalendarDate } from "@localrights/core"
 *
 * CalendarDate.inTimeZone(Date.UTC(2020, 11, 31, 23, 30)) // "2021-01-01"
 * CalendarDate.inTimeZone(Date.UTC(2020, 11, 31, 23, 30), "UTC") // "2020-12-31"
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const inTimeZone = (millis: number, timeZone: string = defaultTimeZone): CalendarDate => {
  let format = formats.get(timeZone)
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
    formats.set(timeZone, format)
  }
  let year = ""
  let month = ""
  let day = ""
  for (const part of format.formatToParts(millis)) {
    if (part.type === "year") year = part.value
    else if (part.type === "month") month = part.value
    else if (part.type === "day") day = part.value
  }
  return `${year.padStart(4, "0")}-${month}-${day}` as CalendarDate
}

/**
 * Today's date in a time zone, from `Clock` (so `TestClock` sets it in tests).
 *
 * @category constructors
 * @since 0.2.0
 */
export const todayIn = (timeZone: string): Effect.Effect<CalendarDate> =>
  Effect.map(Clock.currentTimeMillis, (millis) => inTimeZone(millis, timeZone))

/**
 * Today's date in Europe/Stockholm, from `Clock`: the date every decision, submission and
 * export of this package carries.
 *
 * @example
 * ```ts
 * import { CalendarDate } from "@localrights/core"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const date = yield* CalendarDate.today
 *   return date
 * })
 * ```
 *
 * @category constructors
 * @since 0.2.0
 */
export const today: Effect.Effect<CalendarDate> = todayIn(defaultTimeZone)

/**
 * Compares two dates: negative, zero or positive.
 *
 * @category rules
 * @since 0.1.0
 */
export const compare: Order.Order<CalendarDate> = Order.String
