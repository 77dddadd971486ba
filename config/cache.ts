import env from '#start/env'
import { defineConfig, store, drivers } from '@adonisjs/cache'
import { DEFAULT_CACHE_MEMORY_MAX_MB, l1Size } from '#core/cache/l1_size'

/**
 * The in-process layer is bounded in bytes, so what it holds cannot grow
 * the heap past a known size (docs/performance.md, "Cache size"). Entries
 * are kept serialized (bentocache's default): one string each, which is
 * what the bound counts.
 */
const l1 = () =>
  drivers.memory(l1Size(env.get('CACHE_MEMORY_MAX_MB') ?? DEFAULT_CACHE_MEMORY_MAX_MB))

/**
 * "memory" for a single process; "redis" adds a shared L2. Instances learn
 * of each other's invalidations from the cache change log (app/core/cache),
 * which every process reads within CACHE_CHANGE_POLL_MS: no Redis bus, whose
 * messages are lost for good while Redis is unreachable.
 */
const memory = store().useL1Layer(l1())

/**
 * The Redis store is only built when selected: on shutdown the cache
 * provider disconnects every configured store, creating it first.
 */
const redis =
  env.get('CACHE_STORE') === 'redis'
    ? store()
        .useL1Layer(l1())
        .useL2Layer(drivers.redis({ connectionName: 'main' }))
    : memory

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
