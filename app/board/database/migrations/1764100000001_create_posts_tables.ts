import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('posts', (table) => {
      table.increments('id')
      table.integer('user_id').unsigned().notNullable().references('id').inTable('users')
      table.integer('category_id').unsigned().notNullable().references('id').inTable('categories')
      // The root (tier 0) category, so a board lists its whole subtree through one index range.
      table.integer('board_id').unsigned().notNullable().references('id').inTable('categories')
      table.integer('current_version').unsigned().notNullable().defaultTo(1)
      table.integer('vote_count').notNullable().defaultTo(0)
      table.integer('comment_count').notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.timestamp('deleted_at').nullable()
      // The list query: WHERE category_id|board_id = ? AND deleted_at IS NULL ORDER BY id DESC.
      // No (deleted_at, id) index: MariaDB would intersect it with these and filesort.
      table.index(['category_id', 'deleted_at', 'id'])
      table.index(['board_id', 'deleted_at', 'id'])
      table.index(['user_id'])
    })

    this.schema.createTable('post_versions', (table) => {
      table.increments('id')
      table
        .integer('post_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('posts')
        .onDelete('CASCADE')
      table.integer('version').unsigned().notNullable()
      table.string('title', 255).notNullable()
      table.text('content').notNullable()
      table.integer('user_id').unsigned().notNullable().references('id').inTable('users')
      table.timestamp('created_at').notNullable()
      table.unique(['post_id', 'version'])
    })

    this.schema.createTable('post_votes', (table) => {
      table.integer('user_id').unsigned().notNullable().references('id').inTable('users')
      table
        .integer('post_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('posts')
        .onDelete('CASCADE')
      table.timestamp('created_at').notNullable()
      table.primary(['user_id', 'post_id'])
      table.index(['post_id'])
    })
  }

  async down() {
    this.schema.dropTable('post_votes')
    this.schema.dropTable('post_versions')
    this.schema.dropTable('posts')
  }
}
