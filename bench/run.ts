/**
 * npm run bench -- [--db sqlite|mysql] [--posts 10000] [--duration 8] [--connections 20]
 *                    [--only "search,login"] [--seed-only] [--fresh]
 *                    [--node-flags="--flag ..."] [--app-env="NAME=value ..."]
 *                    [--profile cpu|alloc|gc]
 *
 * Seeds (or reuses) a dataset, starts the production build and a bare
 * node:http server on 127.0.0.1, drives both with autocannon and writes
 * bench/results/<db>-<posts>.json. See docs/performance.md.
 *
 * `--profile` profiles the measured part of each app scenario (use it with
 * `--only`); its figures are skewed by the profiler, so it writes
 * bench/results/<db>-<posts>-profile.json and raw profiles to tmp/bench-profile/.
 */
import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { createHash, randomFillSync } from 'node:crypto'
import autocannon from 'autocannon'
import { DEMO_VOCABULARY, DemoText } from '../app/board/domain/demo_text.ts'
import {
  createScenarioProfiler,
  PROFILE_MODES,
  profileNodeFlags,
  type ProfileMode,
} from './scenario_profiler.ts'
import { cacheCounters, cacheHitsBetween } from './cache_hits.ts'
import { soak } from './soak.ts'
import { DEFAULT_CACHE_MEMORY_MAX_MB } from '../app/core/cache/l1_size.ts'
import { printTargets, targetRows } from './targets.ts'

const { values } = parseArgs({
  options: {
    'db': { type: 'string', default: 'sqlite' },
    'posts': { type: 'string', default: '10000' },
    'duration': { type: 'string', default: '8' },
    'connections': { type: 'string', default: '20' },
    'only': { type: 'string' },
    'seed-only': { type: 'boolean', default: false },
    // Seeds the dataset again: every run adds posts, votes and logins to a reused one.
    'fresh': { type: 'boolean', default: false },
    // Replaces the flags of `npm run start:prod` (to try V8 settings without editing package.json).
    'node-flags': { type: 'string' },
    // Extra environment for the app (e.g. "CACHE_MEMORY_MAX_MB=4"), to try a setting without a rebuild.
    'app-env': { type: 'string' },
    // Profiles each app scenario's measured run: cpu, alloc (what requests allocate) or gc.
    'profile': { type: 'string' },
    // Where the run listens and what it uses, so that runs on a shared machine keep apart:
    // the app's port (the bare server and the inspector take the next two), the MariaDB
    // database and the two Redis databases (cache, limiter) of a MariaDB run.
    'port': { type: 'string', default: '3511' },
    'mysql-database': { type: 'string' },
    'redis-dbs': { type: 'string', default: '12,13' },
    // Mixed traffic for `--soak-minutes` (default 30) instead of the scenarios: RSS every minute.
    'soak': { type: 'boolean', default: false },
    'soak-minutes': { type: 'string', default: '30' },
    'soak-rate': { type: 'string', default: '400' },
  },
})
const db = values.db === 'mysql' ? 'mysql' : 'sqlite'
const posts = Number(values.posts)
const duration = Number(values.duration)
const connections = Number(values.connections)
const root = new URL('../', import.meta.url).pathname
const node = process.execPath
const APP_PORT = Number(values.port)
const appBase = `http://127.0.0.1:${APP_PORT}`
const BARE_PORT = APP_PORT + 1
const INSPECTOR_PORT = APP_PORT + 2
const [cacheRedisDb, limiterRedisDb] = values['redis-dbs'].split(',')
const profileMode = values.profile as ProfileMode | undefined
if (profileMode && !PROFILE_MODES.includes(profileMode)) {
  throw new Error(`--profile takes one of ${PROFILE_MODES.join(', ')}`)
}

// Bumped when demo:seed writes different text, so older datasets are not reused.
const DATASET = 'v2'

const datasetEnv: Record<string, string> =
  db === 'mysql'
    ? {
        DB_CONNECTION: 'mysql',
        MYSQL_HOST: '127.0.0.1',
        MYSQL_USER: 'root',
        MYSQL_DATABASE: values['mysql-database'] ?? `board_bench_${DATASET}_${posts}`,
        CACHE_STORE: 'redis',
        LIMITER_STORE: 'redis',
        REDIS_DB: cacheRedisDb,
        REDIS_LIMITER_DB: limiterRedisDb,
      }
    : { DB_CONNECTION: 'sqlite', CACHE_STORE: 'memory', LIMITER_STORE: 'memory' }

