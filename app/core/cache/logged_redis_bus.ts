import { Redis, type RedisOptions } from 'ioredis'
import { redisErrorReporter } from '#core/process/redis_error_log'

/**
 * The cache bus's Redis connection. The bus transport opens its publisher and
 * subscriber with `duplicate()` and listens to neither's errors, so ioredis
 * prints two plain-text lines with a stack per failed reconnect; the
 * duplicates of this client report through the app's rate-limited log line.
 * Never connected itself (it is a template for the duplicates).
 */
export class LoggedRedisBus extends Redis {
  constructor(options: RedisOptions) {
    // Unlike the app's commands, a subscription must wait for the connection: one refused
    // while connecting would never be made again.
    super({ ...options, lazyConnect: true, enableOfflineQueue: true, commandTimeout: undefined })
  }

  duplicate(override?: Partial<RedisOptions>) {
    const client = super.duplicate(override)
    client.on('error', redisErrorReporter('cache-bus'))
    return client
  }
}
