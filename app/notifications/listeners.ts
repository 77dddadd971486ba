import type { PluginListeners } from '#core/plugins/plugin_listeners'
import { FAN_OUT_EVENTS } from '#notifications/services/fan_out_handlers'
import { FanOutQueue } from '#notifications/services/fan_out_queue'
import { realtimeListeners } from '#notifications/realtime/broadcasts'

/**
 * Board events (emitted after commit) queue a fan-out job each: one small
 * insert in the write's request, whatever the number of recipients. They
 * are also broadcast to the realtime channels (in memory, or Redis pub/sub).
 */
const listeners: PluginListeners = { ...realtimeListeners }
for (const event of FAN_OUT_EVENTS) {
  const realtime = listeners[event]
  const fanOut = (payload: any) => FanOutQueue.enqueue(event, payload)
  ;(listeners as any)[event] = realtime ? [fanOut, realtime].flat() : fanOut
}

export default listeners
