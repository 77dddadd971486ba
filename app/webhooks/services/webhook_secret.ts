import { randomBytes } from 'node:crypto'
import encryption from '@adonisjs/core/services/encryption'

/** Bound to this use, so a value encrypted elsewhere with APP_KEY cannot pass as a secret. */
const PURPOSE = 'webhook-secret'

export const WebhookSecret = {
  generate() {
    return `whsec_${randomBytes(32).toString('base64url')}`
  },
  seal(secret: string) {
    return encryption.encrypt(secret, { purpose: PURPOSE })
  },
  /** Null when APP_KEY changed since the secret was stored. */
  open(sealed: string) {
    return encryption.decrypt<string>(sealed, PURPOSE)
  },
}
