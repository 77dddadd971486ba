import { definePlugin } from '#core/plugins/define_plugin'
import { edgeProvider } from '#core/plugins/framework_providers'

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
  // Edge comes with the plugins that render it (this panel, the mail plugin's templates),
  // registered once however many ask (frameworkProvidersOf).
  frameworkProviders: [edgeProvider],
  openapi: () => import('#admin/openapi'),
})
