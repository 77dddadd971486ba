import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { sqlTime } from '#core/database/sql_now'

/**
 * Narrows a queue table's query to rows a worker may take: pending, and
 * not leased or leased until before `now`. `alias` prefixes the columns
 * (`d.` for a query that joins).
 */
export function claimable<Query extends { where: (...args: any[]) => any }>(
  query: Query,
  now: number,
  alias = ''
): Query {
  return query
    .where(`${alias}status`, 'pending')
    .where((free: any) =>
      free.whereNull(`${alias}locked_until`).orWhere(`${alias}locked_until`, '<', sqlTime(now))
    )
}

/**
 * Leases the candidate rows of a queue table that are still claimable to
 * one worker for `leaseMs`, and answers the lease's token (the rows leased
 * are those that carry it). The conditions are checked again in the UPDATE:
 * of two instances that saw the same candidates, the database lets only one
 * of them take each row.
 */
export async function leaseRows(table: string, ids: number[], now: number, leaseMs: number) {
  const token = randomUUID()
  await claimable(db.from(table).whereIn('id', ids), now).update({
    locked_until: sqlTime(now + leaseMs),
    lock_token: token,
  })
  return token
}
