import { toIso } from '#core/database/to_iso'

/** What listings show of a subscription: never its secret. */
export interface SubscriptionJson {
  id: number
  url: string
  events: string[]
  description: string | null
  active: boolean
  consecutive_failures: number
  disabled_reason: string | null
  created_at: string | null
  updated_at: string | null
}

export function subscriptionJson(row: Record<string, any>): SubscriptionJson {
  return {
    id: Number(row.id),
    url: row.url,
    events: JSON.parse(row.events),
    description: row.description ?? null,
    active: Boolean(row.active),
    consecutive_failures: Number(row.consecutive_failures),
    disabled_reason: row.disabled_reason ?? null,
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  }
}

export interface DeliveryJson {
  id: number
  subscription_id: number
  event: string
  delivery_key: string
  status: 'pending' | 'delivered' | 'dead'
  attempts: number
  next_attempt_at: string | null
  last_status_code: number | null
  last_error: string | null
  delivered_at: string | null
  created_at: string | null
}

export function deliveryJson(row: Record<string, any>): DeliveryJson {
  return {
    id: Number(row.id),
    subscription_id: Number(row.subscription_id),
    event: row.event,
    delivery_key: row.delivery_key,
    status: row.status,
    attempts: Number(row.attempts),
    next_attempt_at: row.status === 'pending' ? toIso(row.next_attempt_at) : null,
    last_status_code: row.last_status_code === null ? null : Number(row.last_status_code),
    last_error: row.last_error ?? null,
    delivered_at: toIso(row.delivered_at),
    created_at: toIso(row.created_at),
  }
}
