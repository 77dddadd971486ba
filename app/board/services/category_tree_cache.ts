import cache from '@adonisjs/cache/services/main'
import { invalidate } from '#core/cache/invalidate'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { CategoryTree, type CategoryNode } from '#board/domain/category_tree'
import { isAccessLevel } from '#board/domain/category_access'

/** A stored level; anything else (null, a typo made by hand in the database) inherits. */
function levelOrNull(value: unknown) {
  return isAccessLevel(value) ? value : null
}

const KEY = 'board:category-tree'

/**
 * The category tree, cached (it is read by every list request); category
 * commands drop it. Its post counts are for display only: list totals are
 * read from the database, where they change with each post write.
 */
export class CategoryTreeCache {
  static readonly key = KEY

  static async get(): Promise<CategoryTree> {
    const nodes = await cache.getOrSet({
      key: KEY,
      ttl: '10m',
      factory: () => CategoryTreeCache.load(),
    })
    return new CategoryTree(nodes)
  }

  /** Straight from the database (inside a transaction, pass it). */
  static async fresh(client?: QueryClientContract) {
    return new CategoryTree(await CategoryTreeCache.load(client))
  }

  static async forget() {
    await invalidate({ keys: [KEY] })
  }

  static async load(client?: QueryClientContract): Promise<CategoryNode[]> {
    const rows = await (client ?? db)
      .from('categories')
      .select(
        'id',
        'parent_id',
        'name',
        'tier',
        'position',
        'post_count',
        'read_access',
        'post_access',
        'comment_access'
      )
    return rows.map((row) => ({
      id: Number(row.id),
      parentId: row.parent_id === null ? null : Number(row.parent_id),
      name: row.name,
      tier: Number(row.tier),
      position: Number(row.position),
      postCount: Number(row.post_count),
      own: {
        read: levelOrNull(row.read_access),
        post: levelOrNull(row.post_access),
        comment: levelOrNull(row.comment_access),
      },
    }))
  }
}
