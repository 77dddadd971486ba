/*
|--------------------------------------------------------------------------
| Redis connections close before the providers shut down
|--------------------------------------------------------------------------
|
| Commands never wait in an offline queue (config/redis.ts), and the Redis
| package's quit at provider shutdown sends QUIT, which then fails on any
| connection that is not ready: one that Redis dropped, or the one the
| cache's L2 driver disconnected during its own shutdown just before. So
| each connection is closed here, after the HTTP server has drained (its
| hook was registered later and runs first): QUIT when ready, a plain
| disconnect otherwise, and the manager forgets it.
|
*/

import app from '@adonisjs/core/services/app'
import redis from '@adonisjs/redis/services/main'

app.terminating(async () => {
  for (const [name, connection] of Object.entries(redis.activeConnections)) {
    if (connection.status === 'ready') await connection.quit().catch(() => connection.disconnect())
    else await connection.disconnect()
    delete redis.activeConnections[name as keyof typeof redis.activeConnections]
  }
})
