import { decodeCursor, encodeCursor } from '#board/domain/cursor'

export interface PageRequest {
  size: number
  /** 1-based page (offset pagination) when no cursor is given. */
  page: number
  /** Keyset: rows after this id (in the list's order). */
  afterId: number | null
}

export const DEFAULT_PAGE_SIZE = 10
export const MAX_PAGE_SIZE = 100

/** Normalises validated `size`, `page` and `cursor` query values; null cursor id means invalid. */
export function pageRequest(input: {
  size?: number
  page?: number
  cursor?: string
}): PageRequest | null {
  const afterId = input.cursor === undefined ? null : decodeCursor(input.cursor)
  if (input.cursor !== undefined && afterId === null) return null
  return {
    size: input.size ?? DEFAULT_PAGE_SIZE,
    page: input.cursor ? 1 : (input.page ?? 1),
    afterId,
  }
}

/**
 * A page from rows read one past its size (newest or oldest first, by id):
 * the page's rows, and the cursor of the next page, null on the last.
 */
export function pageOf<Row extends { id: unknown }>(rows: Row[], page: PageRequest) {
  const pageRows = rows.slice(0, page.size)
  const nextCursor = rows.length > page.size ? encodeCursor(Number(pageRows.at(-1)!.id)) : null
  return { rows: pageRows, nextCursor }
}
