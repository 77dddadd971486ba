import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import net from 'node:net'
import app from '@adonisjs/core/services/app'

/**
 * Real processes for fault tests: the app server, Redis and a TCP proxy in
 * front of MariaDB, each on its own 127.0.0.1 port, so a test can break
 * and restore them without touching the shared services.
 */

/** Everything the env schema requires, so a clean clone (no .env) works too. */
const BASE_ENV = {
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  PORT: '3499',
  LOG_LEVEL: 'error',
  APP_KEY: 'reliability-tests-app-key-0123456789abcdef',
  SESSION_DRIVER: 'cookie',
  RATE_LIMIT_LOGIN_PER_IP: '10000',
  RATE_LIMIT_LOGIN_PER_USER: '10000',
  RATE_LIMIT_SIGNUP_PER_IP: '10000',
  // Fault and cluster tests write from one address as fast as they can: no spam limits.
  RATE_LIMIT_POSTS_PER_USER: '1000000',
  RATE_LIMIT_POSTS_PER_IP: '1000000',
  RATE_LIMIT_NEW_USER_POSTS: '1000000',
  RATE_LIMIT_COMMENTS_PER_USER: '1000000',
  RATE_LIMIT_COMMENTS_PER_IP: '1000000',
  RATE_LIMIT_NEW_USER_COMMENTS: '1000000',
  RATE_LIMIT_VOTES_PER_USER: '1000000',
  RATE_LIMIT_VOTES_PER_IP: '1000000',
  RATE_LIMIT_NEW_USER_VOTES: '1000000',
  RATE_LIMIT_REPORTS_PER_USER: '1000000',
  RATE_LIMIT_REPORTS_PER_IP: '1000000',
  RATE_LIMIT_NEW_USER_REPORTS: '1000000',
}

export function childEnv(env: Record<string, string>) {
  // Start from a clean slate: the suite's own .env.test values must not leak in.
  const clean: Record<string, string> = { PATH: process.env.PATH ?? '', TZ: 'UTC' }
  return { ...clean, ...BASE_ENV, ...env }
}

/** Runs an Ace command to completion (migrations, seeders) with the given env. */
export function runAce(args: string[], env: Record<string, string>, timeoutMs = 120_000) {
  const result = spawnSync(process.execPath, ['ace', ...args], {
    cwd: app.makePath(),
    env: childEnv(env),
    encoding: 'utf8',
    timeout: timeoutMs,
  })
  if (result.status !== 0)
    throw new Error(`ace ${args.join(' ')} failed: ${result.stderr || result.stdout}`)
}

/**
 * An Ace command in its own process, without blocking this one's event loop
 * (a blocked loop misses a server closing idle keep-alive connections, and
 * the next request on one of them fails). Answers its exit code, how long it
 * ran and what it printed to stderr.
 */
export function runAceAsync(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; took: number; stderr: string }>((resolve) => {
    const started = Date.now()
    const child = spawn(process.execPath, ['ace', ...args], {
      cwd: app.makePath(),
      env: childEnv(env),
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr!.on('data', (chunk) => (stderr += chunk))
    child.on('exit', (code) => resolve({ code, took: Date.now() - started, stderr }))
  })
}

export interface ServerProcess {
  url: string
  process: ChildProcess
  output: () => string
  stop: () => Promise<number | null>
}

/** Starts bin/server.ts of the app in `cwd` on `port` and waits until /health answers. */
export async function startServer(
  port: number,
  env: Record<string, string>,
  cwd = app.makePath()
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import=@poppinss/ts-exec', 'bin/server.ts'], {
    cwd,
    env: childEnv({ ...env, PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const url = `http://127.0.0.1:${port}`
  await waitFor(
    async () => {
      // A server that exited (the port was taken) must not pass for the one answering there.
      if (child.exitCode !== null) throw new Error(`server exited: ${output}`)
      return (await fetch(`${url}/health`)).ok
    },
    30_000,
    () => `server did not start: ${output}`
  )
  return {
    url,
    process: child,
    output: () => output,
    stop: () => stopProcess(child),
  }
}

export async function startRedis(port: number) {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    }
  )
  await waitFor(
    () => canConnect(port),
    10_000,
    () => `redis did not start on ${port}`
  )
  return { stop: () => stopProcess(child) }
}

/** A TCP proxy that can cut every connection and refuse new ones, then come back. */
export async function startProxy(listenPort: number, targetPort: number) {
  const sockets = new Set<net.Socket>()
  let server: net.Server | undefined
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(targetPort, '127.0.0.1')
        for (const socket of [client, upstream]) {
          sockets.add(socket)
          socket.on('close', () => sockets.delete(socket))
          socket.on('error', () => {})
        }
        client.pipe(upstream).pipe(client)
      })
      server.listen(listenPort, '127.0.0.1', resolve)
    })
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy()
      server ? server.close(() => resolve()) : resolve()
    })
  await open()
  return { cut, restore: open }
}

/**
 * How long after now `check` first holds, asked every 25 ms: how fast a
 * change reached a process. Fails after `limitMs` naming what was waited for.
 */
export async function timeUntil(check: () => Promise<boolean>, what: string, limitMs = 5000) {
  const start = Date.now()
  while (Date.now() - start < limitMs) {
    if (await check()) return Date.now() - start
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`${what}: the old state was still answered after ${limitMs} ms`)
}

export async function waitFor(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  message: () => string
) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if (await check()) return
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(message())
}

function canConnect(port: number) {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.on('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.on('error', () => resolve(false))
  })
}

/**
 * Sends `signal` (SIGTERM: a clean stop, SIGKILL after 15 s) and answers the
 * exit code once the process has exited; at once for one already gone,
 * whether it exited or was killed by a signal.
 */
export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
  return new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode)
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve(code)
    })
    child.kill(signal)
  })
}
