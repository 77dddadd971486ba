import cache from '@adonisjs/cache/services/main'
import logger from '@adonisjs/core/services/logger'
import { AppException } from '#core/exceptions/app_exception'
import { safeErrorFields } from '#core/exceptions/safe_error_fields'
import { cacheChangeLog, type CacheChange } from '#core/cache/cache_change_log'

export type { CacheChange } from '#core/cache/cache_change_log'

/**
 * Drops cached entries after a committed write: records the change in the
 * cache change log (which every server process reads within
 * CACHE_CHANGE_POLL_MS, whatever process made the change and whether or not
 * Redis was reachable), then drops the entries here. Call it after commit and
 * before answering. It throws E_CACHE_CHANGE_NOT_RECORDED when the log cannot
 * be written: the change is then not guaranteed to reach other processes, and
 * the caller must say so (an Ace command exits non-zero).
 */
export async function invalidate(change: CacheChange) {
  try {
    await cacheChangeLog.record(change)
  } catch (error) {
    logger.error({ err: safeErrorFields(error) }, 'cache change not recorded')
    // This process still drops its own entries.
    await applyCacheChange(change)
    throw new AppException(
      'The change was saved, but other server processes may keep answering the old state until their cache expires',
      { status: 503, code: 'E_CACHE_CHANGE_NOT_RECORDED' }
    )
  }
  await applyCacheChange(change)
}

/**
 * Drops the keys and tags from this process's cache (and Redis, when the
 * store has it). Redis errors are absorbed by the cache (its in-process layer
 * is still cleared); the change log replays them once Redis answers again.
 */
export async function applyCacheChange(change: CacheChange) {
  // One call (and one bus message) for many keys: a notification fan-out drops hundreds.
  if (change.keys?.length) await cache.deleteMany({ keys: change.keys })
  if (change.tags?.length) await cache.deleteByTag({ tags: change.tags })
}
