/**
 * Calendar dates (`2020-12-10`) without a time of day, for decisions, periods and due dates.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

const isValidDate = (s: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (m === null) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
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
