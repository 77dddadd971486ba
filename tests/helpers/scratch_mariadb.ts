import mysql from 'mysql2/promise'
import type { TestContext } from '@japa/runner/core'
import { runAce, startRedis } from '#tests/helpers/child_processes'
import { freePort } from '#tests/helpers/server_process'

/**
 * A MariaDB database of the test's own, dropped and created again (one left
 * by an earlier run may hold another version's tables), migrated and
 * seeded for app processes that share a Redis on `redisPort`. Answers the
 * env those processes need and a connection for checking rows.
 */
export async function scratchMariaDb(
  database: string,
  redisPort: number,
  cleanup: TestContext['cleanup']
) {
  const connection = await mysql.createConnection({ host: '127.0.0.1', user: 'root' })
  cleanup(() => connection.end())
  await connection.query(`DROP DATABASE IF EXISTS ${database}`)
  await connection.query(
    `CREATE DATABASE ${database} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`
  )
  const env = {
    DB_CONNECTION: 'mysql',
    MYSQL_HOST: '127.0.0.1',
    MYSQL_PORT: '3306',
    MYSQL_USER: 'root',
    MYSQL_DATABASE: database,
    CACHE_STORE: 'redis',
    LIMITER_STORE: 'redis',
    REDIS_HOST: '127.0.0.1',
    REDIS_PORT: String(redisPort),
  }
  runAce(['migration:run', '--force'], env)
  runAce(['db:seed'], env)
  return { connection, env }
}

/** A Redis of the test's own on a free port, stopped after the test; answers its port. */
export async function redisOfItsOwn(cleanup: TestContext['cleanup']) {
  const port = await freePort()
  const redis = await startRedis(port)
  cleanup(async () => {
    await redis.stop()
  })
  return port
}
