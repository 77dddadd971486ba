import type { AuthUser } from '#accounts/domain/auth_user'
import type { RoleName } from '#accounts/models/role'

/** What a policy needs to know about who acts. */
export type Actor = Pick<AuthUser, 'id' | 'role'>

/** Each role may do what the roles below it may. */
const RANK: Record<RoleName, number> = { user: 0, moderator: 1, admin: 2 }

/**
 * Whether the actor holds `role` or a higher one. Policies are the only
 * callers: code elsewhere asks a policy, never a role.
 */
export function roleAtLeast(actor: Pick<AuthUser, 'role'>, role: RoleName) {
  return RANK[actor.role] >= RANK[role]
}
