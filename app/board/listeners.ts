import { defineListeners } from '#core/plugins/plugin_listeners'
import { BoardCache } from '#board/services/board_cache'
import { commentsCreated, postsCreated, votesToggled } from '#board/metrics'

export default defineListeners({
  // Author names and pictures are shown in cached lists and posts: account changes drop them
  // (a block hides the author's picture, an unblock shows it again).
  'user:updated': () => BoardCache.everythingChanged(),
  'user:deleted': () => BoardCache.everythingChanged(),
  'user:blocked': () => BoardCache.everythingChanged(),
  'user:unblocked': () => BoardCache.everythingChanged(),
  'post:created': () => postsCreated.inc(),
  'comment:created': () => commentsCreated.inc(),
  'vote:toggled': ({ target, voted }) =>
    votesToggled.inc({ target, direction: voted ? 'up' : 'down' }),
})
