import type { QueryClientContract } from '@adonisjs/lucid/types/database'

/**
 * Inserts rows in multi-row statements of a size each database takes:
 * SQLite's multi-row insert compiles to a compound SELECT of at most 500
 * terms; MariaDB only needs to stay under max_allowed_packet.
 */
export async function insertRows(
  client: QueryClientContract,
  table: string,
  rows: Record<string, unknown>[]
) {
  const chunk = client.dialect.name === 'mysql' ? 5000 : 400
  for (let from = 0; from < rows.length; from += chunk)
    await client.table(table).multiInsert(rows.slice(from, from + chunk))
}
