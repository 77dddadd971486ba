import env from '#start/env'
import { defineConfig } from '@adonisjs/redis'
import type { InferConnections } from '@adonisjs/redis/types'

/**
 * Connections are lazy: the app boots and serves without Redis unless a
 * store below is set to "redis" (then the server opens them before its first
 * request). While Redis is down a command fails at once, never waiting in an
 * offline queue (a write would wait seconds on its cache calls), and one
 * that gets no answer fails after REDIS_COMMAND_TIMEOUT_MS; the client keeps
 * reconnecting in the background.
 */
const base = {
  host: env.get('REDIS_HOST') ?? '127.0.0.1',
  port: env.get('REDIS_PORT') ?? 6379,
  password: env.get('REDIS_PASSWORD') || undefined,
  keyPrefix: '',
  lazyConnect: true,
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
  commandTimeout: env.get('REDIS_COMMAND_TIMEOUT_MS') ?? 1000,
  connectTimeout: 2000,
  retryStrategy: (times: number) => Math.min(times * 200, 2000),
}

const redisConfig = defineConfig({
  connection: 'main',
  connections: {
    main: { ...base, db: env.get('REDIS_DB') ?? 0 },
    /** The limiter's clear() flushes its whole db, so it gets one of its own. */
    limiter: { ...base, db: env.get('REDIS_LIMITER_DB') ?? 1 },
  },
})

export default redisConfig

declare module '@adonisjs/redis/types' {
  export interface RedisConnections extends InferConnections<typeof redisConfig> {}
}
