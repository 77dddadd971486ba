import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Content hidden by moderation (members' reports, app/moderation) until a
 * moderator decides. A hidden row also carries deleted_at, so every public
 * path (lists, reads, search, comments, votes, counters) leaves it out
 * through the filters and indexes it already has; hidden_at tells it apart
 * from a deletion (its author may not restore it). No index: nothing lists
 * by it.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('posts', (table) => {
      table.dateTime('hidden_at', { precision: 3 }).nullable()
    })
    this.schema.alterTable('comments', (table) => {
      table.dateTime('hidden_at', { precision: 3 }).nullable()
    })
  }

  async down() {
    this.schema.alterTable('posts', (table) => {
      table.dropColumn('hidden_at')
    })
    this.schema.alterTable('comments', (table) => {
      table.dropColumn('hidden_at')
    })
  }
}
