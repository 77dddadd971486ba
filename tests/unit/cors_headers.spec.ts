import { test } from '@japa/runner'
import type { CorsConfig } from '@adonisjs/cors/types'
import { corsHeadersFor } from '#core/http/cors_headers'

const base: CorsConfig = {
  enabled: true,
  origin: true,
  methods: ['GET'],
  headers: true,
  exposeHeaders: ['x-request-id'],
  credentials: false,
  maxAge: 90,
}
const origin = 'https://front.example'

test.group("corsHeadersFor (the fast lane's copy of @adonisjs/cors for simple requests)", () => {
  test('reflects an allowed origin and lists exposed headers', ({ assert }) => {
    assert.deepEqual(corsHeadersFor(base, origin), {
      'access-control-allow-origin': origin,
      'access-control-expose-headers': 'x-request-id',
    })
    assert.deepEqual(corsHeadersFor({ ...base, origin: [origin], credentials: true }, origin), {
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'x-request-id',
    })
    assert.deepEqual(
      corsHeadersFor({ ...base, origin: '*', exposeHeaders: ['Content-Type'] }, origin),
      {
        'access-control-allow-origin': '*',
      }
    )
  })

  test('adds nothing for an origin not allowed or when CORS is off', ({ assert }) => {
    assert.deepEqual(corsHeadersFor({ ...base, origin: ['https://other.example'] }, origin), {})
    assert.deepEqual(
      corsHeadersFor({ ...base, origin: 'https://a.example,https://b.example' }, origin),
      {}
    )
    assert.deepEqual(corsHeadersFor({ ...base, origin: false }, origin), {})
    assert.deepEqual(corsHeadersFor({ ...base, enabled: false }, origin), {})
  })

  test('declines when the config decides per request', ({ assert }) => {
    assert.isUndefined(corsHeadersFor({ ...base, origin: () => true }, origin))
    assert.isUndefined(corsHeadersFor({ ...base, enabled: () => true }, origin))
  })
})
