import cache from '@adonisjs/cache/services/main'
import { AppException } from '#core/exceptions/app_exception'
import { toIso } from '#core/database/to_iso'
import { sqlTime } from '#core/database/sql_now'
import { cursorSortName, pageOf, type PageRequest } from '#board/domain/page_request'
import { LATEST, periodStart, type PostOrder } from '#board/domain/post_order'
import { CategoryTreeCache } from '#board/services/category_tree_cache'
import { BoardCache } from '#board/services/board_cache'
import { ListScope } from '#board/services/list_scope'
import type { CallerKind } from '#board/domain/category_access'
import { atPage, postQuery, postsFrom, sortedPage } from '#board/services/post_query'
import { indexedFrom } from '#core/database/indexed_from'
import { postSearch, type PostSearch, type TotalRelation } from '#board/search/post_search'
import { postJson, type PostJson, type PostRow } from '#board/transformers/post_json'

/** At most this many pinned posts head a list (Discourse shows all; a board pins a few). */
export const MAX_PINNED = 20

export interface PostList {
  total: number
  /** "eq" when `total` is exact; "gte" when a common keyword matches more (a lower bound). */
  total_relation: TotalRelation
  post_list: PostJson[]
  next_cursor: string | null
}

/**
 * A category's posts, newest first unless another order is asked for; a
 * board lists its whole subtree. Without a keyword: one indexed query for
 * the page, `total` from the per-category counters (or, for a `top` period,
 * counted over the period's index range). A keyword list comes from the
 * post search (app/board/search), newest first only.
 */
export class ListPosts {
  constructor(private keywordSearch: PostSearch = postSearch()) {}

  async handle(
    categoryName: string,
    keyword: string | undefined,
    page: PageRequest,
    order: PostOrder = LATEST,
    tag?: string,
    kind: CallerKind = 'anonymous'
  ): Promise<PostList> {
    if ((keyword || tag) && order.sort !== 'latest') {
      const list = keyword ? 'A keyword list' : 'A tag list'
      throw AppException.unprocessable(`${list} is sorted by latest only`, 'sort')
    }
    if (keyword && tag) throw AppException.unprocessable('Either a keyword or a tag', 'tag')
    const tree = await CategoryTreeCache.get()
    const category = tree.byName(categoryName)
    // A category the caller may not read does not exist for them.
    if (!category || !tree.allows(kind, 'read', category)) throw AppException.notFound('Category')
    const scope = new ListScope(tree, category, kind)
    // Everyone sees the same list unless part of the subtree is closed to someone: then per
    // caller kind (three entries at most), never per user.
    const everyoneSees = tree.subtree(category).every((n) => tree.allows('anonymous', 'read', n))

    const key = [
      'board:list',
      category.id,
      page.size,
      page.page,
      page.afterId ?? '',
      keyword ?? '',
      // Latest keeps its old keys; the other sorts add theirs.
      ...(order.sort === 'latest' ? [] : [cursorSortName(order), page.afterKey ?? '']),
      ...(tag ? [`tag=${tag}`] : []),
      ...(everyoneSees ? [] : [`as=${kind}`]),
    ].join(':')
    return cache.getOrSet({
      key,
      // A top period's window moves: its lists are kept a minute.
      ttl: keyword || (order.sort === 'top' && order.period !== 'all') ? '1m' : '5m',
      tags: [BoardCache.listTag(category.id), 'board:all'],
      factory: () =>
        tag ? this.taggedPage(scope, tag, page) : this.load(scope, keyword, page, order),
    })
  }

  async load(
    scope: ListScope,
    keyword: string | undefined,
    page: PageRequest,
    order: PostOrder = LATEST
  ): Promise<PostList> {
    const { rows, total, totalRelation } = keyword
      ? await this.keywordSearch.page(scope, keyword, page)
      : await this.plainPage(scope, page, order)
    const { rows: pageRows, nextCursor } = pageOf(rows, page, sortKeyOf(order))
    // Pins head the newest-first and activity lists (as Discourse's latest); votes rank alone.
    const pinned = keyword || order.sort === 'top' ? [] : await this.pinned(scope, page)
    return {
      total,
      total_relation: totalRelation,
      post_list: [...pinned, ...pageRows].map((row) => postJson(row, scope.tree)),
      next_cursor: nextCursor,
    }
  }

