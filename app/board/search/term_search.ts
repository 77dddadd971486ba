import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { PageRequest } from '#board/domain/page_request'
import type { ListScope } from '#board/services/list_scope'
import { postsFrom } from '#board/services/post_query'
import { LIKE_ESCAPE, escapeLike } from '#core/database/escape_like'
import { textOrAuthor, type IndexedPage, type SearchFilter } from '#board/search/search_filter'
import { LikeSearch } from '#board/search/like_search'
import { literalTextMatch } from '#board/search/literal_text_match'
import { foldTerm, isIndexedWord, wordsOf } from '#board/search/search_terms'

/** MariaDB's way to write a LIMIT that keeps every row. */
const ALL_ROWS = '18446744073709551615'

/**
 * A keyword prefix matching more terms than this is left to the planner
 * (a short keyword like "boa"): the page would merge that many lists.
 */
const MAX_TERMS = 50

/**
 * MariaDB: the term index (`post_terms`, PostTerms). A keyword that is one
 * indexed word is answered from the index alone (`indexedPage`): each term
 * starting with it is read newest first for the page and counted from the
 * index for the total, so the cost follows the page, not the number of
 * posts the word occurs in. Other keywords (several words, punctuation)
 * go through the planner, which uses `apply`: every word's posts, with an
 * escaped LIKE on post_search confirming the literal text.
 */
export class TermSearch implements SearchFilter {
  readonly name = 'terms'
  #fallback = new LikeSearch()

  apply(query: DatabaseQueryBuilderContract, keyword: string, authorIds: number[]) {
    const words = wordsOf(keyword)
    if (!words.length) return this.#fallback.apply(query, keyword, authorIds)
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

  async indexedPage(
    scope: ListScope,
    keyword: string,
    authorLookup: Promise<number[]>,
    page: PageRequest,
    maxCounted: number
  ): Promise<IndexedPage | null> {
    if (!isIndexedWord(keyword)) return null
    const [rows, authorIds] = await Promise.all([
      db
        .from('post_terms')
        .whereRaw('term like ? escape ?', [startsWith(keyword), LIKE_ESCAPE])
        .distinct('term')
        .limit(MAX_TERMS + 1),
      authorLookup,
    ])
    if (rows.length > MAX_TERMS) return null
    const terms = rows.map((row) => String(row.term))
    if (!terms.length && !authorIds.length) return { ids: [], total: 0, totalRelation: 'eq' }

    const skip = page.afterId ? 0 : (page.page - 1) * page.size
    const wanted = skip + page.size + 1
    const lists = terms.map((term) => this.#postsWith([term], scope, page.afterId))
    if (authorIds.length) lists.push(this.#postsBy(authorIds, scope, page.afterId))
    const newest = (query: DatabaseQueryBuilderContract) =>
      query.orderBy('post_id', 'desc').limit(wanted)
    const counted = [this.#postsWith(terms, scope, null)]
    if (terms.length > 1) counted[0].distinct()
    if (authorIds.length) counted.push(this.#postsBy(authorIds, scope, null))
    const capped = counted.map((list) => list.limit(maxCounted + 1))
    // Independent reads, on separate connections.
    const [pageIds, row] = await Promise.all([
      newest(fromUnion(lists.map(newest)).select('post_id')),
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

  /** Posts of the list by these authors, read through the list index. */
  #postsBy(authorIds: number[], scope: ListScope, beforeId: number | null) {
    const query = scope
      .apply(postsFrom(db.connection(), scope.index))
      .select('p.id as post_id')
      .whereIn('p.user_id', authorIds)
    if (beforeId) query.where('p.id', '<', beforeId)
    return query
  }
}

/** LIKE pattern for terms starting with `word` folded as the index folds it. */
function startsWith(word: string) {
  return `${escapeLike(foldTerm(word))}%`
}

/** A query from `(a) union (b) ...`: each part keeps its own ORDER BY and LIMIT. */
function fromUnion(parts: DatabaseQueryBuilderContract[]) {
  const sql = parts.map((part) => part.toSQL())
  const query = db.query()
  const union = `(${sql.map((part) => `(${part.sql})`).join(' union ')}) as term_posts`
  query.knexQuery.from(
    query.knexQuery.client.raw(
      union,
      sql.flatMap((part) => part.bindings)
    )
  )
  return query
}
