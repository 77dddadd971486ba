import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { PageRequest } from '#board/domain/page_request'
import type { ListScope } from '#board/services/list_scope'
import { LIKE_ESCAPE } from '#core/database/escape_like'
import type { PostSearch, SearchPage } from '#board/search/post_search'
import type { PostSearchOptions } from '#board/search/post_search_options'
import { SearchPlanner } from '#board/search/search_planner'
import { matchingAuthorIds } from '#board/search/matching_author_ids'
import { textOrAuthor } from '#board/search/text_or_author'
import { literalTextMatch } from '#board/search/literal_text_match'
import { likeMatch } from '#board/search/adapters/like/like_post_search'
import type { IndexedPage } from '#board/search/adapters/term_index/indexed_page'
import { isIndexedWord, wordsOf } from '#board/search/adapters/term_index/search_terms'
import { TermPhraseSearch } from '#board/search/adapters/term_index/term_phrase_search'
import {
  fromUnion,
  newestPostIds,
  postsBy,
  startsWith,
  termsStartingWith,
} from '#board/search/adapters/term_index/term_queries'

/** MariaDB's way to write a LIMIT that keeps every row. */
const ALL_ROWS = '18446744073709551615'

/**
 * MariaDB: the term index (`post_terms`, PostTerms). A keyword that is one
 * indexed word is answered from the index alone (`indexedPage`): each term
 * starting with it is read newest first for the page and counted from the
 * index for the total, so the cost follows the page, not the number of
 * posts the word occurs in. Other keywords with indexed words ("node
 * cache", "node.js") are read through their rarest word (TermPhraseSearch).
 * The rest (short words, broad prefixes) go through the planner, whose
 * index step is `termIndexMatch`: every word's posts, with an escaped LIKE
 * on post_search confirming the literal text.
 */
export class TermIndexPostSearch implements PostSearch {
  readonly name = 'term_index'
  #phrases = new TermPhraseSearch()
  #planner: SearchPlanner

  constructor(private options: PostSearchOptions) {
    this.#planner = new SearchPlanner(options, termIndexMatch)
  }

  async page(scope: ListScope, keyword: string, page: PageRequest): Promise<SearchPage> {
    const authorLookup = matchingAuthorIds(keyword)
    const indexed =
      this.options.indexedPages && (await this.indexedPage(scope, keyword, authorLookup, page))
    if (indexed) {
      const { ids, total, totalRelation } = indexed
      return { rows: await this.#planner.rowsByIds(ids), total, totalRelation }
    }
    return this.#planner.page(scope, keyword, page, authorLookup)
  }

  /** A page and its total from the term index alone; null when the planner must answer. */
  async indexedPage(
    scope: ListScope,
    keyword: string,
    authorLookup: Promise<number[]>,
    page: PageRequest
  ): Promise<IndexedPage | null> {
    if (!isIndexedWord(keyword))
      return this.#phrases.page(scope, keyword, authorLookup, page, this.options)
    const { maxCounted } = this.options
    const [terms, authorIds] = await Promise.all([termsStartingWith(keyword), authorLookup])
    if (!terms) return null
    if (!terms.length && !authorIds.length) return { ids: [], total: 0, totalRelation: 'eq' }

    const skip = page.afterId ? 0 : (page.page - 1) * page.size
    const wanted = skip + page.size + 1
    const lists = terms.map((term) => this.#postsWith([term], scope, page.afterId))
    if (authorIds.length) lists.push(postsBy(authorIds, scope, page.afterId))
    const counted = [this.#postsWith(terms, scope, null)]
    if (terms.length > 1) counted[0].distinct()
    if (authorIds.length) counted.push(postsBy(authorIds, scope, null))
    const capped = counted.map((list) => list.limit(maxCounted + 1))
    // Independent reads, on separate connections.
    const newest = lists.map((list) => newestPostIds(list, wanted))
    const [pageIds, row] = await Promise.all([
      newestPostIds(fromUnion(newest).select('post_id'), wanted),
      fromUnion(capped).count('* as total').first(),
    ])
    const total = Number(row?.total ?? 0)

    return {
      ids: pageIds.slice(skip).map((entry) => Number(entry.post_id)),
      total: Math.min(total, maxCounted),
      totalRelation: total > maxCounted ? 'gte' : 'eq',
    }
  }

  /** Posts of the list having one of `terms`, read through the term key. */
  #postsWith(terms: string[], scope: ListScope, beforeId: number | null) {
    const query = db
      .from('post_terms')
      .select('post_id')
      .whereIn('category_id', scope.categoryIds)
      .whereIn('term', terms)
    if (beforeId) query.where('post_id', '<', beforeId)
    return query
  }
}

/** The planner's index step (IndexMatch) through the term index. */
function termIndexMatch(query: DatabaseQueryBuilderContract, keyword: string, authorIds: number[]) {
  const words = wordsOf(keyword)
  if (!words.length) return likeMatch(query, keyword, authorIds)
  const postsOf = 'select post_id from post_terms where term like ? escape ?'
  const prefixes = words.flatMap((word) => [startsWith(word), LIKE_ESCAPE])
  let candidates: string
  const bindings: string[] = [...prefixes]
  if (isIndexedWord(keyword)) {
    candidates = postsOf
  } else {
    const [literal, literalBindings] = literalTextMatch(keyword, 's')
    const each = words.map(() => `s.post_id in (${postsOf})`).join(' and ')
    candidates = `select s.post_id from post_search s where ${each} and ${literal}`
    bindings.push(...literalBindings)
  }
  // A derived table with a LIMIT is materialized, not merged: only ids are sorted.
  const ids = `select post_id from (${candidates} limit ${ALL_ROWS}) as term_matches`
  textOrAuthor(query, authorIds, (where) => where.whereRaw(`p.id in (${ids})`, bindings))
}