  private async plainPage(scope: ListScope, page: PageRequest, order: PostOrder) {
    let rows: PostRow[]
    let total: number | undefined
    // The page's rows carry the list's total (one statement), except a `top` period's.
    if (order.sort === 'latest') {
      const query = scope.withLiveCount(scope.apply(postQuery(undefined, scope.index)))
      // The category's own pinned posts head its first page instead of their place by id.
      rows = (await atPage(scope.withoutPinned(query), page)) as PostRow[]
    } else if (order.sort === 'activity') {
      const query = () =>
        scope.withLiveCount(
          scope.withoutPinned(
            scope.apply(postQuery(undefined, scope.indexBy('last_activity_at_id')))
          )
        )
      rows = await sortedPage<PostRow>(query, page, 'p.last_activity_at')
    } else {
      const since = periodStart(order.period)
      if (since === null) {
        const query = () =>
          scope.withLiveCount(scope.apply(postQuery(undefined, scope.indexBy('vote_count_id'))))
        rows = await sortedPage<PostRow>(query, page, 'p.vote_count')
      } else {
        // The period's posts through the creation-time index, sorted by votes (a sort of the
        // period's rows: docs/board.md, "Sorting").
        const at = sqlTime(since)
        // Ids first, from the index alone (it holds vote_count); then the page's rows: the
        // sort carries two numbers per post of the period, not its text.
        const ids = () =>
          scope
            .apply(postsFrom(undefined, scope.indexBy('created_at')))
            .where('p.created_at', '>=', at)
            .select('p.id', 'p.vote_count')
        const top = await sortedPage<{ id: number }>(ids, page, 'p.vote_count')
        const found: PostRow[] = top.length
          ? await postQuery().whereIn(
              'p.id',
              top.map((row) => Number(row.id))
            )
          : []
        const byId = new Map(found.map((row) => [Number(row.id), row]))
        rows = top.map((row) => byId.get(Number(row.id))).filter((row) => row !== undefined)
        const counted = await scope
          .apply(postsFrom(undefined, scope.indexBy('created_at')))
          .where('p.created_at', '>=', at)
          .count('* as total')
          .first()
        total = Number(counted?.total ?? 0)
      }
    }
    return { rows, total: total ?? (await scope.totalOf(rows)), totalRelation: 'eq' as const }
  }

  /**
   * The list's posts with a tag, newest first: the page's ids from the
   * tag's index range (only live posts have rows), then their rows; `total`
   * counts the same range. No pins: a tag list is a filtered view.
   */
  private async taggedPage(scope: ListScope, tag: string, page: PageRequest): Promise<PostList> {
    const range = () =>
      scope.applyToTags(indexedFrom('post_tags', 't', scope.tagIndex).where('t.tag', tag))
    const idRows = await atPage(range().select('t.post_id as id'), page, 't.post_id')
    const ids = idRows.map((row) => Number(row.id))
    const rows: PostRow[] = ids.length
      ? await postQuery().whereIn('p.id', ids).whereNull('p.deleted_at').orderBy('p.id', 'desc')
      : []
    const counted = await range().count('* as total').first()
    const { rows: pageRows, nextCursor } = pageOf(rows, page)
    return {
      total: Number(counted?.total ?? 0),
      total_relation: 'eq',
      post_list: pageRows.map((row) => postJson(row, scope.tree)),
      next_cursor: nextCursor,
    }
  }

  /**
   * The pinned posts of the list's own category (not of categories below
   * it: a pin is a category's), newest pin first, on the first page only.
   */
  private async pinned(scope: ListScope, page: PageRequest): Promise<PostRow[]> {
    if (page.afterId || page.page > 1) return []
    return (await postQuery(undefined, 'posts_category_id_pinned_at_index')
      .where('p.category_id', scope.category.id)
      .whereNotNull('p.pinned_at')
      .whereNull('p.deleted_at')
      .orderBy('p.pinned_at', 'desc')
      .limit(MAX_PINNED)) as PostRow[]
  }
}

/** How the next page's cursor carries the sort key (none for latest: the id is the key). */
function sortKeyOf(order: PostOrder) {
  if (order.sort === 'latest') return undefined
  const name = cursorSortName(order)
  if (order.sort === 'activity') {
    return { name, of: (row: PostRow) => sqlTime(Date.parse(toIso(row.last_activity_at)!)) }
  }
  return { name, of: (row: PostRow) => Number(row.vote_count) }
}
