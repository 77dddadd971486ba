import { DateTime } from 'luxon'

/**
 * The current UTC time in the format Lucid writes for timestamp columns.
 * Raw query-builder updates need it: given a JS Date, better-sqlite3 would
 * store a number that Lucid's datetime columns cannot read back.
 */
export function sqlNow(at: DateTime = DateTime.utc()) {
  return at.toUTC().toFormat('yyyy-MM-dd HH:mm:ss')
}

/**
 * A UTC time with milliseconds, for `dateTime(..., { precision: 3 })`
 * columns compared in SQL (fixed width, so SQLite compares the text right).
 */
export function sqlTimeMs(at: Date | number = Date.now()) {
  return DateTime.fromMillis(typeof at === 'number' ? at : at.getTime(), { zone: 'utc' }).toFormat(
    'yyyy-MM-dd HH:mm:ss.SSS'
  )
}
