import { DateTime } from 'luxon'

/**
 * The current UTC time in the format Lucid writes for timestamp columns.
 * Raw query-builder updates need it: given a JS Date, better-sqlite3 would
 * store a number that Lucid's datetime columns cannot read back.
 */
export function sqlNow(at: DateTime = DateTime.utc()) {
  return at.toUTC().toFormat('yyyy-MM-dd HH:mm:ss')
}
