/**
 * The board plugin: categories, versioned posts and comments, votes, list
 * and search, with cache invalidation on every write. Routes and listeners
 * come from the manifest (plugin.ts); the event and hook declarations are
 * types only.
 */
export default class BoardProvider {
  async start() {
    await import('#board/events/board_events')
    await import('#board/events/content_hook_points')
  }
}
