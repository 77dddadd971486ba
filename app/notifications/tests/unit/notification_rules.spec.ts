import { test } from '@japa/runner'
import { signUnsubscribe, verifyUnsubscribe } from '#notifications/domain/unsubscribe_token'
import { decodeCursor, encodeCursor } from '#notifications/domain/cursor'
import { describe } from '#notifications/domain/describe'
import { DEFAULT_CHANNELS, NOTIFICATION_KINDS } from '#notifications/domain/notification_kinds'

test.group('Notification rules', () => {
  test('unsubscribe tokens verify only with their key, untouched', ({ assert }) => {
    const token = signUnsubscribe(42, 'key-one')
    assert.equal(verifyUnsubscribe(token, 'key-one'), 42)
    assert.isNull(verifyUnsubscribe(token, 'key-two'))
    const [body, mac] = token.split('.')
    const other = Buffer.from(JSON.stringify({ u: 43 })).toString('base64url')
    assert.isNull(verifyUnsubscribe(`${other}.${mac}`, 'key-one'))
    assert.isNull(verifyUnsubscribe(`${body}.${mac}.x`, 'key-one'))
    assert.isNull(verifyUnsubscribe('nonsense', 'key-one'))
  })

  test('cursors round-trip; foreign ones are refused', ({ assert }) => {
    assert.equal(decodeCursor(encodeCursor(1234)), 1234)
    assert.isNull(decodeCursor('bm9wZQ'))
    assert.isNull(decodeCursor('not a cursor!'))
  })

  test('every kind has a default channel and a digest line', ({ assert }) => {
    for (const kind of NOTIFICATION_KINDS) {
      assert.include(['off', 'app', 'email'], DEFAULT_CHANNELS[kind])
      assert.notInclude(describe(kind, 'anna', { title: 'T', action: 'post_deleted' }), 'undefined')
    }
    assert.equal(
      describe('moderation', 'mod', { title: 'T', action: 'post_deleted' }),
      'A moderator deleted your post "T"'
    )
    assert.equal(describe('mention', null, { title: 'T' }), 'Someone mentioned you in "T"')
  })
})
