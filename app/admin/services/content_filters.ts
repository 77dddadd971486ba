import { UserDirectory } from '#accounts/public'
import type { CategoryTree, StaffContentFilter } from '#board/public'
import { queryText } from '#admin/services/page_number'

export interface ContentFilters {
  status: 'live' | 'deleted'
  /** The board's name as given (kept in the form) and its id when it is a board. */
  board: string
  boardId: number | null
  author: string
}

/**
 * The moderation lists' filters from the query string. An unknown board or
 * status is ignored rather than refused: the list shows everything and the
 * form shows what was asked.
 */
export function contentFilters(qs: Record<string, unknown>, tree: CategoryTree): ContentFilters {
  const board = queryText(qs.board, 50)
  const node = board ? tree.byName(board) : undefined
  return {
    status: qs.status === 'deleted' ? 'deleted' : 'live',
    board,
    boardId: node && node.parentId === null ? node.id : null,
    author: queryText(qs.author, 100),
  }
}

/** The query string of the filters (for pagination links). */
export function filtersQuery(filters: ContentFilters, page?: number) {
  const params = new URLSearchParams({ status: filters.status })
  if (filters.board) params.set('board', filters.board)
  if (filters.author) params.set('author', filters.author)
  if (page) params.set('page', String(page))
  return params.toString()
}

/** The board's filter for these filters, or null when the author named has no account. */
export async function staffFilter(filters: ContentFilters): Promise<StaffContentFilter | null> {
  const authorId = filters.author ? await UserDirectory.idByName(filters.author) : null
  if (filters.author && authorId === null) return null
  return { status: filters.status, boardId: filters.boardId, authorId }
}
