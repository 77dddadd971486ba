import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { PageRequest } from '#board/domain/page_request'
import type { ListScope } from '#board/services/list_scope'
import { atPage, postQuery, postsFrom } from '#board/services/post_query'
import type { PostRow } from '#board/transformers/post_json'
import type { SearchPage } from '#board/search/post_search'
import type { PostSearchOptions } from '#board/search/post_search_options'
import { textOrAuthor } from '#board/search/text_or_author'
import { literalTextMatch } from '#board/search/literal_text_match'

/** The sample is read as this many slices spread over the list, not just its newest posts. */
const SAMPLE_SLICES = 5

interface SampleRow {
  id: number
  user_id: number
  hit: number | string
}

/**
 * An adapter's index step: narrows a posts query (aliased `p`) to posts
 * whose current title or content contain the keyword, or whose author is
 * one of `authorIds` (textOrAuthor), through the adapter's search index.
 */
export type IndexMatch = (
  query: DatabaseQueryBuilderContract,
  keyword: string,
  authorIds: number[]
) => void

/**
 * Plans a keyword list for an adapter, whose index step (`match`) finds
 * text matches. A search index costs time in proportion to the posts a
 * word occurs in, whatever the page: fine for rare words, slow for a word
 * in half of a large board. So the list is sampled first (slices spread
 * from its newest to its oldest post, each an indexed read plus a LIKE on
 * each post):
 * - the list is no larger than the sample: the sample is the exact answer;
 * - the keyword is common: walk the list newest first from the page's
 *   start and keep matches until the page is full, which takes few rows;
 *   `total` is then the matches seen so far, reported as a lower bound
 *   ("gte"). If the word turns rare within `scanWindow` posts, the index
 *   takes over, unless the word is so common that the index would be
 *   slower than reading on;
 * - otherwise the search index finds every match once, which gives the
 *   exact total and the page (up to `maxCounted` matches).
 * Spreading the sample matters: sampling only the newest posts called a
 * word rare when the latest posts happened not to use it, and the index
 * then spent far longer on a word found in half of the board.
 */
export class SearchPlanner {
  constructor(
    private options: PostSearchOptions,
    private match: IndexMatch
  ) {}

  /** `authorLookup`: the ids matchingAuthorIds gives for this keyword. */
  async page(
    scope: ListScope,
    keyword: string,
    page: PageRequest,
    authorLookup: Promise<number[]>
  ): Promise<SearchPage> {
    // Independent reads, on separate connections where the database has them.
    const [authorIds, live] = await Promise.all([authorLookup, scope.liveCount()])
    const authors = new Set(authorIds)
    const matchingIds = (rows: SampleRow[]) =>
      rows
        .filter((row) => Number(row.hit) === 1 || authors.has(Number(row.user_id)))
        .map((row) => Number(row.id))

    if (live <= this.options.sampleSize) {
      const all = matchingIds(await this.sampleFrom(scope, keyword, null, this.options.sampleSize))
      return { rows: await this.rowsOf(all, page), total: all.length, totalRelation: 'eq' }
    }

    const sample = await this.spreadSample(scope, keyword)
    const matches = matchingIds(sample).length
    if (matches >= this.options.commonMatches) {
      const share = matches / sample.length
      const window = share >= this.options.unboundedScanShare ? null : this.options.scanWindow
      const rows = await this.scan(scope, keyword, authorIds, page, window)
      if (rows) {
        const seen = (page.afterId ? 0 : (page.page - 1) * page.size) + rows.length
        return { rows, total: Math.max(matches, seen), totalRelation: 'gte' }
      }
    }

    const all = await this.indexMatches(scope, keyword, authorIds)
    if (all.length <= this.options.maxCounted) {
      return { rows: await this.rowsOf(all, page), total: all.length, totalRelation: 'eq' }
    }
    return {
      rows: await this.indexRows(scope, keyword, authorIds, page),
      total: this.options.maxCounted,
      totalRelation: 'gte',
    }
  }

  /** The list rows of these posts (still live), newest first. */
  async rowsByIds(ids: number[]) {
    if (!ids.length) return []
    const query = postQuery().whereIn('p.id', ids).whereNull('p.deleted_at')
    return (await query.orderBy('p.id', 'desc')) as PostRow[]
  }

