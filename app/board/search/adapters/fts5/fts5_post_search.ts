import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { PageRequest } from '#board/domain/page_request'
import type { ListScope } from '#board/services/list_scope'
import type { PostSearch } from '#board/search/post_search'
import type { PostSearchOptions } from '#board/search/post_search_options'
import { SearchPlanner } from '#board/search/search_planner'
import { matchingAuthorIds } from '#board/search/matching_author_ids'
import { textOrAuthor } from '#board/search/text_or_author'
import { literalTextMatch } from '#board/search/literal_text_match'
import { likeMatch } from '#board/search/adapters/like/like_post_search'

/**
 * SQLite: the planner with FTS5 (`post_search`, unicode61 words with a
 * prefix index) as its index step. FTS5 finds candidates and an escaped
 * LIKE on the same rows confirms the literal text, so results are exactly
 * the LIKE adapter's minus matches that begin inside a word ("ello" in
 * "hello"), as with MariaDB's term index.
 */
export class Fts5PostSearch implements PostSearch {
  readonly name = 'fts5'
  #planner: SearchPlanner

  constructor(options: PostSearchOptions) {
    this.#planner = new SearchPlanner(options, fts5Match)
  }

  page(scope: ListScope, keyword: string, page: PageRequest) {
    return this.#planner.page(scope, keyword, page, matchingAuthorIds(keyword))
  }
}

/**
 * FTS5's index step (IndexMatch). Words are runs of letters and digits.
 * The keyword's words from its first to its last of 3 characters or more
 * become one FTS5 phrase (phraseOf). Shorter words at either end are left
 * to the LIKE (alone they would match most of the board), and a keyword
 * without a longer word uses the LIKE alone. A phrase, unlike the words
 * ANDed, leaves only posts where the words stand side by side, a small
 * part of those having each word. A keyword that is one ASCII word needs
 * no LIKE: the index keeps accents and folds case like LIKE does for
 * ASCII, so a word starting with it contains it (the LIKE on every
 * candidate was most of the time of a search).
 */
function fts5Match(query: DatabaseQueryBuilderContract, keyword: string, authorIds: number[]) {
  const match = phraseOf(keyword)
  if (!match) return likeMatch(query, keyword, authorIds)
  let candidates = 'select rowid from post_search where post_search match ?'
  const bindings = [match]
  if (!/^[A-Za-z0-9]+$/.test(keyword)) {
    const [literal, literalBindings] = literalTextMatch(keyword)
    candidates += ` and ${literal}`
    bindings.push(...literalBindings)
  }
  textOrAuthor(query, authorIds, (where) => where.whereRaw(`p.id in (${candidates})`, bindings))
}

/**
 * The FTS5 phrase for a keyword, or null when it has no word of 3+
 * characters: adjacent tokens, each exact but the last, which may go on
 * when nothing follows it in the keyword (`"node cache"*`).
 */
export function phraseOf(keyword: string) {
  const tokens = [...keyword.matchAll(/[\p{L}\p{N}]+/gu)]
  const long = (token: RegExpExecArray) => [...token[0]].length >= 3
  const first = tokens.findIndex(long)
  if (first < 0) return null
  const last = tokens.findLastIndex(long)
  const phrase = tokens.slice(first, last + 1).map((token) => token[0])
  const end = tokens[last]
  const goesOn = end.index + end[0].length === keyword.length
  return `"${phrase.join(' ')}"${goesOn ? '*' : ''}`
}
