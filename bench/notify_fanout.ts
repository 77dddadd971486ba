/**
 * npm run bench:notify -- [--db sqlite|mysql] [--watchers 10000] [--rounds 15]
 *
 * The notifications fan-out (docs/notifications.md): creating a post in a
 * category with 0, a tenth of and all `--watchers` watchers must take the
 * same time, since the request only queues one job; the watchers are
 * written after the response, in batches. Seeds a scratch database, starts
 * the app on 127.0.0.1, posts in the three categories in turn (waiting for
 * each fan-out to finish, so runs do not overlap), and writes
 * bench/results/notify-fanout-<db>.json: request latency per watcher count,
 * and how long each fan-out took after the answer.
 */
import { spawn, spawnSync, execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import mysql from 'mysql2/promise'

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    watchers: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '15' },
  },
})
const db = values.db === 'mysql' ? 'mysql' : 'sqlite'
const watchers = Number(values.watchers)
const rounds = Number(values.rounds)
const root = new URL('../', import.meta.url).pathname
const node = process.execPath
const PORT = 3517
const DATABASE = 'board_bench_notify'
const SQLITE_FILE = 'tmp/bench-notify.sqlite3'
/** Category -> watchers: none, a tenth, all. */
const CATEGORIES: [string, number][] = [
  ['life', 0],
  ['news', Math.round(watchers / 10)],
  ['tech', watchers],
]

const env: Record<string, string> = {
  PATH: process.env.PATH ?? '',
  TZ: 'UTC',
  NODE_ENV: 'development',
  HOST: '127.0.0.1',
  PORT: String(PORT),
  LOG_LEVEL: 'warn',
  APP_KEY: 'bench-app-key-not-secret-0123456789abcdef',
  SESSION_DRIVER: 'cookie',
  RATE_LIMIT_LOGIN_PER_IP: '100000000',
  RATE_LIMIT_LOGIN_PER_USER: '100000000',
  ...(db === 'mysql'
    ? {
        DB_CONNECTION: 'mysql',
        MYSQL_HOST: '127.0.0.1',
        MYSQL_USER: 'root',
        MYSQL_DATABASE: DATABASE,
        CACHE_STORE: 'redis',
        LIMITER_STORE: 'redis',
        REDIS_DB: '14',
        REDIS_LIMITER_DB: '15',
      }
    : {
        DB_CONNECTION: 'sqlite',
        SQLITE_FILENAME: SQLITE_FILE,
        CACHE_STORE: 'memory',
        LIMITER_STORE: 'memory',
      }),
}

function ace(args: string[]) {
  const result = spawnSync(node, ['--import=@poppinss/ts-exec', 'bin/console.ts', ...args], {
    cwd: root,
    env,
    stdio: 'inherit',
  })
  if (result.status !== 0) throw new Error(`ace ${args.join(' ')} failed`)
}

/** SQL against the scratch database, for the setup and the checks. */
async function connect() {
  if (db === 'mysql') {
    const connection = await mysql.createConnection({
      host: '127.0.0.1',
      user: 'root',
      database: DATABASE,
    })
    return {
      all: async (sql: string) => (await connection.query(sql))[0] as any[],
      run: async (sql: string) => void (await connection.query(sql)),
      close: () => connection.end(),
    }
  }
  const sqlite = new Database(root + SQLITE_FILE)
  sqlite.pragma('busy_timeout = 5000')
  return {
    all: async (sql: string) => sqlite.prepare(sql).all() as any[],
    run: async (sql: string) => void sqlite.exec(sql),
    close: async () => sqlite.close(),
  }
}

