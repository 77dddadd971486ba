import { definePlugin } from '@boardcms/plugin-kit'

/**
 * Reading time: how long a post takes to read, recorded from the board's
 * events and served at GET /api/v1/post/{id}/reading-time.
 *
 * The example of a plugin shipped as a package (docs/plugins.md): it
 * reaches the app only through @boardcms/plugin-kit, and gives its folders
 * as URLs, since a package does not know where it is installed.
 */
export default definePlugin({
  name: 'reading-time',
  version: '1.0.0',
  requires: ['board'],
  provider: () => import('#reading_time/reading_time_provider'),
  config: () => import('#reading_time/config'),
  routes: () => import('#reading_time/routes'),
  listeners: () => import('#reading_time/listeners'),
  openapi: () => import('#reading_time/openapi'),
  migrations: new URL('./database/migrations', import.meta.url),
  tests: new URL('./tests', import.meta.url),
})
