import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The UTC day a member was last seen (a login, or an authenticated request),
 * for public profiles. A day, not a time: it is written at most once a day
 * per member and shows no more than that.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('users', (table) => {
      table.date('last_seen_on').nullable()
    })
  }

  async down() {
    this.schema.alterTable('users', (table) => {
      table.dropColumn('last_seen_on')
    })
  }
}
