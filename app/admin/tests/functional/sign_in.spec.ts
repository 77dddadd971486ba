import { test } from '@japa/runner'
import limiter from '@adonisjs/limiter/services/main'
import db from '@adonisjs/lucid/services/db'
import { SetUserBlocked } from '#accounts/public'
import { AdminAgent, flashText } from '#admin/tests/helpers/admin_agent'
import { createActor, signedInStaff } from '#admin/tests/helpers/admin_data'
import { startServer } from '#tests/helpers/server_process'
import { PASSWORD, login } from '#tests/helpers/accounts'

test.group('Admin panel: signing in and out', (group) => {
  group.each.setup(() => limiter.clear())

  test('staff sign in with name or email; the sign-in is recorded; sign out ends it', async ({
    assert,
  }) => {
    const { user } = await createActor('moderator')
    const agent = new AdminAgent()

    const response = await agent.signIn(user.email)
    assert.equal(response.status, 302)
    assert.equal(response.location, '/admin')
    const dashboard = await agent.get('/admin')
    assert.equal(dashboard.status, 200)
    assert.include(dashboard.text, `Signed in as ${user.name}`)

    const history = await db.from('login_history').where('user_id', user.id).count('* as total')
    assert.equal(Number(history[0].total), 1)

    const out = await agent.post('/admin/logout', {}, { tokenFrom: '/admin' })
    assert.equal(out.location, '/admin/login')
    assert.equal((await agent.get('/admin')).location, '/admin/login')
  })

  test('with the cookie store, a cookie copied before sign-out no longer opens the panel', async ({
    assert,
    cleanup,
  }) => {
    const server = await startServer({ SESSION_DRIVER: 'cookie' })
    cleanup(() => server.kill())
    const { user } = await createActor('admin')
    const agent = new AdminAgent(server.url)
    assert.equal((await agent.signIn(user.name)).location, '/admin')
    const copy = new AdminAgent(server.url)
    for (const [name, value] of agent.cookies) copy.cookies.set(name, value)
    assert.equal((await copy.get('/admin')).status, 200, 'the copy works while signed in')

    await agent.post('/admin/logout', {}, { tokenFrom: '/admin' })
    const after = await copy.get('/admin')
    assert.equal(after.status, 302)
    assert.equal(after.location, '/admin/login')
  }).timeout(60_000)

  test('a password change through the API ends the account’s panel sessions', async ({
    client,
    assert,
  }) => {
    const { agent, user } = await signedInStaff('moderator')
    assert.equal((await agent.get('/admin')).status, 200)
    const session = await login(client, user.name)
    ;(
      await client.put('/api/v1/user/password').headers(session.auth).json({
        current_password: PASSWORD,
        password: 'a-new-password-1',
        password_confirmation: 'a-new-password-1',
      })
    ).assertStatus(204)
    const after = await agent.get('/admin')
    assert.equal(after.location, '/admin/login')
    // Signing in again with the new password opens a new session.
    const fresh = new AdminAgent()
    assert.equal((await fresh.signIn(user.name, 'a-new-password-1')).location, '/admin')
    assert.equal((await fresh.get('/admin')).status, 200)
  })

  test('wrong credentials and an empty form answer with a message, not an error', async ({
    assert,
  }) => {
    const { user } = await createActor('admin')
    const agent = new AdminAgent()

    const wrong = await agent.signIn(user.name, 'not-the-password')
    assert.equal(wrong.location, '/admin/login')
    assert.include(flashText((await agent.follow(wrong)).text), 'Invalid username or password')

    const empty = await agent.post('/admin/login', { username: '', password: '' })
    assert.equal(empty.location, '/admin/login')
    assert.include(flashText((await agent.follow(empty)).text), 'Enter your name or email')
  })

  test('failed sign-ins are rate limited per username', async ({ assert }) => {
    // .env.test: RATE_LIMIT_LOGIN_PER_USER=5
    const { user } = await createActor('admin')
    const agent = new AdminAgent()
    for (let attempt = 0; attempt < 5; attempt++) {
      await agent.signIn(user.name, 'wrong-password')
    }
    const throttled = await agent.signIn(user.name)
    assert.equal(throttled.location, '/admin/login')
    assert.include(flashText((await agent.follow(throttled)).text), 'Too many sign-in attempts')
    assert.equal((await agent.get('/admin')).location, '/admin/login')
  })

  test('blocked staff cannot sign in, and are signed out when blocked', async ({ assert }) => {
    const blocker = new SetUserBlocked()
    const { user: blockedAdmin } = await createActor('moderator')
    await blocker.block(blockedAdmin.id, 'spam', null)
    const agent = new AdminAgent()
    const refused = await agent.signIn(blockedAdmin.name)
    assert.include(flashText((await agent.follow(refused)).text), 'blocked')
    assert.equal((await agent.get('/admin')).location, '/admin/login')

    const { agent: session, user } = await signedInStaff('moderator')
    assert.equal((await session.get('/admin/users')).status, 200)
    await blocker.block(user.id, 'abuse', null)
    const next = await session.get('/admin/users')
    assert.equal(next.status, 302)
    assert.equal(next.location, '/admin/login')
    assert.include(flashText((await session.get('/admin/login')).text), 'blocked')
    // Unblocking does not revive the old session.
    await blocker.unblock(user.id, null)
    assert.equal((await session.get('/admin')).location, '/admin/login')
  })

  test('panel pages carry security headers; errors are pages without details', async ({
    assert,
  }) => {
    const { agent } = await signedInStaff('admin')
    const page = await agent.get('/admin')
    assert.include(page.headers.get('content-security-policy') ?? '', "default-src 'self'")
    assert.equal(page.headers.get('x-frame-options'), 'DENY')
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff')
    assert.equal(page.headers.get('cache-control'), 'no-store')

    const missingUser = await agent.get('/admin/users/987654321')
    assert.equal(missingUser.status, 404)
    assert.include(missingUser.headers.get('content-type') ?? '', 'text/html')
    assert.include(missingUser.text, 'User not found')

    const unknown = await agent.get('/admin/no-such-page')
    assert.equal(unknown.status, 404)
    assert.include(unknown.headers.get('content-type') ?? '', 'text/html')

    const css = await agent.get('/admin/assets/admin.css')
    assert.equal(css.status, 200)
    assert.include(css.headers.get('content-type') ?? '', 'text/css')
    assert.deepEqual(css.headers.getSetCookie(), [])
  })
})
