import { test } from '@japa/runner'
import { SignJWT } from 'jose'
import limiter from '@adonisjs/limiter/services/main'
import { JwtService } from '#accounts/services/jwt_service'
import { SetUserBlocked } from '#accounts/actions/set_user_blocked'
import { UpdateProfile } from '#accounts/actions/update_profile'
import { signedInUser, uniqueName } from '#tests/helpers/accounts'

function b64(value: object) {
  return Buffer.from(JSON.stringify(value)).toString('base64url')
}

test.group('Access tokens and refresh rotation', (group) => {
  group.each.setup(() => limiter.clear())

  test('refresh rotates the pair; a spent token revokes its whole family', async ({
    client,
    assert,
  }) => {
    const session = await signedInUser(client)

    const first = await client.post('/api/v1/user/token').json({ refresh_token: session.refresh })
    first.assertStatus(200)
    const rotated = first.body()
    assert.notEqual(rotated.refresh_token, session.refresh)
    const me = await client
      .get('/api/v1/user/me')
      .header('authorization', `Bearer ${rotated.access_token}`)
    me.assertStatus(200)

    const reuse = await client.post('/api/v1/user/token').json({ refresh_token: session.refresh })
    reuse.assertStatus(401)
    assert.equal(reuse.body().errors[0].code, 'E_REFRESH_TOKEN_REUSED')

    // The token issued by the legitimate rotation belongs to the same family: revoked too.
    const afterTheft = await client
      .post('/api/v1/user/token')
      .json({ refresh_token: rotated.refresh_token })
    afterTheft.assertStatus(401)
    // And so are the session's access tokens, the one cached a moment ago included.
    for (const access of [session.access, rotated.access_token]) {
      const dead = await client.get('/api/v1/user/me').header('authorization', `Bearer ${access}`)
      dead.assertStatus(401)
      assert.oneOf(dead.body().errors[0].code, ['E_UNAUTHORIZED', 'E_INVALID_TOKEN'])
    }
  })

  test('two concurrent refreshes with one token: one wins, the family ends revoked', async ({
    client,
    assert,
  }) => {
    const session = await signedInUser(client)
    const results = await Promise.all([
      client.post('/api/v1/user/token').json({ refresh_token: session.refresh }),
      client.post('/api/v1/user/token').json({ refresh_token: session.refresh }),
    ])
    const statuses = results.map((r) => r.status()).sort()
    assert.deepEqual(statuses, [200, 401])
  })

  test('unknown, empty and mistyped refresh tokens', async ({ client }) => {
    ;(await client.post('/api/v1/user/token').json({ refresh_token: 'nope' })).assertStatus(401)
    ;(await client.post('/api/v1/user/token').json({})).assertStatus(422)
    ;(await client.post('/api/v1/user/token').json({ refresh_token: 42 })).assertStatus(422)
  })

  test('logout ends the session: its refresh and access tokens die, other sessions live on', async ({
    client,
  }) => {
    const session = await signedInUser(client)
    const other = await client
      .post('/api/v1/user/login')
      .json({ username: session.name, password: 'correct-horse-9' })
    other.assertStatus(200)
    ;(await client.get('/api/v1/user/me').headers(session.auth)).assertStatus(200)
    const response = await client
      .post('/api/v1/user/logout')
      .headers(session.auth)
      .json({ refresh_token: session.refresh })
    response.assertStatus(204)
    ;(
      await client.post('/api/v1/user/token').json({ refresh_token: session.refresh })
    ).assertStatus(401)
    ;(await client.get('/api/v1/user/me').headers(session.auth)).assertStatus(401)
    // The account's other login is another session.
    ;(
      await client
        .get('/api/v1/user/me')
        .header('authorization', `Bearer ${other.body().access_token}`)
    ).assertStatus(200)
  })

  test('logout needs a token', async ({ client }) => {
    ;(await client.post('/api/v1/user/logout').json({ refresh_token: 'x' })).assertStatus(401)
  })

  test('rejects missing, malformed, forged, alg=none and expired tokens with 401', async ({
    client,
    assert,
  }) => {
    const session = await signedInUser(client)
    const [header, payload] = session.access.split('.')
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())

    const forgedSecret = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('not-the-secret'))
    const algNone = `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`
    const tampered = `${header}.${b64({ ...claims, sub: String(claims.sub + 1) })}.${session.access.split('.')[2]}`
    const expired = await new SignJWT({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(JwtService.secret())

    for (const authorization of [
      undefined,
      'Bearer',
      'Basic abc',
      'Bearer not.a.jwt',
      `Bearer ${forgedSecret}`,
      `Bearer ${algNone}`,
      `Bearer ${tampered}`,
      `Bearer ${expired}`,
    ]) {
      const request = client.get('/api/v1/user/me')
      if (authorization) request.header('authorization', authorization)
      const response = await request
      response.assertStatus(401)
      assert.oneOf(response.body().errors[0].code, ['E_UNAUTHORIZED', 'E_INVALID_TOKEN'])
    }
  })

  test('the subject is the user id: a rename keeps tokens working', async ({ client, assert }) => {
    const session = await signedInUser(client)
    const newName = uniqueName('renamed')
    await new UpdateProfile().handle(session.id, { name: newName })
    const me = await client.get('/api/v1/user/me').headers(session.auth)
    me.assertStatus(200)
    assert.equal(me.body().name, newName)
  })

  test('a blocked user’s live token answers 403 at once, and works again when unblocked', async ({
    client,
  }) => {
    const session = await signedInUser(client)
    ;(await client.get('/api/v1/user/me').headers(session.auth)).assertStatus(200)

    await new SetUserBlocked().block(session.id, 'abuse', null)
    const blocked = await client.get('/api/v1/user/me').headers(session.auth)
    blocked.assertStatus(403)
    blocked.assertBody({ errors: [{ code: 'E_USER_BLOCKED', message: 'This account is blocked' }] })
    ;(
      await client.post('/api/v1/user/token').json({ refresh_token: session.refresh })
    ).assertStatus(403)

    await new SetUserBlocked().unblock(session.id, null)
    ;(await client.get('/api/v1/user/me').headers(session.auth)).assertStatus(200)
  })
})
