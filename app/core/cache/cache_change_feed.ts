import cache from '@adonisjs/cache/services/main'
import logger from '@adonisjs/core/services/logger'
import { PollingLoop } from '#core/queue/polling_loop'
import { safeErrorFields } from '#core/exceptions/safe_error_fields'
import { applyCacheChange } from '#core/cache/invalidate'
import { cacheChangeLog } from '#core/cache/cache_change_log'

export interface CacheChangeFeedOptions {
  pollIntervalMs: number
  /** Rows older than this are deleted (by whichever process prunes first). */
  retentionMs: number
  batchSize?: number
}

const PRUNE_EVERY_MS = 60_000
const LOG_EVERY_MS = 30_000
/** Changes this recent when Redis went away are replayed too: their Redis writes may have failed unseen. */
const REPLAY_MARGIN_MS = 5_000

/**
 * Reads the cache change log and drops, in this process's cache, what other
 * processes changed (an Ace command, another instance, the admin panel of
 * another instance). Its own changes are dropped again too: a read that
 * started before a write committed may cache the old state just after the
 * write's own drop, and this second drop a moment later removes it. When the cache's Redis connection comes back after an
 * outage, every change recorded since shortly before it went away is applied
 * again, so Redis holds nothing the outage kept from being dropped.
 */
export class CacheChangeFeed {
  readonly #options: Required<CacheChangeFeedOptions>
  readonly #loop: PollingLoop
  #lastId = 0
  #started = false
  #prunedAt = 0
  /** [time, last id read] of recent polls, to find where a replay starts. */
  #marks: [number, number][] = []
  /** Where the pending replay starts, while Redis is away. */
  #replayFrom: number | undefined
  #replayDue = false
  #loggedAt = 0
  #reading: Promise<number> | undefined
  #queued: Promise<number> | undefined

  constructor(options: CacheChangeFeedOptions) {
    this.#options = { batchSize: 500, ...options }
    this.#loop = new PollingLoop({
      name: 'cache change feed',
      pollIntervalMs: this.#options.pollIntervalMs,
      batchSize: this.#options.batchSize,
      poll: () => this.tick(),
    })
  }

  /** Reading starts at the newest change: this process's cache holds nothing older. */
  start() {
    this.#loop.start()
  }

  /**
   * Applies every change committed before the call now, not at the next
   * poll: what a client that just wrote, on any instance, must see (the
   * read-your-writes middleware). Calls that come while a read runs share
   * one read after it.
   */
  catchUp(): Promise<number> {
    if (!this.#reading) return this.#readNow()
    this.#queued ??= this.#reading.then(() => {
      this.#queued = undefined
      return this.#readNow()
    })
    return this.#queued
  }

  #readNow() {
    this.#reading = this.tick().finally(() => {
      this.#reading = undefined
    })
    return this.#reading
  }

  async stop() {
    await this.#loop.stop()
  }

  /** The cache's Redis connection failed: a replay is due once it is back. */
  redisLost(now = Date.now()) {
    if (this.#replayFrom !== undefined) return
    const before = this.#marks.find(([time]) => time >= now - REPLAY_MARGIN_MS)
    this.#replayFrom = before ? before[1] : this.#lastId
    this.#replayDue = false
  }

  /** The cache's Redis connection is ready again: the next poll replays. */
  redisBack() {
    if (this.#replayFrom !== undefined) this.#replayDue = true
  }

  /**
   * One poll, whose failure (the database is away) is logged at most every
   * LOG_EVERY_MS, not four times a second; the next poll tries again.
   */
  async tick(now = Date.now()) {
    try {
      return await this.#read(now)
    } catch (error) {
      if (now - this.#loggedAt >= LOG_EVERY_MS) {
        this.#loggedAt = now
        logger.warn({ err: safeErrorFields(error) }, 'cache change log unreadable')
      }
      return 0
    }
  }

  /** Applies the changes recorded since the last read (and a due replay). Answers how many rows it read. */
  async #read(now: number) {
    if (!this.#started) {
      this.#lastId = await cacheChangeLog.lastId()
      this.#started = true
    }
    if (now - this.#prunedAt >= PRUNE_EVERY_MS) {
      this.#prunedAt = now
      await cacheChangeLog.prune(now - this.#options.retentionMs)
    }
    if (this.#replayDue) await this.#replay()

    const changes = await cacheChangeLog.since(this.#lastId, this.#options.batchSize)
    for (const change of changes) {
      await applyCacheChange(change)
      this.#lastId = Math.max(this.#lastId, change.id)
    }
    this.#marks.push([now, this.#lastId])
    while (this.#marks.length && this.#marks[0][0] < now - 2 * REPLAY_MARGIN_MS) this.#marks.shift()
    return changes.length
  }

  async #replay() {
    const from = this.#replayFrom!
    this.#replayFrom = undefined
    this.#replayDue = false
    let afterId = from
    let replayed = 0
    try {
      const first = await cacheChangeLog.firstId()
      if (first > from + 1) {
        // The outage outlasted the log: what changed is no longer known, so nothing cached is trusted.
        await cache.clear()
        logger.warn('cache cleared after a Redis outage longer than the cache change log keeps')
        return
      }
      for (;;) {
        const changes = await cacheChangeLog.since(afterId, this.#options.batchSize)
        for (const change of changes) await applyCacheChange(change)
        replayed += changes.length
        if (changes.length < this.#options.batchSize) break
        afterId = changes[changes.length - 1].id
      }
      logger.info({ replayed }, 'cache changes replayed after a Redis outage')
    } catch (error) {
      // Try again on the next poll.
      this.#replayFrom = from
      this.#replayDue = true
      logger.warn({ err: safeErrorFields(error) }, 'cache change replay failed')
    }
  }
}

/** This process's feed, made by the cache changes provider (the test bootstrap starts it once migrated). */
export const processFeed: { current?: CacheChangeFeed } = {}
