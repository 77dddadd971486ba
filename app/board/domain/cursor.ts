/**
 * Opaque keyset cursors. Lists ordered by id carry the id of a page's last
 * row: "after this id" is exact and index-friendly at any depth. Lists
 * ordered by another column (the `activity` and `top` sorts) carry that
 * column's value too, and the sort, so a cursor of one sort is refused by
 * another.
 */
export function encodeCursor(lastId: number) {
  return Buffer.from(JSON.stringify({ id: lastId })).toString('base64url')
}

/** The id inside a cursor, or null when the cursor is not one of ours. */
export function decodeCursor(cursor: string): number | null {
  const value = parse(cursor)
  if (!value || value.s !== undefined) return null
  return validId(value.id)
}

/** The sort key of a row: a "yyyy-MM-dd HH:mm:ss.SSS" UTC time or a count. */
export type SortKey = string | number

export function encodeSortCursor(sort: string, key: SortKey, lastId: number) {
  return Buffer.from(JSON.stringify({ s: sort, k: key, id: lastId })).toString('base64url')
}

const SQL_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/

/** The key and id of a cursor issued for `sort` (a time or an integer key), or null. */
export function decodeSortCursor(
  cursor: string,
  sort: string,
  keyKind: 'time' | 'count'
): { key: SortKey; id: number } | null {
  const value = parse(cursor)
  const id = validId(value?.id)
  if (!value || value.s !== sort || id === null) return null
  const key = value.k
  const valid =
    keyKind === 'time'
      ? typeof key === 'string' && SQL_TIME.test(key)
      : Number.isSafeInteger(key) && Math.abs(key) < 2 ** 31
  return valid ? { key, id } : null
}

function parse(cursor: string): Record<string, any> | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    return value && typeof value === 'object' ? value : null
  } catch {
    return null
  }
}

function validId(id: unknown) {
  return Number.isSafeInteger(id) && (id as number) > 0 ? (id as number) : null
}
