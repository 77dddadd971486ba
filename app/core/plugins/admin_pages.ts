import plugins from '#config/plugins'
import type { AdminPage } from '#core/plugins/define_plugin'

/**
 * The pages the plugins switched on offer to the admin panel, in plugin
 * order. The panel decides how to render and guard them.
 */
export function adminPages(): (AdminPage & { plugin: string })[] {
  return plugins.flatMap((plugin) =>
    (plugin.adminPages ?? []).map((page) => ({ ...page, plugin: plugin.name }))
  )
}
