import { definePlugin } from '#core/plugins/define_plugin'

/**
 * Audit log: who did what to which resource and when, for moderation and
 * administration acts, recorded from the board and accounts events.
 */
export default definePlugin({
  name: 'audit',
  version: '1.0.0',
  requires: ['accounts'],
  provider: () => import('#audit/audit_provider'),
  commands: () => import('#audit/commands'),
  migrations: 'app/audit/database/migrations',
  listeners: () => import('#audit/listeners'),
  adminPages: [{ title: 'Audit log', path: '/admin/audit' }],
})
