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
| most every 30 seconds (the cache bus's clients too: config/cache.ts).
|
| On shutdown, a connection that is not ready is dropped rather than sent
| QUIT: QUIT waits for a server that is not there. The cache provider also
| creates its Redis bus while disconnecting it, and that bus reconnects
| forever; so an Ace command that has finished exits at most 5 seconds
| later (migrations in a container entrypoint must not hang on Redis).
|
*/

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
  logger.fatal({ err: reason }, 'unhandled promise rejection')
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
  for (const connection of Object.values(redis.activeConnections)) {
    if (connection.status !== 'ready') await connection.disconnect()
  }
})
