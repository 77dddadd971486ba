import { test } from '@japa/runner'
import { randomBytes } from 'node:crypto'
import { readdir, readFile, rm } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { createUser, uniqueName } from '#tests/helpers/accounts'
import { startServer } from '#tests/helpers/server_process'
import { tokenIn, waitFor } from '#tests/helpers/mail'

/*
 * bin/server.ts in production mode as a child process, as a container runs
 * it: its own outbox worker (started by the mail plugin's provider), its
 * real JSON log, and a client that is another process.
 */

const json = { 'content-type': 'application/json' }

function post(url: string, body: unknown) {
  return fetch(url, { method: 'POST', headers: json, body: JSON.stringify(body) })
}

test.group('Email against a production server process', () => {
  test('the web process’s worker writes mail under MAIL_FILE_DIR; its log line names the file, never the token', async ({
    assert,
    cleanup,
  }) => {
    const directory = `tmp/mail-web-${randomBytes(4).toString('hex')}`
    cleanup(() => rm(app.makePath(directory), { recursive: true, force: true }))
    const server = await startServer({
      MAIL_WORKER: 'true',
      MAIL_FILE_DIR: directory,
      MAIL_POLL_INTERVAL_MS: '50',
    })
    cleanup(() => server.kill())

    const name = uniqueName('web')
    const email = `${name.toLowerCase()}@example.com`
    const signup = await post(`${server.url}/api/v1/user`, {
      name,
      email,
      password: 'web-pass-123',
      password_confirmation: 'web-pass-123',
    })
    assert.equal(signup.status, 201)

    // Other tests' mails still pending in the database go out too: find this one.
    const mailFor = async () => {
      const files = await readdir(app.makePath(directory)).catch(() => [] as string[])
      for (const candidate of files.filter((entry) => entry.endsWith('.txt'))) {
        const body = await readFile(app.makePath(directory, candidate), 'utf8')
        if (body.includes(`To: ${name} <${email}>`)) return { file: candidate, text: body }
      }
    }
    await waitFor(async () => (await mailFor()) !== undefined, 'the mail file', 15_000)
    const { file, text } = (await mailFor())!
    assert.include(text, 'Subject: Confirm your email address')
    const token = tokenIn(text)

    const verified = await post(`${server.url}/api/v1/user/email/verify`, { token })
    assert.equal(verified.status, 204)
    const row = await db.from('users').where('email', email).first()
    assert.isNotNull(row.email_verified_at)

    assert.equal(await server.stop(), 0)
    const log = server.stdout()
    const line = log.split('\n').find((entry) => entry.includes(file.replace(/\.txt$/, '.eml')))
    assert.exists(line, log)
    assert.include(line!, 'mail written to')
    assert.include(line!, '"template":"accounts::email_verification"')
    assert.notInclude(log, token)
    assert.notInclude(log + server.stderr(), email)
  }).timeout(60_000)

  test('“forgot password” answers before the account’s work: with the tables locked, a known address still answers at once', async ({
    assert,
    cleanup,
  }) => {
    const server = await startServer({ MAIL_WORKER: 'false' })
    cleanup(() => server.kill())
    const user = await createUser()
    const queued = () =>
      db
        .from('mail_outbox')
        .where('recipient', user.email)
        .where('template', 'accounts::password_reset')

    // Another connection holds the tables the reset writes (the token, the mail) for 1.5 s.
    let answeredIn = 0
    await db.transaction(async (trx) => {
      if (trx.dialect.name === 'mysql') await trx.rawQuery('LOCK TABLES email_tokens WRITE')
      // SQLite: a write takes the database's one write lock until the transaction ends.
      else await trx.from('email_tokens').where('id', 0).delete()

      const started = performance.now()
      const response = await post(`${server.url}/api/v1/user/password/forgot`, {
        email: user.email,
      })
      answeredIn = performance.now() - started
      assert.equal(response.status, 202)
      await new Promise((resolve) => setTimeout(resolve, 1500))
      if (trx.dialect.name === 'mysql') await trx.rawQuery('UNLOCK TABLES')
    })
    // Had the lookup and the writes run before the answer, it would have waited for the lock.
    assert.isBelow(answeredIn, 1000)
    await waitFor(async () => (await queued()).length === 1, 'the reset mail, once unlocked')
  }).timeout(60_000)
})
