import { definePlugin } from '#core/plugins/define_plugin'

/**
 * The admin panel: server-rendered Edge pages under /admin for moderators
 * and admins. It owns no tables; every change goes through the actions of
 * the accounts and board plugins, so it is listed after them.
 */
export default definePlugin({
  name: 'admin',
  version: '1.0.0',
  requires: ['accounts'],
  provider: () => import('#admin/admin_provider'),
  // Edge is loaded for the panel alone: an API-only deployment without this plugin saves its
  // memory (docs/performance.md).
  frameworkProviders: [() => import('@adonisjs/core/providers/edge_provider')],
  openapi: () => import('#admin/openapi'),
})
