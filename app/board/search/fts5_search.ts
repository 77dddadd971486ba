import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { textOrAuthor, type SearchFilter } from '#board/search/search_filter'
import { LikeSearch } from '#board/search/like_search'

/**
 * SQLite FTS5 with the trigram tokenizer: a quoted string matches as a
 * literal, case-insensitive substring, exactly like the LIKE adapter, but
 * through the index. Trigrams need 3 characters; shorter keywords use LIKE.
 */
export class Fts5Search implements SearchFilter {
  readonly name = 'fts5'
  #fallback = new LikeSearch()

  apply(query: DatabaseQueryBuilderContract, keyword: string, authorIds: number[]) {
    if ([...keyword].length < 3) return this.#fallback.apply(query, keyword, authorIds)
    const phrase = `"${keyword.replace(/"/g, '""')}"`
    textOrAuthor(query, authorIds, (where) => {
      where.whereRaw('p.id in (select rowid from post_search where post_search match ?)', [phrase])
    })
  }
}
