import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { textOrAuthor, type SearchFilter } from '#board/search/search_filter'
import { LikeSearch } from '#board/search/like_search'
import { literalTextMatch } from '#board/search/literal_text_match'

/**
 * SQLite FTS5 (unicode61 words with a prefix index) finds candidates whose
 * words start with each word of the keyword; an escaped LIKE on the same
 * rows confirms the literal text, so results are exactly the LIKE
 * adapter's minus matches that begin inside a word ("ello" in "hello"),
 * as with MariaDB's FULLTEXT. Words are runs of letters and digits, each
 * quoted (FTS5 operators stay literal); words under 3 characters would
 * match most of the board, so they are left to the LIKE, and a keyword
 * without a longer word uses LIKE alone. A keyword that is one ASCII word
 * needs no LIKE: the index keeps accents and folds case like LIKE does
 * for ASCII, so a word starting with it contains it (the LIKE on every
 * candidate was most of the time of a search).
 */
export class Fts5Search implements SearchFilter {
  readonly name = 'fts5'
  #fallback = new LikeSearch()

  apply(query: DatabaseQueryBuilderContract, keyword: string, authorIds: number[]) {
    const words = keyword.split(/[^\p{L}\p{N}]+/u).filter((word) => [...word].length >= 3)
    if (!words.length) return this.#fallback.apply(query, keyword, authorIds)
    const match = words.map((word) => `"${word}"*`).join(' ')
    let candidates = 'select rowid from post_search where post_search match ?'
    const bindings = [match]
    if (!/^[A-Za-z0-9]+$/.test(keyword)) {
      const [literal, literalBindings] = literalTextMatch(keyword)
      candidates += ` and ${literal}`
      bindings.push(...literalBindings)
    }
    textOrAuthor(query, authorIds, (where) => where.whereRaw(`p.id in (${candidates})`, bindings))
  }
}
