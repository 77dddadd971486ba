/*
|--------------------------------------------------------------------------
| Process guards: surviving a Redis outage
|--------------------------------------------------------------------------
|
| bentocache subscribes its Redis bus without awaiting the promise, so
| while Redis is down an outage would surface as an unhandled rejection
| and, by Node's default, kill the process. Redis connection failures are
| expected and recovered from (ioredis reconnects; reads fall back to the
| database), so they are logged; any other unhandled rejection still ends
| the process, as Node intends.
|
| The Redis package logs each failed reconnect at "fatal" with a stack;
| we log one JSON warning line per client with the error code instead, at
| most every 30 seconds.
|
| An Ace command that has finished exits at most 5 seconds later whatever
| holds it (migrations in a container entrypoint must not hang on Redis);
| Redis connections are closed by start/redis_shutdown.ts.
|
*/

import { safeErrorFields } from '#core/exceptions/safe_error_fields'
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import redis from '@adonisjs/redis/services/main'
import { isRedisOutage } from '#core/process/is_redis_outage'
import { redisErrorReporter } from '#core/process/redis_error_log'

process.on('unhandledRejection', (reason) => {
  if (isRedisOutage(reason)) {
    logger.warn(
      { err: { name: (reason as Error).name, code: (reason as any).code } },
      'redis unavailable'
    )
    return
  }
  logger.fatal({ err: safeErrorFields(reason) }, 'unhandled promise rejection')
  process.exit(1)
})

redis.doNotLogErrors()
redis.on('connection', (connection) => {
  const report = redisErrorReporter(connection.connectionName)
  connection.on('error', ({ error }) => report(error))
  connection.on('subscriber:error', ({ error }) => report(error))
})

app.terminating(async () => {
  if (app.getEnvironment() === 'console') {
    setTimeout(() => process.exit(), 5000).unref()
  }
})