const baseEnv = {
  PATH: process.env.PATH ?? '',
  TZ: 'UTC',
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  PORT: String(APP_PORT),
  LOG_LEVEL: 'warn',
  APP_KEY: 'bench-app-key-not-secret-0123456789abcdef',
  SESSION_DRIVER: 'cookie',
  RATE_LIMIT_LOGIN_PER_IP: '100000000',
  RATE_LIMIT_LOGIN_PER_USER: '100000000',
  RATE_LIMIT_SIGNUP_PER_IP: '100000000',
  // Load comes from one address and few members: no spam limits on writes.
  RATE_LIMIT_POSTS_PER_USER: '100000000',
  RATE_LIMIT_POSTS_PER_IP: '100000000',
  RATE_LIMIT_NEW_USER_POSTS: '100000000',
  RATE_LIMIT_COMMENTS_PER_USER: '100000000',
  RATE_LIMIT_COMMENTS_PER_IP: '100000000',
  RATE_LIMIT_NEW_USER_COMMENTS: '100000000',
  RATE_LIMIT_VOTES_PER_USER: '100000000',
  RATE_LIMIT_VOTES_PER_IP: '100000000',
  RATE_LIMIT_NEW_USER_VOTES: '100000000',
  RATE_LIMIT_REPORTS_PER_USER: '100000000',
  RATE_LIMIT_REPORTS_PER_IP: '100000000',
  RATE_LIMIT_NEW_USER_REPORTS: '100000000',
  // The upload scenarios: one member uploads for the whole run (the limits' maximums), to a
  // folder of tmp/ that the run removes afterwards.
  RATE_LIMIT_UPLOADS_PER_USER: '10000',
  UPLOAD_QUOTA_MB: '1048576',
  UPLOAD_FS_ROOT: `${new URL('../tmp/bench-uploads', import.meta.url).pathname}`,
  UPLOAD_PRUNE_WORKER: 'false',
  ...datasetEnv,
  ...Object.fromEntries(
    (values['app-env'] ?? '')
      .split(' ')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)])
  ),
}
const sqliteFile = `tmp/bench-${DATASET}-${posts}.sqlite3`
const cacheMemoryMaxMb = Number(
  (baseEnv as Record<string, string>).CACHE_MEMORY_MAX_MB ?? DEFAULT_CACHE_MEMORY_MAX_MB
)

