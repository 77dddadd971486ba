import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * One row per member who uploaded: the row StoreUpload locks while it
 * re-reads the member's usage and inserts the upload, so two concurrent
 * uploads cannot both pass the quota check (a member with no upload yet has
 * no uploads row to lock). SQLite needs no lock (one writer at a time).
 */
export default class extends BaseSchema {
  protected tableName = 'upload_quota_locks'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      // No foreign key: the users table is the accounts plugin's.
      table.bigInteger('user_id').unsigned().primary()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
