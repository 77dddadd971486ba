import { test } from '@japa/runner'
import { needsPlugins } from '#tests/helpers/plugins'
import { requireServices, skipWhen } from '#tests/helpers/required_services'
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import {
  runAce,
  startProxy,
  startRedis,
  startServer,
  waitFor,
} from '#tests/helpers/child_processes'
import { freePort } from '#tests/helpers/server_process'

/**
 * Fault injection against real processes: the app server, its own Redis
 * and a proxy in front of MariaDB, on ports of their own. Counts are
 * printed so a CI log shows what was tried.
 */
// Ports the OS picks, so a run never talks to another process's server (another checkout's suite).
const [REDIS_PORT, SERVER_PORT, SERVER_PORT_2, PROXY_PORT] = await Promise.all([
  freePort(),
  freePort(),
  freePort(),
  freePort(),
])

const redisServer = requireServices('the Redis outage test', 'redis-server')
const mariadb = requireServices('the database outage test', 'mariadb')

interface Tally {
  sent: number
  faults: number
  fiveHundreds: number
}

async function call(tally: Tally, url: string, init?: RequestInit) {
  tally.sent++
  const response = await fetch(url, init)
  const text = await response.text()
  if (response.status >= 500 && response.status !== 503) tally.fiveHundreds++
  return { status: response.status, text, json: () => JSON.parse(text) }
}

async function signupAndPost(tally: Tally, url: string) {
  const name = `rel${Date.now().toString(36)}`
  const json = { 'content-type': 'application/json' }
  await call(tally, `${url}/api/v1/user`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      name,
      email: `${name}@example.com`,
      password: 'secret-pass1',
      password_confirmation: 'secret-pass1',
    }),
  })
  const login = await call(tally, `${url}/api/v1/user/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username: name, password: 'secret-pass1' }),
  })
  const token = login.json().access_token as string
  const created = await call(tally, `${url}/api/v1/board/tech`, {
    method: 'POST',
    headers: { ...json, authorization: `Bearer ${token}` },
    body: JSON.stringify({ title: 'fault test', content: 'still readable' }),
  })
  return { name, token, postId: created.json().id as number }
}

test.group('Faults: Redis stops while the app serves traffic', () => {
  test('reads keep answering from the database, readiness reports Redis, and it recovers', async ({
    assert,
  }) => {
    redisServer.assert()
    const sqlite = 'tmp/reliability-redis.sqlite3'
    for (const suffix of ['', '-wal', '-shm'])
      rmSync(app.makePath(sqlite + suffix), { force: true })
    const env = {
      DB_CONNECTION: 'sqlite',
      SQLITE_FILENAME: sqlite,
      CACHE_STORE: 'redis',
      LIMITER_STORE: 'redis',
      REDIS_HOST: '127.0.0.1',
      REDIS_PORT: String(REDIS_PORT),
    }
    let redis = await startRedis(REDIS_PORT)
    let server: Awaited<ReturnType<typeof startServer>> | undefined
    const tally: Tally = { sent: 0, faults: 0, fiveHundreds: 0 }
    try {
      runAce(['migration:run', '--force'], env)
      runAce(['db:seed'], env)
      server = await startServer(SERVER_PORT, env)
      // Before any request has used Redis: readiness asks it, rather than reporting an unused
      // lazy connection as down.
      const fresh = await call(tally, `${server!.url}/health/ready`)
      assert.equal(fresh.status, 200, fresh.text)
      const { postId, token } = await signupAndPost(tally, server!.url)
      const reads = [
        `/api/v1/post/${postId}`,
        '/api/v1/board/qna',
        '/api/v1/board',
        `/api/v1/post/${postId}/history`,
      ]

      await redis.stop()
      tally.faults++
      for (let round = 0; round < 10; round++) {
        for (const path of reads) {
          const response = await call(tally, `${server!.url}${path}`)
          assert.equal(response.status, 200, `${path} while Redis is down`)
        }
      }
      const me = await call(tally, `${server!.url}/api/v1/user/me`, {
        headers: { authorization: `Bearer ${token}` },
      })
      assert.equal(me.status, 200, 'authenticated reads fall back to the database')
      const ready = await call(tally, `${server!.url}/health/ready`)
      assert.equal(ready.status, 503, ready.text)
      assert.match(ready.text, /Redis/)
      assert.notMatch(
        ready.text,
        /127\.0\.0\.1|ECONNREFUSED|[a-z0-9.-]+:\d{2,5}\b/i,
        'no internal address'
      )
      const login = await call(tally, `${server!.url}/api/v1/user/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'x', password: 'y' }),
      })
      assert.include([401, 503], login.status, 'the limiter store is down: 503, never 500')
      assert.isNull(server!.process.exitCode, 'the server is still running')
      // Every client retries every few seconds: the log gets one JSON line per client and
      // error code now and then, never ioredis's plain-text lines with a stack.
      await new Promise((resolve) => setTimeout(resolve, 5000))
      const log = server!.output()
      assert.notInclude(log, '[ioredis]')
      const errorLines = log.split('\n').filter((line) => line.includes('redis connection error'))
      assert.isAtMost(errorLines.length, 4, errorLines.join('\n'))
      for (const line of errorLines) assert.doesNotThrow(() => JSON.parse(line))

      redis = await startRedis(REDIS_PORT)
      await waitFor(
        async () => (await call(tally, `${server!.url}/health/ready`)).status === 200,
        20_000,
        () => 'no recovery'
      )
      const after = await call(tally, `${server!.url}/api/v1/post/${postId}`)
      assert.equal(after.status, 200)
      assert.equal(tally.fiveHundreds, 0)
    } finally {
      console.log(
        `  redis outage: requests sent ${tally.sent}, faults injected ${tally.faults}, 5xx seen ${tally.fiveHundreds}`
      )
      await server?.stop()
      await redis.stop()
    }
  })
    .skip(...skipWhen(redisServer.skip, needsPlugins('board')))
    .timeout(120_000)
})

