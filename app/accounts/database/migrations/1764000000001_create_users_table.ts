import { BaseSchema } from '@adonisjs/lucid/schema'
import { caseInsensitiveString } from '#core/database/case_insensitive_string'

export default class extends BaseSchema {
  protected tableName = 'users'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      // Names and emails are unique regardless of letter case on both databases.
      caseInsensitiveString(this.db, table, 'name', 100).notNullable().unique()
      caseInsensitiveString(this.db, table, 'email', 254).notNullable().unique()
      table.string('password', 255).notNullable()
      table.integer('role_id').unsigned().notNullable().references('id').inTable('roles')
      // Bumped on password change and deletion: access tokens of an older version stop working.
      table.integer('token_version').unsigned().notNullable().defaultTo(1)
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      table.timestamp('deleted_at').nullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
