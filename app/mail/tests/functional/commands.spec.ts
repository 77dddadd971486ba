import { test } from '@japa/runner'
import { randomBytes } from 'node:crypto'
import { readdir, rm } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import config from '#mail/config'
import { queueMail } from '#mail/public'
import { runCommand } from '#tests/helpers/ace'
import { startSmtpSink } from '#tests/helpers/smtp_sink'

/** Runs `body` with the mail settings changed, then puts them back. */
async function withSettings(
  changes: Partial<ReturnType<typeof config.get>>,
  body: () => Promise<void>
) {
  const saved = config.get()
  config.set({ ...saved, ...changes })
  try {
    await body()
  } finally {
    config.set(saved)
  }
}

test.group('Ace mail commands', (group) => {
  group.each.teardown(async () => {
    await db.from('mail_outbox').delete()
  })

  test('mail:send-test writes the mail at once with the file mailer', async ({
    assert,
    cleanup,
  }) => {
    const directory = `tmp/mail-cmd-${randomBytes(4).toString('hex')}`
    cleanup(() => rm(app.makePath(directory), { recursive: true, force: true }))
    await withSettings({ mailer: 'file', directory }, async () => {
      const result = await runCommand('mail:send-test', ['operator@example.com'])
      assert.equal(result.exitCode, 0, result.output)
      assert.include(result.output, `Written to ${directory}/`)
    })
    const files = await readdir(app.makePath(directory))
    assert.lengthOf(
      files.filter((name) => name.endsWith('.eml')),
      1
    )
  })

  test('mail:send-test delivers through SMTP, and exits 1 with the reason when the server is down', async ({
    assert,
    cleanup,
  }) => {
    const sink = await startSmtpSink()
    cleanup(sink.stop)
    const smtp = {
      mailer: 'smtp' as const,
      smtpHost: '127.0.0.1',
      smtpPort: sink.port,
      from: 'Board <board@example.com>',
    }
    await withSettings(smtp, async () => {
      const sent = await runCommand('mail:send-test', ['operator@example.com'])
      assert.equal(sent.exitCode, 0, sent.output)
      assert.include(sent.output, `Sent through 127.0.0.1:${sink.port}`)
      assert.lengthOf(sink.messages, 1)
      assert.equal(sink.messages[0].subject, 'boardcms test mail')
      assert.deepEqual(sink.messages[0].envelopeTo, ['operator@example.com'])

      await sink.stop()
      const failed = await runCommand('mail:send-test', ['operator@example.com'])
      assert.equal(failed.exitCode, 1)
      assert.match(failed.output, /Not sent: \w+: .*ECONNREFUSED/)
    })
    // Sent now, not queued.
    assert.lengthOf(await db.from('mail_outbox'), 0)
  })

  test('mail:send-test --queue puts it in the outbox; a bad address exits 1', async ({
    assert,
  }) => {
    const queued = await runCommand('mail:send-test', ['operator@example.com', '--queue'])
    assert.equal(queued.exitCode, 0, queued.output)
    const [row] = await db.from('mail_outbox')
    assert.equal(row.recipient, 'operator@example.com')
    assert.equal(row.template, 'mail::test_mail')
    assert.include(queued.output, `outbox mail ${row.id}`)

    const bad = await runCommand('mail:send-test', ['not-an-address'])
    assert.equal(bad.exitCode, 1)
    assert.lengthOf(await db.from('mail_outbox'), 1)
  })

  test('mail:outbox lists the mails with their status, filters by status, refuses an unknown one', async ({
    assert,
  }) => {
    const { id: pendingId } = await queueMail({
      to: 'pending@example.com',
      subject: 'Waiting',
      template: 'mail::test_mail',
      data: { sentAt: 'now' },
    })
    const { id: deadId } = await queueMail({
      to: 'dead@example.com',
      subject: 'Gave up',
      template: 'mail::test_mail',
      data: { sentAt: 'now' },
    })
    await db
      .from('mail_outbox')
      .where('id', deadId)
      .update({ status: 'dead', attempts: 10, last_error: 'EENVELOPE: 550 No such mailbox' })

    const all = await runCommand('mail:outbox', [])
    assert.equal(all.exitCode, 0)
    assert.include(all.output, 'pending@example.com')
    assert.include(all.output, 'dead@example.com')
    assert.include(all.output, 'EENVELOPE: 550 No such mailbox')
    assert.include(all.output, '2 shown; 1 pending, 0 sent, 1 dead')

    const dead = await runCommand('mail:outbox', ['--status=dead'])
    assert.equal(dead.exitCode, 0)
    assert.include(dead.output, 'dead@example.com')
    assert.notInclude(dead.output, 'pending@example.com')
    assert.notInclude(dead.output, `│ ${pendingId} `)

    assert.equal((await runCommand('mail:outbox', ['--status=bogus'])).exitCode, 1)
  })
})
