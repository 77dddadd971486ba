import { test } from '@japa/runner'
import { randomBytes } from 'node:crypto'
import { readdir, readFile, rm } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { queueMail, queueMails } from '#mail/public'
import { sqlTime } from '#core/database/sql_now'
import { startSmtpSink } from '#tests/helpers/smtp_sink'
import { fileWorker, queuedMailsTo, smtpWorker, waitFor } from '#tests/helpers/mail'

const address = () => `m${randomBytes(5).toString('hex')}@example.com`

function testMail(to: string, data: Record<string, unknown> = {}) {
  return {
    to,
    subject: 'Test mail',
    template: 'mail::test_mail',
    data: { sentAt: 'now', ...data },
  }
}

function rowsTo(recipient: string) {
  return db.from('mail_outbox').where('recipient', recipient).orderBy('id')
}

test.group('Mail outbox', (group) => {
  group.each.teardown(async () => {
    await db.from('mail_outbox').delete()
  })

  test('queueMail joins the caller’s transaction: nothing on rollback, one row on commit', async ({
    assert,
  }) => {
    const to = address()
    await assert.rejects(() =>
      db.transaction(async (trx) => {
        await queueMail(testMail(to), { client: trx })
        throw new Error('rolled back')
      })
    )
    assert.lengthOf(await rowsTo(to), 0)

    const { id } = await db.transaction((trx) => queueMail(testMail(to), { client: trx }))
    const [row] = await rowsTo(to)
    assert.equal(Number(row.id), id)
    assert.equal(row.status, 'pending')
    assert.equal(row.template, 'mail::test_mail')
    assert.equal(row.subject, 'Test mail')
    // The rendered body is stored encrypted, and holds both parts.
    assert.notInclude(row.message_encrypted, 'It works')
    const [mail] = await queuedMailsTo(to)
    assert.include(mail.text, 'It works')
    assert.include(mail.html, '<h1')
    assert.notInclude(mail.text, '<')
  })

  test('the worker sends through SMTP: both parts, the sender, one Message-ID; the body is then erased', async ({
    assert,
    cleanup,
  }) => {
    const sink = await startSmtpSink()
    cleanup(sink.stop)
    const to = address()
    await queueMail({ ...testMail(to), to: { address: to, name: 'Ann Example' } })
    const worker = smtpWorker(sink.port)
    assert.equal(await worker.tick(), 1)

    assert.lengthOf(sink.messages, 1)
    const [message] = sink.messages
    assert.deepEqual(message.envelopeTo, [to])
    assert.equal(message.from?.text, '"Test Board" <board@example.com>')
    assert.equal(
      message.to && !Array.isArray(message.to) ? message.to.text : '',
      `"Ann Example" <${to}>`
    )
    assert.equal(message.subject, 'Test mail')
    assert.include(message.text, 'It works')
    assert.include(String(message.html), '<h1')
    assert.match(String(message.messageId), /^<[\w-]+@[\w.-]+>$/)

    const [row] = await rowsTo(to)
    assert.equal(row.status, 'sent')
    assert.equal(Number(row.attempts), 1)
    assert.isNull(row.message_encrypted)
    assert.isNull(row.lock_token)
    assert.isNotNull(row.sent_at)
  })

  test('SMTP login: the worker signs in with SMTP_USERNAME and SMTP_PASSWORD', async ({
    assert,
    cleanup,
  }) => {
    const sink = await startSmtpSink({ login: { user: 'mailer', pass: 's3cret-pass' } })
    cleanup(sink.stop)
    const to = address()
    await queueMail(testMail(to))

    await smtpWorker(sink.port, { smtpUsername: 'mailer', smtpPassword: 'wrong' }).tick()
    let [row] = await rowsTo(to)
    assert.equal(row.status, 'pending')
    assert.match(row.last_error, /^EAUTH/)
    assert.lengthOf(sink.messages, 0)

    // A rejected login is the operator's to fix, so the mail waits for the next attempt.
    await db.from('mail_outbox').where('id', row.id).update({ next_attempt_at: sqlTime() })
    await smtpWorker(sink.port, { smtpUsername: 'mailer', smtpPassword: 's3cret-pass' }).tick()
    ;[row] = await rowsTo(to)
    assert.equal(row.status, 'sent')
    assert.equal(sink.messages[0].user, 'mailer')
  })

  test('a refused recipient is dead at once; a server that is down is retried with backoff', async ({
    assert,
    cleanup,
  }) => {
    const refused = address()
    const sink = await startSmtpSink({ refuse: [refused] })
    cleanup(sink.stop)
    await queueMail(testMail(refused))
    const worker = smtpWorker(sink.port)
    await worker.tick()
    const [dead] = await rowsTo(refused)
    assert.equal(dead.status, 'dead')
    assert.equal(Number(dead.attempts), 1)
    assert.match(dead.last_error, /^EENVELOPE: 550/)

    await sink.stop()
    const later = address()
    await queueMail(testMail(later))
    cleanup(() => worker.stop())
    worker.start()
    await waitFor(async () => Number((await rowsTo(later))[0].attempts) >= 2, 'two failed attempts')
    const [waiting] = await rowsTo(later)
    assert.equal(waiting.status, 'pending')
    assert.match(waiting.last_error, /ECONNREFUSED/)

    await sink.start()
    await waitFor(async () => (await rowsTo(later))[0].status === 'sent', 'the mail to be sent')
    assert.deepEqual(
      sink.messages.map((m) => m.envelopeTo[0]),
      [later]
    )
  })

  test('a mail is dead after MAIL_MAX_ATTEMPTS failures', async ({ assert, cleanup }) => {
    const sink = await startSmtpSink()
    const port = sink.port
    await sink.stop()
    const to = address()
    await queueMail(testMail(to))
    const worker = smtpWorker(port, { maxAttempts: 2, backoffBaseMs: 10 })
    cleanup(() => worker.stop())
    worker.start()
    await waitFor(async () => (await rowsTo(to))[0].status === 'dead', 'the mail to die')
    assert.equal(Number((await rowsTo(to))[0].attempts), 2)
  })

  test('several workers (instances) share the outbox: every mail is sent exactly once', async ({
    assert,
    cleanup,
  }) => {
    const sink = await startSmtpSink()
    cleanup(sink.stop)
    const recipients = Array.from({ length: 30 }, address)
    assert.equal(await queueMails(recipients.map((to) => testMail(to))), 30)

    const workers = [smtpWorker(sink.port), smtpWorker(sink.port), smtpWorker(sink.port)]
    // They poll at the same moments and race for the same rows.
    for (let round = 0; round < 10; round++) {
      await Promise.all(workers.map((worker) => worker.tick()))
    }
    const sent = sink.messages.map((m) => m.envelopeTo[0]).sort()
    assert.deepEqual(sent, [...recipients].sort())
    assert.equal(new Set(sink.messages.map((m) => m.messageId)).size, 30)
    const pending = await db.from('mail_outbox').whereNot('status', 'sent').count('* as n').first()
    assert.equal(Number(pending.n), 0)
  })

  test('a crashed instance’s claim expires and another worker sends the mail', async ({
    assert,
    cleanup,
  }) => {
    const sink = await startSmtpSink()
    cleanup(sink.stop)
    const to = address()
    await queueMail(testMail(to))
    const crashed = smtpWorker(sink.port)
    const [claimed] = await crashed.claim()
    assert.exists(claimed)

    const other = smtpWorker(sink.port)
    assert.equal(await other.tick(), 0, 'the lease still holds')
    const leaseEnds = new Date((await rowsTo(to))[0].locked_until).getTime()
    assert.equal(await other.tick(Date.now() + 60_000), 1)
    assert.isAbove(Date.now() + 60_000, leaseEnds)
    assert.lengthOf(sink.messages, 1)
    assert.equal((await rowsTo(to))[0].status, 'sent')
  })

  test('a mail whose body cannot be decrypted (APP_KEY changed) is dead, not retried', async ({
    assert,
  }) => {
    const to = address()
    await queueMail(testMail(to))
    await db.from('mail_outbox').where('recipient', to).update({ message_encrypted: 'garbage' })
    await fileWorker('tmp/mail-test').tick()
    const [row] = await rowsTo(to)
    assert.equal(row.status, 'dead')
    assert.match(row.last_error, /APP_KEY/)
  })

  test('the file mailer writes an .eml and a readable .txt per mail, readable by the app only', async ({
    assert,
    cleanup,
  }) => {
    const directory = `tmp/mail-test-${randomBytes(4).toString('hex')}`
    cleanup(() => rm(app.makePath(directory), { recursive: true, force: true }))
    const to = address()
    await queueMail(testMail(to, { sentAt: 'a moment & more' }))
    assert.equal(await fileWorker(directory).tick(), 1)

    const files = (await readdir(app.makePath(directory))).sort()
    assert.lengthOf(files, 2)
    assert.match(files[0], /\.eml$/)
    assert.match(files[1], /\.txt$/)
    const text = await readFile(app.makePath(directory, files[1]), 'utf8')
    assert.include(text, `To: ${to}`)
    assert.include(text, 'Subject: Test mail')
    assert.include(text, 'From: boardcms <no-reply@localhost>')
    // Plain text prints values raw: no HTML escaping.
    assert.include(text, 'at a moment & more.')
    const eml = await readFile(app.makePath(directory, files[0]), 'utf8')
    assert.include(eml, 'Content-Type: multipart/alternative')
    const { mode } = await import('node:fs/promises').then((fs) =>
      fs.stat(app.makePath(directory, files[0]))
    )
    assert.equal(mode & 0o777, 0o600)
    assert.equal((await rowsTo(to))[0].status, 'sent')
  })

  test('sent and dead mails are deleted after the retention period; pending ones stay', async ({
    assert,
  }) => {
    const [oldSent, oldDead, oldPending, recent] = [address(), address(), address(), address()]
    for (const to of [oldSent, oldDead, oldPending, recent]) await queueMail(testMail(to))
    const longAgo = sqlTime(Date.now() - 15 * 86_400_000)
    await db
      .from('mail_outbox')
      .where('recipient', oldSent)
      .update({ status: 'sent', updated_at: longAgo })
    await db
      .from('mail_outbox')
      .where('recipient', oldDead)
      .update({ status: 'dead', updated_at: longAgo })
    await db.from('mail_outbox').where('recipient', oldPending).update({ updated_at: longAgo })
    await db.from('mail_outbox').where('recipient', recent).update({ status: 'sent' })

    await fileWorker('tmp/mail-test').prune()
    const left = await db.from('mail_outbox').select('recipient')
    assert.sameMembers(
      left.map((row) => row.recipient),
      [oldPending, recent]
    )
  })
})
