import env from '#start/env'
import { configProvider } from '@adonisjs/core'
import { defineConfig, store, drivers } from '@adonisjs/cache'

/**
 * The in-process layer is bounded in bytes, so what it holds cannot grow
 * the heap past a known size (docs/performance.md, memory).
 */
const l1 = () => drivers.memory({ maxSize: `${env.get('CACHE_MEMORY_MAX_MB') ?? 16}mb` })

/**
 * "memory" for a single process; "redis" adds a shared L2 and a bus that
 * tells every instance's L1 about invalidations.
 */
const memory = store().useL1Layer(l1())

/**
 * The Redis store is only built when selected: on shutdown the cache
 * provider disconnects every configured store, creating it first, and a
 * Redis bus to a server that is not there keeps the process alive.
 */
const redis =
  env.get('CACHE_STORE') === 'redis'
    ? store()
        .useL1Layer(l1())
        .useL2Layer(drivers.redis({ connectionName: 'main' }))
        .useBus(loggedRedisBus())
    : memory

/**
 * `drivers.redisBus` with the main connection's settings, on a connection
 * whose bus clients log their errors as the app's other Redis clients do.
 */
function loggedRedisBus() {
  return configProvider.create(async (app) => {
    const redisManager = await app.container.make('redis')
    const { redisBusDriver } = await import('bentocache/drivers/redis')
    const { LoggedRedisBus } = await import('#core/cache/logged_redis_bus')
    return redisBusDriver({
      connection: new LoggedRedisBus(redisManager.connection('main').ioConnection.options),
    })
  })
}

const cacheConfig = defineConfig({
  default: env.get('CACHE_STORE'),
  ttl: '5m',
  // No grace period: bentocache serves a tag-invalidated entry as stale
  // while grace is on, and a write must never be followed by a stale read.
  grace: false,
  stores: { memory, redis },
})

export default cacheConfig

declare module '@adonisjs/cache/types' {
  interface CacheStores extends InferStores<typeof cacheConfig> {}
}
