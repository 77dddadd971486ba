import { defineListeners } from '#core/plugins/plugin_listeners'
import { BoardCache } from '#board/services/board_cache'
import { commentsCreated, postsCreated, votesToggled } from '#board/metrics'

export default defineListeners({
  // Author names and pictures are shown in cached lists and posts: account changes drop them.
  // A block changes neither (a blocked author's content keeps both), so it drops nothing: a
  // block during a database outage must not take every cached read down with it.
  'user:updated': () => BoardCache.everythingChanged(),
  'user:deleted': () => BoardCache.everythingChanged(),
  'post:created': () => postsCreated.inc(),
  'comment:created': () => commentsCreated.inc(),
  'vote:toggled': ({ target, voted }) =>
    votesToggled.inc({ target, direction: voted ? 'up' : 'down' }),
})
