/**
 * @boardcms/plugin-kit: the plugin contract, for plugins that ship as npm
 * packages (docs/plugins.md, "Plugins as packages"). A package cannot use
 * the app's `#` aliases (they resolve against the app's package.json), so
 * it imports the app through this workspace package of the app, declared
 * as a peer dependency.
 *
 * This entry is safe in a manifest, which is loaded before the app exists:
 * nothing below needs a service. What needs the running app is in
 * `@boardcms/plugin-kit/runtime`; the core plugins' public entries are
 * `@boardcms/plugin-kit/accounts`, `/board`, `/webhooks`, `/audit` and `/mail`.
 */
import type { EventsList } from '@adonisjs/core/types'

// The manifest.
export {
  definePlugin,
  type AdminPage,
  type PluginFolder,
  type PluginManifest,
} from '../../app/core/plugins/define_plugin.js'

// Typed events (emitted after commit) and before-write content hooks.
export {
  defineListeners,
  type PluginListener,
  type PluginListeners,
} from '../../app/core/plugins/plugin_listeners.js'
export {
  ContentRefused,
  defineContentHooks,
  type ContentHook,
  type ContentHookPoints,
  type ContentHooksModule,
  type HookPoint,
} from '../../app/core/plugins/content_hooks.js'

/** The payload of an event, e.g. `EventPayload<'post:created'>`. */
export type EventPayload<Event extends keyof EventsList> = EventsList[Event]
export type { EventsList }

// Settings, errors in the documented shape, commands, OpenAPI fragments.
export {
  definePluginConfig,
  type PluginConfigDefinition,
} from '../../app/core/plugins/plugin_config.js'
export { AppException } from '../../app/core/exceptions/app_exception.js'
export { commandsLoader } from '../../app/core/plugins/commands_loader.js'
export {
  defineOpenApi,
  route,
  json,
  text,
  schemas,
  shape,
  type JsonSchema,
  type OpenApiFragment,
  type OpenApiOperation,
  type RouteSpec,
} from '../../app/core/openapi/openapi_fragment.js'

// Times as both databases store them (UTC, milliseconds): raw writes and a migration's upgrade.
export { sqlNow, sqlTime } from '../../app/core/database/sql_now.js'
export {
  timesToMilliseconds,
  timesToSeconds,
  type TimeColumns,
} from '../../app/core/database/millisecond_times.js'
