import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/**
 * Inserts rows in multi-row statements of a size each database takes:
 * SQLite's multi-row insert compiles to a compound SELECT of at most 500
 * terms; on MariaDB 5,000 rows (45 terms of a post each, say) stay well
 * under max_allowed_packet.
 */
export async function insertRows<Row extends object>(
  client: QueryClientContract,
  table: string,
  rows: Row[]
) {
  const chunk = client.dialect.name === 'mysql' ? 5000 : 400
  for (let from = 0; from < rows.length; from += chunk)
    await client.table(table).multiInsert(rows.slice(from, from + chunk))
}
