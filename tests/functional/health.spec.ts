import { test } from '@japa/runner'

test.group('Operations endpoints and the error shape', () => {
  test('GET /health answers without touching dependencies', async ({ client }) => {
    const response = await client.get('/health')
    response.assertStatus(200)
    response.assertBody({ status: 'ok' })
  })

  test('GET /health/ready checks the database', async ({ client, assert }) => {
    const response = await client.get('/health/ready')
    response.assertStatus(200)
    assert.equal(response.body().status, 'ok')
    assert.isTrue(response.body().checks.some((c: { name: string }) => c.name.includes('Database')))
  })

  test('GET /ping', async ({ client }) => {
    const response = await client.get('/ping')
    response.assertStatus(200)
  })

  test('unknown routes answer 404 in the documented shape with a request id', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/api/v1/nothing-here').header('x-request-id', 'trace-me-123')
    response.assertStatus(404)
    response.assertBody({ errors: [{ code: 'E_NOT_FOUND', message: 'Resource not found' }] })
    assert.equal(response.header('x-request-id'), 'trace-me-123')
  })

  test('an X-Request-Id that is not a short plain id is replaced, not echoed or logged', async ({
    client,
    assert,
  }) => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
    for (const id of ['x'.repeat(129), 'has spaces', '{"json":1}', 'a\tb']) {
      const response = await client.get('/ping').header('x-request-id', id)
      response.assertStatus(200)
      assert.match(response.header('x-request-id') ?? '', uuid, id)
    }
    const kept = 'nginx-0123456789abcdef:1.2_3'
    const response = await client.get('/ping').header('x-request-id', kept)
    assert.equal(response.header('x-request-id'), kept)
  })

  test('a wrong method answers 404 JSON, never HTML or a stack', async ({ client, assert }) => {
    const response = await client.patch('/api/v1/user/me').header('accept', 'text/html')
    assert.oneOf(response.status(), [404, 405])
    assert.isArray(response.body().errors)
    assert.notInclude(response.text(), ' at ')
  })
})
