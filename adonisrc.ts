import { defineConfig } from '@adonisjs/core/app'
import plugins from './config/plugins.js'
import { frameworkProvidersOf, pluginTestsFolder } from '#core/plugins/define_plugin'

/** The app root: this file's folder, in the repository and in build/ alike. */
const appRoot = new URL('./', import.meta.url)

/**
 * Test files of one kind: the app's own, then those of each listed plugin
 * (packages included: their folders come relative to the app root).
 */
function testFiles(kind: 'unit' | 'functional' | 'browser') {
  return [
    `tests/${kind}/**/*.spec.{ts,js}`,
    ...plugins.map((plugin) => `${pluginTestsFolder(plugin, appRoot)}/${kind}/**/*.spec.{ts,js}`),
  ]
}

export default defineConfig({
  experimental: {},

  /*
  | Ace commands from packages, then from each plugin. The app's own
  | ./commands folder is scanned automatically.
  */
  commands: [
    () => import('@adonisjs/core/commands'),
    () => import('@adonisjs/lucid/commands'),
    () => import('@adonisjs/session/commands'),
    () => import('@adonisjs/cache/commands'),
    ...plugins.flatMap((plugin) => (plugin.commands ? [plugin.commands] : [])),
  ],

  /*
  | Framework providers, the plugins provider (config, listeners, hooks and
  | routes from each manifest), then one provider per plugin.
  */
  providers: [
    () => import('@adonisjs/core/providers/app_provider'),
    () => import('@adonisjs/core/providers/hash_provider'),
    {
      file: () => import('@adonisjs/core/providers/repl_provider'),
      environment: ['repl', 'test'],
    },
    () => import('@adonisjs/core/providers/vinejs_provider'),
    // Framework providers plugins bring (Edge, for the admin panel and mail templates), each
    // once, before session and shield, which add their Edge helpers when it is present.
    ...frameworkProvidersOf(plugins),
    () => import('@adonisjs/session/session_provider'),
    () => import('@adonisjs/shield/shield_provider'),
    () => import('@adonisjs/lucid/database_provider'),
    () => import('@adonisjs/cors/cors_provider'),
    () => import('@adonisjs/auth/auth_provider'),
    // Policies (app/<plugin>/policies/); the provider sends `authorization:finished` events
    // and gives Edge its @can tags.
    () => import('@adonisjs/bouncer/bouncer_provider'),
    () => import('@adonisjs/redis/redis_provider'),
    () => import('@adonisjs/cache/cache_provider'),
    () => import('@adonisjs/limiter/limiter_provider'),
    () => import('@julr/adonisjs-prometheus/prometheus_provider'),
    () => import('#providers/plugins_provider'),
    () => import('#providers/cache_changes_provider'),
    () => import('#providers/replica_routing_provider'),
    ...plugins.map((plugin) => plugin.provider),
  ],

  preloads: [
    () => import('#start/routes'),
    () => import('#start/kernel'),
    () => import('#start/validator'),
    { file: () => import('#start/process_guards'), environment: ['web', 'console'] },
    () => import('#start/redis_shutdown'),
    { file: () => import('#start/events'), environment: ['web', 'test'] },
  ],

  tests: {
    suites: [
      { files: testFiles('unit'), name: 'unit', timeout: 5000 },
      { files: testFiles('functional'), name: 'functional', timeout: 60000 },
      // Real processes and injected faults (tests/reliability); see docs/reliability.md.
      { files: ['tests/reliability/**/*.spec.{ts,js}'], name: 'reliability', timeout: 120000 },
      // nginx, three production instances, a MariaDB primary and replica (CLUSTER_TESTS=1).
      { files: ['tests/cluster/**/*.spec.{ts,js}'], name: 'cluster', timeout: 600000 },
      // Headless Chromium against the running server (the admin panel); see docs/admin.md.
      { files: testFiles('browser'), name: 'browser', timeout: 60000 },
    ],
    forceExit: true,
  },

  metaFiles: [
    { pattern: 'resources/views/**/*.edge', reloadServer: false },
    { pattern: 'public/**', reloadServer: false },
    // Plugin views and assets (the admin panel keeps its own beside its code).
    { pattern: 'app/*/views/**/*.edge', reloadServer: false },
    { pattern: 'app/*/public/**', reloadServer: false },
    // Plugin packages (npm workspaces): build/ installs them from these, as links.
    { pattern: 'packages/*/package.json', reloadServer: true },
  ],
})