function ace(args: string[]) {
  const env = { ...baseEnv, SQLITE_FILENAME: sqliteFile }
  const result = spawnSync(node, ['ace', ...args], { cwd: root, env, stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`ace ${args.join(' ')} failed`)
}

async function prepareDataset() {
  if (db === 'mysql') {
    // The Redis cache outlives a run (5 min TTL) and is shared by the 10k and 1M datasets.
    for (const redisDb of [datasetEnv.REDIS_DB, datasetEnv.REDIS_LIMITER_DB]) {
      execFileSync('redis-cli', ['-h', '127.0.0.1', '-n', redisDb, 'flushdb'])
    }
    const name = datasetEnv.MYSQL_DATABASE
    const count = spawnSync(
      'mysql',
      ['-h127.0.0.1', '-uroot', '-N', '-e', `select count(*) from ${name}.posts`],
      {
        encoding: 'utf8',
      }
    )
    if (!values.fresh && count.status === 0 && Number(count.stdout.trim()) >= posts) {
      console.log(`reusing ${name}`)
      // A dataset seeded by an older version gets the newer migrations.
      return ace(['migration:run', '--force'])
    }
    execFileSync('mysql', [
      '-h127.0.0.1',
      '-uroot',
      '-e',
      `DROP DATABASE IF EXISTS ${name}; CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    ])
  } else if (values.fresh) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(root + sqliteFile + suffix, { force: true })
  } else if (existsSync(root + sqliteFile)) {
    console.log(`reusing ${sqliteFile}`)
    return ace(['migration:run', '--force'])
  }
  ace(['migration:run', '--force'])
  ace(['db:seed'])
  ace([
    'demo:seed',
    `--users=${Math.max(100, posts / 100)}`,
    `--posts=${posts}`,
    `--comments=${posts / 2}`,
    '--batch=2000',
  ])
}

/** The node flags of `npm run start:prod`, so the benchmark runs the server as production does. */
function productionNodeFlags() {
  const profiling = profileMode ? profileNodeFlags(profileMode, INSPECTOR_PORT) : []
  if (values['node-flags'] !== undefined) {
    return [...values['node-flags'].split(' ').filter(Boolean), ...profiling]
  }
  const scripts = JSON.parse(readFileSync(root + 'package.json', 'utf8')).scripts
  const flags = (scripts['start:prod'] as string).split(' ').filter((part) => part.startsWith('--'))
  return [...flags, ...profiling]
}

/** Starts a server; its log (warnings and errors only) goes to `logFile` for a look afterwards. */
function start(
  command: string[],
  cwd: string,
  env: Record<string, string>,
  logFile: string
): ChildProcess {
  const log = openSync(logFile, 'w')
  return spawn(node, command, { cwd, env, stdio: ['ignore', log, log] })
}

async function waitForHttp(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`${url} did not answer`)
}

/** Resident memory in MB: anonymous (heaps, malloc) and file-backed (the node binary, native addons). */
function memoryOf(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  return { rss: kb('VmRSS') / 1024, anon: kb('RssAnon') / 1024, file: kb('RssFile') / 1024 }
}

interface Scenario {
  name: string
  url: string
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string | Buffer
  paths?: () => string
  /** Never ask a path twice (uncached scenarios): a repeat would be answered from the cache. */
  fresh?: boolean
  /** Bytes of file each request carries (uploads): the report adds MB/s. */
  fileBytes?: number
  /**
   * Fixed numbers of requests instead of the warm-up's and the run's
   * seconds: a pass over a list of ids (warm-up) or what is left of ids no
   * one asked (measured).
   */
  warmupAmount?: number
  amount?: number
  /** The cache key group whose hit ratio the measured run reports (from /metrics). */
  cacheGroup?: string
}

/**
 * Draws paths that were not asked before: a repeated list path is a cache
 * hit, which measures the cache and not the database. A 10k board has only
 * 2,000 cursors near the top, which a throughput run has all asked within
 * seconds. `next` gives null when 50 draws in a row were
 * all asked before.
 */
function freshPaths(draw: () => string) {
  const asked = new Set<string>()
  return {
    next(): string | null {
      for (let attempt = 0; attempt < 50; attempt++) {
        const path = draw()
        if (!asked.has(path)) {
          asked.add(path)
          return path
        }
      }
      return null
    },
  }
}

/** One tracker per scenario, so that its warm-up, run and paired rounds never share a path. */
const freshTrackers = new WeakMap<Scenario, ReturnType<typeof freshPaths>>()
function freshPathsOf(scenario: Scenario, draw: () => string) {
  let tracker = freshTrackers.get(scenario)
  if (!tracker) freshTrackers.set(scenario, (tracker = freshPaths(draw)))
  return tracker
}

/**
 * A multipart/form-data body with one file part of `bytes` bytes, as a
 * browser sends it: a PDF (typed from its first bytes, stored as it is, so
 * the scenario measures receiving and storing, not sharp) padded with
 * random bytes that nothing compresses.
 */
function multipartFile(bytes: number) {
  const boundary = `----bench${Date.now().toString(36)}`
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n'
  )
  const pdf = Buffer.from('%PDF-1.4\n%bench\n')
  const padding = Buffer.alloc(bytes - pdf.length)
  for (let at = 0; at < padding.length; at += 65_536) {
    randomFillSync(padding, at, Math.min(65_536, padding.length - at))
  }
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  return {
    body: Buffer.concat([head, pdf, padding, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  }
}

/** CPU seconds (user + system) a process has used so far; null where /proc is not there. */
function cpuSecondsOf(pid: number) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return null
  }
}

/** `repeated` counts the requests of a `fresh` scenario that found no new path and repeated one. */
function autocannonOptions(
  scenario: Scenario,
  onResponse: (status: number, body: string) => void = () => {},
  repeated = { count: 0 }
) {
  const paths = scenario.paths
  const fresh = paths && scenario.fresh ? freshPathsOf(scenario, paths) : null
  const nextPath = () => {
    const path = fresh?.next()
    if (path) return path
    if (fresh) repeated.count++
    return paths!()
  }
  return {
    url: scenario.url,
    method: scenario.method ?? ('GET' as const),
    headers: { 'content-type': 'application/json', ...scenario.headers },
    body: scenario.body,
    connections,
    requests: [
      {
        setupRequest: (request: any) => (paths ? { ...request, path: nextPath() } : request),
        onResponse,
      },
    ],
  }
}

/**
 * The seconds from `start()` to the last answer: autocannon notices that a
 * fixed number of requests is done only at its next one-second sample,
 * which would round a short run up by as much.
 */
function answerClock() {
  let startedAt = 0
  let lastAnswerAt = 0
  return {
    start: () => void (startedAt = performance.now()),
    answered: () => void (lastAnswerAt = performance.now()),
    seconds: () => (lastAnswerAt - startedAt) / 1000,
  }
}

/** One autocannon run of `scenario` and its rate, timed by `answerClock`. */
async function timedRun(scenario: Scenario, run: { duration: number } | { amount: number }) {
  const clock = answerClock()
  const options = autocannonOptions(scenario, clock.answered)
  clock.start()
  const result = await autocannon({ ...options, ...run })
  return { requests: result.requests.total, seconds: clock.seconds() }
}

/**
 * Throughput of `subject` over `reference` measured in alternating short
 * rounds, so that both see the same machine: a VM's speed drifts within
 * minutes, which moves single-run ratios by as much. `subjectAmount` runs
 * the subject for a fixed number of requests (ids no one read yet) instead.
 */
async function pairedRatio(
  reference: Scenario,
  subject: Scenario,
  rounds: number,
  seconds: number,
  subjectAmount?: number
) {
  const totals = { reference: { requests: 0, seconds: 0 }, subject: { requests: 0, seconds: 0 } }
  const add = (into: { requests: number; seconds: number }, run: typeof into) => {
    into.requests += run.requests
    into.seconds += run.seconds
  }
  // Work still queued in a server when its round ends must not run into the next round.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1500))
  for (let round = 0; round < rounds; round++) {
    await settle()
    add(totals.reference, await timedRun(reference, { duration: seconds }))
    await settle()
    add(
      totals.subject,
      await timedRun(subject, subjectAmount ? { amount: subjectAmount } : { duration: seconds })
    )
  }
  const rate = (total: { requests: number; seconds: number }) => total.requests / total.seconds
  return {
    ratio: +(rate(totals.subject) / rate(totals.reference)).toFixed(2),
    rounds,
    seconds_each: seconds,
    ...(subjectAmount ? { subject_amount_each: subjectAmount } : {}),
    reference_requests: totals.reference.requests,
    subject_requests: totals.subject.requests,
  }
}

type ScenarioProfiler = Awaited<ReturnType<typeof createScenarioProfiler>>

/**
 * `pid` is the server under load: its CPU time per request is a steadier
 * figure than throughput when the load generator shares the machine.
 */
async function load(scenario: Scenario, pid: number, profiler?: ScenarioProfiler) {
  // The first answer that is not a success, kept for the report: a benchmark of errors measures nothing.
  let firstError: string | null = null
  const clock = answerClock()
  const repeated = { count: 0 }
  const options = autocannonOptions(
    scenario,
    (status, body) => {
      clock.answered()
      if (status >= 300 && firstError === null) firstError = `${status} ${body.slice(0, 300)}`
    },
    repeated
  )
  // Unrecorded warm-up: the JIT has compiled the path before it is measured, as in a running server.
  await autocannon(
    scenario.warmupAmount
      ? { ...options, amount: scenario.warmupAmount }
      : { ...options, duration: 2 }
  )
  await profiler?.start()
  const countersBefore = scenario.cacheGroup ? await cacheCounters(appBase) : undefined
  const cpuBefore = cpuSecondsOf(pid)
  clock.start()
  const result = await autocannon(
    scenario.amount ? { ...options, amount: scenario.amount } : { ...options, duration }
  )
  const cpuAfter = cpuSecondsOf(pid)
  const cache = countersBefore
    ? cacheHitsBetween(countersBefore, await cacheCounters(appBase))[scenario.cacheGroup!]
    : undefined
  const profile = await profiler?.stop(scenario.name, result.requests.total)
  const cpuPerRequest =
    cpuBefore === null || cpuAfter === null || !result.requests.total
      ? null
      : Math.round(((cpuAfter - cpuBefore) * 1e6) / result.requests.total)
  return {
    name: scenario.name,
    // A run of a fixed number of requests may end within a second: its rate is total over time.
    rps: Math.round(
      scenario.amount ? result.requests.total / clock.seconds() : result.requests.average
    ),
    p50_ms: result.latency.p50,
    p97_5_ms: result.latency.p97_5,
    p99_ms: result.latency.p99,
    cpu_us_per_request: cpuPerRequest,
    non2xx: result.non2xx,
    errors: result.errors,
    statuses: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count])
    ),
    first_error: firstError,
    ...(scenario.fresh ? { repeated_paths: repeated.count } : {}),
    ...(cache ? { cache } : {}),
    ...(profile ? { profile } : {}),
  }
}

/**
 * Latency without queueing: one client, one request at a time, for
 * `duration` seconds. Under the throughput runs latency is mostly time
 * spent waiting behind the other connections, which says nothing about
 * the query plan.
 *
 * `invalidate` empties the list cache first, and no path is asked twice:
 * on a 10k board the cursors near the top are 2,000 ids, which the
 * throughput runs had all cached, so page 1 seemed faster than a deep page
 * for a reason that has nothing to do with the plan.
 * The run ends early when the paths run out.
 */
async function latency(
  name: string,
  base: string,
  paths: () => string,
  invalidate: () => Promise<void>
) {
  const times: number[] = []
  let non2xx = 0
  const statuses: Record<string, number> = {}
  const fresh = freshPaths(paths)
  await invalidate()
  const deadline = Date.now() + duration * 1000
  while (Date.now() < deadline) {
    const path = fresh.next()
    if (path === null) break
    const begin = performance.now()
    const response = await fetch(base + path)
    await response.arrayBuffer()
    times.push(performance.now() - begin)
    if (response.status >= 300) non2xx++
    statuses[response.status] = (statuses[response.status] ?? 0) + 1
  }
  times.sort((a, b) => a - b)
  const at = (q: number) =>
    +times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1)
  return {
    name,
    requests: times.length,
    p50_ms: at(0.5),
    p95_ms: at(0.95),
    p99_ms: at(0.99),
    non2xx,
    statuses,
  }
}

/**
 * As the Dockerfile does: the build's own production dependencies, plugin
 * packages included (linked from build/packages; the repository's links
 * point at TypeScript sources). Kept in tmp/ per lock file and linked back
 * (cp -al) on the next run, so a run with the same dependencies skips npm ci.
 */
function installBuildDependencies() {
  const build = root + 'build'
  const lock = createHash('sha256')
    .update(readFileSync(`${build}/package.json`))
    .update(readFileSync(`${build}/package-lock.json`))
    .digest('hex')
    .slice(0, 16)
  const kept = `${root}tmp/bench-build-modules/${lock}`
  if (existsSync(`${kept}/node_modules`)) {
    execFileSync('cp', ['-al', `${kept}/node_modules`, build])
    return
  }
  execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], {
    cwd: build,
    stdio: 'inherit',
  })
  rmSync(`${root}tmp/bench-build-modules`, { recursive: true, force: true })
  mkdirSync(kept, { recursive: true })
  execFileSync('cp', ['-al', `${build}/node_modules`, kept])
}

async function main() {
  mkdirSync(root + 'tmp', { recursive: true })
  // Always a fresh build: a build left from an earlier checkout would measure old code.
  execFileSync(node, ['ace', 'build'], { cwd: root, stdio: 'inherit' })
  installBuildDependencies()
  await prepareDataset()
  if (values['seed-only']) return

  // Cold start of the built server: spawn to first answer on /health.
  const started = Date.now()
  const app = start(
    [...productionNodeFlags(), 'bin/server.js'],
    root + 'build',
    { ...baseEnv, PORT: String(APP_PORT), SQLITE_FILENAME: `../${sqliteFile}` },
    root + 'tmp/bench-app.log'
  )
  const base = `http://127.0.0.1:${APP_PORT}`
  await waitForHttp(`${base}/health`)
  const coldStartMs = Date.now() - started

  const list = (await (await fetch(`${base}/api/v1/board/qna?size=1`)).json()) as {
    post_list: { id: number }[]
  }
  const newest = list.post_list[0].id as number
  const postBody = await (await fetch(`${base}/api/v1/post/${newest}`)).text()
  const bare = start(
    ['--import=@poppinss/ts-exec', 'bench/bare_server.ts', String(BARE_PORT), postBody],
    root,
    baseEnv,
    root + 'tmp/bench-bare.log'
  )
  await waitForHttp(`http://127.0.0.1:${BARE_PORT}/`)
  const stop = async () => {
    const appExited = new Promise((resolve) =>
      app.exitCode === null ? app.once('exit', resolve) : resolve(null)
    )
    app.kill('SIGTERM')
    bare.kill('SIGTERM')
    // The upload scenarios' files (their rows stay in the dataset, unattached), once the app has
    // finished the uploads it was draining.
    await appExited
    rmSync(baseEnv.UPLOAD_FS_ROOT, { recursive: true, force: true })
  }

  const name = `bench${Date.now().toString(36)}`
  const json = { 'content-type': 'application/json' }
  await fetch(`${base}/api/v1/user`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      name,
      email: `${name}@example.com`,
      password: 'demo-password',
      password_confirmation: 'demo-password',
    }),
  })
  const login = (await (
    await fetch(`${base}/api/v1/user/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username: name, password: 'demo-password' }),
    })
  ).json()) as { access_token: string }
  const auth = { authorization: `Bearer ${login.access_token}` }
  const cursor = (id: number) => Buffer.from(JSON.stringify({ id })).toString('base64url')
  const pick = <T>(items: T[]) => items[Math.floor(Math.random() * items.length)]
  // Random cursors and keyword pairs: (nearly) every request misses the cache and reaches the database.
  // Near the top: within the newest 2% of ids, and at least 2,000 of them so that small datasets
  // do not answer from the cache; deep: 50% to 80% of the way down.
  const nearTop = () => newest - Math.floor(Math.random() * Math.max(posts * 0.02, 2000))
  const deepId = () => Math.floor(newest * 0.2 + Math.random() * newest * 0.3)
  const topCursor = () => `/api/v1/board/qna?cursor=${cursor(nearTop())}`
  const deepCursor = () => `/api/v1/board/qna?cursor=${cursor(deepId())}`
  // The throughput runs ask pages of 10 to 30 posts (20 on average, as the default) so that a 10k
  // board has 42,000 cursor pages near the top to draw from, not 2,000: enough for none to repeat.
  const pageSize = () => 10 + Math.floor(Math.random() * 21)
  const sizedTopCursor = () => `${topCursor()}&size=${pageSize()}`
  const sizedDeepCursor = () => `${deepCursor()}&size=${pageSize()}`

  // The other sorts (docs/board.md, "Sorting"): random keyset cursors near the top, as above.
  // Activity keys are times down from the newest activity; votes are 0 on most demo posts.
  const sortCursor = (sort: string, key: string | number, id: number) =>
    Buffer.from(JSON.stringify({ s: sort, k: key, id })).toString('base64url')
  const activityList = (await (
    await fetch(`${base}/api/v1/board/qna?size=1&sort=activity`)
  ).json()) as { post_list: { activity_datetime: string }[] }
  const newestActivity = Date.parse(activityList.post_list[0].activity_datetime)
  const activityKey = () =>
    new Date(newestActivity - Math.floor(Math.random() * Math.max(posts * 0.02, 2000)) * 60_000)
      .toISOString()
      .slice(0, 23)
      .replace('T', ' ')
  const activityPath = () =>
    `/api/v1/board/qna?sort=activity&size=${pageSize()}&cursor=${sortCursor('activity', activityKey(), nearTop())}`
  const topPath = () =>
    `/api/v1/board/qna?sort=top&size=${pageSize()}&cursor=${sortCursor('top:all', 0, nearTop())}`
  const topWeekPath = () =>
    `/api/v1/board/qna?sort=top&period=week&size=${pageSize()}&cursor=${sortCursor('top:week', 0, nearTop())}`

  const vocabulary = DEMO_VOCABULARY.slice()
  const commonWords = DEMO_VOCABULARY.slice(0, 10)
  const searchPath = () => `/api/v1/board/qna?keyword=${encodeURIComponent(pick(vocabulary))}`
  // Two words drawn as the demo text draws them (mostly a common word and a rare one, sometimes
  // two common words: a phrase rare in itself though both its words are everywhere).
  const words = new DemoText(Math.random)
  const phrasePath = () =>
    `/api/v1/board/qna?keyword=${encodeURIComponent(`${words.word()} ${words.word()}`)}`
  // Random cursors near the top keep (nearly) every request out of the cache.
  const commonSearchPath = () =>
    `/api/v1/board/qna?keyword=${pick(commonWords)}&cursor=${cursor(nearTop())}`

  const benchPost = JSON.stringify({ title: 'Benchmark post', content: 'Written by the benchmark' })
  // A new post in a category of the listed board drops that board's cached list pages.
  const invalidateLists = async () => {
    const response = await fetch(`${base}/api/v1/board/tech`, {
      method: 'POST',
      headers: { ...json, ...auth },
      body: benchPost,
    })
    if (response.status !== 201) throw new Error(`post create answered ${response.status}`)
  }

  // Post reads over many ids (docs/performance.md, "Cache size"): ids of the dataset, shuffled.
  const shuffledIds = (count: number) => {
    const ids = Array.from({ length: newest }, (_, index) => index + 1)
    for (let at = ids.length - 1; at > 0; at--) {
      const other = Math.floor(Math.random() * (at + 1))
      ;[ids[at], ids[other]] = [ids[other], ids[at]]
    }
    return ids.slice(0, count)
  }
  // A fresh id for every request, warm-up included: each read misses the cache.
  const freshIds = shuffledIds(newest)
  let freshAt = 0
  const freshIdPath = () => `/api/v1/post/${freshIds[freshAt++ % freshIds.length]}`
  const freshWarmup = Math.min(2000, Math.floor(freshIds.length / 5))
  const freshRunAmount = Math.min(Math.floor((freshIds.length - freshWarmup) / 2), duration * 3000)
  // Each of the four paired rounds (below): a quarter of the ids left, at most two seconds' worth.
  const freshRoundAmount = Math.min(
    Math.floor((freshIds.length - freshWarmup - freshRunAmount) / 4),
    2 * 3000
  )
  // The long tail: 10,000 ids read once each (the warm-up pass), then at random.
  const tailIds = shuffledIds(10_000)
  let tailAt = 0
  const tailIdPath = () =>
    `/api/v1/post/${tailAt < tailIds.length ? tailIds[tailAt++] : pick(tailIds)}`

  if (values.soak) {
    const minutes = Number(values['soak-minutes'])
    // A personal API token, as a long-running client holds: the login's access token expires
    // within the run, and every write after that was a 401.
    const created = await fetch(`${base}/api/v1/user/tokens`, {
      method: 'POST',
      headers: { ...json, ...auth },
      body: JSON.stringify({ name: 'soak', abilities: ['write'] }),
    })
    if (created.status !== 201)
      throw new Error(`soak token: ${created.status} ${await created.text()}`)
    const soakAuth = {
      authorization: `Bearer ${((await created.json()) as { token: string }).token}`,
    }
    console.log(`→ soak, ${minutes} min`)
    const soaked = await soak(
      {
        base,
        postPath: () => `/api/v1/post/${1 + Math.floor(Math.random() * newest)}`,
        listPath: () => (Math.random() < 0.5 ? sizedTopCursor() : sizedDeepCursor()),
        searchPath: () => (Math.random() < 0.5 ? searchPath() : phrasePath()),
        votePath: `/api/v1/post/${newest}/vote`,
        writePath: '/api/v1/board/tech',
        auth: soakAuth,
        loginBody: JSON.stringify({ username: name, password: 'demo-password' }),
      },
      {
        minutes,
        connections,
        rate: Number(values['soak-rate']),
        memoryOf: () => memoryOf(app.pid!),
        log: console.log,
      }
    )
    await stop()
    const file = `bench/results/${db}-${posts}-soak.json`
    const report = {
      dataset: { db, posts },
      settings: {
        connections,
        node_flags: productionNodeFlags(),
        cache_memory_max_mb: cacheMemoryMaxMb,
      },
      soak: soaked,
    }
    mkdirSync(root + 'bench/results', { recursive: true })
    writeFileSync(root + file, JSON.stringify(report, null, 2) + '\n')
    console.table(soaked.rss_per_minute)
    printTargets(targetRows(report))
    console.log(`written ${file}`)
    return
  }

  const idle = memoryOf(app.pid!)
  const samples: ReturnType<typeof memoryOf>[] = []
  const sampler = setInterval(() => samples.push(memoryOf(app.pid!)), 500)
  const fresh = true
  const scenarios: Scenario[] = [
    { name: 'bare node:http (same JSON)', url: `http://127.0.0.1:${BARE_PORT}/` },
    // The framework's own floor: a route that does nothing, through the same middleware.
    // Each path set per request (as the post reads and lists below are), so that the load
    // generator, on the same cores, costs the same in the ratios to it.
    { name: 'framework floor (GET /ping)', url: base, paths: () => '/ping' },
    { name: 'cached post read', url: `${base}/api/v1/post/${newest}` },
    {
      // The repeated-id read measured as the random-id read is (a path per request).
      name: 'post read, one id',
      url: base,
      paths: () => `/api/v1/post/${newest}`,
    },
    {
      name: 'post read, fresh id each request',
      url: base,
      paths: freshIdPath,
      warmupAmount: freshWarmup,
      // Half of what is left of the ids (the paired rounds read the rest), at most a few seconds' worth.
      amount: freshRunAmount,
      cacheGroup: 'board:post',
    },
    {
      name: 'post read, 10k random ids (warm)',
      url: base,
      paths: tailIdPath,
      warmupAmount: tailIds.length,
      cacheGroup: 'board:post',
    },
    { name: 'board list page 1 (cached)', url: `${base}/api/v1/board/qna` },
    { name: 'board list deep offset page 500 (cached)', url: `${base}/api/v1/board/qna?page=500` },
    { name: 'list near the top, uncached (cursor)', url: base, paths: sizedTopCursor, fresh },
    { name: 'list deep, uncached (cursor)', url: base, paths: sizedDeepCursor, fresh },
    { name: 'list by activity, uncached (cursor)', url: base, paths: activityPath, fresh },
    { name: 'list by votes, uncached (cursor)', url: base, paths: topPath, fresh },
    { name: 'list by votes this week, uncached (cursor)', url: base, paths: topWeekPath, fresh },
    {
      // Any word of the demo vocabulary, each as likely as the next: most are rare, as most searched words are.
      name: 'keyword search, uncached',
      url: base,
      paths: searchPath,
      fresh,
    },
    {
      // The worst case: one of the ten most frequent words, found in most posts (and counted exactly).
      name: 'keyword search, most common words',
      url: base,
      paths: commonSearchPath,
      fresh,
    },
    { name: 'keyword search, two-word phrases', url: base, paths: phrasePath, fresh },
    {
      name: 'post create',
      url: `${base}/api/v1/board/tech`,
      method: 'POST',
      headers: auth,
      body: benchPost,
    },
    {
      name: 'vote toggle',
      url: `${base}/api/v1/post/${newest}/vote`,
      method: 'POST',
      headers: auth,
    },
    // Uploads (fs disk): streamed to a temporary file, then to the disk; the app's RSS must not
    // follow the file size (app_rss_peak_mb of the 1 MB and 10 MB runs).
    ...[1, 10].map((mb): Scenario => {
      const file = multipartFile(mb * 1_000_000)
      return {
        name: `upload ${mb} MB file (fs disk)`,
        url: `${base}/api/v1/uploads`,
        method: 'POST',
        headers: { ...auth, 'content-type': file.contentType },
        body: file.body,
        fileBytes: mb * 1_000_000,
      }
    }),
    {
      name: 'bare bcrypt.compare over node:http (cost 10)',
      url: `http://127.0.0.1:${BARE_PORT}/login`,
      method: 'POST',
      body: JSON.stringify({ password: 'demo-password' }),
    },
    {
      name: 'login (bcrypt cost 10)',
      url: `${base}/api/v1/user/login`,
      method: 'POST',
      body: JSON.stringify({ username: name, password: 'demo-password' }),
    },
  ]

  const only = values.only?.split(',').map((part) => part.trim().toLowerCase())
  const profiler = profileMode
    ? await createScenarioProfiler(profileMode, {
        inspectorPort: INSPECTOR_PORT,
        appLog: root + 'tmp/bench-app.log',
        outDir: root + 'tmp/bench-profile',
      })
    : undefined
  // The #25 targets in alternating rounds against their reference too, right after their own
  // run (a later scenario reads ids and pages they would count on being fresh): single runs of
  // them swing by half between minutes on this VM (docs/performance.md, "What the benchmark
  // measures").
  const byScenario = (scenarioName: string) => scenarios.find((s) => s.name === scenarioName)!
  const paired: Record<string, Awaited<ReturnType<typeof pairedRatio>>> = {}
  const ping = 'framework floor (GET /ping)'
  const pairsAfter: Record<string, { key: string; reference: string; amount?: number }> = {
    'post read, fresh id each request': {
      key: 'fresh_read_vs_ping',
      reference: ping,
      amount: freshRoundAmount,
    },
    'post read, 10k random ids (warm)': {
      key: 'random_read_vs_repeated',
      reference: 'post read, one id',
    },
    'list near the top, uncached (cursor)': { key: 'uncached_list_vs_ping', reference: ping },
  }
  const results = []
  for (const scenario of scenarios) {
    const wanted =
      scenario.name === 'bare node:http (same JSON)' ||
      !only ||
      only.some((part) => scenario.name.toLowerCase().includes(part))
    if (!wanted) continue
    console.log(`→ ${scenario.name}`)
    const onBare = scenario.url.includes(`:${BARE_PORT}`)
    const samplesBefore = samples.length
    const result = onBare
      ? await load(scenario, bare.pid!)
      : await load(scenario, app.pid!, profiler)
    // The app's highest RSS while this scenario ran (warm-up included): which load grows it.
    const during = samples.slice(samplesBefore).map((sample) => sample.rss)
    results.push({
      ...result,
      app_rss_peak_mb: during.length ? Math.round(Math.max(...during)) : null,
      ...(scenario.fileBytes
        ? { file_mb_per_s: Math.round((result.rps * scenario.fileBytes) / 1e6) }
        : {}),
    })
    const pair = pairsAfter[scenario.name]
    if (pair) {
      console.log(`→ paired: ${scenario.name} against ${pair.reference}`)
      const countersBefore = scenario.cacheGroup ? await cacheCounters(appBase) : undefined
      paired[pair.key] = {
        ...(await pairedRatio(byScenario(pair.reference), scenario, 4, 2, pair.amount)),
        // The cache counters over all the rounds, the reference's included: proof that the rounds
        // hit or missed the cache as the run did.
        ...(countersBefore
          ? {
              rounds_cache: cacheHitsBetween(countersBefore, await cacheCounters(appBase))[
                scenario.cacheGroup!
              ],
            }
          : {}),
      }
    }
  }
  // The cached read against the bare server again, in alternating rounds. (Login is left to the
  // main run: in rounds this short, connection ramp-up weighed on it more than on bare bcrypt.)
  if (!only || only.some((part) => 'cached post read'.includes(part))) {
    console.log('→ paired: cached post read against bare node:http')
    paired.cached_read_vs_bare = await pairedRatio(
      byScenario('bare node:http (same JSON)'),
      byScenario('cached post read'),
      4,
      2
    )
  }
  clearInterval(sampler)
  const peak = samples.reduce((high, sample) => (sample.rss > high.rss ? sample : high), idle)

  const latencies: Awaited<ReturnType<typeof latency>>[] = []
  const latencyRuns: [string, () => string][] = [
    ['list near the top (cursor)', topCursor],
    ['list deep (cursor)', deepCursor],
    ['keyword search', searchPath],
    ['keyword search, most common words', commonSearchPath],
    ['keyword search, two-word phrases', phrasePath],
  ]
  for (const [runName, paths] of latencyRuns) {
    if (only && !only.some((part) => runName.includes(part))) continue
    console.log(`→ latency: ${runName}`)
    latencies.push(await latency(runName, base, paths, invalidateLists))
  }

  profiler?.close()
  await stop()

  const byName = Object.fromEntries(results.map((r) => [r.name, r]))
  const bareRps = byName['bare node:http (same JSON)'].rps
  // A partial run (--only) leaves out the ratios it has no figures for.
  const ratio = (value: () => number) => {
    try {
      return +value().toFixed(2)
    } catch {
      return null
    }
  }
  const report = {
    machine: {
      cpus: (await import('node:os')).cpus().length,
      node: process.version,
      platform: process.platform,
    },
    dataset: { db, posts },
    settings: {
      duration_s: duration,
      connections,
      node_flags: productionNodeFlags(),
      cache_memory_max_mb: cacheMemoryMaxMb,
    },
    cold_start_ms: coldStartMs,
    idle_rss_mb: Math.round(idle.rss),
    max_rss_mb: Math.round(peak.rss),
    // Where the memory is: anonymous (V8 heap, malloc) or file-backed (the node binary's pages).
    rss_split_mb: {
      idle: { anon: Math.round(idle.anon), file: Math.round(idle.file) },
      peak: { anon: Math.round(peak.anon), file: Math.round(peak.file) },
    },
    results,
    latency: latencies,
    paired_ratios: paired,
    ratios: {
      cached_read_vs_bare: ratio(() => byName['cached post read'].rps / bareRps),
      framework_floor_vs_bare: ratio(() => byName['framework floor (GET /ping)'].rps / bareRps),
      deep_cursor_vs_top_p50: ratio(
        () =>
          latencies.find((l) => l.name === 'list deep (cursor)')!.p50_ms /
          latencies.find((l) => l.name === 'list near the top (cursor)')!.p50_ms
      ),
      // The same two comparisons by server CPU time per request (bare / app): steadier on a shared machine.
      cached_read_vs_bare_by_cpu: ratio(
        () =>
          byName['bare node:http (same JSON)'].cpu_us_per_request! /
          byName['cached post read'].cpu_us_per_request!
      ),
      login_vs_bare_bcrypt_by_cpu: ratio(
        () =>
          byName['bare bcrypt.compare over node:http (cost 10)'].cpu_us_per_request! /
          byName['login (bcrypt cost 10)'].cpu_us_per_request!
      ),
      login_vs_bare_bcrypt: ratio(
        () =>
          byName['login (bcrypt cost 10)'].rps /
          byName['bare bcrypt.compare over node:http (cost 10)'].rps
      ),
      random_read_vs_repeated: ratio(
        () => byName['post read, 10k random ids (warm)'].rps / byName['post read, one id'].rps
      ),
      fresh_read_vs_ping: ratio(
        () =>
          byName['post read, fresh id each request'].rps / byName['framework floor (GET /ping)'].rps
      ),
      uncached_list_vs_ping: ratio(
        () =>
          byName['list near the top, uncached (cursor)'].rps /
          byName['framework floor (GET /ping)'].rps
      ),
    },
  }
  mkdirSync(root + 'bench/results', { recursive: true })
  const suffix = profileMode ? '-profile' : only ? '-partial' : ''
  const file = `bench/results/${db}-${posts}${suffix}.json`
  writeFileSync(root + file, JSON.stringify(report, null, 2) + '\n')
  // Profiles are printed whole below; a table cell would show [Object].
  console.table(
    results.map((result) => {
      const { profile, ...figures } = result as typeof result & { profile?: unknown }
      return figures
    })
  )
  console.table(latencies)
  for (const result of results) {
    if ('profile' in result) console.dir({ [result.name]: result.profile }, { depth: 4 })
  }
  console.log(
    JSON.stringify(
      {
        cold_start_ms: report.cold_start_ms,
        idle_rss_mb: report.idle_rss_mb,
        max_rss_mb: report.max_rss_mb,
        rss_split_mb: report.rss_split_mb,
        paired_ratios: Object.fromEntries(
          Object.entries(paired).map(([key, value]) => [key, value.ratio])
        ),
        ratios: report.ratios,
      },
      null,
      2
    )
  )
  printTargets(targetRows(report))
  console.log(`written ${file}`)
}

await main()
process.exit(0)
