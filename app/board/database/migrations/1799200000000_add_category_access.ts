import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Who may read, post and comment in a category (docs/board.md, "Category
 * permissions"): `everyone | members | moderators`, null = inherited from
 * the parent (a board's null: everyone reads, members post and comment).
 * Resolved when the cached category tree is built: no query per check.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('categories', (table) => {
      table.string('read_access', 10).nullable()
      table.string('post_access', 10).nullable()
      table.string('comment_access', 10).nullable()
    })
  }

  async down() {
    this.schema.alterTable('categories', (table) => {
      table.dropColumn('read_access')
      table.dropColumn('post_access')
      table.dropColumn('comment_access')
    })
  }
}
