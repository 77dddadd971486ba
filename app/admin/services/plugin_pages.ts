import { adminPages } from '#core/plugins/admin_pages'

export { pluginOn } from '#core/plugins/plugin_on'

/**
 * The pages of other plugins the panel implements, by path, with the plugin
 * that must be switched on. Both need admins (their actions refuse others).
 */
const PLUGIN_PAGES: Record<string, string> = {
  '/admin/audit': 'audit',
  '/admin/webhooks': 'webhooks',
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
