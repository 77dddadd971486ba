import { sqlTime } from '#core/database/sql_now'
import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { SetUserBlocked } from '#accounts/actions/set_user_blocked'
import { ManageApiTokens } from '#accounts/actions/manage_api_tokens'
import { AuthUserLookup } from '#accounts/services/auth_user_lookup'
import { PASSWORD, signedInUser, type Session } from '#tests/helpers/accounts'
import { createBoard, createPost } from '#tests/helpers/board'
import { openApiValidator } from '#tests/helpers/openapi'
import { needsPlugins } from '#tests/helpers/plugins'

interface NewToken {
  id: number
  name: string
  abilities: string[]
  created_at: string
  last_used_at: string | null
  expires_at: string | null
  token: string
}

async function createToken(
  client: ApiClient,
  session: Session,
  body: { name?: string; abilities?: string[]; expires_in_days?: number } = {}
): Promise<NewToken> {
  const response = await client
    .post('/api/v1/user/tokens')
    .headers(session.auth)
    .json({ name: 'ci bot', abilities: ['read', 'write'], ...body })
  response.assertStatus(201)
  return response.body()
}

const bearer = (token: { token: string }) => ({ authorization: `Bearer ${token.token}` })

async function listTokens(client: ApiClient, session: Session) {
  const response = await client.get('/api/v1/user/tokens').headers(session.auth)
  response.assertStatus(200)
  return response
}

/** Moves a token's times back, as if that much time had passed. */
async function age(id: number, columns: Partial<Record<'last_used_at' | 'created_at', number>>) {
  const update = Object.fromEntries(
    Object.entries(columns).map(([column, ms]) => [column, sqlTime(Date.now() - ms)])
  )
  await db.from('api_tokens').where('id', id).update(update)
}

const DAY = 86_400_000

