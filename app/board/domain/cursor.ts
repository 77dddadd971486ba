/**
 * Opaque keyset cursors: the id of the last row of a page. Lists are
 * ordered by id, so "after this id" is exact and index-friendly at any depth.
 */
export function encodeCursor(lastId: number) {
  return Buffer.from(JSON.stringify({ id: lastId })).toString('base64url')
}

/** The id inside a cursor, or null when the cursor is not one of ours. */
export function decodeCursor(cursor: string): number | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    const id = value?.id
    return Number.isSafeInteger(id) && id > 0 ? id : null
  } catch {
    return null
  }
}
