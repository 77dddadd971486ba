import { definePlugin } from '#core/plugins/define_plugin'
import { edgeProvider } from '#core/plugins/framework_providers'

/**
 * Mail: an outbox table sent by a worker in each web process, through SMTP
 * or, by default, into files under tmp/mail/ for the operator to read.
 * Other plugins queue mail through `#mail/public` (README "Mail").
 */
export default definePlugin({
  name: 'mail',
  version: '1.0.0',
  provider: () => import('#mail/mail_provider'),
  // Mail bodies are Edge templates, also when the admin panel (the other user of Edge) is off.
  frameworkProviders: [edgeProvider],
  commands: () => import('#mail/commands'),
  migrations: 'app/mail/database/migrations',
  config: () => import('#mail/config'),
})
