import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import User from '#accounts/models/user'
import { AppException } from '#core/exceptions/app_exception'
import { isUniqueViolation } from '#core/database/is_unique_violation'
import { AuthUserLookup } from '#accounts/services/auth_user_lookup'
import { EmailTokenService, invalidToken } from '#accounts/services/email_token_service'
import { AccountMails } from '#accounts/services/account_mails'

const same = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase()

/**
 * Follows a verification link. A link sent to the account's address marks
 * it verified; one sent to the address an email change waits on makes that
 * the account's address (409 when another account took it meanwhile) and
 * tells the old address. A link to an address the account no longer has
 * or wants is invalid.
 */
export class VerifyEmail {
  async handle(rawToken: string) {
    let outcome: { userId: number; name: string; changed: boolean }
    try {
      outcome = await db.transaction(async (trx) => {
        const token = await EmailTokenService.spend(trx, rawToken, 'email_verification')
        const user = await User.query({ client: trx })
          .where('id', token.userId)
          .whereNull('deleted_at')
          .first()
        if (!user) throw invalidToken()

        if (same(user.email, token.email)) {
          user.emailVerifiedAt ??= DateTime.utc()
          await user.save()
          return { userId: user.id, name: user.name, changed: false }
        }
        if (!same(user.pendingEmail, token.email)) throw invalidToken()

        const taken = await User.query({ client: trx })
          .where('email', token.email)
          .whereNot('id', user.id)
          .first()
        if (taken) throw AppException.conflict('This email is already taken', 'email')
        const oldAddress = user.email
        user.merge({
          email: user.pendingEmail!,
          pendingEmail: null,
          emailVerifiedAt: DateTime.utc(),
        })
        await user.save()
        await AccountMails.emailChanged(trx, user, oldAddress)
        return { userId: user.id, name: user.name, changed: true }
      })
    } catch (error) {
      if (isUniqueViolation(error))
        throw AppException.conflict('This email is already taken', 'email')
      throw error
    }
    await AuthUserLookup.forget(outcome.userId)
    await emitter.emit('user:email-verified', { userId: outcome.userId })
    if (outcome.changed)
      await emitter.emit('user:updated', { userId: outcome.userId, name: outcome.name })
  }
}
