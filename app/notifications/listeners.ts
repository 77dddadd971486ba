import { defineListeners } from '#core/plugins/plugin_listeners'
import type { PluginListeners } from '#core/plugins/plugin_listeners'
import { FAN_OUT_EVENTS } from '#notifications/services/fan_out_handlers'
import { FanOutQueue } from '#notifications/services/fan_out_queue'

/**
 * Board events (emitted after commit) queue a fan-out job each: one small
 * insert in the write's request, whatever the number of recipients.
 */
export default defineListeners(
  Object.fromEntries(
    FAN_OUT_EVENTS.map((event) => [event, (payload: any) => FanOutQueue.enqueue(event, payload)])
  ) as PluginListeners
)
