/** How a search plans a keyword list; the defaults serve the app, tests force each path. */
export interface PostSearchOptions {
  /** Posts of the list looked at first, to tell a common keyword from a rare one. */
  sampleSize: number
  /** Matches in that sample from which a newest-first scan beats the search index. */
  commonMatches: number
  /** Posts a newest-first scan may read for one page before the index takes over. */
  scanWindow: number
  /** Share of sampled posts matching above which the index is slower than any scan: no window then. */
  unboundedScanShare: number
  /** Matches counted exactly through the index; beyond, `total` is a lower bound. */
  maxCounted: number
  /** Lets an adapter answer from its index alone where it can (off: always plan). */
  indexedPages: boolean
  /** Adapter's phrase answers: below this many posts of its rarest word, every match is read. */
  phraseReadAll: number
}

export const POST_SEARCH_DEFAULTS: PostSearchOptions = {
  sampleSize: 1000,
  commonMatches: 3,
  scanWindow: 20_000,
  unboundedScanShare: 0.02,
  maxCounted: 10_000,
  indexedPages: true,
  phraseReadAll: 2_000,
}
