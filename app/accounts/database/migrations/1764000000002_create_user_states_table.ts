import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'user_states'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('user_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('users')
        .onDelete('CASCADE')
      table.integer('state_id').unsigned().notNullable().references('id').inTable('states')
      table.string('reason', 500).nullable()
      table
        .integer('created_by')
        .unsigned()
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('created_at').notNullable()
      // A state is held at most once; removing the row lifts it.
      table.unique(['user_id', 'state_id'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
