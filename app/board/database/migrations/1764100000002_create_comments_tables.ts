import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('comments', (table) => {
      table.increments('id')
      table
        .integer('post_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('posts')
        .onDelete('CASCADE')
      table.integer('user_id').unsigned().notNullable().references('id').inTable('users')
      table.integer('current_version').unsigned().notNullable().defaultTo(1)
      table.integer('vote_count').notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.timestamp('deleted_at').nullable()
      // Comment list: WHERE post_id = ? AND deleted_at IS NULL ORDER BY id ASC
      table.index(['post_id', 'deleted_at', 'id'])
      table.index(['user_id'])
    })

    this.schema.createTable('comment_versions', (table) => {
      table.increments('id')
      table
        .integer('comment_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('comments')
        .onDelete('CASCADE')
      table.integer('version').unsigned().notNullable()
      table.text('content').notNullable()
      table.integer('user_id').unsigned().notNullable().references('id').inTable('users')
      table.timestamp('created_at').notNullable()
      table.unique(['comment_id', 'version'])
    })

    this.schema.createTable('comment_votes', (table) => {
      table.integer('user_id').unsigned().notNullable().references('id').inTable('users')
      table
        .integer('comment_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('comments')
        .onDelete('CASCADE')
      table.timestamp('created_at').notNullable()
      table.primary(['user_id', 'comment_id'])
      table.index(['comment_id'])
    })
  }

  async down() {
    this.schema.dropTable('comment_votes')
    this.schema.dropTable('comment_versions')
    this.schema.dropTable('comments')
  }
}
