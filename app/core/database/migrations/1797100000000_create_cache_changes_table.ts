import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The cache change log (app/core/cache/cache_change_feed.ts): every cache
 * invalidation is recorded here, and every server process reads the new
 * rows every few hundred milliseconds, so a change made by an Ace command,
 * another instance or during a Redis outage reaches every process's cache.
 * Rows live for minutes.
 */
export default class extends BaseSchema {
  protected tableName = 'cache_changes'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      // JSON arrays of cache keys and tags.
      table.text('cache_keys').notNullable()
      table.text('cache_tags').notNullable()
      table.bigInteger('created_ms').notNullable()
      table.index(['created_ms'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
