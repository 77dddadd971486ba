import type { TotalRelation } from '#board/search/post_search'

/** A page of a keyword list answered from the term index alone: ids first, rows fetched after. */
export interface IndexedPage {
  /** Up to `size + 1` post ids, newest first. */
  ids: number[]
  total: number
  totalRelation: TotalRelation
}

export interface IndexedPageLimits {
  /** Matches counted exactly; beyond, `total` is a lower bound. */
  maxCounted: number
  /** A phrase whose rarest word is in at most this many posts is read whole (exact total). */
  phraseReadAll: number
}
