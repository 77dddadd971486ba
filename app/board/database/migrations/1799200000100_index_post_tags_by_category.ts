import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * GET /tags for a caller who may not read some categories (category
 * permissions): the tags of those categories, counted to be taken off the
 * global counters, read as one range per closed category:
 * WHERE category_id IN (...) [AND tag range] GROUP BY tag.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('post_tags', (table) => {
      table.index(['category_id', 'tag'])
    })
  }

  async down() {
    this.schema.alterTable('post_tags', (table) => {
      table.dropIndex(['category_id', 'tag'])
    })
  }
}
