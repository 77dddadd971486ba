import plugins from '#config/plugins'
import { adminPages } from '#core/plugins/admin_pages'
import type { PluginManifest } from '#core/plugins/define_plugin'

/**
 * The pages of other plugins the panel implements, by path, with the plugin
 * that must be switched on. Both need admins (their actions refuse others).
 */
const PLUGIN_PAGES: Record<string, string> = {
  '/admin/audit': 'audit',
  '/admin/webhooks': 'webhooks',
}

/** Whether a plugin is listed in config/plugins.ts. */
export function pluginOn(name: string): boolean {
  return plugins.some((plugin: PluginManifest) => plugin.name === name)
}

/**
 * The navigation links for the pages switched-on plugins declare
 * (`adminPages` in their manifests) that the panel implements; others are
 * skipped.
 */
export function pluginNav(): { href: string; label: string }[] {
  return adminPages()
    .filter((page) => PLUGIN_PAGES[page.path] === page.plugin)
    .map((page) => ({ href: page.path, label: page.title }))
}
