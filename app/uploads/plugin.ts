import { definePlugin } from '#core/plugins/define_plugin'

/**
 * Uploads: images and files members upload (POST /api/v1/uploads), typed
 * from their bytes, images cleaned and thumbnailed with sharp, stored on a
 * local folder or an S3 bucket through flydrive (docs/uploads.md). While
 * the board is on, posts and comments carry them as attachments (the
 * board's content extension point, registered by the provider).
 */
export default definePlugin({
  name: 'uploads',
  version: '1.0.0',
  requires: ['accounts'],
  provider: () => import('#uploads/uploads_provider'),
  routes: () => import('#uploads/routes'),
  commands: () => import('#uploads/commands'),
  listeners: () => import('#uploads/listeners'),
  migrations: 'app/uploads/database/migrations',
  config: () => import('#uploads/config'),
  openapi: () => import('#uploads/openapi'),
})