test.group('Faults: the database becomes unreachable', () => {
  test('answers 503 with a clear error, does not crash, recovers by itself', async ({ assert }) => {
    mariadb.assert()
    // A fresh database: one left by an earlier run may hold another version's tables.
    spawnSync('mysql', [
      '-h127.0.0.1',
      '-uroot',
      '-e',
      'DROP DATABASE IF EXISTS board_reliability; CREATE DATABASE board_reliability CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci',
    ])
    const env = {
      DB_CONNECTION: 'mysql',
      MYSQL_HOST: '127.0.0.1',
      MYSQL_USER: 'root',
      MYSQL_DATABASE: 'board_reliability',
      CACHE_STORE: 'memory',
      LIMITER_STORE: 'memory',
      // Low enough that ten logins counted as failures would lock the account.
      RATE_LIMIT_LOGIN_PER_USER: '5',
      // Warnings too: the driver's connection errors are warnings.
      LOG_LEVEL: 'warn',
    }
    runAce(['migration:run', '--force'], { ...env, MYSQL_PORT: '3306' })
    runAce(['db:seed'], { ...env, MYSQL_PORT: '3306' })

    const proxy = await startProxy(PROXY_PORT, 3306)
    let server: Awaited<ReturnType<typeof startServer>> | undefined
    const tally: Tally = { sent: 0, faults: 0, fiveHundreds: 0 }
    try {
      server = await startServer(SERVER_PORT_2, { ...env, MYSQL_PORT: String(PROXY_PORT) })
      const { postId, name } = await signupAndPost(tally, server!.url)
      const login = () =>
        call(tally, `${server!.url}/api/v1/user/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: name, password: 'secret-pass1' }),
        })

      await proxy.cut()
      tally.faults++
      // Correct passwords while the database is down: 503, and they are not failed logins.
      for (let i = 0; i < 10; i++) {
        const response = await login()
        assert.equal(response.status, 503, response.text)
      }
      for (let i = 0; i < 10; i++) {
        // Keyword lists are not served from the cache: they must reach the database.
        const response = await call(tally, `${server!.url}/api/v1/board/qna?keyword=down${i}`)
        assert.equal(response.status, 503, server!.output().slice(-1500))
        assert.deepEqual(response.json().errors[0].code, 'E_SERVICE_UNAVAILABLE')
        assert.notInclude(response.text, 'select')
      }
      const ready = await call(tally, `${server!.url}/health/ready`)
      assert.equal(ready.status, 503)
      assert.match(ready.text, /Database/)
      assert.notMatch(
        ready.text,
        /127\.0\.0\.1|ECONNREFUSED|[a-z0-9.-]+:\d{2,5}\b/i,
        'no internal address'
      )
      const live = await call(tally, `${server!.url}/health`)
      assert.equal(live.status, 200, 'liveness does not depend on the database')

      await proxy.restore()
      await waitFor(
        async () =>
          (await call(tally, `${server!.url}/api/v1/board/qna?keyword=back`)).status === 200,
        30_000,
        () => 'no recovery after the database came back'
      )
      const post = await call(tally, `${server!.url}/api/v1/post/${postId}`)
      assert.equal(post.status, 200)
      const back = await login()
      assert.equal(back.status, 200, `the outage did not lock the account: ${back.text}`)
      assert.isNull(server!.process.exitCode)
      assert.equal(tally.fiveHundreds, 0)
      // The log is JSON lines, never a stack (knex's connection errors included).
      // (a stack inside a JSON line shows as an escaped newline)
      const stacked = server!
        .output()
        .split('\n')
        .filter((line) => /(^|\\n)\s+at /.test(line))
      assert.deepEqual(stacked.slice(0, 3), [], 'no stack in the log')
    } finally {
      console.log(
        `  database outage: requests sent ${tally.sent}, faults injected ${tally.faults}, 5xx seen ${tally.fiveHundreds}`
      )
      await server?.stop()
      await proxy.cut()
    }
  })
    .skip(...skipWhen(mariadb.skip, needsPlugins('board')))
    .timeout(120_000)
})
