import hash from '@adonisjs/core/services/hash'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import User from '#accounts/models/user'
import { AppException } from '#core/exceptions/app_exception'
import { AuthUserLookup } from '#accounts/services/auth_user_lookup'
import { revokeApiTokens } from '#accounts/services/revoke_api_tokens'
import { RefreshTokenService } from '#accounts/services/refresh_token_service'
import { EmailTokenService } from '#accounts/services/email_token_service'
import { findUser } from '#accounts/services/find_user'

/**
 * Sets a password without the old one: an operator at the command line
 * (`user:password`), or the owner through a reset link (ResetPassword).
 * Every session dies at once: the token version is bumped (access tokens)
 * and every refresh token revoked, as are reset links still unused.
 */
export class SetPassword {
  /** The operator's way: by id, name or email. */
  async handle(ref: string, password: string) {
    const user = await findUser(ref)
    if (!user) throw AppException.notFound(`User "${ref}"`)
    const hashed = await hash.make(password)
    await db.transaction((trx) => SetPassword.replace(trx, user.id, hashed))
    await SetPassword.after(user.id, null)
    return user
  }

  /** Inside the caller's transaction, with the hash made beforehand (bcrypt is slow). */
  static async replace(
    trx: TransactionClientContract,
    userId: number,
    hashed: string,
    changes: Partial<Pick<User, 'emailVerifiedAt'>> = {}
  ) {
    const user = await User.query({ client: trx })
      .where('id', userId)
      .whereNull('deleted_at')
      .firstOrFail()
    user.merge({ ...changes, password: hashed, tokenVersion: user.tokenVersion + 1 })
    await user.save()
    await RefreshTokenService.revokeAllOf(userId, trx)
    await revokeApiTokens(userId, trx)
    await EmailTokenService.spendAll(trx, userId, 'password_reset')
  }

  /** After the commit: the cached snapshot (token version) goes, listeners hear of it. */
  static async after(userId: number, actorId: number | null) {
    await AuthUserLookup.forget(userId)
    await emitter.emit('user:password-reset', { userId, actorId })
  }
}
