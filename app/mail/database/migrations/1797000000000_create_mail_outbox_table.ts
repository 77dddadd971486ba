import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'mail_outbox'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      // Which mail it is (`accounts::password_reset`), for the operator's listing.
      table.string('template', 150).notNullable()
      table.string('recipient', 254).notNullable()
      table.string('subject', 255).notNullable()
      // The rendered message, encrypted with APP_KEY (it may hold a single-use link);
      // erased once the mail is sent.
      table.text('message_encrypted', 'mediumtext').nullable()
      // pending | sent | dead
      table.string('status', 20).notNullable()
      table.integer('attempts').notNullable().defaultTo(0)
      table.dateTime('next_attempt_at', { precision: 3 }).notNullable()
      // A worker's claim: other instances skip the row until the lease ends.
      table.dateTime('locked_until', { precision: 3 }).nullable()
      table.string('lock_token', 36).nullable()
      table.string('last_error', 500).nullable()
      table.dateTime('sent_at', { precision: 3 }).nullable()
      table.dateTime('created_at', { precision: 3 }).notNullable()
      table.dateTime('updated_at', { precision: 3 }).notNullable()
      // The worker's poll: WHERE status = 'pending' AND next_attempt_at <= now.
      table.index(['status', 'next_attempt_at'])
      // Pruning: sent and dead rows by age.
      table.index(['status', 'updated_at'])
      table.index(['lock_token'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
