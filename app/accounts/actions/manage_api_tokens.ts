import { AppException } from '#core/exceptions/app_exception'
import { authorize } from '#core/authorization/authorize'
import User from '#accounts/models/user'
import type { Actor } from '#accounts/policies/role_at_least'
import ApiTokenPolicy from '#accounts/policies/api_token_policy'
import { AuthUserLookup } from '#accounts/services/auth_user_lookup'
import {
  API_TOKEN_ABILITIES,
  MAX_API_TOKENS_PER_USER,
  type ApiTokenAbility,
} from '#accounts/domain/api_token_abilities'

export interface NewApiToken {
  name: string
  abilities: ApiTokenAbility[]
  /** Omitted: the token lives until it is revoked, or unused for API_TOKEN_UNUSED_DAYS. */
  expiresInDays?: number
}

/**
 * Personal API tokens: members create, list and delete their own (the
 * API); staff list and revoke members' tokens (the admin panel), as
 * ApiTokenPolicy allows. `actor` null is an operator at the command line.
 */
export class ManageApiTokens {
  /** A token for the actor's own account; its secret is in the returned token only. */
  async create(actor: Actor, input: NewApiToken) {
    if ((await User.accessTokens.countOf(actor.id)) >= MAX_API_TOKENS_PER_USER) {
      throw new AppException(
        `An account holds at most ${MAX_API_TOKENS_PER_USER} API tokens: delete one first`,
        { status: 409, code: 'E_TOO_MANY_TOKENS' }
      )
    }
    const user = await User.query().where('id', actor.id).whereNull('deleted_at').firstOrFail()
    // Stored in one order, whatever order they came in.
    const abilities = API_TOKEN_ABILITIES.filter((ability) => input.abilities.includes(ability))
    return User.accessTokens.create(user, abilities, {
      name: input.name,
      expiresIn: input.expiresInDays ? input.expiresInDays * 86_400 : undefined,
    })
  }

  /** An account's tokens, newest first (never their secrets). */
  async list(actor: Actor | null, userId: number) {
    await authorize(actor, ApiTokenPolicy, 'list', { id: userId })
    return User.accessTokens.listOf(userId)
  }

  /** Deletes one token of the account: the next request with it answers 401. */
  async revoke(actor: Actor | null, userId: number, tokenId: number) {
    const owner = actor?.id === userId ? actor : await AuthUserLookup.find(userId)
    if (!owner) throw AppException.notFound('User')
    await authorize(actor, ApiTokenPolicy, 'revoke', { id: userId, role: owner.role })
    if (!(await User.accessTokens.revoke(userId, tokenId))) throw AppException.notFound('API token')
  }
}
