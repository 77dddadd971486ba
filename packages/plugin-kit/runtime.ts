/**
 * What exists once the app runs: for routes, controllers, listeners and
 * hooks, never for a manifest (it is loaded before the app exists).
 */

/** Named route middleware: `.use(middleware.auth())` for routes that need a token. */
export { middleware } from '../../start/kernel.js'

/** Whether a plugin is switched on, for integrations that are optional. */
export { pluginOn } from '../../app/core/plugins/plugin_on.js'
