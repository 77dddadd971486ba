import { authorize } from '#core/authorization/authorize'
import type { AuthUser } from '#accounts/domain/auth_user'
import UserPolicy from '#accounts/policies/user_policy'
import config from '#accounts/config'

/**
 * For the board's writes (a post, a comment, a vote): 403
 * E_EMAIL_NOT_VERIFIED while REQUIRE_VERIFIED_EMAIL is on and the actor's
 * address is unverified (UserPolicy.contribute). An operator (null) may.
 */
export async function assertMayContribute(actor: AuthUser | null) {
  await authorize(actor, UserPolicy, 'contribute', config.get().requireVerifiedEmail)
}
