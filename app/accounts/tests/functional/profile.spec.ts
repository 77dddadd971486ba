import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { PASSWORD, createUser, login, signedInUser, uniqueName } from '#tests/helpers/accounts'

test.group('Profile, password and account deletion', (group) => {
  group.each.setup(() => limiter.clear())

  test('GET /user/me answers the documented shape', async ({ client, assert }) => {
    const session = await signedInUser(client, { role: 'moderator' })
    const me = await client.get('/api/v1/user/me').headers(session.auth)
    me.assertStatus(200)
    assert.deepEqual(Object.keys(me.body()).sort(), [
      'avatar_template',
      'created_at',
      'email',
      'email_verified',
      'id',
      'name',
      'pending_email',
      'role',
    ])
    assert.equal(me.body().role, 'moderator')
    assert.isFalse(me.body().email_verified)
    assert.isNull(me.body().pending_email)
  })

  test('PUT /user changes the name at once and the email once verified; keeping one’s own name is no conflict', async ({
    client,
    assert,
  }) => {
    const session = await signedInUser(client)
    const before = await client.get('/api/v1/user/me').headers(session.auth)
    const same = await client.put('/api/v1/user').headers(session.auth).json({ name: session.name })
    same.assertStatus(200)

    const name = uniqueName('Changed')
    const changed = await client
      .put('/api/v1/user')
      .headers(session.auth)
      .json({ name, email: `${name}@Example.com` })
    changed.assertStatus(200)
    assert.equal(changed.body().name, name)
    // The new address waits for its verification link (email_verification.spec.ts follows it).
    assert.equal(changed.body().email, before.body().email)
    assert.equal(changed.body().pending_email, `${name.toLowerCase()}@example.com`)

    const me = await client.get('/api/v1/user/me').headers(session.auth)
    assert.equal(me.body().name, name)
    assert.equal(me.body().pending_email, `${name.toLowerCase()}@example.com`)
  })

  test('PUT /user answers 409 for another user’s name or email and 422 for bad input', async ({
    client,
    assert,
  }) => {
    const other = await createUser()
    const session = await signedInUser(client)
    const taken = await client.put('/api/v1/user').headers(session.auth).json({ name: other.name })
    taken.assertStatus(409)
    assert.equal(taken.body().errors[0].field, 'name')
    const takenEmail = await client
      .put('/api/v1/user')
      .headers(session.auth)
      .json({ email: other.email })
    takenEmail.assertStatus(409)
    ;(
      await client.put('/api/v1/user').headers(session.auth).json({ name: 'has space' })
    ).assertStatus(422)
    ;(await client.put('/api/v1/user').json({ name: 'x' })).assertStatus(401)

    const row = await db.from('users').where('id', session.id).first()
    assert.equal(row.name, session.name)
  })

  test('PUT /user/password: wrong current password is refused and changes nothing', async ({
    client,
  }) => {
    const session = await signedInUser(client)
    const response = await client.put('/api/v1/user/password').headers(session.auth).json({
      current_password: 'wrong-one',
      password: 'new-password-1',
      password_confirmation: 'new-password-1',
    })
    response.assertStatus(422)
    response.assertBody({
      errors: [
        {
          code: 'E_WRONG_PASSWORD',
          message: 'The current password is wrong',
          field: 'current_password',
        },
      ],
    })
    await login(client, session.name)
  })

  test('PUT /user/password kills live access tokens and other sessions, keeps the caller’s family', async ({
    client,
    assert,
  }) => {
    const user = await createUser()
    const caller = await login(client, user.name)
    const otherDevice = await login(client, user.name)

    const response = await client.put('/api/v1/user/password').headers(caller.auth).json({
      current_password: PASSWORD,
      password: 'new-password-1',
      password_confirmation: 'new-password-1',
    })
    response.assertStatus(204)

    ;(await client.get('/api/v1/user/me').headers(caller.auth)).assertStatus(401)
    ;(await client.get('/api/v1/user/me').headers(otherDevice.auth)).assertStatus(401)
    ;(
      await client.post('/api/v1/user/token').json({ refresh_token: otherDevice.refresh })
    ).assertStatus(401)

    const renewed = await client.post('/api/v1/user/token').json({ refresh_token: caller.refresh })
    renewed.assertStatus(200)
    const me = await client
      .get('/api/v1/user/me')
      .header('authorization', `Bearer ${renewed.body().access_token}`)
    me.assertStatus(200)

    ;(
      await client.post('/api/v1/user/login').json({ username: user.name, password: PASSWORD })
    ).assertStatus(401)
    await login(client, user.name, 'new-password-1')
    assert.isTrue(true)
  })

  test('DELETE /user erases personal data, keeps the row and kills every token', async ({
    client,
    assert,
  }) => {
    const session = await signedInUser(client)
    const wrong = await client
      .delete('/api/v1/user')
      .headers(session.auth)
      .json({ current_password: 'nope-nope' })
    wrong.assertStatus(422)

    const response = await client
      .delete('/api/v1/user')
      .headers(session.auth)
      .json({ current_password: PASSWORD })
    response.assertStatus(204)

    const row = await db.from('users').where('id', session.id).first()
    assert.equal(row.name, `deleted-user-${session.id}`)
    assert.notInclude(row.email, session.name.toLowerCase())
    assert.isNotNull(row.deleted_at)
    assert.lengthOf(await db.from('login_history').where('user_id', session.id), 0)

    ;(await client.get('/api/v1/user/me').headers(session.auth)).assertStatus(401)
    ;(
      await client.post('/api/v1/user/token').json({ refresh_token: session.refresh })
    ).assertStatus(401)
    ;(
      await client.post('/api/v1/user/login').json({ username: session.name, password: PASSWORD })
    ).assertStatus(401)

    // The name is free again.
    await createUser({ name: session.name })
  })
})
