import { BaseSchema } from '@adonisjs/lucid/schema'
import { SearchIndex } from '#board/search/post_search'

/**
 * MariaDB only: the term index (`post_terms`, see docs/board.md) replaces
 * the FULLTEXT index on post_search, which read every post a word occurs
 * in on each search. Built from post_search, so a
 * board that already has posts keeps finding them.
 */
export default class extends BaseSchema {
  // DDL commits on MariaDB anyway, and the bulk load should not be one transaction.
  static disableTransactions = true

  async up() {
    if (this.db.dialect.name !== 'mysql') return
    this.defer(async (client) => {
      await SearchIndex.rebuildTerms(client)
    })
    this.schema.raw('ALTER TABLE post_search DROP INDEX post_search_fulltext')
  }

  async down() {
    if (this.db.dialect.name !== 'mysql') return
    this.schema.raw(
      'ALTER TABLE post_search ADD FULLTEXT INDEX post_search_fulltext (title, content)'
    )
    this.schema.dropTable('post_terms')
  }
}
