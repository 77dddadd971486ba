import { definePlugin } from '#core/plugins/define_plugin'

/**
 * Notifications: replies, mentions, watched posts and categories and
 * moderation acts, from the board's events (the board never calls it),
 * fanned out in batches after the write (docs/notifications.md).
 */
export default definePlugin({
  name: 'notifications',
  version: '1.0.0',
  requires: ['mail', 'accounts', 'board'],
  provider: () => import('#notifications/notifications_provider'),
  // Realtime over SSE (config/transmit.ts): only a deployment with this plugin loads it.
  frameworkProviders: [() => import('@adonisjs/transmit/transmit_provider')],
  routes: () => import('#notifications/routes'),
  migrations: 'app/notifications/database/migrations',
  config: () => import('#notifications/config'),
  listeners: () => import('#notifications/listeners'),
  openapi: () => import('#notifications/openapi'),
})
