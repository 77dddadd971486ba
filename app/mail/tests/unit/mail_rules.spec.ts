import { test } from '@japa/runner'
import { parseMailbox, recipient } from '#mail/domain/mailbox'
import { sendFailure } from '#mail/domain/send_failure'
import { tidyText } from '#mail/services/mail_templates'

test.group('Mail rules', () => {
  test('MAIL_FROM is an address or "Name <address>"', ({ assert }) => {
    assert.deepEqual(parseMailbox('no-reply@example.com'), { address: 'no-reply@example.com' })
    assert.deepEqual(parseMailbox('Example Board <board@example.com>'), {
      address: 'board@example.com',
      name: 'Example Board',
    })
    assert.deepEqual(parseMailbox('"Quoted, Name" <a@b.c>'), {
      address: 'a@b.c',
      name: 'Quoted, Name',
    })
    assert.deepEqual(parseMailbox('<a@b.c>'), { address: 'a@b.c' })
    for (const bad of ['', 'board', 'Board <board>', 'a@b.c, d@e.f', 'Name <a@b.c', 'a b@c.d']) {
      assert.isNull(parseMailbox(bad), bad)
    }
    assert.equal(recipient({ address: 'a@b.c' }), 'a@b.c')
    assert.deepEqual(recipient({ address: 'a@b.c', name: 'A' }), { address: 'a@b.c', name: 'A' })
  })

  test('a 5xx refusal of the recipient or message is permanent; the rest is retried', ({
    assert,
  }) => {
    const refused = sendFailure({
      code: 'EENVELOPE',
      responseCode: 550,
      response: '550 5.1.1 No such mailbox\nmore',
    })
    assert.deepEqual(refused, { permanent: true, error: 'EENVELOPE: 550 5.1.1 No such mailbox' })
    assert.isFalse(
      sendFailure({ code: 'EENVELOPE', responseCode: 452, response: '452 full' }).permanent
    )
    assert.isFalse(sendFailure({ code: 'EAUTH', responseCode: 535, response: '535 no' }).permanent)
    const refusedConnection = sendFailure(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ESOCKET' })
    )
    assert.deepEqual(refusedConnection, {
      permanent: false,
      error: 'ESOCKET: connect ECONNREFUSED 127.0.0.1:25',
    })
    assert.equal(sendFailure(undefined).error, 'Error')
    assert.lengthOf(sendFailure({ message: 'x'.repeat(2000) }).error, 500)
  })

  test('plain-text bodies lose the blank lines and trailing spaces template tags leave', ({
    assert,
  }) => {
    assert.equal(tidyText('\n\nHello  \n\n\n\nLink\n   \n'), 'Hello\n\nLink\n')
  })
})
