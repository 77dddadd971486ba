import type { EventsList } from '@adonisjs/core/types'

export type PluginListener<Event extends keyof EventsList> = (payload: EventsList[Event]) => unknown

/** Which typed events a plugin listens to, and with what. */
export type PluginListeners = {
  [Event in keyof EventsList]?: PluginListener<Event> | PluginListener<Event>[]
}

/** Typed helper for a plugin's listeners module (`export default defineListeners({...})`). */
export function defineListeners(listeners: PluginListeners): PluginListeners {
  return listeners
}
