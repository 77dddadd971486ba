import db from '@adonisjs/lucid/services/db'
import type { DateTime } from 'luxon'
import { sqlNow } from '#core/database/sql_now'

/** Live accounts and sign-ins since `since` (the admin dashboard's numbers). */
export async function accountStats(since: DateTime) {
  const [users, signIns] = await Promise.all([
    db.from('users').whereNull('deleted_at').count('* as total').first(),
    db.from('login_history').where('created_at', '>=', sqlNow(since)).count('* as total').first(),
  ])
  return { users: Number(users?.total ?? 0), signIns: Number(signIns?.total ?? 0) }
}
