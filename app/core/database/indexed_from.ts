import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/**
 * `from <table> as <alias>`, with `index` pinned when given (MariaDB's
 * `force index`, SQLite's `indexed by`). Table, alias and index are
 * constants of the calling code, never user input.
 */
export function indexedFrom(
  table: string,
  alias: string,
  index?: string,
  client: QueryClientContract = db.connection()
) {
  const query = client.from(`${table} as ${alias}`)
  if (index) {
    const hint = client.dialect.name === 'mysql' ? `force index (${index})` : `indexed by ${index}`
    query.knexQuery.from(query.knexQuery.client.raw(`${table} as ${alias} ${hint}`))
  }
  return query
}
