/**
 * The 1-based page number of a query string value; anything that is not a
 * positive integer (a typo, a negative, a huge number) means page 1 rather
 * than an error page.
 */
export function pageNumber(value: unknown, max = 100_000) {
  if (typeof value !== 'string' && typeof value !== 'number') return 1
  const page = Number(value)
  return Number.isInteger(page) && page >= 1 && page <= max ? page : 1
}

/** A short text query from the query string: trimmed, at most `max` characters. */
export function queryText(value: unknown, max = 100) {
  return typeof value === 'string' ? value.trim().slice(0, max) : ''
}
