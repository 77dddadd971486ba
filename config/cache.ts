import env from '#start/env'
import { defineConfig, store, drivers } from '@adonisjs/cache'

/**
 * "memory" for a single process; "redis" adds a shared L2 and a bus that
 * tells every instance's L1 about invalidations.
 */
const cacheConfig = defineConfig({
  default: env.get('CACHE_STORE'),
  ttl: '5m',
  // No grace period: bentocache serves a tag-invalidated entry as stale
  // while grace is on, and a write must never be followed by a stale read.
  grace: false,
  stores: {
    memory: store().useL1Layer(drivers.memory({ maxSize: '64mb' })),
    redis: store()
      .useL1Layer(drivers.memory({ maxSize: '64mb' }))
      .useL2Layer(drivers.redis({ connectionName: 'main' }))
      .useBus(drivers.redisBus({ connectionName: 'main' })),
  },
})

export default cacheConfig

declare module '@adonisjs/cache/types' {
  interface CacheStores extends InferStores<typeof cacheConfig> {}
}
