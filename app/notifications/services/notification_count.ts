import cache from '@adonisjs/cache/services/main'
import db from '@adonisjs/lucid/services/db'
import { invalidate } from '#core/cache/invalidate'

/** Unread counts past this are answered as this (a badge shows "99+" long before). */
export const COUNT_CAP = 1000

/**
 * The unread count of GET /notifications/count: cached per member and
 * dropped by every write that changes it (new, read, withdrawn), here and,
 * through the cache change log, in every other process.
 */
export class NotificationCount {
  static key(userId: number) {
    return `notifications:count:${userId}`
  }

  static get(userId: number): Promise<number> {
    return cache.getOrSet({
      key: NotificationCount.key(userId),
      ttl: '10m',
      factory: async () => {
        const unread = db
          .from('notifications')
          .where('user_id', userId)
          .whereNull('read_at')
          .select(db.raw('1'))
          .limit(COUNT_CAP)
        const row = await db.from(unread.as('unread')).count('* as total').first()
        return Number(row?.total ?? 0)
      },
    })
  }

  static async changed(userIds: Iterable<number>) {
    const keys = [...new Set(userIds)].map(NotificationCount.key)
    // One change log row per 500 members keeps each row small.
    for (let from = 0; from < keys.length; from += 500) {
      await invalidate({ keys: keys.slice(from, from + 500) })
    }
  }
}
