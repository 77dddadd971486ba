import { definePlugin } from '#core/plugins/define_plugin'

/**
 * Moderation (docs/moderation.md): members report posts and comments;
 * REPORTS_TO_HIDE distinct reporters hide the content until a moderator
 * decides in the report queue (dismiss, delete, restore, block the author);
 * NEW_USER_APPROVAL_POSTS holds new members' posts in the approval queue.
 */
export default definePlugin({
  name: 'moderation',
  version: '1.0.0',
  requires: ['accounts', 'board'],
  provider: () => import('#moderation/moderation_provider'),
  routes: () => import('#moderation/routes'),
  migrations: 'app/moderation/database/migrations',
  config: () => import('#moderation/config'),
  openapi: () => import('#moderation/openapi'),
  // The report queue for staff: the panel implements it with #moderation/public.
  adminPages: [
    { title: 'Reports', path: '/admin/reports' },
    { title: 'Approvals', path: '/admin/approvals' },
  ],
})
