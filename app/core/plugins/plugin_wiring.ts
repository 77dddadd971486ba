import type { EmitterService } from '@adonisjs/core/types'
import type { EventsList } from '@adonisjs/core/types'
import type { PluginListener, PluginListeners } from '#core/plugins/plugin_listeners'
import { recordPluginFailure } from '#core/plugins/plugin_failures'
import {
  contentHooks,
  type ContentHook,
  type ContentHooksModule,
  type HookPoint,
} from '#core/plugins/content_hooks'

/**
 * Registers a plugin's listeners, each wrapped so its failure is logged and
 * counted under the plugin's name and never reaches the code that emitted
 * (nor stops the other listeners). Returns a function that removes them.
 */
export function wireListeners(emitter: EmitterService, plugin: string, listeners: PluginListeners) {
  const offs: (() => void)[] = []
  for (const [event, value] of Object.entries(listeners)) {
    for (const listener of [value].flat() as PluginListener<keyof EventsList>[]) {
      offs.push(
        emitter.on(event as keyof EventsList, async (payload) => {
          try {
            await listener(payload as never)
          } catch (error) {
            recordPluginFailure('listener', plugin, event, error)
          }
        })
      )
    }
  }
  return () => offs.forEach((off) => off())
}

/** Registers a plugin's content hooks; returns a function that removes them. */
export function wireHooks(plugin: string, hooks: ContentHooksModule) {
  const offs: (() => void)[] = []
  for (const [point, value] of Object.entries(hooks)) {
    for (const hook of [value].flat() as ContentHook<HookPoint>[]) {
      offs.push(contentHooks.register(plugin, point as HookPoint, hook))
    }
  }
  return () => offs.forEach((off) => off())
}
