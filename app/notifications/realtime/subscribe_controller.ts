import type { HttpContext } from '@adonisjs/core/http'
import transmit from '@adonisjs/transmit/services/main'
import { AppException } from '#core/exceptions/app_exception'
import { subscriptionValidator } from '#notifications/validators/notification_validators'

/**
 * POST /__transmit/subscribe, in place of the package's (which answers an
 * empty 400 for every refusal): 204; 403 E_FORBIDDEN for a private channel
 * that is not the caller's; 404 when no stream with that uid is open on
 * this instance (reconnect); 422 for a malformed uid or channel.
 */
export default class SubscribeController {
  async handle(ctx: HttpContext) {
    const { uid, channel } = await subscriptionValidator.validate(ctx.request.body())
    if (!(await transmit.getManager().verifyAccess(channel, ctx))) {
      throw AppException.forbidden('This channel is not yours')
    }
    const subscribed = await transmit.subscribe({
      uid,
      channel,
      context: ctx,
      skipAuthorization: true,
    })
    if (!subscribed) throw AppException.notFound('Stream')
    return ctx.response.noContent()
  }
}
