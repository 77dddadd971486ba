import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('notifications', (table) => {
      table.bigIncrements('id')
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('kind', 32).notNullable()
      // Who caused it (null once their account is gone).
      table
        .integer('actor_id')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      // The content it is about: no foreign keys, board content is soft-deleted and the
      // notification is withdrawn by these ids.
      table.integer('post_id').unsigned().nullable()
      table.integer('comment_id').unsigned().nullable()
      // What caused it ("comment:12"): a member is notified once per cause, whatever the
      // kind, and a retried fan-out batch inserts nothing twice.
      table.string('source_key', 64).notNullable()
      // A snapshot for the list (the post's title, the moderation act).
      table.text('data').notNullable()
      // Waiting for the member's next email digest.
      table.boolean('email_pending').notNullable().defaultTo(false)
      table.dateTime('read_at', { precision: 3 }).nullable()
      table.dateTime('created_at', { precision: 3 }).notNullable()
      table.unique(['user_id', 'source_key'])
      // The list, newest first; the unread list and count.
      table.index(['user_id', 'id'])
      table.index(['user_id', 'read_at', 'id'])
      table.index(['post_id'])
      table.index(['comment_id'])
      table.index(['email_pending', 'user_id'])
    })

    this.schema.createTable('notification_watches', (table) => {
      // post | category
      table.string('target', 16).notNullable()
      table.integer('target_id').unsigned().notNullable()
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      // watching | muted (an author who stopped watching their own post)
      table.string('level', 16).notNullable()
      table.dateTime('created_at', { precision: 3 }).notNullable()
      // The fan-out reads the watchers of a target in user id order, in batches.
      table.primary(['target', 'target_id', 'user_id'])
      table.index(['user_id'])
    })

    this.schema.createTable('notification_settings', (table) => {
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.string('kind', 32).notNullable()
      // off | app | email; a kind without a row has its default.
      table.string('channel', 8).notNullable()
      table.dateTime('updated_at', { precision: 3 }).notNullable()
      table.primary(['user_id', 'kind'])
    })

    // The fan-out queue: one row per board event, worked through in batches of recipients.
    this.schema.createTable('notification_jobs', (table) => {
      table.bigIncrements('id')
      table.string('event', 40).notNullable()
      table.text('payload').notNullable()
      // The last watcher (user id) notified: a batch resumes after it.
      table.integer('cursor').unsigned().notNullable().defaultTo(0)
      // pending | done | dead
      table.string('status', 16).notNullable()
      table.integer('attempts').notNullable().defaultTo(0)
      table.dateTime('next_attempt_at', { precision: 3 }).notNullable()
      table.dateTime('locked_until', { precision: 3 }).nullable()
      table.string('lock_token', 36).nullable()
      table.string('last_error', 500).nullable()
      table.dateTime('created_at', { precision: 3 }).notNullable()
      table.dateTime('updated_at', { precision: 3 }).notNullable()
      table.index(['status', 'next_attempt_at'])
      table.index(['lock_token'])
    })

    // When each member was last sent a digest (at most one every NOTIFY_EMAIL_DIGEST_MINUTES).
    this.schema.createTable('notification_mailings', (table) => {
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .primary()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.dateTime('last_sent_at', { precision: 3 }).notNullable()
    })
  }

  async down() {
    this.schema.dropTable('notification_mailings')
    this.schema.dropTable('notification_jobs')
    this.schema.dropTable('notification_settings')
    this.schema.dropTable('notification_watches')
    this.schema.dropTable('notifications')
  }
}
