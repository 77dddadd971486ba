import { defineListeners } from '#core/plugins/plugin_listeners'
import { BoardCache } from '#board/services/board_cache'

/** Author names are shown in cached lists and posts: account changes drop them. */
export default defineListeners({
  'user:updated': () => BoardCache.everythingChanged(),
  'user:deleted': () => BoardCache.everythingChanged(),
})
