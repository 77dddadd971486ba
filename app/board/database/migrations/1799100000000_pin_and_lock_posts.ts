import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Moderators pin a post to the top of its category's first page and lock it
 * against new comments and votes (docs/board.md, "Pinned and locked posts").
 * Times, not flags: the newest pin shows first, and audits read when.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('posts', (table) => {
      table.datetime('pinned_at', { precision: 3 }).nullable()
      table.datetime('locked_at', { precision: 3 }).nullable()
      // A category's pinned posts: WHERE category_id = ? AND pinned_at IS NOT NULL, a short range.
      table.index(['category_id', 'pinned_at'])
    })
  }

  async down() {
    this.schema.alterTable('posts', (table) => {
      table.dropIndex(['category_id', 'pinned_at'])
      table.dropColumn('pinned_at')
      table.dropColumn('locked_at')
    })
  }
}
