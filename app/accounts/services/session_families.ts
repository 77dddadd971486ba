import cache from '@adonisjs/cache/services/main'
import db from '@adonisjs/lucid/services/db'
import { invalidate } from '#core/cache/invalidate'

/**
 * Whether a session (a refresh token family, the `fam` of every access token
 * issued in it) is still live: it has a token that was not revoked. Logout
 * and a reused refresh token revoke the family, and its access tokens stop
 * working at once, in every process (the cached answer is dropped through
 * the cache change log).
 */
export class SessionFamilies {
  static key(family: string) {
    return `accounts:session:${family}`
  }

  static async isLive(family: string): Promise<boolean> {
    return cache.getOrSet({
      key: SessionFamilies.key(family),
      ttl: '10m',
      factory: async () => {
        const row = await db
          .from('refresh_tokens')
          .where('family', family)
          .whereNull('revoked_at')
          .select('id')
          .first()
        return row !== null && row !== undefined
      },
    })
  }

  /** The families were revoked: their access tokens die now (call after commit). */
  static async ended(families: string[]) {
    if (families.length) await invalidate({ keys: families.map(SessionFamilies.key) })
  }
}
