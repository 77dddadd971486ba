import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { sqlNow, sqlTime } from '#core/database/sql_now'
import { subscribesTo, type WebhookEvent } from '#webhooks/domain/webhook_events'

/**
 * Queues one delivery per active subscription of the event: a single
 * multi-row INSERT (all or none), nothing sent here, so the request that
 * emitted the event only pays for one small write. The worker sends them.
 */
export async function enqueueDeliveries(event: WebhookEvent, data: unknown, at = new Date()) {
  const subscriptions = await db
    .from('webhook_subscriptions')
    .where('active', true)
    .select('id', 'events')
  const targets = subscriptions.filter((row) => subscribesTo(JSON.parse(row.events), event))
  if (!targets.length) return 0

  const now = sqlNow()
  const rows = targets.map((subscription) => {
    const key = randomUUID()
    return {
      subscription_id: subscription.id,
      event,
      delivery_key: key,
      body: JSON.stringify({ id: key, event, created_at: at.toISOString(), data }),
      status: 'pending',
      attempts: 0,
      next_attempt_at: sqlTime(at),
      created_at: now,
      updated_at: now,
    }
  })
  await db.table('webhook_deliveries').multiInsert(rows)
  return rows.length
}
