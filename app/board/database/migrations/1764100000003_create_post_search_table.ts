import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The current title and content of every live post, for full-text search:
 * an FTS5 table (trigram tokenizer: literal substring matches) on SQLite,
 * an InnoDB table with a FULLTEXT index on MariaDB. The search adapters
 * keep it in step in the transaction of each post write.
 */
export default class extends BaseSchema {
  async up() {
    if (this.db.dialect.name === 'mysql') {
      this.schema.createTable('post_search', (table) => {
        table
          .integer('post_id')
          .unsigned()
          .primary()
          .references('id')
          .inTable('posts')
          .onDelete('CASCADE')
        table.string('title', 255).notNullable()
        table.text('content').notNullable()
      })
      this.schema.raw(
        'ALTER TABLE post_search ADD FULLTEXT INDEX post_search_fulltext (title, content)'
      )
    } else {
      this.schema.raw(
        "CREATE VIRTUAL TABLE post_search USING fts5(title, content, tokenize = 'trigram case_sensitive 0')"
      )
    }
  }

  async down() {
    this.schema.raw('DROP TABLE IF EXISTS post_search')
  }
}