async function prepare() {
  mkdirSync(root + 'tmp', { recursive: true })
  if (db === 'mysql') {
    execFileSync('mysql', [
      '-h127.0.0.1',
      '-uroot',
      '-e',
      `DROP DATABASE IF EXISTS ${DATABASE}; CREATE DATABASE ${DATABASE} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    ])
    for (const redisDb of [env.REDIS_DB, env.REDIS_LIMITER_DB]) {
      execFileSync('redis-cli', ['-h', '127.0.0.1', '-n', redisDb, 'flushdb'])
    }
  } else {
    for (const suffix of ['', '-wal', '-shm']) rmSync(root + SQLITE_FILE + suffix, { force: true })
  }
  ace(['migration:run', '--force'])
  ace(['db:seed'])
  ace(['demo:seed', `--users=${watchers + 1}`, '--posts=0', '--comments=0'])
  const sql = await connect()
  const users = await sql.all(`SELECT id, name FROM users WHERE name LIKE 'demo%' ORDER BY id`)
  const [author, ...others] = users
  const now = new Date().toISOString().slice(0, 23).replace('T', ' ')
  for (const [name, count] of CATEGORIES) {
    const [category] = await sql.all(`SELECT id FROM categories WHERE name = '${name}'`)
    for (let from = 0; from < count; from += 400) {
      const rows = others
        .slice(from, Math.min(count, from + 400))
        .map((user) => `('category', ${category.id}, ${user.id}, 'watching', '${now}')`)
      await sql.run(
        `INSERT INTO notification_watches (target, target_id, user_id, level, created_at) VALUES ${rows.join(',')}`
      )
    }
  }
  await sql.close()
  return author.name as string
}

function startServer() {
  const child = spawn(node, ['--import=@poppinss/ts-exec', 'bin/server.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  return child
}

async function waitUntil(check: () => Promise<boolean>, limitMs: number) {
  const deadline = Date.now() + limitMs
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error('timed out')
}

const percentile = (samples: number[], p: number) => {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}
const round1 = (value: number) => Math.round(value * 10) / 10

async function main() {
  const authorName = await prepare()
  const server = startServer()
  const base = `http://127.0.0.1:${PORT}`
  try {
    await waitUntil(async () => {
      try {
        return (await fetch(`${base}/health`)).ok
      } catch {
        return false
      }
    }, 60_000)
    const login = await fetch(`${base}/api/v1/user/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: authorName, password: 'demo-password' }),
    })
    const token = ((await login.json()) as any).access_token
    const sql = await connect()
    const latency = new Map<string, number[]>(CATEGORIES.map(([name]) => [name, []]))
    const fanOut = new Map<string, number[]>(CATEGORIES.map(([name]) => [name, []]))

    // One warm-up post per category, then the measured rounds, rotating the order.
    for (let round = -1; round < rounds; round++) {
      const order = CATEGORIES.map(
        (_, i) => CATEGORIES[(i + Math.max(0, round)) % CATEGORIES.length]
      )
      for (const [name, count] of order) {
        const started = performance.now()
        const response = await fetch(`${base}/api/v1/board/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'authorization': `Bearer ${token}` },
          body: JSON.stringify({ title: `Bench ${round} ${name}`, content: 'Fan-out bench' }),
        })
        const answered = performance.now()
        if (response.status !== 201)
          throw new Error(`post: ${response.status} ${await response.text()}`)
        const postId = ((await response.json()) as any).id
        await waitUntil(async () => {
          const [row] = await sql.all(`SELECT COUNT(*) AS n FROM notification_jobs`)
          return Number(row.n) === 0
        }, 120_000)
        const done = performance.now()
        const [written] = await sql.all(
          `SELECT COUNT(*) AS n FROM notifications WHERE post_id = ${postId}`
        )
        if (Number(written.n) !== count) {
          throw new Error(`${name}: ${written.n} notifications, expected ${count}`)
        }
        if (round >= 0) {
          latency.get(name)!.push(answered - started)
          fanOut.get(name)!.push(done - answered)
        }
      }
    }
    await sql.close()

    const results = CATEGORIES.map(([name, count]) => ({
      category: name,
      watchers: count,
      post_ms: {
        median: round1(percentile(latency.get(name)!, 50)),
        p90: round1(percentile(latency.get(name)!, 90)),
        max: round1(Math.max(...latency.get(name)!)),
      },
      fan_out_after_answer_ms: {
        median: round1(percentile(fanOut.get(name)!, 50)),
        max: round1(Math.max(...fanOut.get(name)!)),
      },
    }))
    const report = {
      db,
      rounds,
      batch_size: 500,
      machine: 'the helper VM (2 cores shared)',
      at: new Date().toISOString(),
      results,
    }
    mkdirSync(root + 'bench/results', { recursive: true })
    writeFileSync(
      `${root}bench/results/notify-fanout-${db}.json`,
      JSON.stringify(report, null, 2) + '\n'
    )
    console.table(
      results.map((r) => ({
        'watchers': r.watchers,
        'POST median ms': r.post_ms.median,
        'POST p90 ms': r.post_ms.p90,
        'fan-out after answer, median ms': r.fan_out_after_answer_ms.median,
      }))
    )
  } finally {
    server.kill('SIGTERM')
  }
}

await main()
