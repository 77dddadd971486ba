import { decodeCursor } from '#board/domain/cursor'

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
