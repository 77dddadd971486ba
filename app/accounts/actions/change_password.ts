import hash from '@adonisjs/core/services/hash'
import db from '@adonisjs/lucid/services/db'
import User from '#accounts/models/user'
import { AppException } from '#core/exceptions/app_exception'
import { AuthUserLookup } from '#accounts/services/auth_user_lookup'
import { RefreshTokenService } from '#accounts/services/refresh_token_service'
import { revokeApiTokens } from '#accounts/services/revoke_api_tokens'

/**
 * Verifies the current password, stores the new hash, bumps the token
 * version (every access token dies at once) and revokes every refresh token
 * except the caller's own family, which can mint a fresh access token.
 * Every personal API token is deleted (`revokeApiTokens`, which a password
 * reset runs too).
 */
export class ChangePassword {
  async handle(userId: number, input: { current: string; next: string; keepFamily?: string }) {
    await db.transaction(async (trx) => {
      const user = await User.query({ client: trx })
        .where('id', userId)
        .whereNull('deleted_at')
        .firstOrFail()
      if (!(await hash.verify(user.password, input.current))) {
        throw AppException.unprocessable(
          'The current password is wrong',
          'current_password',
          'E_WRONG_PASSWORD'
        )
      }
      user.password = await hash.make(input.next)
      user.tokenVersion += 1
      await user.save()
      await RefreshTokenService.revokeAllOf(userId, trx, input.keepFamily)
      await revokeApiTokens(userId, trx)
    })
    await AuthUserLookup.forget(userId)
  }
}
