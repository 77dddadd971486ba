import { BaseSchema } from '@adonisjs/lucid/schema'

/** A comment may answer another of the same post (the "reply to my comment" notification). */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('comments', (table) => {
      // No foreign key: comments are only soft-deleted, and SQLite cannot add one to a table.
      table.integer('reply_to_id').unsigned().nullable()
    })
  }

  async down() {
    this.schema.alterTable('comments', (table) => {
      table.dropColumn('reply_to_id')
    })
  }
}
