import env from '#start/env'
import { defineConfig } from '@adonisjs/transmit'
import { redis } from '@adonisjs/transmit/transports/redis'
import { Redis, type RedisOptions } from 'ioredis'
import { redisErrorReporter } from '#core/process/redis_error_log'

/**
 * The transport publishes and subscribes on copies of the connection it is
 * given (`duplicate()`), which would print "[ioredis] Unhandled error event"
 * and a stack on every retry while Redis is away: the copies report like
 * every other Redis client (one JSON line per 30 s).
 */
class ReportingRedis extends Redis {
  duplicate(override?: Partial<RedisOptions>) {
    const copy = super.duplicate(override)
    copy.on('error', redisErrorReporter('transmit'))
    return copy
  }
}

/**
 * Realtime (SSE, the notifications plugin; docs/notifications.md). One
 * instance needs nothing: broadcasts stay in the process. Several
 * instances share them over Redis pub/sub (NOTIFY_REALTIME_TRANSPORT=redis,
 * the default when the cache is on Redis), so a client connected to
 * instance A sees a comment written on instance B.
 */
const transport =
  env.get('NOTIFY_REALTIME_TRANSPORT') ?? (env.get('CACHE_STORE') === 'redis' ? 'redis' : 'memory')

export default defineConfig({
  // Keeps proxies from closing a quiet stream, and finds dead connections.
  pingInterval: `${env.get('NOTIFY_SSE_PING_SECONDS') ?? 25}s`,
  transport:
    transport === 'redis'
      ? {
          // The transport takes a connection as well as options (RedisTransport's constructor
          // overloads; `redis()` is typed for options only). Never connected itself: lazy.
          driver: redis(
            new ReportingRedis({
              host: env.get('REDIS_HOST') ?? '127.0.0.1',
              port: env.get('REDIS_PORT') ?? 6379,
              password: env.get('REDIS_PASSWORD') || undefined,
              db: env.get('REDIS_DB') ?? 0,
              keyPrefix: 'transmit:',
              lazyConnect: true,
            }) as unknown as RedisOptions
          ),
          channel: 'boardcms:transmit',
        }
      : null,
})
