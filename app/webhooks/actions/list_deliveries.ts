import db from '@adonisjs/lucid/services/db'
import type { AuthUser } from '#accounts/public'
import { authorize } from '#core/authorization/authorize'
import WebhookPolicy from '#webhooks/policies/webhook_policy'
import { listDeliveriesValidator } from '#webhooks/validators/webhook_validators'
import { deliveryJson } from '#webhooks/services/subscription_json'

/**
 * The delivery log, newest first, for `webhook:deliveries` and the admin
 * panel (`actor` null is an operator; otherwise WebhookPolicy decides).
 */
export class ListDeliveries {
  async handle(raw: unknown, actor: AuthUser | null) {
    await authorize(actor, WebhookPolicy, 'viewDeliveries')
    const filters = await listDeliveriesValidator.validate(raw)
    const size = filters.size ?? 20
    const page = filters.page ?? 1
    const filtered = () => {
      const query = db.from('webhook_deliveries')
      if (filters.subscription_id) query.where('subscription_id', filters.subscription_id)
      if (filters.status) query.where('status', filters.status)
      return query
    }
    const rows = await filtered()
      .orderBy('id', 'desc')
      .offset((page - 1) * size)
      .limit(size)
      .select(
        'id',
        'subscription_id',
        'event',
        'delivery_key',
        'status',
        'attempts',
        'next_attempt_at',
        'last_status_code',
        'last_error',
        'delivered_at',
        'created_at'
      )
    const total = await filtered().count('* as total').first()
    return { total: Number(total.total), deliveries: rows.map(deliveryJson) }
  }
}
