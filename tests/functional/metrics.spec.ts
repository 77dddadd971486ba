import { test } from '@japa/runner'
import { readFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'
import limiter from '@adonisjs/limiter/services/main'
import { createUser, PASSWORD } from '#tests/helpers/accounts'
import { scrape, valueOf } from '#tests/helpers/metrics'

/*
 * A route with a parameter, registered before the functional suite starts
 * the server (test files are imported first), so labels can be checked
 * without depending on another plugin's routes.
 */
router.get('/__metrics_probe/:id', ({ params }) => ({ id: params.id }))

const REQUESTS = 'boardcms_http_requests_total'

test.group('GET /metrics', (group) => {
  group.each.setup(() => limiter.clear())

  test('answers the Prometheus text format with process metrics', async ({ client, assert }) => {
    const response = await client.get('/metrics')
    response.assertStatus(200)
    assert.match(response.header('content-type') ?? '', /^text\/plain/)
    assert.include(response.text(), 'boardcms_process_cpu_user_seconds_total')
    assert.include(response.text(), 'boardcms_nodejs_eventloop_lag_seconds')
  })

  test('labels requests by route pattern, never by raw path', async ({ client, assert }) => {
    const before = await scrape(client)
    const probe = { route: '/__metrics_probe/:id', method: 'GET', status: '200' }
    await client.get('/__metrics_probe/1')
    await client.get('/__metrics_probe/2')
    const after = await scrape(client)

    assert.equal(valueOf(after, REQUESTS, probe) - valueOf(before, REQUESTS, probe), 2)
    const series = after.filter((s) => s.name === REQUESTS && s.labels.route.includes('probe'))
    assert.lengthOf(series, 1)
    assert.equal(
      valueOf(after, 'boardcms_http_request_duration_seconds_count', probe) -
        valueOf(before, 'boardcms_http_request_duration_seconds_count', probe),
      2
    )
  })

  test('unmatched paths share one series and scrapes are not counted', async ({
    client,
    assert,
  }) => {
    const noise = randomBytes(6).toString('hex')
    const before = await scrape(client)
    await client.get(`/${noise}/1`)
    await client.get(`/${noise}/2`)
    const after = await scrape(client)

    const unmatched = { route: '(unmatched)', status: '404' }
    assert.equal(valueOf(after, REQUESTS, unmatched) - valueOf(before, REQUESTS, unmatched), 2)
    assert.isFalse(after.some((s) => Object.values(s.labels).some((v) => v.includes(noise))))
    assert.isFalse(after.some((s) => s.labels.route === '/metrics'))
  })

  test('records database query durations by model and method', async ({ client, assert }) => {
    await createUser()
    const samples = await scrape(client)
    assert.isAbove(
      valueOf(samples, 'boardcms_lucid_query_duration_seconds_count', {
        model: 'User',
        method: 'insert',
      }),
      0
    )
    assert.isFalse(samples.some((s) => JSON.stringify(s.labels).includes('insert into')))
  })

  test('counts logins and refused logins by reason', async ({ client, assert }) => {
    const user = await createUser()
    const before = await scrape(client)
    await client.post('/api/v1/user/login').json({ username: user.name, password: PASSWORD })
    await client.post('/api/v1/user/login').json({ username: user.name, password: 'wrong-pass-1' })
    const after = await scrape(client)

    const delta = (name: string, labels?: Record<string, string>) =>
      valueOf(after, name, labels) - valueOf(before, name, labels)
    assert.equal(delta('boardcms_accounts_logins_total'), 1)
    assert.equal(
      delta('boardcms_accounts_failed_logins_total', { reason: 'invalid_credentials' }),
      1
    )
  })

  test('every metric the Grafana dashboard queries is exposed', async ({ client, assert }) => {
    const text = (await client.get('/metrics')).text()
    const known = new Set([
      ...[...text.matchAll(/^# TYPE (\S+)/gm)].map((m) => m[1]),
      ...[...text.matchAll(/^([a-z_]+)[{ ]/gm)].map((m) => m[1]),
    ])
    const dashboard = readFileSync(app.makePath('ops/grafana/dashboard.json'), 'utf8')
    const used = new Set([...dashboard.matchAll(/boardcms_\w+/g)].map((m) => m[0]))
    assert.isAbove(used.size, 5)
    for (const name of used) {
      const base = name.replace(/_(bucket|sum|count)$/, '')
      assert.isTrue(known.has(name) || known.has(base), `${name} is not exposed`)
    }
  })
})
