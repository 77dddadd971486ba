import { definePlugin } from '#core/plugins/define_plugin'

/**
 * The example plugin (docs/plugins.md walks through it): refuses or masks
 * listed words in posts and comments before they are written.
 */
export default definePlugin({
  name: 'word-filter',
  version: '1.0.0',
  requires: ['board'],
  provider: () => import('#word_filter/word_filter_provider'),
  config: () => import('#word_filter/config'),
  hooks: () => import('#word_filter/hooks'),
  // The folder is snake_case like every file name; the plugin name is kebab-case.
  tests: 'app/word_filter/tests',
})
