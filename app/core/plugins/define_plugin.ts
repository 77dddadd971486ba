import { isAbsolute, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ProviderNode } from '@adonisjs/core/types/app'
import type { PluginListeners } from '#core/plugins/plugin_listeners'
import type { ContentHooksModule } from '#core/plugins/content_hooks'
import type { PluginConfigDefinition } from '#core/plugins/plugin_config'
import type { OpenApiFragment } from '#core/openapi/openapi_fragment'

/** A link the admin panel may show for a plugin (data only; the panel renders it). */
export interface AdminPage {
  title: string
  /** Path under the admin panel, e.g. "/admin/webhooks". */
  path: string
}

type Lazy<T> = () => Promise<{ default: T }>

/**
 * The manifest of a plugin: everything the app needs to know to switch a
 * feature on. Plugins are listed in config/plugins.ts; adonisrc.ts, the
 * database config and the plugins provider read that list, so one line
 * switches a plugin on or off.
 *
 * A manifest must stay free of runtime imports (types are fine):
 * adonisrc.ts loads it before the application exists, so everything with
 * code behind it is a lazy `() => import(...)`.
 */
export interface PluginManifest {
  /** Unique, kebab-case name (used in logs, errors and /health/ready). */
  name: string
  /** Semver of the plugin. */
  version: string
  /**
   * Plugins this one cannot work without (names), which config/plugins.ts must list above it.
   * A plugin that merely uses another when present checks `pluginOn(name)` instead.
   */
  requires?: string[]
  /** The AdonisJS provider for bindings and anything the fields below do not cover. */
  provider: ProviderNode['file']
  /**
   * Framework providers only this plugin needs (the admin panel's Edge), registered among the
   * framework's own so that later ones see them: a deployment without the plugin loads none.
   */
  frameworkProviders?: ProviderNode['file'][]
  /** Route definitions, imported in the web and test environments only. */
  routes?: () => Promise<unknown>
  /** An Ace commands loader (see commands_loader.ts), when the plugin has commands. */
  commands?: () => Promise<unknown>
  /**
   * Folder of the plugin's migrations: a path relative to the app root, or, for a plugin
   * package that cannot know where it is installed, a URL or absolute path
   * (`new URL('./database/migrations', import.meta.url)`). See `pluginFolder`.
   */
  migrations?: PluginFolder
  /** Folder of the plugin's seeders (idempotent base data), like `migrations`. */
  seeders?: PluginFolder
  /** Listeners of typed events (emitted after commit); a failing one is logged and counted. */
  listeners?: Lazy<PluginListeners>
  /** Before-write content hooks that may change or refuse a write (content_hooks.ts). */
  hooks?: Lazy<ContentHooksModule>
  /** A VineJS schema for the plugin's settings, validated at boot. */
  config?: Lazy<PluginConfigDefinition<any>>
  /** The OpenAPI paths and schemas of the plugin's routes (merged by app/core/openapi). */
  openapi?: Lazy<OpenApiFragment>
  /** Pages the admin panel may link to. Data only: the panel owns rendering. */
  adminPages?: AdminPage[]
  /**
   * Folder of the plugin's tests (`unit/`, `functional/`, `browser/` below it), like
   * `migrations`; `app/<name>/tests` when not given. Only listed plugins' tests run.
   */
  tests?: PluginFolder
}

/** A folder of a plugin: relative to the app root, or a file URL or absolute path. */
export type PluginFolder = string | URL

/**
 * A plugin folder as a path relative to the app root, with forward slashes.
 * The migrator records each migration under this path plus the file name,
 * so it must not depend on where the app is checked out or built: a package
 * under packages/ or node_modules/ gets the same name in development, in
 * build/ and in a container.
 */
export function pluginFolder(folder: PluginFolder, appRoot: string | URL): string {
  const path = folder instanceof URL ? fileURLToPath(folder) : folder
  if (!isAbsolute(path)) return path
  const root = appRoot instanceof URL ? fileURLToPath(appRoot) : appRoot
  return relative(root, path).split('\\').join('/')
}

/**
 * The framework providers the listed plugins bring, each once. Several plugins may need the
 * same one (the admin panel and the mail plugin both bring Edge), and a provider listed twice
 * would be registered and booted twice. Two entries are the same provider when they are the
 * same function or their source text is the same import (spacing and quotes aside), so a
 * package that writes its own `() => import('...')` is covered too.
 */
export function frameworkProvidersOf(list: PluginManifest[]): ProviderNode['file'][] {
  const seen = new Set<string>()
  return list
    .flatMap((plugin) => plugin.frameworkProviders ?? [])
    .filter((provider) => {
      const key = String(provider).replace(/\s+/g, '').replace(/["`]/g, "'")
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
}

/** Where a plugin's tests live, relative to the app root. */
export function pluginTestsFolder(plugin: PluginManifest, appRoot: string | URL) {
  return pluginFolder(plugin.tests ?? `app/${plugin.name}/tests`, appRoot)
}

const NAME = /^[a-z][a-z0-9-]*$/
const VERSION = /^\d+\.\d+\.\d+(?:[-+][\w.-]+)?$/

/** Checks the static parts of a manifest; mistakes stop the boot naming the plugin. */
export function definePlugin(manifest: PluginManifest): PluginManifest {
  const problem = manifestProblem(manifest)
  if (problem) throw new Error(`Plugin "${manifest.name}": ${problem}`)
  return manifest
}

export function manifestProblem(manifest: PluginManifest): string | null {
  if (!NAME.test(manifest.name)) return 'name must be kebab-case'
  if (!VERSION.test(manifest.version)) return `version "${manifest.version}" is not semver`
  if (typeof manifest.provider !== 'function') return 'provider must be a lazy import'
  for (const name of manifest.requires ?? []) {
    if (!NAME.test(name)) return `requires "${name}", which is not a plugin name`
    if (name === manifest.name) return 'requires itself'
  }
  for (const field of ['migrations', 'seeders', 'tests'] as const) {
    const folder = manifest[field]
    if (folder instanceof URL ? folder.protocol !== 'file:' : folder?.trim() === '') {
      return `${field} must be a folder: a path, or a file URL`
    }
  }
  for (const page of manifest.adminPages ?? []) {
    if (!page.title?.trim()) return 'adminPages[].title must not be empty'
    if (!page.path?.startsWith('/')) return `adminPages path "${page.path}" must start with "/"`
  }
  return null
}

/**
 * The list of config/plugins.ts, checked: a mistake stops the boot with one
 * line naming the plugin (like a bad environment variable), since the list
 * is read before the app exists.
 */
export function definePlugins(list: PluginManifest[]): PluginManifest[] {
  const problem = pluginListProblem(list)
  if (problem) {
    console.error(problem)
    process.exit(1)
  }
  return list
}

/** What is wrong with a list of plugins: a name twice, or a requirement missing or below. */
export function pluginListProblem(list: PluginManifest[]): string | null {
  const names = list.map((plugin) => plugin.name)
  for (const [index, plugin] of list.entries()) {
    if (names.indexOf(plugin.name) !== index) return `Plugin "${plugin.name}" is listed twice`
    for (const required of plugin.requires ?? []) {
      const at = names.indexOf(required)
      if (at === -1) {
        return `Plugin "${plugin.name}" requires plugin "${required}", which config/plugins.ts does not list`
      }
      if (at > index) {
        return `Plugin "${plugin.name}" requires plugin "${required}": list "${required}" above "${plugin.name}" in config/plugins.ts`
      }
    }
  }
  return null
}
