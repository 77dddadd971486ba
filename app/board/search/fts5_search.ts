import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { containsPattern } from '#core/database/escape_like'
import type { SearchFilter } from '#board/search/search_filter'
import { LikeSearch, authorMatches } from '#board/search/like_search'

/**
 * SQLite FTS5 with the trigram tokenizer: a quoted string matches as a
 * literal, case-insensitive substring, exactly like the LIKE adapter, but
 * through the index. Trigrams need 3 characters; shorter keywords use LIKE.
 */
export class Fts5Search implements SearchFilter {
  readonly name = 'fts5'
  #fallback = new LikeSearch()

  apply(query: DatabaseQueryBuilderContract, keyword: string) {
    if ([...keyword].length < 3) return this.#fallback.apply(query, keyword)
    const phrase = `"${keyword.replace(/"/g, '""')}"`
    query.where((where) => {
      where
        .whereRaw('p.id in (select rowid from post_search where post_search match ?)', [phrase])
        .orWhereExists((sub) => authorMatches(sub, containsPattern(keyword)))
    })
  }
}
