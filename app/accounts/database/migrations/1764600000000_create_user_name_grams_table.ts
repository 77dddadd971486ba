import { BaseSchema } from '@adonisjs/lucid/schema'
import { UserNameIndex } from '#accounts/services/user_name_index'

/**
 * Account names by 3-character grams (see UserNameIndex): the author
 * match of every keyword search read every name. Built from the accounts
 * a board already has.
 */
export default class extends BaseSchema {
  protected tableName = 'user_name_grams'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      const gram = table.string('gram', 3).notNullable()
      // Grams are folded already: compared byte for byte.
      if (this.db.dialect.name === 'mysql') gram.collate('utf8mb4_bin')
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.primary(['gram', 'user_id'])
    })
    this.defer(async (client) => {
      await UserNameIndex.rebuild(client)
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