  /** `sampleSize` posts in slices starting at evenly spaced ids from the newest to the oldest. */
  private async spreadSample(scope: ListScope, keyword: string): Promise<SampleRow[]> {
    if (this.options.sampleSize <= 0) return []
    // Two index seeks: SQLite computes MIN/MAX under a WHERE by reading the whole range.
    const edge = (direction: 'asc' | 'desc') =>
      scope
        .apply(postsFrom(db.connection(), scope.index))
        .select('p.id')
        .orderBy('p.id', direction)
        .limit(1)
        .first()
    const [first, last] = await Promise.all([edge('asc'), edge('desc')])
    const low = Number(first?.id ?? 0)
    const high = Number(last?.id ?? 0)
    const each = Math.ceil(this.options.sampleSize / SAMPLE_SLICES)
    const slices = await Promise.all(
      Array.from({ length: SAMPLE_SLICES }, (_, i) => {
        const start = Math.round(high - ((high - low) * i) / SAMPLE_SLICES)
        return this.sampleFrom(scope, keyword, start, each)
      })
    )
    // Slices of a list with gaps in its ids may overlap: count each post once.
    const seen = new Set<number>()
    return slices.flat().filter((row) => !seen.has(Number(row.id)) && seen.add(Number(row.id)))
  }

  /** Up to `count` posts of the list from id `start` down, with whether their text matches. */
  private async sampleFrom(
    scope: ListScope,
    keyword: string,
    start: number | null,
    count: number
  ): Promise<SampleRow[]> {
    const slice = scope
      .apply(postsFrom(db.connection(), scope.index))
      .select('p.id', 'p.user_id')
      .orderBy('p.id', 'desc')
      .limit(count)
    if (start !== null) slice.where('p.id', '<=', start)
    const [match, bindings] = literalTextMatch(keyword, 's')
    return db
      .from(slice.as('p'))
      .leftJoin('post_search as s', searchKey(), 'p.id')
      .select('p.id', 'p.user_id', db.raw(`case when ${match} then 1 else 0 end as hit`, bindings))
      .orderBy('p.id', 'desc')
  }

  /**
   * A page of matches read newest first, within `window` posts of its
   * start (null: no limit); null when the window ends before the page is
   * full (the keyword is rarer further down), so the index answers
   * instead. The walk reads the list index and the search rows only, then
   * fetches the page.
   */
  private async scan(
    scope: ListScope,
    keyword: string,
    authorIds: number[],
    page: PageRequest,
    window: number | null
  ) {
    const from = (query: DatabaseQueryBuilderContract) =>
      page.afterId ? query.where('p.id', '<', page.afterId) : query
    const floor =
      window === null
        ? null
        : await from(scope.apply(postsFrom(db.connection(), scope.index)))
            .select('p.id')
            .orderBy('p.id', 'desc')
            .offset(window)
            .limit(1)
            .first()

    const [match, bindings] = literalTextMatch(keyword, 's')
    const query = from(scope.apply(postsFrom(db.connection(), scope.index)))
      .join('post_search as s', searchKey(), 'p.id')
      .select('p.id')
    textOrAuthor(query, authorIds, (where) => where.whereRaw(match, bindings))
    if (floor) query.where('p.id', '>', floor.id)
    if (!page.afterId) query.offset((page.page - 1) * page.size)
    const ids = idsOf(await query.orderBy('p.id', 'desc').limit(page.size + 1))
    if (ids.length <= page.size && floor) return null
    return this.rowsByIds(ids)
  }

  /** Every match through the search index (up to one more than `maxCounted`), newest first. */
  private async indexMatches(scope: ListScope, keyword: string, authorIds: number[]) {
    const query = scope.apply(db.from('posts as p')).select('p.id')
    this.match(query, keyword, authorIds)
    return idsOf(await query.orderBy('p.id', 'desc').limit(this.options.maxCounted + 1))
  }

  /** A page straight from the index, for keywords with more matches than are counted. */
  private async indexRows(
    scope: ListScope,
    keyword: string,
    authorIds: number[],
    page: PageRequest
  ) {
    const query = scope.apply(postQuery())
    this.match(query, keyword, authorIds)
    return (await atPage(query, page)) as PostRow[]
  }

  /** The page's rows out of a complete list of matching ids (newest first). */
  private async rowsOf(ids: number[], page: PageRequest) {
    const from = page.afterId
      ? ids.filter((id) => id < page.afterId!)
      : ids.slice((page.page - 1) * page.size)
    return this.rowsByIds(from.slice(0, page.size + 1))
  }
}

/** post_search's key: FTS5 tables have `rowid`, the InnoDB table `post_id`. */
function searchKey() {
  return db.connection().dialect.name === 'mysql' ? 's.post_id' : 's.rowid'
}

function idsOf(rows: Record<string, unknown>[]) {
  return rows.map((row) => Number(row.id))
}
