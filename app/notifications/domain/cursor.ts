/**
 * Opaque keyset cursors for the notification list: the id of the last
 * notification of a page (the list is newest first, so the next page is
 * "ids below this one").
 */
export function encodeCursor(lastId: number) {
  return Buffer.from(JSON.stringify({ n: lastId })).toString('base64url')
}

/** The id inside a cursor, or null when the cursor is not one of ours. */
export function decodeCursor(cursor: string): number | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    const id = value?.n
    return Number.isSafeInteger(id) && id > 0 ? id : null
  } catch {
    return null
  }
}
