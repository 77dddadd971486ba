import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { textOrAuthor, type SearchFilter } from '#board/search/search_filter'
import { LikeSearch } from '#board/search/like_search'
import { literalTextMatch } from '#board/search/literal_text_match'

/** MariaDB's way to write a LIMIT that keeps every row. */
const ALL_ROWS = '18446744073709551615'

/**
 * MariaDB FULLTEXT (InnoDB, boolean mode) finds candidates through the
 * index; an escaped LIKE on the same post_search rows confirms the literal
 * text: no false positives, `%` and `_` stay literal. FULLTEXT only knows
 * word starts, so a keyword beginning inside a word ("ello" for "hello")
 * finds nothing here, where the LIKE adapter would find it.
 *
 * Operator characters never reach MATCH: the keyword is split into runs
 * of letters, digits and "_" (InnoDB counts "_" as part of a word).
 * Keywords without a word of 3+ characters (InnoDB's minimum) use LIKE.
 * A keyword that is one such word needs no LIKE: a word starting with it
 * contains it (a quarter of the time of a search for a frequent word).
 */
export class FulltextSearch implements SearchFilter {
  readonly name = 'fulltext'
  #fallback = new LikeSearch()

  apply(query: DatabaseQueryBuilderContract, keyword: string, authorIds: number[]) {
    const words = keyword.split(/[^\p{L}\p{N}_]+/u).filter((word) => [...word].length >= 3)
    if (!words.length) return this.#fallback.apply(query, keyword, authorIds)
    const against = words.map((word) => `+${word}*`).join(' ')
    let candidates =
      'select post_id from post_search where match(title, content) against (? in boolean mode)'
    const bindings = [against]
    if (words.length !== 1 || words[0] !== keyword) {
      const [literal, literalBindings] = literalTextMatch(keyword)
      candidates += ` and ${literal}`
      bindings.push(...literalBindings)
    }
    // A derived table with a LIMIT is not merged: the matching ids are materialized first and
    // only they are sorted. Merged, MariaDB sorted the search rows and read each one again.
    const ids = `select post_id from (${candidates} limit ${ALL_ROWS}) as fulltext_matches`
    textOrAuthor(query, authorIds, (where) => where.whereRaw(`p.id in (${ids})`, bindings))
  }
}
