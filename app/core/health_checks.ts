import { HealthChecks } from '@adonisjs/core/health'
import { DbCheck } from '@adonisjs/lucid/database'
import { RedisCheck } from '@adonisjs/redis'
import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'
import env from '#start/env'

/** True when any store is configured to live in Redis. */
export function usesRedis() {
  return [env.get('CACHE_STORE'), env.get('LIMITER_STORE'), env.get('SESSION_DRIVER')].includes(
    'redis'
  )
}

/**
 * Readiness: the database always, Redis only when a store uses it.
 */
export const healthChecks = new HealthChecks().register([
  new DbCheck(db.connection()),
  ...(usesRedis() ? [new RedisCheck(redis.connection('main'))] : []),
])
