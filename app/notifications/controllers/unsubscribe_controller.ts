import type { HttpContext } from '@adonisjs/core/http'
import env from '#start/env'
import { AppException } from '#core/exceptions/app_exception'
import { verifyUnsubscribe } from '#notifications/domain/unsubscribe_token'
import { Preferences } from '#notifications/services/preferences'
import { unsubscribeValidator } from '#notifications/validators/notification_validators'

/**
 * The digest mail's one-click unsubscribe link (GET, from the mail body;
 * POST for mail clients' RFC 8058 button): every `email` kind becomes
 * `app`, no sign-in needed, the signed token is the proof.
 */
export default class UnsubscribeController {
  async handle({ request }: HttpContext) {
    const { token } = await unsubscribeValidator.validate({ ...request.qs(), ...request.body() })
    const userId = verifyUnsubscribe(token, env.get('APP_KEY').release())
    if (userId === null) {
      throw new AppException('This unsubscribe link is not valid', {
        status: 400,
        code: 'E_INVALID_TOKEN',
      })
    }
    return { unsubscribed: true, settings: await Preferences.stopEmails(userId) }
  }
}
