import { test } from '@japa/runner'
import { createHmac } from 'node:crypto'
import { backoffDelay } from '#core/queue/backoff_delay'
import { signPayload, verifySignature } from '#webhooks/domain/signature'
import { webhookUrlProblem } from '#webhooks/domain/webhook_url'
import { subscribesTo } from '#webhooks/domain/webhook_events'
import { isPublicAddress } from '#webhooks/domain/target_address'

test.group('Webhook rules', () => {
  test('only public unicast addresses are webhook targets', ({ assert }) => {
    for (const address of [
      '127.0.0.1',
      '127.1.2.3',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      '::ffff:127.0.0.1',
      '::ffff:169.254.169.254',
      'fd00::1',
      'fe80::1',
      'not an address',
    ]) {
      assert.isFalse(isPublicAddress(address), address)
    }
    for (const address of ['8.8.8.8', '93.184.216.34', '2606:4700:4700::1111']) {
      assert.isTrue(isPublicAddress(address), address)
    }
  })

  test('the signature is HMAC-SHA256 over "timestamp.body", hex, prefixed', ({ assert }) => {
    const body = '{"event":"post:created"}'
    const expected = createHmac('sha256', 's3cret').update(`1700000000.${body}`).digest('hex')
    assert.equal(signPayload('s3cret', 1700000000, body), `sha256=${expected}`)
    assert.isTrue(verifySignature('s3cret', 1700000000, body, `sha256=${expected}`))
    assert.isFalse(verifySignature('s3cret', 1700000001, body, `sha256=${expected}`))
    assert.isFalse(verifySignature('s3cret', 1700000000, `${body} `, `sha256=${expected}`))
    assert.isFalse(verifySignature('s3cret', 1700000000, body, 'sha256=short'))
  })

  test('backoff doubles from the base, is capped, and jitters within bounds', ({ assert }) => {
    const fixed = { baseMs: 1000, jitter: 0 }
    assert.deepEqual(
      [1, 2, 3, 4].map((n) => backoffDelay(n, fixed)),
      [1000, 2000, 4000, 8000]
    )
    assert.equal(backoffDelay(40, { ...fixed, maxMs: 60_000 }), 60_000)
    assert.equal(backoffDelay(1, { baseMs: 1000, random: () => 0 }), 800)
    assert.equal(backoffDelay(1, { baseMs: 1000, random: () => 1 }), 1200)
  })

  test('only absolute http(s) URLs without credentials', ({ assert }) => {
    assert.isNull(webhookUrlProblem('https://example.com/hook?x=1'))
    assert.isNull(webhookUrlProblem('http://127.0.0.1:8080/'))
    assert.equal(webhookUrlProblem('ftp://example.com'), 'The URL must use http or https')
    assert.equal(webhookUrlProblem('file:///etc/passwd'), 'The URL must use http or https')
    assert.equal(webhookUrlProblem('/relative'), 'The URL is not valid')
    assert.equal(
      webhookUrlProblem('https://user:pw@example.com'),
      'The URL must not contain credentials'
    )
  })

  test('"*" subscribes to every event', ({ assert }) => {
    assert.isTrue(subscribesTo(['*'], 'post:created'))
    assert.isTrue(subscribesTo(['post:created'], 'post:created'))
    assert.isFalse(subscribesTo(['comment:created'], 'post:created'))
  })
})
