import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * One row per admin panel sign-in. The session (a cookie, or Redis) holds
 * the row's id; signing out ends the row, so a copy of the cookie taken
 * before is refused, whichever session store is used.
 */
export default class extends BaseSchema {
  protected tableName = 'panel_sessions'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.string('id', 36).primary()
      table.integer('user_id').unsigned().notNullable()
      // The account's token version at sign-in: a password change (which bumps it) ends it.
      table.integer('token_version').unsigned().notNullable()
      table.dateTime('created_at', { precision: 3 }).notNullable()
      table.dateTime('ended_at', { precision: 3 }).nullable()
      table.index(['user_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
