import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Reports of posts and comments. `report_cases` groups the reports on one
 * piece of content while they are open (the queue item); a report after a
 * resolution opens a new case. The targets and users are other plugins'
 * ids: no foreign keys to their tables.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('report_cases', (table) => {
      table.bigIncrements('id')
      // 'post' or 'comment', and its id.
      table.string('target_type', 10).notNullable()
      table.bigInteger('target_id').unsigned().notNullable()
      // The content's author (block_author).
      table.bigInteger('author_id').unsigned().notNullable()
      // 1 while open, null once resolved: at most one open case per target
      // (NULLs never collide in a unique index, on MariaDB and SQLite alike).
      table.tinyint('open').unsigned().nullable()
      // Reports in the case: exact, changed under the case's row lock.
      table.integer('report_count').unsigned().notNullable().defaultTo(0)
      table.dateTime('hidden_at', { precision: 3 }).nullable()
      table.dateTime('created_at', { precision: 3 }).notNullable()
      table.dateTime('resolved_at', { precision: 3 }).nullable()
      table.bigInteger('resolved_by').unsigned().nullable()
      table.string('resolution', 20).nullable()
      table.string('resolution_note', 500).nullable()
      table.unique(['target_type', 'target_id', 'open'], { indexName: 'report_cases_open_target' })
      // The queue: WHERE open <=> ? ORDER BY id, from a cursor.
      table.index(['open', 'id'], 'report_cases_open_id_index')
    })

    this.schema.createTable('reports', (table) => {
      table.bigIncrements('id')
      table
        .bigInteger('case_id')
        .unsigned()
        .notNullable()
        .references('id')
        .inTable('report_cases')
        .onDelete('CASCADE')
      table.bigInteger('reporter_id').unsigned().notNullable()
      table.string('reason', 20).notNullable()
      table.string('note', 500).nullable()
      table.dateTime('created_at', { precision: 3 }).notNullable()
      // Closed with its case, in the same transaction.
      table.dateTime('resolved_at', { precision: 3 }).nullable()
      // One report per member on a case; a case is open or closed as a whole, so this is
      // "one open report per member and target".
      table.unique(['case_id', 'reporter_id'])
    })
  }

  async down() {
    this.schema.dropTable('reports')
    this.schema.dropTable('report_cases')
  }
}
