/**
 * Escapes LIKE wildcards so user text matches literally. Use with
 * `whereRaw('column like ? escape ?', [pattern, LIKE_ESCAPE])`; "!" is the
 * escape character because a backslash means different things in MariaDB
 * and SQLite string literals.
 */
export const LIKE_ESCAPE = '!'

export function escapeLike(value: string) {
  return value.replace(/[!%_]/g, (char) => `!${char}`)
}

/** A pattern matching `value` anywhere, literally. */
export function containsPattern(value: string) {
  return `%${escapeLike(value)}%`
}
