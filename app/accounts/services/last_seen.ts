import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { AuthUser } from '#accounts/domain/auth_user'
import { utcDay } from '#accounts/domain/utc_day'
import { AuthUserLookup } from '#accounts/services/auth_user_lookup'
import { safeErrorFields } from '#core/exceptions/safe_error_fields'

/**
 * The day a member was last seen (public profiles). Written on login and
 * on the first authenticated request of a UTC day: every other request
 * compares the cached snapshot's day with today's and writes nothing.
 */
export class LastSeen {
  /**
   * For an authenticated request. A failed write is logged, never the
   * request's failure: the day is a courtesy, the request is not.
   */
  static async touch(user: Pick<AuthUser, 'id' | 'lastSeenOn'>) {
    if (user.lastSeenOn === utcDay()) return
    try {
      await LastSeen.record(user.id)
    } catch (error) {
      logger.warn({ err: safeErrorFields(error) }, 'could not record the last seen day')
    }
  }

  /**
   * Sets today's day unless it is set already (a second instance, or a
   * concurrent request, may have written it), then drops the cached
   * snapshot, whose day is stale either way, so the next request reads
   * today's day and writes nothing. Inside a transaction, the cache is
   * dropped once it commits.
   */
  static async record(userId: number, client: QueryClientContract = db.connection()) {
    const today = utcDay()
    await client
      .from('users')
      .where('id', userId)
      .where((query) => query.whereNull('last_seen_on').orWhere('last_seen_on', '<', today))
      .update({ last_seen_on: today })
    const forget = () => AuthUserLookup.forget(userId)
    if (client.isTransaction) (client as TransactionClientContract).after('commit', forget)
    else await forget()
  }
}
