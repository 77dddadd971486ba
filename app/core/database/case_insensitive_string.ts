import type { Knex } from 'knex'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/**
 * A string column compared without regard to letter case. MariaDB's
 * default utf8mb4 collation already is; SQLite needs COLLATE NOCASE on the
 * column so that `=` and the unique index behave the same way.
 */
export function caseInsensitiveString(
  db: QueryClientContract,
  table: Knex.CreateTableBuilder,
  column: string,
  length: number
) {
  if (db.dialect.name === 'better-sqlite3' || db.dialect.name === 'sqlite3') {
    return table.specificType(column, `varchar(${length}) COLLATE NOCASE`)
  }
  return table.string(column, length)
}
