import { BaseSchema } from '@adonisjs/lucid/schema'
import type { Knex } from 'knex'
import { caseInsensitiveString } from '#core/database/case_insensitive_string'

/**
 * Email: when the address was verified, the new address an
 * email change waits on, and the single-use tokens of reset and
 * verification links. Accounts that exist before this migration start
 * unverified: none of their addresses was ever confirmed.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('users', (table) => {
      table.dateTime('email_verified_at', { precision: 3 }).nullable()
      // Not unique: two accounts may ask for one address; the first to verify it gets it.
      caseInsensitiveString(
        this.db,
        table as unknown as Knex.CreateTableBuilder,
        'pending_email',
        254
      ).nullable()
    })

    this.schema.createTable('email_tokens', (table) => {
      table.bigIncrements('id')
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      // password_reset | email_verification
      table.string('purpose', 30).notNullable()
      // Only a SHA-256 of the token is stored.
      table.string('token_hash', 64).notNullable().unique()
      // The address the link was sent to: it proves that address, and no other.
      table.string('email', 254).notNullable()
      table.dateTime('expires_at', { precision: 3 }).notNullable()
      table.dateTime('used_at', { precision: 3 }).nullable()
      table.dateTime('created_at', { precision: 3 }).notNullable()
      table.index(['user_id', 'purpose'])
    })
  }

  async down() {
    this.schema.dropTable('email_tokens')
    this.schema.alterTable('users', (table) => {
      table.dropColumn('pending_email')
      table.dropColumn('email_verified_at')
    })
  }
}
