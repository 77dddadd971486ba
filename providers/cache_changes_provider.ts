import type { ApplicationService } from '@adonisjs/core/types'
import env from '#start/env'
import { CacheChangeFeed, processFeed } from '#core/cache/cache_change_feed'
import { redisConnectionsInUse, warmRedisConnection } from '#core/cache/redis_connections'

/**
 * Server processes (and the test process, which serves the API in-process)
 * read the cache change log, so changes made anywhere reach their cache
 * within CACHE_CHANGE_POLL_MS. Redis connections the stores use are opened
 * before the first request: they fail fast (no offline queue) once open.
 */
export default class CacheChangesProvider {
  #feed: CacheChangeFeed | undefined

  constructor(protected app: ApplicationService) {}

  /** Before the server listens: its first requests must not meet a connection still opening. */
  async start() {
    if (!['web', 'test'].includes(this.app.getEnvironment())) return
    await Promise.all(redisConnectionsInUse().map((name) => warmRedisConnection(name)))
  }

  async ready() {
    if (!['web', 'test'].includes(this.app.getEnvironment())) return
    const feed = new CacheChangeFeed({
      pollIntervalMs: env.get('CACHE_CHANGE_POLL_MS') ?? 250,
      retentionMs: 60 * 60_000,
    })
    this.#feed = feed
    processFeed.current = feed
    if (env.get('CACHE_STORE') === 'redis') {
      const redis = await this.app.container.make('redis')
      const connection = redis.connection('main')
      connection.on('error', () => feed.redisLost())
      connection.on('close', () => feed.redisLost())
      connection.on('ready', () => feed.redisBack())
    }
    // The test bootstrap starts it once the tables exist.
    if (this.app.getEnvironment() === 'web') feed.start()
  }

  async shutdown() {
    await this.#feed?.stop()
  }
}
