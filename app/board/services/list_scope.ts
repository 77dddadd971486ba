import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { CategoryNode, CategoryTree } from '#board/domain/category_tree'
import type { CallerKind } from '#board/domain/category_access'
import type { PostListIndex } from '#board/services/post_query'

/**
 * The live posts of a category's list: a board lists its whole subtree
 * (through the denormalised board_id), a leaf its own category_id. The
 * subtree is the caller's: categories a caller of `kind` may not read are
 * left out (the list's own category is readable: ListPosts checked it).
 */
export class ListScope {
  /** The readable categories of the list. */
  readonly categoryIds: number[]
  /** Categories of the subtree the caller may not read: left out of a board's range. */
  readonly hiddenIds: number[]

  constructor(
    readonly tree: CategoryTree,
    readonly category: CategoryNode,
    readonly kind: CallerKind = 'anonymous'
  ) {
    const subtree = tree.subtree(category)
    const readable = new Set(tree.readableSubtree(kind, category).map((c) => c.id))
    this.categoryIds = subtree.filter((c) => readable.has(c.id)).map((c) => c.id)
    this.hiddenIds = subtree.filter((c) => !readable.has(c.id)).map((c) => c.id)
  }

  /**
   * Narrows a posts query aliased `p` to this list. A board with hidden
   * categories keeps its (board_id, deleted_at, ...) index range and drops
   * their rows as it walks it (`category_id NOT IN (...)`, read from the
   * row the range points at); a mid-tree category lists its readable ids.
   */
  apply<Query extends DatabaseQueryBuilderContract>(query: Query): Query {
    const ids = this.categoryIds
    if (this.category.parentId === null) {
      query.where('p.board_id', this.category.id)
      if (this.hiddenIds.length) query.whereNotIn('p.category_id', this.hiddenIds)
    } else if (ids.length === 1) query.where('p.category_id', this.category.id)
    else query.whereIn('p.category_id', ids)
    query.whereNull('p.deleted_at')
    return query
  }

  /** Narrows a `post_tags as t` query to this list (the rows carry the post's board and category). */
  applyToTags<Query extends DatabaseQueryBuilderContract>(query: Query): Query {
    if (this.category.parentId === null) {
      query.where('t.board_id', this.category.id)
      if (this.hiddenIds.length) query.whereNotIn('t.category_id', this.hiddenIds)
      return query
    }
    if (this.categoryIds.length === 1) return query.where('t.category_id', this.category.id)
    return query.whereIn('t.category_id', this.categoryIds)
  }

  /** The post_tags index that serves this list (none for a mid-tree category). */
  get tagIndex() {
    if (this.category.parentId === null) return 'post_tags_tag_board_id_post_id_index'
    return this.categoryIds.length === 1 ? 'post_tags_tag_category_id_post_id_index' : undefined
  }

  /** Leaves out the pinned posts of the list's own category (they head its first page). */
  withoutPinned<Query extends DatabaseQueryBuilderContract>(query: Query): Query {
    if (this.category.parentId !== null && this.categoryIds.length === 1)
      return query.whereNull('p.pinned_at')
    return query.where((q) =>
      q.whereNull('p.pinned_at').orWhere('p.category_id', '<>', this.category.id)
    )
  }

  /** The index that serves this list newest first (none for a mid-tree category: it lists several). */
  get index(): PostListIndex | undefined {
    return this.indexBy('id')
  }

  /**
   * The index that serves this list in an order: by id (newest first), by
   * last activity, by votes, or by creation time (a `top` period's range).
   */
  indexBy(order: 'id' | 'last_activity_at_id' | 'vote_count_id' | 'created_at') {
    if (this.category.parentId === null) return `posts_board_id_deleted_at_${order}_index` as const
    if (this.categoryIds.length === 1) return `posts_category_id_deleted_at_${order}_index` as const
    return undefined
  }

  /** Live posts in the list, from the per-category counters every post write keeps exact. */
  async liveCount() {
    const row = await this.#counters().first()
    return Number(row?.total ?? 0)
  }

  /**
   * Adds `liveCount` to each row of a page query as `list_total`: the page
   * and its total in one statement (`totalOf`).
   */
  withLiveCount<Query extends DatabaseQueryBuilderContract>(query: Query): Query {
    return query.select(this.#counters().as('list_total'))
  }

  /** The total of a page queried `withLiveCount`; an empty page asks for it. */
  async totalOf(rows: object[]) {
    if (!rows.length) return this.liveCount()
    return Number((rows[0] as { list_total?: unknown }).list_total ?? 0)
  }

  #counters() {
    return db.from('categories').whereIn('id', this.categoryIds).sum('post_count as total')
  }
}
