import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'

/**
 * The rows of `query`, counted up to `cap + 1`: reading stops there, so a
 * count over a long index range costs no more than the cap (more than
 * `cap` means "at least that many").
 */
export async function cappedCount(query: DatabaseQueryBuilderContract, cap: number) {
  const rows = query.select(db.raw('1')).limit(cap + 1)
  const row = await db.from(rows.as('capped')).count('* as total').first()
  return Number(row?.total ?? 0)
}
