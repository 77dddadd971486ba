import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import User from '#accounts/models/user'
import { AppException } from '#core/exceptions/app_exception'
import { isUniqueViolation } from '#core/database/is_unique_violation'
import { AuthUserLookup } from '#accounts/services/auth_user_lookup'
import { assertAvailable } from '#accounts/actions/register_user'
import { UserNameIndex } from '#accounts/services/user_name_index'
import { AccountMails } from '#accounts/services/account_mails'
import { consumeVerificationForUser } from '#accounts/limiters'

const same = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase()

/**
 * Changes name and/or email. Uniqueness excludes the user's own row (the
 * original checked against itself and refused every unchanged name).
 * Tokens survive a rename: their subject is the id.
 *
 * A new email does not replace the old one at once: it waits as
 * `pending_email` and a verification link goes to it (VerifyEmail makes the
 * switch). Asking for the current address again cancels a pending change;
 * asking for the pending one again sends nothing (POST
 * /user/email/verification resends). Verification mails count against the
 * account's hourly limit, so an email change cannot mail-bomb an address.
 */
export class UpdateProfile {
  async handle(userId: number, changes: { name?: string; email?: string }) {
    await assertAvailable(changes.name, changes.email, userId)
    try {
      const user = await db.transaction(async (trx) => {
        const row = await User.query({ client: trx })
          .where('id', userId)
          .whereNull('deleted_at')
          .firstOrFail()
        if (changes.name !== undefined) row.name = changes.name
        let verify: string | null = null
        if (changes.email !== undefined) {
          if (same(row.email, changes.email)) row.pendingEmail = null
          else if (!same(row.pendingEmail, changes.email)) verify = changes.email
        }
        if (verify) {
          await consumeVerificationForUser(userId)
          row.pendingEmail = verify
        }
        await row.save()
        if (changes.name !== undefined) await UserNameIndex.put(trx, userId, row.name)
        if (verify) await AccountMails.emailVerification(trx, row, verify)
        return row
      })
      await AuthUserLookup.forget(userId)
      await emitter.emit('user:updated', { userId, name: user.name })
      return user
    } catch (error) {
      if (isUniqueViolation(error))
        throw AppException.conflict('The name or email is already taken')
      throw error
    }
  }
}
