/** A UTC day as `yyyy-MM-dd`: today's, or that of the given time. */
export function utcDay(at: Date | number = Date.now()) {
  return new Date(at).toISOString().slice(0, 10)
}

/**
 * The `yyyy-MM-dd` of a DATE column as the drivers return it: MariaDB's
 * gives a Date at UTC midnight (the connection's time zone is UTC), SQLite
 * the text that was stored.
 */
export function dayFromColumn(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return utcDay(value)
  return String(value).slice(0, 10)
}
