import type { DateTime } from 'luxon'

/**
 * The current UTC time in the format Lucid writes for timestamp columns.
 * Raw query-builder updates need it: given a JS Date, better-sqlite3 would
 * store a number that Lucid's datetime columns cannot read back.
 */
export function sqlNow(at?: DateTime) {
  return at ? at.toUTC().toFormat('yyyy-MM-dd HH:mm:ss') : sqlTime(Date.now())
}

/** `sqlNow` for a time in epoch milliseconds, without luxon (it is on the login path). */
export function sqlTime(ms: number) {
  return sqlTimeMs(ms).slice(0, 19)
}

/**
 * A UTC time with milliseconds, for `dateTime(..., { precision: 3 })`
 * columns compared in SQL (fixed width, so SQLite compares the text right).
 */
export function sqlTimeMs(at: Date | number = Date.now()) {
  return new Date(at).toISOString().slice(0, 23).replace('T', ' ')
}
