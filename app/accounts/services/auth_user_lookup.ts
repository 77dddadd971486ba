import cache from '@adonisjs/cache/services/main'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import User from '#accounts/models/user'
import type { AuthUser } from '#accounts/domain/auth_user'

/**
 * Cache-aside lookup of the user behind a token. The cached value is the
 * AuthUser snapshot (no password hash); every write that changes a field
 * of it, or the user's states, calls `forget`.
 */
export class AuthUserLookup {
  static key(userId: number) {
    return `accounts:auth-user:${userId}`
  }

  static async find(userId: number): Promise<AuthUser | null> {
    return cache.getOrSet({
      key: AuthUserLookup.key(userId),
      ttl: '10m',
      factory: () => AuthUserLookup.load(userId),
    })
  }

  static async forget(userId: number) {
    await cache.delete({ key: AuthUserLookup.key(userId) })
  }

  /** Reads the database directly; pass the transaction when called inside one. */
  static async load(userId: number, client?: QueryClientContract): Promise<AuthUser | null> {
    const user = await User.query({ client })
      .where('id', userId)
      .whereNull('deleted_at')
      .preload('role')
      .preload('states', (query) => query.preload('state'))
      .first()
    return user ? AuthUserLookup.snapshot(user) : null
  }

  static snapshot(user: User): AuthUser {
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role.name,
      tokenVersion: user.tokenVersion,
      states: user.states.map((row) => row.state.name),
      createdAt: user.createdAt.toUTC().toISO()!,
    }
  }
}
