import { BasePolicy } from '@adonisjs/bouncer'
import { deny } from '#core/authorization/denial'
import type { RoleName } from '#accounts/models/role'
import { roleAtLeast, type Actor } from '#accounts/policies/role_at_least'

/** Who may see and manage accounts, and who may open the admin panel. */
export default class UserPolicy extends BasePolicy {
  /** Staff (moderators and admins) sign in to the admin panel. */
  accessPanel(actor: Actor) {
    return (
      roleAtLeast(actor, 'moderator') ||
      deny('The admin panel is for moderators and admins only', { code: 'E_NOT_STAFF' })
    )
  }

  /** Staff list and look up accounts. */
  list(actor: Actor) {
    return roleAtLeast(actor, 'moderator')
  }

  /** Staff block and unblock others; only admins block (or unblock) staff. */
  block(actor: Actor, target: { id: number; role: RoleName }) {
    if (actor.id === target.id) return deny('You cannot block or unblock yourself')
    if (!roleAtLeast(actor, 'moderator')) return false
    if (target.role !== 'user' && !roleAtLeast(actor, 'admin'))
      return deny('Only admins may block staff')
    return true
  }

  /** Admins change the roles of others (demoting oneself could lock the last admin out). */
  changeRole(actor: Actor, target: { id: number }) {
    if (actor.id === target.id) return deny('You cannot change your own role here')
    return roleAtLeast(actor, 'admin') || deny('Only admins may change roles')
  }

  /**
   * Posting, commenting and voting. With REQUIRE_VERIFIED_EMAIL (the setting is passed in:
   * policies read no settings or rows), only once the account's address is verified.
   */
  contribute(actor: Actor & { emailVerified?: boolean }, requireVerifiedEmail: boolean) {
    if (!requireVerifiedEmail || actor.emailVerified) return true
    return deny('Verify your email address first: follow the link mailed to you', {
      code: 'E_EMAIL_NOT_VERIFIED',
    })
  }

  /** Staff are exempt from the spam limits on posts, comments, votes and reports. */
  skipWriteLimits(actor: Actor) {
    return roleAtLeast(actor, 'moderator')
  }
}
