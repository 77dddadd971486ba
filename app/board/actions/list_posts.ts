import cache from '@adonisjs/cache/services/main'
import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { AppException } from '#core/exceptions/app_exception'
import type { CategoryNode, CategoryTree } from '#board/domain/category_tree'
import type { PageRequest } from '#board/domain/page_request'
import { encodeCursor } from '#board/domain/cursor'
import { CategoryTreeCache } from '#board/services/category_tree_cache'
import { BoardCache } from '#board/services/board_cache'
import { postQuery } from '#board/services/post_query'
import { searchAdapter } from '#board/search/search_adapter'
import { matchingAuthorIds } from '#board/search/like_search'
import { postJson, type PostJson, type PostRow } from '#board/transformers/post_json'

export interface PostList {
  total: number
  post_list: PostJson[]
  next_cursor: string | null
}

/**
 * A category's posts, newest first; a board lists its whole subtree. One
 * indexed query for the page (board_id or category_id, deleted_at, id) and
 * one for `total`, which applies exactly the same filters.
 */
export class ListPosts {
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
      factory: () => this.load(tree, category, keyword, page),
    })
  }

  async load(
    tree: CategoryTree,
    category: CategoryNode,
    keyword: string | undefined,
    page: PageRequest
  ) {
    const authorIds = keyword ? await matchingAuthorIds(keyword) : []
    const filtered = (query: DatabaseQueryBuilderContract) => {
      const categoryIds = tree.subtree(category).map((c) => c.id)
      if (category.parentId === null) query.where('p.board_id', category.id)
      else if (categoryIds.length === 1) query.where('p.category_id', category.id)
      else query.whereIn('p.category_id', categoryIds)
      query.whereNull('p.deleted_at')
      if (keyword) searchAdapter().apply(query, keyword, authorIds)
      return query
    }

    // A keyword search is driven from the search index instead; pinning the list index would not help it.
    const index = keyword
      ? undefined
      : category.parentId === null
        ? 'posts_board_id_deleted_at_id_index'
        : tree.subtree(category).length === 1
          ? 'posts_category_id_deleted_at_id_index'
          : undefined
    const rowsQuery = filtered(postQuery(undefined, index))
      .orderBy('p.id', 'desc')
      .limit(page.size + 1)
    if (page.afterId) rowsQuery.where('p.id', '<', page.afterId)
    else rowsQuery.offset((page.page - 1) * page.size)
    const rows = (await rowsQuery) as PostRow[]

    const hasMore = rows.length > page.size
    const pageRows = rows.slice(0, page.size)
    return {
      total: await this.total(tree, category, keyword, filtered),
      post_list: pageRows.map((row) => postJson(row, tree)),
      next_cursor: hasMore ? encodeCursor(Number(pageRows.at(-1)!.id)) : null,
    }
  }

  /** Without a keyword the per-category counters (kept in each post write) are exact. */
  private async total(
    tree: CategoryTree,
    category: CategoryNode,
    keyword: string | undefined,
    filtered: (query: DatabaseQueryBuilderContract) => DatabaseQueryBuilderContract
  ) {
    if (!keyword) {
      const ids = tree.subtree(category).map((c) => c.id)
      const row = await db.from('categories').whereIn('id', ids).sum('post_count as total').first()
      return Number(row?.total ?? 0)
    }
    const row = await filtered(db.from('posts as p')).count('* as total').first()
    return Number(row?.total ?? 0)
  }
}
