import { definePlugin } from '#core/plugins/define_plugin'

/**
 * Uploads: images and files members upload (POST /api/v1/uploads), typed
 * from their bytes, images cleaned and thumbnailed with sharp, stored on a
 * local folder or an S3 bucket through flydrive (docs/uploads.md); members'
 * pictures (PUT /api/v1/user/avatar), whose URL template the account
 * carries; and, while the board is on, attachments of posts and comments
 * (the board's content extension point, registered by the provider).
 */
export default definePlugin({
  name: 'uploads',
  version: '1.0.0',
  requires: ['accounts'],
  provider: () => import('#uploads/uploads_provider'),
  routes: () => import('#uploads/routes'),
  listeners: () => import('#uploads/listeners'),
  commands: () => import('#uploads/commands'),
  migrations: 'app/uploads/database/migrations',
  config: () => import('#uploads/config'),
  openapi: () => import('#uploads/openapi'),
  // Everyone's uploads for staff: the panel implements it with #uploads/public.
  adminPages: [{ title: 'Uploads', path: '/admin/uploads' }],
})
