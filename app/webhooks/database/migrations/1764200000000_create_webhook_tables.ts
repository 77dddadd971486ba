import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('webhook_subscriptions', (table) => {
      table.increments('id')
      table.string('url', 2048).notNullable()
      // JSON array of event names, or ["*"] for every event of the catalog.
      table.text('events').notNullable()
      // Encrypted with APP_KEY: it must be read back to sign, and never appears in a listing.
      table.text('secret_encrypted').notNullable()
      table.string('description', 255).nullable()
      table.boolean('active').notNullable().defaultTo(true)
      table.integer('consecutive_failures').notNullable().defaultTo(0)
      table.string('disabled_reason', 255).nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
    })

    this.schema.createTable('webhook_deliveries', (table) => {
      table.bigIncrements('id')
      table
        .integer('subscription_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('webhook_subscriptions')
        .onDelete('CASCADE')
      table.string('event', 100).notNullable()
      // Sent as X-Board-Delivery; receivers use it to drop duplicates.
      table.string('delivery_key', 36).notNullable().unique()
      // The exact JSON body, signed and sent as is on every attempt.
      table.text('body').notNullable()
      // pending | delivered | dead
      table.string('status', 20).notNullable()
      table.integer('attempts').notNullable().defaultTo(0)
      table.dateTime('next_attempt_at', { precision: 3 }).notNullable()
      // A worker's claim: other instances skip the row until the lease ends.
      table.dateTime('locked_until', { precision: 3 }).nullable()
      table.string('lock_token', 36).nullable()
      table.integer('last_status_code').nullable()
      table.string('last_error', 500).nullable()
      table.timestamp('delivered_at').nullable()
      table.timestamp('created_at').notNullable()
      table.timestamp('updated_at').notNullable()
      // The worker's poll: WHERE status = 'pending' AND next_attempt_at <= now.
      table.index(['status', 'next_attempt_at'])
      table.index(['subscription_id', 'id'])
      table.index(['lock_token'])
    })
  }

  async down() {
    this.schema.dropTable('webhook_deliveries')
    this.schema.dropTable('webhook_subscriptions')
  }
}
