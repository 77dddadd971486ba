import cache from '@adonisjs/cache/services/main'
import { AppException } from '#core/exceptions/app_exception'
import { pageOf, type PageRequest } from '#board/domain/page_request'
import { CategoryTreeCache } from '#board/services/category_tree_cache'
import { BoardCache } from '#board/services/board_cache'
import { ListScope } from '#board/services/list_scope'
import { atPage, postQuery } from '#board/services/post_query'
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
 * A category's posts, newest first; a board lists its whole subtree. Without
 * a keyword: one indexed query for the page, `total` from the per-category
 * counters. A keyword list comes from the post search (app/board/search).
 */
export class ListPosts {
  constructor(private keywordSearch: PostSearch = postSearch()) {}

  async handle(
    categoryName: string,
    keyword: string | undefined,
    page: PageRequest
  ): Promise<PostList> {
    const tree = await CategoryTreeCache.get()
    const category = tree.byName(categoryName)
    if (!category) throw AppException.notFound('Category')

    const key = [
      'board:list',
      category.id,
      page.size,
      page.page,
      page.afterId ?? '',
      keyword ?? '',
    ].join(':')
    return cache.getOrSet({
      key,
      ttl: keyword ? '1m' : '5m',
      tags: [BoardCache.listTag(category.id), 'board:all'],
      factory: () => this.load(new ListScope(tree, category), keyword, page),
    })
  }

  async load(scope: ListScope, keyword: string | undefined, page: PageRequest): Promise<PostList> {
    const { rows, total, totalRelation } = keyword
      ? await this.keywordSearch.page(scope, keyword, page)
      : await this.plainPage(scope, page)
    const { rows: pageRows, nextCursor } = pageOf(rows, page)
    const pinned = keyword ? [] : await this.pinned(scope, page)
    return {
      total,
      total_relation: totalRelation,
      post_list: [...pinned, ...pageRows].map((row) => postJson(row, scope.tree)),
      next_cursor: nextCursor,
    }
  }

  private async plainPage(scope: ListScope, page: PageRequest) {
    const query = scope.apply(postQuery(undefined, scope.index))
    // The category's own pinned posts head its first page instead of their place by id.
    scope.withoutPinned(query)
    const rows = (await atPage(query, page)) as PostRow[]
    return { rows, total: await scope.liveCount(), totalRelation: 'eq' as const }
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
