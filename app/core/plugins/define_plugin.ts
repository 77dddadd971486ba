import type { ProviderNode } from '@adonisjs/core/types/app'

/**
 * The manifest of a plugin: everything the app needs to know to switch a
 * feature on. Plugins are listed in config/plugins.ts; adonisrc.ts and the
 * database config read that list, so one line switches a plugin on or off.
 *
 * A manifest must stay free of runtime framework imports (types are fine):
 * adonisrc.ts loads it before the application exists.
 */
export interface PluginManifest {
  /** Unique, kebab-case name (used in logs and /health/ready). */
  name: string
  version: string
  /** The AdonisJS provider that registers the plugin's routes, listeners and bindings. */
  provider: ProviderNode['file']
  /** An Ace commands loader (see commands_loader.ts), when the plugin has commands. */
  commands?: () => Promise<unknown>
  /** Folder of the plugin's migrations, relative to the app root. */
  migrations?: string
  /** Folder of the plugin's seeders (idempotent base data), relative to the app root. */
  seeders?: string
  /**
   * Folder of the plugin's tests (`unit/`, `functional/`, `browser/` below it), relative to
   * the app root; `app/<name>/tests` when not given. Only listed plugins' tests run.
   */
  tests?: string
}

/** Where a plugin's tests live. */
export function pluginTestsFolder(plugin: PluginManifest) {
  return plugin.tests ?? `app/${plugin.name}/tests`
}

export function definePlugin(manifest: PluginManifest): PluginManifest {
  if (!/^[a-z][a-z0-9-]*$/.test(manifest.name)) {
    throw new Error(`Plugin name "${manifest.name}" must be kebab-case`)
  }
  return manifest
}

/** Validates the list: names are unique. */
export function definePlugins(list: PluginManifest[]): PluginManifest[] {
  const seen = new Set<string>()
  for (const plugin of list) {
    if (seen.has(plugin.name)) throw new Error(`Plugin "${plugin.name}" is listed twice`)
    seen.add(plugin.name)
  }
  return list
}
