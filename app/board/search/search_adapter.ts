import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import type { SearchFilter } from '#board/search/search_filter'
import { LikeSearch } from '#board/search/like_search'
import { Fts5Search } from '#board/search/fts5_search'
import { TermSearch } from '#board/search/term_search'

let adapter: SearchFilter | undefined

/**
 * SEARCH_ADAPTER=like forces escaped LIKE; "auto" (default) picks FTS5 on
 * SQLite and the term index on MariaDB.
 */
export function searchAdapter(): SearchFilter {
  if (adapter) return adapter
  const choice = env.get('SEARCH_ADAPTER') ?? 'auto'
  if (choice === 'like') adapter = new LikeSearch()
  else adapter = db.connection().dialect.name === 'mysql' ? new TermSearch() : new Fts5Search()
  return adapter
}
