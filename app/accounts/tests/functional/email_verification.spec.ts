import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import config from '#accounts/config'
import { PASSWORD, createUser, login, signedInUser, uniqueName } from '#tests/helpers/accounts'
import { createBoard, createPost } from '#tests/helpers/board'
import { queuedMailsTo, tokenIn } from '#tests/helpers/mail'
import { needsPlugins } from '#tests/helpers/plugins'

const emailOf = (name: string) => `${name.toLowerCase()}@example.com`

/** The token of the newest verification mail queued for `address`. */
async function verificationToken(address: string) {
  const mail = (await queuedMailsTo(address)).find(
    (m) => m.template === 'accounts::email_verification'
  )
  if (!mail) throw new Error(`no verification mail for ${address}`)
  return tokenIn(mail.text)
}

function verify(client: any, token: string) {
  return client.post('/api/v1/user/email/verify').json({ token })
}

function me(client: any, session: { auth: Record<string, string> }) {
  return client.get('/api/v1/user/me').headers(session.auth)
}

test.group('Email verification', (group) => {
  group.each.setup(() => limiter.clear())

  test('signup mails a verification link; following it verifies the address, once', async ({
    client,
    assert,
  }) => {
    const name = uniqueName()
    const signup = await client.post('/api/v1/user').json({
      name,
      email: emailOf(name),
      password: PASSWORD,
      password_confirmation: PASSWORD,
    })
    signup.assertStatus(201)
    assert.isFalse(signup.body().email_verified)

    const [mail] = await queuedMailsTo(emailOf(name))
    assert.equal(mail.subject, 'Confirm your email address')
    assert.include(mail.text, `Please confirm that ${emailOf(name)} is your address`)
    const token = tokenIn(mail.text)
    assert.include(mail.text, `${config.get().emailVerifyUrl}?token=${token}`)
    assert.include(mail.text, 'for 48 hours')

    ;(await verify(client, token)).assertStatus(204)
    const session = await login(client, name)
    assert.isTrue((await me(client, session)).body().email_verified)
    const again = await verify(client, token)
    again.assertStatus(400)
    assert.equal(again.body().errors[0].code, 'E_INVALID_TOKEN')
  })

  test('an expired or forged verification token answers 400 E_INVALID_TOKEN', async ({
    client,
    assert,
  }) => {
    const user = await createUser()
    const token = await verificationToken(user.email)
    await db
      .from('email_tokens')
      .where('user_id', user.id)
      .update({ expires_at: '2020-01-01 00:00:00.000' })
    for (const bad of [token, 'forged-token']) {
      const response = await verify(client, bad)
      response.assertStatus(400)
      assert.equal(response.body().errors[0].code, 'E_INVALID_TOKEN')
    }
    ;(await client.post('/api/v1/user/email/verify').json({})).assertStatus(422)
  })

  test('POST /user/email/verification sends the link again; 409 once verified; limited', async ({
    client,
    assert,
    cleanup,
  }) => {
    const session = await signedInUser(client)
    const email = emailOf(session.name)
    ;(await client.post('/api/v1/user/email/verification')).assertStatus(401)

    const resent = await client.post('/api/v1/user/email/verification').headers(session.auth)
    resent.assertStatus(202)
    assert.equal(resent.body().message, `A verification link is on its way to ${email}`)
    const mails = (await queuedMailsTo(email)).filter(
      (m) => m.template === 'accounts::email_verification'
    )
    assert.lengthOf(mails, 2)
    // Both links work until one is followed.
    ;(await verify(client, tokenIn(mails[1].text))).assertStatus(204)

    const done = await client.post('/api/v1/user/email/verification').headers(session.auth)
    done.assertStatus(409)
    assert.equal(done.body().errors[0].code, 'E_EMAIL_ALREADY_VERIFIED')

    const saved = config.get()
    config.set({ ...saved, verificationPerUser: 2 })
    cleanup(() => config.set(saved))
    const other = await signedInUser(client)
    for (let i = 0; i < 2; i++) {
      ;(await client.post('/api/v1/user/email/verification').headers(other.auth)).assertStatus(202)
    }
    const limited = await client.post('/api/v1/user/email/verification').headers(other.auth)
    limited.assertStatus(429)
    assert.equal(limited.body().errors[0].code, 'E_TOO_MANY_REQUESTS')
  })

  test('an email change waits for the new address’s link; then the old address is told', async ({
    client,
    assert,
  }) => {
    const session = await signedInUser(client)
    const oldEmail = emailOf(session.name)
    const newEmail = `new-${oldEmail}`
    const changed = await client.put('/api/v1/user').headers(session.auth).json({ email: newEmail })
    changed.assertStatus(200)
    assert.equal(changed.body().email, oldEmail)
    assert.equal(changed.body().pending_email, newEmail)

    const [mail] = await queuedMailsTo(newEmail)
    assert.include(mail.text, `You asked to use ${newEmail} for your account`)
    // Until then the old address signs in, the new one does not.
    await login(client, oldEmail)
    ;(
      await client.post('/api/v1/user/login').json({ username: newEmail, password: PASSWORD })
    ).assertStatus(401)

    ;(await verify(client, tokenIn(mail.text))).assertStatus(204)
    const after = (await me(client, session)).body()
    assert.equal(after.email, newEmail)
    assert.isNull(after.pending_email)
    assert.isTrue(after.email_verified)
    await login(client, newEmail)
    ;(
      await client.post('/api/v1/user/login').json({ username: oldEmail, password: PASSWORD })
    ).assertStatus(401)
    const [notice] = await queuedMailsTo(oldEmail)
    assert.equal(notice.template, 'accounts::email_changed')
    assert.include(notice.text, `The email address of your account is now ${newEmail}`)
  })

  test('asking for the current address cancels a pending change; its link then fails', async ({
    client,
    assert,
  }) => {
    const session = await signedInUser(client)
    const newEmail = `other-${emailOf(session.name)}`
    ;(
      await client.put('/api/v1/user').headers(session.auth).json({ email: newEmail })
    ).assertStatus(200)
    const token = await verificationToken(newEmail)
    // The same pending address again sends nothing new.
    ;(
      await client.put('/api/v1/user').headers(session.auth).json({ email: newEmail })
    ).assertStatus(200)
    assert.lengthOf(await queuedMailsTo(newEmail), 1)

    const cancelled = await client
      .put('/api/v1/user')
      .headers(session.auth)
      .json({ email: emailOf(session.name) })
    assert.isNull(cancelled.body().pending_email)
    ;(await verify(client, token)).assertStatus(400)
    assert.equal((await me(client, session)).body().email, emailOf(session.name))
  })

  test('two accounts ask for one address: the first to verify gets it, the other gets 409', async ({
    client,
    assert,
  }) => {
    const first = await signedInUser(client)
    const second = await signedInUser(client)
    const wanted = `shared-${uniqueName()}@example.com`
    for (const session of [first, second]) {
      ;(
        await client.put('/api/v1/user').headers(session.auth).json({ email: wanted })
      ).assertStatus(200)
    }
    const mails = await queuedMailsTo(wanted)
    assert.lengthOf(mails, 2)
    // Newest first: the second account's link, then the first's.
    ;(await verify(client, tokenIn(mails[1].text))).assertStatus(204)
    const late = await verify(client, tokenIn(mails[0].text))
    late.assertStatus(409)
    assert.equal(late.body().errors[0].field, 'email')
    assert.equal((await me(client, first)).body().email, wanted)
    assert.equal((await me(client, second)).body().pending_email, wanted)
    // Now taken: asking for it again is refused at once.
    ;(await client.put('/api/v1/user').headers(second.auth).json({ email: wanted })).assertStatus(
      409
    )
  })

  test('email changes count against the hourly verification limit', async ({ client, cleanup }) => {
    const saved = config.get()
    config.set({ ...saved, verificationPerUser: 1 })
    cleanup(() => config.set(saved))
    const session = await signedInUser(client)
    ;(
      await client
        .put('/api/v1/user')
        .headers(session.auth)
        .json({ email: `a-${emailOf(session.name)}` })
    ).assertStatus(200)
    ;(
      await client
        .put('/api/v1/user')
        .headers(session.auth)
        .json({ email: `b-${emailOf(session.name)}` })
    ).assertStatus(429)
  })

  test('deleting the account erases the pending address and the links', async ({
    client,
    assert,
  }) => {
    const session = await signedInUser(client)
    ;(
      await client
        .put('/api/v1/user')
        .headers(session.auth)
        .json({ email: `gone-${emailOf(session.name)}` })
    ).assertStatus(200)
    ;(
      await client.delete('/api/v1/user').headers(session.auth).json({ current_password: PASSWORD })
    ).assertStatus(204)
    const row = await db.from('users').where('id', session.id).first()
    assert.isNull(row.pending_email)
    assert.lengthOf(await db.from('email_tokens').where('user_id', session.id), 0)
  })
})

