import { definePlugin } from '#core/plugins/define_plugin'

/**
 * Webhooks: signed JSON POSTs of board and account events to subscribed
 * URLs, queued in the database and sent by an in-process worker with
 * retries (docs/plugins.md, README "Webhooks").
 */
export default definePlugin({
  name: 'webhooks',
  version: '1.0.0',
  requires: ['accounts'],
  provider: () => import('#webhooks/webhooks_provider'),
  commands: () => import('#webhooks/commands'),
  migrations: 'app/webhooks/database/migrations',
  config: () => import('#webhooks/config'),
  listeners: () => import('#webhooks/listeners'),
  adminPages: [
    { title: 'Webhooks', path: '/admin/webhooks' },
    { title: 'Webhook deliveries', path: '/admin/webhooks/deliveries' },
  ],
})
