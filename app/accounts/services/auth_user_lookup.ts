import cache from '@adonisjs/cache/services/main'
import { invalidate } from '#core/cache/invalidate'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import User from '#accounts/models/user'
import type { RoleName } from '#accounts/models/role'
import type { StateName } from '#accounts/models/state'
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

  /** Every entry derived from the account: tagged `accounts:user:{id}` (public profiles). */
  static userTag(userId: number) {
    return `accounts:user:${userId}`
  }

  /**
   * The account changed: its snapshot, and everything else cached from it
   * (the public profile), are dropped.
   */
  static async forget(userId: number) {
    await invalidate({ keys: [AuthUserLookup.key(userId)], tags: [AuthUserLookup.userTag(userId)] })
  }

  /** Reads the database directly; pass the transaction when called inside one. */
  static async load(userId: number, client?: QueryClientContract): Promise<AuthUser | null> {
    const user = await AuthUserLookup.query(client).where('users.id', userId).first()
    return user ? AuthUserLookup.snapshot(user) : null
  }

  /**
   * The user a login names (by name or email) with its snapshot, read
   * together so that the credentials and the states checked are one row.
   */
  static async forLogin(column: 'name' | 'email', value: string) {
    const user = await AuthUserLookup.query().where(`users.${column}`, value).first()
    return user ? { user, snapshot: AuthUserLookup.snapshot(user) } : null
  }

  /** A live user by name (compared as the column compares: regardless of case), with its snapshot. */
  static async byName(name: string): Promise<AuthUser | null> {
    const user = await AuthUserLookup.query().where('users.name', name).first()
    return user ? AuthUserLookup.snapshot(user) : null
  }

  /**
   * A live user with its role name and state names in one statement: a
   * login or a token check makes one round trip, not one per relation.
   */
  private static query(client?: QueryClientContract) {
    return User.query({ client })
      .select('users.*')
      .select(db.raw('(select name from roles where roles.id = users.role_id) as role_name'))
      .select(
        db.raw(
          `(select group_concat(states.name) from user_states
             inner join states on states.id = user_states.state_id
             where user_states.user_id = users.id) as state_names`
        )
      )
      .whereNull('users.deleted_at')
  }

  private static snapshot(user: User): AuthUser {
    const states = user.$extras.state_names as string | null
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.$extras.role_name as RoleName,
      tokenVersion: user.tokenVersion,
      // State names are identifiers without commas; sorted so the order does not depend on the database.
      states: states ? (states.split(',').sort() as StateName[]) : [],
      createdAt: user.createdAt.toUTC().toISO()!,
      emailVerified: user.emailVerifiedAt !== null,
      pendingEmail: user.pendingEmail,
      lastSeenOn: user.lastSeenOn ?? null,
      avatarTemplate: user.avatarTemplate ?? null,
    }
  }
}
