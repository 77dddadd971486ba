import { test } from '@japa/runner'
import { http } from '#config/app'

test.group('Trusted proxies', () => {
  test('only loopback and private peers may set the client address', ({ assert }) => {
    const trust = http.trustProxy!
    assert.isTrue(trust('127.0.0.1', 0))
    assert.isTrue(trust('10.1.2.3', 0))
    assert.isTrue(trust('172.18.0.5', 0), 'a docker network')
    assert.isFalse(trust('8.8.8.8', 0), 'a public peer cannot choose its IP for the rate limiter')
    assert.isFalse(trust('203.0.113.9', 0))
  })
})
