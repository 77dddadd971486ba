import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Tags (docs/board.md, "Tags"). A post's tags are the post's, not a
 * version's: `posts.tags` holds them (comma separated, sorted) for the JSON
 * and for a restore; `post_tags` has one row per tag of each live post,
 * with the post's board and category, for `?tag=` lists; `tags` counts the
 * live posts of each tag for `GET /tags`. All three change in the post
 * write's transaction.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('posts', (table) => {
      table.string('tags', 200).notNullable().defaultTo('')
    })
    this.schema.createTable('tags', (table) => {
      table.string('name', 30).primary()
      table.integer('post_count').notNullable().defaultTo(0)
    })
    this.schema.createTable('post_tags', (table) => {
      table
        .integer('post_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('posts')
        .onDelete('CASCADE')
      table.string('tag', 30).notNullable()
      table.integer('board_id').unsigned().notNullable()
      table.integer('category_id').unsigned().notNullable()
      table.primary(['post_id', 'tag'])
      // WHERE tag = ? AND board_id|category_id = ? ORDER BY post_id DESC: one range, read backwards.
      table.index(['tag', 'board_id', 'post_id'])
      table.index(['tag', 'category_id', 'post_id'])
    })
  }

  async down() {
    this.schema.dropTable('post_tags')
    this.schema.dropTable('tags')
    this.schema.alterTable('posts', (table) => {
      table.dropColumn('tags')
    })
  }
}
