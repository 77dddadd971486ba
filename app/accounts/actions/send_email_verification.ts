import db from '@adonisjs/lucid/services/db'
import User from '#accounts/models/user'
import { AppException } from '#core/exceptions/app_exception'
import { AccountMails } from '#accounts/services/account_mails'
import { consumeVerificationForUser } from '#accounts/limiters'

/**
 * Sends the verification link again: to the address an email change waits
 * on, else to the account's address while it is unverified. Limited per
 * account; an account with nothing to verify gets 409.
 */
export class SendEmailVerification {
  async handle(userId: number) {
    const user = await User.query().where('id', userId).whereNull('deleted_at').firstOrFail()
    const address = user.pendingEmail ?? (user.emailVerifiedAt ? null : user.email)
    if (!address) {
      throw new AppException('This email address is already verified', {
        status: 409,
        code: 'E_EMAIL_ALREADY_VERIFIED',
      })
    }
    await consumeVerificationForUser(user.id)
    await db.transaction((trx) => AccountMails.emailVerification(trx, user, address))
    return { address }
  }
}
