import encryption from '@adonisjs/core/services/encryption'
import type { NodeMailerMessage } from '@adonisjs/mail/types'

/** Bound to this use: a value encrypted with APP_KEY elsewhere cannot pass as a queued mail. */
const PURPOSE = 'mail-outbox'

/**
 * A queued mail's message, encrypted with APP_KEY: its body may hold a
 * single-use link (password reset, email verification) that must not sit in
 * the database in the clear. The worker opens it to send, then clears it.
 */
export const SealedMessage = {
  seal(message: NodeMailerMessage) {
    return encryption.encrypt(message, { purpose: PURPOSE })
  },
  /** Null when APP_KEY changed since the mail was queued. */
  open(sealed: string) {
    return encryption.decrypt<NodeMailerMessage>(sealed, PURPOSE)
  },
}
