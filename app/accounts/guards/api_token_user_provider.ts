import { symbols } from '@adonisjs/auth'
import type { AccessToken } from '@adonisjs/auth/access_tokens'
import type {
  AccessTokensGuardUser,
  AccessTokensUserProviderContract,
} from '@adonisjs/auth/types/access_tokens'
import type { Secret } from '@adonisjs/core/helpers'
import { AppException } from '#core/exceptions/app_exception'
import { isBlocked, isDeactivated, type AuthUser } from '#accounts/domain/auth_user'
import { AuthUserLookup } from '#accounts/services/auth_user_lookup'
import { LastSeen } from '#accounts/services/last_seen'
import User from '#accounts/models/user'

/**
 * The user provider of the `api_tokens` guard (the framework's access
 * tokens guard): tokens are verified by `User.accessTokens`, and the user
 * is the same cached AuthUser snapshot the JWT guard gives, with the same
 * rules: a deactivated or deleted account is unknown (401), a blocked one
 * answers 403 E_USER_BLOCKED.
 */
export class ApiTokenUserProvider implements AccessTokensUserProviderContract<AuthUser> {
  declare [symbols.PROVIDER_REAL_USER]: AuthUser

  async createUserForGuard(user: AuthUser): Promise<AccessTokensGuardUser<AuthUser>> {
    // A copy: the guard adds `currentAccessToken` to it, and the snapshot may be the cached object.
    const copy = { ...user }
    return { getId: () => copy.id, getOriginal: () => copy }
  }

  async findById(id: string | number | BigInt) {
    const user = await AuthUserLookup.find(Number(id))
    if (!user || isDeactivated(user)) return null
    if (isBlocked(user)) {
      throw new AppException('This account is blocked', { status: 403, code: 'E_USER_BLOCKED' })
    }
    // A request with a personal API token counts as a visit, as one with a JWT does.
    await LastSeen.touch(user)
    return this.createUserForGuard(user)
  }

  verifyToken(value: Secret<string>): Promise<AccessToken | null> {
    return User.accessTokens.verify(value)
  }

  async createToken(
    user: AuthUser,
    abilities?: string[],
    options?: { name?: string; expiresIn?: string | number }
  ) {
    return User.accessTokens.create(await User.findOrFail(user.id), abilities, options)
  }

  invalidateToken(value: Secret<string>) {
    return User.accessTokens.invalidate(value)
  }
}
