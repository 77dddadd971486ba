import env from '#start/env'
import { defineConfig } from '@adonisjs/transmit'
import { redis } from '@adonisjs/transmit/transports/redis'

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
          driver: redis({
            host: env.get('REDIS_HOST') ?? '127.0.0.1',
            port: env.get('REDIS_PORT') ?? 6379,
            password: env.get('REDIS_PASSWORD') || undefined,
            db: env.get('REDIS_DB') ?? 0,
            keyPrefix: 'transmit:',
          }),
          channel: 'boardcms:transmit',
        }
      : null,
})
