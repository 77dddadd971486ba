import { DateTime } from 'luxon'

/**
 * ISO 8601 UTC ("...Z") from a raw timestamp column: MariaDB drivers give
 * a Date, SQLite the "yyyy-MM-dd HH:mm:ss" text Lucid stored (always UTC).
 */
export function toIso(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return value.toISOString()
  const parsed = DateTime.fromSQL(value, { zone: 'utc' })
  return parsed.isValid
    ? parsed.toISO({ suppressMilliseconds: false })!.replace('+00:00', 'Z')
    : value
}
