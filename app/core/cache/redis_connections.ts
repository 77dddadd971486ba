import redis from '@adonisjs/redis/services/main'
import env from '#start/env'

type ConnectionName = 'main' | 'limiter'

/** The Redis connections the configured stores use (the cache and sessions: main; the limiter: its own). */
export function redisConnectionsInUse(): ConnectionName[] {
  const names = new Set<ConnectionName>()
  if (env.get('CACHE_STORE') === 'redis' || env.get('SESSION_DRIVER') === 'redis') names.add('main')
  if (env.get('LIMITER_STORE') === 'redis') names.add('limiter')
  return [...names]
}

/**
 * Opens a connection and waits (at most `timeoutMs`) until it is ready.
 * Commands never wait in an offline queue (config/redis.ts), so a
 * connection still opening would fail the first requests that use it. A
 * Redis that does not answer does not stop the boot: readiness reports it.
 */
export async function warmRedisConnection(name: ConnectionName, timeoutMs = 2000) {
  const client = redis.connection(name).ioConnection
  if (client.status === 'ready') return
  let timer: NodeJS.Timeout | undefined
  await Promise.race([
    new Promise<void>((resolve) => {
      client.once('ready', () => resolve())
      if (client.status === 'wait') client.connect().catch(() => {})
    }),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs)
    }),
  ])
  clearTimeout(timer)
}
