import { BaseSchema } from '@adonisjs/lucid/schema'
import { caseInsensitiveString } from '#core/database/case_insensitive_string'

export default class extends BaseSchema {
  protected tableName = 'categories'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.integer('parent_id').unsigned().nullable().references('id').inTable('categories')
      // Tier 0 categories are boards; the tier is kept in step by moves.
      table.integer('tier').unsigned().notNullable().defaultTo(0)
      caseInsensitiveString(this.db, table, 'name', 50).notNullable().unique()
      table.integer('position').notNullable().defaultTo(0)
      // Live (not deleted) posts directly in this category: exact totals without COUNT(*).
      table.integer('post_count').unsigned().notNullable().defaultTo(0)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.index(['parent_id', 'position'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
