import db from '@adonisjs/lucid/services/db'
import type { PageRequest } from '#board/domain/page_request'
import type { ListScope } from '#board/services/list_scope'
import type { PostRow } from '#board/transformers/post_json'
import { POST_SEARCH_DEFAULTS, type PostSearchOptions } from '#board/search/post_search_options'
import { LikePostSearch } from '#board/search/adapters/like/like_post_search'
import { Fts5PostSearch } from '#board/search/adapters/fts5/fts5_post_search'
import { TermIndexPostSearch } from '#board/search/adapters/term_index/term_index_post_search'

/**
 * Post search: the one entry of app/board/search. The rest of the board
 * imports this file only; the adapters and helpers beside it are private.
 *
 * A keyword matches a post when its current title or content contains the
 * keyword literally (case-insensitive, `%` and `_` plain characters), or
 * when its author's name does. Adapters (adapters/) differ in the index
 * that finds text matches, never in what a list looks like:
 * - like: escaped LIKE, on every database (SEARCH_ADAPTER=like);
 * - fts5: SQLite's FTS5 finds candidates, the LIKE confirms (SQLite default);
 * - term_index: MariaDB's term index (post_terms) (MariaDB default).
 */
export interface PostSearch {
  readonly name: string
  /** A page of the list's posts matching `keyword`, newest first, and their total. */
  page(scope: ListScope, keyword: string, page: PageRequest): Promise<SearchPage>
}

/** "eq": `total` is exact; "gte": more posts match and `total` is a lower bound. */
export type TotalRelation = 'eq' | 'gte'

export interface SearchPage {
  /** Up to `size + 1` rows, newest first (one more than a page tells that more follow). */
  rows: PostRow[]
  total: number
  totalRelation: TotalRelation
}

let chosen: PostSearch | undefined

/**
 * The adapter for this app: SEARCH_ADAPTER=like forces escaped LIKE;
 * "auto" (default) picks FTS5 on SQLite and the term index on MariaDB.
 * `options` (tests) tune the planner; without them the one default
 * instance is shared.
 *
 * SEARCH_ADAPTER is read from process.env, where start/env put it and
 * checked it when the app booted: importing #start/env here would run its
 * checks when Ace loads the commands that reach this file (demo:seed,
 * category:delete), before any .env is loaded.
 */
export function postSearch(options?: Partial<PostSearchOptions>): PostSearch {
  if (!options && chosen) return chosen
  const tuned = { ...POST_SEARCH_DEFAULTS, ...options }
  const choice = process.env.SEARCH_ADAPTER || 'auto'
  let search: PostSearch
  if (choice === 'like') search = new LikePostSearch(tuned)
  else if (db.connection().dialect.name === 'mysql') search = new TermIndexPostSearch(tuned)
  else search = new Fts5PostSearch(tuned)
  if (!options) chosen = search
  return search
}

export { POST_SEARCH_DEFAULTS, type PostSearchOptions }
export { SearchIndex, type IndexedPost } from '#board/search/search_index'
