import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Which uploads each version of a post or comment has (recorded in the
 * board's write transaction through its content extension point), and
 * which of that content is deleted. Targets are the board's ids: no
 * foreign key to its tables, which belong to another plugin.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('upload_attachments', (table) => {
      table
        .bigInteger('upload_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('uploads')
        .onDelete('CASCADE')
      // 'post' or 'comment', and its id.
      table.string('target_type', 10).notNullable()
      table.bigInteger('target_id').unsigned().notNullable()
      // The post itself, or the comment's post: a deleted post hides its comments' files too.
      table.bigInteger('post_id').unsigned().notNullable()
      table.integer('version').unsigned().notNullable()
      // The order the writer gave.
      table.smallint('position').unsigned().notNullable()
      // A version's attachments: WHERE target_type = ? AND (target_id, version) IN (...).
      table.primary(['target_type', 'target_id', 'version', 'upload_id'])
      // Serving a file: is any content that has it still live?
      table.index(['upload_id'])
      // Deleting a post: has it, or one of its comments, attachments to hide?
      table.index(['post_id'])
    })

    this.schema.createTable('upload_hidden_targets', (table) => {
      // A deleted post or comment that has attachments: its files answer 404 to strangers.
      table.string('target_type', 10).notNullable()
      table.bigInteger('target_id').unsigned().notNullable()
      table.primary(['target_type', 'target_id'])
    })
  }

  async down() {
    this.schema.dropTable('upload_hidden_targets')
    this.schema.dropTable('upload_attachments')
  }
}
