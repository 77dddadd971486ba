import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Members' pictures: one row per member who has one, its files on the disk
 * at every size of AVATAR_SIZES (keys built from public_id). Not uploads
 * rows: an avatar is never attached, pruned or listed as an upload, and
 * does not count toward the upload quota.
 */
export default class extends BaseSchema {
  protected tableName = 'user_avatars'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      // One picture per member (no foreign key: the users table is the accounts plugin's).
      table.bigInteger('user_id').unsigned().notNullable().unique()
      // In URLs (/uploads/avatars/<public_id>/<size>.webp): random, never reused.
      table.string('public_id', 32).notNullable().unique()
      // Bytes of all its sizes together.
      table.integer('size').unsigned().notNullable()
      table.dateTime('created_at', { precision: 3 }).notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
