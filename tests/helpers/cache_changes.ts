import { processFeed } from '#core/cache/cache_change_feed'

/**
 * Applies the cache changes recorded so far now, as the feed would on its
 * next poll. A write drops its entries at once and again on that poll (see
 * CacheChangeFeed), so a test that fills the cache right after a write and
 * expects a hit later calls this first.
 */
export async function cacheChangesApplied() {
  await processFeed.current?.tick()
}
