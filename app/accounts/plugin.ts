import { definePlugin } from '#core/plugins/define_plugin'

/**
 * Users, roles, states, sessions (JWT + refresh tokens), and by mail:
 * password reset and email verification, queued through the mail plugin.
 */
export default definePlugin({
  name: 'accounts',
  version: '1.0.0',
  requires: ['mail'],
  provider: () => import('#accounts/accounts_provider'),
  routes: () => import('#accounts/routes'),
  commands: () => import('#accounts/commands'),
  migrations: 'app/accounts/database/migrations',
  seeders: 'app/accounts/database/seeders',
  openapi: () => import('#accounts/openapi'),
  config: () => import('#accounts/config'),
})
