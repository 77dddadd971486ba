import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('reading_times', (table) => {
      // No foreign key: the posts table is the board's; rows follow its events.
      table.integer('post_id').unsigned().primary()
      table.integer('words').unsigned().notNullable()
      table.boolean('hidden').notNullable().defaultTo(false)
      table.timestamp('updated_at').notNullable()
    })
  }

  async down() {
    this.schema.dropTable('reading_times')
  }
}
