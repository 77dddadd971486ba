import db from '@adonisjs/lucid/services/db'
import { AppException } from '#core/exceptions/app_exception'
import { AuthUserLookup } from '#accounts/services/auth_user_lookup'
import { RefreshTokenService, ReusedRefreshToken } from '#accounts/services/refresh_token_service'
import { isBlocked, isDeactivated } from '#accounts/domain/auth_user'
import { issueTokenPair } from '#accounts/actions/issue_token_pair'

/**
 * Rotates a refresh token: the presented one is spent and a new pair in the
 * same family is returned. A spent token presented again revokes the family.
 */
export class RefreshSession {
  async handle(rawToken: string) {
    try {
      return await db.transaction(async (trx) => {
        const token = await RefreshTokenService.spend(rawToken, trx)
        const user = await AuthUserLookup.load(token.userId, trx)
        if (!user || isDeactivated(user)) {
          throw AppException.unauthorized(
            'Invalid or expired refresh token',
            'E_INVALID_REFRESH_TOKEN'
          )
        }
        if (isBlocked(user)) {
          throw new AppException('This account is blocked', { status: 403, code: 'E_USER_BLOCKED' })
        }
        return issueTokenPair(user, trx, token.family)
      })
    } catch (error) {
      if (error instanceof ReusedRefreshToken) await RefreshTokenService.revokeFamily(error.family)
      throw error
    }
  }
}
