import hash from '@adonisjs/core/services/hash'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import User from '#accounts/models/user'
import { EmailTokenService, invalidToken } from '#accounts/services/email_token_service'
import { SetPassword } from '#accounts/actions/set_password'

/**
 * Sets the password from a reset link's token: single use, unexpired, and
 * only while the account still has the address the link went to. Following
 * the link proves that address, so it counts as verified. Every session of
 * the account dies (SetPassword.replace).
 */
export class ResetPassword {
  async handle(rawToken: string, password: string) {
    // Made first, so a forged token costs the same time as a good one.
    const hashed = await hash.make(password)
    const userId = await db.transaction(async (trx) => {
      const token = await EmailTokenService.spend(trx, rawToken, 'password_reset')
      const user = await User.query({ client: trx })
        .where('id', token.userId)
        .whereNull('deleted_at')
        .first()
      if (!user || user.email.toLowerCase() !== token.email.toLowerCase()) throw invalidToken()
      await SetPassword.replace(trx, user.id, hashed, {
        emailVerifiedAt: user.emailVerifiedAt ?? DateTime.utc(),
      })
      return user.id
    })
    await SetPassword.after(userId, userId)
  }
}
