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
| we log one warning line with the error code instead.
|
*/

import logger from '@adonisjs/core/services/logger'
import redis from '@adonisjs/redis/services/main'
import { isRedisOutage } from '#core/process/is_redis_outage'

process.on('unhandledRejection', (reason) => {
  if (isRedisOutage(reason)) {
    logger.warn(
      { err: { name: (reason as Error).name, code: (reason as any).code } },
      'redis unavailable'
    )
    return
  }
  logger.fatal({ err: reason }, 'unhandled promise rejection')
  process.exit(1)
})

redis.doNotLogErrors()
redis.on('connection', (connection) => {
  const report = ({ error }: { error: NodeJS.ErrnoException }) =>
    logger.warn(
      { connection: connection.connectionName, code: error.code },
      'redis connection error'
    )
  connection.on('error', report)
  connection.on('subscriber:error', report)
})
