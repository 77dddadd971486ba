import { test } from '@japa/runner'
import { spawnSync } from 'node:child_process'
import app from '@adonisjs/core/services/app'

/** Boots the app for an Ace command with extra variables; its exit code and output. */
function boot(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['ace', 'mail:outbox', '--limit=1'], {
    cwd: app.makePath(),
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  })
  return { status: result.status, output: result.stdout + result.stderr }
}

test.group('Mail settings at boot', () => {
  test('smtp without a host or a sender, or a malformed sender, stops the boot naming the field', ({
    assert,
  }) => {
    const noHost = boot({ MAIL_MAILER: 'smtp', MAIL_FROM: 'Board <board@example.com>' })
    assert.equal(noHost.status, 1)
    assert.match(noHost.output, /Plugin "mail": invalid config field "smtpHost": /)
    assert.notInclude(noHost.output, ' at ')

    const noSender = boot({ MAIL_MAILER: 'smtp', SMTP_HOST: 'smtp.example.com' })
    assert.equal(noSender.status, 1)
    assert.match(noSender.output, /Plugin "mail": invalid config field "from": /)

    const badSender = boot({ MAIL_FROM: 'Board <board>' })
    assert.equal(badSender.status, 1)
    assert.include(badSender.output, 'Use "address@example.com" or "Name <address@example.com>"')

    const badTtl = boot({ PASSWORD_RESET_TTL: 'soon' })
    assert.equal(badTtl.status, 1)
    assert.match(badTtl.output, /Plugin "accounts": invalid config field "passwordResetTtl": /)

    const ok = boot({
      MAIL_MAILER: 'smtp',
      SMTP_HOST: 'smtp.example.com',
      MAIL_FROM: 'Board <board@example.com>',
    })
    assert.equal(ok.status, 0, ok.output)
  }).timeout(90_000)
})
