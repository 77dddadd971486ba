import db from '@adonisjs/lucid/services/db'
import { afterResponse } from '#core/background/after_response'
import { AuthUserLookup } from '#accounts/services/auth_user_lookup'
import { isBlocked, isDeactivated } from '#accounts/domain/auth_user'
import { AccountMails } from '#accounts/services/account_mails'
import { consumeResetForAddress } from '#accounts/limiters'

/**
 * "Forgot password": the answer is the same whether an account has the
 * address or not, and so is its timing: the request only counts the
 * address against its limit, and the lookup, the token and the mail happen
 * after the answer has gone. Blocked and deactivated accounts get no mail.
 */
export class RequestPasswordReset {
  async accept(email: string) {
    await consumeResetForAddress(email)
    afterResponse('password reset request', () => this.handle(email))
  }

  /** Queues the reset mail when a live account has the address; true when it did. */
  async handle(email: string) {
    const found = await AuthUserLookup.forLogin('email', email)
    if (!found || isBlocked(found.snapshot) || isDeactivated(found.snapshot)) return false
    const { user } = found
    await db.transaction((trx) => AccountMails.passwordReset(trx, user))
    return true
  }
}
