import vine from '@vinejs/vine'
import { WEBHOOK_EVENTS } from '#webhooks/domain/webhook_events'

export const createWebhookValidator = vine.create({
  url: vine.string().trim().minLength(1).maxLength(2048),
  events: vine
    .array(vine.enum([...WEBHOOK_EVENTS, '*']))
    .minLength(1)
    .distinct(),
  secret: vine.string().minLength(16).maxLength(200).regex(/^\S+$/).optional(),
  description: vine.string().trim().maxLength(255).optional(),
})

export const listDeliveriesValidator = vine.create({
  subscription_id: vine.number().withoutDecimals().min(1).optional(),
  status: vine.enum(['pending', 'delivered', 'dead']).optional(),
  page: vine.number().withoutDecimals().range([1, 100_000]).optional(),
  size: vine.number().withoutDecimals().range([1, 100]).optional(),
})
