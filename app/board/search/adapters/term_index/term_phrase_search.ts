import db from '@adonisjs/lucid/services/db'
import type { PageRequest } from '#board/domain/page_request'
import type { ListScope } from '#board/services/list_scope'
import type { IndexedPage, IndexedPageLimits } from '#board/search/adapters/term_index/indexed_page'
import { cappedCount } from '#core/database/capped_count'
import { literalTextMatch } from '#board/search/literal_text_match'
import { foldTerm, phraseWordsOf } from '#board/search/adapters/term_index/search_terms'
import {
  fromUnion,
  newestPostIds,
  postsBy,
  termsStartingWith,
} from '#board/search/adapters/term_index/term_queries'

/**
 * A keyword may have 25 words: at most this many, spread over it, are
 * estimated to pick the driver, and at most WORDS_CHECKED of the others are
 * checked by key; the LIKE confirms the rest.
 */
const WORDS_ESTIMATED = 6
const WORDS_CHECKED = 4

/** A word of the keyword: the terms a matching post has one of, and about how many posts have them. */
interface Part {
  terms: string[]
  estimate: number
}

/**
 * MariaDB: a keyword of several words, or a word with punctuation ("node
 * cache", "node.js"), from the term index. A post containing the keyword
 * has a term of each of its words, so the word found in fewest posts
 * drives: its posts are read through the term key, the other words' exact
 * terms are checked by key, and the escaped LIKE on post_search confirms
 * the literal text of what is left.
 * - That word is in at most `phraseReadAll` posts: every match is read and
 *   the total is exact.
 * - Every word is common: its posts are read newest first until the page is
 *   full, and the total is a lower bound ("gte"), as for a planner scan.
 * The planner intersected the posts of every word instead, which read every
 * post of both words when two were common and timed out on large boards.
 */
export class TermPhraseSearch {
  async page(
    scope: ListScope,
    keyword: string,
    authorLookup: Promise<number[]>,
    page: PageRequest,
    limits: IndexedPageLimits
  ): Promise<IndexedPage | null> {
    const [parts, authorIds] = await Promise.all([this.#partsOf(keyword), authorLookup])
    if (!parts.length) return null
    const driver = parts.reduce((rarest, part) => (part.estimate < rarest.estimate ? part : rarest))
    // Words with one exact term are checked by key; a prefix's terms are left to the LIKE.
    const checked = parts
      .filter((part) => part !== driver && part.terms.length === 1)
      .map((part) => part.terms[0])
      .slice(0, WORDS_CHECKED)
    const search = { scope, keyword, authorIds, page, driver: driver.terms, checked }
    if ((await postingsOf(driver.terms, limits.phraseReadAll)) <= limits.phraseReadAll) {
      const every = await this.#everyMatch(search, limits.maxCounted)
      if (every) return every
    }
    return this.#newestMatches(search)
  }

  /** Each distinct word's terms and their posts' estimate; words with too many terms are left out. */
  async #partsOf(keyword: string): Promise<Part[]> {
    const words = phraseWordsOf(keyword)
    const termLists = await Promise.all(
      words.map(({ word, prefix }) => (prefix ? termsStartingWith(word) : [foldTerm(word)]))
    )
    const seen = new Set<string>()
    const distinct = termLists.filter((terms): terms is string[] => {
      if (!terms || seen.has(terms.join())) return false
      seen.add(terms.join())
      return true
    })
    const step = Math.ceil(distinct.length / WORDS_ESTIMATED)
    const estimated = distinct.filter((_, index) => index % step === 0)
    return Promise.all(
      estimated.map(async (terms) => ({ terms, estimate: await estimatedPostings(terms) }))
    )
  }

  /** Every match, then the page out of them; null when the authors have too many posts to list. */
  async #everyMatch(search: PhraseSearch, maxCounted: number): Promise<IndexedPage | null> {
    const { scope, authorIds, page } = search
    const [text, authored] = await Promise.all([
      search.driver.length ? textMatches(search, search.driver, null).distinct() : [],
      authorIds.length ? newestPostIds(postsBy(authorIds, scope, null), maxCounted + 1) : [],
    ])
    if (authored.length > maxCounted) return null
    const all = [...new Set([...text, ...authored].map((row) => Number(row.post_id)))]
    all.sort((a, b) => b - a)
    const from = page.afterId
      ? all.filter((id) => id < page.afterId!)
      : all.slice((page.page - 1) * page.size)
    return {
      ids: from.slice(0, page.size + 1),
      total: Math.min(all.length, maxCounted),
      totalRelation: all.length > maxCounted ? 'gte' : 'eq',
    }
  }

  /** The page read newest first from its start: each driver term's matches and the authors' posts. */
  async #newestMatches(search: PhraseSearch): Promise<IndexedPage> {
    const { scope, authorIds, page } = search
    const skip = page.afterId ? 0 : (page.page - 1) * page.size
    const wanted = skip + page.size + 1
    const lists = search.driver.map((term) =>
      textMatches(search, [term], page.afterId).orderBy('d.post_id', 'desc').limit(wanted)
    )
    if (authorIds.length) lists.push(newestPostIds(postsBy(authorIds, scope, page.afterId), wanted))
    if (!lists.length) return { ids: [], total: 0, totalRelation: 'eq' }
    const rows = await newestPostIds(fromUnion(lists).select('post_id'), wanted)
    const found = rows.map((row) => Number(row.post_id))
    // Fewer than asked for from the top of the list: that is every match.
    const complete = found.length < wanted && !page.afterId
    return {
      ids: found.slice(skip),
      total: found.length,
      totalRelation: complete ? 'eq' : 'gte',
    }
  }
}

interface PhraseSearch {
  scope: ListScope
  keyword: string
  authorIds: number[]
  page: PageRequest
  /** Terms of the word in fewest posts. */
  driver: string[]
  /** Exact terms of the other words. */
  checked: string[]
}

/**
 * Posts of the list with one of `terms` whose text contains the keyword.
 * STRAIGHT_JOIN keeps the driver first: the other terms and post_search
 * are then one key lookup per post.
 */
function textMatches(search: PhraseSearch, terms: string[], beforeId: number | null) {
  const query = db
    .from('post_terms as d')
    .select('d.post_id')
    .whereIn('d.term', terms)
    .whereIn('d.category_id', search.scope.categoryIds)
  search.checked.forEach((term, i) =>
    query.joinRaw(
      `straight_join post_terms as o${i} on o${i}.term = ? and o${i}.post_id = d.post_id`,
      [term]
    )
  )
  query.joinRaw('straight_join post_search as s on s.post_id = d.post_id')
  const [match, bindings] = literalTextMatch(search.keyword, 's')
  query.whereRaw(match, bindings)
  if (beforeId) query.where('d.post_id', '<', beforeId)
  return query
}

/**
 * About how many posts have one of `terms`: the optimizer's estimate from
 * index dives (cheap; close for rare terms, too high for common ones).
 * Enough to pick the rarest word, where counts capped low enough to be
 * cheap would tie for every common word.
 */
async function estimatedPostings(terms: string[]) {
  if (!terms.length) return 0
  const { sql, bindings } = db.from('post_terms').whereIn('term', terms).select(db.raw('1')).toSQL()
  const [plan] = await db.rawQuery(`explain ${sql}`, bindings)
  return Number(plan[0]?.rows ?? 0)
}

/** Posts having one of `terms`, counted from the key up to `cap + 1`. */
async function postingsOf(terms: string[], cap: number) {
  return terms.length ? cappedCount(db.from('post_terms').whereIn('term', terms), cap) : 0
}
