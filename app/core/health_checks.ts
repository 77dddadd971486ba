import { safeErrorFields } from '#core/exceptions/safe_error_fields'
import { BaseCheck, HealthChecks, Result } from '@adonisjs/core/health'
import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import redis from '@adonisjs/redis/services/main'
import env from '#start/env'

/** A readiness probe answers within this, or the dependency counts as down. */
const PROBE_TIMEOUT_MS = 1500

/** True when any store is configured to live in Redis. */
export function usesRedis() {
  return [env.get('CACHE_STORE'), env.get('LIMITER_STORE'), env.get('SESSION_DRIVER')].includes(
    'redis'
  )
}

/**
 * A readiness check that asks the dependency itself on every run (a lazy
 * Redis connection that nothing used yet is not "down"), within a time
 * limit. The answer names the dependency only: its error (hosts, ports) goes
 * to the log, not to an unauthenticated caller.
 */
class ProbeCheck extends BaseCheck {
  constructor(
    public name: string,
    private probe: () => Promise<unknown>
  ) {
    super()
  }

  async run() {
    let timer: NodeJS.Timeout | undefined
    try {
      await Promise.race([
        this.probe(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('no answer in time')), PROBE_TIMEOUT_MS)
        }),
      ])
      return Result.ok(`${this.name} is answering`)
    } catch (error) {
      logger.warn({ err: safeErrorFields(error), check: this.name }, 'readiness check failed')
      return Result.failed(`${this.name} is not answering`)
    } finally {
      clearTimeout(timer)
    }
  }
}

/**
 * Readiness: the database always, Redis only when a store uses it. Plugins
 * append their own from their provider (`healthChecks.append([...])`): the
 * uploads plugin its disk.
 */
export const healthChecks = new HealthChecks().register([
  new ProbeCheck('Database', () => db.connection().rawQuery('select 1')),
  ...(usesRedis() ? [new ProbeCheck('Redis', () => redis.connection('main').ping())] : []),
])
