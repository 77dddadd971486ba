/**
 * What exists once the app runs: for routes, controllers, listeners and
 * hooks, never for a manifest (it is loaded before the app exists).
 */

/** Named route middleware: `.use(middleware.auth())` for routes that need a token. */
export { middleware } from '../../start/kernel.js'

/** Whether a plugin is switched on, for integrations that are optional. */
export { pluginOn } from '../../app/core/plugins/plugin_on.js'

/** Who may do what: ask a Bouncer policy from an action (docs/plugins.md, "policies"). */
export { authorize, allows } from '../../app/core/authorization/authorize.js'
export { deny } from '../../app/core/authorization/denial.js'

/** `@column.dateTime` that stores milliseconds, for a package's Lucid models. */
export { dateTimeColumn } from '../../app/core/database/date_time_column.js'

/**
 * Drop cached entries after a committed write, in every server process
 * (the cache change log): use it instead of `cache.delete`/`deleteByTag`.
 */
export { invalidate, type CacheChange } from '../../app/core/cache/invalidate.js'
