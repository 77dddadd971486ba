import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import config from '#accounts/config'
import { RESET_REQUESTED } from '#accounts/controllers/email_link_controller'
import { PASSWORD, createUser, login, signedInUser } from '#tests/helpers/accounts'
import { queuedMailsTo, smtpWorker, tokenIn, waitFor } from '#tests/helpers/mail'
import { startSmtpSink, type SmtpSink } from '#tests/helpers/smtp_sink'
import { runCommand } from '#tests/helpers/ace'

const NEW_PASSWORD = 'brand-new-pass-7'

const emailOf = (name: string) => `${name.toLowerCase()}@example.com`

function reset(client: any, token: string, password = NEW_PASSWORD) {
  return client
    .post('/api/v1/user/password/reset')
    .json({ token, password, password_confirmation: password })
}

/** The reset mail the SMTP server received for `to`. */
function resetMailIn(sink: SmtpSink, to: string) {
  return sink.messages.find((m) => m.envelopeTo[0] === to && m.subject === 'Reset your password')
}

/** Asks for a reset and returns the link's token, read from the queued mail. */
async function askResetToken(client: any, email: string) {
  ;(await client.post('/api/v1/user/password/forgot').json({ email })).assertStatus(202)
  const mail = (await queuedMailsTo(email)).find((m) => m.template === 'accounts::password_reset')
  if (!mail) throw new Error(`no reset mail for ${email}`)
  return tokenIn(mail.text)
}