test.group('Personal API tokens', (group) => {
  group.each.setup(() => limiter.clear())

  test('creating one shows the secret once; the list never does', async ({ client, assert }) => {
    const session = await signedInUser(client)
    const created = await createToken(client, session, { name: '  deploy  ', abilities: ['read'] })
    assert.match(created.token, /^bct_[\w-]+\.[\w-]+$/)
    assert.equal(created.name, 'deploy')
    assert.deepEqual(created.abilities, ['read'])
    assert.isNull(created.last_used_at)
    assert.isNull(created.expires_at)
    assert.closeTo(Date.parse(created.created_at), Date.now(), 60_000)

    const list = await listTokens(client, session)
    assert.deepEqual(list.body(), [
      {
        id: created.id,
        name: 'deploy',
        abilities: ['read'],
        created_at: list.body()[0].created_at,
        last_used_at: null,
        expires_at: null,
      },
    ])
    const both = await createToken(client, session, { abilities: ['write', 'read'] })
    assert.deepEqual(both.abilities, ['read', 'write'])
    await client.delete(`/api/v1/user/tokens/${both.id}`).headers(session.auth)

    const secret = created.token.split('.')[1]
    assert.notInclude(list.text(), secret)
    // Only a hash is stored.
    const row = await db.from('api_tokens').where('id', created.id).first()
    assert.notInclude(JSON.stringify(row), secret)
    assert.equal(row.tokenable_id, session.id)
  })

  test('a token works on every API route: same user, role and rules as a login', async ({
    client,
    assert,
  }) => {
    const session = await signedInUser(client, { role: 'moderator' })
    const token = await createToken(client, session, { abilities: ['write'] })

    const me = await client.get('/api/v1/user/me').headers(bearer(token))
    me.assertStatus(200)
    assert.equal(me.body().id, session.id)
    assert.equal(me.body().role, 'moderator')
    ;(await client.get('/api/v1/moderation/posts').headers(bearer(token))).assertStatus(200)

    const { category } = await createBoard()
    const post = await client
      .post(`/api/v1/board/${category}`)
      .headers(bearer(token))
      .json({ title: 'By a bot', content: 'Posted with an API token' })
    post.assertStatus(201)
    assert.equal(post.body().user_id, session.id)
    const edited = await client
      .put(`/api/v1/post/${post.body().id}`)
      .headers(bearer(token))
      .json({ title: 'Edited by a bot', content: 'Second version' })
    edited.assertStatus(200)
    ;(await client.delete(`/api/v1/post/${post.body().id}`).headers(bearer(token))).assertStatus(
      204
    )

    // A member's token is held to a member's rights.
    const member = await signedInUser(client)
    const memberToken = await createToken(client, member)
    const refused = await client.get('/api/v1/moderation/posts').headers(bearer(memberToken))
    refused.assertStatus(403)
    assert.equal(refused.body().errors[0].code, 'E_FORBIDDEN')
  }).skip(...needsPlugins('board'))

  test('a read token reads, and gets 403 E_TOKEN_READ_ONLY on any write', async ({
    client,
    assert,
  }) => {
    const session = await signedInUser(client)
    const token = await createToken(client, session, { abilities: ['read'] })
    const { category } = await createBoard()
    const post = await createPost(client, session, category)

    ;(await client.get('/api/v1/user/me').headers(bearer(token))).assertStatus(200)
    const writes = [
      client.post(`/api/v1/board/${category}`).json({ title: 'No', content: 'Refused' }),
      client.put(`/api/v1/post/${post.id}`).json({ title: 'No', content: 'Refused' }),
      client.post(`/api/v1/post/${post.id}/vote`),
      client.post(`/api/v1/post/${post.id}/comment`).json({ content: 'Refused' }),
      client.delete(`/api/v1/post/${post.id}`),
      client.put('/api/v1/user').json({ name: 'refused' }),
      client.put('/api/v1/user/password').json({
        current_password: PASSWORD,
        password: 'another-pass-1',
        password_confirmation: 'another-pass-1',
      }),
    ]
    for (const request of writes) {
      const response = await request.headers(bearer(token))
      response.assertStatus(403)
      response.assertBody({
        errors: [{ code: 'E_TOKEN_READ_ONLY', message: 'This API token is read-only' }],
      })
    }
    const stored = await client.get(`/api/v1/post/${post.id}`)
    assert.equal(stored.body().version, 1)
    assert.equal(stored.body().comment, 0)
    assert.equal(stored.body().vote, 0)
  }).skip(...needsPlugins('board'))

  test('a token cannot mint, list or delete tokens: that needs a login', async ({
    client,
    assert,
  }) => {
    const session = await signedInUser(client)
    const token = await createToken(client, session, { abilities: ['read', 'write'] })
    const requests = [
      client.post('/api/v1/user/tokens').json({ name: 'minted', abilities: ['write'] }),
      client.get('/api/v1/user/tokens'),
      client.delete(`/api/v1/user/tokens/${token.id}`),
    ]
    for (const request of requests) {
      const response = await request.headers(bearer(token))
      response.assertStatus(403)
      assert.equal(response.body().errors[0].code, 'E_LOGIN_REQUIRED')
    }
    assert.lengthOf((await listTokens(client, session)).body(), 1)
    // Without any credentials, the routes answer 401 like every authenticated route.
    ;(await client.get('/api/v1/user/tokens')).assertStatus(401)
  })

  test('the last use is recorded, at most once a minute', async ({ client, assert }) => {
    const session = await signedInUser(client)
    const token = await createToken(client, session)
    const lastUsed = async () => (await listTokens(client, session)).body()[0].last_used_at

    ;(await client.get('/api/v1/user/me').headers(bearer(token))).assertStatus(200)
    const first = await lastUsed()
    assert.isNotNull(first)
    assert.closeTo(Date.parse(first), Date.now(), 60_000)

    await age(token.id, { last_used_at: 30_000 })
    const recorded = await lastUsed()
    ;(await client.get('/api/v1/user/me').headers(bearer(token))).assertStatus(200)
    assert.equal(await lastUsed(), recorded, 'used again within a minute: no write')

    await age(token.id, { last_used_at: 5 * 60_000 })
    ;(await client.get('/api/v1/user/me').headers(bearer(token))).assertStatus(200)
    assert.isAbove(Date.parse(await lastUsed()), Date.now() - 60_000)
  })

  test('forged, malformed and unknown tokens answer 401 and record nothing', async ({
    client,
    assert,
  }) => {
    const session = await signedInUser(client)
    const token = await createToken(client, session)
    const [prefixAndId, secret] = token.token.split('.')
    const forged = `${prefixAndId}.${Buffer.from('x'.repeat(48)).toString('base64url')}`
    const otherId = `bct_${Buffer.from('999999999').toString('base64url')}.${secret}`
    for (const value of [forged, otherId, 'bct_', 'bct_abc', `${token.token}x`, 'bct_.x']) {
      const response = await client
        .get('/api/v1/user/me')
        .header('authorization', `Bearer ${value}`)
      response.assertStatus(401)
      assert.equal(response.body().errors[0].code, 'E_UNAUTHORIZED')
    }
    const row = await db.from('api_tokens').where('id', token.id).first()
    assert.isNull(row.last_used_at)
  })

  test('DELETE /user/tokens/{id} ends a token; others’ tokens are not found', async ({
    client,
    assert,
  }) => {
    const alice = await signedInUser(client)
    const bob = await signedInUser(client)
    const aliceToken = await createToken(client, alice)
    const bobToken = await createToken(client, bob)

    const foreign = await client.delete(`/api/v1/user/tokens/${bobToken.id}`).headers(alice.auth)
    foreign.assertStatus(404)
    assert.equal(foreign.body().errors[0].code, 'E_NOT_FOUND')
    ;(await client.get('/api/v1/user/me').headers(bearer(bobToken))).assertStatus(200)

    ;(await client.delete(`/api/v1/user/tokens/${aliceToken.id}`).headers(alice.auth)).assertStatus(
      204
    )
    ;(await client.get('/api/v1/user/me').headers(bearer(aliceToken))).assertStatus(401)
    ;(await client.delete(`/api/v1/user/tokens/${aliceToken.id}`).headers(alice.auth)).assertStatus(
      404
    )
    assert.deepEqual((await listTokens(client, alice)).body(), [])
    ;(await client.delete('/api/v1/user/tokens/abc').headers(alice.auth)).assertStatus(404)
  })

  test('tokens die with a block, and stay dead after the unblock', async ({ client }) => {
    const session = await signedInUser(client)
    const token = await createToken(client, session)
    ;(await client.get('/api/v1/user/me').headers(bearer(token))).assertStatus(200)

    await new SetUserBlocked().block(session.id, 'spam', null)
    ;(await client.get('/api/v1/user/me').headers(bearer(token))).assertStatus(401)
    await new SetUserBlocked().unblock(session.id, null)
    ;(await client.get('/api/v1/user/me').headers(bearer(token))).assertStatus(401)
  })

  test('a blocked account’s token answers 403 E_USER_BLOCKED, as its JWT does', async ({
    client,
    assert,
  }) => {
    const session = await signedInUser(client)
    const actor = (await AuthUserLookup.load(session.id))!
    await new SetUserBlocked().block(session.id, 'spam', null)
    // A token made after the block's revocation (say, by a request that raced it).
    const created = await new ManageApiTokens().create(actor, { name: 'race', abilities: ['read'] })
    const token = { token: created.value!.release() }
    const response = await client.get('/api/v1/user/me').headers(bearer(token))
    response.assertStatus(403)
    assert.equal(response.body().errors[0].code, 'E_USER_BLOCKED')
  })

  test('tokens die with a password change, including the token that asked', async ({ client }) => {
    const session = await signedInUser(client)
    const token = await createToken(client, session)
    const writer = await createToken(client, session, { abilities: ['write'] })
    const changed = await client.put('/api/v1/user/password').headers(bearer(writer)).json({
      current_password: PASSWORD,
      password: 'another-pass-1',
      password_confirmation: 'another-pass-1',
    })
    changed.assertStatus(204)
    ;(await client.get('/api/v1/user/me').headers(bearer(token))).assertStatus(401)
    ;(await client.get('/api/v1/user/me').headers(bearer(writer))).assertStatus(401)
  })

  test('tokens die with the account', async ({ client, assert }) => {
    const session = await signedInUser(client)
    const token = await createToken(client, session)
    const deleted = await client
      .delete('/api/v1/user')
      .headers(session.auth)
      .json({ current_password: PASSWORD })
    deleted.assertStatus(204)
    ;(await client.get('/api/v1/user/me').headers(bearer(token))).assertStatus(401)
    const rows = await db.from('api_tokens').where('tokenable_id', session.id)
    assert.lengthOf(rows, 0)
  })

  test('expired and long-unused tokens answer 401', async ({ client, assert }) => {
    const session = await signedInUser(client)
    const expiring = await createToken(client, session, { expires_in_days: 30 })
    assert.closeTo(Date.parse(expiring.expires_at!), Date.now() + 30 * DAY, 60_000)
    ;(await client.get('/api/v1/user/me').headers(bearer(expiring))).assertStatus(200)
    await db
      .from('api_tokens')
      .where('id', expiring.id)
      .update({ expires_at: sqlTime(Date.now() - 1000) })
    ;(await client.get('/api/v1/user/me').headers(bearer(expiring))).assertStatus(401)

    // Without an expiry, a token ends after 180 days without use (API_TOKEN_UNUSED_DAYS).
    const unused = await createToken(client, session)
    await age(unused.id, { created_at: 181 * DAY })
    ;(await client.get('/api/v1/user/me').headers(bearer(unused))).assertStatus(401)
    const used = await createToken(client, session)
    await age(used.id, { created_at: 400 * DAY, last_used_at: 179 * DAY })
    ;(await client.get('/api/v1/user/me').headers(bearer(used))).assertStatus(200)
    await age(used.id, { last_used_at: 181 * DAY })
    ;(await client.get('/api/v1/user/me').headers(bearer(used))).assertStatus(401)
  })

  test('names, abilities and lifetimes are validated', async ({ client, assert }) => {
    const session = await signedInUser(client)
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '', abilities: ['read'] }, 'name'],
      [{ name: '   ', abilities: ['read'] }, 'name'],
      [{ name: 'x'.repeat(101), abilities: ['read'] }, 'name'],
      [{ abilities: ['read'] }, 'name'],
      [{ name: 'a' }, 'abilities'],
      [{ name: 'a', abilities: [] }, 'abilities'],
      [{ name: 'a', abilities: 'read' }, 'abilities'],
      [{ name: 'a', abilities: ['admin'] }, 'abilities.0'],
      [{ name: 'a', abilities: ['read', 'read'] }, 'abilities'],
      [{ name: 'a', abilities: ['read'], expires_in_days: 0 }, 'expires_in_days'],
      [{ name: 'a', abilities: ['read'], expires_in_days: 3651 }, 'expires_in_days'],
      [{ name: 'a', abilities: ['read'], expires_in_days: 1.5 }, 'expires_in_days'],
      [{ name: 'a', abilities: ['read'], expires_in_days: 'soon' }, 'expires_in_days'],
    ]
    for (const [body, field] of cases) {
      // Every creation attempt counts against the rate limit, refused ones too.
      await limiter.clear()
      const response = await client.post('/api/v1/user/tokens').headers(session.auth).json(body)
      response.assertStatus(422)
      assert.include(
        response.body().errors.map((error: { field: string }) => error.field),
        field,
        JSON.stringify(body)
      )
    }
    const longest = await createToken(client, session, {
      name: 'x'.repeat(100),
      expires_in_days: 3650,
    })
    assert.closeTo(Date.parse(longest.expires_at!), Date.now() + 3650 * DAY, 60_000)
  })

  test('creation is rate limited per account, and capped at 100 tokens', async ({
    client,
    assert,
  }) => {
    const session = await signedInUser(client)
    for (let i = 0; i < 10; i++) await createToken(client, session, { name: `t${i}` })
    const limited = await client
      .post('/api/v1/user/tokens')
      .headers(session.auth)
      .json({ name: 'one too many', abilities: ['read'] })
    limited.assertStatus(429)
    assert.equal(limited.body().errors[0].code, 'E_TOO_MANY_REQUESTS')
    // Listing is not limited.
    await listTokens(client, session)

    await limiter.clear()
    const actor = (await AuthUserLookup.load(session.id))!
    const tokens = new ManageApiTokens()
    for (let i = 10; i < 100; i++)
      await tokens.create(actor, { name: `t${i}`, abilities: ['read'] })
    const capped = await client
      .post('/api/v1/user/tokens')
      .headers(session.auth)
      .json({ name: 'one too many', abilities: ['read'] })
    capped.assertStatus(409)
    assert.equal(capped.body().errors[0].code, 'E_TOO_MANY_TOKENS')
    const list = (await listTokens(client, session)).body()
    assert.lengthOf(list, 100)
    assert.equal(list[0].name, 't99', 'newest first')
  })

  test('answers match the OpenAPI document', async ({ client }) => {
    const { check } = await openApiValidator()
    const session = await signedInUser(client)
    const call = async (request: ReturnType<ApiClient['get']>, method: string, path: string) => {
      const response = await request
      check(method, path, response.status(), response.body())
      return response
    }
    const created = await call(
      client
        .post('/api/v1/user/tokens')
        .headers(session.auth)
        .json({ name: 'doc', abilities: ['read'], expires_in_days: 5 }),
      'post',
      '/api/v1/user/tokens'
    )
    const token = created.body() as NewToken
    await call(
      client.post('/api/v1/user/tokens').headers(session.auth).json({ name: '', abilities: [] }),
      'post',
      '/api/v1/user/tokens'
    )
    await call(
      client.post('/api/v1/user/tokens').headers(bearer(token)).json({}),
      'post',
      '/api/v1/user/tokens'
    )
    await client.get('/api/v1/user/me').headers(bearer(token))
    await call(
      client.get('/api/v1/user/tokens').headers(session.auth),
      'get',
      '/api/v1/user/tokens'
    )
    await call(
      client.delete(`/api/v1/user/tokens/${token.id}`).headers(session.auth),
      'delete',
      '/api/v1/user/tokens/{id}'
    )
    await call(
      client.delete(`/api/v1/user/tokens/${token.id}`).headers(session.auth),
      'delete',
      '/api/v1/user/tokens/{id}'
    )
  })
})
