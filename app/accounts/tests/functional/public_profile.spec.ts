import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { SetUserBlocked } from '#accounts/actions/set_user_blocked'
import { ChangeRole } from '#accounts/actions/change_role'
import { ReadProfile } from '#accounts/actions/read_profile'
import { ProfileFieldRegistry } from '#accounts/services/profile_fields'
import { AuthUserLookup } from '#accounts/services/auth_user_lookup'
import { utcDay } from '#accounts/domain/utc_day'
import { failureCount } from '#core/plugins/plugin_failures'
import { sqlNow } from '#core/database/sql_now'
import { PASSWORD, createUser, login, signedInUser, uniqueName } from '#tests/helpers/accounts'
import { cacheChangesApplied } from '#tests/helpers/cache_changes'

const OWN_FIELDS = ['avatar', 'avatar_template', 'created_at', 'id', 'last_seen_on', 'name', 'role']

const profile = (client: any, name: string) => client.get(`/api/v1/users/${name}`)

/** The day in the database (MariaDB's driver gives a Date at UTC midnight, SQLite the text). */
async function storedDay(userId: number) {
  const row = await db.from('users').where('id', userId).select('last_seen_on').first()
  const value = row.last_seen_on
  return value instanceof Date ? utcDay(value) : value
}

/** Answers GET /users/{name} from `registry` for the duration of `run` (no mock: a real registry). */
async function withRegistry(registry: ProfileFieldRegistry, run: () => Promise<void>) {
  app.container.swap(ReadProfile, () => new ReadProfile(registry))
  try {
    await run()
  } finally {
    app.container.restore(ReadProfile)
  }
}

