import { DateTime } from 'luxon'

/** The text SQLite holds: "yyyy-MM-dd HH:mm:ss.SSS" (`sqlTime`), or whole seconds from older writers. */
const SQL_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(\.\d{3})?$/

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/**
 * Whether "yyyy-MM-dd HH:mm:ss..." names a real calendar time (2026-02-30
 * does not). Checked with arithmetic rather than a round trip through
 * Date: every post of a list page has two timestamps to format.
 */
function isCalendarTime(text: string) {
  const field = (from: number, to: number) => Number(text.slice(from, to))
  const [year, month, day] = [field(0, 4), field(5, 7), field(8, 10)]
  if (month < 1 || month > 12 || day < 1) return false
  const leapDay = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0
  return (
    day <= DAYS_IN_MONTH[month - 1] + leapDay &&
    field(11, 13) < 24 &&
    field(14, 16) < 60 &&
    field(17, 19) < 60
  )
}

/**
 * ISO 8601 UTC with milliseconds ("...123Z") from a raw time column:
 * MariaDB drivers give a Date, SQLite the "yyyy-MM-dd HH:mm:ss.SSS" text
 * `sqlTime` wrote (always UTC).
 * That text is rewritten directly: parsing it with luxon was one of the
 * largest allocations of a SQLite list request. Other shapes still go
 * through luxon.
 */
export function toIso(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return value.toISOString()
  const sql = SQL_TIMESTAMP.exec(value)
  if (sql && isCalendarTime(value)) return `${sql[1]}T${sql[2]}${sql[3] ?? '.000'}Z`
  const parsed = DateTime.fromSQL(value, { zone: 'utc' })
  return parsed.isValid
    ? parsed.toISO({ suppressMilliseconds: false })!.replace('+00:00', 'Z')
    : value
}
