/** Opaque keyset cursors of the report queue: the id of a page's last case. */
export function encodeCursor(lastId: number) {
  return Buffer.from(JSON.stringify({ id: lastId })).toString('base64url')
}

/** The id inside a cursor, or null when the cursor is not one of ours. */
export function decodeCursor(cursor: string): number | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null
  try {
    const id = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))?.id
    return Number.isSafeInteger(id) && id > 0 ? id : null
  } catch {
    return null
  }
}
