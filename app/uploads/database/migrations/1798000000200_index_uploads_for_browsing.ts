import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The staff's uploads page (UploadDirectory): newest first reads the
 * primary key; by size, and by one member newest or largest first, read
 * these, a page at a time from a cursor (never an OFFSET). `(user_id, id)`
 * replaces `(user_id, created_at)`: ids grow with time, a member's quota sum
 * reads either, and with both MariaDB picked the old one and sorted.
 */
export default class extends BaseSchema {
  protected tableName = 'uploads'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.index(['size', 'id'], 'uploads_size_id_index')
      table.index(['user_id', 'id'], 'uploads_user_id_id_index')
      table.index(['user_id', 'size', 'id'], 'uploads_user_id_size_id_index')
      table.dropIndex(['user_id', 'created_at'])
    })
  }

  async down() {
    this.schema.alterTable(this.tableName, (table) => {
      table.dropIndex(['size', 'id'], 'uploads_size_id_index')
      table.dropIndex(['user_id', 'id'], 'uploads_user_id_id_index')
      table.dropIndex(['user_id', 'size', 'id'], 'uploads_user_id_size_id_index')
      table.index(['user_id', 'created_at'])
    })
  }
}
