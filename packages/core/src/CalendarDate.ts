/**
 * Calendar dates (`2020-12-10`) without a time of day, for decisions, periods and due dates.
 *
 * @module
 * @group Kernel
 * @since 0.1.0
 */
import { Schema } from "effect"

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
  Schema.makeFilter(isValidDate, { message: "Expected a calendar date as YYYY-MM-DD" })
).pipe(Schema.brand("CalendarDate"))
/**
 * @category models
 * @since 0.1.0
 */
export type CalendarDate = typeof CalendarDate.Type

/**
 * The UTC calendar date of an instant in epoch milliseconds.
 *
 * @category constructors
 * @since 0.1.0
 */
export const fromEpochMillis = (millis: number): CalendarDate => new Date(millis).toISOString().slice(0, 10) as CalendarDate

/**
 * Compares two dates: negative, zero or positive.
 *
 * @category rules
 * @since 0.1.0
 */
export const compare = (a: CalendarDate, b: CalendarDate): number => (a < b ? -1 : a > b ? 1 : 0)
