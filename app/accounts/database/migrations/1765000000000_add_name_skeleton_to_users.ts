import { BaseSchema } from '@adonisjs/lucid/schema'
import { nameSkeleton } from '#accounts/domain/name_skeleton'

/**
 * `users.name_skeleton`: the look-alike key of a live account's name,
 * unique, compared byte for byte (MariaDB's default collation would also
 * equate accents). Existing accounts get theirs; where two existing names
 * already look alike, the newer keeps none (both stay, no new look-alike
 * of either can be made while the older one is live).
 */
export default class extends BaseSchema {
  async up() {
    const mysql = this.db.dialect.name === 'mysql'
    this.schema.alterTable('users', (table) => {
      const column = table.string('name_skeleton', 400).nullable()
      if (mysql) column.collate('utf8mb4_bin')
    })
    this.defer(async (db) => {
      const seen = new Set<string>()
      let after = 0
      for (;;) {
        const users = await db
          .from('users')
          .whereNull('deleted_at')
          .where('id', '>', after)
          .orderBy('id')
          .limit(1000)
          .select('id', 'name')
        if (!users.length) break
        for (const user of users) {
          const key = nameSkeleton(user.name)
          if (seen.has(key)) continue
          seen.add(key)
          await db.from('users').where('id', user.id).update({ name_skeleton: key })
        }
        after = Number(users.at(-1).id)
      }
    })
    this.schema.alterTable('users', (table) => {
      table.unique(['name_skeleton'], { indexName: 'users_name_skeleton_unique' })
    })
  }

  async down() {
    this.schema.alterTable('users', (table) => {
      table.dropUnique(['name_skeleton'], 'users_name_skeleton_unique')
    })
    // knex rebuilds a SQLite table to drop a column, which the foreign keys to users refuse.
    if (this.db.dialect.name === 'mysql') {
      this.schema.alterTable('users', (table) => table.dropColumn('name_skeleton'))
    } else {
      this.defer((db) => db.rawQuery('ALTER TABLE users DROP COLUMN name_skeleton'))
    }
  }
}
