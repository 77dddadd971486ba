import { definePlugin } from '#core/plugins/define_plugin'

export default definePlugin({
  name: 'accounts',
  version: '1.0.0',
  provider: () => import('#accounts/accounts_provider'),
  routes: () => import('#accounts/routes'),
  commands: () => import('#accounts/commands'),
  migrations: 'app/accounts/database/migrations',
  seeders: 'app/accounts/database/seeders',
  openapi: () => import('#accounts/openapi'),
})
