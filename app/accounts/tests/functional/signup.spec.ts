import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { createUser, uniqueName } from '#tests/helpers/accounts'
import { baseUrl } from '#tests/helpers/base_url'

async function userCount() {
  const row = await db.from('users').count('* as total').first()
  return Number(row.total)
}

test.group('POST /api/v1/user (signup)', (group) => {
  group.each.setup(() => limiter.clear())

  test('creates an account and answers 201 without secrets', async ({ client, assert }) => {
    const name = uniqueName('New')
    const response = await client.post('/api/v1/user').json({
      name,
      email: `${name}@Example.COM`,
      password: 'secret-pass1',
      password_confirmation: 'secret-pass1',
    })
    response.assertStatus(201)
    const body = response.body()
    assert.containsSubset(body, { name, email: `${name.toLowerCase()}@example.com`, role: 'user' })
    assert.match(body.created_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    assert.notProperty(body, 'password')
    assert.notInclude(JSON.stringify(body), 'bcrypt')
    assert.isUndefined(response.header('set-cookie'))

    const row = await db.from('users').where('id', body.id).first()
    assert.match(row.password, /^\$bcrypt\$/)
  })

  test('a name that looks like a taken one (Unicode confusables) answers 409; NFKC is stored', async ({
    client,
    assert,
  }) => {
    // Letters only, so each look-alike below differs from it by one character.
    const base = `lookalike${Date.now().toString(36).replace(/\d/g, 'q')}`
    await createUser({ name: base })
    const signup = (name: string) =>
      client.post('/api/v1/user').json({
        name,
        email: `${uniqueName('mail')}@example.com`,
        password: 'secret-pass1',
        password_confirmation: 'secret-pass1',
      })
    const cyrillicA = base.replace('a', '\u0430')
    const fullwidth = [...base]
      .map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0))
      .join('')
    for (const name of [cyrillicA, fullwidth, base.toUpperCase()]) {
      const response = await signup(name)
      response.assertStatus(409)
      assert.equal(response.body().errors[0].field, 'name', name)
    }
    assert.equal(
      (await signup(cyrillicA)).body().errors[0].message,
      'This name looks like one that is already taken'
    )

    const wide = uniqueName('Wide')
    const created = await signup(
      [...wide].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('')
    )
    created.assertStatus(201)
    assert.equal(created.body().name, wide, 'stored as NFKC')
  })

  test('answers 409 naming the field for a taken name or email, ignoring case', async ({
    client,
    assert,
  }) => {
    const existing = await createUser()
    const before = await userCount()

    const byName = await client.post('/api/v1/user').json({
      name: existing.name.toUpperCase(),
      email: `${uniqueName()}@example.com`,
      password: 'secret-pass1',
      password_confirmation: 'secret-pass1',
    })
    byName.assertStatus(409)
    byName.assertBody({
      errors: [{ code: 'E_CONFLICT', message: 'This name is already taken', field: 'name' }],
    })

    const byEmail = await client.post('/api/v1/user').json({
      name: uniqueName(),
      email: existing.email.toUpperCase(),
      password: 'secret-pass1',
      password_confirmation: 'secret-pass1',
    })
    byEmail.assertStatus(409)
    assert.equal(byEmail.body().errors[0].field, 'email')
    assert.equal(await userCount(), before)
  })

  test('concurrent signups with one name create exactly one account', async ({
    client,
    assert,
  }) => {
    const name = uniqueName('race')
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        client.post('/api/v1/user').json({
          name,
          email: `${name}${i}@example.com`,
          password: 'secret-pass1',
          password_confirmation: 'secret-pass1',
        })
      )
    )
    const statuses = responses.map((r) => r.status()).sort()
    assert.equal(statuses.filter((s) => s === 201).length, 1)
    assert.isTrue(statuses.every((s) => s === 201 || s === 409))
    const rows = await db.from('users').where('name', name)
    assert.lengthOf(rows, 1)
  })

  const invalid: [string, Record<string, unknown>, string][] = [
    ['missing fields', {}, 'name'],
    ['name with a space', { name: 'a b' }, 'name'],
    ['name with wildcard characters', { name: 'a%_b' }, 'name'],
    ['name with SQL', { name: "x'; drop table users; --" }, 'name'],
    ['name too long', { name: 'a'.repeat(101) }, 'name'],
    ['name of wrong type', { name: 12345 }, 'name'],
    ['bad email', { email: 'not-an-email' }, 'email'],
    ['short password', { password: 'short', password_confirmation: 'short' }, 'password'],
    [
      'password with spaces',
      { password: 'has spaces 1', password_confirmation: 'has spaces 1' },
      'password',
    ],
    [
      'password too long',
      { password: 'x'.repeat(256), password_confirmation: 'x'.repeat(256) },
      'password',
    ],
    ['confirmation mismatch', { password_confirmation: 'other-pass1' }, 'password_confirmation'],
    ['password as object', { password: { $gt: '' } }, 'password'],
  ]
  for (const [label, override, field] of invalid) {
    test(`answers 422 and writes nothing for ${label}`, async ({ client, assert }) => {
      const before = await userCount()
      const name = uniqueName()
      const payload =
        label === 'missing fields'
          ? {}
          : {
              name,
              email: `${name}@example.com`,
              password: 'secret-pass1',
              password_confirmation: 'secret-pass1',
              ...override,
            }
      const response = await client.post('/api/v1/user').json(payload)
      response.assertStatus(422)
      const errors = response.body().errors
      assert.isArray(errors)
      assert.include(
        errors.map((e: { field: string }) => e.field),
        field
      )
      for (const error of errors) {
        assert.equal(error.code, 'E_VALIDATION_ERROR')
        assert.isString(error.message)
      }
      assert.equal(await userCount(), before)
    })
  }

  test('answers 400 for malformed JSON and 413 for a huge body', async ({ client, assert }) => {
    for (const raw of ['{"name": "abc",', '"just a string"', '\u0000\uffff']) {
      const malformed = await fetch(`${baseUrl()}/api/v1/user`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: raw,
      })
      assert.equal(malformed.status, 400)
      assert.deepEqual(await malformed.json(), {
        errors: [{ code: 'E_BAD_REQUEST', message: 'The request could not be understood' }],
      })
    }

    const huge = await client.post('/api/v1/user').json({ name: 'a'.repeat(2 * 1024 * 1024) })
    huge.assertStatus(413)
    assert.equal(huge.body().errors[0].code, 'E_PAYLOAD_TOO_LARGE')
  })
})

test.group('Signup rate limit per IP', (group) => {
  group.each.setup(() => limiter.clear())

  test('answers 429 with Retry-After past the per-IP limit', async ({ client, assert }) => {
    const { default: env } = await import('#start/env')
    const previous = env.get('RATE_LIMIT_SIGNUP_PER_IP')
    env.set('RATE_LIMIT_SIGNUP_PER_IP', 3)
    try {
      const statuses = []
      for (let i = 0; i < 4; i++) {
        const name = uniqueName('ip')
        const response = await client.post('/api/v1/user').json({
          name,
          email: `${name}@example.com`,
          password: 'secret-pass1',
          password_confirmation: 'secret-pass1',
        })
        statuses.push(response.status())
        if (response.status() === 429) assert.isAbove(Number(response.header('retry-after')), 0)
      }
      assert.deepEqual(statuses, [201, 201, 201, 429])
    } finally {
      env.set('RATE_LIMIT_SIGNUP_PER_IP', previous as number)
    }
  })
})
