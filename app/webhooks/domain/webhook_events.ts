import type { EventsList } from '@adonisjs/core/types'

/**
 * The events a subscription may ask for. `user:logged-in` is left out on
 * purpose: it carries an IP address, which is personal data that has no
 * business leaving the system.
 */
export const WEBHOOK_EVENTS = [
  'post:created',
  'post:updated',
  'post:deleted',
  'post:restored',
  'post:pinned',
  'post:locked',
  // The approval queue (the moderation plugin's NEW_USER_APPROVAL_POSTS; post:created follows
  // an approval).
  'post:approved',
  'post:rejected',
  'comment:created',
  'comment:updated',
  'comment:deleted',
  'comment:restored',
  'vote:toggled',
  'category:changed',
  'user:registered',
  'user:updated',
  'user:deleted',
  'user:blocked',
  'user:unblocked',
  'user:role-changed',
  // The moderation plugin's (none while it is switched off).
  'report:created',
  'report:resolved',
] as const satisfies readonly (keyof EventsList)[]

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]

/** Does a subscription's event list (names, or "*") include this event? */
export function subscribesTo(events: readonly string[], event: string) {
  return events.includes('*') || events.includes(event)
}
