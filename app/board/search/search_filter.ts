import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { PageRequest } from '#board/domain/page_request'
import type { ListScope } from '#board/services/list_scope'

/**
 * The search port: narrows a posts query (aliased `p`) to posts whose
 * current title or content match a keyword, or whose author is one of
 * `authorIds` (resolved once per search by `matchingAuthorIds`). Adapters
 * differ in how they find text matches, not in what a list looks like.
 */
export interface SearchFilter {
  readonly name: string
  apply(query: DatabaseQueryBuilderContract, keyword: string, authorIds: number[]): void
  /**
   * A page of a keyword list and its total straight from the adapter's
   * index, for keywords it can answer without the planner; null otherwise.
   */
  indexedPage?(
    scope: ListScope,
    keyword: string,
    authorIds: Promise<number[]>,
    page: PageRequest,
    limits: IndexedPageLimits
  ): Promise<IndexedPage | null>
}

export interface IndexedPageLimits {
  /** Matches counted exactly; beyond, `total` is a lower bound. */
  maxCounted: number
  /** A phrase whose rarest word is in at most this many posts is read whole (exact total). */
  phraseReadAll: number
}

export interface IndexedPage {
  /** Up to `size + 1` post ids, newest first. */
  ids: number[]
  total: number
  totalRelation: 'eq' | 'gte'
}

/**
 * Applies `textMatch`, or'ed with the author ids when there are any. Kept
 * apart because an OR over two subqueries makes MariaDB scan the board,
 * while the text match alone drives the plan from the search index.
 */
export function textOrAuthor(
  query: DatabaseQueryBuilderContract,
  authorIds: number[],
  textMatch: (where: DatabaseQueryBuilderContract) => void
) {
  if (!authorIds.length) return textMatch(query)
  query.where((where) => {
    where.where((text) => textMatch(text)).orWhereIn('p.user_id', authorIds)
  })
}
