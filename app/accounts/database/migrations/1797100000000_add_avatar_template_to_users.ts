import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The member's picture as a URL template with `{size}` (Discourse's
 * avatar_template), set by whichever plugin stores avatars (uploads). On
 * the users row so that withAuthorName carries it in the same join as the
 * name: lists of posts and comments need no query per author.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('users', (table) => {
      table.string('avatar_template', 255).nullable()
    })
  }

  async down() {
    this.schema.alterTable('users', (table) => {
      table.dropColumn('avatar_template')
    })
  }
}
