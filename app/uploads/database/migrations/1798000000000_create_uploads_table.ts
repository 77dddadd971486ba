import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'uploads'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      // The uploader's id (no foreign key: the users table is the accounts plugin's).
      table.bigInteger('user_id').unsigned().notNullable()
      // In URLs (/uploads/<public_id>.<ext>): random, so they are never guessed.
      table.string('public_id', 32).notNullable().unique()
      // Keys on the disk, built from public_id: a key never holds other content.
      table.string('storage_key', 100).notNullable()
      table.string('thumbnail_key', 100).nullable()
      // Decided from the bytes, never from the name or the client's header.
      table.string('content_type', 100).notNullable()
      // Bytes stored (after an image was cleaned), what the quota counts.
      table.bigInteger('size').unsigned().notNullable()
      table.integer('width').unsigned().nullable()
      table.integer('height').unsigned().nullable()
      table.string('sha256', 64).notNullable()
      // The client's file name, for Content-Disposition (never used in a path).
      table.string('original_name', 255).nullable()
      table.dateTime('created_at', { precision: 3 }).notNullable()
      // Set when a post or comment uses it; unattached uploads are pruned after a day.
      table.dateTime('attached_at', { precision: 3 }).nullable()
      // A member's uploads (quota, listing) by age.
      table.index(['user_id', 'created_at'])
      // Pruning: WHERE attached_at IS NULL AND created_at < cutoff.
      table.index(['attached_at', 'created_at'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
