import { fileURLToPath } from 'node:url'
import { FsLoader } from '@adonisjs/core/ace'
import type { BaseCommand } from '@adonisjs/core/ace'

/**
 * Builds an Ace commands loader for a plugin's commands folder. Ace loads
 * the app's own ./commands folder by itself; plugin commands live beside
 * the plugin, so each plugin exposes a loader made with this helper.
 */
export function commandsLoader(directory: URL) {
  const loader = new FsLoader<typeof BaseCommand>(fileURLToPath(directory))
  return {
    getMetaData: () => loader.getMetaData(),
    getCommand: (metaData: Parameters<typeof loader.getCommand>[0]) => loader.getCommand(metaData),
  }
}
