import http from 'node:http'
import net from 'node:net'
import { test } from '@japa/runner'
import { needsPlugins } from '#tests/helpers/plugins'
import db from '@adonisjs/lucid/services/db'
import { randomUUID } from 'node:crypto'
import { signedInUser, uniqueName } from '#tests/helpers/accounts'
import { createBoard, createPost } from '#tests/helpers/board'
import { parseMetrics, valueOf } from '#tests/helpers/metrics'
import { startServer } from '#tests/helpers/server_process'

/*
 * These tests start bin/server.ts in production mode as a child process:
 * what a container runs, with its real logger (JSON on stdout) and its
 * real SIGTERM handling.
 */

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, ms = 10_000) {
  const deadline = Date.now() + ms
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

function refusesConnections(port: number) {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => resolve(!socket.destroy()))
    socket.once('error', () => resolve(true))
  })
}

/**
 * Sends the headers of a POST with `Expect: 100-continue` and holds the body
 * back. The server's "100 Continue" proves the request reached the app: it
 * is in flight until `finish()` sends the body.
 */
async function requestInFlight(port: number, path: string, body: string) {
  const socket = net.connect(port, '127.0.0.1')
  let received = ''
  socket.on('data', (chunk) => (received += chunk))
  socket.on('error', () => {})
  const closed = new Promise((resolve) => socket.once('close', resolve))
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`
  )
  await waitFor(() => received.includes('100 Continue'), '100 Continue')
  return {
    finish: () => socket.write(body),
    closed,
    /** The final response (after the interim 100), or undefined. */
    response() {
      const final = received.slice(received.indexOf('\r\n\r\n') + 4)
      if (!final.startsWith('HTTP/1.1')) return undefined
      const [head, content] = final.split('\r\n\r\n')
      return {
        status: Number(head.split(' ')[1]),
        contentLength: Number(/content-length: (\d+)/i.exec(head)?.[1]),
        content,
      }
    },
  }
}

/** Enough bcrypt work (about a second) that most logins are still queued when SIGTERM comes. */
const LOGINS = 48
const SETTLE_TIMEOUT_MS = 30_000

function signupBody() {
  const name = uniqueName('drain')
  const password = 'drain-pass-1'
  return {
    name,
    body: JSON.stringify({
      name,
      email: `${name}@example.com`,
      password,
      password_confirmation: password,
    }),
  }
}

test.group('Production server: graceful shutdown', () => {
  test('SIGTERM stops accepting, finishes the request in flight, exits 0', async ({
    assert,
    cleanup,
  }) => {
    const server = await startServer()
    cleanup(() => server.kill())
    const { name, body } = signupBody()
    const inFlight = await requestInFlight(server.port, '/api/v1/user', body)

    const exitCode = server.stop()
    await waitFor(() => refusesConnections(server.port), 'the listener to close')
    inFlight.finish()
    const finished = Date.now()
    await inFlight.closed

    const response = inFlight.response()
    assert.equal(response?.status, 201)
    assert.equal(Buffer.byteLength(response!.content), response!.contentLength)
    assert.equal(JSON.parse(response!.content).name, name)
    assert.equal(await exitCode, 0)
    // Well under the 5 s keep-alive timeout: the connection is closed once its response is sent.
    assert.isBelow(Date.now() - finished, 4500)
  }).timeout(60_000)

  test('SIGTERM lets handlers whose client has gone finish before the database closes', async ({
    assert,
    cleanup,
  }) => {
    // The drain waits for the queued logins, however slow a loaded machine makes bcrypt;
    // only a shutdown that did not wait for them reaches this timeout (and closes the
    // database under them).
    const server = await startServer({
      RATE_LIMIT_LOGIN_PER_USER: '1000',
      RATE_LIMIT_LOGIN_PER_IP: '1000',
      SHUTDOWN_TIMEOUT_MS: String(SETTLE_TIMEOUT_MS),
    })
    cleanup(() => server.kill())
    const { name, body } = signupBody()
    const json = { 'content-type': 'application/json' }
    const signup = await fetch(`${server.url}/api/v1/user`, { method: 'POST', headers: json, body })
    const user = (await signup.json()) as { id: number }

    // The logins queue for bcrypt (four at a time), then write to the database. Their clients
    // give up while most are still queued, so closing the listener has no socket to wait for.
    const logins = Array.from({ length: LOGINS }, () => {
      const abort = new AbortController()
      const sent = fetch(`${server.url}/api/v1/user/login`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ username: name, password: 'drain-pass-1' }),
        signal: abort.signal,
      }).catch(() => null)
      return { abort, sent }
    })
    await new Promise((resolve) => setTimeout(resolve, 150))
    for (const login of logins) login.abort.abort()
    await Promise.all(logins.map((login) => login.sent))
    const loginsRecorded = async () => {
      const rows = await db.from('login_history').where('user_id', user.id).count('* as total')
      return Number(rows[0].total)
    }
    const recordedAtSigterm = await loginsRecorded()
    const stopped = Date.now()
    assert.equal(await server.stop(), 0, 'no connection reopened after shutdown held the process')
    assert.isBelow(Date.now() - stopped, SETTLE_TIMEOUT_MS, 'the process exited once they settled')
    assert.isAbove(
      await loginsRecorded(),
      recordedAtSigterm,
      'logins still running at SIGTERM completed during the shutdown'
    )

    const problems = server
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .filter((line) => line.level >= 40)
    assert.deepEqual(problems, [], 'no query failed because the database closed under it')
  }).timeout(60_000)

  test('a request still open after SHUTDOWN_TIMEOUT_MS is cut and the process exits 0', async ({
    assert,
    cleanup,
  }) => {
    const server = await startServer({ SHUTDOWN_TIMEOUT_MS: '1000' })
    cleanup(() => server.kill())
    const inFlight = await requestInFlight(server.port, '/api/v1/user', signupBody().body)

    const started = Date.now()
    assert.equal(await server.stop(), 0)
    await inFlight.closed
    const elapsed = Date.now() - started
    assert.isAtLeast(elapsed, 900)
    assert.isBelow(elapsed, 5000)
    assert.isUndefined(inFlight.response())
    const line = JSON.parse(
      server
        .stdout()
        .split('\n')
        .find((l) => l.includes('"route"'))!
    )
    assert.containsSubset(line, { route: '/api/v1/user', status: 499 })
  }).timeout(60_000)

  test('requests arriving on open keep-alive connections after SIGTERM get Connection: close, never a reset', async ({
    assert,
    cleanup,
  }) => {
    const server = await startServer()
    cleanup(() => server.kill())
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 })
    cleanup(() => agent.destroy())
    const tally = { answered: 0, closing: 0, refused: 0, resets: [] as string[] }
    let signalled = false
    const get = () =>
      new Promise<void>((resolve) => {
        const request = http.get({ host: '127.0.0.1', port: server.port, path: '/ping', agent })
        request.on('response', (response) => {
          response.resume()
          response.on('end', () => {
            tally.answered++
            if (signalled && response.headers.connection === 'close') tally.closing++
            resolve()
          })
        })
        request.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'ECONNREFUSED') tally.refused++
          else tally.resets.push(error.code ?? error.message)
          resolve()
        })
      })
    const exited = server.exited
    let done = false
    void exited.then(() => (done = true))
    // Eight clients, each sending its next request as soon as the last is answered.
    const clients = Array.from({ length: 8 }, async () => {
      while (!done) await get()
    })
    await new Promise((resolve) => setTimeout(resolve, 300))
    signalled = true
    assert.equal(await server.stop(), 0)
    await Promise.all(clients)
    assert.deepEqual(tally.resets, [], JSON.stringify(tally))
    assert.isAbove(tally.closing, 0, 'answers after the signal say Connection: close')
    assert.isAbove(tally.refused, 0, 'new connections are refused once the listener is closed')
  }).timeout(60_000)
})

test.group('Production server: request logs and metrics token', () => {
  test('one JSON line per request with request id, route and user; no credential', async ({
    assert,
    cleanup,
  }) => {
    const server = await startServer()
    cleanup(() => server.kill())
    const json = { 'content-type': 'application/json' }
    const name = uniqueName('log')
    const password = 'log-secret-pass-1'
    const wrongPassword = 'wrong-secret-pass-2'
    const cookie = 'cookie-secret-value'
    const ids = { login: `login-${randomUUID()}`, me: `me-${randomUUID()}` }

    const signup = await fetch(`${server.url}/api/v1/user`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        name,
        email: `${name}@example.com`,
        password,
        password_confirmation: password,
      }),
    })
    assert.equal(signup.status, 201)
    const login = await fetch(`${server.url}/api/v1/user/login`, {
      method: 'POST',
      headers: { 'x-request-id': ids.login },
      body: new URLSearchParams({ username: name, password }),
    })
    const tokens = (await login.json()) as { access_token: string; refresh_token: string }
    const me = await fetch(`${server.url}/api/v1/user/me`, {
      headers: {
        'authorization': `Bearer ${tokens.access_token}`,
        'cookie': `session=${cookie}`,
        'x-request-id': ids.me,
      },
    })
    const user = (await me.json()) as { id: number }
    const refreshed = await fetch(`${server.url}/api/v1/user/token`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ refresh_token: tokens.refresh_token }),
    })
    const newTokens = (await refreshed.json()) as typeof tokens
    const bogusId = 'bogus-id '.repeat(200)
    const refused = await fetch(`${server.url}/api/v1/user/login`, {
      method: 'POST',
      headers: { ...json, 'x-request-id': bogusId },
      body: JSON.stringify({ username: name, password: wrongPassword }),
    })
    assert.deepEqual(
      [login.status, me.status, refreshed.status, refused.status],
      [200, 200, 200, 401]
    )
    assert.equal(await server.stop(), 0)

    const output = server.stdout() + server.stderr()
    assert.notInclude(output, bogusId, 'an unsafe X-Request-Id is replaced, not logged')
    for (const secret of [
      password,
      wrongPassword,
      cookie,
      tokens.access_token,
      tokens.refresh_token,
      newTokens.access_token,
      newTokens.refresh_token,
    ]) {
      assert.notInclude(output, secret)
    }

    const lines = server
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    const requests = lines.filter((line) => line.msg === 'request completed')
    assert.lengthOf(requests, 5)
    assert.containsSubset(
      requests.find((line) => line.request_id === ids.me),
      { method: 'GET', route: '/api/v1/user/me', status: 200, user_id: user.id }
    )
    assert.containsSubset(
      requests.find((line) => line.request_id === ids.login),
      { method: 'POST', route: '/api/v1/user/login', status: 200 }
    )
    for (const line of requests) {
      assert.isString(line.request_id)
      assert.isNumber(line.duration_ms)
      assert.match(line.time, /Z$/)
    }
  }).timeout(60_000)

  test('the fast lane logs and counts its answers like the pipeline; HTTP_FAST_LANE=false turns it off', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { category } = await createBoard()
    const post = await createPost(client, await signedInUser(client), category)
    const fastLaneAnswers = async (url: string) => {
      const metrics = parseMetrics(await (await fetch(`${url}/metrics`)).text())
      return valueOf(metrics, 'boardcms_http_fast_lane_responses_total')
    }

    // With the Redis store the post may already be cached by the in-process server: 1 or 2.
    for (const [env, expected] of [
      [{}, [1, 2]],
      [{ HTTP_FAST_LANE: 'false' }, [0]],
    ] as const) {
      const server = await startServer(env)
      cleanup(() => server.kill())
      const ids = [`read-${randomUUID()}`, `read-${randomUUID()}`]
      for (const id of ids) {
        const read = await fetch(`${server.url}/api/v1/post/${post.id}`, {
          headers: { 'x-request-id': id },
        })
        assert.equal(read.status, 200)
        assert.equal(read.headers.get('x-request-id'), id)
      }
      assert.include(expected, await fastLaneAnswers(server.url), JSON.stringify(env))
      assert.equal(await server.stop(), 0)

      const lines = server
        .stdout()
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line))
      for (const id of ids) {
        const line = lines.find((l) => l.request_id === id && l.msg === 'request completed')
        assert.containsSubset(line, { method: 'GET', route: '/api/v1/post/:id', status: 200 })
        assert.isNumber(line.duration_ms)
        assert.match(line.time, /Z$/)
      }
    }
  })
    .skip(...needsPlugins('board'))
    .timeout(60_000)

  test('METRICS_TOKEN guards GET /metrics with a bearer token', async ({ assert, cleanup }) => {
    const token = 'metrics-secret-token'
    const server = await startServer({ METRICS_TOKEN: token })
    cleanup(() => server.kill())
    const scrape = (authorization?: string) =>
      fetch(`${server.url}/metrics`, { headers: authorization ? { authorization } : {} })

    const anonymous = await scrape()
    assert.equal(anonymous.status, 401)
    assert.equal(anonymous.headers.get('www-authenticate'), 'Bearer realm="metrics"')
    const error = (await anonymous.json()) as { errors: { code: string }[] }
    assert.equal(error.errors[0].code, 'E_UNAUTHORIZED')
    assert.equal((await scrape('Bearer wrong-token')).status, 401)
    assert.equal((await scrape(token)).status, 401)

    const allowed = await scrape(`Bearer ${token}`)
    assert.equal(allowed.status, 200)
    assert.include(await allowed.text(), 'boardcms_process_cpu_user_seconds_total')
    assert.equal(await server.stop(), 0)
    assert.notInclude(server.stdout() + server.stderr(), token)
  }).timeout(60_000)
})
