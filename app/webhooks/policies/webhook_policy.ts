import { BasePolicy } from '@adonisjs/bouncer'
import { deny } from '#core/authorization/denial'
import { roleAtLeast, type Actor } from '#accounts/public'

/** Webhook subscriptions carry secrets and reach other systems: admins only. */
export default class WebhookPolicy extends BasePolicy {
  /** Create, list, enable, disable, rotate, delete, redeliver. */
  manage(actor: Actor) {
    return roleAtLeast(actor, 'admin') || deny('Only admins may manage webhooks')
  }

  /** The delivery log. */
  viewDeliveries(actor: Actor) {
    return roleAtLeast(actor, 'admin') || deny('Only admins may see webhooks')
  }
}
