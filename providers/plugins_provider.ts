import type { ApplicationService } from '@adonisjs/core/types'
import plugins from '#config/plugins'
import { recordPluginFailure } from '#core/plugins/plugin_failures'
import { PluginConfigError, validatePluginConfig } from '#core/plugins/plugin_config'
import { loadDefault } from '#core/plugins/load_default'
import { wireHooks, wireListeners } from '#core/plugins/plugin_wiring'
import { backgroundSettled } from '#core/background/after_response'

/**
 * Turns the manifests of config/plugins.ts into a running app: validates
 * each plugin's config at boot, then registers its listeners, content
 * hooks and (web and test only) routes. Listed in adonisrc.ts before the
 * plugins' own providers.
 */
export default class PluginsProvider {
  constructor(protected app: ApplicationService) {}

  async boot() {
    // Listeners registered outside a manifest still never break the code that emitted:
    // without an error handler the emitter would reject and fail the request.
    const emitter = await this.app.container.make('emitter')
    emitter.onError((event, error) => recordPluginFailure('listener', 'app', String(event), error))

    for (const plugin of plugins) {
      if (!plugin.config) continue
      try {
        await validatePluginConfig(plugin.name, await loadDefault(plugin.config))
      } catch (error) {
        if (!(error instanceof PluginConfigError)) throw error
        // Same style as start/env.ts: one line naming plugin and field, no stack, exit 1.
        console.error(error.message)
        process.exit(1)
      }
    }
  }

  async start() {
    const emitter = await this.app.container.make('emitter')
    const serving = ['web', 'test'].includes(this.app.getEnvironment())
    for (const plugin of plugins) {
      if (plugin.listeners) wireListeners(emitter, plugin.name, await loadDefault(plugin.listeners))
      if (plugin.hooks) wireHooks(plugin.name, await loadDefault(plugin.hooks))
      if (serving && plugin.routes) await plugin.routes()
    }
  }

  /**
   * Providers shut down in reverse order: the plugins' own first, then this one, then the
   * database. Work started after a response (afterResponse) finishes before it closes.
   */
  async shutdown() {
    await backgroundSettled()
  }
}
