import { BasePolicy } from '@adonisjs/bouncer'
import { deny } from '#core/authorization/denial'
import type { RoleName } from '#accounts/models/role'
import { roleAtLeast, type Actor } from '#accounts/policies/role_at_least'

/** Who may see and revoke an account's personal API tokens (never their secrets). */
export default class ApiTokenPolicy extends BasePolicy {
  /** The owner, and staff (the admin panel's user page). */
  list(actor: Actor, owner: { id: number }) {
    return actor.id === owner.id || roleAtLeast(actor, 'moderator')
  }

  /** The owner; staff revoke users' tokens, and only admins staff's (as with blocks). */
  revoke(actor: Actor, owner: { id: number; role: RoleName }) {
    if (actor.id === owner.id) return true
    if (!roleAtLeast(actor, 'moderator')) return false
    if (owner.role !== 'user' && !roleAtLeast(actor, 'admin'))
      return deny('Only admins may revoke the API tokens of staff')
    return true
  }
}
