import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  async up() {
    this.schema.createTable('roles', (table) => {
      table.increments('id')
      table.string('name', 32).notNullable().unique()
    })
    this.schema.createTable('states', (table) => {
      table.increments('id')
      table.string('name', 32).notNullable().unique()
    })
  }

  async down() {
    this.schema.dropTable('states')
    this.schema.dropTable('roles')
  }
}
