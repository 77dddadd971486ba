import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('audit_entries', (table) => {
      table.bigIncrements('id')
      // No foreign key: the log outlives whatever it talks about, and belongs to no other plugin.
      table.integer('actor_id').unsigned().nullable()
      table.string('action', 50).notNullable()
      table.string('resource_type', 30).notNullable()
      table.integer('resource_id').unsigned().nullable()
      table.text('details').nullable()
      table.timestamp('created_at').notNullable()
      // Lists are newest first (id desc), filtered by one of these.
      table.index(['actor_id', 'id'])
      table.index(['resource_type', 'resource_id', 'id'])
      table.index(['action', 'id'])
      table.index(['created_at'])
    })
  }

  async down() {
    this.schema.dropTable('audit_entries')
  }
}
