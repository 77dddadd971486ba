import type { DateTime } from 'luxon'

/**
 * A UTC time as both databases store it: "yyyy-MM-dd HH:mm:ss.SSS". Raw
 * query-builder writes and SQL comparisons need it: given a JS Date,
 * better-sqlite3 would store a number that Lucid's datetime columns cannot
 * read back. Always fixed width with milliseconds, so SQLite (which stores
 * the text) compares and sorts it right, and an edit in the second of the
 * write before it still reads as later.
 */
export function sqlTime(at: Date | number = Date.now()) {
  return new Date(at).toISOString().slice(0, 23).replace('T', ' ')
}

/** `sqlTime` of a luxon time, or of now. */
export function sqlNow(at?: DateTime) {
  return sqlTime(at ? at.toMillis() : Date.now())
}
