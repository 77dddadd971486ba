import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Personal API tokens, in the layout of @adonisjs/auth's database token
 * provider (ApiTokenStore reads and writes it). Only a SHA-256 of each
 * secret is stored.
 */
export default class extends BaseSchema {
  protected tableName = 'api_tokens'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('tokenable_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('type', 32).notNullable()
      table.string('name', 100).notNullable()
      table.string('hash', 64).notNullable()
      // A JSON array: ["read"], ["read","write"].
      table.string('abilities', 255).notNullable()
      // DATETIME(3), not TIMESTAMP: milliseconds like every time of the app, and a ten-year
      // token outlives MariaDB's TIMESTAMP range (2038).
      table.dateTime('created_at', { precision: 3 }).notNullable()
      table.dateTime('updated_at', { precision: 3 }).notNullable()
      table.dateTime('last_used_at', { precision: 3 }).nullable()
      table.dateTime('expires_at', { precision: 3 }).nullable()
      table.index(['tokenable_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
