import { test } from '@japa/runner'
import limiter from '@adonisjs/limiter/services/main'
import { ChangeRole, AuthUserLookup, isBlocked } from '#accounts/public'
import { AdminAgent, flashText } from '#admin/tests/helpers/admin_agent'
import { createActor, signedInStaff } from '#admin/tests/helpers/admin_data'
import { pluginOn } from '#admin/services/plugin_pages'

async function blocked(userId: number) {
  return isBlocked((await AuthUserLookup.load(userId))!)
}

test.group('Admin panel: who may do what', (group) => {
  group.each.setup(() => limiter.clear())

  test('an anonymous visitor is sent to the sign-in page and cannot post actions', async ({
    assert,
  }) => {
    const { user: target } = await createActor()
    const agent = new AdminAgent()

    const pages = ['/admin', '/admin/users', `/admin/users/${target.id}`]
    if (pluginOn('board')) pages.push('/admin/posts')
    for (const path of pages) {
      const page = await agent.get(path)
      assert.equal(page.status, 302, path)
      assert.equal(page.location, '/admin/login', path)
    }

    // A valid CSRF token (from the sign-in page) is not a sign-in.
    const attempt = await agent.post(`/admin/users/${target.id}/block`, { reason: 'x' })
    assert.equal(attempt.status, 302)
    assert.equal(attempt.location, '/admin/login')
    assert.isFalse(await blocked(target.id))
  })

  test('a normal user gets a refusal page at sign-in and no session', async ({ assert }) => {
    const { user } = await createActor('user')
    const agent = new AdminAgent()

    const response = await agent.signIn(user.name)
    assert.equal(response.status, 403)
    assert.include(response.text, 'for moderators and admins only')

    const dashboard = await agent.get('/admin')
    assert.equal(dashboard.status, 302)
    assert.equal(dashboard.location, '/admin/login')
  })

  test('a session whose user lost the staff role is refused on every page and action', async ({
    assert,
  }) => {
    const { agent, user } = await signedInStaff('moderator')
    const { user: target } = await createActor()
    const token = await agent.csrfToken('/admin')
    assert.equal((await agent.get('/admin')).status, 200)

    await new ChangeRole().handle(user.id, 'user', null)

    const page = await agent.get('/admin/users')
    assert.equal(page.status, 403)
    assert.include(page.text, 'which has no staff role')

    const attempt = await agent.post(
      `/admin/users/${target.id}/block`,
      { reason: 'x' },
      { csrf: token }
    )
    assert.equal(attempt.status, 403)
    assert.isFalse(await blocked(target.id))
  })

  test('a form without a CSRF token, or with a forged one, is refused', async ({ assert }) => {
    const { agent } = await signedInStaff('admin')
    const { user: target } = await createActor()

    const missing = await agent.post(`/admin/users/${target.id}/block`, {}, { csrf: false })
    assert.equal(missing.status, 403)
    assert.include(missing.headers.get('content-type') ?? '', 'text/html')
    assert.include(missing.text, 'Form expired')
    assert.notMatch(missing.text, /\bat .+:\d+:\d+/)

    const forged = await agent.post(
      `/admin/users/${target.id}/block`,
      {},
      { csrf: 'forged-token-value' }
    )
    assert.equal(forged.status, 403)
    assert.isFalse(await blocked(target.id))

    // Another visitor's valid token does not fit this session either.
    const stranger = new AdminAgent()
    const foreign = await agent.post(
      `/admin/users/${target.id}/block`,
      {},
      { csrf: await stranger.csrfToken() }
    )
    assert.equal(foreign.status, 403)
    assert.isFalse(await blocked(target.id))

    const withToken = await agent.post(
      `/admin/users/${target.id}/block`,
      {},
      { tokenFrom: '/admin' }
    )
    assert.equal(withToken.status, 302)
    assert.isTrue(await blocked(target.id))
  })

  test('moderators may block users but not staff, and may not change roles', async ({ assert }) => {
    const { agent } = await signedInStaff('moderator')
    const { user: admin } = await createActor('admin')
    const { user: member } = await createActor('user')

    const refused = await agent.post(`/admin/users/${admin.id}/block`, {}, { tokenFrom: '/admin' })
    assert.equal(refused.status, 302)
    assert.include(flashText((await agent.follow(refused)).text), 'Only admins may block staff')
    assert.isFalse(await blocked(admin.id))

    const role = await agent.post(
      `/admin/users/${member.id}/role`,
      { role: 'admin' },
      { tokenFrom: '/admin' }
    )
    assert.include(flashText((await agent.follow(role)).text), 'Only admins may change roles')
    assert.equal((await AuthUserLookup.load(member.id))!.role, 'user')
    assert.notInclude((await agent.get(`/admin/users/${member.id}`)).text, 'Change role')
  })

  test('the JSON API stays cookie-free and CSRF-free', async ({ assert }) => {
    const { user } = await createActor()
    const base = `http://${process.env.HOST}:${process.env.PORT}`

    const read = await fetch(`${base}${pluginOn('board') ? '/api/v1/board' : '/docs/openapi.json'}`)
    assert.equal(read.status, 200)
    assert.deepEqual(read.headers.getSetCookie(), [])

    // A form POST without any token still reaches the API's own rules.
    const login = await fetch(`${base}/api/v1/user/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: user.name, password: 'correct-horse-9' }),
    })
    assert.equal(login.status, 200)
    assert.deepEqual(login.headers.getSetCookie(), [])

    const missing = await fetch(`${base}/api/v1/no-such-route`)
    assert.equal(missing.status, 404)
    assert.include(missing.headers.get('content-type') ?? '', 'application/json')
  })
})