test.group('Public profiles', (group) => {
  group.each.setup(() => limiter.clear())

  test('GET /users/{name} answers name, role, dates and avatar, never the email', async ({
    client,
    assert,
  }) => {
    const user = await createUser({ role: 'moderator' })
    const response = await profile(client, user.name)
    response.assertStatus(200)
    const body = response.body()
    assert.includeMembers(Object.keys(body), OWN_FIELDS)
    assert.equal(body.id, user.id)
    assert.equal(body.name, user.name)
    assert.equal(body.role, 'moderator')
    // Stored to the millisecond.
    assert.equal(body.created_at, user.createdAt.toUTC().toISO())
    assert.isNull(body.last_seen_on)
    assert.isNull(body.avatar_template, 'no picture uploaded')
    assert.notProperty(body, 'email')
    assert.notInclude(JSON.stringify(body), user.email)
    assert.notInclude(JSON.stringify(body), 'bcrypt')
    assert.deepEqual(body.avatar, {
      url: null,
      letter: user.name[0].toUpperCase(),
      color: body.avatar.color,
    })
    assert.match(body.avatar.color, /^#[0-9a-f]{6}$/)
  })

  test('names compare regardless of case; the answer keeps the stored name', async ({
    client,
    assert,
  }) => {
    const user = await createUser({ name: uniqueName('Mixed') })
    for (const asked of [user.name.toUpperCase(), user.name.toLowerCase()]) {
      const response = await profile(client, asked)
      response.assertStatus(200)
      assert.equal(response.body().name, user.name)
    }
    // Two spellings of one name: the same avatar.
    assert.deepEqual(
      (await profile(client, user.name.toUpperCase())).body().avatar,
      (await profile(client, user.name)).body().avatar
    )
  })

  test('unknown names, and names no account can have, answer 404', async ({ client, assert }) => {
    for (const name of [uniqueName('nobody'), 'has%20space', 'a'.repeat(101), 'deleted-user-1']) {
      const response = await profile(client, name)
      response.assertStatus(404)
      assert.equal(response.body().errors[0].code, 'E_NOT_FOUND')
    }
  })

  test('a non-ASCII name is found from its URL-encoded form', async ({ client, assert }) => {
    const user = await createUser({ name: `Zoë${uniqueName('')}` })
    const response = await profile(client, encodeURIComponent(user.name))
    response.assertStatus(200)
    assert.equal(response.body().name, user.name)
  })

  test('blocked and deactivated accounts answer 404; unblocked ones are back at once', async ({
    client,
  }) => {
    const user = await createUser()
    ;(await profile(client, user.name)).assertStatus(200)

    await new SetUserBlocked().block(user.id, 'spam', null)
    ;(await profile(client, user.name)).assertStatus(404)
    await new SetUserBlocked().unblock(user.id, null)
    ;(await profile(client, user.name)).assertStatus(200)

    const deactivated = await db.from('states').where('name', 'deactivated').first()
    await db.table('user_states').insert({
      user_id: user.id,
      state_id: deactivated.id,
      created_at: sqlNow(),
    })
    await AuthUserLookup.forget(user.id)
    ;(await profile(client, user.name)).assertStatus(404)
  })

  test('a deleted account answers 404 under its old name', async ({ client }) => {
    const session = await signedInUser(client)
    ;(await profile(client, session.name)).assertStatus(200)
    ;(
      await client.delete('/api/v1/user').headers(session.auth).json({ current_password: PASSWORD })
    ).assertStatus(204)
    ;(await profile(client, session.name)).assertStatus(404)
    ;(await profile(client, `deleted-user-${session.id}`)).assertStatus(404)
  })

  test('cached profiles follow a rename and a role change', async ({ client, assert }) => {
    const session = await signedInUser(client)
    ;(await profile(client, session.name)).assertStatus(200)

    const name = uniqueName('renamed')
    ;(await client.put('/api/v1/user').headers(session.auth).json({ name })).assertStatus(200)
    ;(await profile(client, session.name)).assertStatus(404)
    const renamed = await profile(client, name)
    renamed.assertStatus(200)
    assert.equal(renamed.body().name, name)
    assert.equal(renamed.body().role, 'user')

    await new ChangeRole().handle(session.id, 'moderator', null)
    assert.equal((await profile(client, name)).body().role, 'moderator')
  })

  test('last seen: the UTC day of the login, written at most once a day', async ({
    client,
    assert,
  }) => {
    const user = await createUser()
    assert.isNull((await profile(client, user.name)).body().last_seen_on)

    // A login writes today's day (login() also sends one authenticated request).
    const session = await login(client, user.name)
    const today = utcDay()
    assert.equal(await storedDay(user.id), today)
    assert.equal((await profile(client, user.name)).body().last_seen_on, today)

    // Later requests of the day write nothing: the cached snapshot already says today (cached
    // after the change log's second drop of the login's write).
    await cacheChangesApplied()
    ;(await client.get('/api/v1/user/me').headers(session.auth)).assertStatus(200)
    await db.from('users').where('id', user.id).update({ last_seen_on: '2000-01-01' })
    ;(await client.get('/api/v1/user/me').headers(session.auth)).assertStatus(200)
    assert.equal(await storedDay(user.id), '2000-01-01')

    // A snapshot from another day: the first request writes today's, the next ones nothing.
    await db.from('users').where('id', user.id).update({ last_seen_on: '2000-01-02' })
    await AuthUserLookup.forget(user.id)
    ;(await client.get('/api/v1/user/me').headers(session.auth)).assertStatus(200)
    assert.equal(await storedDay(user.id), today)
    assert.equal((await profile(client, user.name)).body().last_seen_on, today)
    await cacheChangesApplied()
    ;(await client.get('/api/v1/user/me').headers(session.auth)).assertStatus(200)
    await db.from('users').where('id', user.id).update({ last_seen_on: '2000-01-03' })
    ;(await client.get('/api/v1/user/me').headers(session.auth)).assertStatus(200)
    assert.equal(await storedDay(user.id), '2000-01-03')

    // A request with a personal API token counts as a visit too.
    const token = await client
      .post('/api/v1/user/tokens')
      .headers(session.auth)
      .json({ name: 'reader', abilities: ['read'] })
    await db.from('users').where('id', user.id).update({ last_seen_on: '2000-01-04' })
    await AuthUserLookup.forget(user.id)
    const bearer = { authorization: `Bearer ${token.body().token}` }
    ;(await client.get('/api/v1/user/me').headers(bearer)).assertStatus(200)
    assert.equal(await storedDay(user.id), today)
  })

  test('without plugin fields (the board switched off) a profile has its own fields only', async ({
    client,
    assert,
  }) => {
    const user = await createUser()
    await withRegistry(new ProfileFieldRegistry(), async () => {
      const response = await profile(client, user.name)
      response.assertStatus(200)
      assert.deepEqual(Object.keys(response.body()).sort(), OWN_FIELDS)
    })
  })

  test('a failing field source is counted and left out, and its result is not cached', async ({
    client,
    assert,
  }) => {
    const user = await createUser()
    const registry = new ProfileFieldRegistry()
    let calls = 0
    registry.register('steady', {
      fields: { karma: { type: 'integer' } },
      load: async (ids) => new Map(ids.map((id) => [id, { karma: 7 }])),
      tags: () => [],
    })
    registry.register('broken', {
      fields: { badges: { type: 'integer' } },
      load: async () => {
        calls += 1
        throw new Error('broken plugin')
      },
      tags: () => [],
    })
    const failures = failureCount('profile', 'profile-field')
    await withRegistry(registry, async () => {
      for (let attempt = 1; attempt <= 2; attempt++) {
        const response = await profile(client, user.name)
        response.assertStatus(200)
        assert.equal(response.body().karma, 7)
        assert.notProperty(response.body(), 'badges')
      }
    })
    assert.equal(calls, 2)
    assert.equal(failureCount('profile', 'profile-field'), failures + 2)
  })
})