test.group('Password reset', (group) => {
  group.each.setup(async () => {
    await limiter.clear()
    // Signup verification mails of earlier tests would only slow the workers down.
    await db.from('mail_outbox').delete()
  })

  test('the reset mail, read from a real SMTP server, finishes the reset; every session ends', async ({
    client,
    assert,
    cleanup,
  }) => {
    const sink = await startSmtpSink()
    cleanup(sink.stop)
    const worker = smtpWorker(sink.port)
    cleanup(() => worker.stop())
    worker.start()
    const session = await signedInUser(client)
    const email = emailOf(session.name)
    const apiToken = await client
      .post('/api/v1/user/tokens')
      .headers(session.auth)
      .json({ name: 'bot', abilities: ['read'] })
    apiToken.assertStatus(201)
    const bearer = { authorization: `Bearer ${apiToken.body().token}` }
    ;(await client.get('/api/v1/user/me').headers(bearer)).assertStatus(200)

    const asked = await client.post('/api/v1/user/password/forgot').json({ email })
    asked.assertStatus(202)
    asked.assertBody(RESET_REQUESTED)
    await waitFor(() => resetMailIn(sink, email) !== undefined, 'the reset mail')

    const mail = resetMailIn(sink, email)!
    assert.equal(mail.from?.text, '"Test Board" <board@example.com>')
    const token = tokenIn(mail.text!)
    const link = `${config.get().passwordResetUrl}?token=${token}`
    assert.include(mail.text!, link)
    assert.include(String(mail.html), `href="${link}"`)
    assert.include(mail.text!, 'for 1 hour')
    // Only a hash of the token is stored.
    const stored = await db.from('email_tokens').where('user_id', session.id).first()
    assert.notEqual(stored.token_hash, token)
    assert.lengthOf(stored.token_hash, 64)

    ;(await reset(client, token)).assertStatus(204)
    // Every access token, refresh token and personal API token of the account died at once.
    ;(await client.get('/api/v1/user/me').headers(session.auth)).assertStatus(401)
    ;(await client.get('/api/v1/user/me').headers(bearer)).assertStatus(401)
    ;(
      await client.post('/api/v1/user/token').json({ refresh_token: session.refresh })
    ).assertStatus(401)
    ;(
      await client.post('/api/v1/user/login').json({ username: session.name, password: PASSWORD })
    ).assertStatus(401)
    const fresh = await login(client, session.name, NEW_PASSWORD)
    // Following the link proved the address.
    const me = await client.get('/api/v1/user/me').headers(fresh.auth)
    assert.isTrue(me.body().email_verified)

    const again = await reset(client, token, 'yet-another-pass-1')
    again.assertStatus(400)
    assert.equal(again.body().errors[0].code, 'E_INVALID_TOKEN')
    await login(client, session.name, NEW_PASSWORD)
  }).timeout(30_000)

  test('with the SMTP server down the request still answers 202; the mail arrives once it is back', async ({
    client,
    assert,
    cleanup,
  }) => {
    const sink = await startSmtpSink()
    cleanup(sink.stop)
    const worker = smtpWorker(sink.port, { backoffBaseMs: 100 })
    cleanup(() => worker.stop())
    worker.start()
    const user = await createUser()
    const email = emailOf(user.name)

    await sink.stop()
    const asked = await client.post('/api/v1/user/password/forgot').json({ email })
    asked.assertStatus(202)
    asked.assertBody(RESET_REQUESTED)

    const row = () =>
      db
        .from('mail_outbox')
        .where('recipient', email)
        .where('template', 'accounts::password_reset')
        .first()
    await waitFor(async () => Number((await row())?.attempts ?? 0) >= 2, 'failed attempts')
    const waiting = await row()
    assert.equal(waiting.status, 'pending')
    assert.match(waiting.last_error, /ECONNREFUSED/)
    assert.lengthOf(sink.messages, 0)

    await sink.start()
    await waitFor(() => resetMailIn(sink, email) !== undefined, 'the reset mail after the restart')
    // The worker marks the row once the server has accepted the mail: a moment after it arrives.
    await waitFor(async () => (await row()).status === 'sent', 'the row marked sent')
    ;(await reset(client, tokenIn(resetMailIn(sink, email)!.text!))).assertStatus(204)
    await login(client, user.name, NEW_PASSWORD)
  }).timeout(30_000)

  test('an unknown address gets the same 202 and body, and nothing is queued', async ({
    client,
    assert,
  }) => {
    const email = 'nobody-here@example.com'
    const asked = await client.post('/api/v1/user/password/forgot').json({ email })
    asked.assertStatus(202)
    asked.assertBody(RESET_REQUESTED)
    assert.lengthOf(await queuedMailsTo(email), 0)
    const tokens = await db.from('email_tokens').where('email', email)
    assert.lengthOf(tokens, 0)
  })

  test('blocked accounts get no reset mail (and the same answer)', async ({ client, assert }) => {
    const user = await createUser()
    assert.equal((await runCommand('user:block', [user.name])).exitCode, 0)
    const asked = await client.post('/api/v1/user/password/forgot').json({ email: user.email })
    asked.assertBody(RESET_REQUESTED)
    const mails = await queuedMailsTo(user.email)
    assert.notInclude(
      mails.map((m) => m.template),
      'accounts::password_reset'
    )
  })

  test('spent, expired, forged and verification tokens answer 400 E_INVALID_TOKEN', async ({
    client,
  }) => {
    const user = await createUser()
    const expired = await askResetToken(client, user.email)
    await db
      .from('email_tokens')
      .where('user_id', user.id)
      .where('purpose', 'password_reset')
      .update({ expires_at: '2020-01-01 00:00:00.000' })
    // The signup's verification link is no reset link.
    const verification = tokenIn((await queuedMailsTo(user.email)).at(-1)!.text)
    for (const token of [expired, 'forged-token-0123456789', verification]) {
      const response = await reset(client, token)
      response.assertStatus(400)
      response.assertBody({
        errors: [
          { code: 'E_INVALID_TOKEN', message: 'This link is invalid, already used or expired' },
        ],
      })
    }
    await login(client, user.name, PASSWORD)
  })

  test('a newer reset leaves older links valid until one is used; then all are spent', async ({
    client,
  }) => {
    const user = await createUser()
    const first = await askResetToken(client, user.email)
    const second = await askResetToken(client, user.email)
    ;(await reset(client, first)).assertStatus(204)
    ;(await reset(client, second, 'other-pass-99')).assertStatus(400)
    await login(client, user.name, NEW_PASSWORD)
  })

  test('a reset link dies when the account’s address changes', async ({ client }) => {
    const session = await signedInUser(client)
    const token = await askResetToken(client, emailOf(session.name))
    const newEmail = `moved-${session.name.toLowerCase()}@example.com`
    ;(
      await client.put('/api/v1/user').headers(session.auth).json({ email: newEmail })
    ).assertStatus(200)
    const verify = (await queuedMailsTo(newEmail))[0]
    ;(
      await client.post('/api/v1/user/email/verify').json({ token: tokenIn(verify.text) })
    ).assertStatus(204)
    ;(await reset(client, token)).assertStatus(400)
  })

  test('bad bodies answer 422 with the field', async ({ client, assert }) => {
    const badEmail = await client.post('/api/v1/user/password/forgot').json({ email: 'not-mail' })
    badEmail.assertStatus(422)
    assert.equal(badEmail.body().errors[0].field, 'email')
    const mismatch = await client.post('/api/v1/user/password/reset').json({
      token: 'x',
      password: 'long-enough-1',
      password_confirmation: 'other-thing-1',
    })
    mismatch.assertStatus(422)
    assert.equal(mismatch.body().errors[0].field, 'password_confirmation')
    const weak = await client
      .post('/api/v1/user/password/reset')
      .json({ token: 'x', password: 'short', password_confirmation: 'short' })
    weak.assertStatus(422)
    const noToken = await client
      .post('/api/v1/user/password/reset')
      .json({ password: NEW_PASSWORD, password_confirmation: NEW_PASSWORD })
    noToken.assertStatus(422)
    assert.equal(noToken.body().errors[0].field, 'token')
  })

  test('rate limited per address (429 for any address) and per IP', async ({
    client,
    assert,
    cleanup,
  }) => {
    const user = await createUser()
    const perAddress = config.get().resetPerAddress
    for (let i = 0; i < perAddress; i++) {
      ;(await client.post('/api/v1/user/password/forgot').json({ email: user.email })).assertStatus(
        202
      )
    }
    const limited = await client.post('/api/v1/user/password/forgot').json({ email: user.email })
    limited.assertStatus(429)
    assert.equal(limited.body().errors[0].code, 'E_TOO_MANY_REQUESTS')
    // An unknown address is limited the same way: a 429 tells nothing.
    for (let i = 0; i < perAddress; i++) {
      await client.post('/api/v1/user/password/forgot').json({ email: 'ghost@example.com' })
    }
    ;(
      await client.post('/api/v1/user/password/forgot').json({ email: 'ghost@example.com' })
    ).assertStatus(429)
    assert.lengthOf(
      (await queuedMailsTo(user.email)).filter((m) => m.template === 'accounts::password_reset'),
      perAddress
    )

    await limiter.clear()
    const saved = config.get()
    config.set({ ...saved, resetPerIp: 3 })
    cleanup(() => config.set(saved))
    for (let i = 0; i < 3; i++) await reset(client, `forged-${i}`)
    const perIp = await reset(client, 'forged-x')
    perIp.assertStatus(429)
    assert.exists(perIp.header('retry-after'))
  })
})
