import {
  decodeCursor,
  decodeSortCursor,
  encodeCursor,
  encodeSortCursor,
  type SortKey,
} from '#board/domain/cursor'
import type { PostOrder } from '#board/domain/post_order'

export interface PageRequest {
  size: number
  /** 1-based page (offset pagination) when no cursor is given. */
  page: number
  /** Keyset: rows after this id (in the list's order). */
  afterId: number | null
  /** Keyset of a list sorted by another column: rows after this key (then after afterId). */
  afterKey?: SortKey
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

/** The name a sorted list's cursors carry: a `top` cursor is its period's only. */
export function cursorSortName(order: PostOrder) {
  return order.sort === 'top' ? `top:${order.period}` : order.sort
}

/**
 * pageRequest for a post list in `order`: `latest` takes id cursors, the
 * other sorts cursors of their own (null when the cursor is not one).
 */
export function listPageRequest(
  input: { size?: number; page?: number; cursor?: string },
  order: PostOrder
): PageRequest | null {
  if (order.sort === 'latest') return pageRequest(input)
  const base = pageRequest({ size: input.size, page: input.page })!
  if (input.cursor === undefined) return base
  const kind = order.sort === 'activity' ? 'time' : 'count'
  const cursor = decodeSortCursor(input.cursor, cursorSortName(order), kind)
  if (!cursor) return null
  return { ...base, page: 1, afterId: cursor.id, afterKey: cursor.key }
}

/**
 * A page from rows read one past its size (newest or oldest first, by id):
 * the page's rows, and the cursor of the next page, null on the last.
 * `sortKey` makes the cursor of a list sorted by another column.
 */
export function pageOf<Row extends { id: unknown }>(
  rows: Row[],
  page: PageRequest,
  sortKey?: { name: string; of: (row: Row) => SortKey }
) {
  const pageRows = rows.slice(0, page.size)
  const last = pageRows.at(-1)
  let nextCursor: string | null = null
  if (rows.length > page.size && last) {
    nextCursor = sortKey
      ? encodeSortCursor(sortKey.name, sortKey.of(last), Number(last.id))
      : encodeCursor(Number(last.id))
  }
  return { rows: pageRows, nextCursor }
}
