import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A rename or an account deletion replaces the account's grams by
 * `user_id`, which is not the key's first column: without this index
 * SQLite scanned every account's grams. MariaDB has one already,
 * made for the foreign key.
 */
export default class extends BaseSchema {
  async up() {
    if (this.db.dialect.name === 'mysql') return
    this.schema.alterTable('user_name_grams', (table) => {
      table.index(['user_id'], 'user_name_grams_user_id_index')
    })
  }

  async down() {
    if (this.db.dialect.name === 'mysql') return
    this.schema.alterTable('user_name_grams', (table) => {
      table.dropIndex(['user_id'], 'user_name_grams_user_id_index')
    })
  }
}
