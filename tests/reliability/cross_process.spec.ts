import { test } from '@japa/runner'
import { rmSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import {
  runAce,
  runAceAsync,
  startServer,
  timeUntil,
  type ServerProcess,
} from '#tests/helpers/child_processes'
import { freePort } from '#tests/helpers/server_process'
import { needsPlugins } from '#tests/helpers/plugins'
import { bearer, call, loginAt, type Json } from '#tests/helpers/http_json'

/**
 * The README's promises about blocks, roles, categories and sessions, kept
 * across processes on the embedded default (SQLite, in-process caches): real
 * server processes serve, a real Ace process (or the other server) changes
 * the state, and every server must answer the new state within a second.
 */
const SQLITE = 'tmp/reliability-cross-process.sqlite3'
const PASSWORD = 'secret-pass1'
/** The promise: every process answers the new state within this of the change. */
const WITHIN_MS = 1000

const env = {
  DB_CONNECTION: 'sqlite',
  SQLITE_FILENAME: SQLITE,
  CACHE_STORE: 'memory',
  LIMITER_STORE: 'memory',
}

const callAt = (server: ServerProcess, path: string, init?: RequestInit) =>
  call(server.url, path, init)
const login = (server: ServerProcess, username: string) => loginAt(server.url, username, PASSWORD)

/**
 * Runs an Ace command, then asks `check` until it holds; answers how long
 * after the command's exit it first held (or fails after a few seconds).
 */
async function afterCommand(args: string[], check: () => Promise<boolean>) {
  const { code, stderr } = await runAceAsync(args, env)
  if (code !== 0) throw new Error(`ace ${args.join(' ')}: ${stderr}`)
  return timeUntil(check, args.join(' '))
}

let server: ServerProcess
/** A second server on the same database: what another instance is. */
let other: ServerProcess
const names = { alice: 'xpalice', bob: 'xpbob', mod: 'xpmod' }

test.group('Across processes: Ace changes reach a running server (embedded default)', (group) => {
  group.setup(async () => {
    if (needsPlugins('board')[0]) return
    for (const suffix of ['', '-wal', '-shm'])
      rmSync(app.makePath(SQLITE + suffix), { force: true })
    runAce(['migration:run', '--force'], env)
    runAce(['db:seed'], env)
    for (const [key, name] of Object.entries(names)) {
      const role = key === 'mod' ? 'moderator' : 'user'
      runAce(
        ['user:create', name, `${name}@example.com`, `--role=${role}`, `--password=${PASSWORD}`],
        env
      )
    }
    server = await startServer(await freePort(), env)
    other = await startServer(await freePort(), env)
  })
  group.teardown(async () => {
    await other?.stop()
    await server?.stop()
  })
  group.each.timeout(120_000)

  test('user:block: the blocked member gets 403 within a second', async ({ assert }) => {
    const token = await login(server, names.bob)
    // The server has the account cached.
    assert.equal((await callAt(server, '/api/v1/user/me', { headers: bearer(token) })).status, 200)
    const post = () =>
      callAt(server, '/api/v1/board/qna', {
        method: 'POST',
        headers: bearer(token),
        body: JSON.stringify({ title: 'still here', content: 'posting' }),
      })
    assert.equal((await post()).status, 201)

    const took = await afterCommand(['user:block', names.bob], async () => {
      const answer = await post()
      return answer.status === 403
    })
    assert.isAtMost(took, WITHIN_MS)
    assert.equal((await callAt(server, '/api/v1/user/me', { headers: bearer(token) })).status, 403)
    const relogin = await callAt(server, '/api/v1/user/login', {
      method: 'POST',
      body: JSON.stringify({ username: names.bob, password: PASSWORD }),
    })
    assert.equal(relogin.status, 403)
  }).skip(...needsPlugins('board'))

  test('user:role: a demoted moderator loses moderation within a second', async ({ assert }) => {
    const author = await login(server, names.alice)
    const moderator = await login(server, names.mod)
    const ids: number[] = []
    for (let i = 0; i < 40; i++) {
      const created = await callAt(server, '/api/v1/board/qna', {
        method: 'POST',
        headers: bearer(author),
        body: JSON.stringify({ title: `post ${i}`, content: 'moderate me' }),
      })
      ids.push(created.json.id)
    }
    const remove = () =>
      callAt(server, `/api/v1/post/${ids.shift()}`, {
        method: 'DELETE',
        headers: bearer(moderator),
      })
    assert.equal((await remove()).status, 204, 'a moderator deletes others posts')

    const took = await afterCommand(['user:role', names.mod, 'user'], async () => {
      const answer = await remove()
      return answer.status === 403
    })
    assert.isAtMost(took, WITHIN_MS)
  }).skip(...needsPlugins('board'))

  test('category:create, rename and delete: the board answers the new tree within a second', async ({
    assert,
  }) => {
    const author = await login(server, names.alice)
    const listed = async (name: string) =>
      ((await callAt(server, '/api/v1/board')).json as Json[]).some((board) => board.name === name)
    // The tree is cached.
    assert.isFalse(await listed('xpnews'))

    assert.isAtMost(
      await afterCommand(['category:create', 'xpnews'], () => listed('xpnews')),
      WITHIN_MS
    )
    assert.isAtMost(
      await afterCommand(['category:create', 'xptalk', '--parent=xpnews'], async () => {
        return (
          (await callAt(server, '/api/v1/board/category?board=xpnews')).status === 200 &&
          (await callAt(server, '/api/v1/board/category?board=xpnews')).json.length === 1
        )
      }),
      WITHIN_MS
    )
    assert.isAtMost(
      await afterCommand(['category:rename', 'xptalk', 'xpchat'], async () => {
        const created = await callAt(server, '/api/v1/board/xpchat', {
          method: 'POST',
          headers: bearer(author),
          body: JSON.stringify({ title: 'renamed', content: 'the new name works' }),
        })
        return created.status === 201
      }),
      WITHIN_MS
    )
    const oldName = await callAt(server, '/api/v1/board/xptalk', {
      method: 'POST',
      headers: bearer(author),
      body: JSON.stringify({ title: 'old', content: 'the old name is gone' }),
    })
    assert.equal(oldName.status, 404)

    const statuses: number[] = []
    const took = await afterCommand(
      ['category:delete', 'xpchat', '--force', '--move-to=qna'],
      async () => {
        const created = await callAt(server, '/api/v1/board/xpchat', {
          method: 'POST',
          headers: bearer(author),
          body: JSON.stringify({ title: 'gone', content: 'the category is deleted' }),
        })
        statuses.push(created.status)
        return created.status === 404
      }
    )
    assert.isAtMost(took, WITHIN_MS)
    assert.notInclude(statuses, 500)
  }).skip(...needsPlugins('board'))

  test('logout on one server ends the session on the other within a second', async ({ assert }) => {
    const signedIn = await callAt(server, '/api/v1/user/login', {
      method: 'POST',
      body: JSON.stringify({ username: names.alice, password: PASSWORD }),
    })
    const { access_token: access, refresh_token: refresh } = signedIn.json
    const me = () => callAt(other, '/api/v1/user/me', { headers: bearer(access) })
    // The other server has the session cached as live.
    assert.equal((await me()).status, 200)
    const out = await callAt(server, '/api/v1/user/logout', {
      method: 'POST',
      headers: bearer(access),
      body: JSON.stringify({ refresh_token: refresh }),
    })
    assert.equal(out.status, 204)
    assert.isAtMost(
      await timeUntil(async () => (await me()).status === 401, 'session end'),
      WITHIN_MS
    )
  }).skip(...needsPlugins('board'))

  test('a reused refresh token on one server kills the session on the other within a second', async ({
    assert,
  }) => {
    const signedIn = await callAt(server, '/api/v1/user/login', {
      method: 'POST',
      body: JSON.stringify({ username: names.alice, password: PASSWORD }),
    })
    const stolen = signedIn.json.refresh_token as string
    const rotated = await callAt(server, '/api/v1/user/token', {
      method: 'POST',
      body: JSON.stringify({ refresh_token: stolen }),
    })
    assert.equal(rotated.status, 200)
    const me = () =>
      callAt(server, '/api/v1/user/me', { headers: bearer(rotated.json.access_token) })
    assert.equal((await me()).status, 200)
    // The thief presents the spent token to the other server.
    const reuse = await callAt(other, '/api/v1/user/token', {
      method: 'POST',
      body: JSON.stringify({ refresh_token: stolen }),
    })
    assert.equal(reuse.status, 401)
    assert.equal(reuse.json.errors[0].code, 'E_REFRESH_TOKEN_REUSED')
    assert.isAtMost(
      await timeUntil(async () => (await me()).status === 401, 'session end'),
      WITHIN_MS
    )
  }).skip(...needsPlugins('board'))
})
