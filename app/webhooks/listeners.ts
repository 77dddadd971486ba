import type { PluginListeners } from '#core/plugins/plugin_listeners'
import { defineListeners } from '#core/plugins/plugin_listeners'
import { WEBHOOK_EVENTS } from '#webhooks/domain/webhook_events'
import { enqueueDeliveries } from '#webhooks/services/enqueue_deliveries'

/** Every event of the catalog queues deliveries for the subscriptions that want it. */
export default defineListeners(
  Object.fromEntries(
    WEBHOOK_EVENTS.map((event) => [event, (payload: unknown) => enqueueDeliveries(event, payload)])
  ) as PluginListeners
)
