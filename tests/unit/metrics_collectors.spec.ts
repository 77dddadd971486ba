import { test } from '@japa/runner'
import { Registry } from 'prom-client'
import type { EmitterService } from '@adonisjs/core/types'
import { HttpCollector, UNMATCHED_ROUTE } from '#core/metrics/http_collector'
import { LucidCollector } from '#core/metrics/lucid_collector'
import { METRICS_ROUTE_NAME } from '#core/metrics/metrics_route'
import { parseMetrics } from '#tests/helpers/metrics'

/** Collects the listeners a collector registers, so tests can fire events. */
function fakeEmitter() {
  const listeners = new Map<string, (payload: any) => void>()
  const emitter = { on: (event: string, listener: any) => listeners.set(event, listener) }
  return {
    emitter: emitter as unknown as EmitterService,
    fire: (e: string, p: unknown) => listeners.get(e)!(p),
  }
}

function fakeContext(
  route: { pattern: string; name?: string } | undefined,
  status = 200,
  headersSent = true
) {
  return {
    route,
    request: { method: () => 'GET' },
    response: { getStatus: () => status, response: { headersSent } },
  }
}

async function samples(registry: Registry) {
  return parseMetrics(await registry.metrics())
}

test.group('Metrics collectors', () => {
  test('the HTTP histogram keeps whole seconds of slow requests', async ({ assert }) => {
    const registry = new Registry()
    const { emitter, fire } = fakeEmitter()
    new HttpCollector(emitter, { registry, metricsPrefix: 't', enableExemplars: false }).register()

    fire('http:request_completed', {
      ctx: fakeContext({ pattern: '/post/:id' }),
      duration: [2, 5e8],
    })

    const sum = (await samples(registry)).find(
      (s) => s.name === 't_http_request_duration_seconds_sum'
    )
    assert.equal(sum?.value, 2.5)
    assert.equal(sum?.labels.route, '/post/:id')
  })

  test('unmatched requests share one label; the metrics route is skipped', async ({ assert }) => {
    const registry = new Registry()
    const { emitter, fire } = fakeEmitter()
    new HttpCollector(emitter, { registry, metricsPrefix: 't', enableExemplars: false }).register()

    fire('http:request_completed', { ctx: fakeContext(undefined, 404), duration: [0, 1e6] })
    fire('http:request_completed', {
      ctx: fakeContext({ pattern: '/metrics', name: METRICS_ROUTE_NAME }),
      duration: [0, 1e6],
    })

    const requests = (await samples(registry)).filter((s) => s.name === 't_http_requests_total')
    assert.deepEqual(
      requests.map((s) => [s.labels, s.value]),
      [[{ method: 'GET', route: UNMATCHED_ROUTE, status: '404' }, 1]]
    )
  })

  test('a request cut before any response is counted as 499, not 200', async ({ assert }) => {
    const registry = new Registry()
    const { emitter, fire } = fakeEmitter()
    new HttpCollector(emitter, { registry, metricsPrefix: 't', enableExemplars: false }).register()

    fire('http:request_completed', {
      ctx: fakeContext({ pattern: '/api/v1/user' }, 200, false),
      duration: [1, 0],
    })

    const requests = (await samples(registry)).filter((s) => s.name === 't_http_requests_total')
    assert.deepEqual(
      requests.map((s) => s.labels.status),
      ['499']
    )
  })

  test('the query histogram keeps whole seconds and labels by model and method', async ({
    assert,
  }) => {
    const registry = new Registry()
    const { emitter, fire } = fakeEmitter()
    new LucidCollector(emitter, { registry, metricsPrefix: 't', enableExemplars: false }).register()

    fire('db:query', {
      connection: 'mysql',
      model: 'User',
      method: 'select',
      sql: 'select * from users where email = ?',
      duration: [1, 25e7],
    })

    const sum = (await samples(registry)).find(
      (s) => s.name === 't_lucid_query_duration_seconds_sum'
    )
    assert.equal(sum?.value, 1.25)
    assert.deepEqual(sum?.labels, { connection: 'mysql', model: 'User', method: 'select' })
  })
})
