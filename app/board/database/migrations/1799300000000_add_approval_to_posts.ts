import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The approval queue (docs/moderation.md, "The approval queue"): a new
 * member's post waits until a moderator approves or rejects it. A waiting
 * post carries deleted_at as a hidden one does, so every list, count and
 * search leaves it out through the indexes it already uses; `pending` tells
 * it apart. `pending` is 1 while waiting and NULL otherwise (not 0), so the
 * queue's index `(pending, id)` holds only waiting posts' entries under 1
 * and reads them oldest first: `WHERE pending = 1 AND id > ? ORDER BY id`.
 * `rejected_at`: the post left the queue unpublished (a moderator rejected
 * it, or its author withdrew it); it stays deleted and nobody restores it.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('posts', (table) => {
      table.tinyint('pending').nullable()
      table.datetime('rejected_at', { precision: 3 }).nullable()
      table.index(['pending', 'id'])
    })
  }

  async down() {
    this.schema.alterTable('posts', (table) => {
      table.dropIndex(['pending', 'id'])
      table.dropColumn('pending')
      table.dropColumn('rejected_at')
    })
  }
}
