import { DateTime } from 'luxon'

/** The text Lucid stores in SQLite: "yyyy-MM-dd HH:mm:ss", optionally with milliseconds. */
const SQL_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(\.\d{3})?$/

/**
 * ISO 8601 UTC ("...Z") from a raw timestamp column: MariaDB drivers give
 * a Date, SQLite the "yyyy-MM-dd HH:mm:ss" text Lucid stored (always UTC).
 * That text is rewritten directly: parsing it with luxon was a fifth of all
 * the memory a SQLite list request allocated (docs/performance.md). Other
 * shapes still go through luxon.
 */
export function toIso(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return value.toISOString()
  const sql = SQL_TIMESTAMP.exec(value)
  if (sql) {
    const iso = `${sql[1]}T${sql[2]}${sql[3] ?? '.000'}Z`
    // A real calendar time comes back unchanged (2026-02-30 would not).
    const date = new Date(iso)
    if (!Number.isNaN(date.getTime()) && date.toISOString() === iso) return iso
  }
  const parsed = DateTime.fromSQL(value, { zone: 'utc' })
  return parsed.isValid
    ? parsed.toISO({ suppressMilliseconds: false })!.replace('+00:00', 'Z')
    : value
}
