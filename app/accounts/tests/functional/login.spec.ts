import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { SetUserBlocked } from '#accounts/actions/set_user_blocked'
import { PASSWORD, createUser, login } from '#tests/helpers/accounts'

test.group('POST /api/v1/user/login', (group) => {
  group.each.setup(() => limiter.clear())

  test('logs in by name with JSON and by email with a form body', async ({ client, assert }) => {
    const user = await createUser()

    const byName = await client
      .post('/api/v1/user/login')
      .json({ username: user.name, password: PASSWORD })
    byName.assertStatus(200)
    const body = byName.body()
    assert.equal(body.token_type, 'bearer')
    assert.equal(body.username, user.name)
    assert.isAbove(body.expires_in, 0)
    assert.isString(body.access_token)
    assert.isString(body.refresh_token)

    const byEmail = await client
      .post('/api/v1/user/login')
      .form({ username: user.email.toUpperCase(), password: PASSWORD })
    byEmail.assertStatus(200)
    assert.equal(byEmail.body().username, user.name)
  })

  test('records each successful login in the login history', async ({ client, assert }) => {
    const user = await createUser()
    await login(client, user.name)
    await login(client, user.name)
    const rows = await db.from('login_history').where('user_id', user.id)
    assert.lengthOf(rows, 2)
    assert.isNotNull(rows[0].ip)
    // Both rows are written as plain inserts: their times are UTC, and the token lives JWT_REFRESH_TTL.
    const minute = 60_000
    assert.closeTo(epochOf(rows[1].created_at), Date.now(), minute)
    const tokens = await db.from('refresh_tokens').where('user_id', user.id)
    assert.lengthOf(tokens, 2)
    assert.closeTo(epochOf(tokens[1].created_at), Date.now(), minute)
    assert.closeTo(epochOf(tokens[1].expires_at), Date.now() + 30 * 24 * 60 * minute, minute)
  })

  test('answers 401 for a wrong password, an unknown user or wildcard names', async ({
    client,
    assert,
  }) => {
    const user = await createUser()
    for (const [username, password] of [
      [user.name, 'wrong-password'],
      ['nobody' + Date.now(), PASSWORD],
      ['%', PASSWORD],
      ['_%', PASSWORD],
      ["' OR 1=1 --", PASSWORD],
    ]) {
      const response = await client.post('/api/v1/user/login').json({ username, password })
      response.assertStatus(401)
      response.assertBody({
        errors: [{ code: 'E_INVALID_CREDENTIALS', message: 'Invalid username or password' }],
      })
    }
    const rows = await db.from('login_history').where('user_id', user.id)
    assert.lengthOf(rows, 0)
  })

  test('answers 422 for missing or mistyped fields', async ({ client }) => {
    const missing = await client.post('/api/v1/user/login').json({ username: 'someone' })
    missing.assertStatus(422)
    const typed = await client.post('/api/v1/user/login').json({ username: ['a'], password: 1 })
    typed.assertStatus(422)
  })

  test('answers 403 to a blocked user with the right password, 401 with a wrong one', async ({
    client,
  }) => {
    const user = await createUser()
    await new SetUserBlocked().block(user.id, 'spam', null)

    const right = await client
      .post('/api/v1/user/login')
      .json({ username: user.name, password: PASSWORD })
    right.assertStatus(403)
    right.assertBody({ errors: [{ code: 'E_USER_BLOCKED', message: 'This account is blocked' }] })

    const wrong = await client
      .post('/api/v1/user/login')
      .json({ username: user.name, password: 'nope-nope' })
    wrong.assertStatus(401)
  })

  test('limits failed attempts per username with 429 and Retry-After', async ({
    client,
    assert,
  }) => {
    const user = await createUser()
    // .env.test allows 5 failures a minute per username.
    for (let i = 0; i < 5; i++) {
      const response = await client
        .post('/api/v1/user/login')
        .json({ username: user.name, password: 'bad-guess' })
      response.assertStatus(401)
    }
    const limited = await client
      .post('/api/v1/user/login')
      .json({ username: user.name, password: PASSWORD })
    limited.assertStatus(429)
    assert.equal(limited.body().errors[0].code, 'E_TOO_MANY_REQUESTS')
    assert.isAbove(Number(limited.header('retry-after')), 0)

    // Another username from the same address is not affected.
    const other = await createUser()
    const fine = await client
      .post('/api/v1/user/login')
      .json({ username: other.name, password: PASSWORD })
    fine.assertStatus(200)
  })

  test('failures by name and by email count against the same account', async ({ client }) => {
    const user = await createUser()
    const attempt = (username: string, password: string) =>
      client.post('/api/v1/user/login').json({ username, password })
    // A limit of five: three guesses by name and two by email use it up.
    for (let i = 0; i < 3; i++) (await attempt(user.name, 'bad-guess')).assertStatus(401)
    for (let i = 0; i < 2; i++) (await attempt(user.email, 'bad-guess')).assertStatus(401)
    ;(await attempt(user.email, PASSWORD)).assertStatus(429)
    ;(await attempt(user.name.toUpperCase(), PASSWORD)).assertStatus(429)
  })

  test('concurrent logins of one account all succeed (no deadlock on the account row)', async ({
    client,
    assert,
  }) => {
    const user = await createUser()
    const answers = await Promise.all(
      Array.from({ length: 24 }, () =>
        client.post('/api/v1/user/login').json({ username: user.name, password: PASSWORD })
      )
    )
    assert.deepEqual(
      answers.map((answer) => answer.status()),
      Array(24).fill(200)
    )
  })

  test('a success after failures clears the per-username count', async ({ client }) => {
    const user = await createUser()
    const attempt = (password: string) =>
      client.post('/api/v1/user/login').json({ username: user.name, password })
    // Four failures, a success, then five more failures fit a limit of five.
    for (let i = 0; i < 4; i++) (await attempt('bad-guess')).assertStatus(401)
    ;(await attempt(PASSWORD)).assertStatus(200)
    for (let i = 0; i < 5; i++) (await attempt('bad-guess')).assertStatus(401)
    ;(await attempt(PASSWORD)).assertStatus(429)
  })

  test('reads the account with its role and states in one query', async ({ client, assert }) => {
    const user = await createUser()
    await new SetUserBlocked().block(user.id, 'spam', null)
    const selects: string[] = []
    const knex = db.connection().getWriteClient()
    const listener = (query: { sql: string }) => {
      // The cache change feed polls in the background; it is not part of the login.
      if (/^\s*select/i.test(query.sql) && !query.sql.includes('cache_changes'))
        selects.push(query.sql)
    }
    knex.on('query', listener)
    try {
      const response = await client
        .post('/api/v1/user/login')
        .json({ username: user.name, password: PASSWORD })
      response.assertStatus(403)
    } finally {
      knex.removeListener('query', listener)
    }
    assert.lengthOf(selects, 1)
  })
})

/** A timestamp column as epoch ms: mysql2 gives a Date, SQLite the UTC text Lucid writes. */
function epochOf(value: Date | string) {
  return value instanceof Date ? value.getTime() : Date.parse(`${value.replace(' ', 'T')}Z`)
}
