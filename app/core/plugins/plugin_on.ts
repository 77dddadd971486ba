import plugins from '#config/plugins'

/**
 * Whether a plugin is listed in config/plugins.ts. A plugin that uses
 * another only when present asks this; one it cannot work without goes in
 * its manifest's `requires`.
 */
export function pluginOn(name: string): boolean {
  return plugins.some((plugin) => plugin.name === name)
}
