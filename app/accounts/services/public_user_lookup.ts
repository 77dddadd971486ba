import cache from '@adonisjs/cache/services/main'
import type { RoleName } from '#accounts/models/role'
import { isBlocked, isDeactivated } from '#accounts/domain/auth_user'
import { USER_NAME } from '#accounts/domain/user_name'
import { AuthUserLookup } from '#accounts/services/auth_user_lookup'

/** What anyone may know about a member: never the email, the states or the token version. */
export interface PublicUser {
  id: number
  name: string
  role: RoleName
  /** ISO 8601, UTC. */
  createdAt: string
  /** The UTC day (yyyy-MM-dd) last seen, or null. */
  lastSeenOn: string | null
  /** The picture's URL template with `{size}`, or null. */
  avatarTemplate: string | null
}

/**
 * Members by name for public pages (profiles, a member's posts). Blocked,
 * deactivated and deleted accounts are not found. Hits are cached under
 * the name as given (the database compares names regardless of case),
 * tagged with the account, so every change that drops the account's
 * snapshot drops them (AuthUserLookup.forget); misses are not cached, so a
 * name that comes into use is found at once.
 */
export class PublicUserLookup {
  static async find(name: string): Promise<PublicUser | null> {
    // A name no account can have (deleted accounts keep a placeholder outside USER_NAME).
    if (name.length > 100 || !USER_NAME.test(name)) return null
    const found = await cache.getOrSet({
      key: `accounts:public-user:${name}`,
      ttl: '10m',
      factory: async (ctx) => {
        const user = await AuthUserLookup.byName(name)
        if (!user || isBlocked(user) || isDeactivated(user)) return ctx.skip()
        ctx.setTags([AuthUserLookup.userTag(user.id)])
        return {
          id: user.id,
          name: user.name,
          role: user.role,
          createdAt: user.createdAt,
          lastSeenOn: user.lastSeenOn ?? null,
          avatarTemplate: user.avatarTemplate ?? null,
        } satisfies PublicUser
      },
    })
    return found ?? null
  }
}
