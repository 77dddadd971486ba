import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The list sorts (docs/board.md, "Sorting"): `activity` orders by
 * `last_activity_at` (the newest live comment's time, else the post's own),
 * kept by the comment writes in their transaction; `top` by `vote_count`,
 * or, within a period, the period's posts by their created_at range. One
 * index per sort for boards and for categories, as the newest-first list.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('posts', (table) => {
      // NOT NULL with a placeholder default: SQLite adds a NOT NULL column only with a default.
      table
        .datetime('last_activity_at', { precision: 3 })
        .notNullable()
        .defaultTo('1970-01-01 00:00:00.000')
    })
    this.defer(async (client) => {
      // The newest live comment is the one with the highest id (ids grow with time).
      await client.rawQuery(`
        UPDATE posts SET last_activity_at = COALESCE(
          (SELECT c.created_at FROM comments c
           WHERE c.post_id = posts.id AND c.deleted_at IS NULL
           ORDER BY c.id DESC LIMIT 1),
          posts.created_at)`)
    })
    this.schema.alterTable('posts', (table) => {
      for (const scope of ['board_id', 'category_id']) {
        table.index([scope, 'deleted_at', 'last_activity_at', 'id'])
        table.index([scope, 'deleted_at', 'vote_count', 'id'])
        // vote_count too: a period's posts are sorted from the index alone (covering).
        table.index(
          [scope, 'deleted_at', 'created_at', 'vote_count'],
          `posts_${scope}_deleted_at_created_at_index`
        )
      }
    })
  }

  async down() {
    this.schema.alterTable('posts', (table) => {
      for (const scope of ['board_id', 'category_id']) {
        table.dropIndex([scope, 'deleted_at', 'last_activity_at', 'id'])
        table.dropIndex([scope, 'deleted_at', 'vote_count', 'id'])
        table.dropIndex([], `posts_${scope}_deleted_at_created_at_index`)
      }
      table.dropColumn('last_activity_at')
    })
  }
}
