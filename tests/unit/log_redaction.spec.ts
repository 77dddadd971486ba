import { test } from '@japa/runner'
import { Writable } from 'node:stream'
import { Logger } from '@adonisjs/core/logger'
import loggerConfig from '#config/logger'

/** The app logger's settings (level, redaction), writing into an array. */
function captureLogger() {
  const lines: string[] = []
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString())
      done()
    },
  })
  const logger = new Logger({ ...loggerConfig.loggers.app, level: 'info', destination })
  return { logger, output: () => lines.join('') }
}

test.group('Log redaction', () => {
  test('credentials are censored wherever a logged object carries them', ({ assert }) => {
    const { logger, output } = captureLogger()
    logger.info({ password: 'pw-top-secret', access_token: 'at-secret', token: 'tk-secret' }, 'a')
    logger.info(
      {
        body: {
          password: 'pw-body-secret',
          current_password: 'pw-current-secret',
          password_confirmation: 'pw-confirm-secret',
          refresh_token: 'rt-secret',
        },
      },
      'b'
    )
    logger.info({ req: { headers: { authorization: 'Bearer hdr-secret', cookie: 'c=ck-secret' } } })
    logger.info({ headers: { authorization: 'Bearer hdr2-secret', cookie: 'c=ck2-secret' } })
    logger.info({ res: { headers: { 'set-cookie': 'session=sc-secret' } } })

    const text = output()
    for (const secret of [
      'pw-top-secret',
      'at-secret',
      'tk-secret',
      'pw-body-secret',
      'pw-current-secret',
      'pw-confirm-secret',
      'rt-secret',
      'hdr-secret',
      'ck-secret',
      'hdr2-secret',
      'ck2-secret',
      'sc-secret',
    ]) {
      assert.notInclude(text, secret)
    }
    assert.equal(text.match(/\[redacted\]/g)?.length, 12)
  })

  test('lines are JSON with an ISO time', ({ assert }) => {
    const { logger, output } = captureLogger()
    logger.info({ route: '/x' }, 'hello')
    const line = JSON.parse(output())
    assert.match(line.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    assert.equal(line.msg, 'hello')
  })
})
