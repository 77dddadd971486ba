import { definePlugin } from '#core/plugins/define_plugin'

export default definePlugin({
  name: 'board',
  version: '1.0.0',
  requires: ['accounts'],
  provider: () => import('#board/board_provider'),
  routes: () => import('#board/routes'),
  commands: () => import('#board/commands'),
  migrations: 'app/board/database/migrations',
  seeders: 'app/board/database/seeders',
  listeners: () => import('#board/listeners'),
  openapi: () => import('#board/openapi'),
})
