import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { queueMail } from '#mail/public'
import config from '#accounts/config'
import { tokenLink } from '#accounts/domain/token_link'
import { humanDuration } from '#accounts/domain/human_duration'
import { EmailTokenService } from '#accounts/services/email_token_service'

interface Account {
  id: number
  name: string
  email: string
}

/**
 * The mails of the accounts plugin, queued in the caller's transaction
 * (templates in app/accounts/views/mail, Edge disk `accounts`): the link's
 * token row and the mail are written together or not at all.
 */
export const AccountMails = {
  async passwordReset(trx: TransactionClientContract, user: Account) {
    const settings = config.get()
    const token = await EmailTokenService.issue(trx, {
      userId: user.id,
      purpose: 'password_reset',
      email: user.email,
      ttlSeconds: settings.passwordResetTtl,
    })
    await queueMail(
      {
        to: { address: user.email, name: user.name },
        subject: 'Reset your password',
        template: 'accounts::password_reset',
        data: {
          name: user.name,
          link: tokenLink(settings.passwordResetUrl, token),
          validFor: humanDuration(settings.passwordResetTtl),
        },
      },
      { client: trx }
    )
  },

  /** A link that verifies `address`: the account's own, or the one an email change waits on. */
  async emailVerification(trx: TransactionClientContract, user: Account, address: string) {
    const settings = config.get()
    const token = await EmailTokenService.issue(trx, {
      userId: user.id,
      purpose: 'email_verification',
      email: address,
      ttlSeconds: settings.emailVerifyTtl,
    })
    await queueMail(
      {
        to: { address, name: user.name },
        subject: 'Confirm your email address',
        template: 'accounts::email_verification',
        data: {
          name: user.name,
          address,
          change: address.toLowerCase() !== user.email.toLowerCase(),
          link: tokenLink(settings.emailVerifyUrl, token),
          validFor: humanDuration(settings.emailVerifyTtl),
        },
      },
      { client: trx }
    )
  },

  /** Tells the old address that the account moved to another one (a hijack shows here). */
  async emailChanged(trx: TransactionClientContract, user: Account, oldAddress: string) {
    await queueMail(
      {
        to: { address: oldAddress, name: user.name },
        subject: 'Your email address was changed',
        template: 'accounts::email_changed',
        data: { name: user.name, oldAddress, newAddress: user.email },
      },
      { client: trx }
    )
  },
}
