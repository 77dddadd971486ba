import { definePlugin } from '#core/plugins/define_plugin'
import { edgeProvider } from '#core/plugins/framework_providers'

/**
 * The admin panel: server-rendered Edge pages under /admin for moderators
 * and admins. Its one table records sign-ins (panel_sessions); every change
 * goes through the actions of the accounts and board plugins.
 */
export default definePlugin({
  name: 'admin',
  version: '1.0.0',
  requires: ['accounts'],
  migrations: 'app/admin/database/migrations',
  provider: () => import('#admin/admin_provider'),
  // Edge comes with the plugins that render it (this panel, the mail plugin's templates),
  // registered once however many ask (frameworkProvidersOf).
  frameworkProviders: [edgeProvider],
  openapi: () => import('#admin/openapi'),
})
