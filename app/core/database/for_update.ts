import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'

/**
 * Row lock for the rest of the transaction on MariaDB. SQLite has no row
 * locks: its write transactions run one at a time (our pool has one
 * connection), so nothing is needed there.
 */
export function forUpdate<
  Q extends DatabaseQueryBuilderContract | ModelQueryBuilderContract<any, any>,
>(query: Q): Q {
  if (query.client.dialect.name === 'mysql') query.forUpdate()
  return query
}