test.group('REQUIRE_VERIFIED_EMAIL', (group) => {
  group.each.setup(() => limiter.clear())

  test('on: posting, commenting and voting answer 403 E_EMAIL_NOT_VERIFIED until verified', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { category } = await createBoard()
    const verifiedAuthor = await signedInUser(client)
    ;(await verify(client, await verificationToken(emailOf(verifiedAuthor.name)))).assertStatus(204)
    const post = await createPost(client, verifiedAuthor, category)

    const saved = config.get()
    config.set({ ...saved, requireVerifiedEmail: true })
    cleanup(() => config.set(saved))
    const session = await signedInUser(client)
    const attempts = [
      () =>
        client
          .post(`/api/v1/board/${category}`)
          .headers(session.auth)
          .json({ title: 'Hi', content: 'Body' }),
      () =>
        client
          .post(`/api/v1/post/${post.id}/comment`)
          .headers(session.auth)
          .json({ content: 'Hi' }),
      () => client.post(`/api/v1/post/${post.id}/vote`).headers(session.auth),
    ]
    for (const attempt of attempts) {
      const refused = await attempt()
      refused.assertStatus(403)
      assert.equal(refused.body().errors[0].code, 'E_EMAIL_NOT_VERIFIED')
    }
    // Reading stays open, and the verified author goes on posting.
    ;(await client.get(`/api/v1/post/${post.id}`)).assertStatus(200)
    await createPost(client, verifiedAuthor, category)

    ;(await verify(client, await verificationToken(emailOf(session.name)))).assertStatus(204)
    ;(await attempts[0]()).assertStatus(201)
    ;(await attempts[1]()).assertStatus(201)
    ;(await attempts[2]()).assertStatus(200)
  }).skip(...needsPlugins('board'))

  test('off (the default): unverified accounts post', async ({ client, assert }) => {
    assert.isFalse(config.get().requireVerifiedEmail)
    const { category } = await createBoard()
    const session = await signedInUser(client)
    assert.isFalse((await me(client, session)).body().email_verified)
    await createPost(client, session, category)
  }).skip(...needsPlugins('board'))
})
