import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { containsPattern } from '#core/database/escape_like'
import type { SearchFilter } from '#board/search/search_filter'
import { LikeSearch, authorMatches } from '#board/search/like_search'

/**
 * MariaDB FULLTEXT (InnoDB) in boolean mode. It matches words and word
 * prefixes, not arbitrary substrings: "board" finds "boards" but "oard"
 * finds nothing. Every word of the keyword must occur. Operator characters
 * never reach MATCH: the keyword is split into letters and digits only.
 * Keywords without a word of 3+ characters (InnoDB's minimum) use LIKE.
 */
export class FulltextSearch implements SearchFilter {
  readonly name = 'fulltext'
  #fallback = new LikeSearch()

  apply(query: DatabaseQueryBuilderContract, keyword: string) {
    const words = keyword.split(/[^\p{L}\p{N}]+/u).filter((word) => [...word].length >= 3)
    if (!words.length) return this.#fallback.apply(query, keyword)
    const against = words.map((word) => `+${word}*`).join(' ')
    query.where((where) => {
      where
        .whereRaw(
          'p.id in (select post_id from post_search where match(title, content) against (? in boolean mode))',
          [against]
        )
        .orWhereExists((sub) => authorMatches(sub, containsPattern(keyword)))
    })
  }
}
